package trace

import (
	"encoding/json"
	"strings"
)

// Version is the trace format this package writes and reads: the JSON
// field "version". docs/trace.md says what a new version may change.
// Version 1 is the format before the field existed: full state on every
// step, no connection ids.
const Version = 2

// UnmarshalJSON reads a trace, refusing one of another format version
// with a *VersionError that says which version it is and which one is
// read.
func (t *Trace) UnmarshalJSON(b []byte) error {
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return err
	}
	if head.Version == nil {
		return &VersionError{Got: 1, Missing: true}
	}
	if v := *head.Version; v != Version {
		return &VersionError{Got: v}
	}
	var p plainTrace
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*t = Trace(p)
	return nil
}

// plainTrace is a Trace without UnmarshalJSON.
type plainTrace Trace

// decode is UnmarshalJSON for Read, which has the document's fields
// (topFields): the version comes from its field, not from a second pass
// over the whole document, when the field is there once, as a number.
// Otherwise UnmarshalJSON says what is wrong, as it would.
func (t *Trace) decode(b []byte, fields map[string]json.RawMessage) error {
	raw, ok := fields["version"]
	for k := range fields {
		// The decoder matches field names whatever their case: a
		// "Version" would be the version too.
		ok = ok && (k == "version" || !strings.EqualFold(k, "version"))
	}
	var v *int
	if !ok || json.Unmarshal(raw, &v) != nil || v == nil || *v != Version {
		return json.Unmarshal(b, t)
	}
	return json.Unmarshal(b, (*plainTrace)(t))
}
