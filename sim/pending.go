package sim

// This file holds the first, minimal internals behind world.go so that the
// API compiles while the engine is written; it is replaced by engine.go,
// client.go and broker.go.

import (
	"errors"
	"math/rand/v2"

	"mqttviz/codec"
)

var errNotYet = errors.New("sim: engine not written yet")

type engine struct {
	now    int64
	rand   *rand.Rand
	trace  *Trace
	broker *broker
}

func newEngine(w *World) *engine {
	return &engine{
		rand:   rand.New(rand.NewPCG(uint64(w.opts.Seed), 0)),
		trace:  &Trace{Seed: w.opts.Seed, Nodes: []string{BrokerName}},
		broker: &broker{},
	}
}

func (e *engine) addNode(name string)       { e.trace.Nodes = append(e.trace.Nodes, name) }
func (e *engine) runUntil(t int64, q bool)  { e.now = t }
func (e *engine) narrate(t Text)            {}
func (e *engine) fault(name string, t Text) {}
func (e *engine) cut(name string)           {}
func (e *engine) snapshot() *State          { return &State{Broker: &BrokerState{}} }

type broker struct{}

func (b *broker) sessionSnapshot(id string) *SessionState { return nil }
func (b *broker) retainedMessage(t string) *Message       { return nil }

type client struct {
	opts       ClientOptions
	link       *Link
	received   []Delivery
	deliveries int
}

func newClient(e *engine, name string, o ClientOptions) *client {
	return &client{opts: o, link: &Link{eng: e, client: name}}
}

func (c *client) connect() error                                { return errNotYet }
func (c *client) publish(string, []byte, codec.QoS, bool) error { return errNotYet }
func (c *client) subscribe([]codec.Subscription) error          { return errNotYet }
func (c *client) unsubscribe([]string) error                    { return errNotYet }
func (c *client) ping() error                                   { return errNotYet }
func (c *client) disconnect() error                             { return errNotYet }
func (c *client) abort() error                                  { return errNotYet }
func (c *client) sendRaw([]byte) error                          { return errNotYet }
func (c *client) hold([]codec.PacketType, bool) error           { return errNotYet }
func (c *client) connected() bool                               { return false }
func (c *client) snapshot() *ClientState                        { return nil }
