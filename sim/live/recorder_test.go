package live

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// wire encodes packets back to back, as one end writes them.
func wire(t testing.TB, ps ...codec.Packet) ([]byte, [][]byte) {
	t.Helper()
	var all []byte
	var each [][]byte
	for _, p := range ps {
		b, err := codec.Append(nil, p)
		if err != nil {
			t.Fatalf("encode %v: %v", p, err)
		}
		all = append(all, b...)
		each = append(each, b)
	}
	return all, each
}

// sequences are real exchanges as one end reads them: the client end
// (what a broker sends) and the broker end (what a client sends).
var sequences = []struct {
	name   string
	source trace.Source
	read   []codec.Packet
}{
	{"client reads CONNACK, SUBACK, PUBLISH q1, PUBACK", trace.SourceLive, []codec.Packet{
		&codec.Connack{SessionPresent: true},
		&codec.Suback{PacketID: 1, ReturnCodes: []codec.SubackCode{1}},
		&codec.Publish{QoS: 1, Topic: "a/b", PacketID: 7, Payload: []byte("hello")},
		&codec.Puback{PacketID: 2},
	}},
	{"broker reads CONNECT, PUBLISH q1, PUBACK", trace.SourceBroker, []codec.Packet{
		&codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, KeepAlive: 30, ClientID: "c1"},
		&codec.Publish{QoS: 1, Retain: true, Topic: "a/b", PacketID: 1, Payload: []byte("x")},
		&codec.Puback{PacketID: 9},
	}},
	{"client reads a QoS 2 exchange both ways", trace.SourceLive, []codec.Packet{
		&codec.Pubrec{PacketID: 3},
		&codec.Pubcomp{PacketID: 3},
		&codec.Publish{QoS: 2, Dup: true, Topic: "t", PacketID: 4, Payload: bytes.Repeat([]byte{'p'}, 200)},
		&codec.Pubrel{PacketID: 4},
		&codec.Pingresp{},
	}},
	{"broker reads a QoS 2 exchange both ways", trace.SourceBroker, []codec.Packet{
		&codec.Publish{QoS: 2, Topic: "t", PacketID: 5, Payload: []byte("two")},
		&codec.Pubrel{PacketID: 5},
		&codec.Pubrec{PacketID: 6},
		&codec.Pubcomp{PacketID: 6},
		&codec.Disconnect{},
	}},
}

// readAll reads chunks on a fresh connection 1 of client c1 and records
// every step; the arrivals' steps are as the trace then has them (labels
// are written when the trace is read).
func readAll(r *Recorder, chunks [][]byte) []Arrival {
	r.Record(r.Open(0, 1, "c1", ""), nil)
	var all []Arrival
	for i, c := range chunks {
		for _, a := range r.Read(int64(10+i), 1, c) {
			r.Record(a.Step, nil)
			all = append(all, a)
		}
	}
	for i, s := range r.Trace().Steps[1:] {
		all[i].Step = s
	}
	return all
}

// TestReadSplitEverywhere feeds each sequence in two reads split at every
// offset, one byte a read, and all at once: the steps are the packets,
// each with its exact bytes, its label, and the read that completed it.
func TestReadSplitEverywhere(t *testing.T) {
	for _, seq := range sequences {
		all, each := wire(t, seq.read...)
		var splits [][][]byte
		for i := 0; i <= len(all); i++ {
			splits = append(splits, [][]byte{all[:i], all[i:]})
		}
		var bytewise [][]byte
		for i := range all {
			bytewise = append(bytewise, all[i:i+1])
		}
		splits = append(splits, bytewise)
		for _, chunks := range splits {
			r := NewRecorder(Options{Source: seq.source})
			got := readAll(r, chunks)
			if len(got) != len(each) {
				t.Fatalf("%s, reads of %d bytes: %d steps, want %d", seq.name, lens(chunks), len(got), len(each))
			}
			end := 0
			for i, a := range got {
				end += len(each[i])
				s := a.Step
				if !bytes.Equal(s.Bytes, each[i]) || a.Packet == nil || a.Err != nil {
					t.Fatalf("%s, reads %v: step %d bytes % x (%v), want % x", seq.name, lens(chunks), i, s.Bytes, a.Err, each[i])
				}
				if want := seq.read[i].String(); s.Label.EN != want || s.Packet != seq.read[i].Type() {
					t.Errorf("%s: step %d label %q packet %q, want %q", seq.name, i, s.Label.EN, s.Packet, want)
				}
				if want := readHolding(chunks, end-1); s.Read != want {
					t.Fatalf("%s, reads %v: step %d (ends at byte %d) read %d, want %d", seq.name, lens(chunks), i, end, s.Read, want)
				}
				from, to := trace.BrokerName, "c1"
				if seq.source == trace.SourceBroker {
					from, to = to, from
				}
				if s.Conn != 1 || s.From != from || s.To != to || s.Outcome != trace.Delivered || s.Kind != trace.KindPacket {
					t.Fatalf("%s: step %d %+v", seq.name, i, s)
				}
			}
			steps := r.Trace().Steps
			for i, s := range steps {
				if s.Index != i {
					t.Fatalf("%s: step %d has index %d", seq.name, i, s.Index)
				}
			}
			if len(steps) != 1+len(each) || steps[0].Kind != trace.KindConnect {
				t.Fatalf("%s: %d steps in the trace", seq.name, len(steps))
			}
		}
	}
}

