package sim

import (
	"fmt"
	"testing"

	"mqttviz/sim/internal/simtest"
)

// TestPcapngRandomWorlds checks the captures of random lossy worlds.
func TestPcapngRandomWorlds(t *testing.T) {
	for _, seed := range determinismSeeds {
		w, err := deliveryRun(seed, false)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		_, recs := simtest.PcapngOf(t, w.Trace())
		simtest.CheckStreams(t, recs)
		simtest.CheckLeftOut(t, fmt.Sprint("seed ", seed), w.Trace(), recs)
	}
}
