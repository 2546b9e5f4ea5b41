package live

import (
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// ScriptTarget runs a scenario's lines on a Driver against a real broker:
// it is the target that sim/script's LiveRun drives (script.RealTarget),
// as *sim.World is the simulated one. Its clients are the driver's
// cores, its faults those at the client's end (DropNext, Cut, Silence,
// Restore), its time the driver's Clock: a wait takes real time. The
// broker's insides are not in it, so the scenario lines that need them
// are refused and the expectations that read them are not observable.
//
// A ScriptTarget is used on the driver's loop, as the driver is.
type ScriptTarget struct {
	d *Driver
	// Quiet is how long, in milliseconds, no step must be recorded for
	// the network to count as quiet after an action once no client
	// awaits an answer (DefaultQuiet when 0), and MaxSettle the longest
	// an action waits (DefaultMaxSettle when 0). See Settled.
	Quiet, MaxSettle int64
}

// DefaultQuiet and DefaultMaxSettle are ScriptTarget's waits after an
// action when it sets none: a quarter of a second of silence on the
// network, at most five seconds.
const (
	DefaultQuiet     = 250
	DefaultMaxSettle = 5000
)

// NewScriptTarget returns the target of a scenario run on d, whose
// clients the scenario's client lines add.
func NewScriptTarget(d *Driver) *ScriptTarget { return &ScriptTarget{d: d} }

// AddClient puts a new client core named name under the driver.
func (t *ScriptTarget) AddClient(name string, o sim.ClientOptions) error {
	return t.d.Add(sim.NewClient(name, o))
}

// SetClientOptions gives the client the options of its next CONNECT.
func (t *ScriptTarget) SetClientOptions(name string, o sim.ClientOptions) error {
	cl := t.d.byName[name]
	if cl == nil {
		return noClient(name)
	}
	cl.core.SetOptions(o)
	return nil
}

// Connect opens the client's connection and sends CONNECT.
func (t *ScriptTarget) Connect(name string) error { return t.d.Do(name, (*sim.Client).Connect) }

// Open opens the client's connection and sends nothing.
func (t *ScriptTarget) Open(name string) error { return t.d.Do(name, (*sim.Client).Open) }

// Disconnect sends DISCONNECT and closes.
func (t *ScriptTarget) Disconnect(name string) error { return t.d.Do(name, (*sim.Client).Disconnect) }

// Abort closes the client's connection with no DISCONNECT.
func (t *ScriptTarget) Abort(name string) error { return t.d.Do(name, (*sim.Client).Abort) }

// Ping sends PINGREQ.
func (t *ScriptTarget) Ping(name string) error { return t.d.Do(name, (*sim.Client).Ping) }

// Subscribe sends one SUBSCRIBE.
func (t *ScriptTarget) Subscribe(name string, subs ...codec.Subscription) error {
	return t.d.Do(name, func(c *sim.Client, now int64) error { return c.Subscribe(now, subs...) })
}

// Unsubscribe sends one UNSUBSCRIBE.
func (t *ScriptTarget) Unsubscribe(name string, filters ...string) error {
	return t.d.Do(name, func(c *sim.Client, now int64) error { return c.Unsubscribe(now, filters...) })
}

// Publish publishes an application message.
func (t *ScriptTarget) Publish(name, topic string, payload []byte, qos codec.QoS, retain bool) error {
	return t.d.Do(name, func(c *sim.Client, now int64) error { return c.Publish(now, topic, payload, qos, retain) })
}

// SendRaw writes b as it is.
func (t *ScriptTarget) SendRaw(name string, b []byte) error {
	return t.d.Do(name, func(c *sim.Client, now int64) error { return c.SendRaw(now, b) })
}

// Hold makes the client withhold acknowledgements of the given types.
func (t *ScriptTarget) Hold(name string, types ...codec.PacketType) error {
	return t.d.Do(name, func(c *sim.Client, now int64) error { return c.Hold(now, types, true) })
}

// Release sends what Hold withheld.
func (t *ScriptTarget) Release(name string, types ...codec.PacketType) error {
	return t.d.Do(name, func(c *sim.Client, now int64) error { return c.Hold(now, types, false) })
}

// DropNext drops the next matching packet at the client's end.
func (t *ScriptTarget) DropNext(name string, m sim.DropMatch) error { return t.d.DropNext(name, m) }

// Cut cuts the client's connection.
func (t *ScriptTarget) Cut(name string) error { return t.d.Cut(name) }

// Silence makes the client's end silent.
func (t *ScriptTarget) Silence(name string) error { return t.d.Silence(name) }

// Restore ends the faults at the client's end.
func (t *ScriptTarget) Restore(name string) error { return t.d.Restore(name) }

// Note records the scenario's narration, on no lifeline.
func (t *ScriptTarget) Note(text trace.Text) {
	t.d.record(trace.Step{Time: t.d.clock.Now(), Kind: trace.KindNote, Notes: []trace.Note{{Text: text}}})
}

// Now is the clock's time.
func (t *ScriptTarget) Now() int64 { return t.d.clock.Now() }

// Trace is the driver's trace so far.
func (t *ScriptTarget) Trace() *trace.Trace { return t.d.rec.Trace() }

// Received is what the client handed to its application.
func (t *ScriptTarget) Received(name string) []sim.Delivery {
	if cl := t.d.byName[name]; cl != nil {
		return cl.core.Received()
	}
	return nil
}

// ClientConnected reports whether the client holds a CONNACK 0 on its
// open connection.
func (t *ScriptTarget) ClientConnected(name string) bool {
	cl := t.d.byName[name]
	return cl != nil && cl.core.Connected()
}

// Client is a snapshot of the client's state.
func (t *ScriptTarget) Client(name string) *trace.ClientState {
	if cl := t.d.byName[name]; cl != nil {
		return cl.core.Snapshot()
	}
	return nil
}

// Connection is the client's end of its latest connection: what it read
// and handed to the client, what it wrote (dropped ones included), and
// whether the client closed it itself. The broker's end is not seen:
// ToBroker and FromBroker are empty, and BrokerOpen follows the client's
// end.
func (t *ScriptTarget) Connection(name string) *sim.Connection {
	cl := t.d.byName[name]
	if cl == nil || cl.link == nil {
		return nil
	}
	k := *cl.link
	return &k
}

// Settled reports whether the run may go on after an action at since:
// no client awaits an answer from the broker (sim.Client.Awaits: a
// CONNACK, a SUBACK, the acknowledgements of its QoS 1 and 2 exchanges)
// on a connection that is open and not silenced, none is still opening,
// and no step came for Quiet milliseconds; or MaxSettle passed. The
// quiet is for what no client waits for: a message the broker forwards
// to a subscriber, a will. When not settled, next is when to ask again.
func (t *ScriptTarget) Settled(since int64) (done bool, next int64) {
	quiet, most := t.Quiet, t.MaxSettle
	if quiet <= 0 {
		quiet = DefaultQuiet
	}
	if most <= 0 {
		most = DefaultMaxSettle
	}
	now, limit := t.d.clock.Now(), since+most
	if now >= limit {
		return true, now
	}
	next = max(t.d.last, since) + quiet
	for _, cl := range t.d.clients {
		opening := cl.conn != 0 && !cl.up
		awaiting := cl.conn != 0 && cl.up && !cl.faults.silent && cl.core.Awaits()
		if opening || awaiting {
			next = max(next, now+quiet)
		}
	}
	if now >= next {
		return true, now
	}
	return false, min(next, limit)
}
