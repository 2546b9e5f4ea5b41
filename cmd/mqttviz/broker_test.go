package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestMQTTBrokerMosquittoQoS sends one message at each QoS from Debian's
// mosquitto_pub to mosquitto_sub subscribed at the same QoS: both legs
// complete, and the recording shows every acknowledgement.
func TestMQTTBrokerMosquittoQoS(t *testing.T) {
	tb := startTestBroker(t)
	for _, q := range []string{"0", "1", "2"} {
		sub := tb.startSub("sub"+q, "-t", "q/"+q, "-q", q, "-C", "1", "-v")
		tb.pub("-i", "pub"+q, "-t", "q/"+q, "-m", "at qos "+q, "-q", q)
		if got, want := sub.wait(t), "q/"+q+" at qos "+q+"\n"; got != want {
			t.Errorf("QoS %s: mosquitto_sub printed %q, want %q", q, got, want)
		}
	}
	// QoS 2, both legs: PUBREC and PUBCOMP to the publisher, PUBREL to
	// the subscriber.
	tb.waitStep("PUBCOMP to pub2", sent("pub2", codec.PUBCOMP))
	tb.waitStep("PUBREL to sub2", sent("sub2", codec.PUBREL))
	tb.waitStep("PUBACK to pub1", sent("pub1", codec.PUBACK))
	tb.waitStep("PUBCOMP from sub2", func(s trace.Step) bool { return s.From == "sub2" && s.Packet == codec.PUBCOMP })
}

// TestMQTTBrokerMosquittoRetained: a retained message published before the
// subscription reaches it with RETAIN 1, and an empty retained message
// clears it.
func TestMQTTBrokerMosquittoRetained(t *testing.T) {
	tb := startTestBroker(t)
	tb.pub("-t", "r/state", "-m", "online", "-r", "-q", "1")
	sub := tb.startSub("late", "-t", "r/#", "-C", "1", "-v", "-F", "%r %t %p")
	if got := sub.wait(t); got != "1 r/state online\n" {
		t.Errorf("mosquitto_sub printed %q, want the retained message with retain 1", got)
	}
	tb.pub("-t", "r/state", "-n", "-r")
	tb.waitStep("the retained message cleared", func(s trace.Step) bool { return noted(s, "MQTT-3.3.1-10") })
}

// TestMQTTBrokerWillOnKilledClient: a device with a will whose TCP socket
// closes without DISCONNECT; mosquitto_sub gets the will.
func TestMQTTBrokerWillOnKilledClient(t *testing.T) {
	tb := startTestBroker(t)
	sub := tb.startSub("watcher", "-t", "dev/+/status", "-C", "1", "-v")
	dev := dialTCP(t, tb.tcpAddr())
	c := connectPkt("dev1", true, 60)
	c.Will = &codec.Will{Topic: "dev/dev1/status", Message: []byte("offline"), QoS: 1}
	dev.send(c)
	dev.expect("CONNACK 0 accepted")
	dev.c.Close() // killed: no DISCONNECT
	if got := sub.wait(t); got != "dev/dev1/status offline\n" {
		t.Errorf("mosquitto_sub printed %q, want the will", got)
	}
	tb.waitStep("the will published on the close", func(s trace.Step) bool {
		return s.Kind == trace.KindClose && s.From == "dev1" && noted(s, "MQTT-3.1.2-8")
	})
}

// TestMQTTBrokerPersistentSession: a clean-session-0 client goes away; a
// QoS 1 message for it is queued and delivered when it reconnects with
// session present 1.
func TestMQTTBrokerPersistentSession(t *testing.T) {
	tb := startTestBroker(t)
	a := dialTCP(t, tb.tcpAddr())
	a.send(connectPkt("keeper", false, 0))
	a.expect("CONNACK 0 accepted")
	a.send(&codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "p/#", QoS: 1}}})
	a.expect("SUBACK id=1 [1]")
	a.send(&codec.Disconnect{})
	a.expectClosed()
	tb.pub("-t", "p/x", "-m", "while away", "-q", "1")
	tb.waitStep("the message queued", func(s trace.Step) bool { return noted(s, "keeper is offline with a persistent session") })
	b := dialTCP(t, tb.tcpAddr())
	b.send(connectPkt("keeper", false, 0))
	b.expect("CONNACK 0 accepted session-present")
	p := b.expect("PUBLISH q1 id=1 p/x").(*codec.Publish)
	if string(p.Payload) != "while away" {
		t.Errorf("payload %q", p.Payload)
	}
	b.send(&codec.Puback{PacketID: 1})
}

