package main

import (
	"bytes"
	"io"
	"net"
	"testing"
	"time"
)

// TestDeviceReaderTCP: a device's reader delivers every byte in order
// and then the end, whatever the reads: bytes that come after a read
// that did not fill its buffer (the reader then waits without reading
// again), a read that fills it (the reader reads on), and a close; both
// when the loop has room for each read and when it has none at first
// (the reader then waits for it outside the runtime's poll call).
func TestDeviceReaderTCP(t *testing.T) {
	for _, room := range []bool{true, false} {
		t.Run(map[bool]string{true: "room", false: "no room"}[room], func(t *testing.T) { readAll(t, room) })
	}
}

// readAll is TestDeviceReaderTCP with room or not.
func readAll(t *testing.T, room bool) {
	dev, c := tcpPair(t)
	reads := make(chan []byte, 100)
	r := newDeviceReader(c, func(b *[]byte, n int, wait bool) bool {
		if !wait && !room {
			return false
		}
		reads <- bytes.Clone((*b)[:n])
		readBufs.Put(b)
		return true
	})
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

// TestDeviceReaderStops: once deliver refuses (the broker stopped), the
// reader reads no more and ends without an error.
func TestDeviceReaderStops(t *testing.T) {
	dev, c := tcpPair(t)
	r := newDeviceReader(c, func(b *[]byte, n int, wait bool) bool { return false })
	ended := make(chan error, 1)
	go func() { ended <- r.run() }()
	dev.Write([]byte{0x10})
	select {
	case err := <-ended:
		if err != nil {
			t.Errorf("the reader ended with %v, want nil", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the reader did not end when deliver refused")
	}
}

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
