package codec

import "strconv"

// Type returns UNSUBSCRIBE.
func (*Unsubscribe) Type() PacketType { return UNSUBSCRIBE }

// String summarises the packet: `UNSUBSCRIBE id=2 a/+ b/#`.
func (u *Unsubscribe) String() string {
	out := "UNSUBSCRIBE id=" + strconv.Itoa(int(u.PacketID))
	for _, f := range u.Filters {
		out += " " + f
	}
	return out
}

var unsubscribeFilterField = stringField{
	lenName:    topicFilterField.lenName,
	lenExplain: topicFilterField.lenExplain,
	name:       topicFilterField.name,
	explain: Text{
		EN: "A filter to remove; compared character by character with the filters subscribed, without wildcard matching.",
		ZH: "要取消的过滤器；与已订阅的过滤器逐字符比较，不做通配符匹配。",
	},
}

// unsubscribe decodes the variable header and payload of an UNSUBSCRIBE.
// [MQTT 3.10]
func (p *parser) unsubscribe(u *Unsubscribe) *Error {
	var err *Error
	if u.PacketID, err = p.packetID(UNSUBSCRIBE); err != nil {
		return err
	}
	if p.pos == p.end {
		return errNoUnsubscriptions(p.pos)
	}
	for p.pos < p.end {
		f, err := p.topic(Payload, &unsubscribeFilterField, true)
		if err != nil {
			return err
		}
		u.Filters = append(u.Filters, f)
	}
	return nil
}

// errNoUnsubscriptions refuses an UNSUBSCRIBE whose payload, at off, is
// empty. [MQTT-3.10.3-2]
func errNoUnsubscriptions(off int) *Error {
	return newError(ErrNoUnsubscriptions, off, "MQTT-3.10.3-2", Text{
		EN: "The UNSUBSCRIBE has no topic filter; its payload must hold at least one.",
		ZH: "UNSUBSCRIBE 中没有任何主题过滤器；有效载荷至少要有一个。",
	})
}

// appendUnsubscribe encodes u after dst.
func appendUnsubscribe(dst []byte, u *Unsubscribe) ([]byte, *Error) {
	rl := 2
	for _, f := range u.Filters {
		if len(f) > 65535 {
			return dst, stringTooLong(len(f))
		}
		rl += 2 + len(f)
	}
	dst, err := appendHeader(dst, byte(UNSUBSCRIBE)<<4|0x02, rl)
	if err != nil {
		return dst, err
	}
	dst = append(dst, byte(u.PacketID>>8), byte(u.PacketID))
	for _, f := range u.Filters {
		dst = appendString(dst, f)
	}
	return dst, nil
}
