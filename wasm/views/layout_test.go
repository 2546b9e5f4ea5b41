package views

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"strings"
	"testing"
)

func TestVisibleRows(t *testing.T) {
	tests := []struct{ top, h, rows, first, last int }{
		{0, 560, 2000, 0, 10 + 1 + overscan},
		{rowHeight * 100, 560, 2000, 100 - overscan, 110 + 1 + overscan},
		{rowHeight * 1995, 560, 2000, 1995 - overscan, 2000},
		{0, 560, 3, 0, 3},
		{0, 560, 0, 0, 0},
	}
	for _, tt := range tests {
		first, last := visibleRows(tt.top, tt.h, tt.rows)
		if first != tt.first || last != tt.last {
			t.Errorf("visibleRows(%d, %d, %d) = %d, %d; want %d, %d", tt.top, tt.h, tt.rows, first, last, tt.first, tt.last)
		}
	}
}

func TestScrollToShow(t *testing.T) {
	tests := []struct {
		i, top, h, want int
		move            bool
	}{
		{i: 3, top: 0, h: 300, want: 0},
		{i: 0, top: 100, h: 300, want: 0, move: true},
		{i: 10, top: 0, h: 300, want: 11*50 - 300 + 50, move: true},
	}
	for _, tt := range tests {
		got, move := scrollToShow(tt.i, tt.top, tt.h, 50)
		if got != tt.want || move != tt.move {
			t.Errorf("scrollToShow(%d, %d, %d) = %d, %v; want %d, %v", tt.i, tt.top, tt.h, got, move, tt.want, tt.move)
		}
	}
}

func TestGeometry(t *testing.T) {
	tr := &trace.Trace{Nodes: []string{"broker", "a", "b"}, Steps: make([]trace.Step, 4)}
	g := newGeometry(tr, unknownW)
	if g.laneX("b")-g.laneX("broker") != 2*maxLaneGap || g.headW != maxHeadW {
		t.Errorf("unknown width: lanes at %d, %d", g.laneX("broker"), g.laneX("b"))
	}
	// A narrow box squeezes the lifelines down to minLaneGap, then scrolls.
	five := &trace.Trace{Nodes: []string{"broker", "a", "b", "c", "d"}}
	g = newGeometry(five, 580)
	if g.gap != minLaneGap || g.width() < 580 || g.headW > g.gap-headMargin {
		t.Errorf("580 px: gap %d, head %d, width %d", g.gap, g.headW, g.width())
	}
	// A wide box fills: the diagram is as wide as the box.
	g = newGeometry(tr, 900)
	if g.width() != 900-edgePadding {
		t.Errorf("900 px: width %d", g.width())
	}
	s := trace.Step{Index: 2, From: "b", To: "broker"}
	x1, y1, x2, y2 := g.arrow(s)
	if x1 != g.laneX("b") || x2 != g.laneX("broker") || y1 <= rowY(2) || y2 >= rowY(3) || y2 <= y1 {
		t.Errorf("arrow of step 2: (%d,%d)→(%d,%d)", x1, y1, x2, y2)
	}
	dx, dy := dropPoint(x1, y1, x2, y2)
	if !(dx < x1 && dx > x2) || !(dy > y1 && dy < y2) {
		t.Errorf("drop point (%d,%d) is not between the ends", dx, dy)
	}
}

// TestGeometryFitsSevenLanes checks that seven lifelines (the wildcards
// lesson) and a notes column fit the diagram's box at 1280 px (about
// 840 px), and that a phone's box has no notes column and lanes that fit
// three lifelines with nothing to scroll.
func TestGeometryFitsSevenLanes(t *testing.T) {
	seven := &trace.Trace{Nodes: []string{"broker", "sensor", "exact", "plus", "four", "five", "everything"}}
	if g := newGeometry(seven, 840); g.width() > 840 || g.notesW < minNotesW {
		t.Errorf("7 lanes in 840 px: %d px wide, notes %d px", g.width(), g.notesW)
	}
	three := &trace.Trace{Nodes: []string{"broker", "sensor", "phone"}}
	g := newGeometry(three, 330)
	if !g.compact || g.notesW != 0 || g.width() > 330 || g.headW < 60 {
		t.Errorf("3 lanes in 330 px: compact %v, notes %d, %d px wide, heads %d", g.compact, g.notesW, g.width(), g.headW)
	}
	if g.labelRight() != g.width() {
		t.Errorf("on a phone labels may reach the edge: %d, width %d", g.labelRight(), g.width())
	}
	// Seven lanes on a phone scroll sideways at compactGap.
	if g := newGeometry(seven, 330); g.gap != compactGap || g.width() <= 330 {
		t.Errorf("7 lanes in 330 px: gap %d, width %d", g.gap, g.width())
	}
}

