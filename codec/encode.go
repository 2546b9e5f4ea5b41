package codec

import (
	"reflect"
	"strconv"
)

// Encoder appends packets to byte slices. The zero value is strict: it
// refuses any packet the decoder would refuse, so that what it writes is
// always well-formed.
type Encoder struct {
	// AllowMalformed writes what it is given without checking it, so that
	// lessons can send malformed packets on purpose (QoS 3, DUP on QoS 0,
	// packet identifier 0, wildcards in a topic name, bad UTF-8...). Only
	// what the wire cannot carry at all is still refused: a string over
	// 65535 bytes, a Remaining Length over 268435455.
	AllowMalformed bool
}

// Append encodes p after dst with a strict Encoder.
func Append(dst []byte, p Packet) ([]byte, error) {
	return Encoder{}.Append(dst, p)
}

// Append encodes p after dst and returns the extended slice. On error dst
// is returned unchanged and the error is an *Error; for a packet the
// strict encoder refuses, its Offset is that of the faulty byte in the
// encoding.
func (e Encoder) Append(dst []byte, p Packet) ([]byte, error) {
	start := len(dst)
	out, err := appendPacket(dst, p)
	if err != nil {
		return dst[:start], err
	}
	if !e.AllowMalformed {
		if err := validate(p, out[start:]); err != nil {
			return dst[:start], err
		}
	}
	return out, nil
}

// appendPacket writes p as it is.
func appendPacket(dst []byte, p Packet) ([]byte, *Error) {
	if p != nil && nilPacket(p) {
		return dst, newError(ErrUnknownPacket, 0, "", Text{
			EN: "The encoder was given a nil " + reflect.TypeOf(p).String() + ": a pointer to no packet.",
			ZH: "编码器收到的是空指针 " + reflect.TypeOf(p).String() + "，没有可编码的报文。",
		})
	}
	switch pk := p.(type) {
	case *Connect:
		return appendConnect(dst, pk)
	case *Connack:
		return appendConnack(dst, pk), nil
	case *Publish:
		return appendPublish(dst, pk)
	case *Puback:
		return appendAck(dst, byte(PUBACK)<<4, pk.PacketID), nil
	case *Pubrec:
		return appendAck(dst, byte(PUBREC)<<4, pk.PacketID), nil
	case *Pubrel:
		return appendAck(dst, byte(PUBREL)<<4|0x02, pk.PacketID), nil
	case *Pubcomp:
		return appendAck(dst, byte(PUBCOMP)<<4, pk.PacketID), nil
	case *Subscribe:
		return appendSubscribe(dst, pk)
	case *Suback:
		return appendSuback(dst, pk)
	case *Unsubscribe:
		return appendUnsubscribe(dst, pk)
	case *Unsuback:
		return appendAck(dst, byte(UNSUBACK)<<4, pk.PacketID), nil
	case *Pingreq:
		return append(dst, byte(PINGREQ)<<4, 0), nil
	case *Pingresp:
		return append(dst, byte(PINGRESP)<<4, 0), nil
	case *Disconnect:
		return append(dst, byte(DISCONNECT)<<4, 0), nil
	}
	return dst, newError(ErrUnknownPacket, 0, "", Text{
		EN: "The encoder was given something that is not one of the 14 MQTT 3.1.1 packet types.",
		ZH: "编码器收到的不是 MQTT 3.1.1 的 14 种报文之一。",
	})
}

// nilPacket reports whether p is nil or a nil pointer in a Packet.
func nilPacket(p Packet) bool {
	if p == nil {
		return true
	}
	v := reflect.ValueOf(p)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// appendHeader writes the first byte and the Remaining Length rl.
// [MQTT 2.2]
func appendHeader(dst []byte, first byte, rl int) ([]byte, *Error) {
	if rl > maxRemainingLength {
		n := strconv.Itoa(rl)
		return dst, newError(ErrPacketTooLarge, 1, "MQTT 2.2.3", Text{
			EN: "The packet would need a Remaining Length of " + n + "; four bytes carry at most 268435455.",
			ZH: "这个报文的剩余长度需要 " + n + "；4 个字节最多只能表示 268435455。",
		})
	}
	dst = append(dst, first)
	for {
		c := byte(rl & 0x7f)
		rl >>= 7
		if rl == 0 {
			return append(dst, c), nil
		}
		dst = append(dst, c|0x80)
	}
}

// appendString writes a two-byte length and s. The caller has checked
// that s fits. [MQTT 1.5.3]
func appendString(dst []byte, s string) []byte {
	dst = append(dst, byte(len(s)>>8), byte(len(s)))
	return append(dst, s...)
}

// stringTooLong refuses a string of n bytes.
func stringTooLong(n int) *Error {
	s := strconv.Itoa(n)
	return newError(ErrStringTooLong, 0, "MQTT 1.5.3", Text{
		EN: "A string or binary field of " + s + " bytes does not fit its two-byte length; the maximum is 65535.",
		ZH: "一个 " + s + " 字节的字符串或二进制字段超出了两字节长度的上限 65535。",
	})
}

// qosOutOfRange refuses a QoS value that two bits cannot carry.
func qosOutOfRange(q QoS, sentinel *Error, rule string) *Error {
	n := strconv.Itoa(int(q))
	return newError(sentinel, 0, rule, Text{
		EN: "QoS " + n + " does not exist and does not fit the two QoS bits; QoS is 0, 1 or 2.",
		ZH: "QoS " + n + " 不存在，两个 QoS 位也放不下；服务质量只能是 0、1 或 2。",
	})
}
