package views

import "github.com/maxence-charriere/go-app/v9/pkg/app"

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

// flowOf returns the flow of a packet type name as trace.Step.Packet spells
// it ("PUBLISH", "PUBREL", ...).
func flowOf(packet string) flow {
	switch packet {
	case "CONNECT", "CONNACK", "DISCONNECT":
		return flowConnect
	case "PUBLISH":
		return flowPublish
	case "PUBACK", "PUBREC", "PUBREL", "PUBCOMP":
		return flowAck
	case "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK":
		return flowSubscribe
	case "PINGREQ", "PINGRESP":
		return flowPing
	}
	return flowConnect
}

// FlowLegend names the arrow colours of the diagram.
func FlowLegend(lang string) app.UI {
	items := make([]app.UI, 0, len(flows))
	for _, f := range flows {
		items = append(items, app.Li().Body(
			app.Span().Class("swatch flow-"+string(f)).Aria("hidden", "true"),
			app.Text(tr(lang, "flow."+string(f))),
		))
	}
	return app.Ul().Class("legend").Aria("label", tr(lang, "legend.title")).Body(items...)
}
