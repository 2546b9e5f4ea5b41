package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"mqttviz/codec"
)

// seedConnect is the CONNECT of teaching.md as the seed prints it.
const seedConnect = "10 22 00 04 4D 51 54 54 04 C2 00 78 00 06 31 32 33 34 35 36 00 04 79 61 6E 67 00 08 31 31 32 32 33 33 34 34"

func TestDecodeCommand(t *testing.T) {
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout []string // phrases, in order, after squeezing table spaces
		stderr string
	}{
		{name: "seed CONNECT", args: []string{seedConnect}, code: 0,
			stdout: []string{"CONNECT (36 bytes)", "section offset bytes field value explanation", "fixed header 0 10", "123456", "yang"}},
		{name: "split over args with 0x and colons", args: []string{"0x10", "0x22:00:04", "4d515454", "04C2007800063132333435360004", "79616E6700083131323233333434"}, code: 0,
			stdout: []string{"CONNECT (36 bytes)"}},
		{name: "PUBLISH QoS 1 id 1", args: []string{"32 0b 00 04 31 31 31 31 00 01 39 39 39"}, code: 0,
			stdout: []string{"PUBLISH (13 bytes)", "fixed header 0 32", "1111", "999"}},
		{name: "PUBLISH resent with DUP", args: []string{"3A 0b 00 04 31 31 31 31 00 02 39 39 39"}, code: 0, stdout: []string{"PUBLISH"}},
		{name: "SUBACK failure", args: []string{"90 03 00 01 80"}, code: 0, stdout: []string{"SUBACK (5 bytes)"}},
		{name: "PINGREQ", args: []string{"C0 00"}, code: 0, stdout: []string{"PINGREQ (2 bytes)", "fixed header 0 c0"}},
		{name: "Chinese", args: []string{"--lang", "zh", "E0 00"}, code: 0, stdout: []string{"DISCONNECT (2 字节)", "部分 偏移 字节 字段 值 说明", "固定报头 0 e0"}},
		{name: "Chinese values", args: []string{"--lang", "zh", "20 02 00 00"}, code: 0, stdout: []string{"CONNACK (4 字节)", "0 = 连接已接受"}},
		{name: "Chinese PUBLISH flags", args: []string{"--lang", "zh", "3b 05 00 01 61 00 01"}, code: 0, stdout: []string{"PUBLISH，QoS 1，DUP，RETAIN"}},
		// ✗ the seeds' mistakes.
		{name: "seed PUBLISH Remaining Length 11, 9 bytes follow", args: []string{"30 0b 00 04 31 31 31 31 39 39 39"}, code: 1,
			stdout: []string{"PUBLISH (11 bytes)", "fixed header 0 30", "MALFORMED at offset"}},
		{name: "seed PUBREL with flags 0000", args: []string{"62 02 00 01"}, code: 0, stdout: []string{"PUBREL"}},
		{name: "seed PUBREL as 0110 0000", args: []string{"60 02 00 01"}, code: 1, stdout: []string{"MALFORMED at offset 0 [rule MQTT-3.6.1-1]"}},
		{name: "seed DISCONNECT as 1111 0000", args: []string{"F0 00"}, code: 1, stdout: []string{"MALFORMED at offset 0"}},
		{name: "Remaining Length of five bytes", args: []string{"30 80 80 80 80 01"}, code: 1, stdout: []string{"MALFORMED at offset"}},
		// Tutorial and tool formats.
		{name: "C array", args: []string{"{0x30, 0x0b, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}"}, code: 1, stdout: []string{"PUBLISH (11 bytes)"}},
		{name: "C array split by the shell", args: []string{"{0xc0,", "0x00}"}, code: 0, stdout: []string{"PINGREQ (2 bytes)"}},
		{name: "escapes", args: []string{`\xc0\x00`}, code: 0, stdout: []string{"PINGREQ (2 bytes)"}},
		{name: "hexdump -C", args: []string{"00000000  c0 00 d0 00                                       |....|\n00000004\n"}, code: 0,
			stdout: []string{"2 packets in 4 bytes", "packet 1 at offset 0: PINGREQ (2 bytes)", "packet 2 at offset 2: PINGRESP (2 bytes)"}},
		{name: "Java bytes after --", args: []string{"--", "[-112, 3, 0, 1, -128]"}, code: 0, stdout: []string{"SUBACK (5 bytes)"}},
		// Streams.
		{name: "PINGREQ then PINGRESP", args: []string{"c0 00 d0 00"}, code: 0,
			stdout: []string{"2 packets in 4 bytes", "packet 1 at offset 0: PINGREQ (2 bytes)", "fixed header 0 c0", "packet 2 at offset 2: PINGRESP (2 bytes)", "fixed header 0 d0"}},
		{name: "a stream with a malformed packet", args: []string{"c0 00 60 02 00 01 e0 00"}, code: 1,
			stdout: []string{"3 packets in 8 bytes", "packet 2 at offset 2: PUBREL (4 bytes)", "MALFORMED at offset 0 [rule MQTT-3.6.1-1]", "packet 3 at offset 6: DISCONNECT (2 bytes)"}},
		{name: "a stream cut short", args: []string{"c0 00 30 0b 00 04 31 31 31 31 39 39 39"}, code: 1,
			stdout: []string{"2 packets in 13 bytes", "packet 2 at offset 2: PUBLISH (11 bytes)", "Remaining Length says 11 but 9 bytes follow", "2 more bytes announced: the input ends before the packet does."}},
		{name: "Chinese stream", args: []string{"--lang", "zh", "c0 00 30 0b 00 04 31 31 31 31 39 39 39"}, code: 1,
			stdout: []string{"共 2 个报文，13 字节", "第 2 个报文，偏移 2：PUBLISH（11 字节）", "第 1 字节", "按剩余长度还应有 2 个字节，但输入已经结束。"}},
		// Unusable input.
		{name: "odd length", args: []string{"30 0"}, code: 2, stderr: `line 1, column 4: "0" has an odd number of hex digits`},
		{name: "odd length in Chinese", args: []string{"--lang", "zh", "30 0"}, code: 2, stderr: `第 1 行第 4 列："0" 的十六进制位数是奇数`},
		{name: "not hex", args: []string{"c0", "zz"}, code: 2, stderr: `argument 2, column 1: "z" is not a hex digit`},
		{name: "not hex after 0x", args: []string{"0xc0 0x0g"}, code: 2, stderr: `line 1, column 9: "g" is not a hex digit`},
		{name: "not hex on a later line", args: []string{"c0", "00\n0g"}, code: 2, stderr: `argument 2, line 2, column 2: "g" is not a hex digit`},
		{name: "no bytes", args: nil, code: 2, stderr: "no bytes given"},
		{name: "only separators", args: []string{" : "}, code: 2, stderr: "no bytes given"},
		{name: "no bytes in Chinese", args: []string{"--lang", "zh"}, code: 2, stderr: "没有给出任何字节"},
		{name: "bad lang", args: []string{"--lang", "de", "c0 00"}, code: 2, stderr: "--lang must be en or zh"},
		{name: "unknown flag", args: []string{"--xml", "c0 00"}, code: 2, stderr: "flag provided but not defined: -xml"},
		{name: "help", args: []string{"--help"}, code: 0, stdout: []string{"Usage: mqttviz decode", "Several packets", "xxd", "Exit code 0", `"packets"`}},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := runDecode(c.args, &out, &errOut)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", c.name, code, c.code, out.String(), errOut.String())
			continue
		}
		if rest, ok := containsInOrder(squeeze(out.String()), c.stdout); !ok {
			t.Errorf("%s: stdout lacks %q (in order):\n%s", c.name, rest, out.String())
		}
		if !strings.Contains(errOut.String(), c.stderr) || (c.stderr == "" && errOut.Len() > 0) {
			t.Errorf("%s: stderr %q, want %q", c.name, errOut.String(), c.stderr)
		}
		if c.code == 2 && !strings.HasPrefix(c.name, "help") && out.Len() > 0 {
			t.Errorf("%s: unexpected stdout:\n%s", c.name, out.String())
		}
	}
}

