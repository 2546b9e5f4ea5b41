package sim

import (
	"strconv"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// DefaultLatency is the one-way latency of a link, in virtual milliseconds,
// when Options.Latency is 0.
const DefaultLatency = 10

// Options configure a World. The zero value is a valid configuration: a
// broker that follows the specification's defaults, links with
// DefaultLatency, no snapshots.
type Options struct {
	// Seed seeds the only random source of the run (link drop rates).
	Seed int64
	// Snapshots records a State with every step. Without it Step.State is
	// nil (benchmarks, property tests).
	Snapshots bool
	// NoRecord keeps neither the trace's steps nor the clients' deliveries
	// (benchmarks that run millions of packets); DeliveryCount still counts.
	NoRecord bool
	// Latency is the one-way latency of every link in virtual milliseconds;
	// 0 means DefaultLatency. Link.SetLatency changes one link.
	Latency int64
	// Broker configures the broker.
	Broker BrokerOptions
}

// BrokerOptions are the choices the specification leaves to a server. The
// zero value of each field is the default noted beside it.
type BrokerOptions struct {
	// Users maps user names to passwords. Nil: no authentication, every
	// CONNECT is accepted whatever its user name and password. Otherwise a
	// CONNECT with an unknown user or a wrong password gets return code
	// 0x04. [MQTT 3.1.3.4, 3.1.3.5]
	Users map[string]string
	// AllowAnonymous accepts a CONNECT without a user name when Users is
	// set; false refuses it with 0x05 (not authorized).
	AllowAnonymous bool
	// NotAuthorized lists client ids refused with return code 0x05.
	NotAuthorized []string
	// Unavailable refuses every CONNECT with return code 0x03 (server
	// unavailable).
	Unavailable bool
	// StrictClientID refuses, with 0x02, client ids that are not 1–23
	// characters of [0-9a-zA-Z], the only ones a server must accept
	// (MQTT-3.1.3-5). False accepts any client id.
	StrictClientID bool
	// LimitQoS caps every granted QoS at MaxQoS; false grants what is
	// requested. [MQTT-3.8.4-6]
	LimitQoS bool
	// MaxQoS is the highest QoS granted when LimitQoS is set.
	MaxQoS codec.QoS
	// Deny lists topic filters the broker refuses with SUBACK return code
	// 0x80. A requested filter is refused when a Deny entry, read as a
	// filter, matches it read as a topic name: Deny "secret/#" refuses
	// "secret/#", "secret/a" and "secret/+". A wider filter ("#",
	// "+/door") is granted, but no message whose topic a Deny entry
	// matches is delivered to anyone, retained or not.
	Deny []string
	// ForwardOnPubrel makes the broker keep an incoming QoS 2 message until
	// PUBREL and forward it then; false forwards it on PUBLISH and keeps
	// only the packet id until PUBREL. Both are allowed. [MQTT 4.3.3]
	ForwardOnPubrel bool
	// RetryInterval resends unacknowledged PUBLISH (with DUP) and PUBREL
	// packets after this many virtual milliseconds on the same connection;
	// 0 resends only when the client reconnects. [MQTT-4.4.0-1]
	RetryInterval int64
	// QueueQoS0 queues QoS 0 messages for a disconnected client with a
	// persistent session; false queues only QoS 1 and 2. [MQTT 3.1.2.4]
	QueueQoS0 bool
	// MaxInflight is the most QoS 1 and 2 messages the broker has in
	// flight towards one session; more wait in its queue. 0 means 65535,
	// one per packet id.
	MaxInflight int
	// MaxQueued is the most messages one session's queue holds; a message
	// for a full queue is dropped with a note. 0 means no limit.
	MaxQueued int
	// MaxSessions is the most sessions the broker keeps; a CONNECT that
	// needs a new one beyond it is refused with 0x03 (server
	// unavailable). 0 means no limit.
	MaxSessions int
}

// ClientOptions configure one client. They are read at each Connect and
// hold for that connection.
type ClientOptions struct {
	// ClientID is sent in CONNECT exactly as given; empty is an empty
	// client id.
	ClientID string
	// CleanSession is the Clean Session flag of CONNECT.
	CleanSession bool
	// KeepAlive is in seconds; 0 turns keepalive off. [MQTT 3.1.2.10]
	KeepAlive uint16
	// Will is the will message, nil for none.
	Will *codec.Will
	// Username and Password are sent when not nil.
	Username, Password *string
	// ProtocolLevel is sent in CONNECT; 0 means 4 (MQTT 3.1.1). 3 sends
	// protocol name "MQIsdp" as an MQTT 3.1 client does; any other value
	// goes with "MQTT".
	ProtocolLevel byte
	// PingTimeout is how long, in virtual milliseconds, the client waits
	// for PINGRESP before it closes the connection; 0 means one keepalive
	// period.
	PingTimeout int64
	// RetryInterval resends unacknowledged PUBLISH (with DUP) and PUBREL
	// packets after this many virtual milliseconds; 0 resends only on
	// reconnect.
	RetryInterval int64
}

// Delivery is one application message a client handed to its
// application.
type Delivery struct {
	// Time is when the client received the PUBLISH.
	Time    int64
	Topic   string
	Payload []byte
	QoS     codec.QoS
	Retain  bool
	Dup     bool
	// PacketID is the broker's packet id on this leg, 0 at QoS 0.
	PacketID uint16
}

// World is one simulation: a broker, named clients each joined to it by a
// link, a virtual clock and the trace of everything that happened. A World
// is driven from one goroutine: each method runs to completion and records
// its steps. Methods that name a client return an error when no client of
// that name was added.
type World struct {
	opts    Options
	eng     *engine
	clients map[string]*peer
}

// NewWorld makes a world with a broker and no clients at time 0.
func NewWorld(o Options) *World {
	if o.Latency == 0 {
		o.Latency = DefaultLatency
	}
	return &World{opts: o, eng: newEngine(o), clients: map[string]*peer{}}
}

// AddClient adds a client named name (its lifeline in the trace), not yet
// connected, with its link to the broker.
func (w *World) AddClient(name string, o ClientOptions) error {
	if name == "" || name == trace.BrokerName {
		return refuse(strconv.Quote(name)+" cannot name a client", strconv.Quote(name)+" 不能用作客户端名称")
	}
	if _, ok := w.clients[name]; ok {
		return refuse("client "+strconv.Quote(name)+" already exists", "客户端 "+strconv.Quote(name)+" 已经存在")
	}
	w.clients[name] = w.eng.addClient(NewClient(name, o))
	return nil
}

// SetClientOptions replaces a client's options; they take effect at its
// next Connect (a new will, clean session on or off, another client id).
func (w *World) SetClientOptions(name string, o ClientOptions) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	c.core.SetOptions(o)
	return nil
}

