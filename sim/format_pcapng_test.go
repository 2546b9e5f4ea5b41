package sim

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// capRecord is one Enhanced Packet Block read back.
type capRecord struct {
	ts       uint64
	data     []byte
	comments []string
}

// readPcapng reads what WritePcapng writes, checking the block structure:
// one Section Header Block (little-endian, version 1.0), one Interface
// Description Block (raw IPv4, microseconds), then Enhanced Packet Blocks,
// every block's two lengths equal and a multiple of 4.
func readPcapng(t *testing.T, b []byte) []capRecord {
	t.Helper()
	le := binary.LittleEndian
	var recs []capRecord
	for n := 0; len(b) > 0; n++ {
		if len(b) < 12 {
			t.Fatalf("block %d: %d bytes left", n, len(b))
		}
		typ, total := le.Uint32(b), le.Uint32(b[4:])
		if total%4 != 0 || int(total) > len(b) || total < 12 || le.Uint32(b[total-4:]) != total {
			t.Fatalf("block %d: bad total length %d (%d bytes left)", n, total, len(b))
		}
		body := b[8 : total-4]
		b = b[total:]
		switch {
		case n == 0:
			if typ != blockSHB || le.Uint32(body) != byteOrderMagic || le.Uint16(body[4:]) != 1 || le.Uint16(body[6:]) != 0 {
				t.Fatalf("first block: type %#x, body % x", typ, body[:8])
			}
			readOptions(t, body[16:])
		case n == 1:
			if typ != blockIDB || le.Uint16(body) != linkTypeRaw {
				t.Fatalf("second block: type %#x, link type %d", typ, le.Uint16(body))
			}
			opts := readOptions(t, body[8:])
			if string(opts[optIfTsresol][0]) != "\x06" {
				t.Errorf("if_tsresol %q, want 6 (microseconds)", opts[optIfTsresol])
			}
		default:
			if typ != blockEPB || le.Uint32(body) != 0 {
				t.Fatalf("block %d: type %#x, interface %d", n, typ, le.Uint32(body))
			}
			caplen, origlen := int(le.Uint32(body[12:])), int(le.Uint32(body[16:]))
			if caplen != origlen || 20+caplen > len(body) {
				t.Fatalf("block %d: captured %d, original %d, body %d", n, caplen, origlen, len(body))
			}
			padded := (caplen + 3) &^ 3
			r := capRecord{ts: uint64(le.Uint32(body[4:]))<<32 | uint64(le.Uint32(body[8:])), data: body[20 : 20+caplen]}
			r.comments = readOptions(t, body[20+padded:])[optComment]
			recs = append(recs, r)
		}
	}
	return recs
}

// readOptions reads an options list up to opt_endofopt, by code.
func readOptions(t *testing.T, b []byte) map[uint16][]string {
	t.Helper()
	opts := map[uint16][]string{}
	for len(b) > 0 {
		if len(b) < 4 {
			t.Fatalf("options: %d bytes left", len(b))
		}
		code, n := binary.LittleEndian.Uint16(b), int(binary.LittleEndian.Uint16(b[2:]))
		if code == optEnd {
			if n != 0 || len(b) != 4 {
				t.Fatalf("opt_endofopt of length %d with %d bytes after", n, len(b)-4)
			}
			return opts
		}
		padded := (n + 3) &^ 3
		if 4+padded > len(b) {
			t.Fatalf("option %d: length %d, %d bytes left", code, n, len(b))
		}
		opts[code] = append(opts[code], string(b[4:4+n]))
		b = b[4+padded:]
	}
	return opts
}

// capSegment is a datagram's IPv4 and TCP fields the tests look at.
type capSegment struct {
	src, dst string // address:port
	seq, ack uint32
	flags    byte
	payload  []byte
}

