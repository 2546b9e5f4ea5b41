package load

import (
	"testing"
	"time"

	"mqttviz/codec"
)

// TestSameInflightLimit: both brokers as the generator starts them send
// a subscriber that acknowledges nothing 150 QoS 1 messages, more than
// mqttviz broker's default of 100 in flight: mosquitto runs with no
// limit (max_inflight_messages 0), so mqttviz must not queue either, or
// the two would not do the same work.
func TestSameInflightLimit(t *testing.T) {
	mosq := mosquittoBin(t)
	mqv := buildMqttviz(t)
	starts := map[string]func() (*Broker, error){
		"mosquitto": func() (*Broker, error) { return StartMosquitto(mosq) },
		"mqttviz":   func() (*Broker, error) { return StartMqttviz(mqv, false, "") },
	}
	const n = 150
	eachBroker(t, starts, func(t *testing.T, name string, b *Broker) {
		sub, err := dial(b.Addr, "silent", 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer sub.close(false)
		if err := sub.subscribe("inflight", codec.AtLeastOnce, 5*time.Second); err != nil {
			t.Fatal(err)
		}
		pub, err := dial(b.Addr, "pub", 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer pub.close(false)
		go func() {
			for i := range n {
				if pub.send(&codec.Publish{QoS: codec.AtLeastOnce, Topic: "inflight", PacketID: uint16(i + 1), Payload: []byte("m")}) != nil {
					return
				}
			}
		}()
		go func() {
			for {
				if _, err := pub.next(); err != nil {
					return // PUBACKs, read so that the broker can write them
				}
			}
		}()
		sub.c.SetReadDeadline(time.Now().Add(5 * time.Second))
		got := 0
		for got < n {
			p, err := sub.next()
			if err != nil {
				break
			}
			if _, ok := p.(*codec.Publish); ok {
				got++
			}
		}
		if got != n {
			t.Errorf("the subscriber that acknowledges nothing got %d of %d QoS 1 messages, want all: the broker limits the messages in flight towards it", got, n)
		}
	})
}
