package trace

import "mqttviz/codec"

// The look of the exported sequence diagram: the colours, fonts and
// dashes of web/mqttviz.css, written as SVG presentation attributes so
// that the file needs no style sheet.

// svgSans and svgMono are the font stacks: the page's, then the common
// Chinese fonts of Windows, macOS, Linux and Android, so that a viewer
// without the page's fonts still draws the Chinese labels.
const (
	svgCJK  = `'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'`
	svgSans = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', ` + svgCJK + `, sans-serif`
	svgMono = `ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', 'Noto Sans Mono CJK SC', 'WenQuanYi Micro Hei Mono', ` + svgCJK + `, monospace`
)

// The colours of the page's style sheet.
const (
	svgBackground = "#fcfcfb" // --diagram-bg
	svgInk        = "#1f2933" // --ink
	svgMuted      = "#56606d" // --muted
	svgLine       = "#d9dee4" // --line
	svgAccent     = "#24405f" // --accent
	svgHeadFill   = "#eef2f6"
	svgLifeline   = "#b8c2cc"
	svgFault      = "#c0392b" // crosses, refusals, faults
	svgNoteFill   = "#9cc7ec" // --sec-variable
	svgRule       = "#2b64a0" // --flow-subscribe
)

// svgSections are the colours of the section bar: fixed header, variable
// header, payload.
var svgSections = [3]string{"#f2c46d", "#9cc7ec", "#a8d8a0"}

// svgFlow is how the arrows of one flow of packets are drawn.
type svgFlow struct {
	name   string // the marker's id suffix
	legend Text   // its name in the legend
	colour string
	dashes string // stroke-dasharray, "" for a solid line
	round  bool   // round line caps (the dotted subscribe flow)
}

// svgFlowOf is the flow of packet type t, as the diagram colours it.
func svgFlowOf(t codec.PacketType) svgFlow {
	switch t {
	case codec.PUBLISH:
		return svgFlows[1]
	case codec.PUBACK, codec.PUBREC, codec.PUBREL, codec.PUBCOMP:
		return svgFlows[2]
	case codec.SUBSCRIBE, codec.SUBACK, codec.UNSUBSCRIBE, codec.UNSUBACK:
		return svgFlows[3]
	case codec.PINGREQ, codec.PINGRESP:
		return svgFlows[4]
	}
	return svgFlows[0] // CONNECT, CONNACK, DISCONNECT and the rest
}

// svgFlows are the flows in the legend's order.
var svgFlows = []svgFlow{
	{name: "connect", legend: Text{EN: "connect", ZH: "连接"}, colour: "#5b4fa8", dashes: "10 3"},
	{name: "publish", legend: Text{EN: "publish", ZH: "发布"}, colour: "#a65300"},
	{name: "ack", legend: Text{EN: "acknowledge", ZH: "确认"}, colour: "#1b7168", dashes: "4 3"},
	{name: "subscribe", legend: Text{EN: "subscribe", ZH: "订阅"}, colour: "#2b64a0", dashes: "0.5 3.5", round: true},
	{name: "ping", legend: Text{EN: "ping", ZH: "心跳"}, colour: "#5f6670", dashes: "8 3 1 3"},
}

// svgFont is a font as the export draws it, and the width of one
// display column (codec.DisplayWidth) of its text, about: a Chinese
// character takes two columns.
type svgFont struct {
	family string
	size   string
	colW   float64
}

// The fonts of the diagram's texts.
var (
	fontArrow = svgFont{svgMono, "12.5", 7.6}
	fontMark  = svgFont{svgSans, "11.5", 6.4}
	fontHead  = svgFont{svgSans, "12.5", 7.4}
	fontTime  = svgFont{svgMono, "11", 6.7}
	fontNote  = svgFont{svgSans, "12", 6.6}
	fontRule  = svgFont{svgMono, "10.5", 6.4}
)

// width is how wide s is drawn in font f, about.
func (f svgFont) width(s string) float64 { return float64(codec.DisplayWidth(s)) * f.colW }

// wide reports whether r takes two columns (a Chinese character).
func (f svgFont) wide(r rune) bool { return codec.DisplayWidth(string(r)) > 1 }

// fit shortens s with "…" until it is drawn at most maxW wide.
func (f svgFont) fit(s string, maxW float64) string {
	if f.width(s) <= maxW {
		return s
	}
	w := f.colW // the …
	for i, r := range s {
		rw := f.width(string(r))
		if w+rw > maxW {
			return s[:i] + "…"
		}
		w += rw
	}
	return s
}

// svgWords are the export's own words.
var svgWords = map[string]Text{
	"ms":      {EN: "%d ms", ZH: "%d 毫秒"},
	"diagram": {EN: "Sequence diagram", ZH: "时序图"},
	"steps":   {EN: "steps %d–%d of %d", ZH: "第 %d–%d 步，共 %d 步"},
	// observed tags the lifeline of a real broker seen from outside.
	"observed": {EN: "observed", ZH: "仅观察"},
}
