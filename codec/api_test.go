package codec

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestAnnotateFixtures annotates every fixture: a valid one is explained
// byte by byte and gives the decoded packet; a malformed one ends with
// Decode's error.
func TestAnnotateFixtures(t *testing.T) {
	for _, f := range fixtures {
		a := Annotate(f.raw)
		checkFields(t, f.raw, a)
		if a.Type != PacketType(f.raw[0]>>4) {
			t.Errorf("%s: Type %v", f.name, a.Type)
		}
		_, err := Decode(f.raw)
		if f.valid() {
			if a.Err != nil || !equalPackets(a.Packet, f.want) {
				t.Errorf("%s: Annotate gives %v, %v", f.name, a.Packet, a.Err)
			}
			continue
		}
		if a.Packet != nil || a.Err == nil || *a.Err != *err.(*Error) {
			t.Errorf("%s: Annotate gives %v, %v; Decode %v", f.name, a.Packet, a.Err, err)
		}
		if len(a.Fields) == 0 {
			t.Errorf("%s: no field understood before the fault", f.name)
		}
	}
}

// TestAnnotateEmpty: no bytes at all is incomplete, not a panic.
func TestAnnotateEmpty(t *testing.T) {
	a := Annotate(nil)
	if !errors.Is(a.Err, ErrIncomplete) || len(a.Fields) != 0 {
		t.Fatalf("Annotate(nil) = %+v", a)
	}
}

