package main

import (
	"context"
	"fmt"
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser tests of the live page (/live/), against a real mosquitto
// started by the test (mosquitto_test.go).

// liveJS defines the helpers the live tests call in the page: setv types
// a value into a field as a user would (an input event), choose picks an
// option of a select (a change event).
const liveJS = `window.setv = (id, v) => { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event("input", {bubbles: true})); return true; };
window.choose = (id, v) => { const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event("change", {bubbles: true})); return true; };
true`

// openLive opens /live/ with ?broker=addr and defines liveJS.
func openLive(t *testing.T, ctx context.Context, base, addr string) {
	t.Helper()
	open(t, ctx, base, "/live/?broker="+url.QueryEscape(addr))
	eval[bool](t, ctx, liveJS)
	if got := eval[string](t, ctx, `document.getElementById("live-broker").value`); got != addr {
		t.Fatalf("?broker= filled the address field with %q, want %q", got, addr)
	}
}

// setField types v into the field with id.
func setField(t *testing.T, ctx context.Context, id, v string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`setv(%q, %q)`, id, v))
}

// chooseOption picks option v of the select with id.
func chooseOption(t *testing.T, ctx context.Context, id, v string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`choose(%q, %q)`, id, v))
}

// click presses the button (or check box) with id, wherever the page is
// scrolled.
func click(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	if !eval[bool](t, ctx, fmt.Sprintf(`(e => e !== null && (e.click(), true))(document.getElementById(%q))`, id)) {
		t.Fatalf("there is no #%s to press", id)
	}
}

// waitSteps waits until the trace holds n steps, and the view is on the
// newest: "Step n of n".
func waitSteps(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	waitForWithin(t, ctx, fmt.Sprintf(`(document.getElementById("position")||{}).textContent === "Step %d of %d"`, n, n), 15*time.Second)
}

// allowDownloads makes the browser save downloads in a new folder.
func allowDownloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	downloadsTo(t, ctx, dir)
	return dir
}

// saveLive saves the live trace with Save trace and reads it back.
func saveLive(t *testing.T, ctx context.Context, dir string) (*trace.Trace, string) {
	t.Helper()
	click(t, ctx, "trace-save")
	b := waitLiveDownload(t, dir)
	tr, err := trace.Read(b)
	if err != nil {
		t.Fatalf("the saved live trace does not read back: %v", err)
	}
	return tr, string(b)
}

// waitLiveDownload waits for the one live-START.json the browser saves
// in dir.
func waitLiveDownload(t *testing.T, dir string) []byte {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		names, _ := filepath.Glob(filepath.Join(dir, "live-*.json"))
		if len(names) == 1 {
			return waitDownload(t, dir, filepath.Base(names[0]))
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no live-*.json downloaded to %s", dir)
	return nil
}

// packetLines are the packet steps of lifeline client, in order: "c>b
// TYPE" for what it sent, "b>c TYPE" for what it received, with "qN
// id=M" for a PUBLISH.
func packetLines(tr *trace.Trace, client string) []string {
	var out []string
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket || (s.From != client && s.To != client) {
			continue
		}
		dir := "c>b "
		if s.To == client {
			dir = "b>c "
		}
		line := dir + s.Packet.String()
		if p, err := codec.Decode(s.Bytes); err == nil {
			if pub, ok := p.(*codec.Publish); ok {
				line += fmt.Sprintf(" q%d id=%d", pub.QoS, pub.PacketID)
			}
		}
		out = append(out, line)
	}
	return out
}

// mosquittoLine is a packet in mosquitto's log (log_type all): what it
// received from a client id or sent to one; a PUBLISH says its d, q, r
// and m (its packet id).
var mosquittoLine = regexp.MustCompile(`(Received|Sending) ([A-Z]+) (?:from|to) (\S+)(?: \(d\d, q(\d), r\d, m(\d+))?`)

// mosquittoConnect is mosquitto's log line of an accepted CONNECT.
var mosquittoConnect = regexp.MustCompile(`New client connected from \S+ as (\S+) `)

