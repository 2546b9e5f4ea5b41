package ui

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestScenarioPageOpens: a link in the fragment comes first, then ?src=,
// then the draft, then the example; a link that does not open says why and
// leaves the draft in the box.
func TestScenarioPageOpens(t *testing.T) {
	linked := "title en: Linked\nclient a\nconnect a\n"
	old := "title en: Old link\nclient a\n"
	for _, tt := range []struct {
		name, address string
		wantSource    string
		wantFault     *shareFault
	}{
		{"fragment", "/scenario#" + encodeShare(linked), linked, nil},
		{"fragment before src", "/scenario?src=" + url.QueryEscape(old) + "#" + encodeShare(linked), linked, nil},
		{"src", "/scenario?src=" + url.QueryEscape(old), old, nil},
		{"nothing", "/scenario", exampleScenario, nil},
		{"future", "/scenario#v7.AAAA", exampleScenario, ptr(shareFuture)},
		{"broken", "/scenario#v1.%25%25", exampleScenario, ptr(shareBroken)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newScenarioPage()
			d := app.NewClientTester(p)
			defer d.Close()
			u, err := url.Parse("http://127.0.0.1" + tt.address)
			if err != nil {
				t.Fatal(err)
			}
			d.Nav(u)
			d.Consume()
			if p.source != tt.wantSource {
				t.Errorf("source %.30q, want %.30q", p.source, tt.wantSource)
			}
			html := app.HTMLString(p)
			switch {
			case tt.wantFault == nil && p.shareErr != nil:
				t.Errorf("unexpected link error %v", p.shareErr)
			case tt.wantFault != nil && (p.shareErr == nil || p.shareErr.fault != *tt.wantFault):
				t.Errorf("link error %v, want fault %d", p.shareErr, *tt.wantFault)
			case tt.wantFault != nil && !strings.Contains(html, `id="scenario-link-error"`):
				t.Error("the page does not say why the link did not open")
			}
			if p.phase != scenarioShown {
				t.Errorf("phase %d, want the trace shown", p.phase)
			}
		})
	}
}

// TestScenarioPageFails: a scenario that does not parse shows its place,
// marks its line and no title of an earlier run.
func TestScenarioPageFails(t *testing.T) {
	p := newScenarioPage()
	d := app.NewClientTester(p)
	defer d.Close()
	u, _ := url.Parse("http://127.0.0.1/scenario")
	d.Nav(u)
	d.Consume()
	p.source = "title en: Broken\nclient a\npublish a t \"x\" qos=3\n"
	p.start(p.ctx)
	p.Update()
	d.Consume()
	html := app.HTMLString(p)
	if p.phase != scenarioFailed || p.problem == nil || p.problem.Line != 3 {
		t.Fatalf("phase %d, problem %+v", p.phase, p.problem)
	}
	for _, want := range []string{`id="scenario-error-place"`, `<span class="mark-error">3</span>`} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	_, after, _ := strings.Cut(html, `id="scenario-heading">`)
	if heading, _, _ := strings.Cut(after, "<"); heading != "The scenario does not run" {
		t.Errorf("the heading reads %q", heading)
	}
}

func ptr[T any](v T) *T { return &v }
