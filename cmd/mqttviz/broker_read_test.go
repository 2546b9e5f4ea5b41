package main

import (
	"bytes"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"

	"mqttviz/codec"
)

// TestDeviceReaderTCP: a device's reader delivers every byte in order
// and then the end, whatever the reads: bytes that come after a read
// that did not fill its buffer (the reader then waits without reading
// again), a read that fills it (the reader reads on), and a close; both
// when the loop has room at once and when it has none at first (the
// reader then waits for it outside the runtime's poll call).
func TestDeviceReaderTCP(t *testing.T) {
	for _, room := range []bool{true, false} {
		t.Run(map[bool]string{true: "room", false: "no room"}[room], func(t *testing.T) { readAll(t, room) })
	}
}

// readAll is TestDeviceReaderTCP with room or not.
func readAll(t *testing.T, room bool) {
	dev, c := tcpPair(t)
	reads := make(chan []byte, 1000)
	r := newDeviceReader(c, 1, newFakeLoop(t, room, nil), func(b []byte) { reads <- bytes.Clone(b) })
	if r.raw == nil {
		t.Fatal("a TCP connection's reader does not read its socket itself")
	}
	ended := make(chan error, 1)
	go func() { ended <- r.run() }()
	var got []byte
	// waitFor reads deliveries until got holds n bytes.
	waitFor := func(n int) {
		t.Helper()
		for len(got) < n {
			select {
			case b := <-reads:
				got = append(got, b...)
			case err := <-ended:
				t.Fatalf("the reader ended (%v) after %d bytes, want %d", err, len(got), n)
			case <-time.After(30 * time.Second):
				t.Fatalf("%d bytes delivered, want %d", len(got), n)
			}
		}
	}
	var want []byte
	send := func(b []byte) {
		t.Helper()
		want = append(want, b...)
		if _, err := dev.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	// Short reads, each waited for, so that the reader waits between them.
	for i := range 5 {
		send([]byte{0x30, byte(i)})
		waitFor(len(want))
	}
	// More than a buffer at once.
	big := make([]byte, 3*readBufSize+17)
	for i := range big {
		big[i] = byte(i * 7)
	}
	send(big)
	waitFor(len(want))
	send([]byte("after"))
	waitFor(len(want))
	dev.Close()
	select {
	case err := <-ended:
		if err != io.EOF {
			t.Errorf("the reader ended with %v, want io.EOF", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the reader did not end after the device closed")
	}
	if !bytes.Equal(got, want) {
		t.Errorf("delivered %d bytes, not the %d sent in order", len(got), len(want))
	}
}

// TestDeviceReaderStops: once the loop refuses what the reader posts
// (the broker stopped), the reader reads no more and ends without an
// error.
func TestDeviceReaderStops(t *testing.T) {
	dev, c := tcpPair(t)
	r := newDeviceReader(c, 1, stoppedLoop{}, func([]byte) { t.Error("a read handled after the broker stopped") })
	ended := make(chan error, 1)
	go func() { ended <- r.run() }()
	dev.Write([]byte{0x10})
	select {
	case err := <-ended:
		if err != nil {
			t.Errorf("the reader ended with %v, want nil", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the reader did not end when the loop refused")
	}
}

// TestDeviceReaderBounded: a device that sends faster than the loop
// takes its reads finds its bytes waiting in the kernel: its reader
// queues at most maxQueuedReads reads, then waits for the loop, and
// every byte still arrives in order once the loop runs.
func TestDeviceReaderBounded(t *testing.T) {
	dev, c := tcpPair(t)
	release := make(chan struct{})
	loop := newFakeLoop(t, true, release)
	var got []byte
	r := newDeviceReader(c, 1, loop, func(b []byte) { got = append(got, b...) })
	want := make([]byte, 256<<10) // far more than maxQueuedReads buffers
	for i := range want {
		want[i] = byte(i / 7)
	}
	go dev.Write(want)
	go r.run()
	select {
	case <-loop.waited:
	case <-time.After(30 * time.Second):
		r.mu.Lock()
		n := len(r.queued)
		r.mu.Unlock()
		t.Fatalf("the reader never waited for a loop that takes nothing: %d reads queued", n)
	}
	r.mu.Lock()
	n := len(r.queued)
	r.mu.Unlock()
	if n > maxQueuedReads {
		t.Errorf("%d reads queued for the loop, want at most %d", n, maxQueuedReads)
	}
	close(release)
	for deadline := time.Now().Add(30 * time.Second); ; {
		var done bool
		if !loop.do(func() { done = len(got) >= len(want) }) || done || time.Now().After(deadline) {
			break
		}
	}
	loop.do(func() {
		if !bytes.Equal(got, want) {
			t.Errorf("the loop got %d bytes, not the %d sent in order", len(got), len(want))
		}
	})
}

// fakeLoop is the broker's loop for a reader under test: a goroutine
// that runs what it is handed, in turn, once release is closed (nil: at
// once). Without room, it refuses what is offered without waiting.
// waited gets a value each time the reader waits for the loop to catch
// up.
type fakeLoop struct {
	fs     chan func()
	room   bool
	waited chan struct{}
}

func newFakeLoop(t *testing.T, room bool, release chan struct{}) *fakeLoop {
	l := &fakeLoop{fs: make(chan func(), 1000), room: room, waited: make(chan struct{}, 100)}
	quit := make(chan struct{})
	t.Cleanup(func() { close(quit) })
	go func() {
		if release != nil {
			select {
			case <-release:
			case <-quit:
				return
			}
		}
		for {
			select {
			case f := <-l.fs:
				f()
			case <-quit:
				return
			}
		}
	}()
	return l
}

func (l *fakeLoop) offer(f func(), wait bool) bool {
	if !wait && !l.room {
		return false
	}
	l.fs <- f
	return true
}

func (l *fakeLoop) caughtUp() bool {
	select {
	case l.waited <- struct{}{}:
	default:
	}
	return l.do(func() {})
}

// do runs f on the loop and waits for it.
func (l *fakeLoop) do(f func()) bool {
	done := make(chan struct{})
	l.fs <- func() { f(); close(done) }
	<-done
	return true
}

// stoppedLoop is the loop of a broker that stopped: it takes nothing.
type stoppedLoop struct{}

func (stoppedLoop) offer(func(), bool) bool { return false }
func (stoppedLoop) caughtUp() bool          { return false }

// tcpPair is a loopback TCP connection: the device's end and the
// broker's, closed when t ends.
func tcpPair(t *testing.T) (dev, broker net.Conn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dev, err = net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dev.Close() })
	broker, err = ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { broker.Close() })
	return dev, broker
}

// TestBrokerIdleReaderStack: an idle device costs the broker a reader
// goroutine of the smallest stack, 2 KiB, after a CONNECT and a PINGREQ
// read (docs/performance.md, idle memory). Handing reads to the loop from
// inside the runtime's poll call had grown each to 4 KiB. It measures in
// a process of its own: the stacks that earlier tests freed would hide
// new ones.
func TestBrokerIdleReaderStack(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's frames are larger: the stacks it measures are not the broker's")
	}
	if os.Getenv(stackChild) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBrokerIdleReaderStack$", "-test.v")
		cmd.Env = append(os.Environ(), stackChild+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		t.Logf("%s", out)
		return
	}
	const conns = 200
	tb := startTestBroker(t)
	before := stackInUse()
	connect, err := codec.Append(nil, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, ClientID: "idle"})
	if err != nil {
		t.Fatal(err)
	}
	reply := make([]byte, 4)
	for i := range conns {
		c, err := net.Dial("tcp", tb.tcpAddr())
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(30 * time.Second))
		// Each its own client id: a taken one closes the other.
		p := append(connect[:len(connect):len(connect)], byte('a'+i%26), byte('a'+i/26))
		p[1] += 2
		p[13] += 2
		for _, step := range []struct {
			send  []byte
			reply []byte
		}{{p, reply[:4]}, {[]byte{0xc0, 0}, reply[:2]}} {
			if _, err := c.Write(step.send); err != nil {
				t.Fatal(err)
			}
			if _, err := io.ReadFull(c, step.reply); err != nil {
				t.Fatalf("connection %d: %v, want a reply to % x", i, err, step.send[0])
			}
		}
	}
	per := (stackInUse() - before) / conns
	t.Logf("%d bytes of goroutine stacks per idle device", per)
	if per > 3<<10 {
		t.Errorf("%d bytes of goroutine stacks per idle device, want 2 KiB (one reader's)", per)
	}
}

// stackChild is set in the environment of TestBrokerIdleReaderStack's
// own process.
const stackChild = "MQTTVIZ_STACK_CHILD"

// stackInUse is the goroutine stacks in use after a collection.
func stackInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.StackInuse)
}
