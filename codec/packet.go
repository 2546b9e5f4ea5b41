// Package codec is the MQTT 3.1.1 wire format: the packet types, their
// encoding and decoding, the stream splitter that cuts a byte stream into
// packets, topic names and filters, and Annotate, the field-by-field
// breakdown of raw bytes that the inspector draws.
//
// The codec is strict: every check of the specification's normative
// statements that a receiver can make from the bytes alone is made, and each
// failure is an *Error naming the rule it breaks. It imports the standard
// library only: no I/O, no wall-clock time, no syscall/js.
package codec

import "strconv"

// PacketType is the control packet type, the high nibble of the first byte
// of the fixed header. [MQTT 2.2.1]
type PacketType byte

// The packet types of MQTT 3.1.1. Values 0 and 15 are reserved and never
// valid on the wire. [MQTT 2.2.1]
const (
	Reserved0   PacketType = 0
	CONNECT     PacketType = 1
	CONNACK     PacketType = 2
	PUBLISH     PacketType = 3
	PUBACK      PacketType = 4
	PUBREC      PacketType = 5
	PUBREL      PacketType = 6
	PUBCOMP     PacketType = 7
	SUBSCRIBE   PacketType = 8
	SUBACK      PacketType = 9
	UNSUBSCRIBE PacketType = 10
	UNSUBACK    PacketType = 11
	PINGREQ     PacketType = 12
	PINGRESP    PacketType = 13
	DISCONNECT  PacketType = 14
	Reserved15  PacketType = 15
)

var packetTypeNames = [16]string{
	"Reserved(0)", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC",
	"PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK",
	"PINGREQ", "PINGRESP", "DISCONNECT", "Reserved(15)",
}

// String returns the packet type's name as the specification spells it,
// and survives values outside 0–15.
func (t PacketType) String() string {
	if int(t) < len(packetTypeNames) {
		return packetTypeNames[t]
	}
	return "PacketType(" + strconv.Itoa(int(t)) + ")"
}

// QoS is a quality of service level: 0 at most once, 1 at least once,
// 2 exactly once. 3 is reserved and malformed on the wire. [MQTT 4.3]
type QoS byte

// The three quality of service levels.
const (
	AtMostOnce  QoS = 0
	AtLeastOnce QoS = 1
	ExactlyOnce QoS = 2
)

// Packet is one decoded MQTT control packet. The concrete types are
// *Connect, *Connack, *Publish, *Puback, *Pubrec, *Pubrel, *Pubcomp,
// *Subscribe, *Suback, *Unsubscribe, *Unsuback, *Pingreq, *Pingresp and
// *Disconnect. They hold wire fields only: no broker bookkeeping.
type Packet interface {
	// Type is the packet's control packet type.
	Type() PacketType
	// String is a one-line summary such as `PUBLISH q1 id=3 dup retain a/b`.
	String() string
}

// Will is the will message carried in a CONNECT: what the server
// publishes for the client if it goes away without DISCONNECT.
// [MQTT 3.1.2.5]
type Will struct {
	// Topic is a topic name: no wildcards.
	Topic string
	// Message is the will message's payload, any bytes.
	Message []byte
	// QoS and Retain are those of the will message when it is published.
	QoS    QoS
	Retain bool
}

// Connect is the CONNECT packet, the first packet a client sends. [MQTT 3.1]
type Connect struct {
	// ProtocolName is "MQTT" for 3.1.1 or "MQIsdp" for 3.1.
	ProtocolName string
	// ProtocolLevel is 4 for 3.1.1 and 3 for 3.1.
	ProtocolLevel byte
	CleanSession  bool
	// KeepAlive is in seconds; 0 turns the keepalive mechanism off.
	KeepAlive uint16
	ClientID  string
	// Will is nil when the Will Flag is 0.
	Will        *Will
	HasUsername bool
	Username    string
	HasPassword bool
	Password    []byte
	// ReservedFlag is bit 0 of the Connect Flags; it must be 0. It is here
	// so that a malformed CONNECT can be written on purpose.
	ReservedFlag bool
}

// ConnackCode is the CONNACK return code. [MQTT 3.2.2.3]
type ConnackCode byte

// The CONNACK return codes of MQTT 3.1.1; 6–255 are reserved.
const (
	Accepted                   ConnackCode = 0
	RefusedProtocolVersion     ConnackCode = 1
	RefusedIdentifierRejected  ConnackCode = 2
	RefusedServerUnavailable   ConnackCode = 3
	RefusedBadUsernamePassword ConnackCode = 4
	RefusedNotAuthorized       ConnackCode = 5
)

// Connack is the CONNACK packet, the server's answer to CONNECT. [MQTT 3.2]
type Connack struct {
	SessionPresent bool
	ReturnCode     ConnackCode
}

// Publish is the PUBLISH packet, an application message. [MQTT 3.3]
type Publish struct {
	Dup    bool
	QoS    QoS
	Retain bool
	Topic  string
	// PacketID is present on the wire only when QoS > 0.
	PacketID uint16
	Payload  []byte
}

// Puback acknowledges a QoS 1 PUBLISH. [MQTT 3.4]
type Puback struct{ PacketID uint16 }

// Pubrec is the first answer to a QoS 2 PUBLISH. [MQTT 3.5]
type Pubrec struct{ PacketID uint16 }

// Pubrel releases a QoS 2 message; its fixed header flags are 0010. [MQTT 3.6]
type Pubrel struct{ PacketID uint16 }

// Pubcomp completes the QoS 2 exchange. [MQTT 3.7]
type Pubcomp struct{ PacketID uint16 }

// Subscription is one topic filter with its requested QoS in a SUBSCRIBE.
type Subscription struct {
	Filter string
	QoS    QoS
}

// Subscribe is the SUBSCRIBE packet; its fixed header flags are 0010. [MQTT 3.8]
type Subscribe struct {
	PacketID      uint16
	Subscriptions []Subscription
}

// SubackCode is one SUBACK return code: a granted QoS or 0x80 failure.
// [MQTT 3.9.3]
type SubackCode byte

// The SUBACK return codes; any other value is malformed.
const (
	GrantedQoS0   SubackCode = 0x00
	GrantedQoS1   SubackCode = 0x01
	GrantedQoS2   SubackCode = 0x02
	SubackFailure SubackCode = 0x80
)

// Suback is the SUBACK packet: one return code per requested filter. [MQTT 3.9]
type Suback struct {
	PacketID    uint16
	ReturnCodes []SubackCode
}

// Unsubscribe is the UNSUBSCRIBE packet; its fixed header flags are 0010.
// [MQTT 3.10]
type Unsubscribe struct {
	PacketID uint16
	Filters  []string
}

// Unsuback acknowledges an UNSUBSCRIBE. [MQTT 3.11]
type Unsuback struct{ PacketID uint16 }

// Pingreq is the client's keepalive ping. [MQTT 3.12]
type Pingreq struct{}

// Pingresp is the server's answer to PINGREQ. [MQTT 3.13]
type Pingresp struct{}

// Disconnect is the client's graceful goodbye. [MQTT 3.14]
type Disconnect struct{}
