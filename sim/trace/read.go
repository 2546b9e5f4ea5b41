package trace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// MaxReadBytes is the largest trace Read accepts: 16 MiB, some thirty
// times the JSON of every built-in lesson together.
const MaxReadBytes = 16 << 20

// ReadProblem says what kind of bytes Read refused.
type ReadProblem int

// The problems Read reports.
const (
	// TooLarge: more than MaxReadBytes.
	TooLarge ReadProblem = iota + 1
	// NotJSON: not JSON text; Line and Col place the syntax error.
	NotJSON
	// NotTrace: JSON, but not of a trace's shape.
	NotTrace
	// OtherVersion: a trace of another format version (a *VersionError
	// is wrapped).
	OtherVersion
	// Inconsistent: a trace's parts do not fit together (a step on a
	// lifeline the trace does not have); Step is the step, -1 for none.
	Inconsistent
)

// ReadError is why Read refused some bytes, in English and Chinese.
type ReadError struct {
	Problem ReadProblem
	// Line and Col (1-based, Col in characters) place a syntax error.
	Line, Col int
	// Step is the index of the step at fault, -1 when none is.
	Step int
	// Text says what is wrong in one sentence.
	Text Text
	err  error
}

// Error is the English of Text.
func (e *ReadError) Error() string { return "trace: " + e.Text.EN }

// Unwrap returns the error behind it: the *VersionError of an
// OtherVersion, the JSON error of a NotJSON or NotTrace.
func (e *ReadError) Unwrap() error { return e.err }

// Read reads a trace from untrusted bytes (a file someone opened): it
// refuses, with a *ReadError, more than MaxReadBytes, what is not JSON,
// JSON that is not a trace, a trace of another version and a trace
// whose parts do not fit together (Check). A leading UTF-8 byte order
// mark is skipped. A trace Read returns can be played: it has steps and
// every one is on lifelines it has.
func Read(b []byte) (*Trace, error) {
	if len(b) > MaxReadBytes {
		return nil, TooLargeError(int64(len(b)))
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	fields, err := topFields(b)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return nil, syntaxProblem(b)
	}
	if !looksLikeTrace(fields) {
		return nil, &ReadError{Problem: NotTrace, Step: -1, Text: Text{
			EN: "this is JSON, but not a trace: a trace is an object with \"version\", \"nodes\" and \"steps\"",
			ZH: "这是 JSON，但不是轨迹文件：轨迹是一个包含 \"version\"、\"nodes\" 和 \"steps\" 的对象",
		}}
	}
	t := new(Trace)
	if err := t.decode(b, fields); err != nil {
		return nil, shapeProblem(b, err)
	}
	if err := t.Check(); err != nil {
		return nil, err
	}
	return t, nil
}

// TooLargeError is Read's refusal of size bytes, more than MaxReadBytes:
// for a reader that knows the size before reading.
func TooLargeError(size int64) *ReadError {
	return &ReadError{Problem: TooLarge, Step: -1, Text: Text{
		EN: fmt.Sprintf("the file is %s MB, more than the %s MB a trace may be", megabytes(size), megabytes(MaxReadBytes)),
		ZH: fmt.Sprintf("文件大小为 %s MB，超过了轨迹文件的上限 %s MB", megabytes(size), megabytes(MaxReadBytes)),
	}}
}

// syntaxProblem places the syntax error of b, which is not valid JSON.
func syntaxProblem(b []byte) *ReadError {
	var v any
	err := json.Unmarshal(b, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &ReadError{Problem: NotJSON, Step: -1, err: err, Text: Text{EN: "this is not JSON text", ZH: "这不是 JSON 文本"}}
	}
	line, col := position(b, se.Offset)
	return &ReadError{Problem: NotJSON, Line: line, Col: col, Step: -1, err: err, Text: Text{
		EN: fmt.Sprintf("this is not JSON: line %d, column %d: %s", line, col, se.Error()),
		ZH: fmt.Sprintf("这不是有效的 JSON：第 %d 行第 %d 列有语法错误（%s）", line, col, se.Error()),
	}}
}

