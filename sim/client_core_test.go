package sim_test

import (
	"fmt"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
)

// coreDriver drives a sim.Client with no engine, as a live driver would:
// it keeps the timers the client asked for and hands each back when told.
type coreDriver struct {
	t      *testing.T
	c      *sim.Client
	timers []sim.Timer
}

// coreStep is one input to the client at time at and the effects it must
// give: a new connection, the packets written (compared as bytes), the
// times of the timers asked for, a close.
type coreStep struct {
	at     int64
	what   string
	in     func(d *coreDriver, now int64) error
	open   bool
	sends  []codec.Packet
	timers []int64
	close  bool
}

// act is an action input.
func act(f func(c *sim.Client, now int64) error) func(*coreDriver, int64) error {
	return func(d *coreDriver, now int64) error { return f(d.c, now) }
}

// recv is the bytes of p arriving from the broker.
func recv(p codec.Packet) func(*coreDriver, int64) error {
	return func(d *coreDriver, now int64) error {
		b, err := codec.Append(nil, p)
		if err != nil {
			return err
		}
		d.c.Receive(now, b)
		return nil
	}
}

// fire hands back every timer due at now, in the order they were asked
// for.
func fire(d *coreDriver, now int64) error {
	var keep []sim.Timer
	for _, t := range d.timers {
		if t.At == now {
			d.c.Timer(now, t)
		} else {
			keep = append(keep, t)
		}
	}
	d.timers = keep
	return nil
}

// closed is the connection closing under the client.
func closed(d *coreDriver, now int64) error {
	d.c.Closed(now)
	return nil
}

// run feeds the steps and checks each one's effects.
func (d *coreDriver) run(steps []coreStep) {
	d.t.Helper()
	for _, s := range steps {
		if err := s.in(d, s.at); err != nil {
			d.t.Fatalf("%d %s: %v", s.at, s.what, err)
		}
		fx := d.c.Ready()
		var got, want []string
		for _, x := range fx.Sends {
			got = append(got, fmt.Sprintf("% x", x.Bytes))
		}
		for _, p := range s.sends {
			b, err := codec.Append(nil, p)
			if err != nil {
				d.t.Fatal(err)
			}
			want = append(want, fmt.Sprintf("% x", b))
		}
		var at []int64
		for _, t := range fx.Timers {
			at = append(at, t.At)
		}
		if fx.Open != s.open || fx.Close != s.close || fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(at) != fmt.Sprint(s.timers) {
			d.t.Errorf("%d %s:\n got open=%v close=%v sends %v timers %v\nwant open=%v close=%v sends %v timers %v\nnotes %v",
				s.at, s.what, fx.Open, fx.Close, got, at, s.open, s.close, want, s.timers, fx.Notes)
		}
		for _, x := range fx.Sends {
			if codec.PacketType(x.Bytes[0]>>4) != x.Type {
				d.t.Errorf("%d %s: send of type %v carries % x", s.at, s.what, x.Type, x.Bytes)
			}
		}
		d.timers = append(d.timers, fx.Timers...)
		d.c.Advance()
		if fx := d.c.Ready(); fx.Open || fx.Close || len(fx.Sends)+len(fx.Timers)+len(fx.Notes) > 0 {
			d.t.Fatalf("%d %s: effects left after Advance: %+v", s.at, s.what, fx)
		}
	}
}

func newCore(t *testing.T, o sim.ClientOptions) *coreDriver {
	return &coreDriver{t: t, c: sim.NewClient("dev", o)}
}

var connected = []coreStep{
	{0, "connect", act((*sim.Client).Connect), true, []codec.Packet{&codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "dev"}}, nil, false},
	{10, "CONNACK 0", recv(&codec.Connack{}), false, nil, nil, false},
}

// TestClientCoreQoS2 runs both halves of QoS 2 through the core alone.
func TestClientCoreQoS2(t *testing.T) {
	d := newCore(t, sim.ClientOptions{ClientID: "dev"})
	pub := func(c *sim.Client, now int64) error {
		return c.Publish(now, "a", []byte("x"), codec.ExactlyOnce, false)
	}
	in := &codec.Publish{QoS: codec.ExactlyOnce, PacketID: 7, Topic: "b", Payload: []byte("y")}
	dup := *in
	dup.Dup = true
	d.run(append(connected[:len(connected):len(connected)],
		coreStep{20, "publish QoS 2", act(pub), false, []codec.Packet{&codec.Publish{QoS: 2, PacketID: 1, Topic: "a", Payload: []byte("x")}}, nil, false},
		coreStep{30, "PUBREC", recv(&codec.Pubrec{PacketID: 1}), false, []codec.Packet{&codec.Pubrel{PacketID: 1}}, nil, false},
		coreStep{40, "PUBCOMP", recv(&codec.Pubcomp{PacketID: 1}), false, nil, nil, false},
		coreStep{50, "PUBLISH QoS 2 in", recv(in), false, []codec.Packet{&codec.Pubrec{PacketID: 7}}, nil, false},
		coreStep{60, "the same again, DUP", recv(&dup), false, []codec.Packet{&codec.Pubrec{PacketID: 7}}, nil, false},
		coreStep{70, "PUBREL", recv(&codec.Pubrel{PacketID: 7}), false, []codec.Packet{&codec.Pubcomp{PacketID: 7}}, nil, false},
	))
	if n := d.c.DeliveryCount(); n != 1 {
		t.Errorf("delivered %d times, want once", n)
	}
	if st := d.c.Snapshot(); len(st.Inflight) != 0 || !st.Connected {
		t.Errorf("state after both exchanges: %+v", st)
	}
}

