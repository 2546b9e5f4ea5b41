package codec

import (
	"strconv"
	"unsafe"
)

// parser reads one packet. With a nil recorder it is Decode and allocates
// nothing beyond the packet structs; with a recorder it also notes every
// field for Annotate. Both take the same path, so they never disagree.
type parser struct {
	b   []byte // the bytes available, from the packet's first byte
	pos int    // the next byte to read
	end int    // just past the packet, as the Remaining Length declares it
	lim int    // min(end, len(b)): reads stop here
	rl  int    // the Remaining Length
	rec *recorder
}

// recording reports whether the parser notes fields, so that callers
// format values only when someone will read them.
func (p *parser) recording() bool { return p.rec != nil }

// note records a field of n bytes at off.
func (p *parser) note(sec Section, name Text, off, n int, value Text, explain Text, parts ...Part) {
	p.rec.fields = append(p.rec.fields, Field{
		Section: sec, Name: name, Offset: off, Length: n,
		Value: value, Explain: explain, Parts: parts,
	})
}

// short reports n bytes that the packet does not hold. Bytes past the
// Remaining Length are a malformation of the field being read; bytes
// inside it but missing make the packet incomplete.
func (p *parser) short(n int, what *Text) *Error {
	if p.pos+n > p.end {
		left := p.end - p.pos
		return newError(ErrPacketLength, p.pos, "MQTT 2.2.3", Text{
			EN: "The " + what.EN + " needs " + plural(n, "byte") + " but the Remaining Length leaves only " + strconv.Itoa(left) + ".",
			ZH: what.ZH + "需要 " + strconv.Itoa(n) + " 个字节，但剩余长度只剩下 " + strconv.Itoa(left) + " 个字节。",
		})
	}
	return p.truncated()
}

// truncated is the error for a packet whose bytes end before its
// Remaining Length does. It points at the Remaining Length: either it is
// wrong or bytes are missing.
func (p *parser) truncated() *Error {
	n := len(p.b) - (p.end - p.rl)
	return newError(ErrIncomplete, 1, "MQTT 2.2.3", Text{
		EN: "Remaining Length says " + strconv.Itoa(p.rl) + " but " + follow(n) + ": the packet is incomplete, or the Remaining Length is wrong.",
		ZH: "剩余长度为 " + strconv.Itoa(p.rl) + "，但后面只有 " + strconv.Itoa(n) + " 个字节：报文不完整，或者剩余长度算错了。",
	})
}

// shortAt is short for n bytes at offset i.
func (p *parser) shortAt(i, n int, what *Text) *Error {
	p.pos = i
	return p.short(n, what)
}

// byte1 reads one byte.
func (p *parser) byte1(what *Text) (byte, *Error) {
	if p.pos >= p.lim {
		return 0, p.short(1, what)
	}
	c := p.b[p.pos]
	p.pos++
	return c, nil
}

// uint16 reads a big-endian two-byte integer. [MQTT 1.5.2]
func (p *parser) uint16(what *Text) (uint16, *Error) {
	i := p.pos
	if i+2 > p.lim {
		return 0, p.short(2, what)
	}
	b := p.b[i : i+2]
	p.pos = i + 2
	return uint16(b[0])<<8 | uint16(b[1]), nil
}

// lenField returns the length-prefixed field at b[i:] and the index just
// past it; ok is false when b does not hold all of it. Its callers keep
// the cursor in a local variable rather than in p.pos, so that a packet
// of many fields (CONNECT) keeps it in a register. [MQTT 1.5.3]
func lenField(b []byte, i int) (v []byte, next int, ok bool) {
	if i+2 > len(b) {
		return nil, i, false
	}
	n := i + 2 + (int(b[i])<<8 | int(b[i+1]))
	if n > len(b) {
		return nil, i, false
	}
	return b[i+2 : n : n], n, true
}

// fieldShort is the error for the length-prefixed field at offset i that
// lenField found the packet does not hold: its length, or its data. The
// length is noted when it is there.
func (p *parser) fieldShort(i int, sec Section, f *stringField) *Error {
	p.pos = i
	if i+2 > p.lim {
		return p.short(2, &f.lenName)
	}
	n := int(p.b[i])<<8 | int(p.b[i+1])
	if p.rec != nil {
		p.note(sec, f.lenName, i, 2, same(strconv.Itoa(n)), f.lenExplain)
	}
	p.pos = i + 2
	return p.short(n, &f.name)
}

