package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/coder/websocket"

	"mqttviz/sim"
	"mqttviz/sim/live"
	"mqttviz/sim/trace"
	"mqttviz/wasm/ui"
)

// deviceWriteTimeout is how long one write to a device may take before the
// broker gives the connection up.
const deviceWriteTimeout = 10 * time.Second

// brokerServer is `mqttviz broker` running: its listeners, one loop
// goroutine that owns the broker driver (and so the broker core and its
// recording), and two goroutines per connection that read and write. The
// I/O goroutines reach the driver only by posting functions to the loop.
type brokerServer struct {
	cfg    brokerConfig
	start  time.Time
	events chan func()
	quit   chan struct{}
	loopWG sync.WaitGroup
	ioWG   sync.WaitGroup
	nextID atomic.Int64

	// drv, conns and unwritten belong to the loop; unwritten are the
	// connections written to since the loop last flushed.
	drv       *live.BrokerDriver
	conns     map[int]*netConn
	unwritten []*netConn

	tcpLn, wsLn, httpLn net.Listener
	servers             []*http.Server
	stopOnce            sync.Once
}

// netConn is one device's connection. The loop appends what the broker
// writes to pending; the writer goroutine takes all of it at once, so a
// burst of small packets is one system call, and a device that reads too
// slowly is closed once writeQueue bytes wait for it. The writer runs
// only while there is something to write or to close: an idle device
// costs one goroutine, its reader.
type netConn struct {
	c net.Conn
	// raw is a TCP connection's, which the loop writes to itself when
	// the kernel takes the bytes at once (nil: a WebSocket's); unwritten
	// says it is in the loop's list.
	raw       syscall.RawConn
	unwritten bool
	// writeFD is toFD, made once; wrote is what it wrote.
	writeFD func(fd uintptr) bool
	wrote   int
	mu      sync.Mutex
	// pending are the bytes not yet taken by the writer; closing says no
	// more come: the writer closes the connection once it wrote them.
	pending []byte
	closing bool
	// writing says the writer goroutine runs.
	writing bool
}

// toFD writes what is pending to the socket fd without waiting (the
// loop's write; nc.mu is held): wrote is how many bytes the kernel took.
func (nc *netConn) toFD(fd uintptr) bool {
	nc.wrote, _ = syscall.Write(int(fd), nc.pending)
	return true
}

// startWriter starts nc's writer unless it runs; nc.mu is held.
func (s *brokerServer) startWriter(nc *netConn) {
	if !nc.writing {
		nc.writing = true
		s.ioWG.Add(1)
		go s.write(nc)
	}
}

// startBroker listens where cfg says, prints where and how to connect,
// and serves until shutdown.
func startBroker(cfg brokerConfig, stdout io.Writer) (*brokerServer, error) {
	s := &brokerServer{cfg: cfg, start: time.Now(), events: make(chan func(), 256), quit: make(chan struct{}), conns: map[int]*netConn{}}
	rec := live.NewRecorder(live.Options{Source: trace.SourceBroker, Start: s.start.UTC().Format("2006-01-02T15:04:05.000Z"), Keep: cfg.keep, MaxPacket: cfg.maxPacket})
	s.drv = live.NewBrokerDriver(s, s, rec, sim.NewBroker(cfg.opts), cfg.limits)
	var err error
	var app http.Handler
	if cfg.http != "" {
		site, err := loadSite(cfg.web)
		if err != nil {
			return nil, err
		}
		site.env = map[string]string{ui.WatchEnv: "/watch/"} // the header links to it
		if app, err = site.Handler(); err != nil {
			return nil, err
		}
	}
	listen := func(addr string) net.Listener {
		if addr == "" || err != nil {
			return nil
		}
		var ln net.Listener
		ln, err = net.Listen("tcp", addr)
		return ln
	}
	s.tcpLn, s.wsLn, s.httpLn = listen(cfg.tcp), listen(cfg.ws), listen(cfg.http)
	if err != nil {
		s.closeListeners()
		return nil, err
	}
	s.loopWG.Add(1)
	go s.loop()
	if s.tcpLn != nil {
		go s.acceptTCP()
	}
	if s.wsLn != nil {
		mux := http.NewServeMux()
		mux.HandleFunc("/mqtt", s.serveWS)
		s.serve(s.wsLn, mux)
	}
	if s.httpLn != nil {
		s.serve(s.httpLn, s.httpHandler(app))
	}
	s.printWelcome(stdout)
	return s, nil
}

