package views

import (
	htmlpkg "html"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
)

// seedBroken is the tutorial's PUBLISH whose Remaining Length says 11
// while 9 bytes follow.
var seedBroken = []byte{0x30, 0x0b, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}

func TestInspectorShowsFieldsAndFault(t *testing.T) {
	in := NewInspector(seedBroken, i18n.EN)
	d := app.NewClientTester(in)
	defer d.Close()
	html := app.HTMLString(in)
	a := codec.Annotate(seedBroken)
	if a.Err == nil {
		t.Fatal("codec.Annotate accepts the seed's broken PUBLISH")
	}
	for _, f := range a.Fields {
		if !strings.Contains(html, f.Name.EN) {
			t.Errorf("inspector misses field %q", f.Name.EN)
		}
	}
	if !strings.Contains(html, a.Err.Rule) {
		t.Errorf("inspector misses the fault's rule %s", a.Err.Rule)
	}
	if n := strings.Count(html, `class="byte `); n != len(seedBroken) {
		t.Errorf("%d byte cells, want %d", n, len(seedBroken))
	}
	// The same packet in Chinese uses the seed tutorials' words.
	in.Lang = i18n.ZH
	in.Update()
	d.Consume()
	if html := app.HTMLString(in); !strings.Contains(html, "固定报头") || !strings.Contains(html, "剩余长度") {
		t.Errorf("Chinese inspector lacks 固定报头/剩余长度")
	}
}

func TestInspectorEscapesText(t *testing.T) {
	topic := `<script>alert("t")</script>`
	payload := `<img src=x onerror='alert(1)'>`
	pkt := []byte{0x30, byte(2 + len(topic) + len(payload)), 0, byte(len(topic))}
	pkt = append(append(pkt, topic...), payload...)
	in := NewInspector(pkt, i18n.EN)
	d := app.NewClientTester(in)
	defer d.Close()
	html := app.HTMLString(in)
	if strings.Contains(html, "<script") || strings.Contains(html, "<img") {
		t.Errorf("markup from the packet reached the HTML:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;") {
		t.Error("the topic is not shown as text")
	}
}

func TestStatePanelMarksChanges(t *testing.T) {
	prev := &trace.State{Broker: &trace.BrokerState{}}
	cur := &trace.State{Broker: &trace.BrokerState{Retained: []trace.Message{{Topic: "status", Payload: "online", Retain: true}}}}
	p := &statePanel{State: cur, Prev: prev, Lang: i18n.EN}
	d := app.NewClientTester(p)
	defer d.Close()
	html := app.HTMLString(p)
	if !strings.Contains(html, "changed") || !strings.Contains(html, "status") {
		t.Errorf("the new retained message is not marked changed:\n%s", html)
	}
}

// TestInspectorCapsHexCells checks that a huge paste draws a bounded hex
// dump and says how much it left out.
func TestInspectorCapsHexCells(t *testing.T) {
	b := make([]byte, 5000)
	for i := range b {
		b[i] = 0x31
	}
	in := NewInspector(b, i18n.ZH)
	d := app.NewClientTester(in)
	defer d.Close()
	html := app.HTMLString(in)
	if n := strings.Count(html, `class="byte `); n != MaxHexCells {
		t.Errorf("%d byte cells for 5000 bytes, want %d", n, MaxHexCells)
	}
	if !strings.Contains(html, "其余 3976 个字节未画出") {
		t.Error("the hex dump does not say how many bytes it left out")
	}
}

// TestEventRowsCarryWholeText checks that every event row's packet text
// is in its title too, for rows the layout cuts short with ….
func TestEventRowsCarryWholeText(t *testing.T) {
	tr, err := lessons.RunLesson("will-keepalive", 1)
	if err != nil {
		t.Fatal(err)
	}
	l := NewEventList(tr, 0, i18n.EN)
	d := app.NewClientTester(l)
	defer d.Close()
	html := app.HTMLString(l)
	n := 0
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket || n >= 5 {
			continue
		}
		n++
		if !strings.Contains(html, `title="`+htmlpkg.EscapeString(s.Label.EN)+`"`) {
			t.Errorf("no event row has the title %q", s.Label.EN)
		}
	}
}