// TestDecodeTableShowsEveryField checks that the table has a row for
// every field Annotate finds and a row for every part, indented below it.
func TestDecodeTableShowsEveryField(t *testing.T) {
	for _, in := range []string{seedConnect, "30 0b 00 04 31 31 31 31 39 39 39", "82 09 00 01 00 04 32 32 32 32 00"} {
		b, _ := hex.DecodeString(strings.ReplaceAll(in, " ", ""))
		a := codec.Annotate(b)
		var out bytes.Buffer
		runDecode([]string{in}, &out, &bytes.Buffer{})
		var phrases []string
		for _, f := range a.Fields {
			phrases = append(phrases, f.Name.EN)
			for _, p := range f.Parts {
				phrases = append(phrases, p.Place.Name().EN, p.Name.EN)
			}
		}
		if rest, ok := containsInOrder(out.String(), phrases); !ok {
			t.Errorf("%s: table lacks %q:\n%s", in, rest, out.String())
		}
	}
}

func TestDecodeJSON(t *testing.T) {
	cases := []struct {
		in, lang string
		code     int
		typ      string
	}{
		{seedConnect, "en", 0, "CONNECT"},
		{"20 02 00 04", "zh", 0, "CONNACK"},
		{"90 04 00 01 00 01", "en", 0, "SUBACK"},
		{"30 0b 00 04 31 31 31 31 39 39 39", "en", 1, "PUBLISH"},
		{"30 0b 00 04 31 31 31 31 39 39 39", "zh", 1, "PUBLISH"},
		{"60 02 00 01", "en", 1, "PUBREL"},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		if code := runDecode([]string{"--json", "--lang", c.lang, c.in}, &out, &errOut); code != c.code {
			t.Errorf("%s: exit %d, want %d (%s)", c.in, code, c.code, errOut.String())
			continue
		}
		// The exact shape: three keys, six per field.
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(out.Bytes(), &raw); err != nil {
			t.Fatalf("%s: %v\n%s", c.in, err, out.String())
		}
		b, _ := hex.DecodeString(strings.ReplaceAll(c.in, " ", ""))
		missing := codec.SplitStream(b)[0].Missing
		keys := []string{"error", "fields", "type"}
		if missing > 0 {
			keys = []string{"error", "fields", "missing", "type"}
		}
		if got := slices.Sorted(maps.Keys(raw)); !reflect.DeepEqual(got, keys) {
			t.Errorf("%s: keys %v", c.in, got)
		}
		var fields []map[string]any
		json.Unmarshal(raw["fields"], &fields)
		for _, f := range fields {
			if got := slices.Sorted(maps.Keys(f)); !reflect.DeepEqual(got, []string{"explain", "length", "name", "offset", "section", "value"}) {
				t.Errorf("%s: field keys %v", c.in, got)
			}
		}
		// The content: Annotate's, in the chosen language.
		a := codec.Annotate(b)
		var got decodeJSON
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		want := decodeJSON{Type: c.typ, Fields: []fieldJSON{}, Missing: missing}
		for _, f := range a.Fields {
			want.Fields = append(want.Fields, fieldJSON{f.Section.String(), f.Name.In(c.lang), f.Offset, f.Length, f.Value.In(c.lang), f.Explain.In(c.lang)})
		}
		if c.in == "30 0b 00 04 31 31 31 31 39 39 39" && missing != 2 {
			t.Errorf("the seed's PUBLISH misses %d bytes, want 2", missing)
		}
		if a.Err != nil {
			want.Error = &errorJSON{a.Err.Offset, a.Err.Rule, a.Err.Message.In(c.lang)}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s --lang %s:\n got %+v\nwant %+v", c.in, c.lang, got, want)
		}
		if string(raw["error"]) == "null" != (c.code == 0) {
			t.Errorf("%s: error is %s with exit %d", c.in, raw["error"], c.code)
		}
		if c.code == 1 && len(got.Fields) == 0 {
			t.Errorf("%s: no fields before the fault", c.in)
		}
	}
}

