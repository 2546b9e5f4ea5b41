package main

import (
	"context"
	"encoding/hex"
	"mqttviz/codec"
	"mqttviz/sim/script"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// xssScenario puts markup, quotes and ampersands everywhere a user's
// text reaches the page: the titles, a client id, a topic and a payload.
// Each piece would set window.__xss if the page ran it.
const xssScenario = `title en: <script>window.__xss=1</script> "dq" 'sq' a>b & &amp;
title zh: <img src=x onerror="window.__xss=2"> &lt;
client evil id="<img src=x onerror=window.__xss=3>\"&amp;"
client phone
connect evil
connect phone
subscribe phone "#" qos=1
publish evil "<script>window.__xss=4</script>\" title=\"&" "<img src=x onerror=\"window.__xss=5\"> 'q' \"dq\" &amp;" qos=1
`

// breakout is the share-link text of the issue: it leaves an attribute
// written with Go quoting, and an element, and tries an entity.
const breakout = `x" autofocus onfocus=window.__xss=9 y="' ><img src=x onerror=window.__xss=10>&amp;<`

// injected finds what would show that the page ran or built injected
// markup: window.__xss, or an element with an event attribute, an
// autofocus or an image or script inside <main>.
const injected = `(() => {
	if (window.__xss !== undefined) return "window.__xss = " + window.__xss;
	const el = document.querySelector("[onfocus], [onerror], [autofocus], main img, main script");
	return el ? el.outerHTML.slice(0, 200) : "";
})()`

func checkNothingRan(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	if got := eval[string](t, ctx, injected); got != "" {
		t.Errorf("%s: injected markup: %s", where, got)
	}
}

// TestBrowserXSS: every text a user controls shows as typed and nothing
// in it runs, on `mqttviz serve` and on the static site.
func TestBrowserXSS(t *testing.T) {
	for name, site := range map[string]func(*testing.T) string{"serve": appURL, "static": staticSite} {
		t.Run(name, func(t *testing.T) {
			base := site(t)
			ctx := newBrowser(t, 1280, 800)
			checkServerHTML(t, ctx, base)
			checkInlineScriptBlocked(t, ctx, base)
			checkScenarioText(t, ctx, base)
			checkDecodeText(t, ctx, base)
			if name == "serve" {
				// A static host answers an unknown path itself.
				checkLessonName(t, ctx, base)
			}
		})
	}
}

// checkServerHTML opens share links with the app kept from starting
// (go-app's ?wasm=false), so that the page is the HTML the server wrote,
// parsed by the browser.
func checkServerHTML(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	q := url.QueryEscape(breakout)
	for _, path := range []string{"/scenario?src=" + q + "&wasm=false", "/decode?hex=" + q + "&wasm=false", "/?src=" + q + "&wasm=false"} {
		do(t, ctx, chromedp.Navigate(base+path))
		waitFor(t, ctx, `document.readyState === "complete" && document.querySelector("main") !== null`)
		// autofocus and onerror fire as the page loads.
		time.Sleep(300 * time.Millisecond)
		checkNothingRan(t, ctx, path)
	}
}

// checkInlineScriptBlocked: the page's Content-Security-Policy stops an
// event attribute even when one reaches the DOM, the second line of
// defence behind never writing user text into markup.
func checkInlineScriptBlocked(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	open(t, ctx, base, "/")
	eval[bool](t, ctx, `(() => {
		const img = document.createElement("img");
		img.id = "csp-probe";
		img.setAttribute("onerror", "window.__csp = 1");
		img.addEventListener("error", () => { window.__cspProbed = true; });
		img.src = "data:,not-an-image";
		document.body.append(img);
		return true;
	})()`)
	waitFor(t, ctx, `window.__cspProbed === true`)
	if eval[bool](t, ctx, `window.__csp !== undefined`) {
		t.Error("an onerror attribute ran: no Content-Security-Policy holds it back")
	}
	eval[bool](t, ctx, `(document.getElementById("csp-probe").remove(), true)`)
}

// checkScenarioText runs xssScenario from its share link and steps to
// the PUBLISH: the titles, the client id, the topic and the payload show
// as text, in both languages.
func checkScenarioText(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	tr, err := script.Run("scenario", xssScenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base, "/scenario?src="+url.QueryEscape(xssScenario))
	waitFor(t, ctx, `document.querySelector("#scenario-heading").textContent === `+strconv.Quote(tr.Title.EN))
	pub := -1
	for i, s := range tr.Steps {
		if s.Packet == codec.PUBLISH {
			pub = i
			break
		}
	}
	if pub < 0 {
		t.Fatal("the scenario has no PUBLISH")
	}
	for i := 1; i <= pub; i++ {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	checkStep(t, ctx, tr, pub)
	shoot(t, ctx, "scenario")
	text := eval[string](t, ctx, `document.body.textContent`)
	for _, s := range []string{
		`<script>window.__xss=1</script> "dq" 'sq' a>b & &amp;`,
		`<img src=x onerror=window.__xss=3>"&amp;`,
		`<script>window.__xss=4</script>" title="&`,
		// The payload is shown Go-quoted: the markup survives, the quotes
		// inside are escaped.
		`<img src=x onerror=\"window.__xss=5\"> 'q' \"dq\" &amp;`,
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the page does not show %q as text", s)
		}
	}
	// Attributes set from user text (the event list's titles) hold it
	// whole, quotes and all.
	titles := eval[[]string](t, ctx, `[...document.querySelectorAll("[title], [aria-label]")].flatMap(e => [e.getAttribute("title"), e.getAttribute("aria-label")]).filter(v => v && v.includes("__xss"))`)
	t.Logf("%d attributes hold a user's text", len(titles))
	for _, v := range titles {
		if !strings.Contains(v, `<img src=x onerror=window.__xss=3>"&amp;`) && !strings.Contains(v, `<script>window.__xss=4</script>" title="&`) && !strings.Contains(v, `<script>window.__xss=1</script> "dq" 'sq' a>b & &amp;`) {
			t.Errorf("an attribute holds part of a user's text: %q", v)
		}
	}
	if got := eval[string](t, ctx, `document.querySelector("#scenario-input").value`); strings.TrimSpace(got) != strings.TrimSpace(xssScenario) {
		t.Errorf("the scenario box holds %q, want the link's text", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	waitFor(t, ctx, `document.querySelector("#scenario-heading").textContent === `+strconv.Quote(tr.Title.ZH))
	checkNothingRan(t, ctx, "the scenario")
	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))

	// A share link that is no scenario: the box shows it as typed.
	open(t, ctx, base, "/scenario?src="+url.QueryEscape(breakout))
	waitFor(t, ctx, `document.querySelector("#scenario-input").value === `+strconv.Quote(breakout))
	checkNothingRan(t, ctx, "scenario?src=breakout")
}

// checkDecodeText opens ?hex= with text that is no hex, then types a
// PUBLISH whose topic and payload are markup.
func checkDecodeText(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	open(t, ctx, base, "/decode?hex="+url.QueryEscape(breakout))
	waitFor(t, ctx, `document.querySelector("#decode-input").value === `+strconv.Quote(breakout))
	checkNothingRan(t, ctx, "decode?hex=breakout")

	topic := `<script>window.__xss=6</script>"&amp;`
	payload := `<img src=x onerror="window.__xss=7">`
	pkt := []byte{0x30, byte(2 + len(topic) + len(payload)), 0, byte(len(topic))}
	pkt = append(append(pkt, topic...), payload...)
	open(t, ctx, base, "/decode?hex="+hex.EncodeToString(pkt))
	waitFor(t, ctx, `document.querySelectorAll(".inspector-panel .byte").length === `+strconv.Itoa(len(pkt)))
	text := eval[string](t, ctx, `document.querySelector(".inspector-panel").textContent`)
	// The inspector shows strings Go-quoted.
	if !strings.Contains(text, strconv.Quote(topic)) || !strings.Contains(text, strconv.Quote(payload)) {
		t.Errorf("the inspector does not show the topic and payload as text: %q", text)
	}
	checkNothingRan(t, ctx, "decode")
}

// checkLessonName opens a lesson whose name in the path is markup.
func checkLessonName(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	name := `<img src=x onerror=window.__xss=8>'&amp;"`
	open(t, ctx, base, "/lessons/"+url.PathEscape(name))
	waitFor(t, ctx, `document.querySelector("#lesson-error") !== null`)
	text := eval[string](t, ctx, `document.querySelector("#lesson-error").textContent`)
	if !strings.Contains(text, name) && !strings.Contains(text, strconv.Quote(name)) {
		t.Errorf("the lesson error does not show the name as typed: %q", text)
	}
	checkNothingRan(t, ctx, "lessons/"+name)
}
