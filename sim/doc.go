// Package sim is the deterministic MQTT 3.1.1 simulator: a virtual clock,
// links with latency and faults, a broker and scripted clients, and the
// trace of everything that happened, which the browser app, the command
// line and every export read.
//
// The broker and the clients are state machines in the shape of etcd raft's
// RawNode: the engine hands each an input (the bytes of a packet, a timer,
// a closed connection) and collects what it wants done (packets to send,
// timers to set, connections to close, notes explaining each decision with
// the rule behind it). Neither holds a clock or a pointer to the engine:
// every input carries the time now. The client core is exported (Client,
// its Effects and Timer) so that a driver outside the simulator, on a real
// clock and a real transport, runs the same client; inside, the engine
// drives each through a peer, which also holds the client's link. Link
// faults (World.DropNext, Cut, Silence, ...) are engine events. Both sides
// keep their QoS 1 and 2 exchanges in one window type with one resend
// rule. Every packet is encoded with codec.Append by its sender, carried
// as bytes, and split and decoded by its receiver.
//
// Events run in order of virtual time and then of a sequence number; the
// only randomness is a source seeded from Options.Seed; nothing iterates a
// map in an order that leaks out. The same scenario and seed give a
// byte-identical trace natively and under GOOS=js GOARCH=wasm.
//
// sim imports codec and the standard library only: no goroutines, no I/O,
// no wall clock, no syscall/js.
package sim