// serve serves h on ln in its own goroutine.
func (s *brokerServer) serve(ln net.Listener, h http.Handler) {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	s.servers = append(s.servers, srv)
	go srv.Serve(ln)
}

// printWelcome says where the broker listens and how to connect.
func (s *brokerServer) printWelcome(w io.Writer) {
	fmt.Fprintln(w, "mqttviz broker: the simulator's MQTT 3.1.1 broker on real sockets")
	host, port := "127.0.0.1", "1883"
	if s.tcpLn != nil {
		fmt.Fprintf(w, "  MQTT over TCP        %s\n", s.tcpLn.Addr())
		host, port, _ = net.SplitHostPort(s.tcpLn.Addr().String())
	}
	if s.wsLn != nil {
		fmt.Fprintf(w, "  MQTT over WebSocket  ws://%s/mqtt (subprotocol mqtt)\n", s.wsLn.Addr())
	}
	if s.httpLn != nil {
		fmt.Fprintf(w, "  the app              http://%s/\n", s.httpLn.Addr())
		fmt.Fprintf(w, "  the watch page       http://%s/watch/ (every device's packets and the broker's state)\n", s.httpLn.Addr())
	}
	if s.tcpLn != nil {
		fmt.Fprintln(w, "Connect a device, for example:")
		fmt.Fprintf(w, "  mosquitto_sub -h %s -p %s -t 'test/#' -v\n", host, port)
		fmt.Fprintf(w, "  mosquitto_pub -h %s -p %s -t test/hello -m 'hello' -q 1\n", host, port)
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		fmt.Fprintln(w, "Only this machine can connect (loopback): name another address, such as --tcp 0.0.0.0:1883, for devices on your network.")
	}
	fmt.Fprintln(w, "Ctrl+C closes every connection and stops the broker.")
}

// loop runs what the I/O goroutines and the timers post, one at a time,
// and writes what the broker wrote once nothing more waits.
func (s *brokerServer) loop() {
	defer s.loopWG.Done()
	for n := 0; ; {
		select {
		case f := <-s.events:
			f()
			n++
			// Before it writes, the loop lets the readers that are
			// ready to run post what they read, so that one write
			// carries their packets to a subscriber (at fan-in the
			// loop had run after each reader: a system call per
			// delivery).
			if len(s.events) == 0 && n < flushEvery {
				runtime.Gosched()
			}
			// What the broker wrote goes out once nothing more waits,
			// and at the latest every flushEvery events: under a steady
			// stream of events the bytes for the devices piled up
			// unwritten until the device seemed to read too slowly
			// (TestBrokerWatchStalled's subscriber was cut off).
			if len(s.events) == 0 || n >= flushEvery {
				s.flush()
				n = 0
			}
		case <-s.quit:
			return
		}
	}
}

// flushEvery is how many events the loop runs at most before it writes
// what the broker wrote.
const flushEvery = 32

// flush writes what waits for the connections written to since the last
// flush: a TCP connection's bytes go with one system call from the loop
// when the kernel takes them all at once (the common case: a burst of
// packets is one call, and no goroutine starts); the rest, and a
// WebSocket's, go through the connection's writer goroutine.
func (s *brokerServer) flush() {
	for i, nc := range s.unwritten {
		s.unwritten[i] = nil
		nc.unwritten = false
		nc.mu.Lock()
		if !nc.writing && !nc.closing && len(nc.pending) > 0 {
			nc.wrote = 0
			nc.raw.Write(nc.writeFD)
			if n := nc.wrote; n == len(nc.pending) {
				nc.pending = nc.pending[:0]
			} else {
				nc.pending = nc.pending[max(n, 0):]
				s.startWriter(nc)
			}
		}
		nc.mu.Unlock()
	}
	s.unwritten = s.unwritten[:0]
}

