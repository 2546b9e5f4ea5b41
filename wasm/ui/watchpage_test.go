package ui

import (
	"encoding/json"
	"net/url"
	"testing"

	"mqttviz/sim/trace"
)

// watchMessage is one message of the watch stream: a trace document of
// steps, each with the broker's state after it.
func watchMessage(t *testing.T, steps ...trace.Step) []byte {
	t.Helper()
	tr := trace.Trace{Version: trace.Version, Source: trace.SourceBroker, Start: "2026-12-01T10:00:00.000Z", Nodes: []string{trace.BrokerName, "dev"}}
	for _, s := range steps {
		tr.Record(s, &trace.State{Broker: &trace.BrokerState{}})
	}
	b, err := json.Marshal(&tr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func note(at int64) trace.Step { return trace.Step{Time: at, Kind: trace.KindNote, From: "dev"} }

func TestWatchPageReceive(t *testing.T) {
	p := newWatchPage()
	p.status = watchOpen
	p.receive(watchMessage(t, note(1), note(2)))
	if p.trace == nil || len(p.trace.Steps) != 2 || p.cursor != 1 {
		t.Fatalf("after 2 steps: cursor %d of %v", p.cursor, p.trace)
	}
	if p.trace.Source != trace.SourceBroker || p.trace.Start == "" || len(p.trace.Nodes) != 2 {
		t.Errorf("the header: %+v", p.trace)
	}
	p.receive(watchMessage(t, note(3)))
	if p.cursor != 2 {
		t.Errorf("following: cursor %d, want the newest, 2", p.cursor)
	}
	p.cursor = 0 // the user stepped back
	p.receive(watchMessage(t, note(4)))
	if p.cursor != 0 || p.following {
		t.Errorf("stepped back: cursor %d (following %v), want 0", p.cursor, p.following)
	}
	p.backToLive()
	g := trace.GapStep(5, 7)
	p.receive(watchMessage(t, g, note(6)))
	if p.lastMissed != 7 || p.missed != 7 || p.cursor != 5 {
		t.Errorf("after a gap of 7: missed %d/%d, cursor %d", p.lastMissed, p.missed, p.cursor)
	}
	if st := p.trace.StateAt(4); st == nil || st.Broker == nil {
		t.Error("the gap step has no state to catch up from")
	}
	p.receive([]byte(`{"version":2,"nodes":["broker"],"steps":[{"kind":"packet","from":"nobody"}]}`))
	if p.status != watchBad || p.badText.EN == "" || len(p.trace.Steps) != 6 {
		t.Errorf("a message that is no trace: status %v, %q, %d steps", p.status, p.badText.EN, len(p.trace.Steps))
	}
	p.receive(watchMessage(t, note(7)))
	if len(p.trace.Steps) != 6 {
		t.Error("the page read on after a bad message")
	}
}

func TestWatchStreamURL(t *testing.T) {
	for page, want := range map[string]string{
		"http://127.0.0.1:8000/watch/?lang=zh":     "ws://127.0.0.1:8000/watch/stream",
		"https://example.org/watch/#x":             "wss://example.org/watch/stream",
		"http://user:pw@[::1]:80/watch/index.html": "ws://[::1]:80/watch/stream",
	} {
		u, _ := url.Parse(page)
		if got := watchStreamURL(u); got != want {
			t.Errorf("%s: %s, want %s", page, got, want)
		}
	}
}
