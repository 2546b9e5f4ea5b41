package trace

import "mqttviz/codec"

// Trace is the result of a run: everything the browser app, the command
// line and every export read. Its JSON form is stable and documented in
// docs/trace.md; change both together.
type Trace struct {
	// Version is the format version, always the package's Version when
	// written; reading another one is an error.
	Version int `json:"version"`
	// Source is what produced the trace.
	Source Source `json:"source"`
	// Start is when a live trace started on the wall clock, RFC 3339 in
	// UTC with milliseconds ("2026-12-01T10:53:13.123Z"): step times are
	// milliseconds after it. Empty for simulated runs, whose time is
	// virtual; the live sources set it (sim/... never reads a clock).
	Start string `json:"start,omitempty"`
	// Scenario is the lesson name or file the trace came from.
	Scenario string `json:"scenario"`
	// Title is the scenario's title in English and Chinese, when it has one.
	Title Text `json:"title"`
	// Description is the scenario's describe lines, when it has them.
	Description Text `json:"description"`
	// Seed is the random seed the run used.
	Seed int64 `json:"seed"`
	// Nodes are the lifelines, the broker first, then the clients in the
	// order the scenario names them.
	Nodes []string `json:"nodes"`
	// Steps are the events of the run in the order they happened.
	Steps []Step `json:"steps"`
	// Expectations are the scenario's expectations and whether each held.
	Expectations []Expectation `json:"expectations"`

	// last is the state after the last step Record kept one for, and
	// sinceSnapshot how many steps with a state were recorded since the
	// last full snapshot; stale says RecordChange recorded steps after
	// last (the state after them is StateAt of the newest).
	last          *State
	sinceSnapshot int
	stale         bool
}

// Text is a sentence in English and in Simplified Chinese.
type Text = codec.Text

// StepKind says what a step shows on the diagram.
type StepKind string

// The kinds of step.
const (
	// KindPacket is a packet carried over a link: sent at SentAt, arrived
	// (or lost) at Time.
	KindPacket StepKind = "packet"
	// KindConnect is a network connection opened by the client From to
	// the broker To.
	KindConnect StepKind = "connect"
	// KindClose is a connection closing. With To empty, From closes its
	// own end (after DISCONNECT, on a protocol violation, on keepalive
	// expiry). With To set, To learns at Time that From closed its end at
	// SentAt; on a silent link this step never comes. A link cut is one
	// step From the client To the broker at the moment both ends close,
	// with the notes of both.
	KindClose StepKind = "close"
	// KindFault is a fault injected on the link between the client From
	// and the broker To: drop rule, drop rate, cut, silence, restore,
	// latency.
	KindFault StepKind = "fault"
	// KindTimer is a timer firing on the node From and doing something:
	// keepalive expiry, PINGREQ due, PINGRESP overdue, resend.
	KindTimer StepKind = "timer"
	// KindNote is a decision of the node From with no packet, such as a
	// QoS 0 message dropped by a client with no connection; with From
	// empty it is the scenario's own narration.
	KindNote StepKind = "note"
	// KindGap marks steps the trace does not have: Missed steps happened
	// here that a slow watcher of a live trace did not receive. The step
	// carries the full state after them when the source has one.
	KindGap StepKind = "gap"
)

// Outcome is what became of a packet.
type Outcome string

// The outcomes of a packet step.
const (
	// Delivered is a packet the receiver processed.
	Delivered Outcome = "delivered"
	// Dropped is a packet the link lost: a drop rule, the drop rate or
	// silence. The receiver never sees it.
	Dropped Outcome = "dropped"
	// Refused is a packet that arrived but broke a rule: the receiver
	// closed the connection.
	Refused Outcome = "refused"
	// Lost is a packet that arrived at an end already closed (a cut, the
	// receiver's own close): nobody processes it.
	Lost Outcome = "lost"
)

