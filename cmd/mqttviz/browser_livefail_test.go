package main

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// scriptedWSBroker is a WebSocket listener on loopback that answers the
// first packet of every connection with answer (nothing when nil) and
// then closes it when hangUp is set, or keeps it open: the brokers that
// mosquitto cannot play (a refusal, malformed bytes, silence).
func scriptedWSBroker(t *testing.T, answer []byte, hangUp bool) string {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"mqtt"}, InsecureSkipVerify: true})
		if err != nil {
			return
		}
		defer c.CloseNow()
		ctx := context.Background()
		if _, _, err := c.Read(ctx); err != nil {
			return
		}
		if answer != nil {
			if err := c.Write(ctx, websocket.MessageBinary, answer); err != nil {
				return
			}
		}
		if hangUp {
			c.Close(websocket.StatusNormalClosure, "")
			return
		}
		select {
		case <-done:
		case <-time.After(time.Minute):
		}
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { close(done); srv.Close() })
	return "ws://" + ln.Addr().String() + "/mqtt"
}

// TestBrowserLiveBrokerFailures: a refusal (CONNACK 5), malformed bytes
// (a CONNACK with a reserved flag set) and a broker that never answers
// are each said on the client in both languages, with the trace kept;
// Show the step opens the inspector on the malformed packet's fault.
func TestBrowserLiveBrokerFailures(t *testing.T) {
	base := appURL(t)
	for _, tc := range []struct {
		name   string
		answer []byte
		hangUp bool
		en, zh string
		steps  int
	}{
		{"refused", []byte{0x20, 0x02, 0x00, 0x05}, true,
			"The broker refused the connection: CONNACK return code 5, “refused: not authorized”", "服务端拒绝了连接：CONNACK 返回码 5", 4},
		{"malformed", []byte{0x20, 0x02, 0x02, 0x00}, false,
			"The broker sent bytes that are not a valid MQTT packet", "服务端发来的字节不是合法的 MQTT 报文", 4},
		{"silent", nil, false,
			"The WebSocket opened but the broker did not answer CONNECT within 10 s", "服务端在 10 秒内没有回复 CONNACK", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			addr := scriptedWSBroker(t, tc.answer, tc.hangUp)
			ctx := newBrowser(t, 1280, 800)
			openLive(t, ctx, base, addr)
			click(t, ctx, "live-c1-connect-do")
			waitForWithin(t, ctx, `document.getElementById("live-c1-problem") !== null && document.getElementById("live-c1-status").textContent === "Not connected."`, 20*time.Second)
			waitSteps(t, ctx, tc.steps)
			got := eval[string](t, ctx, `document.getElementById("live-c1-problem").textContent`)
			if !strings.Contains(got, tc.en) || !strings.Contains(got, "The trace recorded so far is kept.") {
				t.Errorf("the message is %q, want %q", got, tc.en)
			}
			if tc.name == "malformed" {
				click(t, ctx, "live-c1-showstep")
				waitFor(t, ctx, `document.querySelector(".inspector-panel").textContent.includes("Malformed packet")`)
				shoot(t, ctx, "live-malformed-1280-en")
			}
			setLang(t, ctx, "zh")
			if got := eval[string](t, ctx, `document.getElementById("live-c1-problem").textContent`); !strings.Contains(got, tc.zh) {
				t.Errorf("in Chinese the message is %q, want %q", got, tc.zh)
			}
		})
	}
}
