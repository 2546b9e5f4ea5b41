package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wasmUnderNode are the packages whose js/wasm tests dial a real broker
// over WebSocket: the browser's own transport, compiled to WebAssembly.
var wasmUnderNode = []string{"./wasm/jsb", "./wasm/wslink"}

// wsTests are the tests that must have run, not skipped, in them.
var wsTests = []string{"TestWebSocketMQTT", "TestWebSocketBrokerCloses", "TestWebSocketClosedPort", "TestWebSocketRefusedURL", "TestLiveOverWebSocket", "TestLiveClosedPort", "TestLiveSplitFrames"}

// nodePath finds node, which runs Go's js/wasm test binaries. Outside CI
// a missing one skips the test; under CI=true it fails it.
func nodePath(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("node is not installed: the WebAssembly tests cannot run")
	}
	t.Skip("\n\n*** SKIPPING: node is not installed: it runs the WebAssembly tests. ***\n")
	return ""
}

// wsDir holds the pinned ws package that gives node a browser's
// WebSocket (testdata/ws/preload.cjs); `npm ci` there installs it, as
// .ci/run does.
const wsDir = "testdata/ws"

// wsPreload is the absolute path of the script that sets node's
// WebSocket, installing ws when it is missing (npmPackage).
func wsPreload(t *testing.T) string {
	t.Helper()
	return filepath.Join(npmPackage(t, wsDir, "ws"), "preload.cjs")
}

// npmPackage is the absolute path of dir, a folder of pinned npm
// packages, with pkg installed: `npm ci` there installs it when it is
// missing (.ci/run does it first). Outside CI a missing npm skips the
// test; under CI=true it fails it.
func npmPackage(t *testing.T, dir, pkg string) string {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", pkg, "package.json")); err != nil {
		if _, err := exec.LookPath("npm"); err != nil && os.Getenv("CI") != "true" {
			t.Skip("\n\n*** SKIPPING: npm is not installed: it installs " + pkg + " for this test. ***\n")
		}
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	}
	return dir
}

// TestWebSocketUnderNode starts mosquitto and runs the WebSocket tests
// of wasm/jsb compiled to WebAssembly under node (Go's
// go_js_wasm_exec), which a js/wasm test cannot do itself: it has no
// processes. Node gets a browser's WebSocket from the pinned ws package
// (testdata/ws); the tests find the broker's address and a closed port
// in the environment.
func TestWebSocketUnderNode(t *testing.T) {
	t.Parallel()
	nodePath(t)
	preload := wsPreload(t)
	m := startMosquitto(t)
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	args := append([]string{"test", "-count=1", "-v", "-run", "^(TestWebSocket|TestLive)"}, wasmUnderNode...)
	cmd := exec.Command("go", args...)
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(),
		"GOOS=js", "GOARCH=wasm",
		"PATH="+filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm")+string(os.PathListSeparator)+os.Getenv("PATH"),
		"NODE_OPTIONS=--require="+preload,
		"MQTTVIZ_WS_BROKER="+m.WSURL(),
		"MQTTVIZ_WS_SPLIT="+startFrameProxy(t, m.TCPAddr()),
		"MQTTVIZ_WS_CLOSED=ws://127.0.0.1:"+strconv.Itoa(freePort(t))+"/mqtt",
	)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s under node: %v\n%s", strings.Join(args, " "), err, out)
	}
	for _, name := range wsTests {
		if !strings.Contains(string(out), "--- PASS: "+name+" ") {
			t.Errorf("%s did not pass (skipped or missing):\n%s", name, out)
		}
	}
}
