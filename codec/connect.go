package codec

import "strconv"

// Type returns CONNECT.
func (*Connect) Type() PacketType { return CONNECT }

// String summarises the packet: `CONNECT id=phone clean keepalive=60
// will=status/phone q1 retain user=yang password`.
func (c *Connect) String() string {
	s := "CONNECT id=" + c.ClientID
	if c.CleanSession {
		s += " clean"
	}
	s += " keepalive=" + strconv.Itoa(int(c.KeepAlive))
	if c.Will != nil {
		s += " will=" + c.Will.Topic + " q" + strconv.Itoa(int(c.Will.QoS))
		if c.Will.Retain {
			s += " retain"
		}
	}
	if c.HasUsername {
		s += " user=" + c.Username
	}
	if c.HasPassword {
		s += " password"
	}
	if c.ProtocolName != "MQTT" || c.ProtocolLevel != 4 {
		s += " protocol=" + c.ProtocolName + "/" + strconv.Itoa(int(c.ProtocolLevel))
	}
	return s
}

// The bits of the Connect Flags byte. [MQTT 3.1.2.3]
const (
	flagReserved     = 0x01
	flagCleanSession = 0x02
	flagWill         = 0x04
	flagWillQoS      = 0x18
	flagWillRetain   = 0x20
	flagPassword     = 0x40
	flagUsername     = 0x80
)

// connect decodes the variable header and payload of a CONNECT into c
// and, when the Connect Flags announce a will, into will; it reports
// whether they do. The caller links c to will: c.Will = will here would
// send will to the heap in the strict encoder, which runs this same
// parser on what it encodes. Decode and Annotate both come here: the
// cursor i stays in a register, fields are noted only when recording,
// and a field cut short goes to the parser's error path. The variable
// header, then the payload's fields in the order the flags announce
// them. It is one function, longer than most, because the CONNECT row
// of docs/performance.md measured 3–5 ns slower with the payload in a
// function of its own (every call spills the cursor and the slices).
// [MQTT 3.1.2, MQTT 3.1.3]
func (p *parser) connect(c *Connect, will *Will) (withWill bool, err *Error) {
	b, i, rec := p.b[:p.lim], p.pos, p.rec != nil
	v, next, ok := lenField(b, i)
	if !ok {
		return false, p.fieldShort(i, VariableHeader, &protocolNameField)
	}
	name := aliasString(v)
	if rec {
		p.noteField(VariableHeader, &protocolNameField, i, v, quote(name), protocolNameExplain(name))
	}
	c.ProtocolName, i = name, next
	want := protocolLevelFor(name)
	if want == 0 {
		return false, errProtocolName(name, i-len(name))
	}
	if i >= len(b) {
		return false, p.shortAt(i, 1, &protocolLevelName)
	}
	level := b[i]
	if rec {
		p.note(VariableHeader, protocolLevelName, i, 1, same(strconv.Itoa(int(level))), protocolLevelExplain(level))
	}
	if level != want {
		return false, errProtocolLevel(name, level, i)
	}
	c.ProtocolLevel = level
	if i++; i >= len(b) {
		return false, p.shortAt(i, 1, &connectFlagsName)
	}
	flags := b[i]
	if rec {
		p.noteConnectFlags(i, flags)
	}
	if err := checkConnectFlags(flags, i); err != nil {
		return false, err
	}
	if i++; i+2 > len(b) {
		return false, p.shortAt(i, 2, &keepAliveName)
	}
	c.KeepAlive = uint16(b[i])<<8 | uint16(b[i+1])
	if rec {
		p.note(VariableHeader, keepAliveName, i, 2, seconds(c.KeepAlive), keepAliveExplain(c.KeepAlive))
	}
	c.CleanSession = flags&flagCleanSession != 0
	c.HasUsername = flags&flagUsername != 0
	c.HasPassword = flags&flagPassword != 0
	i += 2 // the payload [MQTT 3.1.3]
	if v, next, ok = lenField(b, i); !ok {
		return false, missing(p.fieldShort(i, Payload, &clientIDField), "MQTT-3.1.3-3")
	}
	if rec {
		p.noteText(Payload, &clientIDField, i, v)
	}
	if !plain(aliasString(v), false) { // plain ASCII needs no second look
		if err := checkUTF8(aliasString(v), i+2, &clientIDField.name); err != nil {
			return false, err
		}
	}
	c.ClientID, i = aliasString(v), next
	if flags&flagWill != 0 {
		will.QoS = QoS(flags & flagWillQoS >> 3)
		will.Retain = flags&flagWillRetain != 0
		if v, next, ok = lenField(b, i); !ok {
			return false, missing(p.fieldShort(i, Payload, &willTopicField), "MQTT-3.1.2-9")
		}
		if rec {
			p.noteText(Payload, &willTopicField, i, v)
		}
		if err := checkTopicString(aliasString(v), false); err != nil {
			return false, topicInPacket(err, aliasString(v), i+2)
		}
		will.Topic, i = aliasString(v), next
		if v, next, ok = lenField(b, i); !ok {
			return false, missing(p.fieldShort(i, Payload, &willMessageField), "MQTT-3.1.2-9")
		}
		if rec {
			p.noteBinary(Payload, &willMessageField, i, v)
		}
		will.Message, i = v, next
	}
	if flags&flagUsername != 0 {
		if v, next, ok = lenField(b, i); !ok {
			return false, missing(p.fieldShort(i, Payload, &usernameField), "MQTT-3.1.2-19")
		}
		if rec {
			p.noteText(Payload, &usernameField, i, v)
		}
		if !plain(aliasString(v), false) { // plain ASCII needs no second look
			if err := checkUTF8(aliasString(v), i+2, &usernameField.name); err != nil {
				return false, err
			}
		}
		c.Username, i = aliasString(v), next
	}
	if flags&flagPassword != 0 {
		if v, next, ok = lenField(b, i); !ok {
			return false, missing(p.fieldShort(i, Payload, &passwordField), "MQTT-3.1.2-21")
		}
		if rec {
			p.noteBinary(Payload, &passwordField, i, v)
		}
		c.Password, i = v, next
	}
	p.pos = i
	return flags&flagWill != 0, nil
}

