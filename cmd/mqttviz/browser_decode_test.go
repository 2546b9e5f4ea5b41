package main

import (
	"context"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mqttviz/codec"
)

// setDecodeText replaces the decode box's text with s at once, as a paste
// does, and reports the input.
func setDecodeText(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const el = document.querySelector("#decode-input"); el.value = `+strconv.Quote(s)+`; el.dispatchEvent(new Event("input")); return true })()`)
}

// packetHeads are the headings of the packets the decode page draws.
func packetHeads(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `[...document.querySelectorAll(".packet .packet-head")].map(e => e.textContent)`)
}

// checkDecodedStream waits until the page draws the packets of b as
// codec.SplitStream cuts them, each with its offset and type, and the
// fault of the last, if any, as codec.Annotate finds it.
func checkDecodedStream(t *testing.T, ctx context.Context, b []byte) {
	t.Helper()
	ps := codec.SplitStream(b)
	var offsets []string
	for _, p := range ps {
		offsets = append(offsets, strconv.Itoa(p.Offset))
	}
	// The packets drawn, by their offsets and sizes, are those of b.
	waitFor(t, ctx, `[...document.querySelectorAll(".packet")].map(e => e.dataset.offset + ":" + e.querySelectorAll(".byte").length).join(" ") === `+strconv.Quote(packetKeys(ps)))
	heads := packetHeads(t, ctx)
	for i, p := range ps {
		typ := codec.PacketType(p.Bytes[0] >> 4).String()
		if !strings.Contains(heads[i], typ) || len(ps) > 1 && !strings.Contains(heads[i], "offset "+offsets[i]+" ") {
			t.Errorf("packet %d: heading %q; want offset %d, %s", i+1, heads[i], p.Offset, typ)
		}
	}
	faults := eval[[]string](t, ctx, `[...document.querySelectorAll(".packet")].map(e => (e.querySelector(".fault-rule") || {}).textContent || "")`)
	for i, p := range ps {
		want := ""
		if err := codec.Annotate(p.Bytes).Err; err != nil {
			want = err.Rule
		}
		if faults[i] != want {
			t.Errorf("packet %d shows fault %q, codec says %q", i+1, faults[i], want)
		}
	}
}

// packetKeys is "offset:length" of each packet, apart with spaces.
func packetKeys(ps []codec.StreamPacket) string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = strconv.Itoa(p.Offset) + ":" + strconv.Itoa(len(p.Bytes))
	}
	return strings.Join(keys, " ")
}

// TestBrowserDecodeStream: packets back to back are each decoded; the
// address follows what is typed and clicked without a history entry per
// key; an odd digit keeps the last breakdown beside the problem; the
// tutorials' formats are read; the page speaks Chinese.
func TestBrowserDecodeStream(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	do(t, ctx, chromedp.EmulateViewport(1280, 800))
	open(t, ctx, base, "/decode")
	history := eval[int](t, ctx, `history.length`)

	typeHex(t, ctx, "c0 00 d0 00")
	checkDecodedStream(t, ctx, []byte{0xc0, 0, 0xd0, 0})
	if got := packetHeads(t, ctx); got[1] != "Packet 2 · offset 2 · PINGRESP · 2 bytes" {
		t.Errorf("second packet's heading %q", got[1])
	}
	if got := eval[string](t, ctx, `location.search`); got != "?hex=c000d000" {
		t.Errorf("after typing, the address's query is %q", got)
	}
	if got := eval[int](t, ctx, `history.length`); got != history {
		t.Errorf("typing added %d history entries", got-history)
	}

	// An odd digit keeps the last breakdown, and the address with it.
	do(t, ctx, chromedp.SendKeys(chromedp.ID("decode-input"), " e"))
	waitFor(t, ctx, `document.querySelector("#decode-error") !== null`)
	if got := eval[string](t, ctx, `document.querySelector("#decode-error").textContent`); !strings.Contains(got, `line 1, column 13: "e" has an odd number of hex digits`) || !strings.Contains(got, "still of the bytes read before") {
		t.Errorf("the problem line says %q", got)
	}
	checkDecodedStream(t, ctx, []byte{0xc0, 0, 0xd0, 0})
	do(t, ctx, chromedp.SendKeys(chromedp.ID("decode-input"), "0 00"))
	checkDecodedStream(t, ctx, []byte{0xc0, 0, 0xd0, 0, 0xe0, 0})
	waitFor(t, ctx, `document.querySelector("#decode-error") === null && location.search === "?hex=c000d000e000"`)

	// An example replaces the address too.
	do(t, ctx, chromedp.Click(`//button[contains(., "A client's stream")]`))
	stream, err := codec.ParseHex(eval[string](t, ctx, `document.querySelector("#decode-input").value`))
	if err != nil {
		t.Fatal(err)
	}
	checkDecodedStream(t, ctx, stream)
	if got := eval[string](t, ctx, `location.search`); got != "?hex="+hex.EncodeToString(stream) {
		t.Errorf("after the example, the address's query is %q", got)
	}
	if got := eval[int](t, ctx, `history.length`); got != history {
		t.Errorf("typing and an example added %d history entries", got-history)
	}
	index := eval[[]string](t, ctx, `[...document.querySelectorAll("#packet-index button")].map(e => e.textContent)`)
	if strings.Join(index, "|") != "1 · CONNECT · 36 bytes · well-formed|2 · SUBSCRIBE · 11 bytes · well-formed|3 · PINGREQ · 2 bytes · well-formed" {
		t.Errorf("the stream's index %q", index)
	}
	shoot(t, ctx, "decode-stream")
	// A line of the index scrolls to its packet.
	inView := `(r => r.top >= 0 && r.top < innerHeight)(document.querySelector("#packet-3").getBoundingClientRect())`
	if eval[bool](t, ctx, inView) {
		t.Error("the third packet is in view before its index line is clicked: the test shows nothing")
	}
	do(t, ctx, chromedp.Click(`#packet-index li:nth-child(3) button`))
	waitFor(t, ctx, inView)

	// The copied address opens the same packets.
	open(t, ctx, base, "/decode"+eval[string](t, ctx, `location.search`))
	checkDecodedStream(t, ctx, stream)

	// What tutorials and tools print.
	seed := []byte{0x30, 0x0b, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}
	for _, text := range []string{
		"{0x30, 0x0b, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}",
		"0000: 30 0b 00 04 31 31 31 31 39 39 39",
		"00000000  30 0b 00 04 31 31 31 31  39 39 39                 |0...1111999|\r\n0000000b\r\n",
		`\x30\x0b\x00\x04\x31\x31\x31\x31\x39\x39\x39`,
	} {
		setDecodeText(t, ctx, "")
		waitFor(t, ctx, `document.querySelectorAll(".packet").length === 0`)
		setDecodeText(t, ctx, text)
		checkDecodedStream(t, ctx, seed)
		// The seed's PUBLISH is explained as it always was, and what is
		// missing counted.
		want := codec.Annotate(seed).Err.Message.EN
		if got := eval[string](t, ctx, `document.querySelector(".fault-message").textContent`); got != want {
			t.Errorf("%q: fault %q, want %q", text, got, want)
		}
		if got := eval[string](t, ctx, `document.querySelector(".packet-missing").textContent`); !strings.Contains(got, "2 more bytes") {
			t.Errorf("%q: the missing bytes are told as %q", text, got)
		}
	}

	// In Chinese.
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	setDecodeText(t, ctx, "")
	do(t, ctx, chromedp.Click(`//button[contains(., "客户端发出的报文流")]`))
	waitFor(t, ctx, `document.querySelector("#decode-summary") !== null && document.querySelector("#decode-summary").textContent.startsWith("共 3 个报文")`)
	if got := packetHeads(t, ctx); len(got) != 3 || got[2] != "第 3 个报文 · 偏移 47 · PINGREQ · 2 字节" {
		t.Errorf("Chinese headings %q", got)
	}
	shoot(t, ctx, "decode-stream-zh")
	do(t, ctx, chromedp.SendKeys(chromedp.ID("decode-input"), " 0"))
	waitFor(t, ctx, `document.querySelector("#decode-error") !== null`)
	if got := eval[string](t, ctx, `document.querySelector("#decode-error").textContent`); !strings.Contains(got, "第 3 行第 7 列：") || !strings.Contains(got, "奇数") {
		t.Errorf("the Chinese problem line says %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
}

// TestBrowserDecodeStreamNarrow: the stream on a phone, in both
// languages, with nothing sticking out sideways.
func TestBrowserDecodeStreamNarrow(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 420, 860)
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	open(t, ctx, base, "/decode")
	do(t, ctx, chromedp.Click(`//button[contains(., "A client's stream")]`))
	waitFor(t, ctx, `document.querySelectorAll(".packet").length === 3`)
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the decode page scrolls sideways at 390 px")
	}
	shoot(t, ctx, "decode-stream-narrow")
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	waitFor(t, ctx, `document.querySelector("#decode-summary").textContent.startsWith("共 3 个报文")`)
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the Chinese decode page scrolls sideways at 390 px")
	}
	shoot(t, ctx, "decode-stream-narrow-zh")
	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
}

