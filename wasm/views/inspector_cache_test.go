package views

import (
	"bytes"
	"testing"

	"mqttviz/wasm/i18n"
)

// TestInspectorAnnotatesOnce checks that the inspector annotates a packet
// once while it is shown (a hover renders it again) and again when it is
// given other bytes, even equal ones.
func TestInspectorAnnotatesOnce(t *testing.T) {
	in := NewInspector(seedBroken, i18n.EN)
	first := in.annotate()
	in.hover = 1
	if again := in.annotate(); &again.Fields[0] != &first.Fields[0] {
		t.Error("the same bytes were annotated twice")
	}
	in.Bytes = bytes.Clone(seedBroken)
	if other := in.annotate(); &other.Fields[0] == &first.Fields[0] {
		t.Error("new bytes kept the old annotation")
	}
	in.Bytes = nil
	if a := in.annotate(); len(a.Fields) != 0 {
		t.Errorf("no bytes annotated as %d fields", len(a.Fields))
	}
}
