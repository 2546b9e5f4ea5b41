package codec

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// TestDecodeFixtures decodes every fixture with Decode and with a reused
// Decoder: valid ones give the packet, malformed ones the error with its
// token, rule and offset.
func TestDecodeFixtures(t *testing.T) {
	var d Decoder
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			got, err := Decode(f.raw)
			checkDecoded(t, "Decode", f, got, err)
			got, err = d.Decode(f.raw)
			checkDecoded(t, "Decoder.Decode", f, got, err)
		})
	}
}

func checkDecoded(t *testing.T, how string, f fixture, got Packet, err error) {
	t.Helper()
	if f.valid() {
		if err != nil {
			t.Fatalf("%s: %v", how, err)
		}
		if !equalPackets(got, f.want) {
			t.Fatalf("%s:\n got %#v\nwant %#v", how, got, f.want)
		}
		return
	}
	if got != nil || err == nil {
		t.Fatalf("%s = %v, %v; want error %s", how, got, err, f.err.Token)
	}
	checkError(t, how, f, err)
}

func checkError(t *testing.T, how string, f fixture, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: error %T %v is not an *Error", how, err, err)
	}
	if !errors.Is(err, f.err) || e.Rule != f.rule || e.Offset != f.offset {
		t.Fatalf("%s: got token %q rule %q offset %d (%v)\nwant token %q rule %q offset %d",
			how, e.Token, e.Rule, e.Offset, err, f.err.Token, f.rule, f.offset)
	}
	if e.Message.EN == "" || e.Message.ZH == "" {
		t.Fatalf("%s: error without a message in both languages: %#v", how, e)
	}
}

// equalPackets compares packets treating nil and empty byte slices alike.
func equalPackets(a, b Packet) bool {
	return reflect.DeepEqual(normalize(a), normalize(b))
}

// normalize returns a copy of p with empty slices made nil.
func normalize(p Packet) Packet {
	switch v := p.(type) {
	case *Connect:
		c := *v
		if len(c.Password) == 0 {
			c.Password = nil
		}
		if c.Will != nil {
			w := *c.Will
			if len(w.Message) == 0 {
				w.Message = nil
			}
			c.Will = &w
		}
		return &c
	case *Publish:
		c := *v
		if len(c.Payload) == 0 {
			c.Payload = nil
		}
		return &c
	case *Subscribe:
		c := *v
		if len(c.Subscriptions) == 0 {
			c.Subscriptions = nil
		}
		return &c
	case *Suback:
		c := *v
		if len(c.ReturnCodes) == 0 {
			c.ReturnCodes = nil
		}
		return &c
	case *Unsubscribe:
		c := *v
		if len(c.Filters) == 0 {
			c.Filters = nil
		}
		return &c
	}
	return p
}

// TestEncodeFixtures encodes every valid fixture's packet and gets its
// bytes; the strict encoder refuses each malformed packet that a lesson can
// build, with the decoder's error, and AllowMalformed writes it.
func TestEncodeFixtures(t *testing.T) {
	for _, f := range fixtures {
		if f.valid() {
			t.Run(f.name, func(t *testing.T) {
				prefix := []byte{0xee}
				got, err := Append(prefix, f.want)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got[1:], f.raw) || got[0] != 0xee {
					t.Fatalf("Append:\n got % x\nwant % x", got[1:], f.raw)
				}
			})
			continue
		}
		if f.encode == nil {
			continue
		}
		t.Run(f.name, func(t *testing.T) {
			dst := []byte{0xee}
			got, err := Append(dst, f.encode)
			if err == nil {
				t.Fatalf("strict Append wrote % x", got)
			}
			if len(got) != 1 {
				t.Fatalf("strict Append failed but changed dst to % x", got)
			}
			checkError(t, "Append", f, err)
			got, err = Encoder{AllowMalformed: true}.Append(nil, f.encode)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, f.raw) {
				t.Fatalf("AllowMalformed:\n got % x\nwant % x", got, f.raw)
			}
		})
	}
}

