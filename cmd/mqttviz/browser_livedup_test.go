package main

import (
	"bytes"
	"context"
	"fmt"
	"mqttviz/codec"
	"mqttviz/internal/brokertest"
	"mqttviz/sim/trace"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/coder/websocket"
)

// dropAckBroker is a WebSocket broker on loopback (subprotocol mqtt)
// that answers as a conforming broker does (brokertest.Replier), except
// on its first connection: there it leaves the first QoS 1 PUBLISH
// unacknowledged and closes the connection, as a broker that went away
// before its PUBACK. It keeps what it read, packet by packet, however
// the WebSocket messages cut them.
type dropAckBroker struct {
	addr string

	mu sync.Mutex
	// connects are the CONNECTs read, in order; first the bytes of the
	// PUBLISH left unacknowledged, resent those of the first PUBLISH of
	// a later connection; problems what the broker could not read.
	connects []*codec.Connect
	first    []byte
	resent   []byte
	problems []string
	reply    brokertest.Replier
}

// startDropAckBroker starts a dropAckBroker, stopped when t ends.
func startDropAckBroker(t *testing.T) *dropAckBroker {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	b := &dropAckBroker{addr: "ws://" + ln.Addr().String() + "/mqtt"}
	conns := 0
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"mqtt"}, InsecureSkipVerify: true})
		if err != nil {
			return
		}
		defer c.CloseNow()
		b.mu.Lock()
		conns++
		first := conns == 1
		b.mu.Unlock()
		b.serve(r.Context(), c, first)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return b
}

// serve reads connection c's packets and answers them, until the
// client closes or, on the first connection, its QoS 1 PUBLISH came.
func (b *dropAckBroker) serve(ctx context.Context, c *websocket.Conn, first bool) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	var split codec.Splitter
	for {
		kind, msg, err := c.Read(ctx)
		if err != nil {
			return
		}
		if kind != websocket.MessageBinary {
			b.problem("a text message [MQTT-6.0.0-1]: %q", msg)
			return
		}
		split.Feed(msg)
		for {
			frame, err := split.Next()
			if err != nil {
				b.problem("malformed bytes % x: %v", split.Held(), err)
				return
			}
			if frame == nil {
				break
			}
			out, hangUp := b.take(slices.Clone(frame), first)
			if hangUp {
				c.Close(websocket.StatusNormalClosure, "")
				return
			}
			if out != nil {
				if err := c.Write(ctx, websocket.MessageBinary, out); err != nil {
					return
				}
			}
		}
	}
}

// take keeps one packet read and returns the broker's answer, or says
// to hang up without one.
func (b *dropAckBroker) take(frame []byte, first bool) (answer []byte, hangUp bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, err := codec.Decode(frame)
	if err != nil {
		b.problems = append(b.problems, fmt.Sprintf("% x: %v", frame, err))
		return nil, true
	}
	switch p := p.(type) {
	case *codec.Connect:
		b.connects = append(b.connects, p)
	case *codec.Publish:
		switch {
		case first && p.QoS == 1 && b.first == nil:
			b.first = frame
			return nil, true
		case !first && b.resent == nil:
			b.resent = frame
		}
	}
	if r := b.reply.Reply(p); r != nil {
		out, err := codec.Append(nil, r)
		if err != nil {
			b.problems = append(b.problems, err.Error())
		}
		return out, false
	}
	return nil, false
}

// problem notes what the broker could not read.
func (b *dropAckBroker) problem(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
}

