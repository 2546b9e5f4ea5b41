package main

import (
	"bufio"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"mqttviz/codec"
)

// A WebSocket peer that frames MQTT as mosquitto does not: MQTT-6.0.0-2
// lets a packet span frames and frames hold several packets, and a
// client must cope with both. frameProxy is a minimal WebSocket server
// (RFC 6455: the handshake, binary, close and ping frames) in front of
// a broker's plain TCP listener: what the client sends goes to the
// broker as a byte stream; what the broker sends comes back re-framed:
// as soon as two whole packets are waiting, or mergeWait after a lone
// one, the first byte in a frame of its own and all the rest in one. A
// single CONNACK arrives as [20] [02 00 00]; a PUBACK and a PUBLISH
// that mosquitto sends together as [40] [02 00 01 32 …]: split and
// merged at once.

// mergeWait is how long the proxy waits for a second whole packet.
const mergeWait = 300 * time.Millisecond

// wsGUID is RFC 6455's key suffix for Sec-WebSocket-Accept.
const wsGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// startFrameProxy serves the re-framing WebSocket in front of the broker
// at brokerTCP until t ends, and returns its ws:// address.
func startFrameProxy(t *testing.T, brokerTCP string) string {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu    sync.Mutex
		conns []net.Conn
		wg    sync.WaitGroup
	)
	track := func(c net.Conn) {
		mu.Lock()
		conns = append(conns, c)
		mu.Unlock()
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		client, rw, err := upgrade(w, r)
		if err != nil {
			t.Logf("frame proxy: %v", err)
			return
		}
		track(client)
		broker, err := net.DialTimeout("tcp4", brokerTCP, 2*time.Second)
		if err != nil {
			writeFrame(client, 0x8, []byte{0x03, 0xf3}) // 1011, internal error
			client.Close()
			return
		}
		track(broker)
		wg.Add(2)
		go func() { defer wg.Done(); clientToBroker(rw.Reader, client, broker) }()
		go func() { defer wg.Done(); brokerToClient(broker, client) }()
	})}
	go srv.Serve(l)
	t.Cleanup(func() {
		srv.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return "ws://" + l.Addr().String() + "/mqtt"
}

// upgrade answers a WebSocket handshake that asks for the subprotocol
// mqtt and takes the connection over.
func upgrade(w http.ResponseWriter, r *http.Request) (net.Conn, *bufio.ReadWriter, error) {
	key := r.Header.Get("Sec-WebSocket-Key")
	if !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") || key == "" {
		http.Error(w, "not a WebSocket handshake", http.StatusBadRequest)
		return nil, nil, errors.New("not a WebSocket handshake")
	}
	if !strings.Contains(r.Header.Get("Sec-WebSocket-Protocol"), "mqtt") {
		http.Error(w, "subprotocol mqtt required", http.StatusBadRequest)
		return nil, nil, errors.New("no subprotocol mqtt")
	}
	conn, rw, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return nil, nil, err
	}
	sum := sha1.Sum([]byte(key + wsGUID))
	rw.WriteString("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Accept: " + base64.StdEncoding.EncodeToString(sum[:]) + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n")
	if err := rw.Flush(); err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, rw, nil
}

// clientToBroker unmasks the client's frames onto the broker's stream
// until either end closes.
func clientToBroker(r *bufio.Reader, client, broker net.Conn) {
	defer broker.Close()
	for {
		op, payload, err := readFrame(r)
		if err != nil {
			return
		}
		switch op {
		case 0x0, 0x1, 0x2: // continuation, text, binary
			if _, err := broker.Write(payload); err != nil {
				return
			}
		case 0x8: // close: answer it
			writeFrame(client, 0x8, payload[:min(len(payload), 2)])
			return
		case 0x9: // ping
			writeFrame(client, 0xa, payload)
		}
	}
}

// brokerToClient re-frames the broker's packets: two or more whole
// packets at a time (one after mergeWait), their first byte alone and
// the rest in one frame.
func brokerToClient(broker, client net.Conn) {
	defer client.Close()
	var split codec.Splitter
	var pending []byte
	packets := 0
	flush := func() error {
		if packets == 0 {
			return nil
		}
		b := pending
		pending, packets = nil, 0
		if err := writeFrame(client, 0x2, b[:1]); err != nil {
			return err
		}
		return writeFrame(client, 0x2, b[1:])
	}
	buf := make([]byte, 4096)
	for {
		broker.SetReadDeadline(time.Now().Add(mergeWait))
		n, err := broker.Read(buf)
		split.Feed(buf[:n])
		for {
			p, perr := split.Next()
			if perr != nil || p == nil {
				break
			}
			pending = append(pending, p...)
			packets++
		}
		var timeout net.Error
		switch {
		case errors.As(err, &timeout) && timeout.Timeout():
			if flush() != nil {
				return
			}
		case err != nil:
			flush()
			writeFrame(client, 0x8, []byte{0x03, 0xe8}) // 1000: the broker closed
			return
		case packets >= 2:
			if flush() != nil {
				return
			}
		}
	}
}

// readFrame reads one WebSocket frame and unmasks its payload.
func readFrame(r *bufio.Reader) (op byte, payload []byte, err error) {
	var h [2]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, nil, err
	}
	op = h[0] & 0x0f
	n := uint64(h[1] & 0x7f)
	switch n {
	case 126:
		var b [2]byte
		_, err = io.ReadFull(r, b[:])
		n = uint64(binary.BigEndian.Uint16(b[:]))
	case 127:
		var b [8]byte
		_, err = io.ReadFull(r, b[:])
		n = binary.BigEndian.Uint64(b[:])
	}
	if err != nil {
		return 0, nil, err
	}
	if n > 1<<20 {
		return 0, nil, errors.New("frame too large for the test proxy: " + strconv.FormatUint(n, 10))
	}
	var key [4]byte
	masked := h[1]&0x80 != 0
	if masked {
		if _, err := io.ReadFull(r, key[:]); err != nil {
			return 0, nil, err
		}
	}
	payload = make([]byte, n)
	if _, err := io.ReadFull(r, payload); err != nil {
		return 0, nil, err
	}
	if masked {
		for i := range payload {
			payload[i] ^= key[i%4]
		}
	}
	return op, payload, nil
}

// writeFrame writes one unmasked frame, as a server does.
func writeFrame(w io.Writer, op byte, payload []byte) error {
	h := []byte{0x80 | op}
	switch n := len(payload); {
	case n < 126:
		h = append(h, byte(n))
	case n <= 0xffff:
		h = append(h, 126)
		h = binary.BigEndian.AppendUint16(h, uint16(n))
	default:
		h = append(h, 127)
		h = binary.BigEndian.AppendUint64(h, uint64(n))
	}
	_, err := w.Write(append(h, payload...))
	return err
}
