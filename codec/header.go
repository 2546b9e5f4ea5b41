package codec

import "strconv"

// maxRemainingLength is the largest Remaining Length four bytes can carry.
// [MQTT 2.2.3]
const maxRemainingLength = 268435455

// remainingLength reads the Remaining Length that starts at b[1]. It
// returns the value and the fixed header's length, or hlen 0 when b ends
// before the Remaining Length does. [MQTT 2.2.3]
func remainingLength(b []byte) (rl, hlen int, err *Error) {
	mult := 1
	for i := 1; i <= 4; i++ {
		if i >= len(b) {
			return 0, 0, nil
		}
		c := b[i]
		rl += int(c&0x7f) * mult
		if c&0x80 == 0 {
			return rl, i + 1, nil
		}
		mult <<= 7
	}
	return 0, 0, newError(ErrRemainingLengthTooLong, 4, "MQTT 2.2.3", Text{
		EN: "The fourth Remaining Length byte has its continuation bit set, announcing a fifth byte; the Remaining Length is at most four bytes.",
		ZH: "剩余长度的第 4 个字节最高位（延续位）为 1，表示还有第 5 个字节；但剩余长度最多只能有 4 个字节。",
	})
}

// FrameLength returns the total length of the first packet in b once its
// fixed header is complete. n == 0 with a nil error means more bytes are
// needed; an error means the Remaining Length is malformed and the stream
// cannot be cut.
func FrameLength(b []byte) (n int, err error) {
	rl, hlen, e := remainingLength(b)
	if e != nil {
		return 0, e
	}
	if hlen == 0 {
		return 0, nil
	}
	return hlen + rl, nil
}

// fixedHeader reads and checks the first byte and the Remaining Length,
// and sets p.end.
func (p *parser) fixedHeader() (PacketType, byte, *Error) {
	c := p.b[0]
	t, flags := PacketType(c>>4), c&0x0f
	if p.recording() {
		p.noteFirstByte(t, flags)
	}
	if !validFirstByte[c] {
		return t, flags, checkTypeAndFlags(t, flags)
	}
	var rl, hlen int
	if len(p.b) > 1 && p.b[1] < 0x80 {
		rl, hlen = int(p.b[1]), 2 // the common one-byte Remaining Length
	} else {
		var err *Error
		if rl, hlen, err = remainingLength(p.b); err != nil {
			return t, flags, err
		}
	}
	if hlen == 0 {
		return t, flags, newError(ErrIncomplete, len(p.b), "MQTT 2.2.3", Text{
			EN: "The bytes end inside the fixed header: the Remaining Length is not complete.",
			ZH: "字节在固定报头中间就结束了：剩余长度还不完整。",
		})
	}
	p.rl, p.pos, p.end = rl, hlen, hlen+rl
	p.lim = min(p.end, len(p.b))
	if p.recording() {
		p.noteRemainingLength(hlen)
	}
	return t, flags, nil
}

// validFirstByte tells, for each value of a packet's first byte, whether
// checkTypeAndFlags accepts it.
var validFirstByte = func() (v [256]bool) {
	for c := range v {
		v[c] = checkTypeAndFlags(PacketType(c>>4), byte(c)&0x0f) == nil
	}
	return v
}()

// checkTypeAndFlags checks the packet type and the flags its type allows.
// [MQTT 2.2.1, MQTT 2.2.2]
func checkTypeAndFlags(t PacketType, flags byte) *Error {
	switch t {
	case Reserved0, Reserved15:
		return newError(ErrReservedType, 0, "MQTT 2.2.1", Text{
			EN: "Packet type " + strconv.Itoa(int(t)) + " is reserved and forbidden: the first byte's high four bits must be 1 (CONNECT) to 14 (DISCONNECT).",
			ZH: "报文类型 " + strconv.Itoa(int(t)) + " 是保留值，禁止使用：第一个字节的高 4 位必须在 1（CONNECT）到 14（DISCONNECT）之间。",
		}).hint(t == Reserved15, Text{
			EN: " DISCONNECT is 1110 0000 (E0 00), not 1111 0000.",
			ZH: "DISCONNECT 是 1110 0000（E0 00），不是 1111 0000。",
		})
	case PUBLISH:
		if flags&0x06 == 0x06 {
			return newError(ErrQoS3, 0, "MQTT-3.3.1-4", Text{
				EN: "Both QoS bits are set (QoS 3); a PUBLISH must have QoS 0, 1 or 2.",
				ZH: "两个 QoS 位都为 1（QoS 3）；PUBLISH 的服务质量只能是 0、1 或 2。",
			})
		}
		if flags&0x0e == 0x08 {
			return newError(ErrDupQoS0, 0, "MQTT-3.3.1-2", Text{
				EN: "DUP is set on a QoS 0 PUBLISH; DUP must be 0 when QoS is 0, since QoS 0 messages are never resent.",
				ZH: "QoS 0 的 PUBLISH 设置了 DUP；QoS 0 的消息不会重发，所以 DUP 必须为 0。",
			})
		}
		return nil
	}
	want, rule := requiredFlags(t)
	if flags == want {
		return nil
	}
	return newError(ErrReservedFlags, 0, rule, Text{
		EN: "The flags of " + t.String() + " are " + bits4(flags) + " but must be " + bits4(want) + "; a receiver closes the connection on any other value.",
		ZH: t.String() + " 的标志位是 " + bits4(flags) + "，但必须是 " + bits4(want) + "；收到其他值时接收方会关闭网络连接。",
	})
}

// requiredFlags are the fixed header flags of a packet type other than
// PUBLISH, and the rule that requires them.
func requiredFlags(t PacketType) (byte, string) {
	switch t {
	case PUBREL:
		return 0x02, "MQTT-3.6.1-1"
	case SUBSCRIBE:
		return 0x02, "MQTT-3.8.1-1"
	case UNSUBSCRIBE:
		return 0x02, "MQTT-3.10.1-1"
	}
	return 0, "MQTT-2.2.2-1"
}

// fixedLength checks the Remaining Length of a packet type whose length is
// fixed.
func (p *parser) fixedLength(t PacketType, want int) *Error {
	if p.rl == want {
		return nil
	}
	return newError(ErrPacketLength, 1, "MQTT "+typeSection(t)+".1", Text{
		EN: "The Remaining Length of " + t.String() + " must be " + strconv.Itoa(want) + ", not " + strconv.Itoa(p.rl) + ".",
		ZH: t.String() + " 的剩余长度必须是 " + strconv.Itoa(want) + "，而不是 " + strconv.Itoa(p.rl) + "。",
	})
}

// typeSection is the specification's section on packet type t, "3.4" for
// PUBACK.
func typeSection(t PacketType) string {
	return "3." + strconv.Itoa(int(t))
}

// bits4 is a flags nibble in binary, "0010".
func bits4(f byte) string {
	return string([]byte{'0' + f>>3&1, '0' + f>>2&1, '0' + f>>1&1, '0' + f&1})
}
