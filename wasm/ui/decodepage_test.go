package ui

import (
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/views"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// decodeHTML reads each text in turn on a decode page in lang, as typing
// would, and returns the page's HTML after the last.
func decodeHTML(t *testing.T, lang string, texts ...string) (*decodePage, string) {
	t.Helper()
	p := newDecodePage()
	p.lang = lang
	d := app.NewClientTester(p)
	defer d.Close()
	for _, s := range texts {
		if _, ok := p.read(s); ok {
			p.unshared = p.size > maxShareBytes // as share says, without an address to write
		}
	}
	p.Update()
	d.Consume()
	return p, app.HTMLString(p)
}

func TestDecodePageStream(t *testing.T) {
	_, html := decodeHTML(t, i18n.EN, "c0 00 d0 00")
	for _, want := range []string{"2 packets in 4 bytes", "Packet 1 · offset 0 · PINGREQ · 2 bytes", "Packet 2 · offset 2 · PINGRESP · 2 bytes"} {
		if !strings.Contains(html, want) {
			t.Errorf("the stream lacks %q", want)
		}
	}
	if strings.Contains(html, "fault-box") {
		t.Error("a stream of two good packets shows a fault")
	}
	_, html = decodeHTML(t, i18n.EN, "c0 00 60 02 00 01 30 03 00")
	for _, want := range []string{"1 · PINGREQ · 2 bytes · well-formed", "2 · PUBREL · 4 bytes · malformed (MQTT-3.6.1-1)", "3 · PUBLISH · 3 bytes · cut short"} {
		if !strings.Contains(html, want) {
			t.Errorf("the stream's index lacks %q", want)
		}
	}
	_, html = decodeHTML(t, i18n.ZH, "c0 00 d0 00")
	for _, want := range []string{"共 2 个报文，4 字节", "第 2 个报文 · 偏移 2 · PINGRESP · 2 字节", "2 · PINGRESP · 2 字节 · 格式正确"} {
		if !strings.Contains(html, want) {
			t.Errorf("the Chinese stream lacks %q", want)
		}
	}
}

// TestDecodePageCutShort: the seed's PUBLISH is explained as before, and
// the bytes its Remaining Length announces beyond the input are counted.
func TestDecodePageCutShort(t *testing.T) {
	_, html := decodeHTML(t, i18n.EN, "30 0b 00 04 31 31 31 31 39 39 39")
	for _, want := range []string{"PUBLISH · 11 bytes", "Remaining Length says 11 but 9 bytes follow", "announces 2 more bytes than the input has"} {
		if !strings.Contains(html, want) {
			t.Errorf("the seed's PUBLISH lacks %q", want)
		}
	}
}

// TestDecodePageKeepsLastGood: an odd digit while typing keeps the last
// breakdown and says what is wrong beside it; the next good text
// replaces both.
func TestDecodePageKeepsLastGood(t *testing.T) {
	p, html := decodeHTML(t, i18n.EN, "c0 00 d0", "c0 00 d0 0")
	if p.problem == nil || !strings.Contains(html, `id="decode-error"`) || !strings.Contains(html, "line 1, column 10") || !strings.Contains(html, "odd number") {
		t.Errorf("no problem shown for an odd digit:\n%s", html)
	}
	if !strings.Contains(html, "still of the bytes read before") || !strings.Contains(html, "Packet 2 · offset 2 · PINGRESP · 1 byte") {
		t.Errorf("the last good breakdown is gone:\n%s", html)
	}
	_, html = decodeHTML(t, i18n.ZH, "c0", "c0 0")
	if !strings.Contains(html, "第 1 行第 4 列：") || !strings.Contains(html, "奇数") || !strings.Contains(html, "下面仍是上一次读出的字节的解析") {
		t.Errorf("the Chinese problem line:\n%s", html)
	}
	p, html = decodeHTML(t, i18n.EN, "c0 0", "c0 00")
	if p.problem != nil || strings.Contains(html, "decode-error") {
		t.Error("the problem stays after the text is good again")
	}
	_, html = decodeHTML(t, i18n.EN, "3")
	if !strings.Contains(html, "odd number") || strings.Contains(html, "still of the bytes") {
		t.Errorf("an odd digit with nothing read before:\n%s", html)
	}
}

// TestDecodePageCapsWhatIsDrawn: a stream of thousands of packets draws
// a bounded number of them and of their bytes, and says so.
func TestDecodePageCapsWhatIsDrawn(t *testing.T) {
	p, html := decodeHTML(t, i18n.EN, strings.Repeat("31 ", 100000))
	if p.count != 100000/51+1 {
		t.Fatalf("%d packets", p.count)
	}
	drawn := strings.Count(html, `class="panel inspector-panel packet"`)
	if drawn != maxDrawnPackets || drawn != p.drawn() {
		t.Errorf("%d packets drawn, want %d", drawn, maxDrawnPackets)
	}
	if cells := strings.Count(html, `class="byte `); cells > maxDrawnCells {
		t.Errorf("%d byte cells drawn", cells)
	}
	if !strings.Contains(html, "The first 16 are drawn") || !strings.Contains(html, "not carry these 100000 bytes") {
		t.Errorf("the cap is not said:\n%.600s", html)
	}
	// Packets larger than the inspector's dump: fewer of them.
	big := strings.Repeat("30 ff 7f 00 01 61 "+strings.Repeat("00 ", 0x3ffc), 8)
	p, _ = decodeHTML(t, i18n.EN, big)
	if p.count != 8 || p.drawn() != maxDrawnCells/views.MaxHexCells {
		t.Errorf("%d packets of 16 KB, %d drawn", p.count, p.drawn())
	}
}

// TestDecodeExamples: every example reads as bytes, the streams as
// several packets, the seed's broken PUBLISH as one cut short.
func TestDecodeExamples(t *testing.T) {
	for _, ex := range seedExamples {
		p, _ := decodeHTML(t, i18n.EN, ex.Hex)
		stream := strings.Contains(ex.Name.EN, "stream")
		if p.problem != nil || p.size == 0 || (p.count > 1) != stream {
			t.Errorf("%s: %d packets, problem %v", ex.Name.EN, p.count, p.problem)
		}
		if ex.Name.ZH == "" {
			t.Errorf("%s has no Chinese name", ex.Name.EN)
		}
	}
	if p, _ := decodeHTML(t, i18n.EN, seedExamples[0].Hex); p.packets[0].Missing != 2 {
		t.Errorf("the seed's PUBLISH misses %d bytes, want 2", p.packets[0].Missing)
	}
}
