package codec

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// addFixtureSeeds seeds a fuzz target with every fixture's bytes.
func addFixtureSeeds(f *testing.F) {
	for _, fx := range fixtures {
		f.Add(fx.raw)
	}
}

// checkDecode holds the decoder's invariants for any input b: no panic;
// Decode, Decoder.Decode and Annotate give the same verdict; a decoded
// packet re-encodes strictly to the same bytes (up to a Remaining Length
// written with more bytes than needed) and decodes again to itself; an
// error is an *Error.
func checkDecode(t *testing.T, b []byte) {
	var d Decoder
	p1, err1 := Decode(b)
	p2, err2 := d.Decode(b)
	a := Annotate(b)
	if (err1 == nil) != (err2 == nil) || (err1 == nil) != (a.Err == nil) {
		t.Fatalf("% x: Decode %v, Decoder %v, Annotate %v", b, err1, err2, a.Err)
	}
	if err1 != nil {
		var e *Error
		if !errors.As(err1, &e) || !reflect.DeepEqual(err1, err2) || !reflect.DeepEqual(e, a.Err) {
			t.Fatalf("% x: errors differ: %#v / %#v / %#v", b, err1, err2, a.Err)
		}
		if e.Offset < 0 || e.Offset > len(b) || e.Message.EN == "" || e.Message.ZH == "" || e.Token == "" {
			t.Fatalf("% x: bad error %#v", b, e)
		}
		return
	}
	if !equalPackets(p1, p2) || !equalPackets(p1, a.Packet) {
		t.Fatalf("% x: packets differ: %v / %v / %v", b, p1, p2, a.Packet)
	}
	re, err := Append(nil, p1)
	if err != nil {
		t.Fatalf("% x decodes to %v but does not encode: %v", b, p1, err)
	}
	if !bytes.Equal(re, b) {
		_, hb, _ := remainingLength(b)
		_, hr, _ := remainingLength(re)
		if re[0] != b[0] || !bytes.Equal(re[hr:], b[hb:]) {
			t.Fatalf("re-encoded\n% x\nwant\n% x", re, b)
		}
	}
	p3, err := Decode(re)
	if err != nil || !equalPackets(p1, p3) {
		t.Fatalf("% x: decoded again as %v, %v; want %v", re, p3, err, p1)
	}
}

// FuzzDecode checks the decoder's invariants on any bytes.
func FuzzDecode(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(checkDecode)
}

// fuzzBody fuzzes the decoder of one packet type: the fuzzed bytes are a
// body behind a fixed header with first byte first and a correct Remaining
// Length, so that the fuzzer spends its time inside that decoder.
func fuzzBody(f *testing.F, types ...PacketType) {
	for _, fx := range fixtures {
		for _, t := range types {
			if PacketType(fx.raw[0]>>4) == t {
				if _, h, _ := remainingLength(fx.raw); h > 0 {
					f.Add(fx.raw[0], fx.raw[h:])
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, first byte, body []byte) {
		if !bytesContains(types, PacketType(first>>4)) {
			first = byte(types[0])<<4 | first&0x0f
		}
		b, err := appendHeader([]byte{}, first, len(body))
		if err != nil {
			t.Skip()
		}
		checkDecode(t, append(b, body...))
	})
}

func bytesContains(types []PacketType, t PacketType) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// FuzzConnect fuzzes the CONNECT decoder.
func FuzzConnect(f *testing.F) { fuzzBody(f, CONNECT) }

// FuzzConnack fuzzes the CONNACK decoder.
func FuzzConnack(f *testing.F) { fuzzBody(f, CONNACK) }

// FuzzPublish fuzzes the PUBLISH decoder.
func FuzzPublish(f *testing.F) { fuzzBody(f, PUBLISH) }

// FuzzAck fuzzes the decoders of PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK
// and the empty packets.
func FuzzAck(f *testing.F) {
	fuzzBody(f, PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK, PINGREQ, PINGRESP, DISCONNECT)
}

// FuzzSubscribe fuzzes the SUBSCRIBE decoder.
func FuzzSubscribe(f *testing.F) { fuzzBody(f, SUBSCRIBE) }

// FuzzSuback fuzzes the SUBACK decoder.
func FuzzSuback(f *testing.F) { fuzzBody(f, SUBACK) }

// FuzzUnsubscribe fuzzes the UNSUBSCRIBE decoder.
func FuzzUnsubscribe(f *testing.F) { fuzzBody(f, UNSUBSCRIBE) }

// FuzzAnnotate checks that Annotate never fails and that its fields are in
// order, within the bytes, never overlapping; for a well-formed packet
// they explain every byte.
func FuzzAnnotate(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		a := Annotate(b)
		checkFields(t, b, a)
		_, err := Decode(b)
		if (err == nil) != (a.Err == nil) {
			t.Fatalf("% x: Annotate %v, Decode %v", b, a.Err, err)
		}
	})
}

