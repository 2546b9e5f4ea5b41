package views

import (
	"mqttviz/codec"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// flow is the family a packet belongs to on the diagram: it picks the
// arrow's colour and the legend entry.
type flow string

// The flows of MQTT 3.1.1 packets.
const (
	flowConnect   flow = "connect"
	flowPublish   flow = "publish"
	flowAck       flow = "ack"
	flowSubscribe flow = "subscribe"
	flowPing      flow = "ping"
)

// flows lists the flows in legend order.
var flows = []flow{flowConnect, flowPublish, flowAck, flowSubscribe, flowPing}

// flowOf returns the flow of a packet type.
func flowOf(t codec.PacketType) flow {
	switch t {
	case codec.CONNECT, codec.CONNACK, codec.DISCONNECT:
		return flowConnect
	case codec.PUBLISH:
		return flowPublish
	case codec.PUBACK, codec.PUBREC, codec.PUBREL, codec.PUBCOMP:
		return flowAck
	case codec.SUBSCRIBE, codec.SUBACK, codec.UNSUBSCRIBE, codec.UNSUBACK:
		return flowSubscribe
	case codec.PINGREQ, codec.PINGRESP:
		return flowPing
	}
	return flowConnect
}

// FlowLegend names the arrow colours of the diagram: a component, which
// go-app draws again only when the language changes, not on every step.
func FlowLegend(lang string) app.UI { return &flowLegend{Lang: lang} }

type flowLegend struct {
	app.Compo
	Lang string
}

func (l *flowLegend) Render() app.UI {
	lang := l.Lang
	items := make([]app.UI, 0, len(flows))
	for _, f := range flows {
		items = append(items, app.Li().Body(
			app.Span().Class("swatch flow-"+string(f)).Aria("hidden", "true"),
			app.Text(tr(lang, "flow."+string(f))),
		))
	}
	return app.Ul().Class("legend").Aria("label", tr(lang, "legend.title")).Body(items...)
}