// protocolLevelFor is the protocol level that goes with a protocol name:
// 4 for "MQTT" (3.1.1), 3 for "MQIsdp" (3.1), 0 for any other name.
func protocolLevelFor(name string) byte {
	switch name {
	case "MQTT":
		return 4
	case "MQIsdp":
		return 3
	}
	return 0
}

// errProtocolName refuses the protocol name at offset off. [MQTT-3.1.2-1]
func errProtocolName(name string, off int) *Error {
	return newError(ErrProtocolName, off, "MQTT-3.1.2-1", Text{
		EN: "The protocol name is " + quote(name).EN + "; MQTT 3.1.1 requires \"MQTT\" (MQTT 3.1 used \"MQIsdp\").",
		ZH: "协议名是 " + quote(name).ZH + "；MQTT 3.1.1 要求协议名为 \"MQTT\"（MQTT 3.1 使用 \"MQIsdp\"）。",
	})
}

// errProtocolLevel refuses the protocol level at offset off.
// [MQTT-3.1.2-2]
func errProtocolLevel(name string, level byte, off int) *Error {
	lv := strconv.Itoa(int(level))
	return newError(ErrProtocolLevel, off, "MQTT-3.1.2-2", Text{
		EN: "Protocol level " + lv + " is not supported with protocol name " + quote(name).EN + " (4 is MQTT 3.1.1, 3 with \"MQIsdp\" is MQTT 3.1); the server answers CONNACK 0x01 and closes the connection.",
		ZH: "协议级别 " + lv + " 与协议名 " + quote(name).ZH + " 不被支持（4 表示 MQTT 3.1.1，3 配合 \"MQIsdp\" 表示 MQTT 3.1）；服务端会回复返回码为 0x01 的 CONNACK 并关闭连接。",
	})
}

// missing names the rule that requires a field when the Remaining Length
// leaves no room for it; other errors pass unchanged.
func missing(err *Error, rule string) *Error {
	if err.Token == ErrPacketLength.Token {
		err.Rule = rule
	}
	return err
}

// checkConnectFlags checks the Connect Flags byte at offset off: a look
// in connectFlagsValid (small enough to inline), then connectFlagsError
// for the verdict. [MQTT 3.1.2.3]
func checkConnectFlags(flags byte, off int) *Error {
	if connectFlagsValid[flags] {
		return nil
	}
	return connectFlagsError(flags, off)
}

// connectFlagsValid holds, for each Connect Flags byte, whether
// connectFlagsError accepts it.
var connectFlagsValid = func() (valid [256]bool) {
	for f := range valid {
		valid[f] = connectFlagsError(byte(f), 0) == nil
	}
	return valid
}()

