package load

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Broker is a broker process the runner started on free loopback ports.
type Broker struct {
	// Name is "mosquitto" or "mqttviz".
	Name string
	// Addr is its MQTT over TCP address; HTTP, for mqttviz started with
	// a watch page, the address of its app and watch stream.
	Addr, HTTP string
	cmd        *exec.Cmd
	exited     chan error
	dir        string
}

// Pid is the broker's process id.
func (b *Broker) Pid() int { return b.cmd.Process.Pid }

// RSS is the broker's resident memory in bytes (VmRSS).
func (b *Broker) RSS() (int64, error) {
	s, err := os.ReadFile("/proc/" + strconv.Itoa(b.Pid()) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(s), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, errors.New("no VmRSS in /proc/PID/status")
}

// OpenFiles is the broker's soft limit of open files, read back from
// /proc/PID/limits.
func (b *Broker) OpenFiles() (string, error) {
	s, err := os.ReadFile("/proc/" + strconv.Itoa(b.Pid()) + "/limits")
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(s), "\n") {
		if strings.HasPrefix(line, "Max open files") {
			return strings.Fields(line)[3], nil
		}
	}
	return "", errors.New("no Max open files in /proc/PID/limits")
}

// WaitIdle waits until the broker uses less than 2 % of a core over
// 250 ms (at most 30 s): `mqttviz broker --http` renders and compresses
// the app's pages when it starts, work that must not fall into a run.
func (b *Broker) WaitIdle() error {
	prev, err := b.CPU()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); {
		time.Sleep(250 * time.Millisecond)
		now, err := b.CPU()
		if err != nil {
			return err
		}
		// Clock ticks are 10 ms: at most one in 250 ms.
		if now.Sub(prev).Total() <= 10*time.Millisecond {
			return nil
		}
		prev = now
	}
	if err != nil {
		return err
	}
	return fmt.Errorf("%s still busy after 30 s", b.Name)
}

// CPUTime is CPU time a process used, in its own code and libraries
// (User) and in the kernel on its behalf (System): system calls, and for
// loopback TCP the receiving end's network stack too.
type CPUTime struct {
	User, System time.Duration
}

// Total is the user and system time together.
func (c CPUTime) Total() time.Duration { return c.User + c.System }

// Sub is the CPU time used from before to c.
func (c CPUTime) Sub(before CPUTime) CPUTime {
	return CPUTime{User: c.User - before.User, System: c.System - before.System}
}

// CPU is the CPU time the broker used so far (/proc/PID/stat, in clock
// ticks of 10 ms).
func (b *Broker) CPU() (CPUTime, error) {
	s, err := os.ReadFile("/proc/" + strconv.Itoa(b.Pid()) + "/stat")
	if err != nil {
		return CPUTime{}, err
	}
	// The fields after the command's name, which ends with the last ')'.
	i := strings.LastIndexByte(string(s), ')')
	f := strings.Fields(string(s[i+1:]))
	if len(f) < 13 {
		return CPUTime{}, errors.New("a short /proc/PID/stat")
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return CPUTime{}, errors.New("unreadable CPU times in /proc/PID/stat")
	}
	const tick = 10 * time.Millisecond
	return CPUTime{User: time.Duration(utime) * tick, System: time.Duration(stime) * tick}, nil
}

// Stop ends the broker: SIGTERM, then SIGKILL after five seconds.
func (b *Broker) Stop() {
	_ = b.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-b.exited:
	case <-time.After(5 * time.Second):
		_ = b.cmd.Process.Kill()
		<-b.exited
	}
	os.RemoveAll(b.dir)
}

// StartMosquitto starts mosquitto (bin) on a free loopback port: anonymous
// clients, no persistence, no log, no limit of messages in flight towards
// a client (2.0.11 with its default of 20, or 100, now and then stopped
// delivering a QoS 1 message; the generator's window bounds them), its
// other settings Debian's defaults.
func StartMosquitto(bin string) (*Broker, error) {
	dir, err := os.MkdirTemp("", "brokerload-mosquitto-")
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	conf := fmt.Sprintf("per_listener_settings false\nallow_anonymous true\npersistence false\nlog_dest none\nmax_inflight_messages 0\nlistener %d 127.0.0.1\nsocket_domain ipv4\n", port)
	path := filepath.Join(dir, "mosquitto.conf")
	if err := os.WriteFile(path, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	return start(&Broker{Name: "mosquitto", Addr: "127.0.0.1:" + strconv.Itoa(port), dir: dir}, bin, "-c", path)
}

// StartMqttviz starts `mqttviz broker` (bin) on a free loopback port with
// room for 20,000 connections and sessions, and as many QoS 1 and 2
// messages in flight towards a session as it has packet ids, as
// mosquitto has with max_inflight_messages 0 (with mqttviz's default
// of 100, a 100×1 QoS 1 run queued 63 % of its messages: the two
// brokers did not do the same work); with watch, also its app and watch
// stream on another, serving web (a web/ directory: app.wasm).
func StartMqttviz(bin string, watch bool, web string) (*Broker, error) {
	dir, err := os.MkdirTemp("", "brokerload-mqttviz-")
	if err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	b := &Broker{Name: "mqttviz", Addr: "127.0.0.1:" + strconv.Itoa(port), dir: dir}
	args := []string{"broker", "--tcp", b.Addr, "--ws", "", "--max-conns", "20000", "--max-sessions", "20000", "--max-inflight", "65535"}
	if watch {
		hp, err := freePort()
		for err == nil && hp == port {
			hp, err = freePort()
		}
		if err != nil {
			return nil, err
		}
		b.HTTP = "127.0.0.1:" + strconv.Itoa(hp)
		args = append(args, "--http", b.HTTP, "--web", web)
	}
	return start(b, bin, args...)
}

// start runs bin with args for b, its open-file limit raised to this
// process's hard limit (Go gives child processes back the soft limit it
// started with, so a shell's ulimit raises it in the child), and waits
// until its port accepts.
func start(b *Broker, bin string, args ...string) (*Broker, error) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		return nil, err
	}
	sh := `ulimit -n ` + strconv.FormatUint(lim.Max, 10) + ` && exec "$0" "$@"`
	b.cmd = exec.Command("/bin/sh", append([]string{"-c", sh, bin}, args...)...)
	log, err := os.Create(filepath.Join(b.dir, "log"))
	if err != nil {
		return nil, err
	}
	b.cmd.Stdout, b.cmd.Stderr = log, log
	if err := b.cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("start %s: %w", b.Name, err)
	}
	b.exited = make(chan error, 1)
	go func() { b.exited <- b.cmd.Wait(); log.Close() }()
	for _, addr := range []string{b.Addr, b.HTTP} {
		if addr == "" {
			continue
		}
		if err := b.waitAccepting(addr); err != nil {
			out, _ := os.ReadFile(filepath.Join(b.dir, "log"))
			b.Stop()
			return nil, fmt.Errorf("%s on %s: %w\n%s", b.Name, addr, err, out)
		}
	}
	return b, nil
}

// waitAccepting waits until addr accepts a connection, at most 30
// seconds (a loaded machine), or until the broker exits.
func (b *Broker) waitAccepting(addr string) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case werr := <-b.exited:
			b.exited <- werr
			return fmt.Errorf("exited (%v) before it listened", werr)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("nothing accepts after 30 s: %v", err)
		}
	}
}

// freePort is a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