// post hands f to the loop; false once the broker stopped.
func (s *brokerServer) post(f func()) bool {
	select {
	case s.events <- f:
		return true
	case <-s.quit:
		return false
	}
}

// Now is the broker's clock: milliseconds since it started.
func (s *brokerServer) Now() int64 { return time.Since(s.start).Milliseconds() }

// After runs f on the loop once Now passes at: a millisecond later than
// at, because Now drops fractions and at may have been computed from an
// earlier Now (a keepalive from the last packet's time), so that a
// deadline never comes early. [MQTT-3.1.2-24]
func (s *brokerServer) After(at int64, f func()) (stop func()) {
	t := time.AfterFunc(time.Duration(at-s.Now()+1)*time.Millisecond, func() { s.post(f) })
	return func() { t.Stop() }
}

// Write queues b for connection id's writer; too much waiting means the
// device reads too slowly.
func (s *brokerServer) Write(id int, b []byte) error {
	nc := s.conns[id]
	if nc == nil {
		return errors.New("the connection is closed")
	}
	nc.mu.Lock()
	defer nc.mu.Unlock()
	switch {
	case nc.closing:
		return errors.New("the connection is closed")
	case len(nc.pending)+len(b) > s.cfg.writeQueue:
		return errors.New("the device reads too slowly: " + strconv.Itoa(len(nc.pending)+len(b)) + " bytes would wait for it, more than the broker's limit of " + strconv.Itoa(s.cfg.writeQueue))
	}
	nc.pending = append(nc.pending, b...)
	switch {
	case nc.raw == nil:
		s.startWriter(nc)
	case !nc.unwritten:
		nc.unwritten = true
		s.unwritten = append(s.unwritten, nc)
	}
	return nil
}

// Close closes connection id once what was queued for it is written.
func (s *brokerServer) Close(id int) {
	nc := s.conns[id]
	if nc == nil {
		return
	}
	delete(s.conns, id)
	nc.mu.Lock()
	nc.closing = true
	s.startWriter(nc)
	nc.mu.Unlock()
}

// acceptTCP accepts devices on the TCP listener.
func (s *brokerServer) acceptTCP() {
	for {
		c, err := s.tcpLn.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return
		}
		go s.serveConn(c, c.RemoteAddr().String())
	}
}

// serveWS accepts MQTT over WebSocket: subprotocol mqtt, any origin (a
// broker serves devices and pages from anywhere), binary messages that
// need not line up with packets. [MQTT-6.0.0-1..4]
func (s *brokerServer) serveWS(w http.ResponseWriter, r *http.Request) {
	wc, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"mqtt"}, InsecureSkipVerify: true})
	if err != nil {
		return
	}
	if wc.Subprotocol() != "mqtt" {
		wc.Close(websocket.StatusPolicyViolation, "MQTT over WebSocket needs the subprotocol mqtt (MQTT-6.0.0-3)")
		return
	}
	s.serveConn(websocket.NetConn(context.Background(), wc, websocket.MessageBinary), r.RemoteAddr)
}

// serveConn runs one device's connection: it registers it with the
// driver and reads until the connection ends. Its own frame is small:
// it stays below every read on the goroutine's stack, which is 2 KiB
// for an idle device only while the reads' calls fit.
func (s *brokerServer) serveConn(c net.Conn, addr string) {
	s.ioWG.Add(1)
	defer s.ioWG.Done()
	r := s.opened(c, addr)
	if r == nil {
		return
	}
	if err := r.run(); err != nil {
		s.ended(r.id, err)
	}
}