// TestBrowserDecodeLargePaste pastes 2 MB (349,525 PINGREQs) and then
// types one more packet key by key: the page shows the right count and
// draws a bounded part, and the test logs how long the paste took to
// show, each key's press to next paint and input handler (Event Timing
// API), and the last key to the new breakdown. It asserts what shows,
// not how fast.
func TestBrowserDecodeLargePaste(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/decode")
	const n = 2 << 20 / 6
	paste := eval[float64](t, ctx, `(() => {
		const el = document.querySelector("#decode-input");
		window.__t0 = performance.now();
		el.value = "c0 00 ".repeat(`+strconv.Itoa(n)+`);
		el.dispatchEvent(new Event("input"));
		return el.value.length })()`)
	waitForPackets(t, ctx, n)
	pasted := eval[float64](t, ctx, `performance.now() - window.__t0`)
	checkCapped(t, ctx, n)

	// Each key, timed by the Event Timing API: from the key press to the
	// next paint (the keydown entry's duration) and the time the page's
	// input handler took (the input entry's processing time).
	keys := typeTimed(t, ctx, "decode-input", "d0 00")
	waitForPackets(t, ctx, n+1)
	shown := eval[float64](t, ctx, `performance.now() - window.__last`)
	checkCapped(t, ctx, n+1)
	if got := eval[string](t, ctx, `location.search`); got != "" {
		t.Errorf("the address carries %d characters of a 2 MB paste", len(got))
	}

	t.Logf("2 MB paste (%.0f characters): shown after %.0f ms; last key to the new breakdown %.0f ms (300 ms of it the typing pause)", paste, pasted, shown)
	t.Logf("keys in the decode box: %s", keys)
}