// TestRoundTrip decodes, re-encodes and decodes again every valid fixture.
func TestRoundTrip(t *testing.T) {
	for _, f := range fixtures {
		if !f.valid() {
			continue
		}
		p, err := Decode(f.raw)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		b, err := Append(nil, p)
		if err != nil || !bytes.Equal(b, f.raw) {
			t.Fatalf("%s: re-encoded % x, %v", f.name, b, err)
		}
		q, err := Decode(b)
		if err != nil || !equalPackets(p, q) {
			t.Fatalf("%s: decoded again %v, %v", f.name, q, err)
		}
	}
}

// TestTruncations checks that every proper prefix of every valid fixture
// is rejected cleanly: never a packet, always an *Error, ErrIncomplete or
// a malformation, the same verdict from Decode and Annotate.
func TestTruncations(t *testing.T) {
	var d Decoder
	for _, f := range fixtures {
		if !f.valid() {
			continue
		}
		for i := 0; i < len(f.raw); i++ {
			b := f.raw[:i]
			p, err := d.Decode(b)
			if err == nil {
				t.Fatalf("%s: prefix % x decoded as %v", f.name, b, p)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%s: prefix % x: %T %v", f.name, b, err, err)
			}
			a := Annotate(b)
			if a.Err == nil || a.Err.Token != e.Token || a.Err.Offset != e.Offset {
				t.Fatalf("%s: prefix % x: Annotate says %v, Decode %v", f.name, b, a.Err, err)
			}
			if n, ferr := FrameLength(b); ferr != nil || n != 0 && n <= len(b) {
				t.Fatalf("%s: prefix % x: FrameLength %d, %v", f.name, b, n, ferr)
			}
		}
	}
}

// TestStrings checks the one-line summaries.
func TestStrings(t *testing.T) {
	tests := []struct {
		p    Packet
		want string
	}{
		{&Publish{QoS: 1, PacketID: 3, Dup: true, Retain: true, Topic: "devices/x"}, "PUBLISH q1 id=3 dup retain devices/x"},
		{&Publish{Topic: "a/b", Payload: []byte("x")}, "PUBLISH q0 a/b"},
		{&Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "phone", CleanSession: true, KeepAlive: 60}, "CONNECT id=phone clean keepalive=60"},
		{&Connect{ProtocolName: "MQIsdp", ProtocolLevel: 3, ClientID: "old", KeepAlive: 10,
			Will: &Will{Topic: "s", QoS: 1, Retain: true}, HasUsername: true, Username: "u", HasPassword: true},
			"CONNECT id=old keepalive=10 will=s q1 retain user=u password protocol=MQIsdp/3"},
		{&Suback{PacketID: 1, ReturnCodes: []SubackCode{1, 0x80}}, "SUBACK id=1 [1 0x80]"},
		{&Subscribe{PacketID: 1, Subscriptions: []Subscription{{"a/+", 1}, {"b/#", 0}}}, "SUBSCRIBE id=1 a/+ q1 b/# q0"},
		{&Unsubscribe{PacketID: 2, Filters: []string{"a/+"}}, "UNSUBSCRIBE id=2 a/+"},
		{&Connack{ReturnCode: 4}, "CONNACK 4 bad-username-password"},
		{&Connack{SessionPresent: true}, "CONNACK 0 accepted session-present"},
		{&Puback{PacketID: 7}, "PUBACK id=7"},
		{&Pubrec{PacketID: 7}, "PUBREC id=7"},
		{&Pubrel{PacketID: 7}, "PUBREL id=7"},
		{&Pubcomp{PacketID: 7}, "PUBCOMP id=7"},
		{&Unsuback{PacketID: 7}, "UNSUBACK id=7"},
		{&Pingreq{}, "PINGREQ"},
		{&Pingresp{}, "PINGRESP"},
		{&Disconnect{}, "DISCONNECT"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
