package trace

import "encoding/json"

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
	type plain Trace
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*t = Trace(p)
	return nil
}
