package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// brokerRuntime sets Go's runtime for `mqttviz broker` and returns what
// sets it back: one processor (oneProcessor) and the collector paced to
// the recording (paceCollector). Settings in the environment (GOMAXPROCS,
// GOGC) are the user's and win.
func brokerRuntime() (restore func()) {
	procs := 0
	if oneProcessor(os.LookupEnv) {
		procs = runtime.GOMAXPROCS(1)
	}
	stop := paceCollector()
	return func() {
		stop()
		if procs > 0 {
			runtime.GOMAXPROCS(procs)
		}
	}
}

// oneProcessor says whether the broker runs its Go code on one processor:
// unless GOMAXPROCS is in the environment (lookup is os.LookupEnv). The
// broker's core is one loop and every other goroutine mostly waits in
// the network poller; on one processor the runtime polls the network
// when the loop has nothing to do, as an epoll loop does, without
// waking goroutines across threads. Blocking system calls still get
// threads of their own. At 100×1 it spent 13–16 % less CPU a delivery,
// and brokerload compare met mosquitto's throughput and p99 in all but
// one row of two runs (docs/performance.md, section Broker, session 18).
func oneProcessor(lookup func(string) (string, bool)) bool {
	_, set := lookup("GOMAXPROCS")
	return !set
}

// gcHeadroom is the least the heap of `mqttviz broker` grows between two
// collections. Its heap is mostly the recording, a few MB: at Go's
// default (GOGC 100) the collector ran every few MB allocated, a dozen
// times a second under load, and its marking sat in the deliveries'
// p99 (docs/performance.md, section Broker). A larger heap keeps the
// default, so the headroom adds at most this much memory.
const gcHeadroom = 32 << 20

// maxGCPercent bounds the GOGC paceCollector sets for a heap of almost
// nothing.
const maxGCPercent = 10000

// gcPercentFor is the GOGC that lets a heap of live bytes grow by
// gcHeadroom before the next collection, or by Go's default 100 % when
// that is more.
func gcPercentFor(live uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	return int(min(max(gcHeadroom*100/live, 100), maxGCPercent))
}

// gcCycle is the object whose finalizer marks the end of a collection: a
// pointer field keeps it out of the tiny allocator, whose objects'
// finalizers may never run.
type gcCycle struct{ _ *byte }

// paceCollector sets the collector's GOGC after every collection to
// gcPercentFor the heap live then, until the returned stop is called,
// which sets Go's default back. A GOGC in the environment is the user's
// choice: it is left alone.
func paceCollector() (stop func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	var mu sync.Mutex
	stopped := false
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	current := 100
	var arm func()
	arm = func() {
		runtime.SetFinalizer(&gcCycle{}, func(*gcCycle) {
			mu.Lock()
			defer mu.Unlock()
			if stopped {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				if p := gcPercentFor(sample[0].Value.Uint64()); p != current {
					current = p
					debug.SetGCPercent(p)
				}
			}
			arm()
		})
	}
	arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		stopped = true
		debug.SetGCPercent(100)
	}
}