// connectFlagsError is the rule behind checkConnectFlags: the error for
// the Connect Flags byte at offset off, nil when it is valid.
func connectFlagsError(flags byte, off int) *Error {
	switch {
	case flags&flagReserved != 0:
		return newError(ErrConnectReserved, off, "MQTT-3.1.2-3", Text{
			EN: "Bit 0 of the Connect Flags is reserved and must be 0.",
			ZH: "连接标志的第 0 位是保留位，必须为 0。",
		})
	case flags&flagWill == 0 && flags&flagWillQoS != 0:
		return newError(ErrWillQoSWithoutWill, off, "MQTT-3.1.2-13", Text{
			EN: "Will QoS is " + strconv.Itoa(int(flags&flagWillQoS>>3)) + " but the Will Flag is 0; without a will, Will QoS must be 0.",
			ZH: "遗嘱 QoS 为 " + strconv.Itoa(int(flags&flagWillQoS>>3)) + "，但遗嘱标志为 0；没有遗嘱时遗嘱 QoS 必须为 0。",
		})
	case flags&flagWill == 0 && flags&flagWillRetain != 0:
		return newError(ErrWillRetainWithoutWill, off, "MQTT-3.1.2-15", Text{
			EN: "Will Retain is 1 but the Will Flag is 0; without a will, Will Retain must be 0.",
			ZH: "遗嘱保留标志为 1，但遗嘱标志为 0；没有遗嘱时遗嘱保留标志必须为 0。",
		})
	case flags&flagWillQoS == flagWillQoS:
		return newError(ErrWillQoS3, off, "MQTT-3.1.2-14", Text{
			EN: "Will QoS is 3; it must be 0, 1 or 2.",
			ZH: "遗嘱 QoS 为 3；它只能是 0、1 或 2。",
		})
	case flags&flagUsername == 0 && flags&flagPassword != 0:
		return newError(ErrPasswordWithoutUsername, off, "MQTT-3.1.2-22", Text{
			EN: "The Password Flag is 1 but the User Name Flag is 0; a password may only be sent with a user name.",
			ZH: "密码标志为 1，但用户名标志为 0；只有带用户名时才能发送密码。",
		})
	}
	return nil
}

// appendConnect encodes c after dst.
func appendConnect(dst []byte, c *Connect) ([]byte, *Error) {
	rl := 2 + len(c.ProtocolName) + 4 + 2 + len(c.ClientID)
	flags := byte(0)
	if c.ReservedFlag {
		flags |= flagReserved
	}
	if c.CleanSession {
		flags |= flagCleanSession
	}
	if w := c.Will; w != nil {
		flags |= flagWill | byte(w.QoS&3)<<3
		if w.Retain {
			flags |= flagWillRetain
		}
		rl += 4 + len(w.Topic) + len(w.Message)
	}
	if c.HasUsername {
		flags |= flagUsername
		rl += 2 + len(c.Username)
	}
	if c.HasPassword {
		flags |= flagPassword
		rl += 2 + len(c.Password)
	}
	if err := checkLengths(c); err != nil {
		return dst, err
	}
	if c.Will != nil && c.Will.QoS > 3 {
		return dst, qosOutOfRange(c.Will.QoS, ErrWillQoS3, "MQTT-3.1.2-14")
	}
	dst, err := appendHeader(dst, byte(CONNECT)<<4, rl)
	if err != nil {
		return dst, err
	}
	dst = appendString(dst, c.ProtocolName)
	dst = append(dst, c.ProtocolLevel, flags, byte(c.KeepAlive>>8), byte(c.KeepAlive))
	dst = appendString(dst, c.ClientID)
	if w := c.Will; w != nil {
		dst = appendString(dst, w.Topic)
		dst = appendString(dst, aliasString(w.Message))
	}
	if c.HasUsername {
		dst = appendString(dst, c.Username)
	}
	if c.HasPassword {
		dst = appendString(dst, aliasString(c.Password))
	}
	return dst, nil
}

// checkLengths refuses the strings of c that a two-byte length cannot
// carry, of those its flags say it carries.
func checkLengths(c *Connect) *Error {
	n := max(len(c.ProtocolName), len(c.ClientID))
	if c.HasUsername {
		n = max(n, len(c.Username))
	}
	if c.HasPassword {
		n = max(n, len(c.Password))
	}
	if c.Will != nil {
		n = max(n, len(c.Will.Topic), len(c.Will.Message))
	}
	if n > 65535 {
		return stringTooLong(n)
	}
	return nil
}
