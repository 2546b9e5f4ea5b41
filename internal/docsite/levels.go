package docsite

// level is how far into MQTT a lesson goes, a key of words.
type level string

// The three levels of the catalogue.
const (
	basics  level = "level.basics"  // what every MQTT user meets
	further level = "level.further" // what a device or an app must get right
	edges   level = "level.edges"   // faults, choices of the broker, rules a peer breaks
)

// levels gives every built-in lesson its level; a test checks that every
// lesson has one.
var levels = map[string]level{
	"first-connection":         basics,
	"connack-codes":            basics,
	"qos0":                     basics,
	"qos1":                     basics,
	"retained-late-subscriber": basics,
	"wildcards":                basics,
	"watch-a-tree":             basics,
	"keepalive-ping":           basics,
	"server-unavailable":       basics,
	"qos1-lost-puback":         further,
	"qos2":                     further,
	"qos-downgrade":            further,
	"retained-clear":           further,
	"will-keepalive":           further,
	"will-disconnect":          further,
	"online-offline":           further,
	"persistent-session":       further,
	"dollar-topics":            further,
	"takeover":                 further,
	"malformed-publish":        further,
	"unsubscribe":              further,
	"suback-failure":           further,
	"long-payload":             further,
	"qos2-lost-pubrec":         edges,
	"qos2-lost-pubcomp":        edges,
	"qos2-forward-on-publish":  edges,
	"qos2-forward-on-pubrel":   edges,
	"second-connect":           edges,
	"overlapping":              edges,
	"reserved-flags":           edges,
	"qos1-resend-timer":        edges,
	"packet-id-zero":           edges,
	"lossy-link":               edges,
	"second-connack":           edges,
	"broker-restart":           edges,
	"first-packet-not-connect": edges,
}
