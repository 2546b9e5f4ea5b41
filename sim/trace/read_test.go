package trace_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
)

// TestReadLessons: the JSON of every built-in lesson, as `mqttviz run
// --format json` writes it, reads back with the same steps.
func TestReadLessons(t *testing.T) {
	for _, name := range lessons.LessonNames() {
		tr, err := lessons.RunLesson(name, 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := json.MarshalIndent(tr, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got, err := trace.Read(b)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(got.Steps) != len(tr.Steps) || got.Steps[len(got.Steps)-1].Label != tr.Steps[len(tr.Steps)-1].Label {
			t.Errorf("%s: read %d steps, want %d", name, len(got.Steps), len(tr.Steps))
		}
	}
}

const goodStep = `{"index":0,"time":0,"kind":"connect","from":"a","to":"broker","conn":1}`

// TestReadRefuses: each kind of bad file gets its problem, a message in
// both languages and, for a syntax error, its place.
func TestReadRefuses(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		problem   trace.ReadProblem
		line, col int
		en, zh    string
	}{
		{"binary", "\x00\x01\xff", trace.NotJSON, 1, 1, "not JSON: line 1, column 1", "第 1 行第 1 列"},
		{"syntax on line 3", "{\n  \"version\": 2,\n  \"nodes\": [x]\n}", trace.NotJSON, 3, 13, "line 3, column 13", "第 3 行第 13 列"},
		{"cut short", `{"version": 2, "nodes": ["broker"`, trace.NotJSON, 1, 33, "unexpected end", "语法错误"},
		{"column in characters", "{\"title\": \"日本語\" x}", trace.NotJSON, 1, 17, "column 17", "第 17 列"},
		{"array", `[1, 2]`, trace.NotTrace, 0, 0, "JSON, but not a trace", "不是轨迹"},
		{"other object", `{"name": "mosquitto"}`, trace.NotTrace, 0, 0, "JSON, but not a trace", "不是轨迹"},
		{"wrong type", `{"version": 2, "nodes": "broker"}`, trace.NotTrace, 1, 32, `"nodes" is a string where a trace has an array`, `"nodes" 是字符串，轨迹中这里应是数组`},
		{"unknown stage", `{"version":2,"nodes":["broker"],"steps":[{"index":0,"kind":"note","snapshot":{"clients":[{"inflight":[{"stage":"lunch"}]}]}}]}`, trace.NotTrace, 0, 0, `unknown in-flight stage "lunch"`, `不是有效的轨迹`},
		{"no version", `{"nodes":["broker"],"steps":[]}`, trace.OtherVersion, 0, 0, "version 1 trace", "第 1 版轨迹"},
		{"older", `{"version":1,"nodes":["broker"],"steps":[]}`, trace.OtherVersion, 0, 0, "version 1 is older than version 2", "格式版本 1 比这里能读取的第 2 版旧"},
		{"newer", `{"version":3,"nodes":["broker"],"steps":[]}`, trace.OtherVersion, 0, 0, "version 3 is newer than version 2", "格式版本 3 比这里能读取的第 2 版新"},
		{"no nodes", `{"version":2,"nodes":[],"steps":[` + goodStep + `]}`, trace.Inconsistent, 0, 0, "no lifelines", "没有生命线"},
		{"twice", `{"version":2,"nodes":["broker","a","a"],"steps":[` + goodStep + `]}`, trace.Inconsistent, 0, 0, `"a" is in "nodes" twice`, "出现了两次"},
		{"no steps", `{"version":2,"nodes":["broker","a"],"steps":[]}`, trace.Inconsistent, 0, 0, "no steps", "没有可以播放的步骤"},
		{"unknown from", `{"version":2,"nodes":["broker"],"steps":[` + goodStep + `]}`, trace.Inconsistent, 0, 0, `step 0: "from" "a" is not one of the lifelines`, `第 0 步："from" 的 "a" 不是`},
		{"unknown to", `{"version":2,"nodes":["broker","a"],"steps":[` + goodStep + `,{"index":1,"kind":"packet","from":"a","to":"<img src=x onerror=alert(1)>"}]}`, trace.Inconsistent, 0, 0, `step 1: "to" "<img src=x onerror=alert(1)>" is not`, "第 1 步"},
		{"index", `{"version":2,"nodes":["broker","a"],"steps":[{"index":4,"kind":"note"}]}`, trace.Inconsistent, 0, 0, `step 0: its "index" is 4`, `第 0 步：它的 "index" 是 4`},
		{"kind", `{"version":2,"nodes":["broker","a"],"steps":[{"index":0,"kind":"party","from":"a"}]}`, trace.Inconsistent, 0, 0, `unknown kind "party"`, "未知的步骤类型"},
		{"null session", `{"version":2,"nodes":["broker","a"],"steps":[{"index":0,"kind":"note","snapshot":{"broker":{"sessions":[null]}}}]}`, trace.Inconsistent, 0, 0, "null for a session", "null"},
		{"null client", `{"version":2,"nodes":["broker","a"],"steps":[{"index":0,"kind":"note","change":{"clients":[null]}}]}`, trace.Inconsistent, 0, 0, "null for a session or a client", "null"},
		{"too large", strings.Repeat(" ", trace.MaxReadBytes+1), trace.TooLarge, 0, 0, "16.0 MB, more than the 16.0 MB", "上限 16.0 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := trace.Read([]byte(tt.in))
			var re *trace.ReadError
			if !errors.As(err, &re) {
				t.Fatalf("error %v, want a *ReadError", err)
			}
			if re.Problem != tt.problem || re.Line != tt.line || re.Col != tt.col {
				t.Errorf("problem %d at %d:%d, want %d at %d:%d (%s)", re.Problem, re.Line, re.Col, tt.problem, tt.line, tt.col, re.Text.EN)
			}
			if !strings.Contains(re.Text.EN, tt.en) || !strings.Contains(re.Text.ZH, tt.zh) {
				t.Errorf("message\n%s\n%s\nwant %q and %q", re.Text.EN, re.Text.ZH, tt.en, tt.zh)
			}
		})
	}
}

