package simtest

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

// Block types, option codes and TCP flags as the reader checks them
// (pcapng: draft-ietf-opsawg-pcapng; TCP: RFC 9293).
const (
	blockSHB       = 0x0A0D0D0A
	blockIDB       = 0x00000001
	blockEPB       = 0x00000006
	byteOrderMagic = 0x1A2B3C4D
	linkTypeRaw    = 101
	optEnd         = 0
	optComment     = 1
	optIfTsresol   = 9

	// FIN, SYN, PSH and ACK are the TCP flags of a segment.
	FIN = 0x01
	SYN = 0x02
	PSH = 0x08
	ACK = 0x10
)

// Record is one Enhanced Packet Block read back: its timestamp in
// microseconds, the IPv4 datagram and the block's comments.
type Record struct {
	TS       uint64
	Data     []byte
	Comments []string
}

// ReadPcapng reads a capture, checking the block structure: one Section
// Header Block (little-endian, version 1.0), one Interface Description
// Block (raw IPv4, microseconds), then Enhanced Packet Blocks, every
// block's two lengths equal and a multiple of 4.
func ReadPcapng(t testing.TB, b []byte) []Record {
	t.Helper()
	le := binary.LittleEndian
	var recs []Record
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
			r := Record{TS: uint64(le.Uint32(body[4:]))<<32 | uint64(le.Uint32(body[8:])), Data: body[20 : 20+caplen]}
			r.Comments = readOptions(t, body[20+padded:])[optComment]
			recs = append(recs, r)
		}
	}
	return recs
}

// readOptions reads an options list up to opt_endofopt, by code.
func readOptions(t testing.TB, b []byte) map[uint16][]string {
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

// Segment is a datagram's IPv4 and TCP fields the tests look at.
type Segment struct {
	Src, Dst string // address:port
	Seq, Ack uint32
	Flags    byte
	Payload  []byte
}

// ReadSegment checks a datagram's IPv4 header and TCP checksums and reads
// its TCP fields.
func ReadSegment(t testing.TB, d []byte) Segment {
	t.Helper()
	if len(d) < 40 || d[0] != 0x45 || d[9] != 6 || int(binary.BigEndian.Uint16(d[2:])) != len(d) {
		t.Fatalf("not an IPv4 TCP datagram: % x", d[:min(len(d), 40)])
	}
	if !checksumOK(d[:20]) {
		t.Errorf("bad IPv4 header checksum: % x", d[:20])
	}
	tcp := d[20:]
	pseudo := append(append([]byte{}, d[12:20]...), 0, 6, byte(len(tcp)>>8), byte(len(tcp)))
	if !checksumOK(append(pseudo, tcp...)) {
		t.Errorf("bad TCP checksum: % x", tcp[:20])
	}
	addr := func(ip []byte, port []byte) string {
		return fmt.Sprintf("%d.%d.%d.%d:%d", ip[0], ip[1], ip[2], ip[3], binary.BigEndian.Uint16(port))
	}
	return Segment{
		Src: addr(d[12:16], tcp[0:]), Dst: addr(d[16:20], tcp[2:]),
		Seq: binary.BigEndian.Uint32(tcp[4:]), Ack: binary.BigEndian.Uint32(tcp[8:]),
		Flags: tcp[13], Payload: tcp[int(tcp[12]>>4)*4:],
	}
}

// checksumOK reports whether b, checksum field included, sums to all ones
// in one's complement arithmetic (RFC 1071), as a receiver checks it.
func checksumOK(b []byte) bool {
	var sum uint64
	for i := 0; i < len(b); i += 2 {
		w := uint64(b[i]) << 8
		if i+1 < len(b) {
			w |= uint64(b[i+1])
		}
		sum += w
	}
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	return sum == 0xffff
}

// CheckStreams follows every TCP stream of a capture: it starts with SYN,
// SYN-ACK, ACK; every segment's sequence number is the next its sender
// owes and its acknowledgement the next it expects; only ACKs follow a
// sender's FIN; timestamps increase. It returns the segments.
func CheckStreams(t testing.TB, recs []Record) []Segment {
	t.Helper()
	next := map[string]uint32{} // src→dst: the next sequence number
	finned := map[string]bool{}
	var segs []Segment
	for i, r := range recs {
		if i > 0 && r.TS <= recs[i-1].TS {
			t.Errorf("record %d: timestamp %d after %d", i, r.TS, recs[i-1].TS)
		}
		s := ReadSegment(t, r.Data)
		segs = append(segs, s)
		key, back := s.Src+">"+s.Dst, s.Dst+">"+s.Src
		want, known := next[key]
		switch {
		case s.Flags&SYN != 0:
			if known {
				t.Errorf("record %d: SYN on %s again (a port reused)", i, key)
			}
		case !known:
			t.Errorf("record %d: %s starts with flags %#x, not SYN", i, key, s.Flags)
		case s.Seq != want:
			t.Errorf("record %d: %s seq %d, want %d", i, key, s.Seq, want)
		case finned[key] && (len(s.Payload) > 0 || s.Flags&FIN != 0):
			t.Errorf("record %d: %s sends after its FIN", i, key)
		}
		if s.Flags&ACK != 0 && s.Ack != next[back] {
			t.Errorf("record %d: %s ack %d, want %d", i, key, s.Ack, next[back])
		}
		next[key] = s.Seq + uint32(len(s.Payload))
		if s.Flags&(SYN|FIN) != 0 {
			next[key]++
		}
		if s.Flags&FIN != 0 {
			finned[key] = true
		}
	}
	return segs
}

// DumpCapture prints a capture one segment a line, comments below.
func DumpCapture(t testing.TB, recs []Record) string {
	var sb strings.Builder
	for i, r := range recs {
		s := ReadSegment(t, r.Data)
		fmt.Fprintf(&sb, "%4d %10dus %s > %s %s seq=%d ack=%d len=%d\n", i, r.TS, s.Src, s.Dst, flagNames(s.Flags), s.Seq, s.Ack, len(s.Payload))
		for _, c := range r.Comments {
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
	}{{SYN, "S"}, {FIN, "F"}, {PSH, "P"}, {ACK, "."}} {
		if f&n.bit != 0 {
			s += n.name
		}
	}
	return "[" + s + "]"
}
