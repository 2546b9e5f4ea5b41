package trace

import "fmt"

// State is a snapshot of the broker and every client after a step. The
// slices are sorted (sessions by client id, retained messages by topic) so
// that the same run always gives the same JSON. A snapshot is immutable:
// steps share the parts that did not change.
type State struct {
	Broker  *BrokerState   `json:"broker"`
	Clients []*ClientState `json:"clients"`
}

// BrokerState is what the broker holds.
type BrokerState struct {
	Sessions []*SessionState `json:"sessions"`
	Retained []Message       `json:"retained"`
}

// SessionState is one client's session on the broker.
type SessionState struct {
	ClientID      string         `json:"clientId"`
	Connected     bool           `json:"connected"`
	CleanSession  bool           `json:"cleanSession"`
	KeepAlive     uint16         `json:"keepAlive"`
	Subscriptions []Subscription `json:"subscriptions"`
	// Inflight are the QoS 1 and 2 exchanges not yet complete, both ways.
	Inflight []Inflight `json:"inflight"`
	// Queued are messages waiting for the client to come back or, while it
	// is online, for a free packet id.
	Queued []Message `json:"queued"`
	Will   *Message  `json:"will,omitempty"`
}

// ClientState is what one client holds.
type ClientState struct {
	Name      string     `json:"name"`
	ClientID  string     `json:"clientId"`
	Connected bool       `json:"connected"`
	Inflight  []Inflight `json:"inflight"`
}

// Subscription is a topic filter with the QoS the broker granted.
type Subscription struct {
	Filter string `json:"filter"`
	QoS    byte   `json:"qos"`
}

// Message is an application message: retained, queued or a will.
type Message struct {
	Topic   string `json:"topic"`
	Payload string `json:"payload"`
	QoS     byte   `json:"qos"`
	Retain  bool   `json:"retain"`
}

// Inflight is one unfinished QoS 1 or 2 exchange.
type Inflight struct {
	PacketID uint16 `json:"id"`
	QoS      byte   `json:"qos"`
	// Direction is Out for messages this side sent, In for messages it
	// received and has not finished acknowledging.
	Direction Direction `json:"dir"`
	// Stage is where the exchange stands.
	Stage Stage  `json:"stage"`
	Topic string `json:"topic"`
}

// String writes the message as the scenario language names it:
// `a/b "hello" qos=1 retain=0`.
func (m Message) String() string {
	return fmt.Sprintf("%s %q qos=%d retain=%s", m.Topic, m.Payload, m.QoS, Flag(m.Retain))
}

// Flag writes a flag as traces and the scenario language write it: 0 or 1.
func Flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
