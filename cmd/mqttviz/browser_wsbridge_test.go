package main

import (
	"net/url"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// mosquittoPubPath finds mosquitto_pub, skipping outside CI when it is
// missing and failing under CI=true, as mosquittoPath does.
func mosquittoPubPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("mosquitto_pub"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("mosquitto_pub is not installed (.ci/run installs mosquitto-clients)")
	}
	t.Skip("\n\n*** SKIPPING: mosquitto_pub is not installed (apt-get install -y mosquitto-clients). ***\n")
	return ""
}

// livePage is the live page's text, where the newest step's caption
// ("broker → c1: SUBACK …") shows while the view follows the newest.
const livePage = `(document.querySelector("main")?.innerText ?? "")`

// TestBrowserLiveTransport: the WebSocket transport in Chromium, through
// the live page, against a real mosquitto: a client connects and
// subscribes, a message published from outside with mosquitto_pub (over
// mosquitto's TCP listener) arrives over the WebSocket; a port nothing
// listens on is a failure that lists the likely causes.
func TestBrowserLiveTransport(t *testing.T) {
	m := startMosquitto(t)
	pub := mosquittoPubPath(t)
	base := appURL(t)
	ctx := newBrowser(t, 1280, 900)

	open(t, ctx, base, "/live/?broker="+url.QueryEscape(m.WSURL()))
	do(t, ctx, chromedp.Click(chromedp.ID("live-c1-connect-do")))
	waitFor(t, ctx, `document.querySelector("#live-c1-status")?.textContent === "Connected."`)
	do(t, ctx, chromedp.Click(chromedp.ID("live-c1-subscribe")))
	waitFor(t, ctx, livePage+`.includes("broker → c1: SUBACK")`)
	if got := eval[string](t, ctx, livePage); strings.Contains(got, "broker → c1: PUBLISH") {
		t.Fatalf("a PUBLISH before anything was published: %q", got)
	}
	out, err := exec.Command(pub, "-h", "127.0.0.1", "-p", strconv.Itoa(m.TCP), "-q", "1", "-t", "mqttviz/demo", "-m", "from outside").CombinedOutput()
	if err != nil {
		t.Fatalf("mosquitto_pub: %v\n%s", err, out)
	}
	waitFor(t, ctx, livePage+`.includes("broker → c1: PUBLISH q0 mqttviz/demo")`)

	closed := "ws://127.0.0.1:" + strconv.Itoa(freePort(t)) + "/mqtt"
	open(t, ctx, base, "/live/?broker="+url.QueryEscape(closed))
	do(t, ctx, chromedp.Click(chromedp.ID("live-c1-connect-do")))
	waitFor(t, ctx, `(document.querySelector("#live-c1-problem")?.textContent ?? "").includes("nothing answers at 127.0.0.1:")`)
}
