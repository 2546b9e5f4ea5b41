package sim

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

// TestDeterminismStates hashes the state after every step of the random
// worlds of TestDeterminism and compares with
// testdata/determinism-states.txt, written when every step carried its
// full State: however states are stored, the state after step N stays
// what it was, natively and in WebAssembly.
func TestDeterminismStates(t *testing.T) {
	var lines []string
	for _, seed := range determinismSeeds {
		w, err := deliveryRun(seed, true)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		tr := w.Trace()
		h := sha256.New()
		for i := range tr.Steps {
			b, err := json.Marshal(stateAfter(tr, i))
			if err != nil {
				t.Fatal(err)
			}
			h.Write(b)
			h.Write([]byte{'\n'})
		}
		lines = append(lines, hex.EncodeToString(h.Sum(nil))+" seed "+strconv.FormatInt(seed, 10)+", "+strconv.Itoa(len(tr.Steps))+" steps")
	}
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "determinism-states.txt")
	if simtest.Update() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestDeterminismStates -update natively)", err)
	}
	if got != string(want) {
		t.Errorf("state hashes differ from %s:\ngot:\n%swant:\n%s", path, got, want)
	}
}

// stateAfter is the state after step i of tr.
func stateAfter(tr *trace.Trace, i int) *trace.State { return tr.StateAt(i) }