// TestMQTTBrokerKeepAliveExpiry: a device with keepalive 1 s that goes
// silent is closed after 1.5 s, with the rule named.
func TestMQTTBrokerKeepAliveExpiry(t *testing.T) {
	t.Parallel()
	tb := startTestBroker(t)
	d := dialTCP(t, tb.tcpAddr())
	d.send(connectPkt("sleepy", true, 1))
	d.expect("CONNACK 0 accepted")
	d.expectClosed()
	st := tb.waitStep("the keepalive close", func(s trace.Step) bool { return s.Kind == trace.KindClose && noted(s, "MQTT-3.1.2-24") })
	if !noted(st, "1.5 × keepalive 1 s") {
		t.Errorf("the close: %+v, want the silence measured against 1.5 × keepalive", st.Notes)
	}
}

// TestMQTTBrokerTakeover: a second connection with the same client id
// closes the first.
func TestMQTTBrokerTakeover(t *testing.T) {
	tb := startTestBroker(t)
	a := dialTCP(t, tb.tcpAddr())
	a.send(connectPkt("twin", true, 0))
	a.expect("CONNACK 0 accepted")
	b := dialTCP(t, tb.tcpAddr())
	b.send(connectPkt("twin", true, 0))
	b.expect("CONNACK 0 accepted")
	a.expectClosed()
	b.send(&codec.Pingreq{})
	b.expect("PINGRESP")
	tb.waitStep("the takeover note", func(s trace.Step) bool { return noted(s, "MQTT-3.1.4-2") })
}

// TestMQTTBrokerMalformed: garbage, a packet before CONNECT and a 256 MB
// Remaining Length each close their connection, with the bytes and the
// fault recorded, while another device is served throughout.
func TestMQTTBrokerMalformed(t *testing.T) {
	tb := startTestBroker(t, "--max-packet", "1024")
	other := dialTCP(t, tb.tcpAddr())
	other.send(connectPkt("bystander", true, 0))
	other.expect("CONNACK 0 accepted")
	for _, c := range []struct {
		name  string
		bytes []byte
		rule  string
	}{
		// A first byte that is not CONNECT's 0x10 is refused at once.
		{"reserved type 0", []byte{0x00, 0x00, 0x01, 0x02}, "MQTT-3.1.0-1"},
		{"not CONNECT first", []byte{0xc0, 0x00}, "MQTT-3.1.0-1"},
		{"256 MB", []byte{0x10, 0xff, 0xff, 0xff, 0x7f, 0, 4, 'M'}, "limit"},
	} {
		d := dialTCP(t, tb.tcpAddr())
		d.write(c.bytes)
		d.expectClosed()
		addr := d.c.LocalAddr().String()
		st := tb.waitStep(c.name+" refused", func(s trace.Step) bool { return s.From == addr && s.Outcome == trace.Refused })
		if c.rule == "limit" && !noted(st, "packet size limit (MaxPacket) is 1024 bytes") || c.rule != "limit" && !slices.ContainsFunc(st.Notes, func(n trace.Note) bool { return n.Rule == c.rule }) {
			t.Errorf("%s: notes %+v, want %s", c.name, st.Notes, c.rule)
		}
		other.send(&codec.Pingreq{})
		other.expect("PINGRESP")
	}
}

