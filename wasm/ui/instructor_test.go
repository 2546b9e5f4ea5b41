package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/wasm/i18n"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestActionForm: the form's fields make the action they name; a bad
// number of seconds is refused in both languages.
func TestActionForm(t *testing.T) {
	f := newActionForm()
	f.client = "sensor"
	f.set(fieldTopic, "a/b")
	f.set(fieldPayload, "x y")
	f.set(fieldQoS, "2")
	f.set(fieldRetain, "true")
	a, bad := f.action()
	if bad != nil || a.Kind != script.ActPublish || a.Topic != "a/b" || a.Payload != "x y" || a.QoS != 2 || !a.Retain {
		t.Errorf("publish %+v %v", a, bad)
	}
	f.kind = script.ActWait
	f.set(fieldWait, "1.5")
	if a, bad := f.action(); bad != nil || a.WaitMS != 1500 {
		t.Errorf("wait %+v %v", a, bad)
	}
	f.set(fieldWait, "soon")
	if _, bad := f.action(); bad == nil || !strings.Contains(bad.ZH, "不是有效的秒数") || !strings.Contains(bad.EN, `"soon"`) {
		t.Errorf("a bad wait: %v", bad)
	}
	f.kind = script.ActAddClient
	f.set(fieldName, "lamp")
	f.set(fieldKeepAlive, "30")
	f.set(fieldClean, "false")
	f.set(fieldWill, "w")
	if a, bad := f.action(); bad != nil || a.NewClient.Name != "lamp" || a.NewClient.KeepAlive != 30 || a.NewClient.Clean || a.NewClient.WillTopic != "w" {
		t.Errorf("client %+v %v", a.NewClient, bad)
	}
	if ms, bad := holdMS(""); ms != 0 || bad != nil {
		t.Error("an empty hold is not until released")
	}
	if ms, _ := holdMS("2"); ms != 2000 {
		t.Errorf("hold 2 s = %d ms", ms)
	}
}

// TestInstructorMenu: a packet's actions offer what applies to it: a
// client's acknowledgement can be held, and the broker's (not its
// CONNACK); only a QoS PUBLISH or PUBREL is resent; the loss of an answer
// a client waits for offers what the client then does.
func TestInstructorMenu(t *testing.T) {
	src, _ := lessons.LessonSource("qos1")
	tr, _, err := script.Rerun("qos1", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	in := newInstructor()
	in.start = func() (string, string, int64) { return "qos1", src, 1 }
	in.toggle(in.start())
	in.pl = &player{trace: tr}
	find := func(from string, typ codec.PacketType) int {
		for i, s := range tr.Steps {
			if s.From == from && s.Packet == typ {
				return i
			}
		}
		t.Fatalf("no %s from %s", typ, from)
		return -1
	}
	for _, tt := range []struct {
		i          int
		want, none []string
	}{
		{find("phone", codec.PUBACK), []string{"instructor-lose", "instructor-lose-broker-waits", "instructor-hold", "instructor-duplicate"}, []string{"instructor-resend", "instructor-lose-resend"}},
		{find("broker", codec.PUBACK), []string{"instructor-lose", "instructor-lose-resend", "instructor-lose-reconnect", "instructor-hold", "instructor-duplicate"}, []string{"instructor-resend"}},
		{find("broker", codec.CONNACK), []string{"instructor-lose", "instructor-duplicate"}, []string{"instructor-hold", "instructor-resend", "instructor-lose-resend"}},
		{find("sensor", codec.PUBLISH), []string{"instructor-lose", "instructor-resend", "instructor-lose-resend"}, []string{"instructor-hold"}},
		{find("sensor", codec.CONNECT), []string{"instructor-lose", "instructor-duplicate"}, []string{"instructor-hold", "instructor-resend", "instructor-lose-resend", "instructor-lose-broker-waits"}},
	} {
		in.menu, in.pl.cursor = tt.i, tt.i
		html := app.HTMLString(app.Div().Body(in.renderPanel(i18n.ZH)))
		for _, id := range tt.want {
			if !strings.Contains(html, `id="`+id+`"`) {
				t.Errorf("step %d: no %s", tt.i, id)
			}
		}
		for _, id := range tt.none {
			if strings.Contains(html, `id="`+id+`"`) {
				t.Errorf("step %d: %s offered", tt.i, id)
			}
		}
		if !strings.Contains(html, "丢弃这个报文") {
			t.Errorf("step %d: not in Chinese", tt.i)
		}
	}
}
