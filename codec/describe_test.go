package codec

import "testing"

// annotatedSections counts the bytes Annotate puts in each section.
func annotatedSections(b []byte) [3]int {
	var n [3]int
	for _, f := range Annotate(b).Fields {
		n[f.Section] += f.Length
	}
	return n
}

// checkDescribe fails t when Describe disagrees with Annotate on the
// sections or with Summary on the label of b.
func checkDescribe(t *testing.T, b []byte) {
	d := Describe(b)
	if want := annotatedSections(b); d.Sections != want {
		t.Errorf("% x: Describe sections %v, Annotate %v", b, d.Sections, want)
	}
	if want := Summary(b); d.Summary != want {
		t.Errorf("% x: Describe summary %+v, Summary %+v", b, d.Summary, want)
	}
	if len(b) > 0 && d.Type != PacketType(b[0]>>4) {
		t.Errorf("% x: Describe type %v", b, d.Type)
	}
}

// TestDescribe checks Describe against Annotate and Summary on every
// fixture and every truncation of it.
func TestDescribe(t *testing.T) {
	for _, fx := range fixtures {
		for i := 0; i <= len(fx.raw); i++ {
			checkDescribe(t, fx.raw[:i])
		}
	}
	if d := Describe(nil); d.Type != Reserved0 || d.Summary.EN != "no bytes" || d.Sections != [3]int{} {
		t.Errorf("Describe(nil) = %+v", d)
	}
}

// FuzzDescribe checks Describe against Annotate and Summary on any bytes.
func FuzzDescribe(f *testing.F) {
	addFixtureSeeds(f)
	f.Fuzz(checkDescribe)
}
