package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"mqttviz/codec"
)

const decodeUsage = `Usage: mqttviz decode [--json] [--lang en|zh] [--] HEX...

Decodes MQTT 3.1.1 packets and explains them byte by byte: section,
offset, bytes, field, value and what it means. Several packets back to
back, as a capture or a tutorial prints a stream, are decoded one after
another, each with its offset in the stream. The bytes may be written as
tutorials and tools print them; the arguments are read as one text:

  mqttviz decode 30 0b 00 04 31 31 31 31 39 39 39
  mqttviz decode c0 00 d0 00                      (a stream: PINGREQ, PINGRESP)
  mqttviz decode 0x30,0x0b '\x00\x04'
  mqttviz decode '{0x30, 0x0b, 0x00, 0x04}'       (C, Go, Java, JavaScript arrays)
  mqttviz decode -- '[-126, 9, 0, 1, 0, 4, 50, 50, 50, 50, 0]'   (decimal, Java's signed bytes)
  mqttviz decode "$(xxd capture.bin)"             (xxd, hexdump -C, od -Ax -tx1, Wireshark)

Exit code 0: every packet is well-formed; 1: a packet is malformed or cut
short (its fault is printed after the fields understood before it); 2:
the input is not bytes. With --json, one packet prints {"type", "fields",
"error"}; several print {"packets": [{"offset", "type", "fields",
"error"}, ...]}; a packet cut short also has "missing", the bytes its
Remaining Length announces beyond the input.
`

// runDecode is `mqttviz decode`: codec.Annotate's breakdown of each
// packet of the bytes as a table or as JSON.
func runDecode(args []string, stdout, stderr io.Writer) int {
	c := newCLI("decode", decodeUsage)
	asJSON := c.fs.Bool("json", false, `print {"type", "fields": [...], "error"} instead of a table ({"packets": [...]} for several)`)
	lang := c.lang()
	pos, code, done := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	words := decodeLabels[*lang]
	b, err := codec.ParseHex(strings.Join(pos, " "))
	var he *codec.HexError
	switch {
	case errors.As(err, &he):
		fmt.Fprintf(stderr, "mqttviz decode: %s%s%s\n", argPlace(pos, he, *lang), words.colon, he.Message.In(*lang))
		return 2
	case len(b) == 0:
		fmt.Fprintf(stderr, "mqttviz decode: %s\n", words.noBytes)
		return 2
	}
	packets := decodeStream(b)
	if *asJSON {
		err = writeDecodeJSON(stdout, packets, *lang)
	} else {
		err = writeDecodeTables(stdout, packets, len(b), *lang)
	}
	if err != nil {
		fmt.Fprintf(stderr, "mqttviz decode: %v\n", err)
		return 2
	}
	for _, p := range packets {
		if p.Err != nil {
			return 1
		}
	}
	return 0
}

// decodedPacket is one packet of the input and its breakdown.
type decodedPacket struct {
	codec.StreamPacket
	codec.Annotation
}

// decodeStream cuts b into packets and annotates each.
func decodeStream(b []byte) []decodedPacket {
	var out []decodedPacket
	for _, p := range codec.SplitStream(b) {
		out = append(out, decodedPacket{p, codec.Annotate(p.Bytes)})
	}
	return out
}

// argPlace says where a hex error is: the text's line and column for one
// argument, the argument and its column (and line) for several.
func argPlace(args []string, he *codec.HexError, lang string) string {
	if len(args) == 1 {
		return he.Where().In(lang)
	}
	start := 0
	for n, arg := range args {
		if he.Offset <= start+len(arg) {
			before := arg[:he.Offset-start]
			line := strings.Count(before, "\n") + 1
			col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
			if line > 1 {
				return fmt.Sprintf(decodeLabels[lang].argLine, n+1, line, col)
			}
			return fmt.Sprintf(decodeLabels[lang].argColumn, n+1, col)
		}
		start += len(arg) + 1
	}
	return he.Where().In(lang)
}

// decodeJSON is the --json output of one packet, and one packet of
// several in packetsJSON.
type decodeJSON struct {
	Offset *int        `json:"offset,omitempty"`
	Type   string      `json:"type"`
	Fields []fieldJSON `json:"fields"`
	Error  *errorJSON  `json:"error"`
	// Missing is how many bytes the Remaining Length announces beyond the
	// input, for a packet cut short.
	Missing int `json:"missing,omitempty"`
}

