package trace

// The names of the trace's enums in English and Chinese: Name is the word
// a table or a Mermaid diagram writes (in English the value itself, as the
// JSON has it), Caption what a page writes beside a step.

var kindNames = map[StepKind][2]Text{
	KindPacket:  {{EN: "packet", ZH: "报文"}, {EN: "packet", ZH: "报文"}},
	KindConnect: {{EN: "connect", ZH: "连接"}, {EN: "network connection opened", ZH: "建立网络连接"}},
	KindClose:   {{EN: "close", ZH: "关闭"}, {EN: "connection closed", ZH: "连接关闭"}},
	KindFault:   {{EN: "fault", ZH: "故障"}, {EN: "link fault", ZH: "链路故障"}},
	KindTimer:   {{EN: "timer", ZH: "定时器"}, {EN: "timer", ZH: "定时器"}},
	KindNote:    {{EN: "note", ZH: "说明"}, {EN: "note", ZH: "说明"}},
	KindGap:     {{EN: "gap", ZH: "缺口"}, {EN: "steps missed", ZH: "缺少的步骤"}},
}

// Name is the kind as a table names it: "connect" (连接).
func (k StepKind) Name() Text { return k.names()[0] }

// Caption is the kind as the diagram and the event list say it: "network
// connection opened" (建立网络连接).
func (k StepKind) Caption() Text { return k.names()[1] }

func (k StepKind) names() [2]Text {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return [2]Text{{EN: string(k), ZH: string(k)}, {EN: string(k), ZH: string(k)}}
}

var outcomeNames = map[Outcome][2]Text{
	Delivered: {{EN: "delivered", ZH: "已送达"}, {EN: "delivered", ZH: "已送达"}},
	Dropped:   {{EN: "dropped", ZH: "被丢弃"}, {EN: "dropped", ZH: "被丢弃"}},
	Refused:   {{EN: "refused", ZH: "被拒绝"}, {EN: "refused", ZH: "被拒绝"}},
	Lost:      {{EN: "lost", ZH: "随连接丢失"}, {EN: "lost with the connection", ZH: "随连接丢失"}},
}

// Name is the outcome as a table names it: "lost" (随连接丢失).
func (o Outcome) Name() Text { return o.names()[0] }

// Caption is the outcome as the event list and the step line say it:
// "lost with the connection" (随连接丢失).
func (o Outcome) Caption() Text { return o.names()[1] }

func (o Outcome) names() [2]Text {
	if n, ok := outcomeNames[o]; ok {
		return n
	}
	return [2]Text{{EN: string(o), ZH: string(o)}, {EN: string(o), ZH: string(o)}}
}
