package simtest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"testing"

	"mqttviz/sim/trace"
)

// StatesHash hashes the JSON of the state after each step of tr, one
// line each: two traces whose states after every step are equal hash
// the same, however the trace stores them.
func StatesHash(t testing.TB, tr *trace.Trace) string {
	t.Helper()
	h := sha256.New()
	for i := range tr.Steps {
		b, err := json.Marshal(tr.StateAt(i))
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}