// checkFields checks the layout of an annotation's fields.
func checkFields(t *testing.T, b []byte, a Annotation) {
	t.Helper()
	at := 0
	for i, fl := range a.Fields {
		if fl.Offset < at || fl.Length < 0 || fl.Offset+fl.Length > len(b) {
			t.Fatalf("% x: field %d %q at %d+%d out of order or bounds (cursor %d)", b, i, fl.Name.EN, fl.Offset, fl.Length, at)
		}
		if fl.Name.EN == "" || fl.Name.ZH == "" || fl.Explain.EN == "" || fl.Explain.ZH == "" {
			t.Fatalf("% x: field %d lacks a name or explanation: %#v", b, i, fl)
		}
		if a.Err == nil && fl.Offset != at {
			t.Fatalf("% x: bytes %d to %d are not explained", b, at, fl.Offset)
		}
		at = fl.Offset + fl.Length
	}
	if a.Err == nil && at != len(b) {
		t.Fatalf("% x: bytes from %d are not explained", b, at)
	}
}

// FuzzSplitter checks that the splitter gives the same frames and the
// same error however the stream is chunked.
func FuzzSplitter(f *testing.F) {
	all, _ := stream()
	f.Add(all, uint8(1))
	f.Add(all, uint8(7))
	f.Add([]byte{0xc0, 0x00, 0x30, 0xff, 0xff, 0xff, 0xff}, uint8(2))
	f.Fuzz(func(t *testing.T, b []byte, chunk uint8) {
		n := int(chunk)%16 + 1
		whole, werr := splitChunks(b, len(b)+1)
		parts, perr := splitChunks(b, n)
		if !reflect.DeepEqual(whole, parts) || !reflect.DeepEqual(werr, perr) {
			t.Fatalf("% x in chunks of %d: %d frames %v, at once %d frames %v", b, n, len(parts), perr, len(whole), werr)
		}
		total := 0
		for _, fr := range whole {
			if l, err := FrameLength(fr); err != nil || l != len(fr) {
				t.Fatalf("frame % x: FrameLength %d, %v", fr, l, err)
			}
			total += len(fr)
		}
		if !bytes.Equal(bytes.Join(whole, nil), b[:total]) {
			t.Fatalf("frames are not the stream's bytes")
		}
	})
}

// splitChunks feeds b in chunks of n bytes and collects frames until the
// first error.
func splitChunks(b []byte, n int) ([][]byte, error) {
	var s Splitter
	var frames [][]byte
	for len(b) > 0 {
		k := min(n, len(b))
		s.Feed(b[:k])
		b = b[k:]
		for {
			fr, err := s.Next()
			if err != nil {
				return frames, err
			}
			if fr == nil {
				break
			}
			frames = append(frames, bytes.Clone(fr))
		}
	}
	return frames, nil
}

// FuzzTopicCheck holds the one topic check, which skips plain ASCII eight
// bytes at a time, to the rules read level by level.
func FuzzTopicCheck(f *testing.F) {
	for _, s := range []string{"a/b", "+/+/#", "#", "a+", "/#", "a/#/b", "+", "sport/+x", "温度", "a\x00", "abcdefgh/+/ijklmnop/#", "abcdefg+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, filter := range []bool{false, true} {
			err := checkTopicString(s, filter)
			if want := topicByLevels(s, filter); (err == nil) != want {
				t.Fatalf("%q (filter %v): check says %v, the rules say valid=%v", s, filter, err, want)
			}
		}
	})
}

// topicByLevels is the topic rules as the specification states them: a
// non-empty, well-formed UTF-8 string of at most 65535 bytes without
// U+0000, whose levels hold no wildcard but, in a filter, a level that
// is "+" or a last level that is "#". [MQTT 4.7]
func topicByLevels(s string, filter bool) bool {
	if s == "" || len(s) > 65535 || !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
		return false
	}
	levels := strings.Split(s, "/")
	for i, l := range levels {
		switch {
		case !strings.ContainsAny(l, "+#"):
		case filter && (l == "+" || l == "#" && i == len(levels)-1):
		default:
			return false
		}
	}
	return true
}

