package main

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"mqttviz/codec"
)

const decodeUsage = `Usage: mqttviz decode [--json] [--lang en|zh] HEX...

Decodes one MQTT 3.1.1 packet and explains it byte by byte: section, offset,
bytes, field, value and what it means. The hex may contain spaces and colons,
bytes may carry a 0x prefix, and the packet may be split over several
arguments:  mqttviz decode 30 0b 00 04 31 31 31 31 39 39 39

Exit code 0: a well-formed packet; 1: a malformed one (the fault is printed
after the fields understood before it); 2: the input is not hex.
`

// runDecode is `mqttviz decode`: codec.Annotate's breakdown of the bytes
// as a table or as JSON.
func runDecode(args []string, stdout, stderr io.Writer) int {
	c := newCLI("decode", decodeUsage)
	asJSON := c.fs.Bool("json", false, `print {"type", "fields": [...], "error"} instead of a table`)
	lang := c.lang()
	pos, code, done := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	b, err := parseHex(pos)
	if err != nil {
		fmt.Fprintf(stderr, "mqttviz decode: %v\n", err)
		return 2
	}
	a := codec.Annotate(b)
	if *asJSON {
		err = writeDecodeJSON(stdout, a, *lang)
	} else {
		err = writeDecodeTable(stdout, a, b, *lang)
	}
	if err != nil {
		fmt.Fprintf(stderr, "mqttviz decode: %v\n", err)
		return 2
	}
	if a.Err != nil {
		return 1
	}
	return 0
}

// parseHex joins the arguments into bytes: whitespace and colons separate,
// a 0x or 0X prefix may start each group, and the digits of all groups
// are read as one string, two per byte.
func parseHex(args []string) ([]byte, error) {
	var digits strings.Builder
	for n, arg := range args {
		groups := strings.FieldsFunc(arg, func(r rune) bool {
			return r == ':' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == ','
		})
		for _, g := range groups {
			if len(g) > 2 && (g[:2] == "0x" || g[:2] == "0X") {
				g = g[2:]
			}
			for i, r := range g {
				if !isHexDigit(r) {
					return nil, fmt.Errorf("%q in argument %d (%q) is not a hex digit", string(r), n+1, g[:i+len(string(r))])
				}
			}
			digits.WriteString(g)
		}
	}
	s := digits.String()
	switch {
	case s == "":
		return nil, errors.New("no bytes given; try: mqttviz decode c0 00")
	case len(s)%2 == 1:
		return nil, fmt.Errorf("%d hex digits is an odd number: each byte takes two (write 0a, not a)", len(s))
	}
	return hex.DecodeString(s)
}

func isHexDigit(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}

// decodeJSON is the --json output.
type decodeJSON struct {
	Type   string      `json:"type"`
	Fields []fieldJSON `json:"fields"`
	Error  *errorJSON  `json:"error"`
}

// fieldJSON is one field of the --json output.
type fieldJSON struct {
	Section string `json:"section"`
	Name    string `json:"name"`
	Offset  int    `json:"offset"`
	Length  int    `json:"length"`
	Value   string `json:"value"`
	Explain string `json:"explain"`
}

