package sim

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mqttviz/sim/internal/simtest"
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
		lines = append(lines, simtest.StatesHash(t, tr)+" seed "+strconv.FormatInt(seed, 10)+", "+strconv.Itoa(len(tr.Steps))+" steps")
	}
	simtest.Golden(t, filepath.Join("testdata", "determinism-states.txt"), strings.Join(lines, "\n")+"\n")
}
