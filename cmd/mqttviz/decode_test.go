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
		{name: "split over args with 0x and colons", args: []string{"0x10", "0x22:00:04", "4d5154540", "4C2007800063132333435360004", "79616E6700083131323233333434"}, code: 0,
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
		// Unusable input.
		{name: "odd length", args: []string{"30 0"}, code: 2, stderr: "3 hex digits is an odd number"},
		{name: "not hex", args: []string{"c0", "zz"}, code: 2, stderr: `"z" in argument 2 ("z") is not a hex digit`},
		{name: "not hex after 0x", args: []string{"0xc0 0x0g"}, code: 2, stderr: `"g" in argument 1 ("0g") is not a hex digit`},
		{name: "no bytes", args: nil, code: 2, stderr: "no bytes given"},
		{name: "only separators", args: []string{" : "}, code: 2, stderr: "no bytes given"},
		{name: "bad lang", args: []string{"--lang", "de", "c0 00"}, code: 2, stderr: "--lang must be en or zh"},
		{name: "unknown flag", args: []string{"--xml", "c0 00"}, code: 2, stderr: "flag provided but not defined: -xml"},
		{name: "help", args: []string{"--help"}, code: 0, stdout: []string{"Usage: mqttviz decode", "Exit code 0"}},
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
				phrases = append(phrases, bitsLabel(p.Bits, "en"), p.Name.EN)
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
		if got := slices.Sorted(maps.Keys(raw)); !reflect.DeepEqual(got, []string{"error", "fields", "type"}) {
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
		b, _ := hex.DecodeString(strings.ReplaceAll(c.in, " ", ""))
		a := codec.Annotate(b)
		var got decodeJSON
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		want := decodeJSON{Type: c.typ, Fields: []fieldJSON{}}
		for _, f := range a.Fields {
			want.Fields = append(want.Fields, fieldJSON{f.Section.String(), f.Name.In(c.lang), f.Offset, f.Length, f.Value.In(c.lang), f.Explain.In(c.lang)})
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

func TestParseHex(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"c0 00"}, "c000"},
		{[]string{"C0", "00"}, "c000"},
		{[]string{"0xC0", "0X00"}, "c000"},
		{[]string{"c0:00"}, "c000"},
		{[]string{"c", "000"}, "c000"},
		{[]string{"\tc0\n00 "}, "c000"},
		{[]string{"0xc000"}, "c000"},
	}
	for _, c := range cases {
		b, err := parseHex(c.args)
		if err != nil || hex.EncodeToString(b) != c.want {
			t.Errorf("parseHex(%q) = %x, %v; want %s", c.args, b, err, c.want)
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