// Step is one event of a run.
type Step struct {
	// Index is the step's position in Trace.Steps.
	Index int `json:"index"`
	// Time is when the step happened, in virtual milliseconds.
	Time int64    `json:"time"`
	Kind StepKind `json:"kind"`
	// From and To are node names; To is empty for a step on one lifeline.
	From string `json:"from"`
	To   string `json:"to,omitempty"`
	// Conn is the network connection the step belongs to: 1 for the
	// first connection the trace opens, 2 for the next, and so on; a
	// reconnect is a new connection. 0 for a step of no connection (a
	// fault on a link, a note of a node with none, the narration).
	Conn int `json:"conn,omitempty"`
	// Read is, for a live source, the network read in which the
	// receiver got the packet's last byte, counted from 1 per connection
	// and receiving end: packets that came in one read share it, a
	// packet larger than a read has the read that completed it. 0 for a
	// simulated run, whose bytes arrive as whole packets.
	Read int `json:"read,omitempty"`
	// Missed is, on a gap step, how many steps are missing there.
	Missed int `json:"missed,omitempty"`
	// SentAt is when a packet left From; Time is when it arrived.
	SentAt int64 `json:"sentAt,omitempty"`
	// Bytes are the packet's bytes exactly as sent, also when malformed
	// or only part of a packet.
	Bytes HexBytes `json:"bytes,omitempty"`
	// Packet is the packet type of the first byte, in JSON its name, e.g.
	// "PUBLISH" (omitted, as the zero value, for type 0 and for steps
	// without bytes).
	Packet codec.PacketType `json:"packet,omitempty"`
	// Label is the arrow label in English and Chinese, codec.Summary of
	// the bytes, e.g. "PUBLISH q1 id=3 dup retain a/b" (the packet's
	// String()) and "PUBLISH q1 id=3 重发 保留 a/b"; "malformed PUBACK (4
	// bytes)" for bytes that do not decode as one packet.
	Label Text `json:"label,omitzero"`
	// Sections counts the bytes of the packet's fixed header, variable
	// header and payload, as codec.Describe finds them: the diagram's
	// section bar.
	Sections [3]int `json:"sections,omitzero"`
	// Outcome is set on packet steps.
	Outcome Outcome `json:"outcome,omitempty"`
	// Notes say why the node did what it did, each naming the rule that
	// drove the decision: on a packet step, the receiver's (or why the
	// packet was dropped or lost); on other steps, From's (To's when a
	// close reaches To).
	Notes []Note `json:"notes,omitempty"`
	// Snapshot is every session, subscription, retained message, will
	// and in-flight id after the step, on the steps the trace keeps a full
	// snapshot on; Change is what the step changed, on the others. Read
	// the state after a step with Trace.StateAt. Both are nil when the
	// source keeps no state (and Change when the step changed nothing).
	Snapshot *State       `json:"snapshot,omitempty"`
	Change   *StateChange `json:"change,omitempty"`
}

// Note is one sentence explaining a decision, with the spec rule behind it.
type Note struct {
	Text Text `json:"text"`
	// Rule is a normative statement id such as "MQTT-3.3.1-5", or a section
	// such as "MQTT 4.3.3"; empty when no rule applies.
	Rule string `json:"rule,omitempty"`
}

// Expectation is one `expect` line of a scenario and its result.
type Expectation struct {
	// Line and Col are where the expect line's first word is, 1-based
	// (Col in characters).
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Text string `json:"text"`
	OK   bool   `json:"ok"`
	// Unobservable marks an expectation that a run against a real broker
	// could not check: it reads the broker's insides (see
	// expectation.go). OK is false and Why says so.
	Unobservable bool `json:"unobservable,omitempty"`
	// Why says what was found instead, in English and Chinese, when OK is
	// false; nil when it holds.
	Why *Text `json:"why,omitempty"`
}

// HexBytes is a byte slice that encodes to JSON as a lowercase hex string
// with a space between bytes, as the inspector and the seeds print them.
type HexBytes []byte

// Failed returns the expectations of the trace that did not hold; an
// unobservable one is not among them.
func (t *Trace) Failed() []Expectation {
	var failed []Expectation
	for _, e := range t.Expectations {
		if !e.OK && !e.Unobservable {
			failed = append(failed, e)
		}
	}
	return failed
}

// BrokerName is the broker's node name: the first lifeline of every trace.
const BrokerName = "broker"

// Malformed reports whether the step carries bytes that do not decode as
// one packet: what the receiver refused as malformed, or what a live
// source saw arrive cut short. The label says so too, but a trace read
// from a file may label its steps any way it likes.
func (s *Step) Malformed() bool {
	if len(s.Bytes) == 0 {
		return false
	}
	_, err := codec.Decode(s.Bytes)
	return err != nil
}
