package script

import (
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// Target is what a scenario's statements drive and its expectations
// read: the clients, the faults at a client's end of its link, the trace.
// *sim.World is one (the simulated broker, on the virtual clock); the
// live target of sim/live is another (the same client cores on a real
// broker, on a real clock). Time passing is not part of it: a World runs
// its virtual clock (VirtualTarget), a live target's clock runs by itself
// and a Stepper waits for it.
type Target interface {
	// AddClient adds a client (a lifeline), not yet connected.
	AddClient(name string, o sim.ClientOptions) error
	// SetClientOptions gives a client the options of its next CONNECT.
	SetClientOptions(name string, o sim.ClientOptions) error
	// Connect, Open, Disconnect, Abort and Ping are the client actions of
	// the same names in (*sim.World).
	Connect(name string) error
	Open(name string) error
	Disconnect(name string) error
	Abort(name string) error
	Ping(name string) error
	Subscribe(name string, subs ...codec.Subscription) error
	Unsubscribe(name string, filters ...string) error
	Publish(name, topic string, payload []byte, qos codec.QoS, retain bool) error
	SendRaw(name string, b []byte) error
	Hold(name string, types ...codec.PacketType) error
	Release(name string, types ...codec.PacketType) error
	// DropNext, Cut, Silence and Restore are faults at the client's end
	// of its link.
	DropNext(name string, m sim.DropMatch) error
	Cut(name string) error
	Silence(name string) error
	Restore(name string) error
	// Note records the scenario's narration.
	Note(t trace.Text)
	// Now is the target's time in milliseconds.
	Now() int64
	// Trace is the trace recorded so far.
	Trace() *trace.Trace
	// Received, ClientConnected, Client and Connection are what the
	// client-side expectations read, as in (*sim.World). A live target's
	// Connection fills the client's end only.
	Received(name string) []sim.Delivery
	ClientConnected(name string) bool
	Client(name string) *trace.ClientState
	Connection(name string) *sim.Connection
}

// VirtualTarget is a target whose clock the runner moves: the simulated
// world.
type VirtualTarget interface {
	Target
	// Advance lets ms milliseconds pass.
	Advance(ms int64)
	// RunUntilQuiet runs until the network is quiet, at most limit
	// milliseconds.
	RunUntilQuiet(limit int64) int64
}

// BrokerTarget is a target whose broker the scenario can see inside and
// act on: the simulated world, not a real broker. Statements that need it
// (raw broker, hold broker, restart broker, the link's drop rate and latency) and the
// expectations that read it (expect broker …, expect retained …, expect
// no retained …) work on a BrokerTarget only.
type BrokerTarget interface {
	Target
	BrokerSendRaw(name string, b []byte) error
	// BrokerHold and BrokerRelease hold back (then send) the broker's
	// acknowledgements to a client.
	BrokerHold(name string, types ...codec.PacketType) error
	BrokerRelease(name string, types ...codec.PacketType) error
	RestartBroker(o sim.RestartOptions)
	DropRate(name string, p float64) error
	SetLatency(name string, up, down int64) error
	DuplicateNext(name string, m sim.DropMatch) error
	ResendNext(name string, m sim.DropMatch) error
	Resend(name string) error
	BrokerSession(clientID string) *trace.SessionState
	Retained(topic string) *trace.Message
}

// The simulated world is every kind of target.
var _ interface {
	VirtualTarget
	BrokerTarget
} = (*sim.World)(nil)
