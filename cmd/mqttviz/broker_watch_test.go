package main

import (
	"context"
	"errors"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// watchURL is the watch stream of a broker started with --http.
func (tb *testBroker) watchURL() string {
	return "ws://" + tb.srv.httpLn.Addr().String() + watchStreamPath
}

// dialWatch opens the watch stream as a page of origin would (none for
// "").
func dialWatch(t *testing.T, url, origin string) (*websocket.Conn, *http.Response, error) {
	t.Helper()
	h := http.Header{}
	if origin != "" {
		h.Set("Origin", origin)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, res, err := websocket.Dial(ctx, url, &websocket.DialOptions{HTTPHeader: h})
	if c != nil {
		c.SetReadLimit(64 << 20)
		t.Cleanup(func() { c.CloseNow() })
	}
	return c, res, err
}

// watchUnread are, per stream, the steps of messages already read that
// readWatch has not yet looked at: one message may carry the step one
// call looks for and the steps the next call looks for.
var (
	watchUnreadMu sync.Mutex
	watchUnread   = map[*websocket.Conn][]trace.Step{}
)

// readWatch reads stream messages, each checked with trace.Read, until
// one of their steps satisfies ok, and returns it; the steps after it
// are kept for the next call.
func readWatch(t *testing.T, c *websocket.Conn, what string, ok func(trace.Step) bool) trace.Step {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	for {
		watchUnreadMu.Lock()
		steps := watchUnread[c]
		watchUnreadMu.Unlock()
		for i, s := range steps {
			if ok(s) {
				watchUnreadMu.Lock()
				watchUnread[c] = steps[i+1:]
				watchUnreadMu.Unlock()
				return s
			}
		}
		typ, b, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("the stream ended before %s: %v", what, err)
		}
		if typ != websocket.MessageText {
			t.Fatalf("a %v message, want text", typ)
		}
		tr, err := trace.Read(b)
		if err != nil {
			t.Fatalf("a message is not a trace: %v", err)
		}
		watchUnreadMu.Lock()
		watchUnread[c] = tr.Steps
		watchUnreadMu.Unlock()
	}
}

func TestBrokerWatchOrigin(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir)
	if _, res, err := dialWatch(t, tb.watchURL(), "http://evil.example"); err == nil || res == nil || res.StatusCode != http.StatusForbidden {
		t.Fatalf("a page from another origin opened the watch stream (err %v, response %v)", err, res)
	}
	c, _, err := dialWatch(t, tb.watchURL(), "http://"+tb.srv.httpLn.Addr().String())
	if err != nil {
		t.Fatalf("the app's own origin: %v", err)
	}
	tb.pub("-i", "pub1", "-t", "a/b", "-m", "hello", "-u", "u", "-P", "secret")
	connect := readWatch(t, c, "the CONNECT", func(s trace.Step) bool { return s.Packet == codec.CONNECT })
	if strings.Contains(string(connect.Bytes), "secret") || !strings.Contains(string(connect.Bytes), "******") {
		t.Errorf("the password is not masked in the stream: %q", connect.Bytes)
	}
	readWatch(t, c, "the PUBLISH of pub1", func(s trace.Step) bool {
		return s.Packet == codec.PUBLISH && s.From == "pub1" && strings.Contains(string(s.Bytes), "hello")
	})
	// The stream is read-only: a message from the page ends it.
	c.Write(context.Background(), websocket.MessageText, []byte("hi"))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for {
		if _, _, err := c.Read(ctx); err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				t.Fatal("the stream took a message from the page and stayed open")
			}
			break
		}
	}
}

func TestBrokerWatchRevealPasswords(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir, "--reveal-passwords")
	c, _, err := dialWatch(t, tb.watchURL(), "")
	if err != nil {
		t.Fatal(err)
	}
	tb.pub("-i", "pub1", "-t", "a/b", "-m", "hello", "-u", "u", "-P", "secret")
	connect := readWatch(t, c, "the CONNECT", func(s trace.Step) bool { return s.Packet == codec.CONNECT })
	if !strings.Contains(string(connect.Bytes), "secret") {
		t.Errorf("--reveal-passwords: the password is masked: %q", connect.Bytes)
	}
}

