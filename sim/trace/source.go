package trace

// Source says what produced a trace.
type Source string

// The sources of a trace.
const (
	// SourceScenario is a scenario (a lesson or a file) run on the
	// simulator's virtual clock: a complete trace, the same for the same
	// scenario and seed.
	SourceScenario Source = "scenario"
	// SourceInstructor is a scenario an instructor builds by acting on the
	// page; each action is a line of it and the whole scenario runs again.
	SourceInstructor Source = "instructor"
	// SourceLive is a live link in the browser: the simulator's client
	// cores on a real clock and a WebSocket to a real broker.
	SourceLive Source = "live"
	// SourceBroker is the native `mqttviz broker`: the simulator's broker
	// core on real sockets, streaming its steps to watch pages.
	SourceBroker Source = "broker"
)

// sourceNames are the sources' names in English and Chinese.
var sourceNames = map[Source]Text{
	SourceScenario:   {EN: "scenario", ZH: "场景"},
	SourceInstructor: {EN: "instructor", ZH: "教师操作"},
	SourceLive:       {EN: "live link", ZH: "实时连接"},
	SourceBroker:     {EN: "broker", ZH: "服务端"},
}

// Name is the source's name in English and Chinese; an unknown source is
// named by its value in both.
func (s Source) Name() Text {
	if t, ok := sourceNames[s]; ok {
		return t
	}
	return Text{EN: string(s), ZH: string(s)}
}

// Live reports whether the source runs on a real clock: a live trace has
// a wall-clock Start and grows while it is watched.
func (s Source) Live() bool { return s == SourceLive || s == SourceBroker }
