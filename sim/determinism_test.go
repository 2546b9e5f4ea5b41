package sim

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"mqttviz/sim/internal/simtest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// determinismSeeds are the random worlds whose JSON traces, snapshots
// included, are hashed into testdata/determinism.txt.
var determinismSeeds = []int64{1, 2, 3, 42, 2026}

// TestDeterminism hashes the JSON trace of a few random lossy worlds and
// compares the hashes with testdata/determinism.txt, written natively with
// -update. The WebAssembly test run compares with the same file: the same
// seed gives the same trace byte for byte on both.
func TestDeterminism(t *testing.T) {
	var lines []string
	for _, seed := range determinismSeeds {
		w, err := deliveryRun(seed, true)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		b, err := json.Marshal(w.Trace())
		if err != nil {
			t.Fatal(err)
		}
		again, _ := deliveryRun(seed, true)
		b2, _ := json.Marshal(again.Trace())
		if string(b) != string(b2) {
			t.Fatalf("seed %d: two runs in one process differ", seed)
		}
		sum := sha256.Sum256(b)
		lines = append(lines, hex.EncodeToString(sum[:])+" seed "+strconv.FormatInt(seed, 10)+", "+strconv.Itoa(len(w.Trace().Steps))+" steps")
	}
	got := strings.Join(lines, "\n") + "\n"
	path := filepath.Join("testdata", "determinism.txt")
	if simtest.Update() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestDeterminism -update natively)", err)
	}
	if got != string(want) {
		t.Errorf("trace hashes differ from %s (rewrite with -update after a deliberate change):\ngot:\n%swant:\n%s", path, got, want)
	}
}
