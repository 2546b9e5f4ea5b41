package ui

import (
	"strings"
	"testing"

	"mqttviz/sim"
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
	tr := &sim.Trace{Nodes: []string{"broker", "a", "b"}, Steps: make([]sim.Step, 4)}
	g := newGeometry(tr, 0)
	if g.laneX("broker") != laneLeft || g.laneX("b") != laneLeft+2*maxLaneGap {
		t.Errorf("unknown width: lanes at %d, %d", g.laneX("broker"), g.laneX("b"))
	}
	// A narrow box squeezes the lifelines down to minLaneGap, then scrolls.
	g = newGeometry(tr, 500)
	if g.gap != minLaneGap || g.width() < 500 {
		t.Errorf("500 px: gap %d, width %d", g.gap, g.width())
	}
	// A wide box fills: the diagram is as wide as the box.
	g = newGeometry(tr, 900)
	if g.width() != 900-4 && g.width() != 900 {
		t.Errorf("900 px: width %d", g.width())
	}
	s := sim.Step{Index: 2, From: "b", To: "broker"}
	x1, y1, x2, y2 := g.arrow(s)
	if x1 != g.laneX("b") || x2 != g.laneX("broker") || y1 <= rowY(2) || y2 >= rowY(3) || y2 <= y1 {
		t.Errorf("arrow of step 2: (%d,%d)→(%d,%d)", x1, y1, x2, y2)
	}
	dx, dy := dropPoint(x1, y1, x2, y2)
	if !(dx < x1 && dx > x2) || !(dy > y1 && dy < y2) {
		t.Errorf("drop point (%d,%d) is not between the ends", dx, dy)
	}
}

func TestFlowOf(t *testing.T) {
	for packet, want := range map[string]flow{
		"CONNECT": flowConnect, "CONNACK": flowConnect, "DISCONNECT": flowConnect,
		"PUBLISH": flowPublish, "PUBACK": flowAck, "PUBREC": flowAck, "PUBREL": flowAck, "PUBCOMP": flowAck,
		"SUBSCRIBE": flowSubscribe, "SUBACK": flowSubscribe, "UNSUBSCRIBE": flowSubscribe, "UNSUBACK": flowSubscribe,
		"PINGREQ": flowPing, "PINGRESP": flowPing,
	} {
		if got := flowOf(packet); got != want {
			t.Errorf("flowOf(%s) = %s, want %s", packet, got, want)
		}
	}
}

func TestLabelX(t *testing.T) {
	if got := labelX(100, 30, 800); got != timeColW+15*labelCharW {
		t.Errorf("a long label near the time column sits at %d", got)
	}
	if got := labelX(300, 10, 800); got != 300 {
		t.Errorf("a short label moved to %d", got)
	}
	if got := labelX(780, 10, 800); got != 800-5*labelCharW {
		t.Errorf("a label at the right edge sits at %d", got)
	}
}

func TestFitLabel(t *testing.T) {
	short := "PUBACK id=1"
	if got, x := fitLabel(short, 300, 560); got != short || x != 300 {
		t.Errorf("fitLabel(%q) = %q at %d", short, got, x)
	}
	long := "CONNECT id=sensor clean keepalive=10 will=devices/sensor/status/with/a/long/tail"
	got, x := fitLabel(long, 400, 560)
	n := len([]rune(got))
	if !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("fitLabel(%q) = %q: not a prefix and …", long, got)
	}
	if x-n*labelCharW/2 < timeColW || x+n*labelCharW/2 > 560 {
		t.Errorf("fitLabel: %d characters at %d leave [%d, %d]", n, x, timeColW, 560)
	}
}

func TestVisibleEventRows(t *testing.T) {
	// Scrolled far down, then filtered to a few rows: nothing past the end.
	if first, last := visibleEventRows(3000, 240, 5); first != 5 || last != 5 {
		t.Errorf("visibleEventRows(3000, 240, 5) = %d, %d", first, last)
	}
	if first, last := visibleEventRows(0, 240, 100); first != 0 || last != 240/eventRowH+1+overscan {
		t.Errorf("visibleEventRows(0, 240, 100) = %d, %d", first, last)
	}
}
