package ui

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"fmt"
	"mqttviz/wasm/i18n"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// bigScenario is the 5,000 publish lines: 20,006 steps.
func bigScenario(lines int) string {
	var b strings.Builder
	b.WriteString("client sensor\nclient phone\nconnect sensor\nconnect phone\nsubscribe phone devices/# qos=1\n")
	for i := range lines {
		fmt.Fprintf(&b, "publish sensor devices/sensor/temp \"%d.5\" qos=1\n", i)
	}
	return b.String()
}

// pack compresses b as a v1 link does, for fragments the encoder would
// not write.
func pack(b []byte) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	w.Write(b)
	w.Close()
	return base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func TestShareRoundTrip(t *testing.T) {
	for _, src := range []string{"", exampleScenario, "title zh: 遗嘱与保留消息\nclient 传感器\n", "a\r\nb\x00\t\"#\"", bigScenario(5000)} {
		frag := encodeShare(src)
		if !strings.HasPrefix(frag, "v1.") || strings.ContainsAny(frag[3:], "+/=.#%?& ") {
			t.Errorf("fragment %.40q… is not v1. and base64url", frag)
		}
		got, err := decodeShare(frag)
		if err != nil || got != src {
			t.Errorf("decodeShare(encodeShare(%.30q)) = %.30q, %v", src, got, err)
		}
	}
}

// TestShareFormatV1 pins the format with links written by another
// DEFLATE implementation (Python's zlib, wbits=-15): a link published
// today opens tomorrow, whoever wrote it.
func TestShareFormatV1(t *testing.T) {
	for _, tt := range []struct{ link, want string }{
		{"v1.S87JTM0rUShOzSvOL-JKzs_LS02GcwtKk3IyizOgXIVE_SQFpYzUnJx8HYXcwpISJYXC_GJbQy4A",
			"client sensor\nconnect sensor\npublish sensor a/b \"hello, mqtt\" qos=1\n"},
		{"v1.ASAA3_90aXRsZSB6aDog6YGX5Zix5LiO5L-d55WZ5raI5oGvCg", "title zh: 遗嘱与保留消息\n"},
	} {
		got, err := decodeShare(tt.link)
		if err != nil || got != tt.want {
			t.Errorf("decodeShare(%s) = %q, %v; want %q", tt.link, got, err, tt.want)
		}
	}
}

func TestShareBad(t *testing.T) {
	good := encodeShare(exampleScenario)
	for _, tt := range []struct {
		name, frag string
		fault      shareFault
	}{
		{"empty", "", shareBroken},
		{"no version", "S8rJT8nhSs7PS8nPS8", shareBroken},
		{"no data", "v1", shareBroken},
		{"not base64url", "v1.ab+/==", shareBroken},
		{"not deflate", "v1.AAAA", shareBroken},
		{"cut short", good[:len(good)/2], shareBroken},
		{"other prefix", "pako:eNpLTEoGAAJ4AWc", shareBroken},
		{"future", "v2." + good[3:], shareFuture},
		{"far future", "v10.anything", shareFuture},
		{"not utf-8", "v1." + pack([]byte{'a', 0xff, 0xfe}), shareBroken},
		{"bomb", "v1." + pack(bytes.Repeat([]byte("publish a t x\n"), maxShareSource/10)), shareTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			src, err := decodeShare(tt.frag)
			var se *shareError
			if !errors.As(err, &se) || se.fault != tt.fault {
				t.Fatalf("decodeShare = %.20q, %v; want fault %d", src, err, tt.fault)
			}
			for _, lang := range []string{i18n.EN, i18n.ZH} {
				if m := se.message(lang); m == "" || strings.Contains(m, "%!") || strings.Contains(m, "scenario.share") {
					t.Errorf("%s message %q", lang, m)
				}
			}
			if tt.fault == shareFuture && !strings.Contains(se.message(i18n.ZH), tt.frag[:strings.IndexByte(tt.frag, '.')]) {
				t.Errorf("the message does not name the version: %q", se.message(i18n.ZH))
			}
		})
	}
}

// TestShareLinkLength: the 5,000-line scenario fits a link that
// any server and browser takes (nginx's default request line is 8 KB,
// and the fragment is not even sent).
func TestShareLinkLength(t *testing.T) {
	src := bigScenario(5000)
	frag := encodeShare(src)
	t.Logf("%d bytes of scenario, %d characters of fragment", len(src), len(frag))
	if len(frag) > 64<<10 {
		t.Errorf("a 5,000-line scenario makes a %d-character link", len(frag))
	}
}

func FuzzDecodeShare(f *testing.F) {
	f.Add(encodeShare(exampleScenario))
	f.Add("v1.")
	f.Add("v2.AAAA")
	f.Add("v1.ASAA3_90aXRsZSB6aDog6YGX5Zix5LiO5L-d55WZ5raI5oGvCg")
	f.Fuzz(func(t *testing.T, frag string) {
		src, err := decodeShare(frag)
		if err != nil {
			var se *shareError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *shareError", err)
			}
			return
		}
		if !utf8.ValidString(src) || len(src) > maxShareSource {
			t.Fatalf("decoded %d bytes, valid UTF-8 %v", len(src), utf8.ValidString(src))
		}
		if again, err := decodeShare(encodeShare(src)); err != nil || again != src {
			t.Fatalf("re-encoding does not round-trip: %v", err)
		}
	})
}

func TestEscapeStrayPercent(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"http://h/scenario#v1.%%%", "http://h/scenario#v1.%25%25%25"},
		{"http://h/scenario#v1.abc%2", "http://h/scenario#v1.abc%252"},
		{"http://h/scenario?src=a%20b#x%zz", "http://h/scenario?src=a%20b#x%25zz"},
		{"http://h/decode?hex=30%2C0b", "http://h/decode?hex=30%2C0b"},
	} {
		got := escapeStrayPercent(tt.in)
		if got != tt.want {
			t.Errorf("escapeStrayPercent(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("%q does not parse: %v", got, err)
		}
	}
}
