package codec

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestParseHex(t *testing.T) {
	seed := []byte{0x30, 0x0b, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}
	tests := []struct {
		name, in string
		want     []byte
	}{
		{"spaced", "30 0b 00 04 31 31 31 31 39 39 39", seed},
		{"compact", "300b0004313131313939 39", seed},
		{"uppercase", "30 0B 00 04 31 31 31 31 39 39 39", seed},
		{"0x prefixes", "0x30 0x0b 0X00 0X04 0x31 0x31 0x31 0x31 0x39 0x39 0x39", seed},
		{"0x before a group", "0x300b0004 0x31313131 0x393939", seed},
		{"Go's one-digit 0x", "0x30, 0xb, 0x0, 0x4", []byte{0x30, 0x0b, 0, 4}},
		{"mixed separators", "30,0b;00:04\t31 ,31;\t31\n31, 39 39 39", seed},
		{"Windows new lines", "30 0b 00 04\r\n31 31 31 31\r\n39 39 39\r\n", seed},
		{"full-width separators", "30，0b；00：04、31\u300031\u00a031 31 39 39 39", seed},
		{"escapes", `\x30\x0b\x00\x04\x31\x31\x31\x31\x39\x39\x39`, seed},
		{"escapes apart", `\x30 \x0b \x00 \x04`, seed[:4]},
		{"separators only", " ,;\n\r\n ", nil},
		{"empty", "", nil},
		{"four digits alone are two bytes", "0000", []byte{0, 0}},
		{"a plain line that starts with eight digits", "300b0004  31313131 393939", seed},
		{"a plain line with six digits and a space", "300b00 04 31313131 393939", seed},
		{"colon-separated bytes, not an offset", "0000:0b", []byte{0, 0, 0x0b}},

		// Dumps: offsets and character columns are not bytes.
		{"offset with a colon", "0000: 30 0b 00 04 31 31 31 31 39 39 39", seed},
		{"hexdump -C, one line", "00000000  30 0b 00 04 31 31 31 31  39 39 39                 |0...1111999|\n0000000b\n", seed},
		{"hexdump -C without its column", "00000000  30 0b 00 04 31 31 31 31  39 39 39", seed},
		{"xxd, one line", "00000000: 300b 0004 3131 3131 3939 39              0...1111999\n", seed},
		{"xxd, column trimmed", "00000000: 300b 0004 3131 3131 3939 39   0...1111999", seed},
		{"od -Ax -tx1", "000000 30 0b 00 04 31 31 31 31 39 39 39\n00000b\n", seed},
		{"wireshark", "0000   30 0b 00 04 31 31 31 31 39 39 39               0...1111999\n", seed},
		{"wireshark with its middle gap", "0000  30 0b 00 04 31 31 31 31  39 39 39              0...1111999", seed},
		{"a column of hex-looking characters", "00000000: 6361 6665                                cafe", []byte("cafe")},
		{"a column that starts with a space", "0000   20 61   a", []byte(" a")},
		{"a column that ends with a space", "0000   61 20   a", []byte("a ")},
		{"a column that is all spaces", "0000   20 20", []byte("  ")},
		{"a column with bars inside", "00000000  7c 31 7c  ||1||", []byte("|1|")},
		{"a repeated line", "00000000  00 00  |..|\n*\n00000006  01  |.|\n00000007", []byte{0, 0, 0, 0, 0, 0, 1}},

		// Code.
		{"C array", "{0x30, 0x0b, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}", seed},
		{"C declaration", "uint8_t publish[] = {\n  0x30, 0x0B, 0x00, 0x04, // fixed header\n  0x31, 0x31, 0x31, 0x31, /* topic */ 0x39, 0x39, 0x39\n};", seed},
		{"Python list with comments", "[0x30, 0x0b,  # fixed header\n 0x00, 0x04]", seed[:4]},
		{"C array over lines", "unsigned char p[] = {\r\n  0x30, 0x0b,\r\n  0x00, 0x04,\r\n};", seed[:4]},
		{"Java bytes", "new byte[]{(byte)0x82, 0x09, (byte) 0x80}", []byte{0x82, 0x09, 0x80}},
		{"Java Arrays.toString", "[-126, 9, 0, 1, 0, 4, 50, 50, 50, 50, 0]", []byte{0x82, 9, 0, 1, 0, 4, 0x32, 0x32, 0x32, 0x32, 0}},
		{"Go fmt.Println", "[48 11 0 4]", seed[:4]},
		{"Python list", "[48, 11, 0, 4]", seed[:4]},
		{"JavaScript", "Buffer.from([0x30, 0x0b, 0x00, 0x04])", seed[:4]},
		{"Node Buffer", "<Buffer 30 0b 00 04>", seed[:4]},
		{"nested arrays", "{{0x30, 0x0b}, {0x00, 0x04}}", seed[:4]},
		{"C string", `"\x30\x0b\x00\x04"`, seed[:4]},
		{"C string over lines", "\"\\x30\\x0b\"\n  \"\\x00\\x04\";", seed[:4]},
		{"Python bytes", `b'0\x0b\x00\x041111999'`, seed},
		{"Python escapes", `b'\\\'\"\n\r\t\0'`, []byte{'\\', '\'', '"', '\n', '\r', '\t', 0}},
		{"JavaScript concatenation", `"\x30\x0b" + "\x00\x04"`, seed[:4]},
	}
	for _, tt := range tests {
		want := tt.want
		got, err := ParseHex(tt.in)
		if err != nil {
			t.Errorf("%s: ParseHex(%q): %v", tt.name, tt.in, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: ParseHex(%q) = % x, want % x", tt.name, tt.in, got, want)
		}
	}
}

// TestParseHexTools reads testdata/hex/stream.*.txt, the same stream
// (a CONNECT, a PUBLISH whose payload repeats and shows |{[ 0a ]}| in a
// dump's character column, a PINGREQ) as real tools print it: xxd
// (plain, -g1, -p, -i, with Windows new lines), hexdump -C and od -Ax
// -tx1 (with their "*" lines), Python's repr and list, Go's %#v and
// Println, Java's Arrays.toString (from Python, with Java's signed
// bytes) and Wireshark's "Copy as Hex Dump" layout (written by a script:
// offset, three spaces, sixteen bytes, three spaces, characters).
func TestParseHexTools(t *testing.T) {
	want, err := os.ReadFile("testdata/hex/stream.bin")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/hex/stream.*.txt")
	if len(files) < 12 {
		t.Fatalf("only %d tool outputs in testdata/hex", len(files))
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseHex(string(text))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got % x\nwant % x", f, got, want)
		}
	}
}

