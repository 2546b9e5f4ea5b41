package codec

import "strconv"

// Type returns CONNACK.
func (*Connack) Type() PacketType { return CONNACK }

// String summarises the packet: `CONNACK 0 accepted session-present`.
func (c *Connack) String() string {
	s := "CONNACK " + strconv.Itoa(int(c.ReturnCode)) + " " + c.ReturnCode.String()
	if c.SessionPresent {
		s += " session-present"
	}
	return s
}

var connackMeanings = [6]Text{
	{EN: "connection accepted", ZH: "连接已接受"},
	{EN: "refused: unacceptable protocol version", ZH: "拒绝连接：不支持的协议版本"},
	{EN: "refused: identifier rejected", ZH: "拒绝连接：不合格的客户端标识符"},
	{EN: "refused: server unavailable", ZH: "拒绝连接：服务端不可用"},
	{EN: "refused: bad user name or password", ZH: "拒绝连接：用户名或密码错误"},
	{EN: "refused: not authorized", ZH: "拒绝连接：未授权"},
}

// String returns the code's meaning, "accepted", "bad-username-password",
// or "reserved(9)".
func (c ConnackCode) String() string {
	names := [...]string{"accepted", "unacceptable-protocol-version", "identifier-rejected",
		"server-unavailable", "bad-username-password", "not-authorized"}
	if int(c) < len(names) {
		return names[c]
	}
	return "reserved(" + strconv.Itoa(int(c)) + ")"
}

// Meaning says what the return code means, in English and Chinese.
func (c ConnackCode) Meaning() Text {
	if int(c) < len(connackMeanings) {
		return connackMeanings[c]
	}
	return Text{EN: "reserved, not used by MQTT 3.1.1", ZH: "保留值，MQTT 3.1.1 未使用"}
}

var (
	ackFlagsName   = Text{EN: "Connect Acknowledge Flags", ZH: "连接确认标志"}
	connackRCName  = Text{EN: "Connect Return code", ZH: "连接返回码"}
	sessionPresent = Text{EN: "Session Present", ZH: "当前会话标志（Session Present）"}
)

// connack decodes the variable header of a CONNACK. [MQTT 3.2.2]
func (p *parser) connack(c *Connack) *Error {
	if err := p.fixedLength(CONNACK, 2); err != nil {
		return err
	}
	flags, err := p.byte1(&ackFlagsName)
	if err != nil {
		return err
	}
	if p.recording() {
		p.noteAckFlags(flags)
	}
	if flags&0xfe != 0 {
		return newError(ErrConnackFlags, p.pos-1, "MQTT 3.2.2.1", Text{
			EN: "Bits 7-1 of the Connect Acknowledge Flags are reserved and must be 0; only bit 0 (Session Present) may be set.",
			ZH: "连接确认标志的第 7 到 1 位是保留位，必须为 0；只有第 0 位（当前会话标志）可以为 1。",
		})
	}
	c.SessionPresent = flags == 1
	code, err := p.byte1(&connackRCName)
	if err != nil {
		return err
	}
	c.ReturnCode = ConnackCode(code)
	if p.recording() {
		p.note(VariableHeader, connackRCName, p.pos-1, 1, codeValue(strconv.Itoa(int(code)), c.ReturnCode.Meaning()), c.ReturnCode.Meaning())
	}
	return checkConnackCode(c, p.pos-2)
}

// checkConnackCode checks the return code of a CONNACK whose variable
// header starts at off. [MQTT 3.2.2.3, MQTT-3.2.2-4]
func checkConnackCode(c *Connack, off int) *Error {
	code := c.ReturnCode
	if code > 5 {
		return newError(ErrConnackCode, off+1, "MQTT 3.2.2.3", Text{
			EN: "Return code " + strconv.Itoa(int(code)) + " is reserved; MQTT 3.1.1 uses 0 to 5.",
			ZH: "返回码 " + strconv.Itoa(int(code)) + " 是保留值；MQTT 3.1.1 只使用 0 到 5。",
		})
	}
	if code != 0 && c.SessionPresent {
		return newError(ErrSessionPresentRefused, off, "MQTT-3.2.2-4", Text{
			EN: "Session Present is 1 but the connection is refused; a CONNACK with a non-zero return code must have Session Present 0.",
			ZH: "当前会话标志为 1，但连接被拒绝了；返回码不为 0 的 CONNACK 必须把当前会话标志设为 0。",
		})
	}
	return nil
}

// noteAckFlags records the Connect Acknowledge Flags bit by bit.
func (p *parser) noteAckFlags(f byte) {
	sp := f & 1
	ex := Text{
		EN: "0: the server has no stored session for this client (always 0 after Clean Session 1 or when refused).",
		ZH: "0：服务端没有这个客户端保存的会话（清理会话为 1 或连接被拒绝时总是 0）。",
	}
	if sp == 1 {
		ex = Text{
			EN: "1: the server resumes a stored session. Only possible when the CONNECT had Clean Session 0; after Clean Session 1 it must be 0 [MQTT-3.2.2-1].",
			ZH: "1：服务端恢复了保存的会话。只有 CONNECT 的清理会话为 0 时才可能；清理会话为 1 时必须为 0 [MQTT-3.2.2-1]。",
		}
	}
	p.note(VariableHeader, ackFlagsName, p.pos-1, 1, same(hex2(f)+" = "+bits8(f)), Text{
		EN: "Bit 0 is Session Present; bits 7-1 are reserved.",
		ZH: "第 0 位是当前会话标志；第 7 到 1 位是保留位。",
	},
		Part{Place: BitsPlace(7, 1), Name: reservedName, Value: same(bitRange(f, 7, 1)), Explain: Text{EN: "Reserved; must be 0.", ZH: "保留位，必须为 0。"}},
		Part{Place: BitPlace(0), Name: sessionPresent, Value: same(strconv.Itoa(int(sp))), Explain: ex},
	)
}

// appendConnack encodes c after dst.
func appendConnack(dst []byte, c *Connack) []byte {
	sp := byte(0)
	if c.SessionPresent {
		sp = 1
	}
	return append(dst, byte(CONNACK)<<4, 2, sp, byte(c.ReturnCode))
}