// TestAnnotationJSON checks the JSON form the command line and the app
// read: sections by name, texts in both languages, error with its rule.
func TestAnnotationJSON(t *testing.T) {
	b, err := json.Marshal(Annotate([]byte{0x40, 0x02, 0x00, 0x00}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"section":"fixed header"`, `"section":"variable header"`,
		`"name":{"en":"Packet Identifier","zh":"报文标识符"}`, `"rule":"MQTT-2.3.1-6"`, `"offset":2`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
}

// TestErrorsIs checks that errors.Is compares tokens and that
// incompleteness is told apart from malformation.
func TestErrorsIs(t *testing.T) {
	_, err := Decode([]byte{0x30, 0x0b, 0x00})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrIncomplete) || e.Malformed() || errors.Is(err, ErrPacketLength) {
		t.Fatalf("truncated packet: %v", err)
	}
	_, err = Decode([]byte{0xf0, 0x00})
	if !errors.As(err, &e) || errors.Is(err, ErrIncomplete) || !e.Malformed() || !errors.Is(err, ErrReservedType) {
		t.Fatalf("reserved type: %v", err)
	}
	if !strings.Contains(err.Error(), "MQTT 2.2.1") || !strings.Contains(err.Error(), "offset 0") {
		t.Fatalf("Error() = %q", err.Error())
	}
}

// TestFrameLength checks the framing of the fixed header alone.
func TestFrameLength(t *testing.T) {
	tests := []struct {
		in   []byte
		want int
		err  *Error
	}{
		{nil, 0, nil},
		{[]byte{0x30}, 0, nil},
		{[]byte{0x30, 0x80}, 0, nil},
		{[]byte{0xc0, 0x00}, 2, nil},
		{[]byte{0x30, 0x0b}, 13, nil},
		{[]byte{0x30, 0x80, 0x01}, 131, nil},
		{[]byte{0x30, 0xff, 0xff, 0xff, 0x7f}, 268435460, nil},
		{[]byte{0x30, 0x80, 0x80, 0x80, 0x80}, 0, ErrRemainingLengthTooLong},
	}
	for _, tt := range tests {
		n, err := FrameLength(tt.in)
		if n != tt.want || (tt.err == nil) != (err == nil) || tt.err != nil && !errors.Is(err, tt.err) {
			t.Errorf("FrameLength(% x) = %d, %v; want %d, %v", tt.in, n, err, tt.want, tt.err)
		}
	}
}

// TestDecodeCopies: Decode's packet does not alias its input, the
// Decoder's does (and says so).
func TestDecodeCopies(t *testing.T) {
	raw := []byte{0x30, 0x05, 0x00, 0x01, 'a', 'x', 'y'}
	p, err := Decode(raw)
	if err != nil {
		t.Fatal(err)
	}
	raw[4], raw[5] = 'b', 'z'
	if pk := p.(*Publish); pk.Topic != "a" || string(pk.Payload) != "xy" {
		t.Fatalf("Decode's packet changed with its input: %v %q", pk, pk.Payload)
	}
}

// TestDecodeShared: DecodeShared's packet aliases its input, in a new
// struct each time, and allocates nothing else.
func TestDecodeShared(t *testing.T) {
	raw := []byte{0x32, 0x07, 0x00, 0x01, 'a', 0x00, 0x05, 'x', 'y'}
	p, err := DecodeShared(raw)
	if err != nil {
		t.Fatal(err)
	}
	pk := p.(*Publish)
	if pk.Topic != "a" || pk.PacketID != 5 || string(pk.Payload) != "xy" || pk.QoS != AtLeastOnce {
		t.Fatalf("DecodeShared = %+v", pk)
	}
	raw[4], raw[7] = 'b', 'z'
	if pk.Topic != "b" || string(pk.Payload) != "zy" {
		t.Fatalf("the packet does not alias its input: %v %q", pk, pk.Payload)
	}
	if q, _ := DecodeShared(raw); q == p {
		t.Fatal("DecodeShared reused the struct of the packet before")
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = DecodeShared(raw) }); n != 1 {
		t.Errorf("DecodeShared of a PUBLISH allocates %v times, want 1 (its struct)", n)
	}
	if _, err := DecodeShared(raw[:5]); err == nil {
		t.Error("DecodeShared of a truncated PUBLISH: no error")
	}
}

// TestDecoderReuse decodes two packets of the same type with one Decoder:
// the second does not inherit the first's fields.
func TestDecoderReuse(t *testing.T) {
	var d Decoder
	if _, err := d.Decode([]byte{0x82, 0x0b, 0x00, 0x01, 0x00, 0x01, 'a', 0x01, 0x00, 0x01, 'b', 0x02, 0x00}[:13]); err == nil {
		t.Fatal("want an error for a filter length cut short")
	}
	first := fixtureNamed(t, "SUBSCRIBE two filters with wildcards")
	second := fixtureNamed(t, "SUBSCRIBE from the seed: 2222 at QoS 0")
	if _, err := d.Decode(first.raw); err != nil {
		t.Fatal(err)
	}
	p, err := d.Decode(second.raw)
	if err != nil || !equalPackets(p, second.want) {
		t.Fatalf("second decode: %v, %v", p, err)
	}
	c1 := fixtureNamed(t, "CONNECT with a retained QoS 1 will")
	c2 := fixtureNamed(t, "CONNECT MQTT 3.1: MQIsdp level 3, empty client id, keepalive off")
	d.Decode(c1.raw)
	if p, err := d.Decode(c2.raw); err != nil || !equalPackets(p, c2.want) {
		t.Fatalf("CONNECT after a CONNECT with will: %v, %v", p, err)
	}
}

func fixtureNamed(t *testing.T, name string) fixture {
	for _, f := range fixtures {
		if f.name == name {
			return f
		}
	}
	t.Fatalf("no fixture %q", name)
	return fixture{}
}

// TestZeroAllocs: a Decoder decodes a small PUBLISH, and the strict
// encoder writes one into a reused buffer, without allocating.
func TestZeroAllocs(t *testing.T) {
	p := benchPublish(64)
	buf, err := Append(nil, p)
	if err != nil {
		t.Fatal(err)
	}
	var d Decoder
	if n := testing.AllocsPerRun(100, func() { d.Decode(buf) }); n != 0 {
		t.Errorf("Decoder.Decode allocates %v times", n)
	}
	dst := make([]byte, 0, 256)
	if n := testing.AllocsPerRun(100, func() { dst, _ = Append(dst[:0], p) }); n != 0 {
		t.Errorf("Append allocates %v times", n)
	}
}

// TestDecodeAllocationBound: whatever the Remaining Length claims, decoding
// allocates in proportion to the bytes present.
func TestDecodeAllocationBound(t *testing.T) {
	// SUBSCRIBE claiming 268435455 bytes, with a few filters present.
	in := []byte{0x82, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x01,
		0x00, 0x01, 'a', 0x00, 0x00, 0x01, 'b', 0x01, 0x00, 0x01}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 10 {
		Decode(in)
		Annotate(in)
		var s Splitter
		s.Feed(in)
		s.Next()
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 100_000 {
		t.Fatalf("decoding 10 times %d bytes allocated %d bytes", len(in), grew)
	}
}

// TestEncoderLimits: what the wire cannot carry is refused even with
// AllowMalformed, and dst is left as it was.
func TestEncoderLimits(t *testing.T) {
	long := strings.Repeat("a", 65536)
	tests := []struct {
		p   Packet
		err *Error
	}{
		{&Publish{Topic: long}, ErrStringTooLong},
		{&Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: long}, ErrStringTooLong},
		{&Connect{ProtocolName: "MQTT", ProtocolLevel: 4, HasPassword: true, HasUsername: true, Password: make([]byte, 65536)}, ErrStringTooLong},
		{&Subscribe{PacketID: 1, Subscriptions: []Subscription{{Filter: long}}}, ErrStringTooLong},
		{&Unsubscribe{PacketID: 1, Filters: []string{long}}, ErrStringTooLong},
		{nil, ErrUnknownPacket},
		{(*Publish)(nil), ErrUnknownPacket},
		{(*Connect)(nil), ErrUnknownPacket},
		{(*Pingreq)(nil), ErrUnknownPacket},
	}
	for _, e := range []Encoder{{}, {AllowMalformed: true}} {
		for _, tt := range tests {
			dst := []byte{1, 2}
			got, err := e.Append(dst, tt.p)
			if !errors.Is(err, tt.err) || !bytes.Equal(got, dst) {
				t.Errorf("%+v.Append(%T) = % x, %v; want %v", e, tt.p, got[:min(len(got), 8)], err, tt.err)
			}
		}
	}
	// A string its flag leaves out is not written, so not refused.
	unsent := &Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, Username: long, Password: []byte(long)}
	if b, err := (Encoder{}).Append(nil, unsent); err != nil || len(b) != 14 {
		t.Errorf("CONNECT with a long user name and password but neither flag: % x, %v; want 14 bytes", b, err)
	}
	if _, err := appendHeader(nil, 0x30, maxRemainingLength+1); !errors.Is(err, ErrPacketTooLarge) {
		t.Errorf("Remaining Length 268435456: %v", err)
	}
	if b, err := appendHeader(nil, 0x30, maxRemainingLength); err != nil || !bytes.Equal(b, []byte{0x30, 0xff, 0xff, 0xff, 0x7f}) {
		t.Errorf("Remaining Length 268435455: % x, %v", b, err)
	}
}

// TestTypesAndSections checks the names of packet types, sections and
// codes.
func TestTypesAndSections(t *testing.T) {
	for _, f := range fixtures {
		if f.valid() && f.want.Type() != PacketType(f.raw[0]>>4) {
			t.Errorf("%s: Type() = %v", f.name, f.want.Type())
		}
	}
	if PacketType(15).String() != "Reserved(15)" || PacketType(200).String() != "PacketType(200)" {
		t.Error("PacketType.String")
	}
	if FixedHeader.String() != "fixed header" || Payload.Name().ZH != "有效载荷" || Section(9).String() != "unknown section" {
		t.Error("Section names")
	}
	if ConnackCode(9).String() != "reserved(9)" || SubackCode(0x81).String() != "0x81" {
		t.Error("code names")
	}
}

// TestOverlongRemainingLength: MQTT 3.1.1 does not forbid a Remaining
// Length written with more bytes than needed; it decodes, the annotation
// says so, and the encoder writes the shortest form.
func TestOverlongRemainingLength(t *testing.T) {
	in := []byte{0xc0, 0x80, 0x00} // PINGREQ, Remaining Length 0 in two bytes
	p, err := Decode(in)
	if err != nil || p.Type() != PINGREQ {
		t.Fatalf("Decode = %v, %v", p, err)
	}
	a := Annotate(in)
	if a.Err != nil || !strings.Contains(a.Fields[1].Explain.EN, "more bytes than needed") {
		t.Fatalf("annotation: %+v", a.Fields[1])
	}
	if b, _ := Append(nil, p); !bytes.Equal(b, []byte{0xc0, 0x00}) {
		t.Fatalf("re-encoded % x", b)
	}
}

// TestAnnotateCutPayload: a PUBLISH whose bytes end inside its payload
// (the tutorial's Remaining Length of 11 with 9 bytes) shows the payload
// bytes that came, how many of how many, and stays incomplete; one that
// ends before its payload shows none.
func TestAnnotateCutPayload(t *testing.T) {
	whole := mustHex(t, "32 0c 00 03 61 2f 62 00 07 68 65 6c 6c 6f") // QoS 1, id 7, "hello"
	start := 9
	for n := 2; n < len(whole); n++ {
		b := whole[:n]
		a := Annotate(b)
		checkFields(t, b, a)
		if !errors.Is(a.Err, ErrIncomplete) {
			t.Fatalf("% x: error %v, want incomplete", b, a.Err)
		}
		last := a.Fields[len(a.Fields)-1]
		cut := last.Section == Payload
		if cut != (n > start) {
			t.Fatalf("% x: last field %q, payload shown: %v", b, last.Name.EN, cut)
		}
		if !cut {
			continue
		}
		got, left := strconv.Itoa(n-start), strconv.Itoa(len(whole)-n)
		if last.Name.EN != "Payload, cut short" || last.Offset != start || last.Length != n-start ||
			!strings.HasPrefix(last.Explain.EN, got+" of the 5 bytes") || !strings.Contains(last.Explain.EN, "; "+left+" never came") ||
			!strings.Contains(last.Explain.ZH, "这里只有 "+got+" 个，还差 "+left+" 个") {
			t.Errorf("% x: payload field %+v", b, last)
		}
	}
	if a := Annotate(whole); a.Err != nil || a.Fields[len(a.Fields)-1].Name.EN != "Payload (application message)" {
		t.Errorf("the whole packet: %+v", a)
	}
}