// packetsJSON is the --json output of several packets.
type packetsJSON struct {
	Packets []decodeJSON `json:"packets"`
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

// packetJSON is one packet's --json object.
func packetJSON(p decodedPacket, lang string) decodeJSON {
	out := decodeJSON{Type: p.Type.String(), Fields: []fieldJSON{}, Missing: p.Missing}
	for _, f := range p.Fields {
		out.Fields = append(out.Fields, fieldJSON{
			Section: f.Section.String(),
			Name:    f.Name.In(lang),
			Offset:  f.Offset,
			Length:  f.Length,
			Value:   f.Value.In(lang),
			Explain: f.Explain.In(lang),
		})
	}
	if p.Err != nil {
		out.Error = &errorJSON{Offset: p.Err.Offset, Rule: p.Err.Rule, Message: p.Err.Message.In(lang)}
	}
	return out
}

func writeDecodeJSON(w io.Writer, packets []decodedPacket, lang string) error {
	var out any
	if len(packets) == 1 {
		out = packetJSON(packets[0], lang)
	} else {
		all := packetsJSON{Packets: []decodeJSON{}}
		for _, p := range packets {
			j := packetJSON(p, lang)
			j.Offset = &p.Offset
			all.Packets = append(all.Packets, j)
		}
		out = all
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// decodeWords are the words of the decode output in one language.
type decodeWords struct {
	bytes, header, malformed, rule, colon string
	// stream heads several packets (count, bytes); packet heads one
	// (number, offset, type, length); missing follows a packet cut short.
	stream, packet, missing     string
	noBytes, argColumn, argLine string
}

var decodeLabels = map[string]decodeWords{
	"en": {
		bytes: "bytes", header: "section\toffset\tbytes\tfield\tvalue\texplanation", malformed: "MALFORMED at offset", rule: "rule", colon: ": ",
		stream:    "%d packets in %d bytes",
		packet:    "packet %d at offset %d: %s  (%d bytes)",
		missing:   "%d more bytes announced: the input ends before the packet does.",
		noBytes:   "no bytes given; try: mqttviz decode c0 00",
		argColumn: "argument %d, column %d",
		argLine:   "argument %d, line %d, column %d",
	},
	"zh": {
		bytes: "字节", header: "部分\t偏移\t字节\t字段\t值\t说明", malformed: "畸形报文，偏移", rule: "规则", colon: "：",
		stream:    "共 %d 个报文，%d 字节",
		packet:    "第 %d 个报文，偏移 %d：%s（%d 字节）",
		missing:   "按剩余长度还应有 %d 个字节，但输入已经结束。",
		noBytes:   "没有给出任何字节；试试：mqttviz decode c0 00",
		argColumn: "第 %d 个参数第 %d 列",
		argLine:   "第 %d 个参数第 %d 行第 %d 列",
	},
}

// writeDecodeTables prints one packet's table as it always was, or for
// several packets a line with their count and each packet under a line
// with its number and offset in the stream.
func writeDecodeTables(w io.Writer, packets []decodedPacket, size int, lang string) error {
	words := decodeLabels[lang]
	if len(packets) == 1 {
		fmt.Fprintf(w, "%s  (%d %s)\n\n", packets[0].Type, size, words.bytes)
		return writeDecodeTable(w, packets[0], lang)
	}
	fmt.Fprintf(w, words.stream+"\n", len(packets), size)
	for i, p := range packets {
		fmt.Fprintf(w, "\n"+words.packet+"\n\n", i+1, p.Offset, p.Type, len(p.Bytes))
		if err := writeDecodeTable(w, p, lang); err != nil {
			return err
		}
	}
	return nil
}

// writeDecodeTable prints one packet's fields and parts, then its fault.
func writeDecodeTable(w io.Writer, p decodedPacket, lang string) error {
	words := decodeLabels[lang]
	t := table{strings.Split(words.header, "\t")}
	for _, f := range p.Fields {
		t = append(t, []string{f.Section.Name().In(lang), strconv.Itoa(f.Offset),
			hexSpan(p.Bytes, f.Offset, f.Length), f.Name.In(lang), f.Value.In(lang), f.Explain.In(lang)})
		for _, part := range f.Parts {
			t = append(t, []string{"", "", "  " + part.Place.Name().In(lang), "  " + part.Name.In(lang), part.Value.In(lang), part.Explain.In(lang)})
		}
	}
	if _, err := io.WriteString(w, t.String()); err != nil {
		return err
	}
	if p.Err != nil {
		fmt.Fprintf(w, "\n%s %d [%s %s]%s%s\n", words.malformed, p.Err.Offset, words.rule, p.Err.Rule, words.colon, p.Err.Message.In(lang))
	}
	if p.Missing > 0 {
		_, err := fmt.Fprintf(w, words.missing+"\n", p.Missing)
		return err
	}
	return nil
}

// table is rows of cells printed in aligned columns, two spaces apart.
// Widths are codec.DisplayWidth: a Chinese character counts two columns,
// as a terminal shows it, so that tables in Chinese line up too.
type table [][]string

func (t table) String() string {
	var widths []int
	for _, row := range t {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], codec.DisplayWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range t {
		line := ""
		for i, cell := range row {
			line += cell
			if i < len(row)-1 {
				line += strings.Repeat(" ", widths[i]-codec.DisplayWidth(cell)+2)
			}
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	return b.String()
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