// readSegment checks a datagram's IPv4 header and TCP checksums and reads
// its TCP fields.
func readSegment(t *testing.T, d []byte) capSegment {
	t.Helper()
	if len(d) < 40 || d[0] != 0x45 || d[9] != 6 || int(binary.BigEndian.Uint16(d[2:])) != len(d) {
		t.Fatalf("not an IPv4 TCP datagram: % x", d[:min(len(d), 40)])
	}
	if checksum(0, d[:20]) != 0 {
		t.Errorf("bad IPv4 header checksum: % x", d[:20])
	}
	tcp := d[20:]
	pseudo := append(append([]byte{}, d[12:20]...), 0, 6, byte(len(tcp)>>8), byte(len(tcp)))
	if checksum(sum16(0, pseudo), tcp) != 0 {
		t.Errorf("bad TCP checksum: % x", tcp[:20])
	}
	addr := func(ip []byte, port []byte) string {
		return fmt.Sprintf("%d.%d.%d.%d:%d", ip[0], ip[1], ip[2], ip[3], binary.BigEndian.Uint16(port))
	}
	return capSegment{
		src: addr(d[12:16], tcp[0:]), dst: addr(d[16:20], tcp[2:]),
		seq: binary.BigEndian.Uint32(tcp[4:]), ack: binary.BigEndian.Uint32(tcp[8:]),
		flags: tcp[13], payload: tcp[int(tcp[12]>>4)*4:],
	}
}

// checkStreams follows every TCP stream of a capture: it starts with SYN,
// SYN-ACK, ACK; every segment's sequence number is the next its sender
// owes and its acknowledgement the next it expects; only ACKs follow a
// sender's FIN; timestamps increase. It returns the segments.
func checkStreams(t *testing.T, recs []capRecord) []capSegment {
	t.Helper()
	next := map[string]uint32{} // src→dst: the next sequence number
	finned := map[string]bool{}
	var segs []capSegment
	for i, r := range recs {
		if i > 0 && r.ts <= recs[i-1].ts {
			t.Errorf("record %d: timestamp %d after %d", i, r.ts, recs[i-1].ts)
		}
		s := readSegment(t, r.data)
		segs = append(segs, s)
		key, back := s.src+">"+s.dst, s.dst+">"+s.src
		want, known := next[key]
		switch {
		case s.flags&tcpSYN != 0:
			if known {
				t.Errorf("record %d: SYN on %s again (a port reused)", i, key)
			}
		case !known:
			t.Errorf("record %d: %s starts with flags %#x, not SYN", i, key, s.flags)
		case s.seq != want:
			t.Errorf("record %d: %s seq %d, want %d", i, key, s.seq, want)
		case finned[key] && (len(s.payload) > 0 || s.flags&tcpFIN != 0):
			t.Errorf("record %d: %s sends after its FIN", i, key)
		}
		if s.flags&tcpACK != 0 && s.ack != next[back] {
			t.Errorf("record %d: %s ack %d, want %d", i, key, s.ack, next[back])
		}
		next[key] = s.seq + uint32(len(s.payload))
		if s.flags&(tcpSYN|tcpFIN) != 0 {
			next[key]++
		}
		if s.flags&tcpFIN != 0 {
			finned[key] = true
		}
	}
	return segs
}

// pcapngOf writes t and reads it back.
func pcapngOf(t *testing.T, tr *Trace) ([]byte, []capRecord) {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePcapng(&buf, tr); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), readPcapng(t, buf.Bytes())
}

// dumpCapture prints a capture one segment a line, comments below.
func dumpCapture(t *testing.T, recs []capRecord) string {
	var sb strings.Builder
	for i, r := range recs {
		s := readSegment(t, r.data)
		fmt.Fprintf(&sb, "%4d %10dus %s > %s %s seq=%d ack=%d len=%d\n", i, r.ts, s.src, s.dst, flagNames(s.flags), s.seq, s.ack, len(s.payload))
		for _, c := range r.comments {
			fmt.Fprintf(&sb, "       # %s\n", c)
		}
	}
	return sb.String()
}

// flagNames spells TCP flags as tcpdump does.
func flagNames(f byte) string {
	var s string
	for _, n := range []struct {
		bit  byte
		name string
	}{{tcpSYN, "S"}, {tcpFIN, "F"}, {tcpPSH, "P"}, {tcpACK, "."}} {
		if f&n.bit != 0 {
			s += n.name
		}
	}
	return "[" + s + "]"
}

