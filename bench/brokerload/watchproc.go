package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"

	"mqttviz/bench/brokerload/load"
)

// watchProc is a watch stream reader (load.Watcher) in a process of its
// own, `brokerload watch`, as a watch page is (the browser's): in the
// load generator's process its parsing and its garbage (a message at
// 100×1 QoS 1 is about 600 kB of JSON) delayed the clients whose
// latency the run measures, so that a broker seemed to pay for the page
// what the generator did.
type watchProc struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Reader
}

// brokerloadBinary is this program, which startWatch runs as
// `brokerload watch` (a test's binary is not).
var brokerloadBinary = os.Executable

// startWatch starts `brokerload watch` on the broker whose app is at
// httpAddr and returns once its stream is open.
func startWatch(httpAddr string) (*watchProc, error) {
	self, err := brokerloadBinary()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "watch", "-http", httpAddr)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w := &watchProc{cmd: cmd, stdin: stdin, out: bufio.NewReader(stdout)}
	if line, err := w.out.ReadString('\n'); err != nil || line != "ready\n" {
		w.stdin.Close()
		cmd.Wait()
		return nil, fmt.Errorf("the watch stream reader did not start: %q %v", line, err)
	}
	return w, nil
}

// Stop ends the reader and returns what it received.
func (w *watchProc) Stop() load.WatchStats {
	w.stdin.Close()
	var r watchReport
	err := json.NewDecoder(w.out).Decode(&r)
	if werr := w.cmd.Wait(); err == nil {
		err = werr
	}
	st := load.WatchStats{Messages: r.Messages, Steps: r.Steps, Missed: r.Missed}
	switch {
	case err != nil:
		st.Err = fmt.Errorf("the watch stream reader: %w", err)
	case r.Err != "":
		st.Err = errors.New(r.Err)
	}
	return st
}

// watchReport is what `brokerload watch` writes when it stops.
type watchReport struct {
	Messages, Steps, Missed int
	Err                     string
}

// watchMain is `brokerload watch`: it reads the watch stream at -http,
// writes "ready" once the stream is open, and when its standard input
// closes, a watchReport as JSON.
func watchMain(args []string) error {
	fs := flag.NewFlagSet("watch", flag.ExitOnError)
	addr := fs.String("http", "127.0.0.1:8000", "the --http address of mqttviz broker")
	fs.Parse(args)
	w, err := load.Watch(context.Background(), *addr)
	if err != nil {
		return err
	}
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
	st := w.Stop()
	r := watchReport{Messages: st.Messages, Steps: st.Steps, Missed: st.Missed}
	if st.Err != nil {
		r.Err = st.Err.Error()
	}
	return json.NewEncoder(os.Stdout).Encode(r)
}