// noteField records the length-prefixed field v that starts at offset i:
// its length, then its data.
func (p *parser) noteField(sec Section, f *stringField, i int, v []byte, value, explain Text) {
	p.note(sec, f.lenName, i, 2, same(strconv.Itoa(len(v))), f.lenExplain)
	p.note(sec, f.name, i+2, len(v), value, explain)
}

// noteText records the UTF-8 string v at offset i as noteField does.
func (p *parser) noteText(sec Section, f *stringField, i int, v []byte) {
	p.noteField(sec, f, i, v, quote(aliasString(v)), f.explain)
}

// noteBinary records the binary data v at offset i as noteField does.
func (p *parser) noteBinary(sec Section, f *stringField, i int, v []byte) {
	p.noteField(sec, f, i, v, showBytes(v), f.explain)
}

// topic reads a topic name or filter at p.pos and checks it with the
// topic rules.
func (p *parser) topic(sec Section, f *stringField, filter bool) (string, *Error) {
	i := p.pos
	v, next, ok := lenField(p.b[:p.lim], i)
	if !ok {
		return "", p.fieldShort(i, sec, f)
	}
	if p.rec != nil {
		p.noteText(sec, f, i, v)
	}
	s := aliasString(v)
	if err := checkTopicString(s, filter); err != nil {
		return "", topicInPacket(err, s, i+2)
	}
	p.pos = next
	return s, nil
}

// packetID reads the packet identifier of a packet of type t, which must
// not be 0: SUBSCRIBE, UNSUBSCRIBE and PUBLISH with QoS > 0 carry a
// non-zero one [MQTT-2.3.1-1], and the acknowledgements repeat it
// [MQTT-2.3.1-6, MQTT-2.3.1-7, MQTT 3.7.2].
func (p *parser) packetID(t PacketType) (uint16, *Error) {
	off := p.pos
	id, err := p.uint16(&packetIDName)
	if err != nil {
		if err.Token == ErrPacketLength.Token && (t == PUBLISH || t == SUBSCRIBE || t == UNSUBSCRIBE) {
			err.Rule = "MQTT-2.3.1-1" // the Remaining Length leaves no room for it
		}
		return 0, err
	}
	if p.recording() {
		p.note(VariableHeader, packetIDName, off, 2, same(strconv.Itoa(int(id))), packetIDExplain)
	}
	if id == 0 {
		return 0, packetIDZero(t, off)
	}
	return id, nil
}

// packetIDZero is the error for packet identifier 0 in a packet of type t
// at offset off.
func packetIDZero(t PacketType, off int) *Error {
	switch t {
	case PUBLISH, SUBSCRIBE, UNSUBSCRIBE:
		return newError(ErrPacketIDZero, off, "MQTT-2.3.1-1", Text{
			EN: "The Packet Identifier is 0; a " + t.String() + " must carry one between 1 and 65535.",
			ZH: "报文标识符为 0；" + t.String() + " 的报文标识符必须在 1 到 65535 之间。",
		})
	}
	rule := "MQTT-2.3.1-6"
	switch t {
	case PUBCOMP:
		rule = "MQTT 3.7.2"
	case SUBACK, UNSUBACK:
		rule = "MQTT-2.3.1-7"
	}
	return newError(ErrPacketIDZero, off, rule, Text{
		EN: "The Packet Identifier is 0; a " + t.String() + " repeats the identifier of the packet it answers, which is never 0.",
		ZH: "报文标识符为 0；" + t.String() + " 必须沿用它所响应的报文的标识符，而那个标识符不可能为 0。",
	})
}

// stringField names a length-prefixed field and its length.
type stringField struct {
	lenName, lenExplain Text
	name, explain       Text
}

var (
	packetIDName    = Text{EN: "Packet Identifier", ZH: "报文标识符"}
	packetIDExplain = Text{
		EN: "Pairs this packet with its acknowledgement; chosen by the sender, non-zero, unique among its unacknowledged packets.",
		ZH: "把本报文和对应的确认报文配对；由发送方选择，不能为 0，在未确认的报文中唯一。",
	}
)

// aliasString views b as a string without copying. The decoder's callers
// must not change the bytes while they use the packet.
func aliasString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// follow is "1 byte follows", "2 bytes follow".
func follow(n int) string {
	if n == 1 {
		return "1 byte follows"
	}
	return strconv.Itoa(n) + " bytes follow"
}

// plural is "1 byte", "2 bytes".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}
