package codec

import "strconv"

// Decode decodes b, which must hold exactly one packet. The packet does
// not alias b. The error is an *Error: errors.Is(err, ErrIncomplete) when
// b ends before the packet does, another token when the bytes are
// malformed.
func Decode(b []byte) (Packet, error) {
	pk, err := parse(clone(b), nil, nil)
	if err != nil {
		return nil, err
	}
	return pk, nil
}

// DecodeShared decodes b as Decode does, into new structs, without
// Decode's copy of b: the packet's strings and byte slices alias b, which
// must not change while the packet is in use (bytes kept unchanged, as a
// recorded trace step's are).
func DecodeShared(b []byte) (Packet, error) {
	pk, err := parse(b, nil, nil)
	if err != nil {
		return nil, err
	}
	return pk, nil
}

// Decoder decodes packets into structs it reuses, so that decoding a
// small PUBLISH allocates nothing. A packet it returns is valid until the
// next call, and its strings and byte slices alias the decoded bytes: do
// not change them while the packet is in use. The zero value is ready.
type Decoder struct {
	connect     Connect
	will        Will
	connack     Connack
	publish     Publish
	puback      Puback
	pubrec      Pubrec
	pubrel      Pubrel
	pubcomp     Pubcomp
	subscribe   Subscribe
	suback      Suback
	unsubscribe Unsubscribe
	unsuback    Unsuback
	pingreq     Pingreq
	pingresp    Pingresp
	disconnect  Disconnect
}

// Decode decodes b, which must hold exactly one packet, as the function
// Decode does, into the decoder's reused structs.
func (d *Decoder) Decode(b []byte) (Packet, error) {
	pk, err := parse(b, d, nil)
	if err != nil {
		return nil, err
	}
	return pk, nil
}

// parse is the one parser behind Decode, Decoder.Decode and Annotate.
// With d nil it allocates fresh packet structs.
func parse(b []byte, d *Decoder, rec *recorder) (Packet, *Error) {
	if len(b) == 0 {
		return nil, newError(ErrIncomplete, 0, "MQTT 2.2", Text{
			EN: "There are no bytes: a packet starts with its fixed header.",
			ZH: "没有任何字节：报文至少要有固定报头。",
		})
	}
	p := parser{b: b, rec: rec}
	t, flags, err := p.fixedHeader()
	if err != nil {
		return nil, err
	}
	pk, err := p.body(t, flags, d)
	if err != nil {
		return nil, err
	}
	if p.pos < p.end {
		return nil, leftOver(pk, p.pos, p.end-p.pos)
	}
	if p.end < len(b) {
		return nil, newError(ErrTrailingBytes, p.end, "MQTT 2.2.3", Text{
			EN: "Remaining Length says " + strconv.Itoa(p.rl) + " but " + follow(len(b)-p.end+p.rl) + ": the bytes from offset " + strconv.Itoa(p.end) + " are not part of this packet.",
			ZH: "剩余长度为 " + strconv.Itoa(p.rl) + "，但后面有 " + strconv.Itoa(len(b)-p.end+p.rl) + " 个字节：从偏移 " + strconv.Itoa(p.end) + " 开始的字节不属于这个报文。",
		})
	}
	return pk, nil
}

// leftOver is the error for n bytes at off that the Remaining Length of
// pk holds after its last field. In a CONNECT they are most often a user
// name or password whose flag is 0: the error names that rule.
func leftOver(pk Packet, off, n int) *Error {
	t := pk.Type()
	rule := "MQTT " + typeSection(t)
	text := Text{
		EN: "The Remaining Length leaves " + plural(n, "byte") + " after the last field of " + t.String() + ".",
		ZH: t.String() + " 的最后一个字段之后，剩余长度还多出 " + strconv.Itoa(n) + " 个字节。",
	}
	if c, ok := pk.(*Connect); ok {
		switch {
		case !c.HasUsername:
			rule = "MQTT-3.1.2-18"
			text.EN += " The User Name Flag (bit 7 of the Connect Flags) is 0, so no user name may follow: if these bytes are one, set the flag."
			text.ZH += "连接标志的用户名标志（第 7 位）为 0，后面就不能有用户名：如果这些字节是用户名，要把这个标志置 1。"
		case !c.HasPassword:
			rule = "MQTT-3.1.2-20"
			text.EN += " The Password Flag (bit 6 of the Connect Flags) is 0, so no password may follow: if these bytes are one, set the flag."
			text.ZH += "连接标志的密码标志（第 6 位）为 0，后面就不能有密码：如果这些字节是密码，要把这个标志置 1。"
		}
	}
	return newError(ErrPacketLength, off, rule, text)
}

