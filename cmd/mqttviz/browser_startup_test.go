package main

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// countViewsAdded makes every new document of ctx count, once parsed,
// the times a whole page is added (go-app mounting it) in
// window.__pagesAdded and whether the last one held a player view in
// window.__mountedWithView, the times a player view is added to a page that
// was already there in window.__viewsAdded, and the times the scenario
// page showed a run's progress in window.__progressShown.
// before runs first in each new document.
func countViewsAdded(t *testing.T, ctx context.Context, before string) {
	t.Helper()
	onEveryDocument(t, ctx, before+`
		window.__viewsAdded = 0;
		window.__progressShown = 0;
		window.__pagesAdded = 0;
		// The parser adds the pre-rendered page's nodes one by one.
		document.addEventListener("DOMContentLoaded", () => { window.__pagesAdded = 0; window.__viewsAdded = 0; window.__progressShown = 0; });
		new MutationObserver(ms => {
			for (const m of ms) for (const n of m.addedNodes) {
				if (n.nodeType !== 1) continue;
				// The whole page goes in once, when go-app mounts it.
				if (n.classList.contains("page")) {
					window.__pagesAdded++;
					window.__mountedWithView = !!n.querySelector(".player-view");
					continue;
				}
				if (n.matches(".player-view") || n.querySelector(".player-view")) window.__viewsAdded++;
				if (n.id === "scenario-progress" || n.querySelector("#scenario-progress")) window.__progressShown++;
			}
		}).observe(document, {childList: true, subtree: true});`)
}

// TestBrowserScenarioMountsWhole opens the scenario page with the
// example, with a draft kept in the browser and with a share link: each
// time the page must mount once, whole, with its run's trace, as the
// lesson page does (TestBrowserStartsOverPaintedPage). It mounted an empty
// page first (the run started in OnNav, after the first render), showed
// the run's progress over it and then added the trace: the page's body
// was built twice and the trace was drawn into the page after the mount.
func TestBrowserScenarioMountsWhole(t *testing.T) {
	draft := strings.Replace(exampleScenarioForTest, "21.5", "19.0", -1)
	quoted, _ := json.Marshal(draft)
	stored, _ := json.Marshal(string(quoted))
	cases := []struct {
		name, path, before, want string
	}{
		{"example", "/scenario/", "", "21.5"},
		{"draft", "/scenario/", `localStorage.setItem("mqttviz.scenario.draft", ` + string(stored) + `);`, "19.0"},
		{"share link", "/scenario/?src=" + url.QueryEscape(draft), "", "19.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := newBrowser(t, 1280, 800)
			countViewsAdded(t, ctx, c.before)
			open(t, ctx, appURL(t), c.path)
			waitFor(t, ctx, `!!document.querySelector("#scenario-heading") && !!document.querySelector(".player-view")`)
			if n := eval[int](t, ctx, `window.__pagesAdded`); n != 1 {
				t.Errorf("the page was mounted %d times, want once", n)
			}
			if !eval[bool](t, ctx, `window.__mountedWithView === true`) {
				t.Errorf("the page was mounted without its trace's player view")
			}
			if n := eval[int](t, ctx, `window.__viewsAdded`); n != 0 {
				t.Errorf("the player view was added on its own %d times: the trace was drawn over a page mounted without it", n)
			}
			if n := eval[int](t, ctx, `window.__progressShown`); n != 0 {
				t.Errorf("the run's progress was shown %d times over the pre-rendered trace", n)
			}
			if got := eval[string](t, ctx, `document.getElementById("scenario-input").value`); !strings.Contains(got, c.want) {
				t.Errorf("the editor holds %.80q…, want the scenario with %s", got, c.want)
			}
		})
	}
}

// exampleScenarioForTest is a short scenario whose payload the cases
// above change to tell a draft from the example.
const exampleScenarioForTest = `title en: QoS 1 with a lost PUBACK
client sensor id=sensor-1 clean=0
client phone
connect sensor
connect phone
subscribe phone devices/# qos=1
publish sensor devices/sensor/temp "21.5" qos=1
`