func lens(chunks [][]byte) []int {
	var n []int
	for _, c := range chunks {
		n = append(n, len(c))
	}
	return n
}

// readHolding is the number, from 1 and counting non-empty reads only, of
// the read that holds byte off of the stream.
func readHolding(chunks [][]byte, off int) int {
	n := 0
	for _, c := range chunks {
		if len(c) == 0 {
			continue
		}
		n++
		if off < len(c) {
			return n
		}
		off -= len(c)
	}
	return -1
}

// TestReadMalformed checks the steps of bytes that break a rule: the
// bytes are shown with the codec's error and the receiver reads nothing
// more of the connection.
func TestReadMalformed(t *testing.T) {
	qos3 := []byte{0x36, 0x03, 0x00, 0x01, 'a'}                 // PUBLISH with QoS 3
	tooLong := []byte{0x30, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02} // a fifth Remaining Length byte
	ping := []byte{0xc0, 0x00}                                  // PINGREQ
	tests := []struct {
		name     string
		reads    [][]byte
		outcomes []trace.Outcome
		bytes    [][]byte
		rule     string // of the refused step
		token    *codec.Error
	}{
		{"QoS 3, then a PINGREQ in the same read and the next", [][]byte{append(append([]byte{}, qos3...), ping...), ping},
			[]trace.Outcome{trace.Refused, trace.Lost, trace.Lost}, [][]byte{qos3, ping, ping}, "MQTT-3.3.1-4", codec.ErrQoS3},
		{"Remaining Length of five bytes, split", [][]byte{ping, tooLong[:3], tooLong[3:]},
			[]trace.Outcome{trace.Delivered, trace.Refused}, [][]byte{ping, tooLong}, "MQTT 2.2.3", codec.ErrRemainingLengthTooLong},
	}
	for _, tt := range tests {
		r := NewRecorder(Options{Source: trace.SourceBroker})
		got := readAll(r, tt.reads)
		if len(got) != len(tt.outcomes) {
			t.Fatalf("%s: %d steps, want %d", tt.name, len(got), len(tt.outcomes))
		}
		for i, a := range got {
			if a.Step.Outcome != tt.outcomes[i] || !bytes.Equal(a.Step.Bytes, tt.bytes[i]) {
				t.Fatalf("%s: step %d %s % x, want %s % x", tt.name, i, a.Step.Outcome, a.Step.Bytes, tt.outcomes[i], tt.bytes[i])
			}
			if a.Step.Outcome != trace.Refused {
				continue
			}
			if a.Err == nil || !errors.Is(a.Err, tt.token) || a.Packet != nil {
				t.Fatalf("%s: refused step error %v, want %v", tt.name, a.Err, tt.token)
			}
			if n := a.Step.Notes; len(n) != 1 || n[0].Rule != tt.rule || n[0].Text.EN == "" || n[0].Text.ZH == "" {
				t.Fatalf("%s: notes %+v, want rule %s", tt.name, n, tt.rule)
			}
			if !strings.HasPrefix(a.Step.Label.EN, "malformed PUBLISH") {
				t.Fatalf("%s: label %q", tt.name, a.Step.Label.EN)
			}
		}
		if last := got[len(got)-1]; last.Step.Read != len(tt.reads) {
			t.Fatalf("%s: last step read %d, want %d", tt.name, last.Step.Read, len(tt.reads))
		}
	}
}

