package main

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/coder/websocket"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestMQTTBrokerWebSocket is MQTT over WebSocket with coder/websocket as the
// client: a CONNECT split over two frames and two packets in one frame
// (MQTT-6.0.0-2: frames and packets need not line up), QoS 1 to itself,
// a text frame closing the connection (MQTT-6.0.0-1), a page from
// another origin accepted, and no subprotocol refused.
func TestMQTTBrokerWebSocket(t *testing.T) {
	tb := startTestBroker(t)
	ws := dialWS(t, tb.wsURL())
	b, _ := codec.Append(nil, connectPkt("browser", true, 0))
	ws.write(b[:5])
	ws.write(b[5:])
	ws.expect("CONNACK 0 accepted")
	sub, _ := codec.Append(nil, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "ws/#", QoS: 1}}})
	pub, _ := codec.Append(nil, &codec.Publish{QoS: 1, PacketID: 5, Topic: "ws/t", Payload: []byte("hi")})
	ws.write(append(sub, pub...))
	ws.expect("SUBACK id=1 [1]")
	got := map[string]bool{}
	for range 2 {
		got[ws.next().String()] = true
	}
	if !got["PUBACK id=5"] || !got["PUBLISH q1 id=1 ws/t"] {
		t.Errorf("after the publication the browser got %v", got)
	}
	connectStep := tb.waitStep("the CONNECT", func(s trace.Step) bool { return s.From == "browser" && s.Packet == codec.CONNECT })
	if connectStep.Read != 2 {
		t.Errorf("the CONNECT completed by read %d, want 2 (its second frame)", connectStep.Read)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	other, _, err := websocket.Dial(ctx, tb.wsURL(), &websocket.DialOptions{Subprotocols: []string{"mqtt"}, HTTPHeader: http.Header{"Origin": {"http://elsewhere.example"}}})
	if err != nil {
		t.Fatalf("a page from another origin: %v; a broker accepts any origin on /mqtt", err)
	}
	b, _ = codec.Append(nil, connectPkt("texter", true, 0))
	if err := other.Write(ctx, websocket.MessageText, b); err != nil {
		t.Fatal(err)
	}
	if _, _, err := other.Read(ctx); websocket.CloseStatus(err) != websocket.StatusUnsupportedData {
		t.Errorf("a text frame: read gave %v, want the connection closed with 1003 (MQTT-6.0.0-1)", err)
	}

	none, _, err := websocket.Dial(ctx, tb.wsURL(), nil)
	if err == nil {
		_, _, err = none.Read(ctx)
		if websocket.CloseStatus(err) != websocket.StatusPolicyViolation {
			t.Errorf("no subprotocol: %v, want closed with 1008 (MQTT-6.0.0-3)", err)
		}
	}
}
