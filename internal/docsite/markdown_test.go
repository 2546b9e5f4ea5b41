package docsite

import (
	"strings"
	"testing"

	"mqttviz/codec"
)

// testLinks resolves as a page of the site under /b/ in lang does, with
// the pages lessons and live, one picture and one lesson.
func testLinks(lang string) *pageLinks {
	return &pageLinks{
		base: "/b/", lang: lang,
		pages:    map[string]bool{"lessons": true, "live": true, cataloguePage: true},
		pictures: map[string]picture{"screenshots/a.png": {path: "/docs/screenshots/a.png", width: 10, height: 20}},
		lessons: func(name string) (codec.Text, bool) {
			return codec.Text{EN: "QoS 2 <fast>", ZH: "QoS 2：四次握手"}, name == "qos2"
		},
	}
}

func TestResolve(t *testing.T) {
	for _, c := range []struct {
		lang, dest, want, repo string
	}{
		{"en", "lessons.md", "/b/docs/en/lessons/", ""},
		{"zh", "lessons.md", "/b/docs/zh/lessons/", ""},
		{"en", "lessons.md#catalogue--课程目录", "/b/docs/en/lessons/#catalogue--课程目录", ""},
		{"zh", "./live.md#x", "/b/docs/zh/live/#x", ""},
		{"en", "#the-watch-page", "#the-watch-page", ""},
		{"en", "https://mqtt.org/", "https://mqtt.org/", ""},
		{"en", "mailto:a@example.com", "mailto:a@example.com", ""},
		{"en", "/live/", "/b/live/", ""},
		{"en", "screenshots/a.png", "/b/docs/screenshots/a.png", ""},
		{"en", "../sim/lessons/06-qos2.txt", "/b/lessons/qos2/", ""},
		{"en", "../README.md", "", "README.md"},
		{"en", "architecture.md#packages", "", "docs/architecture.md"},
		{"en", "../cmd/mqttviz/static.go", "", "cmd/mqttviz/static.go"},
		{"en", "../web/embed-host.js", "/b/web/embed-host.js", ""},
		{"en", "../web/sub/x.js", "", "web/sub/x.js"},
		{"en", "screenshots/missing.png", "", "docs/screenshots/missing.png"},
	} {
		got, ok, repo := testLinks(c.lang).resolve(c.dest)
		if c.repo != "" {
			if ok || repo != c.repo {
				t.Errorf("%s %q resolves to %q, %v, %q: want the repository's %q", c.lang, c.dest, got, ok, repo, c.repo)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("%s %q resolves to %q, %v: want %q", c.lang, c.dest, got, ok, c.want)
		}
	}
}

func TestRender(t *testing.T) {
	md := strings.Join([]string{
		"# Title",
		"",
		"## State · 状态",
		"",
		"See [the lessons](lessons.md#x), [the architecture](architecture.md) and [State](#state--状态).",
		"",
		"Figures: [performance.md](performance.md#embeds), the host [web/embed-host.html](../web/embed-host.html).",
		"",
		"<script>alert(1)</script>",
		"",
		`Inline <b onmouseover="alert(2)">bold</b> and <img src=x onerror=alert(3)>.`,
		"",
		"![A picture](screenshots/a.png) ![Not there](screenshots/missing.png)",
		"",
		"<!-- embed: qos2 step=5 -->",
		"",
		"| a | b |",
		"|---|---|",
		"| 1 | 2 |",
		"",
		"```sh",
		"code",
		"```",
		"",
		"中文第一行，",
		"第二行。",
		"",
		"English, then",
		"`code` and [a link](lessons.md), then a comma,",
		"and 中文",
		"Go 代码。",
	}, "\n")
	out, err := render(md, testLinks("zh"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, want := range []string{
		`<h1 id="title">Title</h1>`,
		`<h2 id="state--状态">State · 状态</h2>`,
		`<a href="/b/docs/zh/lessons/#x">the lessons</a>`,
		`the architecture (docs/architecture.md)`,
		`Figures: docs/performance.md, the host <a href="/b/web/embed-host.html">web/embed-host.html</a>.`,
		// goldmark writes a link's address percent-encoded; the browser
		// decodes a fragment before it looks for the id.
		`<a href="#state--%E7%8A%B6%E6%80%81">State</a>`,
		`<img src="/b/docs/screenshots/a.png" alt="A picture" loading="lazy" width="10" height="20">`,
		`<em>Not there</em>`,
		`<iframe src="/b/embed/lessons/qos2/?step=5&amp;lang=zh" title="嵌入的课程：QoS 2：四次握手" loading="lazy"`,
		`<a href="/b/lessons/qos2/?step=5&amp;lang=zh">在单独的页面中打开这节课程</a>`,
		"<table>", "<td>2</td>",
		`<pre tabindex="0"><code class="language-sh">code`,
		"中文第一行，第二行。",
		"English, then\n<code>code</code> and <a href=\"/b/docs/zh/lessons/\">a link</a>, then a comma,\nand 中文\nGo 代码。",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s:\n%s", want, html)
		}
	}
	for _, bad := range []string{"<script", "onmouseover", "onerror", "<b ", "embed:"} {
		if strings.Contains(html, bad) {
			t.Errorf("the page holds %q: raw HTML must be left out:\n%s", bad, html)
		}
	}
}

// A lesson's title is text in the frame's title attribute.
func TestFrameTitleEscaped(t *testing.T) {
	out, err := render("<!-- embed: qos2 -->\n", testLinks("en"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `src="/b/embed/lessons/qos2/?lang=en" title="Lesson, embedded: QoS 2 &lt;fast&gt;"`; !strings.Contains(string(out), want) {
		t.Errorf("frame = %s, want %s", out, want)
	}
}

func TestBadFrameMarkers(t *testing.T) {
	for _, marker := range []string{
		"<!-- embed: nosuchlesson -->",
		"<!-- embed: qos2 step=0 -->",
		"<!-- embed: qos2 step=x -->",
		"<!-- embed: qos2 speed=2 -->",
		"<!-- embed: -->",
	} {
		if _, err := render(marker+"\n", testLinks("en")); err == nil {
			t.Errorf("%s: no error, want one naming what is wrong", marker)
		}
	}
	// Another comment is not a marker: goldmark leaves it out.
	if _, err := render("<!-- a note -->\n", testLinks("en")); err != nil {
		t.Errorf("a plain comment: %v", err)
	}
}

func TestHeadingIDs(t *testing.T) {
	ids := &headingIDs{seen: map[string]bool{}}
	for _, c := range []struct{ text, want string }{
		{"State · 状态", "state--状态"},
		{"The watch page", "the-watch-page"},
		{"`mqttviz broker`: on real sockets", "mqttviz-broker-on-real-sockets"},
		{"Catalogue · 课程目录", "catalogue--课程目录"},
		{"The watch page", "the-watch-page-1"},
		{"The watch page", "the-watch-page-2"},
		{"简体中文", "简体中文"},
		{"!!!", "section"},
	} {
		if got := string(ids.Generate([]byte(c.text), 0)); got != c.want {
			t.Errorf("id of %q = %q, want %q", c.text, got, c.want)
		}
	}
}
