package sim

import (
	"encoding/json"
	"fmt"
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
	for _, l := range Lessons() {
		sources[l.Name], _ = LessonSource(l.Name)
	}
	for name, src := range sources {
		sc, err := ParseScenario(name, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, wantErr := sc.Run(1)
		for _, n := range []int{0, 1, 3, 1000} {
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				sc, _ := ParseScenario(name, src)
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
