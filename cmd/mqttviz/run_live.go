package main

import (
	"fmt"
	"io"
	"time"

	"mqttviz/sim/live"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
)

// liveRun is the outcome of a scenario run against a real broker: its
// trace (expectations included) and its differences from the same
// scenario simulated.
type liveRun struct {
	trace *trace.Trace
	diffs []script.Difference
}

// runAgainst runs sc against the broker at addr on the wall clock, with a
// countdown on progress for each wait line, then runs it simulated with
// seed and compares. A line that cannot run against a real broker gives
// a *script.ParseError before anything connects.
func runAgainst(sc *script.Scenario, addr brokerURL, seed int64, progress io.Writer, lang string) (*liveRun, error) {
	simulated, err := sc.Run(seed)
	if err != nil {
		return nil, err
	}
	loop := newLiveLoop()
	defer loop.stop()
	clock := &wallClock{start: time.Now(), loop: loop}
	net := newNetTransport(addr, loop)
	rec := live.NewRecorder(live.Options{Source: trace.SourceLive})
	d := live.NewDriver(clock, net, rec, addr.String())
	net.d = d
	defer net.closeAll()
	lr, err := sc.StartLive(live.NewScriptTarget(d))
	if err != nil {
		return nil, err
	}
	for {
		w, done, err := lr.Step()
		if err != nil {
			return nil, err
		}
		if done {
			break
		}
		if w.For == script.WaitLine {
			fmt.Fprintf(progress, "%s\n", say(lang, liveWaiting, w.Line, float64(w.Until-clock.Now())/1000))
		}
		woke := false
		clock.At(w.Until, func() { woke = true })
		loop.runUntil(func() bool { return woke })
	}
	t := lr.Trace()
	return &liveRun{trace: t, diffs: script.Compare(simulated, t)}, nil
}

// liveWords are what a live run prints, in both languages.
type liveWord uint8

const (
	liveWaiting liveWord = iota
	liveDiffs
	liveNoDiffs
	liveUnobservable
)

var liveWords = map[liveWord]trace.Text{
	liveWaiting:      {EN: "line %d: waiting %.1f s", ZH: "第 %d 行：等待 %.1f 秒"},
	liveDiffs:        {EN: "differences from the simulated broker: %d", ZH: "与模拟服务端的差异：%d 处"},
	liveNoDiffs:      {EN: "no difference from the simulated broker in what the clients received", ZH: "客户端收到的报文与模拟服务端完全一致"},
	liveUnobservable: {EN: "%d expectations are not observable on a real broker", ZH: "%d 条预期在真实服务端上无法观察"},
}

// say is word w in lang with its arguments.
func say(lang string, w liveWord, args ...any) string {
	return fmt.Sprintf(liveWords[w].In(lang), args...)
}

// writeDiffs prints the differences, one a line.
func writeDiffs(w io.Writer, diffs []script.Difference, lang string) {
	if len(diffs) == 0 {
		fmt.Fprintln(w, say(lang, liveNoDiffs))
		return
	}
	fmt.Fprintln(w, say(lang, liveDiffs, len(diffs)))
	for _, d := range diffs {
		fmt.Fprintf(w, "  %s\n", d.Text.In(lang))
	}
}
