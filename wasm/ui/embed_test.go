package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/wasm/jsb"
	"net/url"
	"testing"
)

func TestParseEmbedOptions(t *testing.T) {
	tests := []struct {
		query string
		want  embedOptions
	}{
		{"", embedOptions{Lang: "en", Speed: 1}},
		{"lang=zh&autoplay=1&speed=2&panels=inspector,state,events", embedOptions{Lang: "zh", Autoplay: true, Speed: 2, Panels: embedPanels{true, true, true}}},
		{"autoplay=true&panels=state", embedOptions{Lang: "en", Autoplay: true, Speed: 1, Panels: embedPanels{State: true}}},
		// What it does not understand it ignores.
		{"lang=fr&autoplay=yes&speed=3&panels=header,,inspector", embedOptions{Lang: "en", Speed: 1, Panels: embedPanels{Inspector: true}}},
		{"speed=-1", embedOptions{Lang: "en", Speed: 1}},
		{"speed=NaN", embedOptions{Lang: "en", Speed: 1}},
		{"speed=0.5", embedOptions{Lang: "en", Speed: 0.5}},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		if got := parseEmbedOptions(q); got != tt.want {
			t.Errorf("parseEmbedOptions(%q) = %+v, want %+v", tt.query, got, tt.want)
		}
	}
}

func TestParseHostCommand(t *testing.T) {
	msg := func(typ string, v float64, more ...func(*jsb.ParentMessage)) jsb.ParentMessage {
		m := jsb.ParentMessage{Type: typ, V: v, HasV: true}
		for _, f := range more {
			f(&m)
		}
		return m
	}
	step := func(s float64) func(*jsb.ParentMessage) {
		return func(m *jsb.ParentMessage) { m.Step, m.HasStep = s, true }
	}
	lang := func(l string) func(*jsb.ParentMessage) { return func(m *jsb.ParentMessage) { m.Lang = l } }
	tests := []struct {
		name string
		m    jsb.ParentMessage
		want hostCommand
		ok   bool
	}{
		{"play", msg(msgPlay, 1), hostCommand{Type: msgPlay}, true},
		{"pause", msg(msgPause, 1), hostCommand{Type: msgPause}, true},
		{"goto", msg(msgGoto, 1, step(3)), hostCommand{Type: msgGoto, Step: 3}, true},
		{"goto last", msg(msgGoto, 1, step(10)), hostCommand{Type: msgGoto, Step: 10}, true},
		{"lang", msg(msgLang, 1, lang("zh")), hostCommand{Type: msgLang, Lang: "zh"}, true},
		{"no version", jsb.ParentMessage{Type: msgPlay}, hostCommand{}, false},
		{"version 2", msg(msgPlay, 2), hostCommand{}, false},
		{"unknown type", msg("mqttviz:reload", 1), hostCommand{}, false},
		{"not namespaced", msg("play", 1), hostCommand{}, false},
		{"goto no step", msg(msgGoto, 1), hostCommand{}, false},
		{"goto 0", msg(msgGoto, 1, step(0)), hostCommand{}, false},
		{"goto past the end", msg(msgGoto, 1, step(11)), hostCommand{}, false},
		{"goto 2.5", msg(msgGoto, 1, step(2.5)), hostCommand{}, false},
		{"goto -1", msg(msgGoto, 1, step(-1)), hostCommand{}, false},
		{"goto 1e300", msg(msgGoto, 1, step(1e300)), hostCommand{}, false},
		{"lang fr", msg(msgLang, 1, lang("fr")), hostCommand{}, false},
		{"lang empty", msg(msgLang, 1), hostCommand{}, false},
		{"height from the host", msg(msgHeight, 1), hostCommand{}, false},
	}
	for _, tt := range tests {
		got, ok := parseHostCommand(tt.m, 10)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: parseHostCommand = %+v, %v; want %+v, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
	if _, ok := parseHostCommand(msg(msgPlay, 1), 0); ok {
		t.Error("play accepted with nothing to play")
	}
}

func TestFullPage(t *testing.T) {
	tests := map[string]string{
		"/embed/lessons/qos2/?step=3&panels=state&lang=zh": "/lessons/qos2/?lang=zh&step=4",
		"/embed/decode/?hex=c000":                          "/decode/?hex=c000&lang=zh&step=4",
		"/embed/scenario/#v1.abc":                          "/scenario/?lang=zh&step=4#v1.abc",
	}
	for in, want := range tests {
		u, _ := url.Parse(in)
		if got := fullPage(u, 4, "zh"); got != want {
			t.Errorf("fullPage(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestEmbedPages(t *testing.T) {
	name := lessons.Lessons()[0].Name
	for _, p := range []string{"/embed/lessons/" + name + "/", "/embed/scenario/", "/embed/decode/"} {
		for _, in := range []string{p, p + "index.html", p[:len(p)-1]} {
			if got, ok := PagePath(in); !ok || got != p {
				t.Errorf("PagePath(%q) = %q, %v; want %q", in, got, ok, p)
			}
		}
	}
	if _, ok := PagePath("/embed/lessons/no-such-lesson/"); ok {
		t.Error("an embed of no lesson is a page")
	}
	if _, ok := PagePath("/embed/"); ok {
		t.Error("/embed/ is a page")
	}
}

// TestEmbedNoModeKeys: P does not enter presenter mode in an embed,
// which draws neither mode.
func TestEmbedNoModeKeys(t *testing.T) {
	tr, err := lessons.RunLesson("qos2", 1)
	if err != nil {
		t.Fatal(err)
	}
	p := newEmbedLessonPage()
	p.load(tr)
	if p.modeKey(jsb.KeyPress{Key: "p"}) != nil {
		t.Error("P is a mode key in an embed")
	}
	page := newLessonPage()
	page.load(tr)
	if page.modeKey(jsb.KeyPress{Key: "p"}) == nil {
		t.Error("P is no mode key on the lesson page")
	}
}
