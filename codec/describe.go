package codec

// Description is what a sequence diagram draws of one packet's bytes,
// found with one decode: the type, the arrow label in both languages and
// how many bytes each section has.
type Description struct {
	// Type is the packet type of the first byte, meaningful also for
	// malformed bytes; Reserved0 for no bytes.
	Type PacketType
	// Summary is Summary of the bytes.
	Summary Text
	// Sections counts the bytes of the fixed header, the variable header
	// and the payload, as Annotate's fields cover them: for malformed
	// bytes, only what Annotate understands before the fault.
	Sections [3]int
}

// Describe decodes b, which should hold exactly one packet, once and
// returns its Description. Well-formed packets, the common case, are not
// annotated: their sections follow from the decoded fields.
func Describe(b []byte) Description {
	d, _, _ := DescribeDecode(b)
	return d
}

// DescribeDecode is Describe and Decode of b with the one decode: the
// Description, and the packet (which does not alias b) or Decode's error.
func DescribeDecode(b []byte) (Description, Packet, error) {
	if len(b) == 0 {
		_, err := Decode(b)
		return Description{Summary: Summary(b)}, nil, err
	}
	d := Description{Type: PacketType(b[0] >> 4)}
	p, err := Decode(b)
	if err != nil {
		d.Summary = malformedSummary(b)
		for _, f := range Annotate(b).Fields {
			if f.Section >= 0 && int(f.Section) < len(d.Sections) {
				d.Sections[f.Section] += f.Length
			}
		}
		return d, nil, err
	}
	d.Summary = PacketSummary(p)
	rl, hlen, _ := remainingLength(b)
	payload := 0
	switch p := p.(type) {
	case *Connect:
		// Protocol Name (two-byte length and name), Protocol Level,
		// Connect Flags, Keep Alive. [MQTT 3.1.2]
		payload = rl - (2 + len(p.ProtocolName) + 1 + 1 + 2)
	case *Publish:
		payload = len(p.Payload)
	case *Subscribe, *Suback, *Unsubscribe:
		// The Packet Identifier is the whole variable header.
		payload = rl - 2
	}
	d.Sections = [3]int{hlen, rl - payload, payload}
	return d, p, nil
}
