package codec

import "strconv"

// Section is the part of a control packet a byte belongs to. [MQTT 2]
type Section int

// The three sections of an MQTT control packet.
const (
	FixedHeader Section = iota
	VariableHeader
	Payload
)

var sectionNames = [...]Text{
	{EN: "fixed header", ZH: "固定报头"},
	{EN: "variable header", ZH: "可变报头"},
	{EN: "payload", ZH: "有效载荷"},
}

// String returns "fixed header", "variable header" or "payload".
func (s Section) String() string { return s.Name().EN }

// Name returns the section's name in English and Chinese.
func (s Section) Name() Text {
	if s >= 0 && int(s) < len(sectionNames) {
		return sectionNames[s]
	}
	return Text{EN: "unknown section", ZH: "未知部分"}
}

// MarshalText encodes the section as its English name, as in JSON output.
func (s Section) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Field is one byte range of a packet as Annotate understands it.
type Field struct {
	Section Section `json:"section"`
	// Name is the field's name as the specification calls it.
	Name Text `json:"name"`
	// Offset and Length locate the field in the annotated bytes.
	Offset int `json:"offset"`
	Length int `json:"length"`
	// Value is the decoded value: a number, a quoted string, a code and its
	// meaning. Values that read the same in every language (numbers, hex,
	// quoted strings, packet type names) have the same text in both.
	Value Text `json:"value"`
	// Explain says what the field is for and what this value means.
	Explain Text `json:"explain"`
	// Parts break a flags byte down bit by bit and the Remaining Length
	// byte by byte.
	Parts []Part `json:"parts,omitempty"`
}

// Part is one piece of a field: a bit range of a flags byte ("7", "2-1")
// or one byte of the Remaining Length ("byte 1").
type Part struct {
	Place   Place `json:"place"`
	Name    Text  `json:"name"`
	Value   Text  `json:"value"`
	Explain Text  `json:"explain"`
}

// same is a value that reads the same in English and Chinese: a number, hex,
// a quoted string, a packet type name.
func same(s string) Text { return Text{EN: s, ZH: s} }

// codeValue is a return code's value: the code, then its meaning.
func codeValue(code string, meaning Text) Text {
	return Text{EN: code + " = " + meaning.EN, ZH: code + " = " + meaning.ZH}
}

// seconds is a Keep Alive value: "60 s", "60 秒".
func seconds(n uint16) Text {
	s := strconv.Itoa(int(n))
	return Text{EN: s + " s", ZH: s + " 秒"}
}

// Annotation is the field-by-field breakdown of one packet's bytes.
type Annotation struct {
	// Type is the packet type of the first byte; it is meaningful even when
	// the packet is malformed, as long as there is a first byte.
	Type PacketType `json:"type"`
	// Packet is the decoded packet, nil when Err is set. It does not alias
	// the annotated bytes.
	Packet Packet `json:"-"`
	// Fields are the byte ranges understood, in order of offset.
	Fields []Field `json:"fields"`
	// Err is the fault that stopped decoding, nil for a well-formed packet.
	Err *Error `json:"error"`
}

// Annotate decodes b, which should hold exactly one packet, and records
// every field it reads. It never fails: on malformed or incomplete input it
// returns the fields understood up to the fault, then the fault in Err.
// Its verdict is always Decode's: both run the same parser.
func Annotate(b []byte) Annotation {
	rec := &recorder{}
	pk, err := parse(clone(b), nil, rec)
	a := Annotation{Packet: pk, Fields: rec.fields, Err: err}
	if len(b) > 0 {
		a.Type = PacketType(b[0] >> 4)
	}
	if err != nil {
		a.Packet = nil
	}
	return a
}

// recorder collects the fields the parser reads, for Annotate.
type recorder struct {
	fields []Field
}

// clone copies b so that decoded strings can alias the copy safely.
func clone(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	c := make([]byte, len(b))
	copy(c, b)
	return c
}
