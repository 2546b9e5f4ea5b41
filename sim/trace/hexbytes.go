package trace

import (
	"encoding/hex"
	"errors"
	"strings"
)

// MarshalJSON writes the bytes as a JSON string of lowercase hex pairs
// separated by single spaces, e.g. "10 22 00 04"; nil and empty give "".
func (h HexBytes) MarshalJSON() ([]byte, error) {
	out := make([]byte, 0, 2+3*len(h))
	out = append(out, '"')
	for i, b := range h {
		if i > 0 {
			out = append(out, ' ')
		}
		out = hex.AppendEncode(out, []byte{b})
	}
	return append(out, '"'), nil
}

// UnmarshalJSON reads what MarshalJSON writes. It also accepts upper case
// and any run of spaces between pairs, as the seeds print bytes; null
// gives nil.
func (h *HexBytes) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		*h = nil
		return nil
	}
	if len(data) < 2 || data[0] != '"' || data[len(data)-1] != '"' {
		return errors.New("sim: HexBytes: want a JSON string of hex pairs")
	}
	fields := strings.Fields(string(data[1 : len(data)-1]))
	out := make(HexBytes, 0, len(fields))
	for _, f := range fields {
		if len(f) != 2 {
			return errors.New("sim: HexBytes: " + f + " is not one hex byte")
		}
		b, err := hex.DecodeString(f)
		if err != nil {
			return errors.New("sim: HexBytes: " + f + " is not one hex byte")
		}
		out = append(out, b[0])
	}
	*h = out
	return nil
}