// mosquittoSaw are the packets mosquitto logged for client id, in the
// form of packetLines.
func mosquittoSaw(t *testing.T, m *mosquittoBroker, id string) []string {
	t.Helper()
	b, err := os.ReadFile(m.Log)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if c := mosquittoConnect.FindStringSubmatch(l); c != nil && c[1] == id {
			out = append(out, "c>b CONNECT")
			continue
		}
		g := mosquittoLine.FindStringSubmatch(l)
		if g == nil || g[3] != id {
			continue
		}
		dir := "c>b "
		if g[1] == "Sending" {
			dir = "b>c "
		}
		line := dir + g[2]
		if g[2] == "PUBLISH" {
			line += " q" + g[4] + " id=" + g[5]
		}
		out = append(out, line)
	}
	return out
}

// clientID is the client id the page gave client name.
func clientID(t *testing.T, ctx context.Context, name string) string {
	t.Helper()
	id := eval[string](t, ctx, fmt.Sprintf(`document.getElementById("live-%s-clientid").value`, name))
	if !regexp.MustCompile(`^mqttviz-[a-z0-9]{6}$`).MatchString(id) {
		t.Fatalf("%s's client id is %q, want mqttviz-XXXXXX", name, id)
	}
	return id
}

// TestBrowserLiveMosquitto: two clients on a real mosquitto connect (one
// with a user name, a password and a will), subscribe and publish at
// QoS 0, 1 and 2; a message from mosquitto_pub arrives; the cut client's
// will reaches the other; the broker stopped gives the message on the
// client and keeps the trace. The packets of each client's steps are the
// packets mosquitto logged for it, the bytes delivered are the bytes
// published, and the password never shows in the saved trace.
func TestBrowserLiveMosquitto(t *testing.T) {
	m := startMosquitto(t)
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	dir := allowDownloads(t, ctx)
	openLive(t, ctx, base, m.WSURL())
	click(t, ctx, "live-add")
	waitFor(t, ctx, `document.getElementById("live-c2") !== null`)
	id1, id2 := clientID(t, ctx, "c1"), clientID(t, ctx, "c2")
	if id1 == id2 {
		t.Fatalf("both clients have the id %s", id1)
	}

	setField(t, ctx, "live-c1-user", "student")
	setField(t, ctx, "live-c1-password", "s3cret")
	click(t, ctx, "live-c1-willon")
	waitFor(t, ctx, `document.getElementById("live-c1-willtopic") !== null`)
	click(t, ctx, "live-c1-connect-do")
	waitFor(t, ctx, `document.getElementById("live-c1-status").textContent === "Connected."`)
	click(t, ctx, "live-c2-connect-do")
	waitFor(t, ctx, `document.getElementById("live-c2-status").textContent === "Connected."`)
	n := 6 // each: the connection, CONNECT, CONNACK
	waitSteps(t, ctx, n)
	if got := eval[string](t, ctx, `[...document.querySelectorAll('[data-c~="lane-head"] title')].map(e => e.textContent).join("|")`); !strings.Contains(got, "observed") {
		t.Errorf("the lifelines' titles are %q: the broker's does not say observed", got)
	}

	setField(t, ctx, "live-c2-filter", "mqttviz/demo/#")
	chooseOption(t, ctx, "live-c2-subqos", "2")
	click(t, ctx, "live-c2-subscribe")
	n += 2
	waitSteps(t, ctx, n)
	for q, more := range []int{2, 4, 8} {
		setField(t, ctx, "live-c1-payload", "message q"+strconv.Itoa(q))
		chooseOption(t, ctx, "live-c1-pubqos", strconv.Itoa(q))
		click(t, ctx, "live-c1-publish")
		n += more
		waitSteps(t, ctx, n)
	}
	shoot(t, ctx, "live-mosquitto-1280-en")
	eval[bool](t, ctx, `document.getElementById("live-recording").scrollIntoView(), true`)
	shoot(t, ctx, "live-mosquitto-diagram-1280-en")

	out, err := exec.Command(mosquittoPubPath(t), "-h", "127.0.0.1", "-p", strconv.Itoa(m.TCP), "-q", "1", "-t", "mqttviz/demo", "-m", "from outside").CombinedOutput()
	if err != nil {
		t.Fatalf("mosquitto_pub: %v\n%s", err, out)
	}
	n += 2 // PUBLISH q1 to c2, its PUBACK
	waitSteps(t, ctx, n)

	click(t, ctx, "live-c1-cut")
	n += 2 // c1's close, the will to c2
	waitSteps(t, ctx, n)
	waitFor(t, ctx, `document.getElementById("live-c1-status").textContent === "Not connected." && document.getElementById("live-c1-problem") === null`)

	m.Stop()
	waitFor(t, ctx, `document.getElementById("live-c2-problem") !== null`)
	n++
	waitSteps(t, ctx, n)
	if got := eval[string](t, ctx, `document.getElementById("live-c2-problem").textContent`); !strings.Contains(got, "The broker closed the connection.") || !strings.Contains(got, "The trace recorded so far is kept.") {
		t.Errorf("after the broker stopped c2 says %q", got)
	}
	setLang(t, ctx, "zh")
	if got := eval[string](t, ctx, `document.getElementById("live-c2-problem").textContent`); !strings.Contains(got, "服务端关闭了网络连接。") {
		t.Errorf("in Chinese c2 says %q", got)
	}
	shoot(t, ctx, "live-stopped-1280-zh")
	setLang(t, ctx, "en")

	tr, saved := saveLive(t, ctx, dir)
	if len(tr.Steps) != n || tr.Source != trace.SourceLive || tr.Start == "" {
		t.Fatalf("the saved trace has %d steps (want %d), source %q, start %q", len(tr.Steps), n, tr.Source, tr.Start)
	}
	if strings.Contains(saved, "73 33 63 72 65 74") || !strings.Contains(saved, "2a 2a 2a 2a 2a 2a") {
		t.Error("the saved trace does not mask c1's password")
	}
	for name, id := range map[string]string{"c1": id1, "c2": id2} {
		got, want := packetLines(tr, name), mosquittoSaw(t, m, id)
		if !slices.Equal(got, want) {
			t.Errorf("%s (%s): the trace's packets\n%s\nmosquitto's log\n%s", name, id, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// What c2 received: the three messages, the outside one and the will,
	// each with its bytes, and the note of what c2 did on it.
	var got []string
	for _, s := range tr.Steps {
		if s.To != "c2" || s.Packet != codec.PUBLISH {
			continue
		}
		p, err := codec.Decode(s.Bytes)
		if err != nil {
			t.Fatalf("c2's PUBLISH % x: %v", s.Bytes, err)
		}
		pub := p.(*codec.Publish)
		// The client's notes: the rules it names, and that it handed the
		// message to its application.
		rules, handed := []string{}, false
		for _, n := range s.Notes {
			if n.Rule != "" {
				rules = append(rules, n.Rule)
			}
			handed = handed || strings.Contains(n.Text.EN, fmt.Sprintf("hands %q", pub.Payload))
		}
		got = append(got, fmt.Sprintf("q%d %s %q %v handed=%v", pub.QoS, pub.Topic, pub.Payload, rules, handed))
	}
	want := []string{
		`q0 mqttviz/demo "message q0" [] handed=true`,
		`q1 mqttviz/demo "message q1" [MQTT-4.3.2-2] handed=true`,
		`q2 mqttviz/demo "message q2" [] handed=true`,
		`q1 mqttviz/demo "from outside" [MQTT-4.3.2-2] handed=true`,
		`q0 mqttviz/demo/will "c1 is gone" [] handed=true`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("c2 received\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if last := tr.Steps[len(tr.Steps)-1]; last.Kind != trace.KindClose || last.From != trace.BrokerName || last.To != "c2" {
		t.Errorf("the last step is %+v, want the broker closing c2's connection", last)
	}
}

// TestBrowserLiveWebSocketFails: a broker address where nothing listens
// gives the honest message and the likely causes on the client, in both
// languages, with the trace kept.
func TestBrowserLiveWebSocketFails(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	addr := "ws://127.0.0.1:" + strconv.Itoa(freePort(t)) + "/mqtt"
	openLive(t, ctx, base, addr)
	click(t, ctx, "live-c1-connect-do")
	waitFor(t, ctx, `document.getElementById("live-c1-problem") !== null`)
	got := eval[string](t, ctx, `document.getElementById("live-c1-problem").textContent`)
	for _, w := range []string{"The WebSocket to " + addr + " failed", "close code 1006", "Likely causes", "WebSocket port", "The trace recorded so far is kept."} {
		if !strings.Contains(got, w) {
			t.Errorf("the message %q lacks %q", got, w)
		}
	}
	waitSteps(t, ctx, 2) // the connection, its close
	setLang(t, ctx, "zh")
	if got := eval[string](t, ctx, `document.getElementById("live-c1-problem").textContent`); !strings.Contains(got, "WebSocket 连接失败") || !strings.Contains(got, "可能的原因") {
		t.Errorf("in Chinese the message is %q", got)
	}
}

// TestBrowserLiveA11y runs axe-core on /live/ before anything is
// recorded, connected to mosquitto with steps, and with a failed
// WebSocket, in English and Chinese at 1280×800 and 390×844, and takes
// the screenshots of -screenshots.
func TestBrowserLiveA11y(t *testing.T) {
	m := startMosquitto(t)
	base := appURL(t)
	axeSource(t)
	closed := "ws://127.0.0.1:" + strconv.Itoa(freePort(t)) + "/mqtt"
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		check := func(what string) {
			for _, lang := range []string{"en", "zh"} {
				setLang(t, ctx, lang)
				checkAxe(t, ctx, fmt.Sprintf("/live/ %s at %d×%d in %s", what, size.w, size.h, lang))
				shoot(t, ctx, fmt.Sprintf("live-%s-%d-%s", what, size.w, lang))
			}
			setLang(t, ctx, "en")
		}
		openLive(t, ctx, base, m.WSURL())
		check("empty")
		click(t, ctx, "live-c1-willon")
		click(t, ctx, "live-c1-connect-do")
		waitSteps(t, ctx, 3)
		chooseOption(t, ctx, "live-c1-subqos", "1")
		chooseOption(t, ctx, "live-c1-pubqos", "1")
		click(t, ctx, "live-c1-subscribe")
		waitSteps(t, ctx, 5)
		click(t, ctx, "live-c1-publish")
		waitSteps(t, ctx, 9)
		click(t, ctx, "ctl-back")
		waitFor(t, ctx, `document.getElementById("live-back") !== null`)
		check("connected")
		openLive(t, ctx, base, closed)
		click(t, ctx, "live-c1-connect-do")
		waitFor(t, ctx, `document.getElementById("live-c1-problem") !== null`)
		check("failed")
	}
}

// typeKeys focuses the field with id, empties it and types text with the
// keyboard: input events only, no change event before Enter.
func typeKeys(t *testing.T, ctx context.Context, id, text string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(e => (e.focus(), e.select(), true))(document.getElementById(%q))`, id))
	do(t, ctx, chromedp.KeyEvent(text))
}

// TestBrowserLiveKeyboard: everything from the keyboard. A client id
// typed and Enter connects with it; a payload typed and Enter publishes
// it; Space on Publish publishes again (the player's Space stays out of
// the client's panel); Tab from Publish reaches Add a client.
func TestBrowserLiveKeyboard(t *testing.T) {
	m := startMosquitto(t)
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	openLive(t, ctx, base, m.WSURL())
	typeKeys(t, ctx, "live-c1-clientid", "mqttviz-typed1")
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.getElementById("live-c1-status").textContent === "Connected."`)
	typeKeys(t, ctx, "live-c1-payload", "typed")
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitSteps(t, ctx, 4)
	waitFor(t, ctx, `document.querySelector(".inspector-panel .step-label").textContent.includes("PUBLISH q0 mqttviz/demo")`)
	saw := mosquittoSaw(t, m, "mqttviz-typed1")
	if !slices.Equal(saw, []string{"c>b CONNECT", "b>c CONNACK", "c>b PUBLISH q0 id=0"}) {
		t.Fatalf("mosquitto saw %v from mqttviz-typed1", saw)
	}
	log, _ := os.ReadFile(m.Log)
	if !strings.Contains(string(log), "'mqttviz/demo', ... (5 bytes)") {
		t.Errorf("mosquitto did not get the 5 bytes typed:\n%s", log)
	}
	// Space on a client's button presses it, and does not play.
	eval[bool](t, ctx, `document.getElementById("live-c1-publish").focus(), true`)
	do(t, ctx, chromedp.KeyEvent(" "))
	waitSteps(t, ctx, 5)
	if got := eval[string](t, ctx, `document.getElementById("ctl-play").getAttribute("aria-label")`); got != "Play" {
		t.Errorf("after Space on Publish the player's button says %q", got)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "live-add" {
		t.Errorf("Tab from Publish goes to #%s, want the Add a client button", got)
	}
}

// TestBrowserLiveBurst: 500 messages published at once from outside
// arrive, each a step, in order, whatever the WebSocket frames held; the
// view ends on the newest and still answers the player.
func TestBrowserLiveBurst(t *testing.T) {
	const n = 500
	m := startMosquitto(t)
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	openLive(t, ctx, base, m.WSURL())
	click(t, ctx, "live-c1-connect-do")
	click(t, ctx, "live-c1-subscribe")
	waitSteps(t, ctx, 5)
	var lines strings.Builder
	for i := range n {
		fmt.Fprintf(&lines, "burst %d\n", i)
	}
	cmd := exec.Command(mosquittoPubPath(t), "-h", "127.0.0.1", "-p", strconv.Itoa(m.TCP), "-t", "mqttviz/demo", "-l")
	cmd.Stdin = strings.NewReader(lines.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mosquitto_pub -l: %v\n%s", err, out)
	}
	waitForWithin(t, ctx, fmt.Sprintf(`document.getElementById("position").textContent === "Step %d of %d"`, 5+n, 5+n), 60*time.Second)
	if got := eval[string](t, ctx, `document.getElementById("announce").textContent`); !strings.Contains(got, fmt.Sprintf("%q", fmt.Sprintf("burst %d", n-1))) {
		t.Errorf("the newest step reads %q, want the last message", got)
	}
	click(t, ctx, "ctl-back")
	waitFor(t, ctx, fmt.Sprintf(`document.getElementById("position").textContent === "Step %d of %d" && document.getElementById("live-back") !== null`, 4+n, 5+n))
	if got := eval[string](t, ctx, `document.getElementById("announce").textContent`); !strings.Contains(got, fmt.Sprintf("%q", fmt.Sprintf("burst %d", n-2))) {
		t.Errorf("one step back reads %q, want the message before the last", got)
	}
}

// TestBrowserLiveKeepalive: with a keepalive of 1 s and nothing to send,
// the client pings on the page's clock and mosquitto answers; the
// timer's step names the rule.
func TestBrowserLiveKeepalive(t *testing.T) {
	m := startMosquitto(t)
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	openLive(t, ctx, base, m.WSURL())
	id := clientID(t, ctx, "c1")
	setField(t, ctx, "live-c1-keepalive", "1")
	click(t, ctx, "live-c1-connect-do")
	waitForWithin(t, ctx, `(document.getElementById("announce")?.textContent ?? "").includes("broker → c1: PINGRESP")`, 10*time.Second)
	saw := mosquittoSaw(t, m, id)
	if len(saw) < 4 || !slices.Equal(saw[:4], []string{"c>b CONNECT", "b>c CONNACK", "c>b PINGREQ", "b>c PINGRESP"}) {
		t.Fatalf("mosquitto saw %v", saw)
	}
	dir := allowDownloads(t, ctx)
	tr, _ := saveLive(t, ctx, dir)
	for _, s := range tr.Steps {
		if s.Kind == trace.KindTimer {
			if len(s.Notes) == 0 || s.Notes[0].Rule != "MQTT-3.1.2-23" || s.Time < 1000 {
				t.Errorf("the keepalive's timer step at %d ms: %+v", s.Time, s.Notes)
			}
			return
		}
	}
	t.Error("no timer step before the PINGREQ")
}
