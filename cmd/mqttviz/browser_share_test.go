package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
)

// shareOpen waits until the Share dialog is open as a modal dialog with
// the focus inside it.
const shareOpen = `(() => { const d = document.getElementById("share-dialog"); return !!d && d.open && d.matches(":modal") && d.contains(document.activeElement); })()`

// shareClosed waits until the dialog is gone and the focus is back on
// the Share button.
const shareClosed = `!document.getElementById("share-dialog") && document.activeElement && document.activeElement.id === "share-open"`

// shareText is the text of one of the dialog's fields.
func shareText(t *testing.T, ctx context.Context, kind string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`(e => e ? e.value : "")(document.getElementById("share-%s"))`, kind))
}

// openShareByMouse clicks the Share button and waits for the dialog.
func openShareByMouse(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, `!!document.getElementById("share-open")`)
	do(t, ctx, chromedp.Click(chromedp.ID("share-open")))
	waitFor(t, ctx, shareOpen)
}

// openShareByKey presses S with the focus on the page and waits for
// the dialog.
func openShareByKey(t *testing.T, ctx context.Context) {
	t.Helper()
	waitFor(t, ctx, `!!document.getElementById("share-open")`)
	eval[bool](t, ctx, `(document.activeElement && document.activeElement.blur && document.activeElement.blur(), true)`)
	pressKey(t, ctx, "s")
	waitFor(t, ctx, shareOpen)
}

// iframeOf parses the iframe snippet as HTML and returns its attributes.
func iframeOf(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	return eval[map[string]string](t, ctx, `(() => {
		const f = new DOMParser().parseFromString(document.getElementById("share-embed").value, "text/html").querySelector("body > iframe");
		if (!f) return {};
		const out = {};
		for (const a of f.attributes) out[a.name] = a.value;
		return out;
	})()`)
}

// checkServed checks that the server answers the address u with a 200.
func checkServed(t *testing.T, ctx context.Context, where, u string) {
	t.Helper()
	status, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`fetch(%q).then(r => r.status)`, u), chromedp.EvalAwaitPromise))
	if err != nil || status != 200 {
		t.Errorf("%s: GET %s: %d (%v)", where, u, status, err)
	}
}

// mermaidMessage matches a Mermaid message line (an arrow) of
// trace.FormatMermaid.
var mermaidMessage = regexp.MustCompile(`(?m)^    n\d+(->>|-x|--x)n\d+: `)

// checkMermaid checks the dialog's Mermaid text: what trace.FormatMermaid
// writes (but the last line break), one message per packet step.
func checkMermaid(t *testing.T, ctx context.Context, where string, tr *trace.Trace, lang string) {
	t.Helper()
	got := shareText(t, ctx, "mermaid")
	if want := strings.TrimSuffix(trace.FormatMermaid(tr, lang), "\n"); got != want {
		t.Errorf("%s: the Mermaid text differs from trace.FormatMermaid:\n%s", where, got)
	}
	packets := 0
	for _, s := range tr.Steps {
		if s.Kind == trace.KindPacket && s.To != "" {
			packets++
		}
	}
	if n := len(mermaidMessage.FindAllString(got, -1)); n != packets || packets == 0 {
		t.Errorf("%s: %d Mermaid messages, want one per packet step: %d", where, n, packets)
	}
}