// FuzzStrictEncoder checks that the strict encoder refuses exactly what the
// decoder refuses, with the same error: for packets built from the fuzzed
// values, Append's verdict is that of decoding what AllowMalformed writes.
func FuzzStrictEncoder(f *testing.F) {
	f.Add(byte(0), byte(0xc2), uint16(1), "client", "will/topic", "MQTT", []byte("pw"), byte(4), []byte{0, 1})
	f.Add(byte(2), byte(0x0b), uint16(0), "a/+", "", "", []byte("x"), byte(0), []byte{})
	f.Add(byte(7), byte(0), uint16(7), "a/#,+/b,#", "c", "", []byte{}, byte(0), []byte{0, 1, 2, 0x80, 3})
	f.Add(byte(1), byte(1), uint16(0), "", "", "", []byte{}, byte(6), []byte{})
	f.Fuzz(func(t *testing.T, kind, flags byte, id uint16, s1, s2, s3 string, data []byte, level byte, codes []byte) {
		p := fuzzPacket(kind, flags, id, s1, s2, s3, data, level, codes)
		strict, serr := Encoder{}.Append(nil, p)
		loose, lerr := Encoder{AllowMalformed: true}.Append(nil, p)
		if lerr != nil {
			if !reflect.DeepEqual(serr, lerr) {
				t.Fatalf("%v: strict %v, AllowMalformed %v", p, serr, lerr)
			}
			return
		}
		_, derr := parse(loose, new(Decoder), nil)
		if derr == nil {
			if serr != nil || !bytes.Equal(strict, loose) {
				t.Fatalf("%v decodes from % x but the strict encoder says %v", p, loose, serr)
			}
			return
		}
		if !reflect.DeepEqual(serr, error(derr)) {
			t.Fatalf("%v as % x:\nstrict encoder %v\ndecoder        %v", p, loose, serr, derr)
		}
	})
}

// fuzzPacket builds a packet of one of the 14 types from fuzzed values.
func fuzzPacket(kind, flags byte, id uint16, s1, s2, s3 string, data []byte, level byte, codes []byte) Packet {
	switch kind % 14 {
	case 0:
		c := &Connect{ProtocolName: [3]string{"MQTT", "MQIsdp", s3}[level%3], ProtocolLevel: level % 8,
			CleanSession: flags&2 != 0, KeepAlive: id, ClientID: s1, ReservedFlag: flags&1 != 0,
			HasUsername: flags&0x80 != 0, Username: s3, HasPassword: flags&0x40 != 0, Password: data}
		if flags&4 != 0 {
			c.Will = &Will{Topic: s2, Message: data, QoS: QoS(flags >> 3 & 3), Retain: flags&0x20 != 0}
		}
		return c
	case 1:
		return &Connack{SessionPresent: flags&1 != 0, ReturnCode: ConnackCode(level)}
	case 2:
		return &Publish{Dup: flags&8 != 0, QoS: QoS(flags >> 1 & 3), Retain: flags&1 != 0, Topic: s1, PacketID: id, Payload: data}
	case 3:
		return &Puback{PacketID: id}
	case 4:
		return &Pubrec{PacketID: id}
	case 5:
		return &Pubrel{PacketID: id}
	case 6:
		return &Pubcomp{PacketID: id}
	case 7:
		s := &Subscribe{PacketID: id}
		for i, fl := range splitNonEmpty(s1) {
			q := QoS(0)
			if i < len(codes) {
				q = QoS(codes[i])
			}
			s.Subscriptions = append(s.Subscriptions, Subscription{Filter: fl, QoS: q})
		}
		return s
	case 8:
		s := &Suback{PacketID: id}
		for _, c := range codes {
			s.ReturnCodes = append(s.ReturnCodes, SubackCode(c))
		}
		return s
	case 9:
		return &Unsubscribe{PacketID: id, Filters: splitNonEmpty(s1)}
	case 10:
		return &Unsuback{PacketID: id}
	case 11:
		return &Pingreq{}
	case 12:
		return &Pingresp{}
	}
	return &Disconnect{}
}

// splitNonEmpty splits s at commas; "" gives no element.
func splitNonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}
