package live

import (
	"strings"
	"testing"

	"mqttviz/sim"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
)

// runLive runs a scenario on a ScriptTarget over the fakes, moving the
// fake clock to each wait's end, and returns the trace and every wait.
func runLive(t *testing.T, src string) (*trace.Trace, []script.Wait) {
	t.Helper()
	sc, err := script.Parse("test", src)
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(t)
	lr, err := sc.StartLive(NewScriptTarget(s.d))
	if err != nil {
		t.Fatal(err)
	}
	var waits []script.Wait
	for range 1000 {
		w, done, err := lr.Step()
		if err != nil {
			t.Fatal(err)
		}
		if done {
			return lr.Trace(), waits
		}
		waits = append(waits, w)
		s.net.pump(t)
		s.clock.advance(max(s.clock.now, w.Until))
		s.net.pump(t)
	}
	t.Fatal("the run never ended")
	return nil, nil
}

// results lists each expectation's line and result.
func results(tr *trace.Trace) string {
	var b strings.Builder
	for _, e := range tr.Expectations {
		b.WriteString(e.Result().Name().EN + " " + e.Text + "\n")
	}
	return b.String()
}

func TestScriptTargetExpectations(t *testing.T) {
	tr, waits := runLive(t, `broker qos2=onpubrel
client c keepalive=0
connect c
expect c connack 0
expect c connected
publish c a/b "x" qos=2
expect c got PUBCOMP id=1
expect c inflight 0
expect broker session c connected
expect retained a/b
expect rule MQTT-3.3.1-9
expect c got SUBACK
wait 3s
disconnect c
expect c disconnected
expect c closed
`)
	want := `ok expect c connack 0
ok expect c connected
ok expect c got PUBCOMP id=1
ok expect c inflight 0
not observable expect broker session c connected
not observable expect retained a/b
not observable expect rule MQTT-3.3.1-9
FAIL expect c got SUBACK
ok expect c disconnected
ok expect c closed
`
	if got := results(tr); got != want {
		t.Fatalf("results:\n%s\nwant:\n%s", got, want)
	}
	if len(tr.Failed()) != 1 {
		t.Fatalf("failed = %v, want the SUBACK line alone", tr.Failed())
	}
	var countdown bool
	for _, w := range waits {
		if w.For == script.WaitLine && w.Line == 13 && w.Until >= 3000 {
			countdown = true
		}
	}
	if !countdown {
		t.Fatalf("no countdown for the wait on line 13: %+v", waits)
	}
	if n := tr.Steps[0]; n.Kind != trace.KindNote || !strings.Contains(n.Notes[0].Text.EN, "line 1 sets the simulated broker's options") {
		t.Fatalf("first step %+v, want the note that the broker line is skipped", n)
	}
}

func TestScriptTargetFaults(t *testing.T) {
	tr, _ := runLive(t, `client c keepalive=0
connect c
drop next PUBACK to c
publish c a/b "x" qos=1
expect c inflight 1
drop next PUBLISH from c
publish c a/b "y" qos=1
expect c sent PUBLISH id=2
expect c inflight 2
silence c
ping c
expect c got no PINGRESP
restore c
cut c
expect c disconnected
`)
	want := `ok expect c inflight 1
ok expect c sent PUBLISH id=2
ok expect c inflight 2
ok expect c got no PINGRESP
ok expect c disconnected
`
	if got := results(tr); got != want {
		t.Fatalf("results:\n%s\nwant:\n%s", got, want)
	}
	var dropped []string
	for _, s := range tr.Steps {
		if s.Outcome == trace.Dropped {
			dropped = append(dropped, s.From+">"+s.To+" "+s.Packet.String())
		}
	}
	if got := strings.Join(dropped, ", "); got != "broker>c PUBACK, c>broker PUBLISH, c>broker PINGREQ" {
		t.Fatalf("dropped: %s", got)
	}
	last := tr.Steps[len(tr.Steps)-1]
	if last.Kind != trace.KindClose || !strings.Contains(last.Notes[0].Text.EN, "cut") {
		t.Fatalf("last step %+v, want the cut's close", last)
	}
}

func TestScriptTargetRefuses(t *testing.T) {
	for _, tc := range []struct{ line, en, zh string }{
		{"raw broker c 20 02 00 00", "line 3 cannot run against a real broker: raw broker", "第 3 行无法对真实服务端运行：raw broker"},
		{"restart broker", "line 3 cannot run against a real broker: restart broker", "第 3 行无法对真实服务端运行：restart broker"},
		{"drop 30% on c", "line 3 cannot run against a real broker: drop N%", "第 3 行无法对真实服务端运行：drop N%"},
		{"latency c 20ms", "line 3 cannot run against a real broker: latency", "第 3 行无法对真实服务端运行：latency"},
	} {
		sc, err := script.Parse("test", "client c\nconnect c\n"+tc.line+"\n")
		if err != nil {
			t.Fatal(err)
		}
		s := newSession(t)
		_, err = sc.StartLive(NewScriptTarget(s.d))
		pe, ok := err.(*script.ParseError)
		if !ok || pe.Line != 3 || !strings.HasPrefix(pe.Text.EN, tc.en) || !strings.HasPrefix(pe.Text.ZH, tc.zh) {
			t.Fatalf("%s: err = %#v", tc.line, err)
		}
		if len(s.net.log) != 0 {
			t.Fatalf("%s: the refused run did %v", tc.line, s.net.log)
		}
	}
}