// TestClientCoreRetry checks the resend timer: each PUBLISH is resent with
// DUP one interval after it left, and the timer is set for the earliest
// one due.
func TestClientCoreRetry(t *testing.T) {
	d := newCore(t, sim.ClientOptions{ClientID: "dev", RetryInterval: 1000})
	pub := func(payload string) func(c *sim.Client, now int64) error {
		return func(c *sim.Client, now int64) error {
			return c.Publish(now, "a", []byte(payload), codec.AtLeastOnce, false)
		}
	}
	p1 := &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("1")}
	p2 := &codec.Publish{QoS: 1, PacketID: 2, Topic: "a", Payload: []byte("2")}
	p1dup, p2dup := *p1, *p2
	p1dup.Dup, p2dup.Dup = true, true
	d.run(append(connected[:len(connected):len(connected)],
		coreStep{100, "publish 1", act(pub("1")), false, []codec.Packet{p1}, []int64{1100}, false},
		coreStep{600, "publish 2: the timer is set already", act(pub("2")), false, []codec.Packet{p2}, nil, false},
		coreStep{1100, "1 waited the interval", fire, false, []codec.Packet{&p1dup}, []int64{1600}, false},
		coreStep{1600, "2 waited the interval", fire, false, []codec.Packet{&p2dup}, []int64{2100}, false},
		coreStep{1700, "PUBACK 1", recv(&codec.Puback{PacketID: 1}), false, nil, nil, false},
		coreStep{1800, "PUBACK 2", recv(&codec.Puback{PacketID: 2}), false, nil, nil, false},
		coreStep{2100, "nothing left to resend", fire, false, nil, nil, false},
	))
}

// TestClientCoreReconnect checks what a client with a persistent session
// sends after the next CONNACK: the PUBREL it owed, the PUBLISH with DUP,
// the message kept offline without; a timer of the old connection does
// nothing.
func TestClientCoreReconnect(t *testing.T) {
	d := newCore(t, sim.ClientOptions{ClientID: "dev", KeepAlive: 60})
	connect := &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "dev", KeepAlive: 60}
	pub := func(payload string, q codec.QoS) func(c *sim.Client, now int64) error {
		return func(c *sim.Client, now int64) error { return c.Publish(now, "a", []byte(payload), q, false) }
	}
	p2 := &codec.Publish{QoS: 1, PacketID: 2, Topic: "a", Payload: []byte("2")}
	p2dup := *p2
	p2dup.Dup = true
	d.run([]coreStep{
		{0, "connect", act((*sim.Client).Connect), true, []codec.Packet{connect}, []int64{60_000}, false},
		{10, "CONNACK 0", recv(&codec.Connack{}), false, nil, nil, false},
		{20, "publish QoS 2", act(pub("1", 2)), false, []codec.Packet{&codec.Publish{QoS: 2, PacketID: 1, Topic: "a", Payload: []byte("1")}}, nil, false},
		{30, "PUBREC", recv(&codec.Pubrec{PacketID: 1}), false, []codec.Packet{&codec.Pubrel{PacketID: 1}}, nil, false},
		{40, "publish QoS 1", act(pub("2", 1)), false, []codec.Packet{p2}, nil, false},
		{50, "the connection drops", closed, false, nil, nil, false},
		{60, "publish offline", act(pub("3", 1)), false, nil, nil, false},
		{70, "connect again", act((*sim.Client).Connect), true, []codec.Packet{connect}, []int64{60_070}, false},
		{80, "CONNACK session present", recv(&codec.Connack{SessionPresent: true}), false,
			[]codec.Packet{&codec.Pubrel{PacketID: 1}, &p2dup, &codec.Publish{QoS: 1, PacketID: 3, Topic: "a", Payload: []byte("3")}}, nil, false},
	})
	// The first connection's keepalive timer comes due: it does nothing.
	d.run([]coreStep{{60_000, "old connection's ping timer", fire, false, nil, nil, false}})
	if st := d.c.Snapshot(); len(st.Inflight) != 3 {
		t.Errorf("in flight after the resends: %+v", st.Inflight)
	}
}

// TestClientCoreViolation checks that a broker's protocol violation closes
// the connection and is marked refused.
func TestClientCoreViolation(t *testing.T) {
	d := newCore(t, sim.ClientOptions{ClientID: "dev"})
	d.run(append(connected[:len(connected):len(connected)],
		coreStep{20, "second CONNACK", recv(&codec.Connack{}), false, nil, nil, true},
	))
	d.c.Receive(30, []byte{0x20, 0x05})
	if fx := d.c.Ready(); !fx.Close || !fx.Refused {
		t.Errorf("malformed CONNACK: %+v", fx)
	}
}
