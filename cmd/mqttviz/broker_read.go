package main

import (
	"io"
	"net"
	"os"
	"sync"
	"syscall"
)

// readBufSize is the most bytes one read of a device takes.
const readBufSize = 4096

// readBufs are the read buffers of devices' connections: a TCP
// connection takes one only once the kernel has bytes for it, and the
// loop gives it back once the recorder and the broker copied what they
// keep, so that an idle device holds none (10,000 idle devices held
// 40 MB of them).
var readBufs = sync.Pool{New: func() any { b := make([]byte, readBufSize); return &b }}

// deviceReader reads one device's connection and hands each read's bytes
// to deliver, in a buffer from readBufs: a TCP connection with a system
// call when it is readable; another (a WebSocket's, whose library reads
// the socket itself) into a buffer of its own, whose bytes each read
// copies.
type deviceReader struct {
	c   net.Conn
	raw syscall.RawConn // nil: not TCP
	own []byte
	// deliver takes b, n > 0 bytes of it, and hands b back with
	// readBufs.Put once used. With wait it waits for room and says
	// false once the broker stopped: read no more; without, it says
	// false when it would have to wait.
	deliver func(b *[]byte, n int, wait bool) bool
	// readFD is fromFD, made once; err is why it stopped (nil: the
	// socket reported the end), held a read deliver had no room for.
	readFD func(fd uintptr) bool
	err    error
	held   *[]byte
	heldN  int
}

func newDeviceReader(c net.Conn, deliver func(b *[]byte, n int, wait bool) bool) *deviceReader {
	r := &deviceReader{c: c, deliver: deliver}
	if tc, ok := c.(*net.TCPConn); ok {
		if raw, err := tc.SyscallConn(); err == nil {
			r.raw, r.readFD = raw, r.fromFD
			return r
		}
	}
	r.own = make([]byte, readBufSize)
	return r
}

// fromFD reads the socket fd and delivers what it read until the kernel
// has nothing more, holding no buffer while it waits, and reports false
// to have the runtime wait until fd is readable again and call it again;
// true once the connection ended or the broker stopped.
//
// A read that fills less than its buffer took everything the kernel had,
// so fromFD waits at once instead of reading again only to be told
// EAGAIN: the runtime's poller is edge-triggered and was reset when this
// call began, so bytes that come after that read wake it, and bytes that
// came before it were in the read. At fan-in that was one system call
// in three.
//
// fromFD never waits for the loop: a read the loop has no room for is
// held for run, which waits outside. Waiting here, deep in the
// runtime's poll calls, doubled an idle device's goroutine stack
// (BenchmarkBrokerIdleConns: 7.9 → 10.0 KB per connection).
func (r *deviceReader) fromFD(fd uintptr) bool {
	for {
		b := readBufs.Get().(*[]byte)
		n, err := syscall.Read(int(fd), *b)
		switch {
		case err == syscall.EINTR:
			readBufs.Put(b)
			continue
		case err == syscall.EAGAIN:
			readBufs.Put(b)
			return false
		case err != nil || n <= 0:
			readBufs.Put(b)
			r.err = err
			return true
		}
		if !r.deliver(b, n, false) {
			r.held, r.heldN = b, n
			return true
		}
		if n < len(*b) {
			return false
		}
	}
}

// run reads the device until the connection ends, and says why (io.EOF:
// the device closed it), or until deliver refuses (nil).
func (r *deviceReader) run() error {
	if r.raw == nil {
		for {
			n, err := r.c.Read(r.own)
			if n > 0 {
				b := readBufs.Get().(*[]byte)
				copy(*b, r.own[:n])
				if !r.deliver(b, n, true) {
					return nil
				}
			}
			if err != nil {
				return err
			}
		}
	}
	for {
		werr := r.raw.Read(r.readFD)
		if b := r.held; b != nil {
			r.held = nil
			if !r.deliver(b, r.heldN, true) {
				return nil
			}
			continue
		}
		switch {
		case werr != nil:
			return werr
		case r.err != nil:
			return &net.OpError{Op: "read", Net: "tcp", Source: r.c.LocalAddr(), Addr: r.c.RemoteAddr(), Err: os.NewSyscallError("read", r.err)}
		}
		return io.EOF
	}
}
