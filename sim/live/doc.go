// Package live records and drives live MQTT connections: the third source
// of a trace, beside a scenario and an instructor's actions.
//
// The Recorder turns what happened on real connections into trace steps:
// a connection opened, the bytes read from it at time t (a read may hold
// part of a packet or several: MQTT-6.0.0-1/-2 lets WebSocket frames and
// packets fall apart as they like), the bytes written to it, its close.
// Each whole packet read becomes one packet step with its exact bytes,
// the read that completed it (Step.Read) and its connection (Step.Conn);
// bytes that do not decode become a step that shows them with the codec's
// error, also when the connection closes in the middle of a packet. The
// recorder keeps the newest steps only (Options.Keep): the older ones are
// counted by a gap step at the front of the trace, so a session of hours
// stays bounded in memory.
//
// The recorder sits at one end of its connections, named by the trace's
// source: the browser's live link (trace.SourceLive) records at the
// clients, whose peer is a real broker; the native broker
// (trace.SourceBroker) records at the broker, whose peers are devices.
//
// The Driver runs the simulator's own client cores (sim.Client) on a
// Clock and a Transport, both interfaces: it hands each core the actions
// asked of it, the packets the recorder cut from its reads, its timers
// and the close of its connection, carries out what the core wants done
// (open, write, set a timer, close), and records every step with the
// client's notes and the clients' state. What a student sees a simulated
// client do is what the live client does: the same code. The browser
// gives it a WebSocket transport, the command TCP or WebSocket; the
// native broker records with a Recorder of its own around the broker core.
//
// The BrokerDriver runs the simulator's broker core (sim.Broker) the same
// way, as raft's node.go runs a RawNode: one loop hands it each device's
// connection, reads, timers (on a BrokerClock, whose timers stop when
// their connection closes) and close, carries out its writes and closes
// through Devices, records every step with the broker's notes and state,
// names each device's lifeline by the client id of its CONNECT, enforces
// BrokerLimits with notes that name them, and hands each step to its
// watchers through bounded channels that drop and count rather than wait.
//
// ScriptTarget runs a scenario (sim/script) on a Driver against a real
// broker: sim/script's Scenario.StartLive takes it, and the caller steps
// the LiveRun on the driver's loop:
//
//	d := live.NewDriver(clock, transport, rec, addr)
//	run, err := sc.StartLive(live.NewScriptTarget(d)) // refuses broker-inside lines
//	// then, on the loop, until done:
//	w, done, err := run.Step() // w.For == script.WaitLine: a countdown to w.Until
//	clock.At(w.Until, stepAgain)
//	// at the end: run.Trace() and script.Compare(simulated, run.Trace())
//
// live holds no I/O of its own and never reads a clock: times are
// milliseconds from the trace's start, given by the caller. It imports
// sim, sim/trace and codec only, never net, time or syscall/js; the
// browser and the command give it their transports.
package live
