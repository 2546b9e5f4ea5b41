package trace

import (
	"encoding/json"
	"fmt"
)

// Version is the trace format this package writes and reads: the JSON
// field "version". docs/trace.md says what a new version may change.
// Version 1 is the format before the field existed: full state on every
// step, no connection ids.
const Version = 2

// UnmarshalJSON reads a trace, refusing one of another format version
// with an error that says which version it is and which one is read.
func (t *Trace) UnmarshalJSON(b []byte) error {
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return err
	}
	if head.Version == nil {
		return fmt.Errorf("trace: the JSON has no \"version\": it is a version 1 trace (before mqttviz wrote format versions); this reader reads version %d: write the trace again with this mqttviz", Version)
	}
	if v := *head.Version; v != Version {
		if v < Version {
			return fmt.Errorf("trace: format version %d is older than version %d that this reader reads: write the trace again with this mqttviz", v, Version)
		}
		return fmt.Errorf("trace: format version %d is newer than version %d that this reader reads: open it with a newer mqttviz", v, Version)
	}
	type plain Trace
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*t = Trace(p)
	return nil
}