// opened registers connection c from addr with the driver and returns
// its reader; nil once the broker stopped.
func (s *brokerServer) opened(c net.Conn, addr string) *deviceReader {
	id := int(s.nextID.Add(1))
	nc := &netConn{c: c}
	if tc, ok := c.(*net.TCPConn); ok {
		nc.raw, _ = tc.SyscallConn()
		nc.writeFD = nc.toFD
	}
	if !s.post(func() { s.conns[id] = nc; s.drv.Opened(id, addr) }) {
		c.Close()
		return nil
	}
	return newDeviceReader(c, id, s, func(b []byte) { s.drv.Read(id, b) })
}

// offer hands f to the loop as post does, or without wait says false
// when the loop's input is full.
func (s *brokerServer) offer(f func(), wait bool) bool {
	if wait {
		return s.post(f)
	}
	select {
	case s.events <- f:
		return true
	default:
		return false
	}
}

// caughtUp waits until the loop ran what was posted before; false once
// the broker stopped.
func (s *brokerServer) caughtUp() bool {
	done := make(chan struct{})
	if !s.post(func() { close(done) }) {
		return false
	}
	select {
	case <-done:
		return true
	case <-s.quit:
		return false
	}
}

// ended tells the driver that connection id ended with err, and waits
// until the loop closed it, so that the writer the close starts is
// counted in ioWG before the reader leaves it.
func (s *brokerServer) ended(id int, err error) {
	done := make(chan struct{})
	if s.post(func() {
		s.drv.Closed(id, readNote(err))
		s.Close(id)
		close(done)
	}) {
		select {
		case <-done:
		case <-s.quit:
		}
	}
}

// write writes what the loop queues for nc until nothing waits (the
// goroutine ends; Write starts another), or until nc is closing: it
// closes the connection once what was queued before Close is written.
func (s *brokerServer) write(nc *netConn) {
	defer s.ioWG.Done()
	var buf []byte
	for {
		nc.mu.Lock()
		buf, nc.pending = nc.pending, buf[:0]
		closing := nc.closing
		if len(buf) == 0 && !closing {
			nc.writing = false
			if cap(nc.pending) > 1<<16 {
				nc.pending = nil // a burst's buffer is not kept for an idle device
			}
			nc.mu.Unlock()
			return
		}
		nc.mu.Unlock()
		if len(buf) > 0 {
			nc.c.SetWriteDeadline(time.Now().Add(deviceWriteTimeout))
			if _, err := nc.c.Write(buf); err != nil {
				nc.mu.Lock()
				nc.closing, nc.pending = true, nil
				nc.mu.Unlock()
				nc.c.Close()
				return
			}
		}
		if closing {
			nc.c.Close()
			return
		}
		if cap(buf) > 1<<16 {
			buf = nil
		}
	}
}

// readNote says why a device's connection ended.
func readNote(err error) trace.Note {
	if errors.Is(err, io.EOF) {
		return trace.Note{Text: trace.Text{EN: "the device closed the connection", ZH: "设备关闭了连接"}}
	}
	return trace.Note{Text: trace.Text{EN: "the connection failed: " + err.Error(), ZH: "连接出错：" + err.Error()}}
}

// shutdown stops accepting, closes every connection after what the
// broker still had to write, and stops the loop. Later calls do nothing.
func (s *brokerServer) shutdown() { s.stopOnce.Do(s.stop) }

func (s *brokerServer) stop() {
	s.closeListeners()
	for _, srv := range s.servers {
		srv.Close()
	}
	stopped := make(chan struct{})
	if s.post(func() { s.drv.Stop(); close(stopped) }) {
		<-stopped
	}
	done := make(chan struct{})
	go func() { s.ioWG.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * deviceWriteTimeout):
	}
	close(s.quit)
	s.loopWG.Wait()
}

// closeListeners closes the listeners that are open.
func (s *brokerServer) closeListeners() {
	for _, ln := range []net.Listener{s.tcpLn, s.wsLn, s.httpLn} {
		if ln != nil {
			ln.Close()
		}
	}
}

// onLoop runs f on the loop and waits for it: for tests and the watch
// page, which read the recording.
func (s *brokerServer) onLoop(f func()) bool {
	done := make(chan struct{})
	if !s.post(func() { f(); close(done) }) {
		return false
	}
	<-done
	return true
}
