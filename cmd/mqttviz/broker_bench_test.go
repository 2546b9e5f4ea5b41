package main

import (
	"io"
	"net"
	"runtime"
	"strconv"
	"testing"
	"time"

	"mqttviz/codec"
)

// BenchmarkBrokerIdleConns is the memory `mqttviz broker` holds for each
// idle device (docs/performance.md, section Broker): b.N connections on
// loopback, each a CONNECT accepted (clean session, keepalive off), then
// the heap and the goroutine stacks in use after a collection, per
// connection, this process's client ends included.
func BenchmarkBrokerIdleConns(b *testing.B) {
	cfg, _, done := parseBroker([]string{"--tcp", "127.0.0.1:0", "--ws", "", "--max-conns", "100000", "--max-sessions", "100000"}, io.Discard, io.Discard)
	if done {
		b.Fatal("options refused")
	}
	srv, err := startBroker(cfg, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	defer srv.shutdown()
	before := inUse()
	conns := make([]net.Conn, 0, b.N)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	ack := make([]byte, 4)
	for i := 0; b.Loop(); i++ {
		c, err := net.Dial("tcp", srv.tcpLn.Addr().String())
		if err != nil {
			b.Fatal(err)
		}
		conns = append(conns, c)
		p, err := (codec.Encoder{}).Append(nil, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, ClientID: "idle-" + strconv.Itoa(i)})
		if err != nil {
			b.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(30 * time.Second))
		if _, err := c.Write(p); err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadFull(c, ack); err != nil || ack[0] != 0x20 {
			b.Fatalf("connection %d: % x %v, want a CONNACK", i, ack, err)
		}
	}
	b.ReportMetric(float64(inUse()-before)/float64(len(conns)), "B/conn")
}

// inUse is the heap and the stacks in use after a collection.
func inUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse + m.StackInuse)
}