// TestDecodeJSONStream checks the --json output of several packets: one
// object per packet, in order, with its offset in the stream, the
// fields and fault of that packet alone.
func TestDecodeJSONStream(t *testing.T) {
	in := "c0 00 60 02 00 01 30 0b 00 04 31 31 31 31 39 39 39"
	var out, errOut bytes.Buffer
	if code := runDecode([]string{"--json", "--lang", "zh", in}, &out, &errOut); code != 1 {
		t.Fatalf("exit %d, want 1 (%s)", code, errOut.String())
	}
	var raw map[string][]map[string]json.RawMessage
	if err := json.Unmarshal(out.Bytes(), &raw); err != nil || len(raw) != 1 || len(raw["packets"]) != 3 {
		t.Fatalf("%v: want {\"packets\": [3 packets]}:\n%s", err, out.String())
	}
	var got packetsJSON
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	b, _ := hex.DecodeString(strings.ReplaceAll(in, " ", ""))
	for i, p := range codec.SplitStream(b) {
		g := got.Packets[i]
		a := codec.Annotate(p.Bytes)
		if g.Offset == nil || *g.Offset != p.Offset || g.Type != a.Type.String() || len(g.Fields) != len(a.Fields) || g.Missing != p.Missing {
			t.Errorf("packet %d: %+v, want offset %d, %s, %d fields, %d missing", i, g, p.Offset, a.Type, len(a.Fields), p.Missing)
		}
		if (g.Error == nil) != (a.Err == nil) || a.Err != nil && g.Error.Message != a.Err.Message.ZH {
			t.Errorf("packet %d: error %+v, want %v", i, g.Error, a.Err)
		}
		keys := slices.Sorted(maps.Keys(raw["packets"][i]))
		want := []string{"error", "fields", "offset", "type"}
		if p.Missing > 0 {
			want = []string{"error", "fields", "missing", "offset", "type"}
		}
		if !reflect.DeepEqual(keys, want) {
			t.Errorf("packet %d: keys %v, want %v", i, keys, want)
		}
	}
}

