package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/wasm/i18n"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// An embed is a player without the site around it, for an iframe in
// someone else's page (docs/embed.md): /embed/lessons/NAME/,
// /embed/scenario/#<a scenario link's fragment> and /embed/decode/?hex=….
// Its address says how it opens: ?step=N (from 1), ?lang=en|zh (the
// only place its language comes from: storage in a third-party frame is
// partitioned, and a host's reader may never have seen the site),
// ?autoplay=1, ?speed=S (one of the player's speeds) and
// ?panels=inspector,state,events (the diagram alone by default).
const (
	embedPrefix   = "/embed"
	autoplayParam = "autoplay"
	speedParam    = "speed"
	panelsParam   = "panels"
)

// embedPanels are the panels an embed shows beside its diagram.
type embedPanels struct {
	Inspector, State, Events bool
}

// embedOptions are what an embed's address asks for, besides its step
// (the player's stepKeeper reads that).
type embedOptions struct {
	// Lang is the language of ?lang=, English when there is none.
	Lang     string
	Autoplay bool
	// Speed is one of speeds, 1 unless ?speed= names another.
	Speed  float64
	Panels embedPanels
}

// parseEmbedOptions reads an embed's address. What it does not
// understand it ignores: an unknown panel, a speed the player does not
// offer, an autoplay other than 1 or true.
func parseEmbedOptions(q url.Values) embedOptions {
	o := embedOptions{Lang: i18n.EN, Speed: 1}
	if l := AddressLang(q); l != "" {
		o.Lang = l
	}
	switch q.Get(autoplayParam) {
	case "1", "true":
		o.Autoplay = true
	}
	if s, err := strconv.ParseFloat(q.Get(speedParam), 64); err == nil {
		for _, v := range speeds {
			if v == s {
				o.Speed = s
			}
		}
	}
	for _, name := range strings.Split(q.Get(panelsParam), ",") {
		switch strings.TrimSpace(name) {
		case "inspector":
			o.Panels.Inspector = true
		case "state":
			o.Panels.State = true
		case "events":
			o.Panels.Events = true
		}
	}
	return o
}

// registerEmbeds routes the embeds, as Register does the pages.
func registerEmbeds() {
	app.RouteWithRegexpFunc(`^/embed/lessons/[^/]+/?(index\.html)?$`, func() app.Composer { return newEmbedLessonPage() })
	app.RouteWithRegexpFunc(`^/embed/scenario/?(index\.html)?$`, func() app.Composer { return newEmbedScenarioPage() })
	app.RouteWithRegexpFunc(`^/embed/decode/?(index\.html)?$`, func() app.Composer { return newEmbedDecodePage() })
}

// embedPages are the embed pages in the form links use: one per
// built-in lesson, the scenario's and the decoder's.
func embedPages() []string {
	var pages []string
	for _, name := range lessons.LessonNames() {
		pages = append(pages, embedPrefix+"/lessons/"+name+"/")
	}
	return append(pages, embedPrefix+"/scenario/", embedPrefix+"/decode/")
}

// isEmbed reports whether the address path is an embed's.
func isEmbed(path string) bool {
	return strings.HasPrefix(strings.TrimPrefix(path, strings.TrimSuffix(link("/"), "/")), embedPrefix+"/")
}

// fullPage is the address of the site's own page that an embed at u
// shows, at the same step and in the same language, for the embed's
// "Open in mqttviz" link.
func fullPage(u *url.URL, step int, lang string) string {
	v := *u
	v.Path = strings.TrimPrefix(strings.TrimPrefix(v.Path, strings.TrimSuffix(link("/"), "/")), embedPrefix)
	q := url.Values{}
	if h := u.Query().Get("hex"); h != "" {
		q.Set("hex", h)
	}
	if step > 0 {
		q.Set(stepParam, strconv.Itoa(step))
	}
	q.Set(langParam, i18n.Norm(lang))
	v.RawQuery = q.Encode()
	v.Scheme, v.Host, v.User = "", "", nil
	return link(v.String())
}
