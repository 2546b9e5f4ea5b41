package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"net/url"
	"strings"
	"testing"
)

// TestShareAddresses: the link and the embed of each kind of page, with
// the step and the language, the page's other parameters and a
// scenario's fragment, under the site's base.
func TestShareAddresses(t *testing.T) {
	const site = shareSite("https://example.org")
	for _, c := range []struct {
		name, prefix string
		target       shareTarget
		cursor       int
		lang         string
		link, embed  string
	}{
		{"lesson", "", shareTarget{page: "/lessons/qos1/", stepped: true}, 4, "zh",
			"https://example.org/lessons/qos1/?lang=zh&step=5", "https://example.org/embed/lessons/qos1/?lang=zh&step=5"},
		{"lesson under a base", "/mqttviz/", shareTarget{page: "/lessons/qos1/", stepped: true, query: url.Values{"seed": {"7"}}}, 0, "",
			"https://example.org/mqttviz/lessons/qos1/?lang=en&seed=7&step=1", "https://example.org/mqttviz/embed/lessons/qos1/?lang=en&seed=7&step=1"},
		{"scenario", "", shareTarget{page: "/scenario/", stepped: true, fragment: "v1.K8ksLcrPU0jNS8_JzEtXKMnILFYoyi8pSQUA"}, 2, "en",
			"https://example.org/scenario/?lang=en&step=3#v1.K8ksLcrPU0jNS8_JzEtXKMnILFYoyi8pSQUA", "https://example.org/embed/scenario/?lang=en&step=3#v1.K8ksLcrPU0jNS8_JzEtXKMnILFYoyi8pSQUA"},
		{"decode", "", shareTarget{page: "/decode/", query: url.Values{"hex": {"c000"}}}, 0, "en",
			"https://example.org/decode/?hex=c000&lang=en", "https://example.org/embed/decode/?hex=c000&lang=en"},
		{"a file", "", shareTarget{}, 3, "en", "", ""},
	} {
		t.Setenv("GOAPP_ROOT_PREFIX", c.prefix)
		if got := site.shareLink(c.target, c.cursor, c.lang); got != c.link {
			t.Errorf("%s: link %q, want %q", c.name, got, c.link)
		}
		if got := site.embedLink(c.target, c.cursor, c.lang); got != c.embed {
			t.Errorf("%s: embed %q, want %q", c.name, got, c.embed)
		}
	}
}

// TestShareSnippets: the iframe and Markdown snippets escape anyone's
// title and address, and the Markdown shows the site's picture of a
// built-in lesson, the downloaded file otherwise.
func TestShareSnippets(t *testing.T) {
	const hostile = `a"b<c>&d](e)[f\`
	got := iframeSnippet(`https://x/embed/?a=1&b="2"`, hostile)
	want := `<iframe src="https://x/embed/?a=1&amp;b=&#34;2&#34;" title="a&#34;b&lt;c&gt;&amp;d](e)[f\" width="720" height="480" loading="lazy" style="border:0;max-width:100%"></iframe>`
	if got != want {
		t.Errorf("iframe\n got %s\nwant %s", got, want)
	}
	if got, want := markdownSnippet(hostile, "pic (1).svg", "https://x/?a=(1)"), `[![a"b<c>&d\](e)\[f\\](pic%20%281%29.svg)](https://x/?a=%281%29)`; got != want {
		t.Errorf("Markdown\n got %s\nwant %s", got, want)
	}
	if got := markdownSnippet("t", "p.svg", ""); got != "![t](p.svg)" {
		t.Errorf("Markdown without a link: %s", got)
	}
	tr, err := lessons.RunLesson("qos1", 1)
	if err != nil {
		t.Fatal(err)
	}
	site := shareSite("http://127.0.0.1:8000")
	if img, download := site.shareImage(shareTarget{lesson: "qos1"}, tr, "zh"); img != "http://127.0.0.1:8000/lessons/qos1/diagram.zh.svg" || download {
		t.Errorf("a lesson's picture: %s, %v", img, download)
	}
	if img, download := site.shareImage(shareTarget{}, tr, "en"); img != "qos1.en.svg" || !download {
		t.Errorf("a scenario's picture: %s, %v", img, download)
	}
}

