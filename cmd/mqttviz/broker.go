package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/live"
)

const brokerUsage = `Usage: mqttviz broker [--tcp HOST:PORT] [--ws HOST:PORT] [--http HOST:PORT] [options]

Runs the simulator's own MQTT 3.1.1 broker on real sockets: MQTT over TCP
for devices (ESP32, mosquitto_pub, MQTTX), MQTT over WebSocket at /mqtt
(subprotocol mqtt) for browsers, and the app on --http, with the watch page /watch. Every address is
loopback unless you name another one. The broker records the session (the
newest --keep steps). Ctrl+C closes every connection and stops.
An empty address ("") turns that listener off.
`

// brokerConfig is what `mqttviz broker` runs with.
type brokerConfig struct {
	tcp, ws, http string
	web           string
	opts          sim.BrokerOptions
	limits        live.BrokerLimits
	// maxPacket is the largest packet a device may send, in bytes.
	maxPacket int
	// keep is how many steps the recording keeps.
	keep int
	// writeQueue is how many bytes may wait to be written to one
	// connection before it is closed as too slow.
	writeQueue int
	// watchBuffer is how many steps may wait for one watch page before
	// it misses some; revealPasswords streams CONNECT passwords as sent.
	watchBuffer     int
	revealPasswords bool
	// watchTimeout is how long one message to a watch page may take to
	// write before the broker closes its stream.
	watchTimeout time.Duration
}

// listFlag is a repeatable string option.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// runBroker runs `mqttviz broker` until SIGINT or SIGTERM.
func runBroker(args []string, stdout, stderr io.Writer) int {
	cfg, code, done := parseBroker(args, stdout, stderr)
	if done {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv, err := startBroker(cfg, stdout)
	if err != nil {
		fmt.Fprintln(stderr, "mqttviz broker:", err)
		return 1
	}
	defer brokerRuntime()()
	<-ctx.Done()
	fmt.Fprintln(stdout, "mqttviz broker: stopping, closing every connection")
	srv.shutdown()
	return 0
}

// parseBroker reads the options of `mqttviz broker`.
func parseBroker(args []string, stdout, stderr io.Writer) (brokerConfig, int, bool) {
	c := newCLI("broker", brokerUsage)
	fs := c.fs
	cfg := brokerConfig{}
	fs.StringVar(&cfg.tcp, "tcp", "127.0.0.1:1883", "address for MQTT over TCP")
	fs.StringVar(&cfg.ws, "ws", "127.0.0.1:8083", "address for MQTT over WebSocket (path /mqtt)")
	fs.StringVar(&cfg.http, "http", "", "address to serve the app on, e.g. 127.0.0.1:8000 (needs web/app.wasm from 'make build')")
	fs.StringVar(&cfg.web, "web", "", "the web/ directory for --http (as serve's --web)")
	qos2 := fs.String("qos2", "publish", "when a QoS 2 message is forwarded: publish (on PUBLISH, method B) or pubrel (on PUBREL, method A)")
	resend := fs.Duration("resend", 0, "resend unacknowledged PUBLISH and PUBREL after this long on the same connection; 0 resends only on reconnect")
	maxQoS := fs.Int("max-qos", 2, "the highest QoS granted to a subscription (0, 1 or 2)")
	var users, deny listFlag
	fs.Var(&users, "user", "a user NAME:PASS (repeatable); with any, a CONNECT needs one of them")
	anonymous := fs.Bool("anonymous", false, "with --user, also accept a CONNECT without a user name")
	fs.Var(&deny, "deny", "a topic filter refused with SUBACK 0x80, whose topics no subscription receives (repeatable)")
	fs.IntVar(&cfg.limits.MaxConns, "max-conns", 1000, "the most connections open at once")
	fs.IntVar(&cfg.maxPacket, "max-packet", 65536, "the largest packet a device may send, in bytes")
	fs.IntVar(&cfg.opts.MaxInflight, "max-inflight", 100, "the most QoS 1 and 2 messages in flight towards one session")
	fs.IntVar(&cfg.opts.MaxQueued, "max-queued", 1000, "the most messages queued for one session")
	fs.IntVar(&cfg.opts.MaxSessions, "max-sessions", 10000, "the most sessions kept")
	connectTimeout := fs.Duration("connect-timeout", 10*time.Second, "how long a device has to send an accepted CONNECT")
	fs.IntVar(&cfg.keep, "keep", live.DefaultKeep, "how many steps the recording keeps")
	fs.IntVar(&cfg.writeQueue, "write-queue", 1<<20, "bytes that may wait for a slow device before the broker closes its connection")
	fs.IntVar(&cfg.watchBuffer, "watch-buffer", 256, "steps that may wait for one watch page (/watch) before it misses some")
	fs.DurationVar(&cfg.watchTimeout, "watch-timeout", 30*time.Second, "how long a watch page may read nothing before the broker closes its stream (it never waits for one)")
	fs.BoolVar(&cfg.revealPasswords, "reveal-passwords", false, "show CONNECT passwords on watch pages and in the traces they save (masked by default)")
	pos, code, done := c.parse(args, stdout, stderr)
	if done {
		return cfg, code, true
	}
	fail := func(format string, a ...any) (brokerConfig, int, bool) {
		return cfg, c.fail(stderr, format, a...), true
	}
	if len(pos) > 0 {
		return fail("takes no arguments, got %q", pos)
	}
	switch *qos2 {
	case "publish":
	case "pubrel":
		cfg.opts.ForwardOnPubrel = true
	default:
		return fail("--qos2 must be publish or pubrel, not %q", *qos2)
	}
	if *maxQoS < 0 || *maxQoS > 2 {
		return fail("--max-qos must be 0, 1 or 2, not %d", *maxQoS)
	}
	cfg.opts.LimitQoS, cfg.opts.MaxQoS = *maxQoS < 2, codec.QoS(*maxQoS)
	if *resend < 0 || *connectTimeout < 0 {
		return fail("--resend and --connect-timeout cannot be negative")
	}
	cfg.opts.RetryInterval = resend.Milliseconds()
	cfg.limits.ConnectTimeout = connectTimeout.Milliseconds()
	for _, u := range users {
		name, pass, ok := strings.Cut(u, ":")
		if !ok || name == "" {
			return fail("--user must be NAME:PASS, not %q", u)
		}
		if cfg.opts.Users == nil {
			cfg.opts.Users = map[string]string{}
		}
		cfg.opts.Users[name] = pass
	}
	cfg.opts.AllowAnonymous = *anonymous
	for _, f := range deny {
		if err := codec.ValidateTopicFilter(f); err != nil {
			return fail("--deny %q is not a topic filter: %v", f, err)
		}
	}
	cfg.opts.Deny = deny
	if cfg.maxPacket < 2 || cfg.maxPacket > maxMQTTPacket {
		return fail("--max-packet must be from 2 to %d bytes", maxMQTTPacket)
	}
	if cfg.watchBuffer < 1 || cfg.watchTimeout <= 0 {
		return fail("--watch-buffer must be at least 1 and --watch-timeout more than 0")
	}
	if cfg.keep < 1 || cfg.writeQueue < cfg.maxPacket {
		return fail("--keep must be at least 1 and --write-queue at least --max-packet")
	}
	if cfg.tcp == "" && cfg.ws == "" {
		return fail("--tcp and --ws are both off: devices could not connect")
	}
	return cfg, 0, false
}

// maxMQTTPacket is the largest packet MQTT 3.1.1 can frame: a Remaining
// Length of 268,435,455 after a fixed header of 5 bytes.
const maxMQTTPacket = 268435455 + 5
