package ui

import (
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// shareDialog is a page's Share dialog: the link to the view, the
// iframe snippet of its embed, Markdown with a picture of the diagram
// and the Mermaid text, each with a Copy button. It is a modal dialog
// (jsb.OpenModal): the focus moves in, Tab stays inside, Escape and
// Close close it and give the focus back to the Share button. The
// button and the S key open it.
type shareDialog struct {
	// of is what the page's view links to, false while there is nothing
	// to share; nil on a page without the dialog. has says, without
	// building it, whether of has a target.
	of   func(lang string) (shareTarget, bool)
	has  func() bool
	open bool
	// status is what the last copy or download did, announced.
	status      string
	release     func()
	releaseKeys func()
}

// The ids of the Share button and the dialog.
const (
	shareButtonID = "share-open"
	shareDialogID = "share-dialog"
)

// shareKind is one of the dialog's texts.
type shareKind string

// The dialog's texts, in the order it shows them.
const (
	shareOfLink     shareKind = "link"
	shareOfEmbed    shareKind = "embed"
	shareOfMarkdown shareKind = "markdown"
	shareOfMermaid  shareKind = "mermaid"
)

// fieldID and copyID name a text's field and its Copy button.
func (k shareKind) fieldID() string { return "share-" + string(k) }
func (k shareKind) copyID() string  { return "share-copy-" + string(k) }

// mount makes S open the dialog, where the key is no field's.
func (d *shareDialog) mount(ctx app.Context) {
	if d == nil || d.of == nil {
		return
	}
	d.releaseKeys = jsb.ListenKeys(func(k jsb.KeyPress) bool {
		if (k.Key != "s" && k.Key != "S") || k.Modified || k.Editable || k.OwnKeys ||
			k.Tag == "INPUT" || k.Tag == "TEXTAREA" || k.Tag == "SELECT" {
			return false
		}
		ctx.Dispatch(func(ctx app.Context) {
			if d.has != nil && d.has() && !d.open {
				d.show(ctx)
			}
		})
		return true
	})
}

// dismount removes the key and closes the dialog.
func (d *shareDialog) dismount() {
	if d == nil {
		return
	}
	if d.releaseKeys != nil {
		d.releaseKeys()
		d.releaseKeys = nil
	}
	if d.release != nil {
		d.release()
		d.release = nil
	}
	d.open = false
}

// show opens the dialog, the focus on its first Copy button.
func (d *shareDialog) show(ctx app.Context) {
	d.open, d.status = true, ""
	ctx.Defer(func(ctx app.Context) {
		d.release = jsb.OpenModal(shareDialogID, shareButtonID, func() { ctx.Dispatch(d.hide) })
		jsb.Focus(shareFirstFocus)
	})
}

// shareFirstFocus is where the focus goes in the dialog: its Close
// button, the one control every dialog has, first in its order.
const shareFirstFocus = "share-close"

// hide closes the dialog, the focus back on the Share button.
func (d *shareDialog) hide(ctx app.Context) {
	if !d.open {
		return
	}
	d.open = false
	if d.release != nil {
		d.release()
		d.release = nil
	}
	ctx.Defer(func(app.Context) { jsb.Focus(shareButtonID) })
}

// renderButton is the Share button, nil when the page has nothing to
// share.
func (d *shareDialog) renderButton(lang string) app.UI {
	if d == nil || d.of == nil || d.has == nil || !d.has() {
		return nil
	}
	return app.Button().ID(shareButtonID).Type("button").Class("mode-toggle share-open").
		Aria("haspopup", "dialog").Aria("keyshortcuts", "S").
		Title(tr(lang, "share.open.title")).
		OnClick(func(ctx app.Context, e app.Event) { d.show(ctx) }).
		Text(tr(lang, "share.open"))
}

// render is the dialog while it is open, for trace t (already redacted
// as the page shows it) at cursor; nil while closed.
func (d *shareDialog) render(t *trace.Trace, cursor int, lang string) app.UI {
	if d == nil || !d.open || d.of == nil || !app.IsClient {
		return nil
	}
	target, ok := d.of(lang)
	if !ok {
		return nil
	}
	site := siteOf(app.Window().URL())
	heading := tr(lang, "share.title.decode")
	linkKey := "share.link.decode"
	if target.stepped && t != nil {
		heading = tr(lang, "share.title", cursor+1, len(t.Steps))
		linkKey = "share.link"
	}
	body := []app.UI{
		app.Div().Class("share-head").Body(
			app.H2().ID("share-heading").Text(heading),
			app.Button().ID(shareFirstFocus).Type("button").Class("share-close").
				OnClick(func(ctx app.Context, e app.Event) { d.hide(ctx) }).Text(tr(lang, "share.close")),
		),
		app.P().Class("share-intro").Text(tr(lang, "share.intro")),
	}
	href := site.shareLink(target, cursor, lang)
	if href == "" {
		body = append(body, app.P().ID("share-nolink").Class("share-note").Text(tr(lang, "share.nolink")))
	} else {
		body = append(body,
			d.renderText(shareOfLink, tr(lang, linkKey), href, 1, lang),
			d.renderText(shareOfEmbed, tr(lang, "share.embed"), iframeSnippet(site.embedLink(target, cursor, lang), target.title), 3, lang),
		)
	}
	if t != nil && len(t.Steps) > 0 {
		image, download := site.shareImage(target, t, lang)
		var extra []app.UI
		if download {
			extra = append(extra,
				app.P().ID("share-download-why").Class("share-note").Text(tr(lang, "share.download.why", image)),
				app.Button().ID("share-download").Type("button").Class("save-trace").
					OnClick(func(ctx app.Context, e app.Event) { d.download(t, image, lang) }).
					Text(tr(lang, "share.download")),
			)
		}
		body = append(body,
			d.renderText(shareOfMarkdown, tr(lang, "share.markdown"), markdownSnippet(target.title, image, href), 3, lang, extra...),
			// A text field drops a last line break.
			d.renderText(shareOfMermaid, tr(lang, "share.mermaid"), strings.TrimSuffix(trace.FormatMermaid(t, lang), "\n"), 8, lang),
		)
	}
	body = append(body, app.P().ID("share-status").Class("share-status").Role("status").Aria("live", "polite").Text(d.status))
	return app.Dialog().ID(shareDialogID).Class("share-dialog").Aria("labelledby", "share-heading").Aria("modal", true).Body(body...)
}

// renderText is one of the dialog's texts: its label, the text in a
// read-only field and its Copy button, then extra.
func (d *shareDialog) renderText(k shareKind, label, text string, rows int, lang string, extra ...app.UI) app.UI {
	var field app.UI
	if rows == 1 {
		field = app.Input().ID(k.fieldID()).Class("share-text").Type("text").ReadOnly(true).Spellcheck(false).Value(text)
	} else {
		field = app.Textarea().ID(k.fieldID()).Class("share-text").ReadOnly(true).Spellcheck(false).Rows(rows).Text(text)
	}
	copyLabel := tr(lang, "share.copy."+string(k))
	return app.Div().Class("share-item").Body(append([]app.UI{
		app.Label().For(k.fieldID()).Text(label),
		app.Div().Class("share-row").Body(
			field,
			app.Button().ID(k.copyID()).Type("button").Class("save-trace share-copy").
				Aria("label", copyLabel).Title(copyLabel).
				OnClick(func(ctx app.Context, e app.Event) { d.copy(ctx, k, text, lang) }, k, text).
				Text(tr(lang, "share.copy")),
		),
	}, extra...)...)
}

// copy puts text on the clipboard and says so; where the browser does
// not let the page, it selects the text for the reader's Ctrl+C.
func (d *shareDialog) copy(ctx app.Context, k shareKind, text, lang string) {
	what := tr(lang, "share.what."+string(k))
	jsb.CopyText(text, func(err error) {
		ctx.Dispatch(func(app.Context) {
			if err == nil {
				d.status = tr(lang, "share.copied", what)
				return
			}
			jsb.SelectText(k.fieldID())
			d.status = tr(lang, "share.selected", what)
		})
	})
}

// download saves the diagram of t as name, the file the Markdown shows.
func (d *shareDialog) download(t *trace.Trace, name, lang string) {
	if err := jsb.Download(name, "image/svg+xml", []byte(trace.FormatSVG(t, lang))); err != nil {
		d.status = tr(lang, "share.savefailed", err.Error())
		return
	}
	d.status = tr(lang, "share.saved", name)
}

// changedFragment is the fragment of the instructor's changed scenario,
// "" while nothing is changed: a changed lesson is shared as a scenario.
func (in *instructor) changedFragment() string {
	if in == nil || in.hist == nil || in.hist.Changes() == 0 {
		return ""
	}
	_, frag, _ := strings.Cut(in.share, "#")
	return frag
}