// Connect opens a network connection from the client to the broker and
// sends CONNECT. A client that kept its session (clean session 0) resends
// its unacknowledged messages after CONNACK.
func (w *World) Connect(name string) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindConnect, true, c.core.Connect(w.eng.now))
}

// ConnectRaw opens a network connection from the client and sends b in
// place of the CONNECT the client would build: a tutorial's CONNECT bytes,
// a malformed CONNECT. The client then waits for CONNACK as usual; it
// takes the Clean Session flag and the keepalive from b when b decodes as
// a CONNECT, and its options otherwise.
func (w *World) ConnectRaw(name string, b []byte) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindConnect, true, c.core.ConnectRaw(w.eng.now, b))
}

// Publish makes the client publish an application message. At QoS 1 and 2
// the client keeps it until the exchange completes; when the client is not
// connected it keeps it and sends it after the next CONNACK (QoS 0 is
// discarded, with a note).
func (w *World) Publish(name, topic string, payload []byte, qos codec.QoS, retain bool) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Publish(w.eng.now, topic, payload, qos, retain))
}

// Subscribe makes the client send one SUBSCRIBE with the given filters.
func (w *World) Subscribe(name string, subs ...codec.Subscription) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Subscribe(w.eng.now, subs...))
}

// Unsubscribe makes the client send one UNSUBSCRIBE with the given filters.
func (w *World) Unsubscribe(name string, filters ...string) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Unsubscribe(w.eng.now, filters...))
}

// Ping makes the client send PINGREQ now.
func (w *World) Ping(name string) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Ping(w.eng.now))
}

// Disconnect makes the client send DISCONNECT and close its connection: the
// graceful goodbye after which the broker discards the will.
func (w *World) Disconnect(name string) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Disconnect(w.eng.now))
}

