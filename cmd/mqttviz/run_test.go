package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"mqttviz/sim/trace"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs `mqttviz run args...` in-process.
func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = dispatch(append([]string{"run"}, args...), &out, &errOut)
	return code, out.String(), errOut.String()
}

// writeScenario writes a scenario file in a test directory.
func writeScenario(t *testing.T, src string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "s.txt")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRunLessonText(t *testing.T) {
	code, out, errOut := runCmd("qos1-lost-puback")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	for _, want := range []string{"QoS 1 with a lost PUBACK", "PUBACK", "dropped", "expectations: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	_, zh, _ := runCmd("qos1-lost-puback", "--lang", "zh")
	if !strings.Contains(zh, "QoS 1：PUBACK 丢失后") {
		t.Errorf("--lang zh output lacks the Chinese title:\n%s", zh)
	}
}

func TestRunJSON(t *testing.T) {
	code, out, errOut := runCmd("--format", "json", "qos2", "--seed", "7")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var tr trace.Trace
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatal(err)
	}
	if tr.Scenario != "qos2" || tr.Seed != 7 || len(tr.Steps) == 0 || len(tr.Expectations) == 0 {
		t.Errorf("trace scenario %q seed %d, %d steps, %d expectations", tr.Scenario, tr.Seed, len(tr.Steps), len(tr.Expectations))
	}
	if tr.Version != trace.Version || tr.Source != trace.SourceScenario || tr.StateAt(len(tr.Steps)-1) == nil {
		t.Errorf("trace version %d, source %q, state after the last step %v", tr.Version, tr.Source, tr.StateAt(len(tr.Steps)-1))
	}
	for _, e := range tr.Expectations {
		if !e.OK {
			t.Errorf("expectation failed: %+v", e)
		}
	}
}

func TestRunMermaid(t *testing.T) {
	code, out, _ := runCmd("qos0", "--format=mermaid")
	if code != 0 || !strings.HasPrefix(out, "sequenceDiagram\n") || !strings.Contains(out, "-x") {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestRunFailedExpectation(t *testing.T) {
	path := writeScenario(t, "client a\nclient b\nconnect a\nconnect b\nsubscribe b x\npublish a x \"1\"\nexpect b receives x \"2\"\nexpect b connected\n")
	code, out, errOut := runCmd(path)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %s", code, errOut)
	}
	if !strings.Contains(errOut, path+`:7: expectation failed: expect b receives x "2"`) ||
		!strings.Contains(errOut, `found: b received x "1" qos=0 retain=0 dup=0`) ||
		!strings.Contains(errOut, "1 of 2 expectations failed") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if !strings.Contains(out, "FAIL  line 7") || !strings.Contains(out, "ok    line 8") {
		t.Errorf("stdout lacks the expectation table:\n%s", out)
	}
}

func TestRunParseError(t *testing.T) {
	path := writeScenario(t, "client a\nconnect a\npublish a x \"1\" qos=3\n")
	code, out, errOut := runCmd(path)
	if code != 2 || out != "" {
		t.Fatalf("exit %d, want 2; stdout %q", code, out)
	}
	if want := path + ":3:17: expected qos=0|1|2, found qos=3\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
}

func TestRunUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"no-such-lesson"},
		{"qos0", "--format", "gif"},
		{"qos0", "--lang", "fr"},
		{"qos0", "qos1"},
	} {
		if code, _, _ := runCmd(args...); code != 2 {
			t.Errorf("run %q: exit %d, want 2", args, code)
		}
	}
}