// TestShortPublish is the tutorial's PUBLISH that announces 11 bytes and
// sends 9: the receiver takes the next packet's first bytes as its
// payload, and the step says which read completed it.
func TestShortPublish(t *testing.T) {
	short := []byte{0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l'} // 11 announced, 9 sent
	ping := []byte{0xc0, 0x00}
	r := NewRecorder(Options{Source: trace.SourceBroker})
	got := readAll(r, [][]byte{short, ping, ping})
	if len(got) != 2 {
		t.Fatalf("%d steps, want the PUBLISH and the second PINGREQ", len(got))
	}
	pub := got[0].Step
	if want := append(append([]byte{}, short...), ping...); !bytes.Equal(pub.Bytes, want) || pub.Read != 2 || pub.Outcome != trace.Delivered {
		t.Fatalf("PUBLISH step % x read %d %s, want % x read 2", pub.Bytes, pub.Read, pub.Outcome, want)
	}
	if p := got[0].Packet.(*codec.Publish); string(p.Payload) != "hell\xc0\x00" {
		t.Fatalf("payload %q, want the PINGREQ's bytes in it", p.Payload)
	}
	if got[1].Step.Label.EN != "PINGREQ" || got[1].Step.Read != 3 {
		t.Fatalf("second step %+v", got[1].Step)
	}
}

// TestCloseInsidePacket checks that bytes of a packet never finished are
// a step of their own when the connection closes, with the codec's error
// and how many bytes were missing, before the close.
func TestCloseInsidePacket(t *testing.T) {
	short := []byte{0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l'}
	tests := []struct {
		name  string
		held  []byte
		by    Closer
		words string
	}{
		{"PUBLISH 2 bytes short, peer closes", short, Peer, "had 11 of its 13 bytes, 2 never came"},
		{"inside the fixed header, we close", []byte{0x30, 0x80}, Local, "inside a fixed header: broker had 2 bytes"},
	}
	for _, tt := range tests {
		r := NewRecorder(Options{Source: trace.SourceBroker})
		if got := readAll(r, [][]byte{tt.held}); len(got) != 0 {
			t.Fatalf("%s: %d steps before the close", tt.name, len(got))
		}
		steps := r.Close(50, 1, tt.by)
		if len(steps) != 2 {
			t.Fatalf("%s: %d steps, want the unfinished packet and the close", tt.name, len(steps))
		}
		s := steps[0]
		if !bytes.Equal(s.Bytes, tt.held) || s.Outcome != trace.Lost || s.Read != 1 || s.From != "c1" || s.To != trace.BrokerName {
			t.Fatalf("%s: unfinished step %+v", tt.name, s)
		}
		if len(s.Notes) != 2 || s.Notes[0].Rule == "" || !strings.Contains(s.Notes[1].Text.EN, tt.words) {
			t.Fatalf("%s: notes %+v, want the codec's error and %q", tt.name, s.Notes, tt.words)
		}
		c := steps[1]
		from, to := trace.BrokerName, ""
		if tt.by == Peer {
			from, to = "c1", trace.BrokerName
		}
		if c.Kind != trace.KindClose || c.From != from || c.To != to || c.Time != 50 || len(c.Notes) != 1 {
			t.Fatalf("%s: close step %+v", tt.name, c)
		}
		if got := r.Read(60, 1, []byte{0xc0, 0x00}); got != nil {
			t.Fatalf("%s: a read after the close made %d steps", tt.name, len(got))
		}
	}
}

// TestOpenWriteClose checks the steps of the recorder's own end: the
// connect, each written packet, and a close with its reason.
func TestOpenWriteClose(t *testing.T) {
	r := NewRecorder(Options{Source: trace.SourceLive, Start: "2026-12-01T10:00:00.000Z"})
	open := r.Open(5, 3, "c2", "ws://127.0.0.1:8083/mqtt")
	if open.Kind != trace.KindConnect || open.From != "c2" || open.To != trace.BrokerName || open.Conn != 3 || !strings.Contains(open.Notes[0].Text.EN, "ws://127.0.0.1:8083/mqtt") {
		t.Fatalf("connect step %+v", open)
	}
	r.Record(open, nil)
	b, each := wire(t, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "c2"}, &codec.Pingreq{})
	b = append(b, 0x62, 0x02, 0x00) // PUBREL cut short: the codec's error is shown
	steps := r.Write(6, 3, b)
	if len(steps) != 3 {
		t.Fatalf("%d steps for two packets and a piece", len(steps))
	}
	for i, s := range steps {
		if s.From != "c2" || s.To != trace.BrokerName || s.Time != 6 || s.SentAt != 6 || s.Read != 0 || s.Outcome != trace.Delivered {
			t.Fatalf("write step %d %+v", i, s)
		}
		if i < 2 && (!bytes.Equal(s.Bytes, each[i]) || len(s.Notes) != 0) {
			t.Fatalf("write step %d % x %+v", i, s.Bytes, s.Notes)
		}
	}
	if s := steps[2]; s.Label.EN != "malformed PUBREL (3 bytes)" || len(s.Notes) != 1 || s.Notes[0].Rule == "" {
		t.Fatalf("malformed write %+v", s)
	}
	why := trace.Note{Rule: "MQTT-3.1.4-1", Text: trace.Text{EN: "the broker refused", ZH: "服务端拒绝"}}
	closed := r.Close(7, 3, Peer, why)
	if len(closed) != 1 || closed[0].From != trace.BrokerName || closed[0].To != "c2" || closed[0].Notes[0] != why {
		t.Fatalf("close %+v", closed)
	}
	tr := r.Trace()
	if tr.Source != trace.SourceLive || tr.Start != "2026-12-01T10:00:00.000Z" || tr.Version != trace.Version || len(tr.Nodes) != 2 || tr.Nodes[1] != "c2" {
		t.Fatalf("trace head %+v", tr)
	}
}

// TestMaxPacket: a packet announced larger than the limit is refused as
// soon as its fixed header is read, whatever follows: the connection
// never holds more than the limit.
func TestMaxPacket(t *testing.T) {
	big := append([]byte{0x30, 0xc8, 0x01, 0x00, 0x01, 'a'}, bytes.Repeat([]byte{'x'}, 197)...) // 203 bytes
	small, _ := wire(t, &codec.Publish{Topic: "a", Payload: bytes.Repeat([]byte{'y'}, 90)})
	r := NewRecorder(Options{Source: trace.SourceBroker, MaxPacket: 100})
	got := readAll(r, [][]byte{small, big[:2], big[2:50], big[50:]})
	want := []trace.Outcome{trace.Delivered, trace.Refused, trace.Lost}
	if len(got) != len(want) {
		t.Fatalf("%d steps, want %d", len(got), len(want))
	}
	for i, a := range got {
		if a.Step.Outcome != want[i] {
			t.Fatalf("step %d %s, want %s", i, a.Step.Outcome, want[i])
		}
	}
	if a := got[1]; !bytes.Equal(a.Step.Bytes, big[:50]) || a.Step.Read != 3 || a.Err == nil || !strings.Contains(a.Step.Notes[0].Text.EN, "203 bytes, more than the 100") {
		t.Fatalf("refused step % x read %d %v %+v", a.Step.Bytes, a.Step.Read, a.Err, a.Step.Notes)
	}
}

// TestSince is what a watcher that has the steps before a sequence
// number is missing, also once the oldest are dropped.
func TestSince(t *testing.T) {
	r := NewRecorder(Options{Source: trace.SourceLive, Keep: 4})
	r.Open(0, 1, "c1", "")
	for i := range 10 {
		r.Record(r.Write(int64(i), 1, []byte{0xc0, 0x00})[0], nil)
	}
	tests := []struct{ seq, first, n, missed int }{
		{10, 0, 0, 0}, // up to date
		{8, 8, 2, 0},
		{6, 6, 4, 0}, // the oldest kept: 0 to 5 are dropped
		{3, 6, 4, 3},
		{-1, 6, 4, 6},
		{12, 0, 0, 0},
	}
	for _, tt := range tests {
		steps, missed := r.Since(tt.seq)
		if len(steps) != tt.n || missed != tt.missed || tt.n > 0 && steps[0].Time != int64(tt.first) {
			t.Errorf("Since(%d): %d steps (first %+v), %d missed; want %d from %d, %d missed", tt.seq, len(steps), steps, missed, tt.n, tt.first, tt.missed)
		}
	}
	if r.Recorded() != 10 {
		t.Fatalf("recorded %d", r.Recorded())
	}
}