// TestBrokerWatchStalled: a watch page that stops reading never holds
// the broker back: a mosquitto_pub publisher and a subscriber are served
// meanwhile, and once the page reads again it gets a gap step counting
// what it missed, with the broker's state to catch up from.
func TestBrokerWatchStalled(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir, "--watch-buffer", "4")
	stalled, _, err := dialWatch(t, tb.watchURL(), "")
	if err != nil {
		t.Fatal(err)
	}
	const n = 3000
	sub := tb.startSub("sub1", "-t", "load", "-C", "3000")
	line := strings.Repeat("x", 1000) + "\n"
	pub := exec.Command(mosquittoClient(t, "mosquitto_pub"), "-h", "127.0.0.1", "-p", tb.port(), "-i", "pub1", "-t", "load", "-l")
	pub.Stdin = strings.NewReader(strings.Repeat(line, n))
	if out, err := pub.CombinedOutput(); err != nil {
		t.Fatalf("mosquitto_pub: %v\n%s", err, out)
	}
	if got := strings.Count(sub.wait(t), "\n"); got != n {
		t.Fatalf("the subscriber got %d messages, want %d", got, n)
	}
	gap := readWatch(t, stalled, "a gap step", func(s trace.Step) bool { return s.Kind == trace.KindGap })
	if gap.Missed <= 0 || gap.Snapshot == nil || gap.Snapshot.Broker == nil {
		t.Fatalf("the gap step: missed %d, snapshot %v", gap.Missed, gap.Snapshot)
	}
	if !strings.Contains(gap.Notes[0].Text.EN, "steps missed") {
		t.Errorf("the gap's note: %q", gap.Notes[0].Text.EN)
	}
	// Caught up, the page gets the steps that come next. The page may
	// still be catching up when a step comes (the gap it read was not
	// the last: the broker recorded faster than the stream's pace), and
	// that step is then missed too, so a late publisher publishes every
	// half second until the page shows one.
	done := make(chan struct{})
	defer close(done)
	path := mosquittoClient(t, "mosquitto_pub")
	go func() {
		for {
			exec.Command(path, "-h", "127.0.0.1", "-p", tb.port(), "-i", "late", "-t", "after", "-m", "x").Run()
			select {
			case <-done:
				return
			case <-time.After(500 * time.Millisecond):
			}
		}
	}()
	readWatch(t, stalled, "the late publisher's PUBLISH", func(s trace.Step) bool { return s.Packet == codec.PUBLISH && s.From == "late" })
}

// TestBrokerWatchBounded: a page that opens the stream late gets every
// step the broker keeps, in messages of at most watchBatchSteps steps.
func TestBrokerWatchBounded(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir)
	pub := exec.Command(mosquittoClient(t, "mosquitto_pub"), "-h", "127.0.0.1", "-p", tb.port(), "-i", "pub1", "-t", "load", "-l", "-q", "1")
	pub.Stdin = strings.NewReader(strings.Repeat("hello\n", 100))
	if out, err := pub.CombinedOutput(); err != nil {
		t.Fatalf("mosquitto_pub: %v\n%s", err, out)
	}
	want := len(tb.waitStepsSettled())
	c, _, err := dialWatch(t, tb.watchURL(), "")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	got, messages := 0, 0
	for got < want {
		_, b, err := c.Read(ctx)
		if err != nil {
			t.Fatalf("after %d of %d steps: %v", got, want, err)
		}
		tr, err := trace.Read(b)
		if err != nil {
			t.Fatal(err)
		}
		if len(tr.Steps) > watchBatchSteps {
			t.Fatalf("a message of %d steps, more than %d", len(tr.Steps), watchBatchSteps)
		}
		got += len(tr.Steps)
		messages++
	}
	if got != want || messages < 2 {
		t.Errorf("%d steps in %d messages, want %d steps in several", got, messages, want)
	}
}

// waitStepsSettled returns the recording once no step came for 300 ms.
func (tb *testBroker) waitStepsSettled() []trace.Step {
	n := -1
	for {
		steps := tb.steps()
		if len(steps) == n {
			return steps
		}
		n = len(steps)
		time.Sleep(300 * time.Millisecond)
	}
}

// TestBrokerWatchSeveral: two watch pages at once both get every step.
func TestBrokerWatchSeveral(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	tb := startTestBroker(t, "--http", "127.0.0.1:0", "--web", dir)
	a, _, err := dialWatch(t, tb.watchURL(), "")
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := dialWatch(t, tb.watchURL(), "")
	if err != nil {
		t.Fatal(err)
	}
	tb.pub("-i", "pub1", "-t", "a/b", "-m", "both")
	for _, c := range []*websocket.Conn{a, b} {
		readWatch(t, c, "the PUBLISH", func(s trace.Step) bool { return s.Packet == codec.PUBLISH && s.From == "pub1" })
	}
}
