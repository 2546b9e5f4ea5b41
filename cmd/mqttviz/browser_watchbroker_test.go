package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mqttviz/codec"
)

// TestBrowserWatchNotMQTT: an HTTP request sent to the MQTT port shows
// on the watch page as a refused step that names MQTT-3.1.0-1 and reads
// the bytes as text, closed at once rather than after --connect-timeout.
func TestBrowserWatchNotMQTT(t *testing.T) {
	ensureWASM(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", webDir, "--connect-timeout", "60s")
	base := "http://" + tb.srv.httpLn.Addr().String()
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/watch/")
	waitFor(t, ctx, watchText("#watch-status")+`.includes("Connected")`)
	d := dialTCP(t, tb.tcpAddr())
	d.write([]byte("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
	d.expectClosed()
	waitForWithin(t, ctx, `document.body.innerText.includes("MQTT-3.1.0-1") && document.body.innerText.includes("perhaps an HTTP request")`, 20*time.Second)
	setLang(t, ctx, "zh")
	waitFor(t, ctx, `document.body.innerText.includes("可能是把 HTTP 请求")`)
	shoot(t, ctx, "watch-not-mqtt-zh-1280")
}

// TestBrowserWatchDropped: a watch page that stops reading (its thread
// busy) while a device publishes bursts of 1,000-byte messages is given
// up by the broker after --watch-timeout; once it runs again it says
// that the broker still runs and closed its stream because it fell
// behind, not that the broker stopped, in both languages.
func TestBrowserWatchDropped(t *testing.T) {
	ensureWASM(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", webDir, "--watch-timeout", "2s")
	base := "http://" + tb.srv.httpLn.Addr().String()
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/watch/")
	waitFor(t, ctx, watchText("#watch-status")+`.includes("Connected")`)
	watching := func() int {
		n := 0
		tb.srv.onLoop(func() { n = tb.srv.drv.Watching() })
		return n
	}
	if n := watching(); n != 1 {
		t.Fatalf("%d watchers, want the page's", n)
	}
	dev := dialTCP(t, tb.tcpAddr())
	dev.send(connectPkt("load", true, 0))
	dev.expect("CONNACK 0 accepted")
	burst, err := codec.Append(nil, &codec.Publish{Topic: "load", Payload: bytes.Repeat([]byte("x"), 1000)})
	if err != nil {
		t.Fatal(err)
	}
	burst = bytes.Repeat(burst, 100)
	// The page's one thread is kept busy until the broker has given it
	// up (at most a minute): it reads nothing, and the browser stops
	// taking the stream's bytes off the socket. The busy page asks a
	// server of the test, synchronously, whether to go on.
	const most = time.Minute
	release := make(chan struct{})
	hold := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		select {
		case <-release:
			fmt.Fprint(w, "stop")
		case <-time.After(100 * time.Millisecond):
			fmt.Fprint(w, "busy")
		}
	}))
	defer hold.Close()
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	defer free()
	busyFrom := time.Now()
	eval[bool](t, ctx, `setTimeout(() => {
		const end = Date.now() + `+strconv.Itoa(int(most.Milliseconds()))+`;
		while (Date.now() < end) {
			const x = new XMLHttpRequest();
			x.open("GET", "`+hold.URL+`", false);
			try { x.send(); } catch (e) { continue; }
			if (x.responseText === "stop") break;
		}
	}, 0), true`)
	// Bursts, with pauses in which the stream catches up (a watcher that
	// only misses steps gets small gap steps): the socket's buffers fill,
	// a write to the page blocks, and the broker gives the page up.
	for watching() != 0 {
		if time.Since(busyFrom) > most-5*time.Second {
			t.Fatalf("the broker still streams to the busy page after %v (--watch-timeout 2s)", time.Since(busyFrom))
		}
		dev.write(burst)
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("the broker gave the busy page up after %v", time.Since(busyFrom).Round(time.Millisecond))
	free()
	waitForWithin(t, ctx, watchText("#watch-status")+`.startsWith("The broker still runs, but it closed this page's stream: the page fell too far behind") && document.querySelector("#watch-status").getAttribute("role") === "alert"`, 60*time.Second)
	shoot(t, ctx, "watch-dropped-en-1280")
	checkAxe(t, ctx, "watch dropped en 1280")
	setLang(t, ctx, "zh")
	waitFor(t, ctx, watchText("#watch-status")+`.startsWith("服务端仍在运行，但关闭了本页面的观察数据流")`)
	shoot(t, ctx, "watch-dropped-zh-1280")
}

// TestBrowserWatchLink: the app served by `mqttviz broker --http` links
// to its watch page in the header, in both languages and on a phone;
// the same app from `serve`, with no broker, does not.
func TestBrowserWatchLink(t *testing.T) {
	ensureWASM(t)
	plain := newBrowser(t, 1280, 800)
	open(t, plain, appURL(t), "/")
	waitFor(t, plain, `!!document.querySelector("#nav-live")`)
	if eval[bool](t, plain, `!!document.querySelector("#nav-watch")`) {
		t.Error("serve: the header links to /watch/, where no broker streams")
	}

	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", webDir)
	base := "http://" + tb.srv.httpLn.Addr().String()
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/")
	waitFor(t, ctx, watchText("#nav-watch")+` === "Watch the broker" && document.querySelector("#nav-watch").getAttribute("href") === "/watch/"`)
	do(t, ctx, chromedp.Click(chromedp.ID("nav-watch")))
	waitFor(t, ctx, `location.pathname === "/watch/" && `+watchText("#watch-status")+`.includes("Connected")`)
	setLang(t, ctx, "zh")
	waitFor(t, ctx, watchText("#nav-watch")+` === "观察服务端"`)
	checkAxe(t, ctx, "watch link zh 1280")
	shoot(t, ctx, "watch-link-zh-1280")

	phone := newBrowser(t, 390, 844)
	open(t, phone, base, "/")
	waitFor(t, phone, `!!document.querySelector("#nav-watch")`)
	// On a phone the header's links still fit the width of the page.
	waitFor(t, phone, `document.documentElement.scrollWidth <= window.innerWidth`)
	checkAxe(t, phone, "watch link en 390")
	shoot(t, phone, "watch-link-en-390")
}
