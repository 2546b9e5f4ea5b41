package codec

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// teachingCases are the byte examples of the teaching brief
// (shared/teaching.md) and the seed tutorials' mistakes: each decodes as
// described there, or is reported with the right rule and offset.
var teachingCases = []struct {
	name string
	hex  string
	// want is the decoded packet's String(), for well-formed bytes.
	want string
	// err, rule, offset: the fault, for malformed bytes.
	err    *Error
	rule   string
	offset int
	// explains are phrases the annotation must contain (in its values,
	// explanations or fault), the point the example teaches.
	explains []string
}{
	{name: "CONNECT MQTT level 4, flags C2, keepalive 120, client 123456, user yang, password 11223344",
		hex:      "10 22 00 04 4D 51 54 54 04 C2 00 78 00 06 31 32 33 34 35 36 00 04 79 61 6E 67 00 08 31 31 32 32 33 33 34 34",
		want:     "CONNECT id=123456 clean keepalive=120 user=yang password",
		explains: []string{`"MQTT"`, "0xc2 = 1100 0010", "120 s", `"yang"`, `"11223344"`}},
	{name: "CONNECT from the seed with keepalive 3",
		hex:  "10 22 00 04 4D 51 54 54 04 C2 00 03 00 06 31 32 33 34 35 36 00 04 79 61 6E 67 00 08 31 31 32 32 33 33 34 34",
		want: "CONNECT id=123456 clean keepalive=3 user=yang password"},
	{name: "CONNACK accepted", hex: "20 02 00 00", want: "CONNACK 0 accepted",
		explains: []string{"connection accepted"}},
	{name: "CONNACK bad user name or password", hex: "20 02 00 04", want: "CONNACK 4 bad-username-password",
		explains: []string{"bad user name or password"}},
	{name: "seed mistake: CONNACK 01 after Clean Session 1 is a session present flag the server must not set",
		hex: "20 02 01 00", want: "CONNACK 0 accepted session-present",
		explains: []string{"after Clean Session 1 it must be 0 [MQTT-3.2.2-1]"}},
	{name: "SUBSCRIBE id 1, 2222, QoS 0", hex: "82 09 00 01 00 04 32 32 32 32 00",
		want: "SUBSCRIBE id=1 2222 q0", explains: []string{"0010"}},
	{name: "SUBACK one grant", hex: "90 03 00 01 00", want: "SUBACK id=1 [0]",
		explains: []string{"maximum QoS 0 granted"}},
	{name: "SUBACK two grants", hex: "90 04 00 01 00 01", want: "SUBACK id=1 [0 1]"},
	{name: "SUBACK failure is 0x80, not 00 as the seed prints", hex: "90 03 00 01 80", want: "SUBACK id=1 [0x80]",
		explains: []string{"failure: the subscription was refused"}},
	{name: "seed mistake: PUBLISH QoS 0 whose Remaining Length says 11 while 9 bytes follow",
		hex: "30 0b 00 04 31 31 31 31 39 39 39",
		err: ErrIncomplete, rule: "MQTT 2.2.3", offset: 1,
		explains: []string{"Remaining Length says 11 but 9 bytes follow"}},
	{name: "PUBLISH QoS 0 with the Remaining Length fixed", hex: "30 09 00 04 31 31 31 31 39 39 39",
		want: "PUBLISH q0 1111"},
	{name: "PUBLISH QoS 1, id 1", hex: "32 0b 00 04 31 31 31 31 00 01 39 39 39", want: "PUBLISH q1 id=1 1111"},
	{name: "PUBLISH QoS 1 resent with DUP", hex: "3A 0b 00 04 31 31 31 31 00 02 39 39 39", want: "PUBLISH q1 id=2 dup 1111",
		explains: []string{"resend"}},
	{name: "PUBLISH QoS 2", hex: "34 0b 00 04 31 31 31 31 00 01 39 39 39", want: "PUBLISH q2 id=1 1111",
		explains: []string{"exactly once"}},
	{name: "PUBREC", hex: "50 02 00 01", want: "PUBREC id=1"},
	{name: "PUBREL carries flags 0010", hex: "62 02 00 01", want: "PUBREL id=1"},
	{name: "PUBCOMP", hex: "70 02 00 01", want: "PUBCOMP id=1"},
	{name: "PUBACK", hex: "40 02 00 01", want: "PUBACK id=1"},
	{name: "PUBLISH QoS 0 with RETAIN", hex: "31 09 00 04 31 31 31 31 39 39 39", want: "PUBLISH q0 retain 1111",
		explains: []string{"retained message"}},
	{name: "PINGREQ", hex: "C0 00", want: "PINGREQ"},
	{name: "PINGRESP", hex: "D0 00", want: "PINGRESP"},
	{name: "DISCONNECT", hex: "E0 00", want: "DISCONNECT"},
	{name: "Remaining Length 0x50 is one byte", hex: "30 50 00 01 61" + strings.Repeat(" 78", 77),
		want: "PUBLISH q0 a", explains: []string{"0x50: 80 × 1 = 80"}},
	{name: "Remaining Length 80 80 01 is three bytes: 16384", hex: "30 80 80 01 00 01 61" + strings.Repeat(" 78", 16381),
		want: "PUBLISH q0 a", explains: []string{"0x80: 0 × 1 = 0", "0x80: 0 × 128 = 0", "0x01: 1 × 16384 = 16384"}},
	{name: "a fifth Remaining Length byte is malformed", hex: "30 80 80 80 80 01",
		err: ErrRemainingLengthTooLong, rule: "MQTT 2.2.3", offset: 4},
	{name: "the seed's C code writes 200 as one byte: 0xc8 has the continuation bit set",
		hex: "30 c8 00 01 61" + strings.Repeat(" 78", 197),
		err: ErrPacketLength, rule: "MQTT-3.3.2-1", offset: 5,
		explains: []string{"0xc8: 72 × 1 = 72", "continuation bit 1", "0x00: 0 × 128 = 0"}},
	{name: "seed mistake: PUBACK as 0010 0000 is CONNACK", hex: "20 02 00 01", want: "CONNACK 1 unacceptable-protocol-version",
		explains: []string{"2 = CONNACK"}},
	{name: "seed mistake: PUBREC as 0011 0000 is a PUBLISH too short for its topic", hex: "30 02 00 01",
		err: ErrPacketLength, rule: "MQTT-3.3.2-1", offset: 4, explains: []string{"3 = PUBLISH"}},
	{name: "seed mistake: PUBREL as 0101 0000 is PUBREC", hex: "50 02 00 01", want: "PUBREC id=1"},
	{name: "PUBREL with flags 0000 is malformed", hex: "60 02 00 01",
		err: ErrReservedFlags, rule: "MQTT-3.6.1-1", offset: 0, explains: []string{"must be 0010"}},
	{name: "seed mistake: PINGRESP as 1110 0000 is DISCONNECT", hex: "E0 00", want: "DISCONNECT"},
	{name: "seed mistake: DISCONNECT as 1111 0000 is reserved type 15", hex: "F0 00",
		err: ErrReservedType, rule: "MQTT 2.2.1", offset: 0},
	{name: "packet identifier 0 is malformed", hex: "32 0b 00 04 31 31 31 31 00 00 39 39 39",
		err: ErrPacketIDZero, rule: "MQTT-2.3.1-1", offset: 8},
}