// body decodes the variable header and payload of a packet of type t.
func (p *parser) body(t PacketType, flags byte, d *Decoder) (Packet, *Error) {
	switch t {
	case CONNECT:
		pk, will := d.connectStructs()
		withWill, err := p.connect(pk, will)
		if withWill {
			pk.Will = will
		}
		return pk, err
	case CONNACK:
		pk := reuse(d, func(d *Decoder) *Connack { return &d.connack })
		return pk, p.connack(pk)
	case PUBLISH:
		pk := reuse(d, func(d *Decoder) *Publish { return &d.publish })
		return pk, p.publish(pk, flags)
	case PUBACK:
		pk := reuse(d, func(d *Decoder) *Puback { return &d.puback })
		return pk, p.ack(t, &pk.PacketID)
	case PUBREC:
		pk := reuse(d, func(d *Decoder) *Pubrec { return &d.pubrec })
		return pk, p.ack(t, &pk.PacketID)
	case PUBREL:
		pk := reuse(d, func(d *Decoder) *Pubrel { return &d.pubrel })
		return pk, p.ack(t, &pk.PacketID)
	case PUBCOMP:
		pk := reuse(d, func(d *Decoder) *Pubcomp { return &d.pubcomp })
		return pk, p.ack(t, &pk.PacketID)
	case SUBSCRIBE:
		pk := d.subscribeStruct()
		return pk, p.subscribe(pk)
	case SUBACK:
		pk := d.subackStruct()
		return pk, p.suback(pk)
	case UNSUBSCRIBE:
		pk := d.unsubscribeStruct()
		return pk, p.unsubscribe(pk)
	case UNSUBACK:
		pk := reuse(d, func(d *Decoder) *Unsuback { return &d.unsuback })
		return pk, p.ack(t, &pk.PacketID)
	case PINGREQ:
		return reuse(d, func(d *Decoder) *Pingreq { return &d.pingreq }), p.empty(t)
	case PINGRESP:
		return reuse(d, func(d *Decoder) *Pingresp { return &d.pingresp }), p.empty(t)
	default: // DISCONNECT; reserved types were refused with the flags
		return reuse(d, func(d *Decoder) *Disconnect { return &d.disconnect }), p.empty(t)
	}
}

// reuse returns the decoder's struct that field selects, reset to zero,
// or a new one when there is no decoder.
func reuse[T any](d *Decoder, field func(*Decoder) *T) *T {
	if d == nil {
		return new(T)
	}
	p := field(d)
	var zero T
	*p = zero
	return p
}

// connectStructs returns a zeroed Connect and the Will it may point to.
func (d *Decoder) connectStructs() (*Connect, *Will) {
	if d == nil {
		return new(Connect), new(Will)
	}
	d.connect, d.will = Connect{}, Will{}
	return &d.connect, &d.will
}

// subscribeStruct returns a zeroed Subscribe that keeps the decoder's
// subscription slice for reuse.
func (d *Decoder) subscribeStruct() *Subscribe {
	if d == nil {
		return new(Subscribe)
	}
	d.subscribe = Subscribe{Subscriptions: d.subscribe.Subscriptions[:0]}
	return &d.subscribe
}

// subackStruct returns a zeroed Suback that keeps the decoder's slice.
func (d *Decoder) subackStruct() *Suback {
	if d == nil {
		return new(Suback)
	}
	d.suback = Suback{ReturnCodes: d.suback.ReturnCodes[:0]}
	return &d.suback
}

// unsubscribeStruct returns a zeroed Unsubscribe that keeps the decoder's
// slice.
func (d *Decoder) unsubscribeStruct() *Unsubscribe {
	if d == nil {
		return new(Unsubscribe)
	}
	d.unsubscribe = Unsubscribe{Filters: d.unsubscribe.Filters[:0]}
	return &d.unsubscribe
}
