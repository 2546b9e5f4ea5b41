package codec

import "strconv"

// Error is a decoding or encoding failure: where it is, which rule of the
// specification it breaks, a stable token for errors.Is, and one sentence a
// student understands, in English and Chinese.
type Error struct {
	// Offset is the byte offset of the faulty byte within the packet (for
	// topic validation, within the topic string).
	Offset int `json:"offset"`
	// Rule is the normative statement broken, such as "MQTT-3.3.1-4", or
	// the section ("MQTT 2.2.3") where the specification numbers none.
	Rule string `json:"rule"`
	// Token is a stable identifier of the kind of failure; errors.Is
	// compares it.
	Token string `json:"token"`
	// Message says in one sentence what is wrong.
	Message Text `json:"message"`
}

// Error returns "offset N: RULE: message" in English.
func (e *Error) Error() string {
	s := "mqtt: offset " + strconv.Itoa(e.Offset)
	if e.Rule != "" {
		s += ": " + e.Rule
	}
	if e.Message.EN != "" {
		return s + ": " + e.Message.EN
	}
	return s + ": " + e.Token
}

// Is reports whether target is an *Error with the same Token, so that
// errors.Is(err, ErrIncomplete) works whatever the offset and message.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Token == e.Token
}

// Malformed reports whether e is a fault of the bytes rather than a lack of
// them: everything except ErrIncomplete.
func (e *Error) Malformed() bool { return e.Token != ErrIncomplete.Token }

