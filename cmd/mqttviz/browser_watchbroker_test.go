package main

import (
	"testing"
	"time"
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
