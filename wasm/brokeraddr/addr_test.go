package brokeraddr

import (
	"errors"
	"strings"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want Addr
		url  string
	}{
		{"ws://127.0.0.1:8080/mqtt", Addr{Host: "127.0.0.1", Port: 8080, Path: "/mqtt"}, "ws://127.0.0.1:8080/mqtt"},
		{"  ws://broker.example  ", Addr{Host: "broker.example", Path: DefaultPath}, "ws://broker.example/mqtt"},
		{"WSS://Broker.Example:8084", Addr{Secure: true, Host: "Broker.Example", Port: 8084, Path: DefaultPath}, "wss://Broker.Example:8084/mqtt"},
		{"ws://h/", Addr{Host: "h", Path: "/"}, "ws://h/"},
		{"ws://h:9001/ws?token=a%20b", Addr{Host: "h", Port: 9001, Path: "/ws?token=a%20b"}, "ws://h:9001/ws?token=a%20b"},
		{"ws://[::1]:8080/mqtt", Addr{Host: "::1", Port: 8080, Path: "/mqtt"}, "ws://[::1]:8080/mqtt"},
		{"wss://[2001:db8::1]", Addr{Secure: true, Host: "2001:db8::1", Path: DefaultPath}, "wss://[2001:db8::1]/mqtt"},
		{"ws://h:/mqtt", Addr{Host: "h", Path: "/mqtt"}, "ws://h/mqtt"},
	} {
		a, err := Parse(tc.raw)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.raw, err)
			continue
		}
		if a != tc.want {
			t.Errorf("Parse(%q) = %+v, want %+v", tc.raw, a, tc.want)
		}
		if a.String() != tc.url {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.raw, a.String(), tc.url)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want Problem
		// says is a word the English sentence must hold.
		says string
	}{
		{"", Empty, "ws://"},
		{"   ", Empty, "ws://"},
		{"127.0.0.1:8080", BadScheme, "ws://"},
		{"http://broker:8080/mqtt", BadScheme, "web page"},
		{"https://broker/mqtt", BadScheme, "wss://"},
		{"mqtt://broker:1883", BadScheme, "TCP"},
		{"tcp://broker:1883", BadScheme, "TCP"},
		{"ftp://broker", BadScheme, "only ws://"},
		{"ws://user:secret@broker/mqtt", Credentials, "password"},
		{"wss://user@broker/mqtt", Credentials, "CONNECT"},
		{"ws://broker/mqtt#top", Fragment, "fragment"},
		{"ws://broker/mqtt#", Fragment, "fragment"},
		{"ws:///mqtt", NoHost, "host"},
		{"ws://", NoHost, "host"},
		{"ws://:8080/mqtt", NoHost, "host"},
		{"ws://broker:0/mqtt", BadPort, "65535"},
		{"ws://broker:65536/mqtt", BadPort, "65535"},
		{"ws://broker:abc/mqtt", BadSyntax, "port"},
		{"ws://bro ker/mqtt", BadSyntax, "host"},
		{"ws://broker/\x00", BadSyntax, "valid"},
		{"ws://::", BadSyntax, "IPv6"},
		{"ws://[fe80::1%25eth0]/mqtt", BadSyntax, "IPv6"},
		{"ws://[127.0.0.1]/mqtt", BadSyntax, "valid"},
	} {
		_, err := Parse(tc.raw)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, want a %v *Error", tc.raw, err, tc.want)
			continue
		}
		if e.Problem != tc.want || !errors.Is(err, &Error{Problem: tc.want}) {
			t.Errorf("Parse(%q): %v (%v), want %v", tc.raw, e.Problem, e, tc.want)
		}
		if !strings.Contains(e.Text.EN, tc.says) {
			t.Errorf("Parse(%q): %q does not say %q", tc.raw, e.Text.EN, tc.says)
		}
		if e.Text.ZH == "" || e.Text.ZH == e.Text.EN {
			t.Errorf("Parse(%q): no Chinese: %q", tc.raw, e.Text.ZH)
		}
		if strings.Contains(e.Text.EN, "secret") || strings.Contains(e.Text.ZH, "secret") {
			t.Errorf("Parse(%q): the refusal repeats the password", tc.raw)
		}
	}
}

func TestLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "LOCALHOST": true, "localhost.": true, "app.localhost": true,
		"127.0.0.1": true, "127.1.2.3": true, "::1": true, "::ffff:127.0.0.1": true,
		"mylocalhost": false, "localhost.example": false, "10.0.0.1": false, "::2": false, "broker": false,
	} {
		if got := (Addr{Host: host}).Loopback(); got != want {
			t.Errorf("Addr{Host: %q}.Loopback() = %v, want %v", host, got, want)
		}
	}
}

func TestCheckPage(t *testing.T) {
	for _, tc := range []struct {
		addr, page string
		blocked    bool
	}{
		{"ws://broker.example:8080/mqtt", "https://mqttviz.example/live", true},
		{"ws://broker.example:8080/mqtt", "HTTPS://mqttviz.example/live", true},
		{"ws://10.0.0.5:8080/mqtt", "https://mqttviz.example/live", true},
		{"wss://broker.example:8084/mqtt", "https://mqttviz.example/live", false},
		{"ws://127.0.0.1:8080/mqtt", "https://mqttviz.example/live", false},
		{"ws://localhost:8080/mqtt", "https://mqttviz.example/live", false},
		{"ws://[::1]:8080/mqtt", "https://mqttviz.example/live", false},
		{"ws://broker.example:8080/mqtt", "http://127.0.0.1:8000/live", false},
		{"wss://broker.example:8084/mqtt", "http://127.0.0.1:8000/live", false},
		{"ws://broker.example:8080/mqtt", "file:///home/me/mqttviz/index.html", false},
		{"ws://broker.example:8080/mqtt", "::not a url", false},
	} {
		a, err := Parse(tc.addr)
		if err != nil {
			t.Fatal(err)
		}
		err = CheckPage(a, tc.page)
		if got := errors.Is(err, &Error{Problem: MixedContent}); got != tc.blocked {
			t.Errorf("CheckPage(%s, %s) = %v, want blocked %v", tc.addr, tc.page, err, tc.blocked)
		}
	}
}

func TestFailureCauses(t *testing.T) {
	ws, _ := Parse("ws://broker.example:8080/ws")
	wss, _ := Parse("wss://broker.example:8084")
	if ws.CertPage() != "" {
		t.Errorf("ws:// has a certificate page: %q", ws.CertPage())
	}
	if got, want := wss.CertPage(), "https://broker.example:8084/"; got != want {
		t.Errorf("CertPage = %q, want %q", got, want)
	}
	plain, secure := FailureCauses(ws), FailureCauses(wss)
	if len(plain) != 2 || len(secure) != 3 {
		t.Fatalf("causes: %d for ws://, %d for wss://; want 2 and 3", len(plain), len(secure))
	}
	if !strings.Contains(plain[0].Text.EN, "broker.example:8080") || !strings.Contains(plain[1].Text.EN, "/ws") || !strings.Contains(plain[1].Text.EN, "subprotocol mqtt") {
		t.Errorf("ws:// causes do not name the host, the path and the subprotocol: %+v", plain)
	}
	cert := secure[2]
	if cert.Link != "https://broker.example:8084/" || !strings.Contains(cert.Text.ZH, cert.Link) {
		t.Errorf("certificate cause: %+v", cert)
	}
	for _, c := range append(plain, secure...) {
		if c.Text.EN == "" || c.Text.ZH == "" {
			t.Errorf("a cause lacks a language: %+v", c)
		}
	}
}

func TestProblemString(t *testing.T) {
	if MixedContent.String() != "mixed-content" || Problem(0).String() != "problem(0)" || Problem(200).String() != "problem(200)" {
		t.Errorf("names: %s %s %s", MixedContent, Problem(0), Problem(200))
	}
}

// FuzzParse: no input panics, every refusal says what is wrong in both
// languages, and an accepted address reads back as itself.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"ws://127.0.0.1:8080/mqtt", "wss://[::1]/x?y=1", "ws://u:p@h", "http://h", "ws://h:99999", "ws://h#f", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		a, err := Parse(raw)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Text.EN == "" || e.Text.ZH == "" {
				t.Fatalf("Parse(%q): %v", raw, err)
			}
			return
		}
		b, err := Parse(a.String())
		if err != nil || b != a {
			t.Fatalf("Parse(%q) = %+v, but its String %q reads %+v, %v", raw, a, a.String(), b, err)
		}
		_ = CheckPage(a, "https://example/")
		_ = FailureCauses(a)
	})
}
