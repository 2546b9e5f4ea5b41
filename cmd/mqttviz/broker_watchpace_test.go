package main

import (
	"context"
	"encoding/json"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"mqttviz/sim/trace"
)

// TestBrokerWatchPaced: while a publisher floods the broker, a page that
// reads all the time (its messages paced, at most one every watchEvery)
// gets every step the broker records or a gap step counting it: none is
// lost without a word, none counted twice.
func TestBrokerWatchPaced(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir, "--keep", "200000")
	c, _, err := dialWatch(t, tb.watchURL(), "")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu                          sync.Mutex
		got, missed, gaps, messages int
		readErr                     error
	)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	go func() {
		for {
			_, b, err := c.Read(ctx)
			if err == nil {
				var tr *trace.Trace
				if tr, err = trace.Read(b); err == nil {
					mu.Lock()
					messages++
					for _, s := range tr.Steps {
						if s.Kind == trace.KindGap {
							missed += s.Missed
							gaps++
						} else {
							got++
						}
					}
					mu.Unlock()
					continue
				}
			}
			mu.Lock()
			readErr = err
			mu.Unlock()
			return
		}
	}()
	pub := exec.Command(mosquittoClient(t, "mosquitto_pub"), "-h", "127.0.0.1", "-p", tb.port(), "-i", "pub1", "-t", "load", "-l")
	pub.Stdin = strings.NewReader(strings.Repeat("hello\n", 100000))
	if out, err := pub.CombinedOutput(); err != nil {
		t.Fatalf("mosquitto_pub: %v\n%s", err, out)
	}
	total := len(tb.waitStepsSettled())
	for {
		mu.Lock()
		done, err := got+missed >= total, readErr
		mu.Unlock()
		if done || err != nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if got+missed != total || gaps == 0 {
		t.Fatalf("%d steps and %d missed in %d gaps (%v), want %d in all and a gap", got, missed, gaps, readErr, total)
	}
}

// TestBrokerWatchStartStates: a page that opens the stream late gets the
// steps the broker keeps, each message starting with the whole state,
// built from the steps' recorded changes on the stream's side (not from
// the state of every step on the broker's loop), and the state after
// every step is the broker's own. The recording keeps 90 steps, so that
// its snapshots, after drops, fall anywhere in a message.
func TestBrokerWatchStartStates(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir, "--keep", "90")
	for _, id := range []string{"sub1", "sub2"} {
		tb.startSub(id, "-t", "load", "-q", "1", "-C", "100")
	}
	pub := exec.Command(mosquittoClient(t, "mosquitto_pub"), "-h", "127.0.0.1", "-p", tb.port(), "-i", "pub1", "-t", "load", "-l", "-q", "1")
	pub.Stdin = strings.NewReader(strings.Repeat("hello\n", 100))
	if out, err := pub.CombinedOutput(); err != nil {
		t.Fatalf("mosquitto_pub: %v\n%s", err, out)
	}
	steps := tb.waitStepsSettled()
	var want []string
	tb.srv.onLoop(func() {
		tr := tb.srv.drv.Recorder().Trace()
		for i := range steps {
			want = append(want, stateJSON(t, tr.StateAt(i)))
		}
	})
	c, _, err := dialWatch(t, tb.watchURL(), "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	got := 0
	for got < len(want) {
		_, b, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("after %d of %d steps: %v", got, len(want), err)
		}
		tr, err := trace.Read(b)
		if err != nil {
			t.Fatal(err)
		}
		for i := range tr.Steps {
			if s := stateJSON(t, tr.StateAt(i)); s != want[got] {
				t.Fatalf("step %d (%s): the page's state\n%s\nthe broker's\n%s", got, tr.Steps[i].Label.EN, s, want[got])
			}
			got++
		}
	}
}

// stateJSON is the broker's part of st as JSON (a broker's trace has no
// clients' states).
func stateJSON(t *testing.T, st *trace.State) string {
	if st == nil {
		return "no state"
	}
	b, err := json.Marshal(st.Broker)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