func TestRunPcapng(t *testing.T) {
	code, out, errOut := runCmd("qos1-lost-puback", "--format", "pcapng")
	if code != 0 || !strings.HasPrefix(out, "\x0a\x0d\x0d\x0a") {
		t.Fatalf("exit %d, stderr %s, output starts %q", code, errOut, out[:min(len(out), 8)])
	}
	path := filepath.Join(t.TempDir(), "lesson.pcapng")
	code, stdout, errOut := runCmd("qos1-lost-puback", "--format", "pcapng", "-o", path)
	if code != 0 || stdout != "" {
		t.Fatalf("-o: exit %d, stderr %s, stdout %d bytes", code, errOut, len(stdout))
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != out {
		t.Errorf("-o wrote %d bytes (%v), stdout had %d", len(b), err, len(out))
	}
	bad := filepath.Join(t.TempDir(), "no-such-dir", "x.pcapng")
	if code, _, errOut := runCmd("qos0", "--format", "pcapng", "-o", bad); code != 2 || !strings.Contains(errOut, "no-such-dir") {
		t.Errorf("-o into a missing directory: exit %d, stderr %q", code, errOut)
	}
}

func TestIsTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) || isTerminal(&bytes.Buffer{}) {
		t.Error("a pipe or a buffer taken for a terminal")
	}
}

// TestRunSVG checks --format svg: a well-formed diagram of the whole
// trace or of --from/--to, in --lang, and the range refused when it is
// not in the trace or comes with another format.
func TestRunSVG(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := runRun([]string{"qos1", "--format", "svg", "--lang", "zh"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	whole := out.String()
	if err := xmlWellFormed(whole); err != nil {
		t.Fatalf("not well-formed: %v", err)
	}
	if !strings.Contains(whole, `xml:lang="zh-Hans"`) || !strings.Contains(whole, "毫秒") {
		t.Error("the diagram is not in Chinese")
	}
	out.Reset()
	if code := runRun([]string{"qos1", "--format", "svg", "--from", "2", "--to", "3"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if n := strings.Count(out.String(), "data-step="); n != 2 || !strings.Contains(out.String(), `data-step="1"`) {
		t.Errorf("--from 2 --to 3 drew %d steps, want 2 from index 1", n)
	}
	for _, args := range [][]string{
		{"qos1", "--format", "svg", "--from", "5", "--to", "2"},
		{"qos1", "--format", "svg", "--to", "999"},
		{"qos1", "--format", "svg", "--from", "0"},
		{"qos1", "--format", "mermaid", "--from", "2"},
	} {
		errOut.Reset()
		if code := runRun(args, io.Discard, &errOut); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
		if !strings.Contains(errOut.String(), "--from") {
			t.Errorf("%v: %q does not name --from", args, errOut.String())
		}
	}
}

// xmlWellFormed reads s to its end with encoding/xml.
func xmlWellFormed(s string) error {
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// TestRunPNGNoChromium: without Chromium --format png fails before it
// writes anything and says what to install.
func TestRunPNGNoChromium(t *testing.T) {
	t.Setenv(chromiumEnv, filepath.Join(t.TempDir(), "no-chromium"))
	out := filepath.Join(t.TempDir(), "d.png")
	var errOut bytes.Buffer
	if code := runRun([]string{"qos1", "--format", "png", "-o", out}, io.Discard, &errOut); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), "apt-get install chromium") || !strings.Contains(errOut.String(), "Export menu") {
		t.Errorf("the error %q does not say what to install or where else to get a PNG", errOut.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file was written")
	}
}

// TestCheckPNGSize: a diagram whose PNG is larger than Chromium's
// canvas is refused, saying how to draw less.
func TestCheckPNGSize(t *testing.T) {
	for _, c := range []struct {
		w, h int
		ok   bool
	}{
		{1016, 1472, true},
		{1016, maxCanvas / 2, true},
		{1016, maxCanvas/2 + 1, false},
		{maxCanvas/2 + 1, 100, false},
		{maxCanvas / 2, maxCanvas / 2, false}, // each side fits, not the area
	} {
		err := checkPNGSize(c.w, c.h)
		if (err == nil) != c.ok {
			t.Errorf("checkPNGSize(%d, %d) = %v, want ok %v", c.w, c.h, err, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "--from") {
			t.Errorf("%v does not say how to draw less", err)
		}
	}
}
