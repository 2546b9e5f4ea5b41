package ui

import (
	"errors"
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// A player page keeps its step in its address, ?step=N counted from 1 as
// "Step N of M" counts, and the language it shows in ?lang=en or
// ?lang=zh: a link opens at that step in that language, and Back from
// another page comes back to it. The address is replaced in place as the
// cursor moves (no history entry per step); the other parameters (seed)
// and the fragment (a shared scenario) stay as they are. Only the browser
// reads either: the server pre-renders a page from its path alone.
const (
	stepParam = "step"
	langParam = "lang"
	// srcParam is the scenario page's older link form, ?src=TEXT.
	srcParam = "src"
)

// stepIndex returns the cursor (from 0) that the value raw of ?step=
// asks for in a trace of n steps: the nearest step there is, the first
// for a value that is no number. n must be at least 1.
func stepIndex(raw string, n int) int {
	i, err := strconv.Atoi(raw)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		// Atoi gives the nearest int for a number out of its range.
		i = 1
	}
	if i < 1 {
		// Below 1, and i-1 must not wrap around from the smallest int.
		return 0
	}
	return views.ClampStep(i-1, n)
}

// stepAddress returns the address u with the step at cursor (from 0)
// and, when lang is set, the language in its query; its other parameters
// and fragment are kept.
func stepAddress(u url.URL, cursor int, lang string) string {
	q := u.Query()
	q.Set(stepParam, strconv.Itoa(cursor+1))
	if lang != "" {
		q.Set(langParam, i18n.Norm(lang))
	}
	u.RawQuery = q.Encode()
	u.Scheme, u.Host, u.User = "", "", nil
	return u.String()
}

// AddressLang returns the language ?lang= names, or "" for none this
// app speaks. The server reads it only to choose between the files it
// pre-rendered (PageIn).
func AddressLang(q url.Values) string {
	switch l := q.Get(langParam); l {
	case i18n.EN, i18n.ZH:
		return l
	}
	return ""
}

// stepKeeper is the part of the player that keeps its step in the
// address. A page that keeps it (every player page but the live one,
// which follows the newest step) sets keep.
type stepKeeper struct {
	keep bool
	// want is the value of ?step= of the address the page opened, for
	// the next trace loaded; hasWant says there is one.
	want    string
	hasWant bool
	// lang is the language the address carries, observed from the
	// language state.
	lang string
	// link, when set, is the fragment that carries the page's scenario
	// (encodeShare) of an address that carries it in the older ?src=
	// form: the next write moves it there, so that the address stays
	// short. A 5,000-line ?src= link is 284 KB, read, parsed and written
	// again on every step.
	link string
	// cursor is the step of the last write, and path the address's path
	// then: the write is dropped if the app has opened another page.
	cursor int
	path   string
}

// aim takes the step the address u asks for: the next trace loaded opens
// there.
func (k *stepKeeper) aim(u *url.URL) {
	q := u.Query()
	k.want, k.hasWant = q.Get(stepParam), q.Has(stepParam)
}

// opening returns the cursor a trace of n steps (at least 1) opens at,
// and forgets the address's step: a trace loaded later starts at the
// first step.
func (k *stepKeeper) opening(n int) int {
	if !k.hasWant {
		return 0
	}
	k.hasWant = false
	return stepIndex(k.want, n)
}

// takeLang switches the app to the language the address u names, if it
// names one.
func takeLang(ctx app.Context, u *url.URL) {
	if l := AddressLang(u.Query()); l != "" {
		ctx.SetState(views.StateLang, l, app.Persist)
	}
}

// observeLang keeps k.lang in step with the language state, and the
// address with it once the page shows a step (shown returns the cursor,
// or false before there is a trace).
func (k *stepKeeper) observeLang(ctx app.Context, shown func() (int, bool)) {
	if !k.keep {
		return
	}
	ctx.ObserveState(views.StateLang).
		OnChange(func() {
			if c, ok := shown(); ok {
				k.write(c)
			}
		}).
		Value(&k.lang)
	// No language chosen yet is English, as the pages show it.
	k.lang = i18n.Norm(k.lang)
}

// write puts the step at cursor in the address, soon
// (jsb.ReplaceAddressSoon): of a run of steps, the last one.
func (k *stepKeeper) write(cursor int) {
	if !k.keep || !app.IsClient {
		return
	}
	k.cursor, k.path = cursor, jsb.AddressPath()
	jsb.ReplaceAddressSoon(k.address)
}

// address is the browser's address with the step of the last write, and
// the scenario moved from ?src= to the fragment if it is still there;
// "" if the address is another page's by now (the app navigated).
func (k *stepKeeper) address() string {
	u := *app.Window().URL()
	if u.EscapedPath() != k.path {
		return ""
	}
	if k.link != "" {
		q := u.Query()
		q.Del(srcParam)
		u.RawQuery, u.Fragment, u.RawFragment = q.Encode(), k.link, ""
		k.link = ""
	}
	return stepAddress(u, k.cursor, k.lang)
}
