package paho

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// mqttvizBin is the command under test: $MQTTVIZ (make test passes
// bin/mqttviz), or built from the repository by TestMain.
var mqttvizBin string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	mqttvizBin = os.Getenv("MQTTVIZ")
	if mqttvizBin == "" {
		dir, err := os.MkdirTemp("", "mqttviz-paho")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		mqttvizBin = filepath.Join(dir, "mqttviz")
		build := exec.Command("go", "build", "-o", mqttvizBin, "./cmd/mqttviz")
		build.Dir = filepath.Join("..", "..")
		if out, err := build.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "building mqttviz: %v\n%s", err, out)
			return 1
		}
	}
	return m.Run()
}

// broker is `mqttviz broker` running on free loopback ports.
type broker struct {
	cmd *exec.Cmd
	// tcp is the MQTT over TCP address, ws the WebSocket URL.
	tcp, ws string
	log     strings.Builder // what it printed
}

// startBroker runs `mqttviz broker` with args after the listeners
// (port 0: the system picks free ones) and reads where it listens from
// what it prints. It stops with SIGINT at cleanup.
func startBroker(t *testing.T, args ...string) *broker {
	t.Helper()
	b := &broker{}
	b.cmd = exec.Command(mqttvizBin, append([]string{"broker", "--tcp", "127.0.0.1:0", "--ws", "127.0.0.1:0"}, args...)...)
	out, err := b.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	b.cmd.Stderr = os.Stderr
	if err := b.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() {
		b.cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			b.cmd.Process.Kill()
			<-done
		}
	})
	ready := make(chan error, 2)
	go func() {
		defer close(done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			line := sc.Text()
			b.log.WriteString(line + "\n")
			f := strings.Fields(line)
			switch {
			case strings.HasPrefix(line, "  MQTT over TCP") && len(f) == 4:
				b.tcp = f[3]
			case strings.HasPrefix(line, "  MQTT over WebSocket") && len(f) >= 4:
				b.ws = f[3]
			case strings.HasPrefix(line, "Ctrl+C"):
				ready <- nil
			}
		}
		io.Copy(io.Discard, out)
		ready <- fmt.Errorf("mqttviz broker ended before it listened: %v", b.cmd.Wait())
	}()
	select {
	case err := <-ready:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("mqttviz broker printed no addresses in 30 s")
	}
	if b.tcp == "" || !strings.HasPrefix(b.ws, "ws://") {
		t.Fatalf("no addresses in what mqttviz broker printed:\n%s", b.log.String())
	}
	return b
}

// url is the broker's address for paho over transport: tcp://HOST:PORT
// or ws://HOST:PORT/mqtt.
func (b *broker) url(transport string) string {
	if transport == "ws" {
		return b.ws
	}
	return "tcp://" + b.tcp
}

// transports are what every test runs over.
var transports = []string{"tcp", "ws"}
