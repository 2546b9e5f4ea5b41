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
// its own, whose bytes each read copies.
type deviceReader struct {
	c   net.Conn
	raw syscall.RawConn // nil: not TCP
	own []byte
	// readFD is fromFD, made once; b, n and err are what it read.
	readFD func(fd uintptr) bool
	b      *[]byte
	n      int
	err    error
}

func newDeviceReader(c net.Conn) *deviceReader {
	r := &deviceReader{c: c}
	if tc, ok := c.(*net.TCPConn); ok {
		if raw, err := tc.SyscallConn(); err == nil {
			r.raw, r.readFD = raw, r.fromFD
			return r
		}
	}
	r.own = make([]byte, readBufSize)
	return r
}

// fromFD reads the socket fd into a buffer from readBufs, or reports
// that it has nothing yet (false: the runtime waits until it is readable
// and calls again), holding no buffer meanwhile.
func (r *deviceReader) fromFD(fd uintptr) bool {
	r.b = readBufs.Get().(*[]byte)
	for {
		r.n, r.err = syscall.Read(int(fd), *r.b)
		if r.err != syscall.EINTR {
			break
		}
	}
	if r.err == syscall.EAGAIN {
		readBufs.Put(r.b)
		r.b = nil
		return false
	}
	return true
}

// read waits for the device's next bytes: b holds n > 0 of them, to be
// handed back with readBufs.Put once used (nil when n is 0), or err says
// why the connection ended (io.EOF: the device closed it).
func (r *deviceReader) read() (b *[]byte, n int, err error) {
	if r.raw == nil {
		n, err = r.c.Read(r.own)
		if n > 0 {
			b = readBufs.Get().(*[]byte)
			copy(*b, r.own[:n])
		}
		return b, n, err
	}
	r.b, r.n, r.err = nil, 0, nil
	werr := r.raw.Read(r.readFD)
	b, n, rerr := r.b, r.n, r.err
	r.b = nil
	switch {
	case werr != nil:
		err = werr
	case rerr != nil:
		err = &net.OpError{Op: "read", Net: "tcp", Source: r.c.LocalAddr(), Addr: r.c.RemoteAddr(), Err: os.NewSyscallError("read", rerr)}
	case n == 0:
		err = io.EOF
	}
	if n <= 0 && b != nil {
		readBufs.Put(b)
		b, n = nil, 0
	}
	return b, n, err
}