// TestScriptTargetSettles: after an action the run waits until no step
// has come for Quiet and no connection is still opening, at most
// MaxSettle; a Step before the wait's end waits again.
func TestScriptTargetSettles(t *testing.T) {
	sc, err := script.Parse("test", "client c\nconnect c\nexpect c connected\n")
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(t)
	target := NewScriptTarget(s.d)
	target.Quiet, target.MaxSettle = 100, 1000
	lr, err := sc.StartLive(target)
	if err != nil {
		t.Fatal(err)
	}
	step := func(want script.Wait) {
		t.Helper()
		w, done, err := lr.Step()
		if err != nil || done || w != want {
			t.Fatalf("at %d: %+v done=%v err=%v, want %+v", s.clock.now, w, done, err, want)
		}
	}
	// The connection is still opening: ask again a Quiet from now.
	step(script.Wait{For: script.WaitSettle, Line: 2, Until: 100})
	s.clock.advance(100)
	step(script.Wait{For: script.WaitSettle, Line: 2, Until: 200})
	// It opens at 150 and CONNACK comes back: quiet from then on.
	s.clock.advance(150)
	s.net.pump(t)
	step(script.Wait{For: script.WaitSettle, Line: 2, Until: 250})
	s.clock.advance(249)
	step(script.Wait{For: script.WaitSettle, Line: 2, Until: 250})
	s.clock.advance(250)
	if _, done, err := lr.Step(); !done || err != nil {
		t.Fatalf("done=%v err=%v", done, err)
	}
	if got := results(lr.Trace()); got != "ok expect c connected\n" {
		t.Fatal(got)
	}
	// A broker that never answers: the wait ends at MaxSettle.
	s2 := newSession(t)
	target2 := NewScriptTarget(s2.d)
	target2.Quiet, target2.MaxSettle = 100, 1000
	lr2, _ := sc.StartLive(target2)
	for range 20 {
		w, done, _ := lr2.Step()
		if done {
			break
		}
		s2.clock.advance(w.Until)
	}
	if s2.clock.now != 1000 {
		t.Fatalf("the run ended at %d, want at MaxSettle 1000", s2.clock.now)
	}
	if got := results(lr2.Trace()); !strings.HasPrefix(got, "FAIL expect c connected") {
		t.Fatal(got)
	}
}

// TestScriptTargetAwaitsAnswers: an action settles only once no client
// awaits an answer: a PUBACK later than Quiet is waited for, and the
// quiet counts from it; a silenced client's answers are not awaited.
func TestScriptTargetAwaitsAnswers(t *testing.T) {
	s := newSession(t, sim.NewClient("c", sim.ClientOptions{ClientID: "c"}))
	target := NewScriptTarget(s.d)
	target.Quiet, target.MaxSettle = 100, 1000
	if err := target.Connect("c"); err != nil {
		t.Fatal(err)
	}
	s.net.pump(t)
	settled := func(since int64, want bool, wantNext int64) {
		t.Helper()
		done, next := target.Settled(since)
		if done != want || !done && next != wantNext {
			t.Fatalf("at %d: settled %v, next %d; want %v, %d", s.clock.now, done, next, want, wantNext)
		}
	}
	settled(0, false, 100)
	s.clock.advance(100)
	settled(0, true, 0)

	// The broker takes 250 ms to acknowledge a QoS 1 PUBLISH.
	s.net.broker.silent = true
	if err := target.Publish("c", "a", []byte("x"), 1, false); err != nil {
		t.Fatal(err)
	}
	s.net.pump(t)
	s.clock.advance(250)
	settled(100, false, 350)
	s.clock.advance(350)
	s.net.read(1, []byte{0x40, 0x02, 0x00, 0x01})
	settled(100, false, 450)
	s.clock.advance(449)
	settled(100, false, 450)
	s.clock.advance(450)
	settled(100, true, 0)

	// Silenced, the client hears nothing: its PUBACK is not waited for.
	if err := target.Silence("c"); err != nil {
		t.Fatal(err)
	}
	if err := target.Publish("c", "a", []byte("y"), 1, false); err != nil {
		t.Fatal(err)
	}
	s.clock.advance(550)
	settled(450, true, 0)
}