// TestDecodeTrace: the decode page's packets become one arrow each, in
// the direction their type travels, labelled as the diagram labels them.
func TestDecodeTrace(t *testing.T) {
	if decodeTrace(nil, codec.Text{}) != nil {
		t.Error("no packets make a trace")
	}
	b, err := codec.ParseHex("10 0c 00 04 4d 51 54 54 04 02 00 3c 00 00 20 02 00 00 c0 00 d0 00 30 02 00 01")
	if err != nil {
		t.Fatal(err)
	}
	var packets []codec.StreamPacket
	for sp := range codec.StreamPackets(b) {
		packets = append(packets, sp)
	}
	tr := decodeTrace(packets, codec.Text{EN: "Decode", ZH: "解析"})
	want := []struct {
		packet   codec.PacketType
		from, to string
	}{
		{codec.CONNECT, "client", "broker"}, {codec.CONNACK, "broker", "client"}, {codec.PINGREQ, "client", "broker"},
		{codec.PINGRESP, "broker", "client"}, {codec.PUBLISH, "client", "broker"},
	}
	if len(tr.Steps) != len(want) {
		t.Fatalf("%d steps, want %d", len(tr.Steps), len(want))
	}
	for i, w := range want {
		s := tr.Steps[i]
		if s.Packet != w.packet || s.From != w.from || s.To != w.to || s.Kind != trace.KindPacket || s.Label != codec.Summary(packets[i].Bytes) {
			t.Errorf("step %d: %v %s→%s %q, want %v %s→%s", i, s.Packet, s.From, s.To, s.Label.EN, w.packet, w.from, w.to)
		}
	}
	mermaid := trace.FormatMermaid(tr, "zh")
	if n := strings.Count(mermaid, "->>"); n != len(want) {
		t.Errorf("%d Mermaid messages, want %d:\n%s", n, len(want), mermaid)
	}
	if !strings.Contains(trace.FormatSVG(tr, "en"), "PINGRESP") {
		t.Error("the picture has no PINGRESP")
	}
}

// TestLessonShareTarget: a lesson is shared as itself with its picture;
// at another seed without the picture (the site's is of seed 1); once
// the instructor changed it, as the changed scenario in the fragment.
func TestLessonShareTarget(t *testing.T) {
	p := newLessonPage()
	if _, ok := p.shareTarget("en"); ok {
		t.Error("a page with no lesson shares something")
	}
	p.run(&url.URL{Path: "/lessons/qos1/"})
	got, ok := p.shareTarget("zh")
	if !ok || got.page != "/lessons/qos1/" || got.lesson != "qos1" || !got.stepped || got.query != nil || got.title != p.info.Title.ZH {
		t.Errorf("qos1: %+v, %v", got, ok)
	}
	p.run(&url.URL{Path: "/lessons/qos1/", RawQuery: "seed=7"})
	if got, _ := p.shareTarget("en"); got.lesson != "" || got.query.Get("seed") != "7" {
		t.Errorf("qos1 at seed 7: %+v", got)
	}
	src, _ := lessons.LessonSource("qos1")
	changed := src + "publish sensor home/x \"1\" qos=1\n"
	p.instr.hist = script.NewHistory(src)
	p.instr.hist.Push(changed)
	p.instr.share = link("/scenario/") + "#" + encodeShare(changed)
	got, _ = p.shareTarget("en")
	if text, err := decodeShare(got.fragment); err != nil || text != changed || got.page != "/scenario/" || got.lesson != "" {
		t.Errorf("the changed lesson: %+v (%q, %v)", got, text, err)
	}
}

// TestShareButtonBuildsNoTarget renders the Share button as every step
// does: it asks the page whether there is something to share and never
// builds the target, which for a scenario decodes the address's fragment
// (a 5,000-line scenario's, on every step of a 20,000-step trace).
func TestShareButtonBuildsNoTarget(t *testing.T) {
	built := 0
	d := &shareDialog{
		of:  func(string) (shareTarget, bool) { built++; return shareTarget{title: "x"}, true },
		has: func() bool { return true },
	}
	for range 3 {
		if d.renderButton("en") == nil {
			t.Fatal("no Share button while there is something to share")
		}
	}
	if built != 0 {
		t.Errorf("rendering the button built the share target %d times", built)
	}
	d.has = func() bool { return false }
	if d.renderButton("en") != nil {
		t.Error("a Share button while there is nothing to share")
	}
}
