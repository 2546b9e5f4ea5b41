package main

import (
	"context"
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
