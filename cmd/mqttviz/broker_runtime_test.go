package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

func TestOneProcessor(t *testing.T) {
	env := func(kv map[string]string) func(string) (string, bool) {
		return func(k string) (string, bool) { v, ok := kv[k]; return v, ok }
	}
	if !oneProcessor(env(nil)) {
		t.Error("without GOMAXPROCS in the environment the broker keeps every processor")
	}
	if oneProcessor(env(map[string]string{"GOMAXPROCS": "4"})) || oneProcessor(env(map[string]string{"GOMAXPROCS": ""})) {
		t.Error("the broker overrides the GOMAXPROCS of the environment")
	}
}

func TestGCPercentFor(t *testing.T) {
	for _, tt := range []struct {
		live uint64
		want int
	}{
		{0, maxGCPercent},
		{1, maxGCPercent},
		{gcHeadroom / 200, maxGCPercent}, // 20,000 % is more than the bound
		{4 << 20, 800},                   // 4 MB grows by 32 MB: 800 %
		{8 << 20, 400},
		{gcHeadroom, 100},
		{gcHeadroom + 1, 100}, // never below Go's default
		{1 << 30, 100},
	} {
		if got := gcPercentFor(tt.live); got != tt.want {
			t.Errorf("gcPercentFor(%d) = %d, want %d", tt.live, got, tt.want)
		}
	}
}

// gogc is the collector's GOGC now.
func gogc() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestPaceCollector: after a collection of this test process's heap (a
// few MB, under gcHeadroom) GOGC is above the default, and stop sets the
// default back. A GOGC from the environment is left alone.
func TestPaceCollector(t *testing.T) {
	if v, ok := os.LookupEnv("GOGC"); ok {
		t.Skipf("GOGC=%s is set: the pacer leaves it alone", v)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	stop := paceCollector()
	deadline := time.Now().Add(10 * time.Second)
	for gogc() == 100 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if got := gogc(); got <= 100 {
		stop()
		t.Fatalf("after collections GOGC is %d, want more than 100", got)
	}
	stop()
	if got := gogc(); got != 100 {
		t.Errorf("after stop GOGC is %d, want 100", got)
	}
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	if got := gogc(); got != 100 {
		t.Errorf("a collection after stop set GOGC to %d", got)
	}

	t.Setenv("GOGC", "100")
	stop = paceCollector()
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	stop()
	if got := gogc(); got != 100 {
		t.Errorf("with GOGC in the environment the pacer set %d", got)
	}
}
