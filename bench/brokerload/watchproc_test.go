package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"mqttviz/bench/brokerload/load"
)

// TestWatchInItsOwnProcess: `brokerload watch`, started by startWatch,
// reads mqttviz broker's watch stream while a load runs and reports the
// steps it received when stopped.
func TestWatchInItsOwnProcess(t *testing.T) {
	dir := t.TempDir()
	build := func(out, pkg, in string) string {
		bin := filepath.Join(dir, out)
		cmd := exec.Command("go", "build", "-o", bin, pkg)
		cmd.Dir = in
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, b)
		}
		return bin
	}
	brokerloadBinary = func() (string, error) { return build("brokerload", ".", "."), nil }
	web := filepath.Join(dir, "web")
	if err := os.Mkdir(web, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := load.StartMqttviz(build("mqttviz", "./cmd/mqttviz", filepath.Join("..", "..")), true, web)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Stop()
	w, err := startWatch(b.HTTP)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := load.Run(context.Background(), load.Config{Addr: b.Addr, Publishers: 2, Subscribers: 2, QoS: 1, Messages: 50, Window: 10}); err != nil {
		t.Fatal(err)
	}
	st := w.Stop()
	if st.Err != nil || st.Messages == 0 || st.Steps == 0 {
		t.Fatalf("the watch process reports %+v, want messages and steps and no error", st)
	}
}
