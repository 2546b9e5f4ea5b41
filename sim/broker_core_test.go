package sim

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"mqttviz/codec"
)

// brokerRun drives a Broker as a driver would, keeping what it wrote
// per connection (decoded) and its notes.
type brokerRun struct {
	t      *testing.T
	b      *Broker
	got    map[int][]codec.Packet
	closed []int
	timers []BrokerTimer
	notes  []string
}

func newBrokerRun(t *testing.T, o BrokerOptions) *brokerRun {
	return &brokerRun{t: t, b: NewBroker(o), got: map[int][]codec.Packet{}}
}

// carry takes the broker's effects and advances it.
func (r *brokerRun) carry(now int64) {
	fx := r.b.Ready()
	for _, s := range fx.Sends {
		p, err := codec.Decode(s.Bytes)
		if err != nil {
			r.t.Fatalf("the broker wrote bytes that do not decode: %v", err)
		}
		r.got[s.Conn] = append(r.got[s.Conn], p)
	}
	r.timers = append(r.timers, fx.Timers...)
	for _, n := range fx.Notes {
		r.notes = append(r.notes, n.Rule+" "+n.Text.EN)
	}
	closes := slices.Clone(fx.Closes)
	r.b.Advance()
	for _, c := range closes {
		r.closed = append(r.closed, c)
		r.b.Closed(now, c)
		r.carry(now)
	}
}

func (r *brokerRun) send(now int64, c int, p codec.Packet) {
	r.b.Packet(now, c, p)
	r.carry(now)
}

func (r *brokerRun) connect(now int64, c int, cp *codec.Connect) {
	r.b.Open(now, c, "127.0.0.1:"+strconv.Itoa(1000+c))
	r.send(now, c, cp)
}

// last is the last packet written on c.
func (r *brokerRun) last(c int) codec.Packet {
	ps := r.got[c]
	if len(ps) == 0 {
		r.t.Fatalf("nothing written on connection %d", c)
	}
	return ps[len(ps)-1]
}

func (r *brokerRun) noted(s string) bool {
	return slices.ContainsFunc(r.notes, func(n string) bool { return strings.Contains(n, s) })
}

func TestBrokerCoreExchange(t *testing.T) {
	r := newBrokerRun(t, BrokerOptions{})
	r.connect(0, 1, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "sub", CleanSession: true, KeepAlive: 10})
	if ca, ok := r.last(1).(*codec.Connack); !ok || ca.ReturnCode != codec.Accepted {
		t.Fatalf("CONNECT answered %v, want CONNACK 0", r.last(1))
	}
	if r.b.ClientID(1) != "sub" {
		t.Errorf("ClientID(1) = %q, want sub", r.b.ClientID(1))
	}
	r.send(1, 1, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "a/#", QoS: 1}}})
	r.connect(2, 2, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "pub", CleanSession: true,
		Will: &codec.Will{Topic: "a/will", Message: []byte("gone"), QoS: 1}})
	r.send(3, 2, &codec.Publish{QoS: 1, PacketID: 7, Topic: "a/b", Payload: []byte("hi")})
	if pa, ok := r.last(2).(*codec.Puback); !ok || pa.PacketID != 7 {
		t.Errorf("the publisher got %v, want PUBACK 7", r.last(2))
	}
	if p, ok := r.last(1).(*codec.Publish); !ok || p.Topic != "a/b" || p.QoS != 1 {
		t.Errorf("the subscriber got %v, want PUBLISH a/b QoS 1", r.last(1))
	}
	// The publisher's connection ends without DISCONNECT: its will goes out.
	r.b.Closed(4, 2)
	r.carry(4)
	if p, ok := r.last(1).(*codec.Publish); !ok || p.Topic != "a/will" {
		t.Errorf("after the publisher vanished the subscriber got %v, want the will", r.last(1))
	}
	// Keepalive 10 s: the watch at 15 s closes the silent subscriber.
	if len(r.timers) == 0 || r.timers[0].Conn != 1 || r.timers[0].At != 15000 {
		t.Fatalf("timers %+v, want the keepalive watch of connection 1 at 15000", r.timers)
	}
	r.b.Timer(20000, r.timers[0])
	r.carry(20000)
	if !slices.Contains(r.closed, 1) || !r.noted("MQTT-3.1.2-24") {
		t.Errorf("closed %v, notes %q: want connection 1 closed by MQTT-3.1.2-24", r.closed, r.notes)
	}
	// Input on a closed connection is ignored.
	r.send(20001, 1, &codec.Pingreq{})
	if _, ok := r.last(1).(*codec.Pingresp); ok {
		t.Error("the broker answered a packet of a closed connection")
	}
}