// TestBrowserLiveResendDup: a client with clean session off publishes
// at QoS 1; the broker closes the connection before its PUBACK. The
// student connects again: CONNACK says the session is present, and the
// client resends the PUBLISH with DUP 1 and the same packet id, its note
// naming MQTT-4.4.0-1; the broker reads the very bytes of the first
// PUBLISH but for the DUP flag, and acknowledges them.
func TestBrowserLiveResendDup(t *testing.T) {
	b := startDropAckBroker(t)
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	dir := allowDownloads(t, ctx)
	openLive(t, ctx, base, b.addr)
	click(t, ctx, "live-c1-clean")
	waitFor(t, ctx, `document.getElementById("live-c1-clean").checked === false`)
	click(t, ctx, "live-c1-connect-do")
	waitFor(t, ctx, `document.getElementById("live-c1-status").textContent === "Connected."`)
	waitSteps(t, ctx, 3) // the connection, CONNECT, CONNACK
	setField(t, ctx, "live-c1-payload", "keep me")
	chooseOption(t, ctx, "live-c1-pubqos", "1")
	click(t, ctx, "live-c1-publish")
	waitFor(t, ctx, `document.getElementById("live-c1-problem") !== null`)
	waitSteps(t, ctx, 5) // the PUBLISH, the broker's close
	if got := eval[string](t, ctx, `document.getElementById("live-c1-problem").textContent`); !strings.Contains(got, "The broker closed the connection.") {
		t.Errorf("after the close c1 says %q", got)
	}

	click(t, ctx, "live-c1-connect-do")
	waitFor(t, ctx, `document.getElementById("live-c1-status").textContent === "Connected."`)
	waitSteps(t, ctx, 10) // the connection, CONNECT, CONNACK, the PUBLISH again, its PUBACK
	// The resent PUBLISH is the newest step but one: its inspector shows
	// DUP 1, the CONNACK before it the client's note.
	eval[bool](t, ctx, `(document.activeElement.blur(), true)`)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	waitFor(t, ctx, `document.getElementById("position").textContent === "Step 9 of 10"`)
	resentLine := eval[string](t, ctx, `document.getElementById("announce").textContent`)
	inspector := eval[string](t, ctx, `document.querySelector(".inspector-panel").textContent`)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	waitFor(t, ctx, `document.getElementById("position").textContent === "Step 8 of 10"`)
	connackLine := eval[string](t, ctx, `document.getElementById("announce").textContent`)
	eval[bool](t, ctx, `document.getElementById("live-recording").scrollIntoView(), true`)
	shoot(t, ctx, "live-resend-dup-1280-en")
	setLang(t, ctx, "zh")
	connackZH := eval[string](t, ctx, `document.getElementById("announce").textContent`)
	eval[bool](t, ctx, `document.getElementById("live-recording").scrollIntoView(), true`)
	shoot(t, ctx, "live-resend-dup-1280-zh")
	setLang(t, ctx, "en")

	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.problems) > 0 {
		t.Fatalf("the broker read: %v", b.problems)
	}
	if len(b.connects) != 2 || b.connects[0].CleanSession || b.connects[1].CleanSession || b.connects[0].ClientID != b.connects[1].ClientID {
		t.Fatalf("the broker read the CONNECTs %v: want two of one client id, clean session 0", b.connects)
	}
	first, err := codec.Decode(b.first)
	if err != nil || b.resent == nil {
		t.Fatalf("the first PUBLISH % x (%v), the resent % x", b.first, err, b.resent)
	}
	pub := first.(*codec.Publish)
	if pub.Dup || pub.QoS != 1 || pub.PacketID == 0 || string(pub.Payload) != "keep me" {
		t.Fatalf("the first PUBLISH is %s", pub)
	}
	// The same bytes but the DUP flag, bit 3 of the fixed header.
	want := append([]byte{b.first[0] | 0x08}, b.first[1:]...)
	if !bytes.Equal(b.resent, want) {
		t.Errorf("the resent PUBLISH is % x, want % x (the first with DUP 1)", b.resent, want)
	}

	tr, _ := saveLive(t, ctx, dir)
	var lines []string
	for _, s := range tr.Steps {
		line := fmt.Sprintf("%d %s %s>%s", s.Conn, s.Kind, s.From, s.To)
		if s.Kind == trace.KindPacket {
			line += " " + s.Packet.String()
		}
		for _, n := range s.Notes {
			if n.Rule == "MQTT-4.4.0-1" {
				line += " [" + n.Rule + ": " + n.Text.EN + "]"
			}
		}
		lines = append(lines, line)
	}
	wantLines := []string{
		"1 connect c1>broker", "1 packet c1>broker CONNECT", "1 packet broker>c1 CONNACK",
		"1 packet c1>broker PUBLISH", "1 close broker>c1",
		"2 connect c1>broker", "2 packet c1>broker CONNECT",
		fmt.Sprintf("2 packet broker>c1 CONNACK [MQTT-4.4.0-1: c1 resends PUBLISH id=%d with DUP 1]", pub.PacketID),
		"2 packet c1>broker PUBLISH", "2 packet broker>c1 PUBACK",
	}
	if !slices.Equal(lines, wantLines) {
		t.Errorf("the steps\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(wantLines, "\n"))
	}
	if s := tr.Steps[8]; !bytes.Equal(s.Bytes, b.resent) {
		t.Errorf("the resent PUBLISH's step holds % x, the broker read % x", s.Bytes, b.resent)
	}
	if s := tr.Steps[9]; s.Kind != trace.KindPacket || !bytes.Equal(s.Bytes, []byte{0x40, 0x02, byte(pub.PacketID >> 8), byte(pub.PacketID)}) {
		t.Errorf("the last step holds % x, want the PUBACK of id %d", s.Bytes, pub.PacketID)
	}
	id := fmt.Sprintf("id=%d", pub.PacketID)
	if want := "c1 resends PUBLISH " + id + " with DUP 1 [MQTT-4.4.0-1]"; !strings.Contains(connackLine, want) {
		t.Errorf("the CONNACK's line reads %q, want the client's note %q", connackLine, want)
	}
	if want := "c1 重发 PUBLISH " + id + "，重发标志 DUP 置 1 [MQTT-4.4.0-1]"; !strings.Contains(connackZH, want) {
		t.Errorf("in Chinese the CONNACK's line reads %q, want %q", connackZH, want)
	}
	if want := "PUBLISH q1 " + id + " dup mqttviz/demo"; !strings.Contains(resentLine, want) {
		t.Errorf("the resent PUBLISH's line reads %q, want %q", resentLine, want)
	}
	if !strings.Contains(inspector, "DUP flag11: this may be a resend") {
		t.Errorf("the resent PUBLISH's inspector does not show DUP 1:\n%s", inspector)
	}
}
