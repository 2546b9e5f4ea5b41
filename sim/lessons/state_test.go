package lessons

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
)

// TestLessonStates hashes, for every lesson, the JSON of the state after
// each of its steps and compares the hashes with testdata/states.txt. The
// file was written by the engine that recorded a full State on every
// step: however states are stored, the state after step N stays what it
// was.
func TestLessonStates(t *testing.T) {
	var lines []string
	for _, l := range Lessons() {
		tr, err := RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		for i := range tr.Steps {
			b, err := json.Marshal(stateAfter(tr, i))
			if err != nil {
				t.Fatal(err)
			}
			h.Write(b)
			h.Write([]byte{'\n'})
		}
		lines = append(lines, hex.EncodeToString(h.Sum(nil))+" "+l.Name+", "+strconv.Itoa(len(tr.Steps))+" steps")
	}
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "states.txt")
	if simtest.Update() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestLessonStates -update)", err)
	}
	if d := simtest.FirstDifference(string(want), got); d != "" {
		t.Errorf("the states after the steps differ from %s:\n%s", path, d)
	}
}

// stateAfter is the state after step i of tr.
func stateAfter(tr *trace.Trace, i int) *trace.State { return tr.StateAt(i) }