// TestReadVersionError: a trace of another version is a *VersionError
// behind the ReadError, with the message UnmarshalJSON gives.
func TestReadVersionError(t *testing.T) {
	_, err := trace.Read([]byte(`{"version":7,"nodes":["broker"],"steps":[]}`))
	var ve *trace.VersionError
	if !errors.As(err, &ve) || ve.Got != 7 || ve.Missing {
		t.Fatalf("error %#v, want a VersionError of version 7", err)
	}
	var direct trace.Trace
	if err2 := json.Unmarshal([]byte(`{"version":7}`), &direct); err2 == nil || err2.Error() != ve.Error() {
		t.Errorf("UnmarshalJSON says %v, Read %v", err2, ve)
	}
}

// TestReadByteOrderMark: a file saved with a UTF-8 byte order mark reads.
func TestReadByteOrderMark(t *testing.T) {
	in := "\xef\xbb\xbf" + `{"version":2,"nodes":["broker","a"],"steps":[` + goodStep + `]}`
	if _, err := trace.Read([]byte(in)); err != nil {
		t.Fatal(err)
	}
}

// TestReadVersionAnyCase: Read finds the version as the JSON decoder
// does, whatever the field name's case, the last of two fields that
// name it winning, as when it read the document twice.
func TestReadVersionAnyCase(t *testing.T) {
	rest := `"nodes":["broker","a"],"steps":[` + goodStep + `]}`
	tests := []struct {
		in      string
		version int // 0: read
	}{
		{`{"version":2,` + rest, 0},
		{`{"Version":2,` + rest, 0},
		{`{"VERSION":1,` + rest, 1},
		{`{"version":2,"Version":1,` + rest, 1},
		{`{"Version":1,"version":2,` + rest, 0},
		{`{"version":null,` + rest, 1},
	}
	for _, tt := range tests {
		_, err := trace.Read([]byte(tt.in))
		var ve *trace.VersionError
		switch {
		case tt.version == 0 && err != nil:
			t.Errorf("%s: %v, want it read", tt.in, err)
		case tt.version != 0 && (!errors.As(err, &ve) || ve.Got != tt.version):
			t.Errorf("%s: %v, want a VersionError of version %d", tt.in, err, tt.version)
		}
	}
}

// FuzzRead: no input panics Read, and the state after every step of a
// trace it accepts can be read.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`{"version":2,"nodes":["broker","a"],"steps":[` + goodStep + `]}`))
	f.Add([]byte(`{"version":2,"nodes":["broker","a"],"steps":[{"index":0,"kind":"note","snapshot":{"broker":{"sessions":[{"clientId":"a"}]}}},{"index":1,"kind":"note","change":{"ended":["a"],"clients":[{"name":"a"}]}}]}`))
	f.Add([]byte(`[{"version":2}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tr, err := trace.Read(b)
		if err != nil {
			return
		}
		for i := range tr.Steps {
			tr.StateAt(i)
		}
	})
}
