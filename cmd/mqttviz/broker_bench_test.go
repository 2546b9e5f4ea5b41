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
	srv := benchBroker(b, "--max-conns", "100000", "--max-sessions", "100000")
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

// BenchmarkBrokerFanIn is bench/brokerload's 100×1 QoS 0 workload in one
// process (docs/performance.md, section Broker): 100 publishers on
// loopback TCP, each publishing 64-byte payloads in turn to a topic of
// its own, one subscriber to all of them, at most 100 messages published
// and not yet delivered. One op is one delivery; the allocations and the
// time are the broker's and the clients' together.
func BenchmarkBrokerFanIn(b *testing.B) {
	const pubs, window = 100, 100
	srv := benchBroker(b)
	dial := func(id string, after ...codec.Packet) net.Conn {
		c, err := net.Dial("tcp", srv.tcpLn.Addr().String())
		if err != nil {
			b.Fatal(err)
		}
		out, err := (codec.Encoder{}).Append(nil, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, ClientID: id})
		for _, p := range after {
			out, err = (codec.Encoder{}).Append(out, p)
		}
		if err != nil {
			b.Fatal(err)
		}
		c.Write(out)
		ack := make([]byte, 4)
		if _, err := io.ReadFull(c, ack); err != nil {
			b.Fatal(err)
		}
		return c
	}
	sub := dial("sub", &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "load/+", QoS: 0}}})
	defer sub.Close()
	suback := make([]byte, 5)
	if _, err := io.ReadFull(sub, suback); err != nil || suback[0] != 0x90 {
		b.Fatalf("% x %v, want a SUBACK", suback, err)
	}
	conns := make([]net.Conn, pubs)
	packets := make([][]byte, pubs)
	for i := range conns {
		conns[i] = dial("pub" + strconv.Itoa(i))
		defer conns[i].Close()
		packets[i], _ = (codec.Encoder{}).Append(nil, &codec.Publish{Topic: "load/" + strconv.Itoa(i), Payload: make([]byte, 64)})
	}
	var split codec.Splitter
	buf := make([]byte, 64<<10)
	delivered := 0
	receive := func() {
		n, err := sub.Read(buf)
		if err != nil {
			b.Fatal(err)
		}
		split.Feed(buf[:n])
		for {
			p, err := split.Next()
			if err != nil {
				b.Fatal(err)
			}
			if p == nil {
				return
			}
			delivered++
		}
	}
	b.ReportAllocs()
	sent := 0
	for i := 0; b.Loop(); i++ {
		for sent-delivered >= window {
			receive()
		}
		if _, err := conns[i%pubs].Write(packets[i%pubs]); err != nil {
			b.Fatal(err)
		}
		sent++
	}
	for delivered < sent {
		receive()
	}
	b.ReportMetric(float64(delivered)/b.Elapsed().Seconds(), "deliveries/s")
}

// benchBroker starts a broker on a free loopback TCP port, with no
// WebSocket listener and the options more, stopped when b ends.
func benchBroker(b *testing.B, more ...string) *brokerServer {
	b.Helper()
	cfg, _, done := parseBroker(append([]string{"--tcp", "127.0.0.1:0", "--ws", ""}, more...), io.Discard, io.Discard)
	if done {
		b.Fatal("options refused")
	}
	srv, err := startBroker(cfg, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(srv.shutdown)
	return srv
}