// checkTrap presses Tab past the dialog's last control and Shift+Tab
// past its first: the focus stays inside. Then Escape closes it and the
// focus is back on the Share button.
func checkTrap(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	n := eval[int](t, ctx, `document.getElementById("share-dialog").querySelectorAll("button, input, textarea").length`)
	inside := `document.getElementById("share-dialog").contains(document.activeElement)`
	for i := 0; i < n+2; i++ {
		pressKey(t, ctx, kb.Tab)
		if !eval[bool](t, ctx, inside) {
			t.Fatalf("%s: Tab %d left the dialog for %s", where, i+1, eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
		}
	}
	do(t, ctx, chromedp.Focus("#share-close"))
	do(t, ctx, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if !eval[bool](t, ctx, inside+` && document.activeElement.id !== "share-close"`) {
		t.Errorf("%s: Shift+Tab on the first control did not go round to the last", where)
	}
	pressKey(t, ctx, kb.Escape)
	waitFor(t, ctx, shareClosed)
}

// checkCopy presses a Copy button twice: once with a clipboard that
// takes the text (the status says it is copied, and the clipboard got
// the field's text) and once with one that refuses (the text is
// selected, the status says press Ctrl+C). Both are announced.
func checkCopy(t *testing.T, ctx context.Context, where, kind string) {
	t.Helper()
	eval[bool](t, ctx, `(window.__copied = null, navigator.clipboard.writeText = s => { window.__copied = s; return Promise.resolve(); }, true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("share-copy-"+kind)))
	waitFor(t, ctx, `window.__copied !== null && /Copied|已复制/.test(document.getElementById("share-status").textContent)`)
	if got := eval[string](t, ctx, `window.__copied`); got != shareText(t, ctx, kind) {
		t.Errorf("%s: the clipboard got %q", where, got)
	}
	if role := eval[string](t, ctx, `document.getElementById("share-status").getAttribute("role")`); role != "status" {
		t.Errorf("%s: the status is role %q, not announced", where, role)
	}
	eval[bool](t, ctx, `(navigator.clipboard.writeText = () => Promise.reject(new Error("denied")), true)`)
	do(t, ctx, chromedp.Click(chromedp.ID("share-copy-"+kind)))
	waitFor(t, ctx, fmt.Sprintf(`/Ctrl\+C/.test(document.getElementById("share-status").textContent) && document.activeElement.id === "share-%s" && document.activeElement.selectionStart === 0 && document.activeElement.selectionEnd === document.activeElement.value.length`, kind))
}

// TestBrowserShareLesson opens the Share dialog on a lesson at step 5 by
// mouse and by the S key, in English and in Chinese: the link opens the
// same step in that language in a fresh browser, the iframe snippet
// embeds /embed/lessons/NAME/ at that step, the Markdown shows the
// site's picture of the lesson (served as SVG) and links the step, the
// Mermaid text is the trace's; the focus stays in the dialog and comes
// back to the button; Copy works, and says what to do when it cannot.
func TestBrowserShareLesson(t *testing.T) {
	base := appURL(t)
	ctx := newViewport(t, 1280, 800)
	focusPage(t, ctx)
	const lesson = "qos1"
	tr, err := lessons.RunLesson(lesson, 1)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := lessons.Lesson(lesson)
	open(t, ctx, base, "/lessons/"+lesson+"/?step=5")
	positionIs(t, ctx, 5)
	for _, lang := range []string{"en", "zh"} {
		setLang(t, ctx, lang)
		if lang == "en" {
			openShareByMouse(t, ctx)
		} else {
			openShareByKey(t, ctx)
		}
		where := lang
		want := base + "/lessons/" + lesson + "/?lang=" + lang + "&step=5"
		link := shareText(t, ctx, "link")
		if link != want {
			t.Errorf("%s: link %q, want %q", where, link, want)
		}
		frame := iframeOf(t, ctx)
		if src := base + "/embed/lessons/" + lesson + "/?lang=" + lang + "&step=5"; frame["src"] != src {
			t.Errorf("%s: iframe src %q, want %q", where, frame["src"], src)
		}
		checkServed(t, ctx, where, frame["src"])
		if frame["title"] != info.Title.In(lang) || frame["loading"] != "lazy" || frame["width"] == "" || frame["height"] == "" {
			t.Errorf("%s: iframe %v", where, frame)
		}
		image := base + "/lessons/" + lesson + "/diagram.svg"
		if lang == "zh" {
			image = base + "/lessons/" + lesson + "/diagram.zh.svg"
		}
		if md, want := shareText(t, ctx, "markdown"), "[!["+info.Title.In(lang)+"]("+image+")]("+want+")"; md != want {
			t.Errorf("%s: Markdown %q, want %q", where, md, want)
		}
		ct, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf(`fetch(%q).then(r => r.ok ? r.headers.get("content-type") : String(r.status))`, image), chromedp.EvalAwaitPromise))
		if err != nil || ct != "image/svg+xml" {
			t.Errorf("%s: the picture %s is %q (%v)", where, image, ct, err)
		}
		checkMermaid(t, ctx, where, tr, lang)
		checkCopy(t, ctx, where, "link")
		checkTrap(t, ctx, where)

		// The link opens the same step in a fresh browser.
		fresh := newViewport(t, 1280, 800)
		u, _ := url.Parse(link)
		open(t, fresh, base, u.RequestURI())
		positionIs(t, fresh, 5)
		if got := eval[string](t, fresh, `document.documentElement.lang`); !strings.HasPrefix(got, lang) {
			t.Errorf("%s: the link opens in %q", where, got)
		}
	}
	// Close by its button, by keyboard.
	openShareByKey(t, ctx)
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "share-close" {
		t.Errorf("the focus moved to #%s, want the Close button", id)
	}
	pressKey(t, ctx, kb.Enter)
	waitFor(t, ctx, shareClosed)
}

// shareScenario is the scenario the tests share: a title, two clients
// and a QoS 1 exchange.
const shareScenario = "title en: Shared QoS 1\ntitle zh: 分享的 QoS 1\nclient a\nclient b\nconnect a\nconnect b\nsubscribe b t/# qos=1\npublish a t/x \"hi\" qos=1\n"

// TestBrowserShareScenario shares a scenario at step 3: the link carries
// it in the fragment and opens the same step in a fresh browser; the
// iframe embeds /embed/scenario/ with the same fragment; the Markdown's
// picture must be downloaded, and the dialog downloads it.
func TestBrowserShareScenario(t *testing.T) {
	base := appURL(t)
	ctx := newViewport(t, 1280, 800)
	dir := allowDownloads(t, ctx)
	tr, err := script.Run("scenario", shareScenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base, "/scenario/?step=3#"+shareFragment(shareScenario))
	waitHeading(t, ctx, "Shared QoS 1")
	positionIs(t, ctx, 3)
	openShareByKey(t, ctx)
	link := shareText(t, ctx, "link")
	u, err := url.Parse(link)
	if err != nil || u.Path != "/scenario/" || u.Query().Get("step") != "3" || u.Query().Get("lang") != "en" || !strings.HasPrefix(u.Fragment, "v1.") || !strings.HasPrefix(link, base) {
		t.Fatalf("link %q", link)
	}
	if src := iframeOf(t, ctx)["src"]; src != base+"/embed/scenario/?lang=en&step=3#"+u.Fragment {
		t.Errorf("iframe src %q", src)
	} else {
		checkServed(t, ctx, "scenario", src)
	}
	md := shareText(t, ctx, "markdown")
	if !strings.HasPrefix(md, "[![Shared QoS 1](") || !strings.HasSuffix(md, ".en.svg)]("+link+")") {
		t.Errorf("Markdown %q", md)
	}
	name := strings.TrimSuffix(strings.TrimPrefix(md, "[![Shared QoS 1]("), ")]("+link+")")
	if why := eval[string](t, ctx, `document.getElementById("share-download-why").textContent`); !strings.Contains(why, name) {
		t.Errorf("the note on the download %q does not name %s", why, name)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("share-download")))
	if svg := waitFile(t, dir, name); string(svg) != trace.FormatSVG(tr, "en") {
		t.Errorf("the downloaded %s is not the trace's SVG", name)
	}
	checkMermaid(t, ctx, "scenario", tr, "en")
	checkTrap(t, ctx, "scenario")

	fresh := newViewport(t, 1280, 800)
	open(t, fresh, base, u.RequestURI()+"#"+u.Fragment)
	waitHeading(t, fresh, "Shared QoS 1")
	positionIs(t, fresh, 3)
}

// shareHex is a client's stream for the decode tests: CONNECT,
// SUBSCRIBE, PINGREQ.
const shareHex = "102200044d51545404c2007800063132333435360004" + "79616e67000831313232333334348209000100043232323200c000"

// TestBrowserShareDecode shares bytes on the decode page: the link and
// the embed carry them in ?hex=, the link opens them in a fresh
// browser, the Mermaid text has a message per packet.
func TestBrowserShareDecode(t *testing.T) {
	base := appURL(t)
	ctx := newViewport(t, 1280, 800)
	open(t, ctx, base, "/decode/?hex="+shareHex)
	openShareByMouse(t, ctx)
	link := shareText(t, ctx, "link")
	if want := base + "/decode/?hex=" + shareHex + "&lang=en"; link != want {
		t.Errorf("link %q, want %q", link, want)
	}
	if src := iframeOf(t, ctx)["src"]; src != base+"/embed/decode/?hex="+shareHex+"&lang=en" {
		t.Errorf("iframe src %q", src)
	} else {
		checkServed(t, ctx, "decode", src)
	}
	mermaid := shareText(t, ctx, "mermaid")
	if n := len(mermaidMessage.FindAllString(mermaid, -1)); n != 3 {
		t.Errorf("%d Mermaid messages for 3 packets:\n%s", n, mermaid)
	}
	for _, want := range []string{"CONNECT", "SUBSCRIBE", "PINGREQ"} {
		if !strings.Contains(mermaid, want) {
			t.Errorf("no %s in the Mermaid text:\n%s", want, mermaid)
		}
	}
	checkTrap(t, ctx, "decode")
	openShareByKey(t, ctx)
	pressKey(t, ctx, kb.Escape)
	waitFor(t, ctx, shareClosed)

	fresh := newViewport(t, 1280, 800)
	u, _ := url.Parse(link)
	open(t, fresh, base, u.RequestURI())
	waitFor(t, fresh, fmt.Sprintf(`document.getElementById("decode-input").value === %q`, shareHex))
}

// TestBrowserShareA11y runs axe-core with the dialog open on a lesson,
// in both languages, at 1280×800 and on a phone at 390×844, where the
// dialog fits the width and every control can be reached; screenshots.
func TestBrowserShareA11y(t *testing.T) {
	base := appURL(t)
	for _, size := range []struct{ w, h int }{{1280, 800}, {390, 844}} {
		ctx := newViewport(t, size.w, size.h)
		open(t, ctx, base, "/lessons/qos1/?step=5")
		positionIs(t, ctx, 5)
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			openShareByMouse(t, ctx)
			where := fmt.Sprintf("%s at %d×%d", lang, size.w, size.h)
			if eval[bool](t, ctx, `(() => { const d = document.getElementById("share-dialog"), r = d.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth || d.scrollWidth > d.clientWidth; })()`) {
				t.Errorf("%s: the dialog is wider than the window", where)
			}
			for _, id := range []string{"share-copy-link", "share-copy-embed", "share-copy-markdown", "share-copy-mermaid", "share-close"} {
				if eval[bool](t, ctx, fmt.Sprintf(`(e => { e.scrollIntoView(); const r = e.getBoundingClientRect(); return r.width < 24 || r.height < 24 || r.right > innerWidth || r.bottom > innerHeight || r.top < 0; })(document.getElementById(%q))`, id)) {
					t.Errorf("%s: #%s cannot be reached or is smaller than 24 px", where, id)
				}
			}
			eval[bool](t, ctx, `(document.getElementById("share-dialog").scrollTop = 0, true)`)
			shoot(t, ctx, fmt.Sprintf("share-%dx%d-%s", size.w, size.h, lang))
			checkAxe(t, ctx, "the Share dialog, "+where)
			pressKey(t, ctx, kb.Escape)
			waitFor(t, ctx, shareClosed)
		}
	}
}

// TestBrowserShareTrace shares a trace opened from a file: no address
// opens it, so the dialog says so and gives no link or embed; the
// Markdown shows the file to download, and the Mermaid text is the
// trace's.
func TestBrowserShareTrace(t *testing.T) {
	base := appURL(t)
	ctx := newViewport(t, 1280, 800)
	tr, err := lessons.RunLesson("qos1", 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base, "/trace/")
	pasteTrace(t, ctx, string(b))
	positionIs(t, ctx, 1)
	openShareByMouse(t, ctx)
	if eval[bool](t, ctx, `!document.getElementById("share-nolink") || !!document.getElementById("share-link") || !!document.getElementById("share-embed")`) {
		t.Error("the dialog of a trace from a file offers a link")
	}
	if md, want := shareText(t, ctx, "markdown"), "!["+tr.Title.EN+"](qos1.en.svg)"; md != want {
		t.Errorf("Markdown %q, want %q", md, want)
	}
	checkMermaid(t, ctx, "trace", tr, "en")
	checkTrap(t, ctx, "trace")
}
