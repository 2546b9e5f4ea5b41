package ui

import "testing"

func TestLiveLessonLink(t *testing.T) {
	for _, c := range []struct{ name, broker, want string }{
		{"qos2", "", "/live/?lesson=qos2"},
		{"qos1", "ws://127.0.0.1:8080/mqtt", "/live/?broker=ws%3A%2F%2F127.0.0.1%3A8080%2Fmqtt&lesson=qos1"},
		// Whatever ?broker= held is escaped, never written raw.
		{"qos1", `ws://x/"><script>`, "/live/?broker=ws%3A%2F%2Fx%2F%22%3E%3Cscript%3E&lesson=qos1"},
	} {
		if got := liveLessonLink(c.name, c.broker); got != c.want {
			t.Errorf("liveLessonLink(%q, %q) = %q, want %q", c.name, c.broker, got, c.want)
		}
	}
}

func TestSourceLine(t *testing.T) {
	src := "client a\n  restart broker  \nwait 1s"
	for n, want := range map[int]string{0: "", 1: "client a", 2: "restart broker", 3: "wait 1s", 4: ""} {
		if got := sourceLine(src, n); got != want {
			t.Errorf("sourceLine(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestLiveLessonSharedScenario(t *testing.T) {
	src := "client a\nconnect a\nexpect a connected\n"
	for _, c := range []struct{ pasted, wantErr string }{
		{src, ""},
		{"http://127.0.0.1:8000/scenario/#" + encodeShare(src), ""},
		{"  #" + encodeShare(src) + "\n", ""},
		{"http://127.0.0.1:8000/scenario/#v1.@@@", "share link"},
	} {
		l := liveLesson{choice: pastedLesson, source: c.pasted}
		sc, err := l.scenario()
		switch {
		case c.wantErr == "" && err != nil:
			t.Errorf("%q: %v", c.pasted, err)
		case c.wantErr == "" && sc == nil:
			t.Errorf("%q: no scenario", c.pasted)
		case c.wantErr != "" && err == nil:
			t.Errorf("%q: no error, want one", c.pasted)
		}
	}
}