// Sentinel errors of the codec, one per token, for errors.Is. The topic
// sentinels (ErrTopic...) are in topic.go.
var (
	// ErrIncomplete: the bytes end before the packet does; a stream
	// receiver waits for more. It is not a malformation.
	ErrIncomplete = &Error{Token: "incomplete"}
	// ErrReservedType: packet type 0 or 15. [MQTT 2.2.1]
	ErrReservedType = &Error{Token: "reserved-packet-type"}
	// ErrReservedFlags: fixed header flags other than those the packet type
	// requires. [MQTT-2.2.2-1, MQTT-3.6.1-1, MQTT-3.8.1-1, MQTT-3.10.1-1]
	ErrReservedFlags = &Error{Token: "reserved-flags"}
	// ErrRemainingLengthTooLong: a Remaining Length with a fifth byte.
	// [MQTT 2.2.3]
	ErrRemainingLengthTooLong = &Error{Token: "remaining-length-too-long"}
	// ErrTrailingBytes: more bytes follow than the Remaining Length says.
	// [MQTT 2.2.3]
	ErrTrailingBytes = &Error{Token: "trailing-bytes"}
	// ErrPacketLength: the Remaining Length disagrees with the fields the
	// packet must or may carry (a PUBACK not 2 bytes long, a string that
	// runs past the end of the packet, bytes left over after the last
	// field). The rule names the missing field's requirement where the
	// specification numbers one (MQTT-3.1.3-3, MQTT-3.1.2-9, MQTT-3.1.2-19,
	// MQTT-3.1.2-21, MQTT-3.3.2-1), else the section.
	ErrPacketLength = &Error{Token: "packet-length"}
	// ErrQoS3: a PUBLISH with both QoS bits set. [MQTT-3.3.1-4]
	ErrQoS3 = &Error{Token: "qos-3"}
	// ErrDupQoS0: a QoS 0 PUBLISH with DUP set. [MQTT-3.3.1-2]
	ErrDupQoS0 = &Error{Token: "dup-on-qos0"}
	// ErrPacketIDZero: packet identifier 0 where one is required.
	// [MQTT-2.3.1-1]
	ErrPacketIDZero = &Error{Token: "packet-id-zero"}
	// ErrProtocolName: a protocol name other than "MQTT" (or "MQIsdp",
	// MQTT 3.1). [MQTT-3.1.2-1]
	ErrProtocolName = &Error{Token: "protocol-name"}
	// ErrProtocolLevel: a protocol level the codec does not speak; the
	// server answers CONNACK 0x01. [MQTT-3.1.2-2]
	ErrProtocolLevel = &Error{Token: "unsupported-protocol-level"}
	// ErrConnectReserved: the reserved bit 0 of the Connect Flags is set.
	// [MQTT-3.1.2-3]
	ErrConnectReserved = &Error{Token: "connect-reserved-flag"}
	// ErrWillQoSWithoutWill: Will QoS not 0 while the Will Flag is 0.
	// [MQTT-3.1.2-13]
	ErrWillQoSWithoutWill = &Error{Token: "will-qos-without-will"}
	// ErrWillQoS3: Will QoS 3. [MQTT-3.1.2-14]
	ErrWillQoS3 = &Error{Token: "will-qos-3"}
	// ErrWillRetainWithoutWill: Will Retain set while the Will Flag is 0.
	// [MQTT-3.1.2-15]
	ErrWillRetainWithoutWill = &Error{Token: "will-retain-without-will"}
	// ErrPasswordWithoutUsername: the Password Flag set while the User
	// Name Flag is 0. [MQTT-3.1.2-22]
	ErrPasswordWithoutUsername = &Error{Token: "password-without-username"}
	// ErrInvalidUTF8: ill-formed UTF-8 or an encoded surrogate in a string.
	// [MQTT-1.5.3-1]
	ErrInvalidUTF8 = &Error{Token: "invalid-utf8"}
	// ErrNullCharacter: U+0000 in a string. [MQTT-1.5.3-2]
	ErrNullCharacter = &Error{Token: "null-character"}
	// ErrStringTooLong: a string over 65535 bytes given to the encoder.
	// [MQTT 1.5.3]
	ErrStringTooLong = &Error{Token: "string-too-long"}
	// ErrPacketTooLarge: a packet whose Remaining Length would exceed
	// 268435455 given to the encoder. [MQTT 2.2.3]
	ErrPacketTooLarge = &Error{Token: "packet-too-large"}
	// ErrNoSubscriptions: a SUBSCRIBE without any topic filter.
	// [MQTT-3.8.3-3]
	ErrNoSubscriptions = &Error{Token: "subscribe-without-filters"}
	// ErrNoUnsubscriptions: an UNSUBSCRIBE without any topic filter.
	// [MQTT-3.10.3-2]
	ErrNoUnsubscriptions = &Error{Token: "unsubscribe-without-filters"}
	// ErrRequestedQoS: a requested QoS byte above 2 or with reserved bits
	// set. [MQTT-3-8.3-4]
	ErrRequestedQoS = &Error{Token: "requested-qos"}
	// ErrSubackCode: a SUBACK return code other than 0, 1, 2 or 0x80.
	// [MQTT-3.9.3-2]
	ErrSubackCode = &Error{Token: "suback-return-code"}
	// ErrNoReturnCodes: a SUBACK without any return code; a SUBSCRIBE
	// carries at least one filter and gets one code per filter.
	// [MQTT-3.8.4-5]
	ErrNoReturnCodes = &Error{Token: "suback-without-return-codes"}
	// ErrConnackFlags: reserved bits 7–1 of the Connect Acknowledge Flags
	// set. [MQTT 3.2.2.1]
	ErrConnackFlags = &Error{Token: "connack-reserved-flags"}
	// ErrConnackCode: a CONNACK return code above 5. [MQTT 3.2.2.3]
	ErrConnackCode = &Error{Token: "connack-return-code"}
	// ErrSessionPresentRefused: Session Present 1 with a non-zero return
	// code. [MQTT-3.2.2-4]
	ErrSessionPresentRefused = &Error{Token: "session-present-on-refusal"}
	// ErrUnknownPacket: a value given to the encoder that is not one of the
	// codec's packet types.
	ErrUnknownPacket = &Error{Token: "unknown-packet"}
)

// newError is an *Error of sentinel's kind at offset off.
func newError(sentinel *Error, off int, rule string, msg Text) *Error {
	return &Error{Offset: off, Rule: rule, Token: sentinel.Token, Message: msg}
}

// hint appends more to the message when cond holds: a pointer to the fix
// for a common mistake.
func (e *Error) hint(cond bool, more Text) *Error {
	if cond {
		e.Message.EN += more.EN
		e.Message.ZH += more.ZH
	}
	return e
}