// position is the line and column (in characters, both from 1) of the
// character a syntax error at offset off was found on: off counts the
// bytes read, that character included.
func position(b []byte, off int64) (line, col int) {
	at := min(max(int(off)-1, 0), len(b))
	before := b[:at]
	line = 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// topFields are the fields of the JSON object b by name, each as its
// text; an error when b is not JSON (a *json.SyntaxError) or not an
// object. Read's one pass over the whole document besides decoding it.
func topFields(b []byte) (map[string]json.RawMessage, error) {
	var fields map[string]json.RawMessage
	err := json.Unmarshal(b, &fields)
	return fields, err
}

// looksLikeTrace says whether a JSON object with these fields (nil: not
// an object) is meant as a trace: it has one of a trace's own fields,
// even if its values are wrong.
func looksLikeTrace(fields map[string]json.RawMessage) bool {
	for _, k := range []string{"version", "nodes", "steps"} {
		if _, ok := fields[k]; ok {
			return true
		}
	}
	return false
}

// shapeProblem turns an error of unmarshalling a trace into a ReadError.
func shapeProblem(b []byte, err error) *ReadError {
	var ve *VersionError
	if errors.As(err, &ve) {
		return &ReadError{Problem: OtherVersion, Step: -1, err: err, Text: ve.Text()}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		line, col := position(b, te.Offset)
		want, got := jsonKind(te.Type), jsonValue(te.Value)
		return &ReadError{Problem: NotTrace, Line: line, Col: col, Step: -1, err: err, Text: Text{
			EN: fmt.Sprintf("this is JSON, but not a trace: at line %d, column %d, %q is %s where a trace has %s", line, col, te.Field, got.EN, want.EN),
			ZH: fmt.Sprintf("这是 JSON，但不是有效的轨迹：第 %d 行第 %d 列的 %q 是%s，轨迹中这里应是%s", line, col, te.Field, got.ZH, want.ZH),
		}}
	}
	return &ReadError{Problem: NotTrace, Step: -1, err: err, Text: Text{
		EN: "this is JSON, but not a trace: " + err.Error(),
		ZH: "这是 JSON，但不是有效的轨迹：" + err.Error(),
	}}
}

// jsonKind names the JSON value a Go type reads.
func jsonKind(t reflect.Type) Text {
	if t == nil {
		return Text{EN: "another value", ZH: "其他值"}
	}
	switch t.Kind() {
	case reflect.String:
		return Text{EN: "a string", ZH: "字符串"}
	case reflect.Bool:
		return Text{EN: "true or false", ZH: "true 或 false"}
	case reflect.Slice, reflect.Array:
		return Text{EN: "an array", ZH: "数组"}
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return Text{EN: "an object", ZH: "对象"}
	case reflect.Float32, reflect.Float64:
		return Text{EN: "a number", ZH: "数字"}
	}
	return Text{EN: "a whole number in range", ZH: "范围内的整数"}
}

// jsonValue names the JSON value an UnmarshalTypeError found: "string",
// "number", "number 300", "bool", "array", "object".
func jsonValue(v string) Text {
	kind, rest, _ := strings.Cut(v, " ")
	names := map[string]Text{
		"string": {EN: "a string", ZH: "字符串"},
		"number": {EN: "a number", ZH: "数字"},
		"bool":   {EN: "true or false", ZH: "布尔值"},
		"array":  {EN: "an array", ZH: "数组"},
		"object": {EN: "an object", ZH: "对象"},
	}
	n, ok := names[kind]
	if !ok {
		return Text{EN: v, ZH: v}
	}
	if rest != "" {
		n.EN += " (" + rest + ")"
		n.ZH += "（" + rest + "）"
	}
	return n
}

// megabytes writes n bytes in MB (2^20 bytes) with one decimal.
func megabytes(n int64) string { return fmt.Sprintf("%.1f", float64(n)/(1<<20)) }
