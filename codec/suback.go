package codec

import "strconv"

// Type returns SUBACK.
func (*Suback) Type() PacketType { return SUBACK }

// String summarises the packet: `SUBACK id=1 [1 0x80]`.
func (s *Suback) String() string {
	out := "SUBACK id=" + strconv.Itoa(int(s.PacketID)) + " ["
	for i, c := range s.ReturnCodes {
		if i > 0 {
			out += " "
		}
		out += c.String()
	}
	return out + "]"
}

// String returns the code as SUBACK prints it: "0", "1", "2" or "0x80";
// other values in hex.
func (c SubackCode) String() string {
	if c <= GrantedQoS2 {
		return strconv.Itoa(int(c))
	}
	return hex2(byte(c))
}

// Meaning says what the return code means, in English and Chinese.
func (c SubackCode) Meaning() Text {
	switch c {
	case GrantedQoS0, GrantedQoS1, GrantedQoS2:
		q := strconv.Itoa(int(c))
		return Text{EN: "success, maximum QoS " + q + " granted", ZH: "订阅成功，授予的最高 QoS 为 " + q}
	case SubackFailure:
		return Text{EN: "failure: the subscription was refused", ZH: "订阅失败：服务端拒绝了这个订阅"}
	}
	return Text{EN: "reserved, must not be used", ZH: "保留值，禁止使用"}
}

var subackRCName = Text{EN: "Return code", ZH: "返回码"}

// suback decodes the variable header and payload of a SUBACK. [MQTT 3.9]
func (p *parser) suback(s *Suback) *Error {
	var err *Error
	if s.PacketID, err = p.packetID(SUBACK); err != nil {
		return err
	}
	if p.pos == p.end {
		return errNoReturnCodes(p.pos)
	}
	for p.pos < p.end {
		c, err := p.byte1(&subackRCName)
		if err != nil {
			return err
		}
		code := SubackCode(c)
		if p.recording() {
			p.note(Payload, subackRCName, p.pos-1, 1, codeValue(code.String(), code.Meaning()), Text{
				EN: "For filter " + strconv.Itoa(len(s.ReturnCodes)+1) + " of the SUBSCRIBE: " + code.Meaning().EN + ".",
				ZH: "对应 SUBSCRIBE 中的第 " + strconv.Itoa(len(s.ReturnCodes)+1) + " 个主题过滤器：" + code.Meaning().ZH + "。",
			})
		}
		if !validSubackCode(c) {
			return errSubackCode(c, p.pos-1)
		}
		s.ReturnCodes = append(s.ReturnCodes, code)
	}
	return nil
}

// errNoReturnCodes refuses a SUBACK whose payload, at off, is empty.
// [MQTT-3.8.4-5]
func errNoReturnCodes(off int) *Error {
	return newError(ErrNoReturnCodes, off, "MQTT-3.8.4-5", Text{
		EN: "The SUBACK has no return code; it must carry one for each topic filter of the SUBSCRIBE, which has at least one.",
		ZH: "SUBACK 中没有任何返回码；SUBSCRIBE 至少有一个主题过滤器，SUBACK 必须为每个过滤器给出一个返回码。",
	})
}

// errSubackCode refuses the reserved return code c at off.
// [MQTT-3.9.3-2]
func errSubackCode(c byte, off int) *Error {
	return newError(ErrSubackCode, off, "MQTT-3.9.3-2", Text{
		EN: "SUBACK return code " + hex2(c) + " is reserved; only 0x00, 0x01, 0x02 (granted QoS) and 0x80 (failure) are allowed.",
		ZH: "SUBACK 返回码 " + hex2(c) + " 是保留值；只允许 0x00、0x01、0x02（授予的 QoS）和 0x80（失败）。",
	})
}

// validSubackCode reports whether c is a granted QoS or the failure code.
func validSubackCode(c byte) bool { return c <= 2 || c == 0x80 }

// appendSuback encodes s after dst.
func appendSuback(dst []byte, s *Suback) ([]byte, *Error) {
	dst, err := appendHeader(dst, byte(SUBACK)<<4, 2+len(s.ReturnCodes))
	if err != nil {
		return dst, err
	}
	dst = append(dst, byte(s.PacketID>>8), byte(s.PacketID))
	for _, c := range s.ReturnCodes {
		dst = append(dst, byte(c))
	}
	return dst, nil
}