// errorJSON is the fault of a malformed packet in the --json output.
type errorJSON struct {
	Offset  int    `json:"offset"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

func writeDecodeJSON(w io.Writer, a codec.Annotation, lang string) error {
	out := decodeJSON{Type: a.Type.String(), Fields: []fieldJSON{}}
	for _, f := range a.Fields {
		out.Fields = append(out.Fields, fieldJSON{
			Section: f.Section.String(),
			Name:    f.Name.In(lang),
			Offset:  f.Offset,
			Length:  f.Length,
			Value:   f.Value.In(lang),
			Explain: f.Explain.In(lang),
		})
	}
	if a.Err != nil {
		out.Error = &errorJSON{Offset: a.Err.Offset, Rule: a.Err.Rule, Message: a.Err.Message.In(lang)}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// decodeWords are the words of the decode table in one language.
type decodeWords struct {
	bytes, header, malformed, rule, colon string
}

var decodeLabels = map[string]decodeWords{
	"en": {"bytes", "section\toffset\tbytes\tfield\tvalue\texplanation", "MALFORMED at offset", "rule", ": "},
	"zh": {"字节", "部分\t偏移\t字节\t字段\t值\t说明", "畸形报文，偏移", "规则", "："},
}

func writeDecodeTable(w io.Writer, a codec.Annotation, raw []byte, lang string) error {
	words := decodeLabels[lang]
	fmt.Fprintf(w, "%s  (%d %s)\n\n", a.Type, len(raw), words.bytes)
	t := table{strings.Split(words.header, "\t")}
	for _, f := range a.Fields {
		t = append(t, []string{f.Section.Name().In(lang), strconv.Itoa(f.Offset),
			hexSpan(raw, f.Offset, f.Length), f.Name.In(lang), f.Value.In(lang), f.Explain.In(lang)})
		for _, p := range f.Parts {
			t = append(t, []string{"", "", "  " + bitsLabel(p.Bits, lang), "  " + p.Name.In(lang), p.Value.In(lang), p.Explain.In(lang)})
		}
	}
	if _, err := io.WriteString(w, t.String()); err != nil {
		return err
	}
	if a.Err != nil {
		_, err := fmt.Fprintf(w, "\n%s %d [%s %s]%s%s\n", words.malformed, a.Err.Offset, words.rule, a.Err.Rule, words.colon, a.Err.Message.In(lang))
		return err
	}
	return nil
}

// bitsLabel says which bits of a flags byte a part is ("bits 2-1"); a part
// that is not a bit range ("byte 1" of the Remaining Length) is shown as
// it is.
func bitsLabel(bits, lang string) string {
	if bits == "" || bits[0] < '0' || bits[0] > '9' {
		return bits
	}
	switch {
	case lang == "zh":
		return "第 " + bits + " 位"
	case strings.Contains(bits, "-"):
		return "bits " + bits
	}
	return "bit " + bits
}

// table is rows of cells printed in aligned columns, two spaces apart.
// Widths count a Chinese character as two columns, as a terminal shows
// it, so that tables in Chinese line up too.
type table [][]string

func (t table) String() string {
	var widths []int
	for _, row := range t {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range t {
		line := ""
		for i, cell := range row {
			line += cell
			if i < len(row)-1 {
				line += strings.Repeat(" ", widths[i]-displayWidth(cell)+2)
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return b.String()
}

// displayWidth is the number of terminal columns s takes: two for each
// wide East Asian character, one for any other.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}

// isWide reports whether r is a wide East Asian character: Hangul Jamo,
// CJK radicals to Yi, Hangul syllables, CJK compatibility ideographs,
// vertical and CJK compatibility forms, fullwidth forms and the
// supplementary ideographic planes.
func isWide(r rune) bool {
	return 0x1100 <= r && r <= 0x115F || 0x2E80 <= r && r <= 0xA4CF && r != 0x303F ||
		0xAC00 <= r && r <= 0xD7A3 || 0xF900 <= r && r <= 0xFAFF || 0xFE10 <= r && r <= 0xFE19 ||
		0xFE30 <= r && r <= 0xFE6F || 0xFF00 <= r && r <= 0xFF60 || 0xFFE0 <= r && r <= 0xFFE6 ||
		0x20000 <= r && r <= 0x3FFFD
}

// hexSpan prints up to 8 bytes of b[off:off+n] as hex, eliding the rest.
func hexSpan(b []byte, off, n int) string {
	if off < 0 || n < 0 || off+n > len(b) {
		return "?"
	}
	span := b[off : off+n]
	const max = 8
	s := ""
	for i, c := range span {
		if i == max {
			return s + " … (" + strconv.Itoa(n) + ")"
		}
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%02x", c)
	}
	return s
}
