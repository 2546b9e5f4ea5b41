package paho

import (
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"
)

// wait is how long a test waits for the broker or a client: generous,
// for a loaded machine.
const wait = 15 * time.Second

// client is a paho client of a test: every message it receives, on any
// subscription, goes to msgs; lost closes when the broker drops it.
type client struct {
	t    *testing.T
	c    mqtt.Client
	msgs chan mqtt.Message
	lost chan error
	// conn is the network connection under paho, for kill.
	mu   sync.Mutex
	conn net.Conn
}

// options are a test's paho options: client id, clean session, no
// automatic reconnection or resumption (a test says what it wants).
func options(b *broker, transport, id string, clean bool) *mqtt.ClientOptions {
	return mqtt.NewClientOptions().AddBroker(b.url(transport)).SetClientID(id).SetCleanSession(clean).
		SetAutoReconnect(false).SetConnectRetry(false).SetResumeSubs(false).
		SetConnectTimeout(wait).SetWriteTimeout(wait).SetKeepAlive(60 * time.Second).SetOrderMatters(true)
}

// connect connects a paho client with opts and returns it with the
// CONNACK's Session Present flag. It disconnects at cleanup.
func connect(t *testing.T, opts *mqtt.ClientOptions) (*client, bool) {
	t.Helper()
	cl := &client{t: t, msgs: make(chan mqtt.Message, 100), lost: make(chan error, 1)}
	opts.SetDefaultPublishHandler(func(_ mqtt.Client, m mqtt.Message) { cl.msgs <- m })
	opts.SetConnectionLostHandler(func(_ mqtt.Client, err error) { cl.lost <- err })
	opts.SetCustomOpenConnectionFn(func(u *url.URL, o mqtt.ClientOptions) (net.Conn, error) {
		var c net.Conn
		var err error
		if u.Scheme == "ws" {
			c, err = mqtt.NewWebsocket(u.String(), nil, o.ConnectTimeout, o.HTTPHeaders, o.WebsocketOptions)
		} else {
			c, err = net.DialTimeout("tcp", u.Host, o.ConnectTimeout)
		}
		cl.mu.Lock()
		cl.conn = c
		cl.mu.Unlock()
		return c, err
	})
	cl.c = mqtt.NewClient(opts)
	tok := cl.c.Connect()
	if !tok.WaitTimeout(wait) || tok.Error() != nil {
		t.Fatalf("paho connect %s: %v", opts.ClientID, tok.Error())
	}
	t.Cleanup(func() {
		if cl.c.IsConnected() {
			cl.c.Disconnect(100)
		}
	})
	return cl, tok.(*mqtt.ConnectToken).SessionPresent()
}

// done waits for tok and fails the test on an error.
func (cl *client) done(what string, tok mqtt.Token) {
	cl.t.Helper()
	if !tok.WaitTimeout(wait) {
		cl.t.Fatalf("%s: no answer in %v", what, wait)
	}
	if err := tok.Error(); err != nil {
		cl.t.Fatalf("%s: %v", what, err)
	}
}

// subscribe subscribes to filter at qos; the SUBACK must grant qos.
func (cl *client) subscribe(filter string, qos byte) {
	cl.t.Helper()
	tok := cl.c.Subscribe(filter, qos, nil)
	cl.done("SUBSCRIBE "+filter, tok)
	if got := tok.(*mqtt.SubscribeToken).Result()[filter]; got != qos {
		cl.t.Fatalf("SUBACK granted %d for %s, want %d", got, filter, qos)
	}
}

// publish publishes and waits until the QoS flow is complete (at once
// for QoS 0: written).
func (cl *client) publish(topic string, qos byte, retained bool, payload string) {
	cl.t.Helper()
	cl.done("PUBLISH "+topic, cl.c.Publish(topic, qos, retained, payload))
}

// next is the next message the client receives.
func (cl *client) next(what string) mqtt.Message {
	cl.t.Helper()
	select {
	case m := <-cl.msgs:
		return m
	case <-time.After(wait):
		cl.t.Fatalf("no message in %v, want %s", wait, what)
		return nil
	}
}

// expect is next, checked: topic, payload, QoS and the retain flag.
func (cl *client) expect(topic, payload string, qos byte, retained bool) {
	cl.t.Helper()
	m := cl.next(topic + " " + payload)
	if m.Topic() != topic || string(m.Payload()) != payload || m.Qos() != qos || m.Retained() != retained || m.Duplicate() {
		cl.t.Fatalf("got %s %q QoS %d retain %v dup %v; want %s %q QoS %d retain %v dup false",
			m.Topic(), m.Payload(), m.Qos(), m.Retained(), m.Duplicate(), topic, payload, qos, retained)
	}
}

// kill closes the network connection under paho without a DISCONNECT,
// as a device that loses power does.
func (cl *client) kill() {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	cl.conn.Close()
}

// dropped waits until the broker closes the client's connection.
func (cl *client) dropped(what string) {
	cl.t.Helper()
	select {
	case <-cl.lost:
	case <-time.After(wait):
		cl.t.Fatalf("%s: the connection stayed open", what)
	}
}
