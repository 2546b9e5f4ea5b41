package sim

import (
	"bytes"
	"mqttviz/sim/trace"
)

// Open opens a network connection from the client to the broker and sends
// nothing: the scenario then writes the first bytes itself (SendRaw), a
// CONNECT or anything else. The client waits for a CONNACK as after
// Connect, with its options' Clean Session and keepalive, and sends no
// PINGREQ on this connection.
func (w *World) Open(name string) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindConnect, true, c.core.Open(w.eng.now))
}

// BrokerSendRaw makes the broker write b as it is on the client's open
// connection, as a faulty broker would: a second CONNACK, a malformed
// packet, a PUBLISH nobody asked for. The broker's own state does not
// change; the client handles the bytes by the rules of a client.
func (w *World) BrokerSendRaw(name string, b []byte) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	k := c.conn
	if k == nil || !k.open[brokerEnd] {
		return refuse("the broker has no open connection to "+name, "服务端与 "+name+" 之间没有打开的连接")
	}
	br := w.eng.broker
	if err := br.ready.sendRaw(k, bytes.Clone(b)); err != nil {
		return err
	}
	br.note("", "the broker writes the bytes the scenario gives, as they are", "服务端按场景的要求原样写出这些字节")
	w.eng.act(br, trace.KindNote, true)
	return nil
}

// RestartOptions say what a restarted broker still holds.
type RestartOptions struct {
	// KeepSessions keeps the sessions of clean-session-0 clients
	// (subscriptions, unfinished QoS 1 and 2 exchanges, queued messages),
	// as a broker that stores them durably does: the specification has
	// the server store session state for the whole session
	// [MQTT-4.1.0-1]. False: the broker held them in memory and a crash
	// loses them (MQTT 4.1, non-normative).
	KeepSessions bool
	// KeepRetained keeps the retained messages, which are not session
	// state but which a server should keep until a client deletes them
	// (MQTT 4.1).
	KeepRetained bool
}

// RestartBroker stops the broker and starts it again: every connection
// ends at the broker's end (the clients hear of it one latency later),
// the wills of those connections are lost with the process, not
// published, and clean-session-1 sessions end. What else survives is
// o's choice.
func (w *World) RestartBroker(o RestartOptions) {
	w.eng.restartBroker(o)
}
