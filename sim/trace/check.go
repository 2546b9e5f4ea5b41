package trace

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Check reports, as a *ReadError of problem Inconsistent, the first way
// in which the trace's parts do not fit together so that a player could
// not show it: no steps, no lifelines, a lifeline without a name or
// twice, a step whose index is not its place, of an unknown kind, or on
// a lifeline the trace does not have (only the narration, a note with
// no From, is on none), a null where a state lists sessions or clients.
// A trace the simulator or a recorder wrote always passes.
func (t *Trace) Check() error {
	if len(t.Nodes) == 0 {
		return inconsistent(-1, Text{EN: "the trace has no lifelines (\"nodes\" is empty)", ZH: "轨迹没有生命线（\"nodes\" 为空）"})
	}
	lanes := make(map[string]bool, len(t.Nodes))
	for _, n := range t.Nodes {
		if n == "" {
			return inconsistent(-1, Text{EN: "a lifeline in \"nodes\" has no name", ZH: "\"nodes\" 中有一条生命线没有名称"})
		}
		if lanes[n] {
			return inconsistent(-1, Text{EN: "the lifeline " + shortQuote(n) + " is in \"nodes\" twice", ZH: "生命线 " + shortQuote(n) + " 在 \"nodes\" 中出现了两次"})
		}
		lanes[n] = true
	}
	if len(t.Steps) == 0 {
		return inconsistent(-1, Text{EN: "the trace has no steps to play", ZH: "轨迹中没有可以播放的步骤"})
	}
	for i, s := range t.Steps {
		if err := s.check(i, lanes); err != nil {
			return err
		}
	}
	return nil
}

// check is Check for the step at place i of a trace with the lifelines
// lanes.
func (s *Step) check(i int, lanes map[string]bool) error {
	at := func(en, zh string) error {
		return inconsistent(i, Text{EN: fmt.Sprintf("step %d: %s", i, en), ZH: fmt.Sprintf("第 %d 步：%s", i, zh)})
	}
	if s.Index != i {
		return at("its \"index\" is "+strconv.Itoa(s.Index), "它的 \"index\" 是 "+strconv.Itoa(s.Index))
	}
	switch s.Kind {
	case KindPacket, KindConnect, KindClose, KindFault, KindTimer, KindNote, KindGap:
	default:
		return at("unknown kind "+shortQuote(string(s.Kind)), "未知的步骤类型 "+shortQuote(string(s.Kind)))
	}
	narration := s.From == "" && (s.Kind == KindNote || s.Kind == KindGap)
	if !narration && !lanes[s.From] {
		return at("\"from\" "+shortQuote(s.From)+" is not one of the lifelines in \"nodes\"", "\"from\" 的 "+shortQuote(s.From)+" 不是 \"nodes\" 中的生命线")
	}
	if s.To != "" && !lanes[s.To] {
		return at("\"to\" "+shortQuote(s.To)+" is not one of the lifelines in \"nodes\"", "\"to\" 的 "+shortQuote(s.To)+" 不是 \"nodes\" 中的生命线")
	}
	if !s.Snapshot.whole() || !s.Change.whole() {
		return at("its state lists null for a session or a client", "它的状态中有值为 null 的会话或客户端")
	}
	return nil
}

// whole reports whether no list of the state holds a null.
func (st *State) whole() bool {
	if st == nil {
		return true
	}
	if st.Broker != nil && hasNil(st.Broker.Sessions) {
		return false
	}
	return !hasNil(st.Clients)
}

// whole reports whether no list of the change holds a null.
func (c *StateChange) whole() bool {
	return c == nil || !hasNil(c.Sessions) && !hasNil(c.Clients)
}

func hasNil[E any](list []*E) bool {
	for _, e := range list {
		if e == nil {
			return true
		}
	}
	return false
}

func inconsistent(step int, text Text) *ReadError {
	return &ReadError{Problem: Inconsistent, Step: step, Text: Text{
		EN: "the trace does not hold together: " + text.EN,
		ZH: "轨迹内容前后矛盾：" + text.ZH,
	}}
}

// shortQuote quotes a name from a file for a message, cut to 40
// characters.
func shortQuote(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:40]) + "…"
	}
	return strconv.Quote(s)
}