// Abort makes the client close its network connection without DISCONNECT,
// as a crashed device would: the broker publishes the will.
func (w *World) Abort(name string) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Abort(w.eng.now))
}

// SendRaw makes the client write b to its connection as it is: malformed
// packets, a second CONNECT, half a packet. The client's own state does not
// change.
func (w *World) SendRaw(name string, b []byte) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.SendRaw(w.eng.now, b))
}

// SetAutoAck turns the client's acknowledgements on or off: off, it holds
// every PUBACK, PUBREC, PUBREL and PUBCOMP it would send, as Hold does for
// each type; on, it releases and sends what it held.
func (w *World) SetAutoAck(name string, on bool) error {
	acks := []codec.PacketType{codec.PUBACK, codec.PUBREC, codec.PUBREL, codec.PUBCOMP}
	if on {
		return w.Release(name, acks...)
	}
	return w.Hold(name, acks...)
}

// Hold makes the client withhold packets of the given types (PUBACK,
// PUBREC, PUBREL, PUBCOMP): it updates its state as if it had sent them but
// keeps the packets until Release.
func (w *World) Hold(name string, types ...codec.PacketType) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Hold(w.eng.now, types, true))
}

// Release ends Hold for the given types and sends the withheld packets of
// those types, oldest first, on the current connection (none if it is
// closed).
func (w *World) Release(name string, types ...codec.PacketType) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Hold(w.eng.now, types, false))
}

// Advance runs every event due in the next ms virtual milliseconds and
// moves the clock forward by ms.
func (w *World) Advance(ms int64) {
	w.eng.runUntil(w.eng.now+ms, false)
}

// RunUntilQuiet runs events until no packet is on any link and no timer is
// pending except the idle keepalive timers, or until limit virtual
// milliseconds have passed. It returns the virtual milliseconds it ran.
func (w *World) RunUntilQuiet(limit int64) int64 {
	start := w.eng.now
	w.eng.runUntil(start+limit, true)
	return w.eng.now - start
}

// Now is the virtual time in milliseconds.
func (w *World) Now() int64 { return w.eng.now }

// Note records a narration step: the scenario's own explanation, on no
// lifeline (From is empty).
func (w *World) Note(t trace.Text) {
	w.eng.narrate(t)
}

// Trace returns the trace recorded so far. Its Steps grow as the world
// runs; the caller may set Scenario, Title and Expectations.
func (w *World) Trace() *trace.Trace { return w.eng.trace }

// Received returns the messages the client handed to its application, in
// order; nil with Options.NoRecord.
func (w *World) Received(name string) []Delivery {
	c, ok := w.clients[name]
	if !ok {
		return nil
	}
	return c.core.Received()
}

// DeliveryCount is how many messages the client handed to its application,
// counted even with Options.NoRecord.
func (w *World) DeliveryCount(name string) int {
	c, ok := w.clients[name]
	if !ok {
		return 0
	}
	return c.core.DeliveryCount()
}

// ClientConnected reports whether the client has a connection whose
// CONNECT the broker accepted, as far as the client knows.
func (w *World) ClientConnected(name string) bool {
	c, ok := w.clients[name]
	return ok && c.core.Connected()
}

// Client returns a snapshot of the client's state, nil for an unknown name.
func (w *World) Client(name string) *trace.ClientState {
	c, ok := w.clients[name]
	if !ok {
		return nil
	}
	return c.core.Snapshot()
}

// BrokerSession returns a snapshot of the broker's session for a client
// id, nil when the broker holds none.
func (w *World) BrokerSession(clientID string) *trace.SessionState {
	return w.eng.broker.sessionSnapshot(clientID)
}

// Retained returns the retained message the broker holds for topic, nil
// when it holds none.
func (w *World) Retained(topic string) *trace.Message {
	return w.eng.broker.retainedMessage(topic)
}

// State returns a snapshot of the broker and every client now.
func (w *World) State() *trace.State { return w.eng.snapshot() }

func (w *World) client(name string) (*peer, error) {
	c, ok := w.clients[name]
	if !ok {
		return nil, refuse("no client named "+strconv.Quote(name), "没有名为 "+strconv.Quote(name)+" 的客户端")
	}
	return c, nil
}
