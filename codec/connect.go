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

// connect decodes the variable header and payload of a CONNECT.
// [MQTT 3.1.2, MQTT 3.1.3]
func (p *parser) connect(c *Connect, will *Will) *Error {
	if p.rec == nil && p.connectPlain(c, will) {
		return nil
	}
	name, err := p.bytes(VariableHeader, &protocolNameField)
	if err != nil {
		return err
	}
	nameOff := p.pos - len(name)
	c.ProtocolName = aliasString(name)
	if p.recording() {
		p.note(VariableHeader, protocolNameField.name, nameOff, len(name), quote(c.ProtocolName), protocolNameExplain(c.ProtocolName))
	}
	want := protocolLevelFor(c.ProtocolName)
	if want == 0 {
		return errProtocolName(c.ProtocolName, nameOff)
	}
	levelOff := p.pos
	if c.ProtocolLevel, err = p.byte1(&protocolLevelName); err != nil {
		return err
	}
	if p.recording() {
		p.note(VariableHeader, protocolLevelName, levelOff, 1, same(strconv.Itoa(int(c.ProtocolLevel))), protocolLevelExplain(c.ProtocolLevel))
	}
	if c.ProtocolLevel != want {
		return errProtocolLevel(c.ProtocolName, c.ProtocolLevel, levelOff)
	}
	flagsOff := p.pos
	flags, err := p.byte1(&connectFlagsName)
	if err != nil {
		return err
	}
	if p.recording() {
		p.noteConnectFlags(flagsOff, flags)
	}
	if err := checkConnectFlags(flags, flagsOff); err != nil {
		return err
	}
	c.ReservedFlag = false
	c.CleanSession = flags&flagCleanSession != 0
	c.HasUsername = flags&flagUsername != 0
	c.HasPassword = flags&flagPassword != 0
	kaOff := p.pos
	if c.KeepAlive, err = p.uint16(&keepAliveName); err != nil {
		return err
	}
	if p.recording() {
		p.note(VariableHeader, keepAliveName, kaOff, 2, seconds(c.KeepAlive), keepAliveExplain(c.KeepAlive))
	}
	return p.connectPayload(c, will, flags)
}

// connectPayload decodes the CONNECT payload: the fields present in the
// order the flags announce them. [MQTT 3.1.3]
func (p *parser) connectPayload(c *Connect, will *Will, flags byte) *Error {
	var err *Error
	if c.ClientID, err = p.str(Payload, &clientIDField); err != nil {
		return missing(err, "MQTT-3.1.3-3")
	}
	if flags&flagWill != 0 {
		will.QoS = QoS(flags & flagWillQoS >> 3)
		will.Retain = flags&flagWillRetain != 0
		if will.Topic, err = p.topic(Payload, &willTopicField, false); err != nil {
			return missing(err, "MQTT-3.1.2-9")
		}
		if will.Message, err = p.bytes(Payload, &willMessageField); err != nil {
			return missing(err, "MQTT-3.1.2-9")
		}
		if p.recording() {
			p.note(Payload, willMessageField.name, p.pos-len(will.Message), len(will.Message), showBytes(will.Message), willMessageField.explain)
		}
		c.Will = will
	}
	if c.HasUsername {
		if c.Username, err = p.str(Payload, &usernameField); err != nil {
			return missing(err, "MQTT-3.1.2-19")
		}
	}
	if c.HasPassword {
		if c.Password, err = p.bytes(Payload, &passwordField); err != nil {
			return missing(err, "MQTT-3.1.2-21")
		}
		if p.recording() {
			p.note(Payload, passwordField.name, p.pos-len(c.Password), len(c.Password), showBytes(c.Password), passwordField.explain)
		}
	}
	return nil
}

// connectPlain is the decoder's fast path for the common CONNECT, which
// it reads with its cursor in a register: it reports true, having decoded
// the packet as connect does, only when every check certainly passes (a
// known protocol name with its level, valid Connect Flags, every field
// the flags announce present, the strings plain ASCII without U+0000, the
// will topic without wildcards). Otherwise it changes nothing, and
// connect decodes the packet again with every check and its error.
func (p *parser) connectPlain(c *Connect, will *Will) bool {
	b := p.b[p.pos:p.lim]
	name, i, ok := lenField(b, 0)
	if !ok || i+4 > len(b) {
		return false
	}
	level, flags := b[i], b[i+1]
	if level != protocolLevelFor(aliasString(name)) || level == 0 || checkConnectFlags(flags, 0) != nil {
		return false
	}
	keepAlive := uint16(b[i+2])<<8 | uint16(b[i+3])
	id, i, ok := lenField(b, i+4)
	if !ok || !plain(aliasString(id), false) {
		return false
	}
	var topic, message, user, password []byte
	if flags&flagWill != 0 {
		if topic, i, ok = lenField(b, i); !ok || len(topic) == 0 || !plain(aliasString(topic), true) {
			return false
		}
		if message, i, ok = lenField(b, i); !ok {
			return false
		}
	}
	if flags&flagUsername != 0 {
		if user, i, ok = lenField(b, i); !ok || !plain(aliasString(user), false) {
			return false
		}
	}
	if flags&flagPassword != 0 {
		if password, i, ok = lenField(b, i); !ok {
			return false
		}
	}
	p.pos += i
	c.ProtocolName, c.ProtocolLevel, c.KeepAlive = aliasString(name), level, keepAlive
	c.CleanSession = flags&flagCleanSession != 0
	c.ClientID = aliasString(id)
	if flags&flagWill != 0 {
		will.QoS = QoS(flags & flagWillQoS >> 3)
		will.Retain = flags&flagWillRetain != 0
		will.Topic, will.Message = aliasString(topic), message
		c.Will = will
	}
	c.HasUsername, c.Username = flags&flagUsername != 0, aliasString(user)
	c.HasPassword, c.Password = flags&flagPassword != 0, password
	return true
}

// lenField returns the length-prefixed field at b[i:] and the index just
// past it; ok is false when b does not hold all of it. [MQTT 1.5.3]
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

// checkConnectFlags checks the Connect Flags byte at offset off.
// [MQTT 3.1.2.3]
func checkConnectFlags(flags byte, off int) *Error {
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
// carry.
func checkLengths(c *Connect) *Error {
	n := max(len(c.ProtocolName), len(c.ClientID), len(c.Username), len(c.Password))
	if c.Will != nil {
		n = max(n, len(c.Will.Topic), len(c.Will.Message))
	}
	if n > 65535 {
		return stringTooLong(n)
	}
	return nil
}