func TestParseHexErrors(t *testing.T) {
	tests := []struct {
		in        string
		problem   HexProblem
		line, col int
		found     string
	}{
		{"3", HexOddDigits, 1, 1, "3"},
		{"30 0b 0", HexOddDigits, 1, 7, "0"},
		{"30 0b0", HexOddDigits, 1, 4, "0b0"},
		{"30 0x0b0", HexOddDigits, 1, 4, "0x0b0"},
		{"30 zz", HexNotDigit, 1, 4, "z"},
		{"30-0b", HexNotDigit, 1, 3, "-"},
		{"é0", HexNotDigit, 1, 1, "é"},
		{"30 0b 中", HexNotDigit, 1, 7, "中"},
		{"30 0b\r\n0c\r\n0z", HexNotDigit, 3, 2, "z"},
		{"30 0x", HexNoDigits, 1, 4, "0x"},
		{`\x30\x`, HexNoDigits, 1, 5, `\x`},
		{"300x0b", HexNotDigit, 1, 4, "x"},
		{"{0x30, c0}", HexNotNumber, 1, 8, "c0"},
		{"{0x30, 0x300b}", HexNotByte, 1, 8, "0x300b"},
		{"[48, 256]", HexNotByte, 1, 6, "256"},
		{"[48, -129]", HexNotByte, 1, 6, "-129"},
		{"{0x30, 0x}", HexNoDigits, 1, 8, "0x"},
		{"{0x30, /* 0x0b }", HexUnclosed, 1, 8, "/* 0x0b "},
		{`"\x30\x0b`, HexUnclosed, 1, 1, `"\x30\x0b`},
		{`'\x3'`, HexNoDigits, 1, 2, `\x3'`},
		{`"\q"`, HexNotDigit, 1, 3, "q"},
		{`"\x30" x`, HexNotDigit, 1, 8, "x"},
		{"00000000  30 0b 00 04 31 31 31 31  39 39 39   0...1112999", HexNotDigit, 1, 48, "."},
		{strings.Repeat("a", 10001), HexOddDigits, 1, 1, strings.Repeat("a", 16) + "…"},
	}
	for _, tt := range tests {
		b, err := ParseHex(tt.in)
		var he *HexError
		if !errors.As(err, &he) {
			t.Errorf("ParseHex(%.20q) = % x, %v: want a *HexError", tt.in, b, err)
			continue
		}
		if b != nil {
			t.Errorf("ParseHex(%.20q) returns bytes with its error", tt.in)
		}
		if he.Problem != tt.problem || he.Line != tt.line || he.Column != tt.col || he.Found != tt.found {
			t.Errorf("ParseHex(%.20q) = %d at %d:%d %q, want %d at %d:%d %q", tt.in, he.Problem, he.Line, he.Column, he.Found, tt.problem, tt.line, tt.col, tt.found)
		}
		checkHexError(t, tt.in, he)
	}
}

// checkHexError holds what every error says: both languages, a short
// sentence, a place inside the text.
func checkHexError(t *testing.T, in string, he *HexError) {
	t.Helper()
	if he.Message.EN == "" || he.Message.ZH == "" || he.Message.EN == he.Message.ZH {
		t.Errorf("ParseHex(%.20q): message %+v", in, he.Message)
	}
	if len(he.Message.EN) > 160 {
		t.Errorf("ParseHex(%.20q): a %d-byte message", in, len(he.Message.EN))
	}
	if strings.ContainsAny(strings.Replace(he.Message.ZH, strconv.Quote(he.Found), "", 1), ",:;") {
		t.Errorf("ParseHex(%.20q): half-width punctuation in %q", in, he.Message.ZH)
	}
	if he.Offset < 0 || he.Offset > len(in) || he.Line < 1 || he.Column < 1 {
		t.Errorf("ParseHex(%.20q): at %d, line %d, column %d", in, he.Offset, he.Line, he.Column)
	}
	if !strings.HasPrefix(he.Error(), "line ") || he.Where().ZH == "" {
		t.Errorf("ParseHex(%.20q): Error() = %q", in, he.Error())
	}
}