func TestBrokerCoreTakeoverAndStop(t *testing.T) {
	r := newBrokerRun(t, BrokerOptions{})
	cp := &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "dev", Will: &codec.Will{Topic: "w", Message: []byte("x")}}
	r.connect(0, 1, cp)
	r.connect(1, 2, cp)
	if !slices.Contains(r.closed, 1) || !r.noted("MQTT-3.1.4-2") {
		t.Fatalf("closed %v: want the first connection taken over (MQTT-3.1.4-2)", r.closed)
	}
	if ca := r.last(2).(*codec.Connack); !ca.SessionPresent {
		t.Error("clean session 0 taken over: want session present 1")
	}
	r.notes = nil
	r.b.Open(2, 3, "127.0.0.1:1003") // a device that sends nothing
	r.b.Stop(2)
	r.carry(2)
	if !slices.Contains(r.closed, 3) || !r.noted("the connection to the device at 127.0.0.1:1003 ends") {
		t.Errorf("closed %v, notes %q: want the silent device's connection closed, named by its address", r.closed, r.notes)
	}
	if !slices.Contains(r.closed, 2) || !r.noted("lost with the broker process") {
		t.Errorf("closed %v, notes %q: want connection 2 closed and its will lost", r.closed, r.notes)
	}
	if st := r.b.Snapshot(); len(st.Sessions) != 1 || st.Sessions[0].Connected {
		t.Errorf("after Stop the sessions are %+v, want dev's kept, offline", st.Sessions)
	}
}

func TestBrokerCoreLimits(t *testing.T) {
	r := newBrokerRun(t, BrokerOptions{MaxInflight: 1, MaxQueued: 1, MaxSessions: 2})
	r.connect(0, 1, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "s"})
	r.send(0, 1, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t", QoS: 1}}})
	r.connect(0, 2, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "p", CleanSession: true})
	for i := range 3 {
		r.send(1, 2, &codec.Publish{QoS: 1, PacketID: uint16(i + 1), Topic: "t", Payload: []byte{byte(i)}})
	}
	var pubs int
	for _, p := range r.got[1] {
		if _, ok := p.(*codec.Publish); ok {
			pubs++
		}
	}
	if pubs != 1 || !r.noted("in-flight limit (1 messages per session)") || !r.noted("limit of queued messages per session") {
		t.Errorf("%d PUBLISH sent, notes %q: want 1 in flight, 1 queued, 1 dropped, each limit named", pubs, r.notes)
	}
	r.send(2, 1, &codec.Puback{PacketID: 1})
	if p, ok := r.last(1).(*codec.Publish); !ok || p.Payload[0] != 1 {
		t.Errorf("after PUBACK the subscriber got %v, want the queued message", r.last(1))
	}
	r.connect(3, 3, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "third", CleanSession: true})
	if ca := r.last(3).(*codec.Connack); ca.ReturnCode != codec.RefusedServerUnavailable || !slices.Contains(r.closed, 3) {
		t.Errorf("a third session: CONNACK %v, want 0x03 and the connection closed", ca.ReturnCode)
	}
}