// TestTeaching decodes every teaching example as teaching.md describes it.
func TestTeaching(t *testing.T) {
	for _, tc := range teachingCases {
		t.Run(tc.name, func(t *testing.T) {
			b := mustHex(t, tc.hex)
			p, err := Decode(b)
			a := Annotate(b)
			if tc.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				if p.String() != tc.want {
					t.Fatalf("decoded %q, want %q", p.String(), tc.want)
				}
				if a.Err != nil || a.Packet.String() != tc.want {
					t.Fatalf("Annotate disagrees: %v %v", a.Packet, a.Err)
				}
			} else {
				var e *Error
				if !errors.As(err, &e) || !errors.Is(err, tc.err) || e.Rule != tc.rule || e.Offset != tc.offset {
					t.Fatalf("error %v, want %s %s at %d", err, tc.err.Token, tc.rule, tc.offset)
				}
				if a.Err == nil || *a.Err != *e {
					t.Fatalf("Annotate's fault %v, Decode's %v", a.Err, e)
				}
			}
			text := renderAnnotation(a, "en")
			for _, s := range tc.explains {
				if !strings.Contains(text, s) {
					t.Errorf("annotation lacks %q:\n%s", s, text)
				}
			}
		})
	}
}

// TestTeachingGolden compares the annotations of the teaching examples,
// in English and Chinese, with testdata/teaching.golden (-update rewrites
// it).
func TestTeachingGolden(t *testing.T) {
	var sb strings.Builder
	for _, tc := range teachingCases {
		if len(tc.hex) > 200 {
			continue // the long Remaining Length examples: their payload is noise
		}
		a := Annotate(mustHex(t, tc.hex))
		sb.WriteString("=== " + tc.name + "\n" + tc.hex + "\n")
		sb.WriteString(renderAnnotation(a, "en"))
		sb.WriteString(renderAnnotation(a, "zh"))
		sb.WriteString("\n")
	}
	golden(t, "teaching.golden", sb.String())
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs at line %d:\n got %s\nwant %s\n(run go test -update if the change is right)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d (run go test -update if the change is right)", path, len(gl), len(wl))
	}
}

// renderAnnotation writes an annotation as indented text in one language.
func renderAnnotation(a Annotation, lang string) string {
	var sb strings.Builder
	for _, f := range a.Fields {
		sb.WriteString("[" + strconv.Itoa(f.Offset) + "+" + strconv.Itoa(f.Length) + "] " +
			f.Section.Name().In(lang) + " · " + f.Name.In(lang) + " = " + f.Value.In(lang) + "\n    " + f.Explain.In(lang) + "\n")
		for _, p := range f.Parts {
			sb.WriteString("      " + p.Place.String() + " " + p.Name.In(lang) + " = " + p.Value.In(lang) + ": " + p.Explain.In(lang) + "\n")
		}
	}
	if a.Err != nil {
		sb.WriteString("!! offset " + strconv.Itoa(a.Err.Offset) + " " + a.Err.Rule + " (" + a.Err.Token + "): " + a.Err.Message.In(lang) + "\n")
	}
	return sb.String()
}

// mustHex parses hex bytes separated by spaces.
func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	var b []byte
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseUint(f, 16, 8)
		if err != nil {
			t.Fatalf("bad hex %q", f)
		}
		b = append(b, byte(v))
	}
	return b
}