// TestPcapngGolden compares a lesson's capture with
// testdata/pcapng/qos1-lost-puback.pcapng and its dump .txt beside it
// (rewrite both with -update): the file Wireshark opens, and what it holds
// in words.
func TestPcapngGolden(t *testing.T) {
	tr, err := RunLesson("qos1-lost-puback", 1)
	if err != nil {
		t.Fatal(err)
	}
	b, recs := pcapngOf(t, tr)
	checkStreams(t, recs)
	dump := dumpCapture(t, recs)
	base := filepath.Join("testdata", "pcapng", "qos1-lost-puback")
	if rewriteGolden() {
		if err := os.WriteFile(base+".pcapng", b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+".txt", []byte(dump), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(base + ".txt")
	if err != nil {
		t.Fatalf("%v (run go test -run TestPcapngGolden -update)", err)
	}
	if dump != string(want) {
		t.Errorf("capture differs from %s.txt (rewrite with -update after a deliberate change):\n%s", base, dump)
	}
	if wantBytes, err := os.ReadFile(base + ".pcapng"); err != nil || !bytes.Equal(b, wantBytes) {
		t.Errorf("capture bytes differ from %s.pcapng (%v)", base, err)
	}
}

// TestPcapngLessons checks the structure, checksums and streams of every
// lesson's capture, and that every packet the capture leaves out is
// commented on its connection's next segment.
func TestPcapngLessons(t *testing.T) {
	for _, l := range Lessons() {
		tr, err := RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		_, recs := pcapngOf(t, tr)
		checkStreams(t, recs)
		checkLeftOut(t, l.Name, tr, recs)
	}
}

// TestPcapngRandomWorlds checks the captures of random lossy worlds.
func TestPcapngRandomWorlds(t *testing.T) {
	for _, seed := range determinismSeeds {
		w, err := deliveryRun(seed, false)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		_, recs := pcapngOf(t, w.Trace())
		checkStreams(t, recs)
		checkLeftOut(t, fmt.Sprint("seed ", seed), w.Trace(), recs)
	}
}

// checkLeftOut wants one comment per dropped or lost packet step, and the
// capture to carry exactly the bytes of the delivered and refused ones.
func checkLeftOut(t *testing.T, name string, tr *Trace, recs []capRecord) {
	t.Helper()
	var comments []string
	var payload, want []byte
	for _, r := range recs {
		comments = append(comments, r.comments...)
		payload = append(payload, readSegment(t, r.data).payload...)
	}
	all := strings.Join(comments, "\n")
	for _, s := range tr.Steps {
		if s.Kind != KindPacket {
			continue
		}
		if s.Outcome == Delivered || s.Outcome == Refused {
			want = append(want, s.Bytes...)
			continue
		}
		if c := fmt.Sprintf("step %d: %s from %s to %s %s", s.Index, s.Label, s.From, s.To, pcapOutcomeWords(s.Outcome)); !strings.Contains(all, c) {
			t.Errorf("%s: no comment %q", name, c)
		}
	}
	if !bytes.Equal(payload, want) {
		t.Errorf("%s: the capture carries %d bytes of packets, the trace delivered %d", name, len(payload), len(want))
	}
}

// TestPcapngDroppedComment: the comment of a dropped PUBACK is on its
// connection's next segment, and the PUBACK's bytes are not in the stream.
func TestPcapngDroppedComment(t *testing.T) {
	tr, err := RunLesson("qos1-lost-puback", 1)
	if err != nil {
		t.Fatal(err)
	}
	_, recs := pcapngOf(t, tr)
	segs := checkStreams(t, recs)
	for i, r := range recs {
		if len(r.comments) == 0 {
			continue
		}
		if !strings.Contains(r.comments[0], "PUBACK id=1 from broker to sensor dropped by the network") {
			t.Errorf("record %d: comment %q", i, r.comments[0])
		}
		sensor := newPcapState(tr).addr["sensor"]
		if s := segs[i]; !strings.HasPrefix(s.src+" "+s.dst, fmt.Sprintf("%d.%d.%d.%d:", sensor[0], sensor[1], sensor[2], sensor[3])) &&
			!strings.Contains(s.src+" "+s.dst, fmt.Sprintf(" %d.%d.%d.%d:", sensor[0], sensor[1], sensor[2], sensor[3])) {
			t.Errorf("record %d: the comment is on %s > %s, not on the connection of sensor", i, s.src, s.dst)
		}
		return
	}
	t.Error("no comment in the capture")
}

// TestPcapngConnections: each client has its own address, each connection
// its own port (a reconnect is a new stream), a cut link ends in FINs of
// both ends with a comment.
func TestPcapngConnections(t *testing.T) {
	tr, err := RunScenario("cut", "client a\nclient b\nconnect a\nconnect b\ncut a\nconnect a\nsubscribe a x\n", 1)
	if err != nil {
		t.Fatal(err)
	}
	_, recs := pcapngOf(t, tr)
	segs := checkStreams(t, recs)
	var syns, fins []string
	for i, s := range segs {
		if s.flags == tcpSYN {
			syns = append(syns, s.src)
		}
		if s.flags&tcpFIN != 0 {
			fins = append(fins, s.src)
			if s.src == "10.0.0.2:49152" && (len(recs[i].comments) == 0 || !strings.Contains(recs[i].comments[0], "the link of a is cut")) {
				t.Errorf("the FIN of the cut connection has comments %q", recs[i].comments)
			}
		}
	}
	if want := "[10.0.0.2:49152 10.0.0.3:49153 10.0.0.2:49154]"; fmt.Sprint(syns) != want {
		t.Errorf("SYNs from %v, want %s", syns, want)
	}
	if want := "[10.0.0.2:49152 10.0.0.1:1883]"; fmt.Sprint(fins) != want {
		t.Errorf("FINs from %v, want %s", fins, want)
	}
}

// TestPcapngOddTraces: a hand-made trace with unknown nodes, packets with
// no connection, negative and backward times and a packet longer than a
// segment still gives a well-formed capture.
func TestPcapngOddTraces(t *testing.T) {
	long := make([]byte, 5000)
	long[0], long[1], long[2] = 0x30, 0x85, 0x27
	tr := &Trace{Nodes: []string{BrokerName, "a"}, Steps: []Step{
		{Kind: KindPacket, From: "a", To: BrokerName, Bytes: []byte{0xc0, 0}, Outcome: Delivered},
		{Kind: KindClose, From: BrokerName},
		{Kind: KindConnect, From: "ghost", To: BrokerName},
		{Kind: KindConnect, From: "a", To: BrokerName, Time: -5},
		{Kind: KindPacket, From: "a", To: BrokerName, Bytes: long, Outcome: Delivered, Time: 10},
		{Kind: KindPacket, From: BrokerName, To: "ghost", Outcome: Delivered, Time: 3},
		{Kind: KindPacket, From: BrokerName, To: "a", Outcome: Delivered, Time: 3},
		{Kind: KindClose, From: "ghost", To: BrokerName},
		{Kind: KindClose, From: BrokerName, To: "a", Time: 20},
		{Kind: KindPacket, From: "a", To: BrokerName, Bytes: []byte{0xe0, 0}, Outcome: Delivered, Time: 20},
	}}
	_, recs := pcapngOf(t, tr)
	segs := checkStreams(t, recs)
	var carried int
	for _, s := range segs {
		if len(s.payload) > pcapMSS {
			t.Errorf("a segment of %d bytes", len(s.payload))
		}
		carried += len(s.payload)
	}
	if carried != len(long) {
		t.Errorf("carried %d bytes, want the long packet's %d", carried, len(long))
	}
}

// TestChecksum is RFC 1071's example.
func TestChecksum(t *testing.T) {
	if got := checksum(0, []byte{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7}); got != ^uint16(0xddf2) {
		t.Errorf("checksum %#04x, want %#04x", got, ^uint16(0xddf2))
	}
	if got := checksum(0, []byte{0x01}); got != ^uint16(0x0100) {
		t.Errorf("odd length: %#04x", got)
	}
}
