package main

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// watchText is the text of the element sel, "" when there is none.
func watchText(sel string) string {
	return `((document.querySelector(` + jsString(sel) + `) || {}).textContent || "")`
}

// jsString quotes s for JavaScript (s holds no quote or backslash).
func jsString(s string) string { return `"` + s + `"` }

// TestBrowserWatch: /watch on `mqttviz broker --http` (free loopback
// ports) shows a real mosquitto_pub's packets, a raw TCP socket's
// tutorial short PUBLISH and its malformed PUBLISH with the fault
// explained, steps back and returns to live, passes axe-core in both
// languages at 1280×800 and 390×844, and says when the broker stops,
// keeping what it showed.
func TestBrowserWatch(t *testing.T) {
	ensureWASM(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", webDir)
	base := "http://" + tb.srv.httpLn.Addr().String()
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/watch/")
	waitFor(t, ctx, watchText("#watch-status")+`.includes("Connected")`)
	waitFor(t, ctx, `!!document.querySelector("#watch-empty")`)

	tb.pub("-i", "sensor-1", "-t", "lab/temp", "-m", "21.5", "-q", "1")
	waitFor(t, ctx, `document.body.innerText.includes("sensor-1") && document.body.innerText.includes("lab/temp")`)
	waitFor(t, ctx, `document.body.innerText.includes("PUBACK")`)

	// The tutorial's PUBLISH announces 11 bytes and sends 9: the broker
	// reads the next packet's first bytes as its payload.
	tut := dialTCP(t, tb.tcpAddr())
	tut.send(connectPkt("tut", true, 0))
	tut.expect("CONNACK 0 accepted")
	tut.write([]byte{0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l'})
	time.Sleep(200 * time.Millisecond)
	tut.write([]byte{0xc0, 0x00})
	tb.waitStep("the short PUBLISH", func(s trace.Step) bool { return s.From == "tut" && s.Packet == codec.PUBLISH })
	// A PUBLISH with QoS 3 is malformed: the broker closes the connection.
	bad := dialTCP(t, tb.tcpAddr())
	bad.send(connectPkt("bad-device", true, 0))
	bad.expect("CONNACK 0 accepted")
	bad.write([]byte{0x36, 0x05, 0x00, 0x01, 'x', 0x00, 0x01})
	bad.expectClosed()
	waitFor(t, ctx, `document.body.innerText.includes("bad-device") && document.body.innerText.includes("tut connects from 127.0.0.1:")`)
	waitForWithin(t, ctx, `document.body.innerText.includes("MQTT-3.3.1-4")`, 20*time.Second)

	// Step back to the malformed PUBLISH: the inspector explains its fault.
	for i := 0; i < 8 && !eval[bool](t, ctx, `!!document.querySelector(".fault-box")`); i++ {
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-back")))
		time.Sleep(150 * time.Millisecond)
	}
	waitFor(t, ctx, watchText(".fault-rule")+` === "MQTT-3.3.1-4" && !!document.querySelector(".fault-offset") && `+watchText(".fault-message")+`.length > 10`)
	waitFor(t, ctx, `!!document.querySelector("#live-back")`)
	// Further back, the tutorial's PUBLISH: completed by the third read
	// of its connection (the PINGREQ's bytes).
	for i := 0; i < 12 && !eval[bool](t, ctx, `!!document.querySelector("#step-read") && `+watchText("#step-read")+`.includes("read 3 ")`); i++ {
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-back")))
		time.Sleep(150 * time.Millisecond)
	}
	waitFor(t, ctx, watchText(".step-label")+`.startsWith("tut → broker: PUBLISH")`)
	shoot(t, ctx, "watch-short-publish-en-1280")
	for i := 0; i < 12 && !eval[bool](t, ctx, `!!document.querySelector(".fault-box")`); i++ {
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
		time.Sleep(150 * time.Millisecond)
	}
	shoot(t, ctx, "watch-fault-en-1280")
	checkAxe(t, ctx, "watch en 1280 (stepped back)")
	setLang(t, ctx, "zh")
	checkAxe(t, ctx, "watch zh 1280 (stepped back)")
	shoot(t, ctx, "watch-fault-zh-1280")
	do(t, ctx, chromedp.Click(chromedp.ID("live-back")))
	waitFor(t, ctx, `!document.querySelector("#live-back") && !!document.querySelector("#live-follow")`)
	position := func() string { return eval[string](t, ctx, watchText("#position")) }
	before := position()
	tb.pub("-i", "sensor-2", "-t", "lab/hum", "-m", "40")
	waitFor(t, ctx, `document.body.innerText.includes("sensor-2")`)
	if after := position(); after == before {
		t.Errorf("back to live: the position stayed %q after new steps", after)
	}
	setLang(t, ctx, "en")

	phone := newBrowser(t, 390, 844)
	open(t, phone, base, "/watch/")
	waitFor(t, phone, `document.body.innerText.includes("bad-device") && document.body.innerText.includes("sensor-2")`)
	checkAxe(t, phone, "watch en 390")
	shoot(t, phone, "watch-en-390")
	setLang(t, phone, "zh")
	checkAxe(t, phone, "watch zh 390")
	shoot(t, phone, "watch-zh-390")

	// The broker stops: the page says so and keeps what it showed.
	tb.srv.shutdown()
	waitFor(t, ctx, watchText("#watch-status")+`.startsWith("The broker stopped") && !!document.querySelector("#diagram") && !!document.querySelector("#trace-save")`)
	waitFor(t, phone, watchText("#watch-status")+`.startsWith("服务端已停止") && !!document.querySelector("#diagram")`)
	shoot(t, ctx, "watch-closed-en-1280")
	// Save trace still saves what the page has.
	do(t, ctx, chromedp.Click(chromedp.ID("trace-save")))
	time.Sleep(300 * time.Millisecond)
	if eval[bool](t, ctx, `!!document.querySelector("#trace-save-error")`) {
		t.Errorf("Save trace failed: %s", eval[string](t, ctx, watchText("#trace-save-error")))
	}
	shoot(t, phone, "watch-closed-zh-390")
}

// TestBrowserWatchNoBroker: /watch on `mqttviz serve`, where no broker
// streams, says so instead of waiting forever.
func TestBrowserWatchNoBroker(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/watch/")
	waitFor(t, ctx, watchText("#watch-status")+`.includes("No watch stream here") && document.querySelector("#watch-status").getAttribute("role") === "alert"`)
	checkAxe(t, ctx, "watch without a broker")
}

// TestBrowserWatchMissed: a watch page with room for one waiting step
// (--watch-buffer 1) falls behind a burst of 2,000 messages from
// mosquitto_pub: it says how many steps it missed, in both languages,
// and the broker served the publisher meanwhile.
func TestBrowserWatchMissed(t *testing.T) {
	ensureWASM(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", webDir, "--watch-buffer", "1")
	base := "http://" + tb.srv.httpLn.Addr().String()
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/watch/")
	waitFor(t, ctx, watchText("#watch-status")+`.includes("Connected")`)
	pub := exec.Command(mosquittoClient(t, "mosquitto_pub"), "-h", "127.0.0.1", "-p", tb.port(), "-i", "pub1", "-t", "load", "-l")
	pub.Stdin = strings.NewReader(strings.Repeat("hello\n", 2000))
	if out, err := pub.CombinedOutput(); err != nil {
		t.Fatalf("mosquitto_pub: %v\n%s", err, out)
	}
	waitFor(t, ctx, `/^Missed [0-9]+ steps: /.test(`+watchText("#watch-missed")+`) && document.querySelector("#watch-missed").getAttribute("role") === "status"`)
	setLang(t, ctx, "zh")
	waitFor(t, ctx, `/^漏掉了 [0-9]+ 个步骤/.test(`+watchText("#watch-missed")+`)`)
	shoot(t, ctx, "watch-missed-zh-1280")
}