// TestMQTTBrokerShortPublish is the tutorial's PUBLISH whose Remaining
// Length announces 11 bytes while 9 follow: the broker waits (no close,
// no answer), then takes the next packet's first bytes as the payload.
func TestMQTTBrokerShortPublish(t *testing.T) {
	t.Parallel()
	for _, over := range []string{"tcp", "ws"} {
		t.Run(over, func(t *testing.T) {
			tb := startTestBroker(t)
			sub := tb.startSub("reader", "-t", "a/b", "-C", "1", "-N")
			var d *rawConn
			if over == "tcp" {
				d = dialTCP(t, tb.tcpAddr())
			} else {
				d = dialWS(t, tb.wsURL())
			}
			d.send(connectPkt("tut", true, 0))
			d.expect("CONNACK 0 accepted")
			d.write([]byte{0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l'})
			d.quiet(300 * time.Millisecond)
			d.write([]byte{0xc0, 0x00}) // PINGREQ: its bytes end the PUBLISH
			if got := sub.wait(t); got != "hell\xc0\x00" {
				t.Errorf("mosquitto_sub printed %q, want the payload with the PINGREQ's bytes", got)
			}
			d.quiet(300 * time.Millisecond) // no PINGRESP: there was no PINGREQ
			st := tb.waitStep("the PUBLISH from tut", func(s trace.Step) bool { return s.From == "tut" && s.Packet == codec.PUBLISH })
			if st.Read != 3 || len(st.Bytes) != 13 {
				t.Errorf("the PUBLISH step: read %d, %d bytes; want read 3 (the PINGREQ's) and 13 bytes", st.Read, len(st.Bytes))
			}
		})
	}
}

// TestMQTTBrokerOptions: users, denied filters and the maximum QoS.
func TestMQTTBrokerOptions(t *testing.T) {
	tb := startTestBroker(t, "--user", "ann:secret", "--deny", "secret/#", "--max-qos", "1")
	bad := dialTCP(t, tb.tcpAddr())
	c := connectPkt("x", true, 0)
	c.HasUsername, c.Username, c.HasPassword, c.Password = true, "ann", true, []byte("wrong")
	bad.send(c)
	bad.expect("CONNACK 4 bad-username-password")
	bad.expectClosed()
	good := dialTCP(t, tb.tcpAddr())
	c.Password = []byte("secret")
	good.send(c)
	good.expect("CONNACK 0 accepted")
	good.send(&codec.Subscribe{PacketID: 2, Subscriptions: []codec.Subscription{{Filter: "secret/a", QoS: 1}, {Filter: "open", QoS: 2}}})
	good.expect("SUBACK id=2 [0x80 1]")
}

// TestMQTTBrokerStop: stopping closes every TCP and WebSocket connection
// after what the broker had to write.
func TestMQTTBrokerStop(t *testing.T) {
	tb := startTestBroker(t)
	tcp := dialTCP(t, tb.tcpAddr())
	tcp.send(connectPkt("t", true, 0))
	tcp.expect("CONNACK 0 accepted")
	ws := dialWS(t, tb.wsURL())
	ws.send(connectPkt("w", true, 0))
	ws.expect("CONNACK 0 accepted")
	tb.srv.shutdown()
	tcp.expectClosedCleanly()
	ws.expectClosedCleanly()
}

// TestMQTTBrokerFlags checks the refusals of bad options and the welcome
// text.
func TestMQTTBrokerFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--qos2", "later"}, {"--max-qos", "3"}, {"--user", "nopass"}, {"--deny", "a/#/b"},
		{"--max-packet", "1"}, {"--tcp", "", "--ws", ""}, {"extra"}, {"--watch-timeout", "0s"},
	} {
		var stderr bytes.Buffer
		if _, code, done := parseBroker(args, io.Discard, &stderr); !done || code != 2 {
			t.Errorf("%q: exit %d, done %v; want refused with 2", args, code, done)
		}
	}
	tb := startTestBroker(t)
	out := tb.out.String()
	for _, want := range []string{"MQTT over TCP        " + tb.tcpAddr(), tb.wsURL(), "mosquitto_pub -h 127.0.0.1 -p " + tb.port(), "loopback", "Ctrl+C"} {
		if !strings.Contains(out, want) {
			t.Errorf("the welcome lacks %q:\n%s", want, out)
		}
	}
}

// TestMQTTBrokerSlowReader: a subscriber that never reads is closed once
// --write-queue bytes wait for it; the publisher is served throughout.
func TestMQTTBrokerSlowReader(t *testing.T) {
	tb := startTestBroker(t, "--write-queue", "65536")
	slow := dialTCP(t, tb.tcpAddr())
	slow.c.(*net.TCPConn).SetReadBuffer(4096)
	slow.send(connectPkt("slow", true, 0))
	slow.expect("CONNACK 0 accepted")
	slow.send(&codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "flood", QoS: 0}}})
	slow.expect("SUBACK id=1 [0]")
	slow.stall()
	pub := dialTCP(t, tb.tcpAddr())
	pub.send(connectPkt("flooder", true, 0))
	pub.expect("CONNACK 0 accepted")
	payload := bytes.Repeat([]byte("x"), 60000)
	for i := 0; i < 2000; i++ {
		pub.send(&codec.Publish{Topic: "flood", Payload: payload})
		if i%50 == 0 && slices.ContainsFunc(tb.steps(), func(s trace.Step) bool { return s.Kind == trace.KindClose && noted(s, "reads too slowly") }) {
			break
		}
	}
	st := tb.waitStep("the slow reader closed", func(s trace.Step) bool { return s.Kind == trace.KindClose && noted(s, "reads too slowly") })
	if st.From != trace.BrokerName {
		t.Errorf("the close: %+v, want the broker closing", st)
	}
	pub.send(&codec.Pingreq{})
	pub.expect("PINGRESP")
}

// TestMQTTBrokerHTTP: --http serves the app as serve does, beside the
// MQTT listeners.
func TestMQTTBrokerHTTP(t *testing.T) {
	t.Parallel()
	dir, wasm := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir)
	base := "http://" + tb.srv.httpLn.Addr().String()
	if !strings.Contains(tb.out.String(), "the app              "+base+"/") {
		t.Errorf("the welcome does not say where the app is:\n%s", tb.out.String())
	}
	for path, want := range map[string]int{"/": 200, "/web/app.wasm": 200, "/no-such-page": 404} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
		if path == "/web/app.wasm" && res.Header.Get("Content-Encoding") == "" && !bytes.Equal(body, wasm) {
			t.Error("GET /web/app.wasm: not the app")
		}
	}
}