// TestDecodeTeachingExamples decodes every byte example of teaching.md:
// the packet type the command names and its verdict.
func TestDecodeTeachingExamples(t *testing.T) {
	cases := []struct {
		hex, typ string
		code     int
	}{
		{seedConnect, "CONNECT", 0},
		{"20 02 00 00", "CONNACK", 0},
		{"20 02 00 04", "CONNACK", 0},
		{"82 09 00 01 00 04 32 32 32 32 00", "SUBSCRIBE", 0},
		{"90 03 00 01 00", "SUBACK", 0},
		{"90 04 00 01 00 01", "SUBACK", 0},
		{"90 03 00 01 80", "SUBACK", 0},
		{"30 0b 00 04 31 31 31 31 39 39 39", "PUBLISH", 1}, // ✗ Remaining Length 11, 9 bytes follow
		{"32 0b 00 04 31 31 31 31 00 01 39 39 39", "PUBLISH", 0},
		{"3A 0b 00 04 31 31 31 31 00 02 39 39 39", "PUBLISH", 0},
		{"34 0b 00 04 31 31 31 31 00 01 39 39 39", "PUBLISH", 0},
		{"50 02 00 01", "PUBREC", 0},
		{"62 02 00 01", "PUBREL", 0},
		{"70 02 00 01", "PUBCOMP", 0},
		{"40 02 00 01", "PUBACK", 0},
		{"31 09 00 04 31 31 31 31 39 39 39", "PUBLISH", 0},
		{"C0 00", "PINGREQ", 0},
		{"D0 00", "PINGRESP", 0},
		{"E0 00", "DISCONNECT", 0},
		// ✗ seed 002's DISCONNECT, 1111 0000, is the reserved type 15; a
		// PUBREL whose flags are 0000 instead of 0010 is malformed.
		{"F0 00", "Reserved(15)", 1},
		{"60 02 00 01", "PUBREL", 1},
	}
	for _, c := range cases {
		var out bytes.Buffer
		code := runDecode([]string{"--json", c.hex}, &out, &bytes.Buffer{})
		var got decodeJSON
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("%s: %v", c.hex, err)
		}
		if code != c.code || got.Type != c.typ {
			t.Errorf("%s: %s exit %d, want %s exit %d (error %+v)", c.hex, got.Type, code, c.typ, c.code, got.Error)
		}
	}
}