func TestScrollToSpan(t *testing.T) {
	tests := []struct {
		lo, hi, left, viewW, want int
		move                      bool
	}{
		{lo: 100, hi: 300, left: 0, viewW: 400, want: 0},
		{lo: 500, hi: 700, left: 0, viewW: 400, want: 300, move: true},
		{lo: 50, hi: 200, left: 100, viewW: 400, want: 50, move: true},
		{lo: 100, hi: 900, left: 0, viewW: 400, want: 100, move: true}, // wider than the view: its left end
		{lo: 100, hi: 300, left: 40, viewW: 0, want: 40},               // not measured
	}
	for _, tt := range tests {
		got, move := scrollToSpan(tt.lo, tt.hi, tt.left, tt.viewW)
		if got != tt.want || move != tt.move {
			t.Errorf("scrollToSpan(%d, %d, %d, %d) = %d, %v; want %d, %v", tt.lo, tt.hi, tt.left, tt.viewW, got, move, tt.want, tt.move)
		}
	}
}

func TestSideLabel(t *testing.T) {
	text := "connection closed"
	w := markText.width(text)
	// Room on the right: beside the mark.
	if got, x, anchor := sideLabel(text, 100, 100+14+w); got != text || x != 114 || anchor != "start" {
		t.Errorf("room on the right: %q at %d %s", got, x, anchor)
	}
	// The notes column close on the right: on the left.
	if got, x, anchor := sideLabel(text, 300, 320); got != text || x != 286 || anchor != "end" {
		t.Errorf("notes on the right: %q at %d %s", got, x, anchor)
	}
	// No room either side: shortened on the right, within right.
	got, x, anchor := sideLabel(text, 100, 180)
	if !strings.HasSuffix(got, "…") || anchor != "start" || x+markText.width(got) > 180 {
		t.Errorf("no room: %q at %d %s", got, x, anchor)
	}
}

func TestFlowOf(t *testing.T) {
	for packet, want := range map[codec.PacketType]flow{
		codec.CONNECT: flowConnect, codec.CONNACK: flowConnect, codec.DISCONNECT: flowConnect,
		codec.PUBLISH: flowPublish, codec.PUBACK: flowAck, codec.PUBREC: flowAck, codec.PUBREL: flowAck, codec.PUBCOMP: flowAck,
		codec.SUBSCRIBE: flowSubscribe, codec.SUBACK: flowSubscribe, codec.UNSUBSCRIBE: flowSubscribe, codec.UNSUBACK: flowSubscribe,
		codec.PINGREQ: flowPing, codec.PINGRESP: flowPing,
	} {
		if got := flowOf(packet); got != want {
			t.Errorf("flowOf(%s) = %s, want %s", packet, got, want)
		}
	}
}

func TestLabelX(t *testing.T) {
	if got := labelX(100, 240, 800); got != timeColW+120 {
		t.Errorf("a long label near the time column sits at %d", got)
	}
	if got := labelX(300, 80, 800); got != 300 {
		t.Errorf("a short label moved to %d", got)
	}
	if got := labelX(780, 80, 800); got != 800-40 {
		t.Errorf("a label at the right edge sits at %d", got)
	}
}

func TestFitLabel(t *testing.T) {
	short := "PUBACK id=1"
	if got, x := fitLabel(short, 300, 560); got != short || x != 300 {
		t.Errorf("fitLabel(%q) = %q at %d", short, got, x)
	}
	for _, long := range []string{
		"CONNECT id=sensor clean keepalive=10 will=devices/sensor/status/with/a/long/tail",
		"CONNECT id=sensor 清理会话 保持连接=10 遗嘱=devices/sensor/status 保留 用户名=yang 密码",
	} {
		got, x := fitLabel(long, 400, 560)
		w := arrowText.width(got)
		if !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
			t.Errorf("fitLabel(%q) = %q: not a prefix and …", long, got)
		}
		if x-w/2 < timeColW || x+w/2 > 560 {
			t.Errorf("fitLabel: %q, %d px at %d, leaves [%d, %d]", got, w, x, timeColW, 560)
		}
	}
}

func TestVisibleEventRows(t *testing.T) {
	// Scrolled far down, then filtered to a few rows: nothing past the end.
	if first, last := visibleEventRows(3000, 240, 5, eventRowH); first != 5 || last != 5 {
		t.Errorf("visibleEventRows(3000, 240, 5) = %d, %d", first, last)
	}
	if first, last := visibleEventRows(0, 240, 100, eventRowH); first != 0 || last != 240/eventRowH+1+overscan {
		t.Errorf("visibleEventRows(0, 240, 100) = %d, %d", first, last)
	}
}
