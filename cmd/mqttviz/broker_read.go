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

// deviceReader reads one device's connection: a TCP connection with a
// system call when it is readable, into a buffer from readBufs; another
// (a WebSocket's, whose library reads the socket itself) into a buffer of
// its own, whose bytes each read copies. The reads wait in queued for
// the loop, which takes all that came at once (drain): one function
// posted to the loop per turn, made once, not one per read. At most
// maxQueuedReads wait: the reader then waits for the loop to take them,
// so that a device sending faster than the broker handles finds its
// bytes waiting in the kernel (TCP's flow control), not in the broker.
type deviceReader struct {
	c   net.Conn
	id  int             // the connection's, for the broker
	raw syscall.RawConn // nil: not TCP
	own []byte
	// loop takes drain; handle runs on it with the bytes of each read,
	// in order.
	loop   readLoop
	handle func(b []byte)
	// drain is takeReads, made once; readFD is fromFD.
	drain  func()
	readFD func(fd uintptr) bool
	// err is why fromFD stopped (nil: the socket reported the end);
	// mustPost says it queued a read and left posting drain to run,
	// full that maxQueuedReads wait.
	err      error
	mustPost bool
	full     bool
	mu       sync.Mutex
	// queued are the reads the loop has not taken, spare the buffer
	// it took last, given back; posted says drain waits in the loop's
	// input or runs.
	queued, spare []read
	posted        bool
}

// readLoop is what a device's reader needs of the broker's loop.
type readLoop interface {
	// offer hands f to the loop: with wait it waits for room and says
	// false once the broker stopped (read no more); without, it says
	// false when it would have to wait.
	offer(f func(), wait bool) bool
	// caughtUp waits until the loop ran what was handed to it before;
	// false once the broker stopped.
	caughtUp() bool
}

// maxQueuedReads is the most reads of one connection that wait for the
// loop: 16 KiB of buffers.
const maxQueuedReads = 4

// read is the n bytes of one read into buffer b.
type read struct {
	b *[]byte
	n int
}

func newDeviceReader(c net.Conn, id int, loop readLoop, handle func(b []byte)) *deviceReader {
	// Room for one read each, made here: growing queued in fromFD the
	// first time would grow the goroutine's stack too.
	r := &deviceReader{c: c, id: id, loop: loop, handle: handle, queued: make([]read, 0, 1), spare: make([]read, 0, 1)}
	r.drain = r.takeReads
	if tc, ok := c.(*net.TCPConn); ok {
		if raw, err := tc.SyscallConn(); err == nil {
			r.raw, r.readFD = raw, r.fromFD
			return r
		}
	}
	r.own = make([]byte, readBufSize)
	return r
}

// queue puts a read in queued and says whether drain must be posted,
// and whether maxQueuedReads now wait.
func (r *deviceReader) queue(b *[]byte, n int) (post, full bool) {
	r.mu.Lock()
	r.queued = append(r.queued, read{b, n})
	post, r.posted = !r.posted, true
	full = len(r.queued) >= maxQueuedReads
	r.mu.Unlock()
	return post, full
}

// takeReads, on the loop, hands every queued read to handle.
func (r *deviceReader) takeReads() {
	r.mu.Lock()
	reads := r.queued
	r.queued, r.spare, r.posted = r.spare[:0], nil, false
	r.mu.Unlock()
	for i, rd := range reads {
		r.handle((*rd.b)[:rd.n])
		readBufs.Put(rd.b)
		reads[i] = read{}
	}
	r.mu.Lock()
	r.spare = reads[:0]
	r.mu.Unlock()
}

// fromFD reads the socket fd and queues what it read until the kernel
// has nothing more, holding no buffer while it waits, and reports false
// to have the runtime wait until fd is readable again and call it again;
// true once the connection ended, or when run must post drain or wait
// for the loop.
//
// A read that fills less than its buffer took everything the kernel had,
// so fromFD waits at once instead of reading again only to be told
// EAGAIN: the runtime's poller is edge-triggered and was reset when this
// call began, so bytes that come after that read wake it, and bytes that
// came before it were in the read. At fan-in that was one system call
// in three.
//
// fromFD neither waits for the loop nor allocates (but when more reads
// queue than ever before): either, deep in the runtime's poll calls,
// doubled an idle device's goroutine stack to 4 KiB.
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
		post, full := r.queue(b, n)
		if post && !r.loop.offer(r.drain, false) {
			r.mustPost = true
		}
		if r.mustPost || full {
			r.full = full
			return true
		}
		if n < len(*b) {
			return false
		}
	}
}

// run reads the device until the connection ends, and says why (io.EOF:
// the device closed it), or until the broker stopped (nil).
func (r *deviceReader) run() error {
	if r.raw == nil {
		for {
			n, err := r.c.Read(r.own)
			if n > 0 {
				b := readBufs.Get().(*[]byte)
				copy(*b, r.own[:n])
				post, full := r.queue(b, n)
				if post && !r.loop.offer(r.drain, true) || full && !r.loop.caughtUp() {
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
		if r.mustPost || r.full {
			if r.mustPost && !r.loop.offer(r.drain, true) || r.full && !r.loop.caughtUp() {
				return nil
			}
			r.mustPost, r.full = false, false
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
