package script

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestScenarioRunMatchesRun runs every lesson, and scenarios that stop
// with an error, in slices of several sizes: the trace and the error are
// the ones Scenario.Run gives.
func TestScenarioRunMatchesRun(t *testing.T) {
	sources := map[string]string{
		"refused": "client a\nconnect a\nconnect a\n",
		"empty":   "",
		"clients": "client a\nclient b\n",
	}
	for name, src := range lessonSources(t) {
		sources[name] = src
	}
	for name, src := range sources {
		sc, err := Parse(name, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, wantErr := sc.Run(1)
		for _, n := range []int{0, 1, 3, 1000} {
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				sc, _ := Parse(name, src)
				run := sc.Start(1)
				if _, err := run.Trace(); want != nil && len(sc.stmts) > 0 && err == nil {
					t.Error("Trace before the run is over gives no error")
				}
				slices := 0
				for done := false; !done; slices++ {
					ran, _, _ := run.Progress()
					done, err = run.Step(n)
					if after, _, _ := run.Progress(); !done && after <= ran {
						t.Fatalf("Step(%d) ran nothing", n)
					}
					if slices > len(sc.stmts)+1 {
						t.Fatal("the run does not end")
					}
				}
				got, err := run.Trace()
				if fmt.Sprint(err) != fmt.Sprint(wantErr) {
					t.Fatalf("error %v, want %v", err, wantErr)
				}
				if wantErr != nil {
					return
				}
				if ran, total, steps := run.Progress(); ran != total || steps != len(want.Steps) {
					t.Errorf("progress %d/%d with %d steps, want all with %d", ran, total, steps, len(want.Steps))
				}
				gj, _ := json.Marshal(got)
				wj, _ := json.Marshal(want)
				if string(gj) != string(wj) {
					t.Error("the trace differs from Scenario.Run's")
				}
			})
		}
	}
}

// TestScenarioParseInSlices parses every lesson and scripts that do not
// parse a few lines at a time: the scenario (its trace) or the error is the
// one of a parse in one go.
func TestScenarioParseInSlices(t *testing.T) {
	sources := map[string]string{
		"bad qos":     "client a\nconnect a\npublish a t \"x\" qos=3\nwait 1s\n",
		"open repeat": "client a\nconnect a\nrepeat 2\npublish a t \"x\"\n",
		"empty":       "",
		"one line":    "client a",
	}
	for name, src := range lessonSources(t) {
		sources[name] = src
	}
	for name, src := range sources {
		want, wantErr := StartParse(name, src).Finish()
		var wantTrace []byte
		if wantErr == nil {
			tr, _ := want.Run(1)
			wantTrace, _ = json.Marshal(tr)
		}
		for _, n := range []int{1, 7} {
			p := StartParse(name, src)
			var err error
			for done, last := false, -1; !done; {
				done, err = p.Step(n)
				read, total := p.Progress()
				if read <= last || read > total {
					t.Fatalf("%s: progress %d of %d after %d", name, read, total, last)
				}
				last = read
			}
			sc, ferr := p.Finish()
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || fmt.Sprint(ferr) != fmt.Sprint(wantErr) {
				t.Fatalf("%s in slices of %d: %v, %v; want %v", name, n, err, ferr, wantErr)
			}
			if wantErr != nil {
				continue
			}
			tr, _ := sc.Run(1)
			if got, _ := json.Marshal(tr); string(got) != string(wantTrace) {
				t.Errorf("%s in slices of %d: another trace", name, n)
			}
		}
	}
	if _, err := Parse("x", sources["open repeat"]); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("an open repeat block: %v", err)
	}
}