func TestHexErrorChinese(t *testing.T) {
	_, err := ParseHex("30 0b 0")
	he := err.(*HexError)
	if got := he.Where().ZH + "：" + he.Message.ZH; got != `第 1 行第 7 列："0" 的十六进制位数是奇数：每个字节要写成两位（写 0a，不要写 a）。` {
		t.Errorf("Chinese: %s", got)
	}
}

// hexWriters print bytes the ways ParseHex reads them.
var hexWriters = map[string]func([]byte) string{
	"spaced":   func(b []byte) string { return fmt.Sprintf("% x", b) },
	"compact":  func(b []byte) string { return strings.ToUpper(hex.EncodeToString(b)) },
	"C array":  func(b []byte) string { return "uint8_t p[] = {" + joinBytes(b, "0x%02x", ", ") + "};" },
	"decimal":  func(b []byte) string { return "[" + joinBytes(b, "%d", ", ") + "]" },
	"escapes":  func(b []byte) string { return joinBytes(b, `\x%02x`, "") },
	"C string": func(b []byte) string { return `"` + joinBytes(b, `\x%02x`, "") + `"` },
	"xxd":      xxd,
}

func joinBytes(b []byte, format, sep string) string {
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprintf(format, c)
	}
	return strings.Join(parts, sep)
}

// xxd prints b as xxd does: offset, eight groups of two bytes, the
// characters.
func xxd(b []byte) string {
	var s strings.Builder
	for o := 0; o < len(b); o += 16 {
		line := b[o:min(o+16, len(b))]
		fmt.Fprintf(&s, "%08x: ", o)
		var h strings.Builder
		for i, c := range line {
			if i > 0 && i%2 == 0 {
				h.WriteByte(' ')
			}
			fmt.Fprintf(&h, "%02x", c)
		}
		fmt.Fprintf(&s, "%-40s  ", h.String())
		for _, c := range line {
			if c < 0x20 || c > 0x7e {
				c = '.'
			}
			s.WriteByte(c)
		}
		s.WriteByte('\n')
	}
	return s.String()
}

// FuzzParseHex: no text panics ParseHex; an error is a *HexError inside
// the text in both languages; bytes it reads, printed in every shape it
// accepts, read back the same.
func FuzzParseHex(f *testing.F) {
	for _, s := range []string{"30 0b 00 04", "0x30,0x0b", `\x30\x0b`, "{0x30, 11}", "[-1, 2]", `b'0\x0b'`,
		"00000000  30 0b  |0.|\n*\n00000004", "0000: 30", "<Buffer 30>", "30 0", "é", "\"\\x"} {
		f.Add(s)
	}
	files, _ := filepath.Glob("testdata/hex/stream.*.txt")
	for _, name := range files {
		text, _ := os.ReadFile(name)
		f.Add(string(text))
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseHex(s)
		if err != nil {
			var he *HexError
			if !errors.As(err, &he) {
				t.Fatalf("ParseHex(%q): %T %v", s, err, err)
			}
			checkHexError(t, s, he)
			return
		}
		for name, write := range hexWriters {
			again, err := ParseHex(write(b))
			if err != nil || !bytes.Equal(again, b) {
				t.Fatalf("ParseHex(%q) = % x; as %s %q reads back % x, %v", s, b, name, write(b), again, err)
			}
		}
	})
}

func TestHexWritersRoundTrip(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	for name, write := range hexWriters {
		for _, b := range [][]byte{all, all[:1], all[0x20:0x7f], []byte("  cafe "), bytes.Repeat([]byte{0x7c}, 40)} {
			got, err := ParseHex(write(b))
			if err != nil || !bytes.Equal(got, b) {
				t.Errorf("%s of % x: % x, %v", name, b[:min(len(b), 8)], got, err)
			}
		}
	}
}

// BenchmarkParseHex2MB reads a 2 MB paste: 699,051 bytes written "30 0b …".
func BenchmarkParseHex2MB(b *testing.B) {
	text := strings.Repeat("31 ", 2<<20/3)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ParseHex(text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseHexDump2MB reads a 2 MB hexdump -C.
func BenchmarkParseHexDump2MB(b *testing.B) {
	var s strings.Builder
	line := "  30 0b 00 04 31 31 31 31  39 39 39 30 0b 00 04 31  |0...11119990...1|\n"
	for o := 0; s.Len() < 2<<20; o += 16 {
		fmt.Fprintf(&s, "%08x%s", o, line)
	}
	text := s.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ParseHex(text); err != nil {
			b.Fatal(err)
		}
	}
}
