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