// waitForPackets waits at most a minute for the decode page to say it
// read n packets; if it does not, the failure says what the page shows
// instead: its summary, its error and how much text its box holds.
func waitForPackets(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	cond := `(document.querySelector("#decode-summary") || {}).textContent?.startsWith("` + strconv.Itoa(n) + ` packets")`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		shows, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
			summary: document.querySelector("#decode-summary")?.textContent ?? null,
			error: document.querySelector("#decode-error")?.textContent ?? null,
			textLength: document.querySelector("#decode-input")?.textLength ?? null,
			interactive: performance.getEntriesByName("mqttviz-interactive").length,
			decoded: performance.getEntriesByName("mqttviz-decoded").length })`))
		t.Fatalf("waiting for %d packets: %v; the page shows %s", n, err, shows)
	}
}

// typeTimed types s into the element with the given id and returns what
// the Event Timing API measured for its keys, as text: each key's press
// to next paint, and the longest input handler. Entries under 16 ms are
// not reported by the browser; the count says how many keys were.
func typeTimed(t *testing.T, ctx context.Context, id, s string) string {
	t.Helper()
	eval[bool](t, ctx, `(() => {
		const el = document.getElementById(`+strconv.Quote(id)+`);
		el.focus(); el.setSelectionRange(el.value.length, el.value.length);
		window.__events = [];
		window.__observer?.disconnect();
		window.__observer = new PerformanceObserver(list => window.__events.push(...list.getEntries()));
		window.__observer.observe({type: "event", durationThreshold: 16});
		el.addEventListener("keydown", () => { window.__last = performance.now() });
		return true })()`)
	do(t, ctx, chromedp.SendKeys(chromedp.ID(id), s))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => setTimeout(() => r(true), 500))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	return eval[string](t, ctx, `(() => {
		const down = window.__events.filter(e => e.name === "keydown").map(e => Math.round(e.duration));
		const input = window.__events.filter(e => e.name === "input").map(e => e.processingEnd - e.processingStart);
		return down.length + " of `+strconv.Itoa(len(s))+` keys over 16 ms, press to next paint " + JSON.stringify(down) +
			" ms; longest input handler " + (input.length ? Math.max(...input).toFixed(1) : "<16") + " ms" })()`)
}

// checkCapped checks that a stream of n packets draws 16 of them, says
// how many are not drawn, and that the address says it cannot carry them.
func checkCapped(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	if got := eval[int](t, ctx, `document.querySelectorAll(".packet").length`); got != 16 {
		t.Errorf("%d packets drawn, want 16", got)
	}
	summary := eval[string](t, ctx, `document.querySelector("#decode-summary").textContent`)
	if !strings.Contains(summary, "the other "+strconv.Itoa(n-16)+" are not") {
		t.Errorf("the summary says %q", summary)
	}
	if !eval[bool](t, ctx, `document.querySelector("#decode-unshared") !== null`) {
		t.Error("the page does not say that the address cannot carry the bytes")
	}
	heads := packetHeads(t, ctx)
	if len(heads) == 0 || heads[0] != "Packet 1 · offset 0 · PINGREQ · 2 bytes" {
		t.Errorf("first heading %q", heads)
	}
}

// TestBrowserDecodeStreamAxe runs axe-core on the decode page with a
// stream, its index and a problem line beside the kept breakdown, in
// English and Chinese, at 1280×800 and on a phone.
func TestBrowserDecodeStreamAxe(t *testing.T) {
	base := appURL(t)
	axeSource(t)
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		open(t, ctx, base, "/decode")
		do(t, ctx, chromedp.Click(`//button[contains(., "A client's stream")]`))
		do(t, ctx, chromedp.SendKeys(chromedp.ID("decode-input"), " 3"))
		waitFor(t, ctx, `document.querySelectorAll(".packet").length === 3 && document.querySelector("#decode-error") !== null`)
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			checkAxe(t, ctx, fmt.Sprintf("a stream on decode at %d×%d in %s", size.w, size.h, lang))
		}
	}
}
