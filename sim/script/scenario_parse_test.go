package script

import (
	"errors"
	"strings"
	"testing"
)

// twoClients declares two clients, so that error lines can use them.
const twoClients = "client sensor\nclient phone\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown keyword", "publsh sensor a \"x\"",
			"line 1, col 1: expected a keyword (" + keywordList + "), found publsh"},
		{"qos out of range", twoClients + "publish sensor a/b \"x\" qos=3",
			"line 3, col 24: expected qos=0|1|2, found qos=3"},
		{"unknown client", twoClients + "connect sensr",
			"line 3, col 9: expected a client name (sensor, phone), found sensr (declare it first with: client sensr)"},
		{"no client declared", "connect sensor",
			"line 1, col 9: expected a client name, found sensor (declare it first with: client sensor)"},
		{"missing payload", twoClients + "publish sensor a/b",
			"line 3, col 19: expected the payload, such as \"hello\" or \"\", found end of line"},
		{"option where payload belongs", twoClients + "publish sensor a/b qos=1",
			"line 3, col 20: expected the payload, such as \"hello\" or \"\", found qos=1"},
		{"unknown option", twoClients + "publish sensor a/b \"x\" qso=1",
			"line 3, col 24: expected an option (qos= repeat= retain=) or end of line, found qso=1"},
		{"option twice", twoClients + "publish sensor a/b \"x\" qos=1 qos=2",
			"line 3, col 30: expected each option once, found qos= again"},
		{"unterminated string", twoClients + "publish sensor a/b \"x",
			"line 3, col 20: expected a closing \" before the end of the line"},
		{"bad quoted option", twoClients + "connect sensor pass=\"a\\q\"",
			"line 3, col 16: expected a value such as key=\"some text\" (escapes as in Go), found pass=\"a\\q\""},
		{"lone hash is a comment", twoClients + "subscribe phone # everything",
			"line 3, col 16: expected a topic filter (write the filter # as \"#\": a lone # starts a comment), found end of line"},
		{"bad filter", twoClients + "subscribe phone a/#/b",
			"line 3, col 17: a/#/b cannot be a topic filter: the wildcard # must be the last character of the filter: it matches every level below, so nothing can follow it (MQTT-4.7.1-2)"},
		{"wildcard in topic name", twoClients + "publish sensor a/+ \"x\"",
			"line 3, col 16: a/+ cannot be a topic name: a topic name must not contain the wildcard +; wildcards are for topic filters in SUBSCRIBE (MQTT-4.7.1-1)"},
		{"broker after client", twoClients + "broker maxqos=1",
			"line 3, col 1: expected the broker line before the first client or action, found it after"},
		{"bad broker option", "broker qos2=later",
			"line 1, col 8: expected qos2=onpublish|onpubrel, found qos2=later"},
		{"bad duration", twoClients + "wait 90",
			"line 3, col 6: expected a duration such as 90s or 500ms, found 90"},
		{"wait without duration", twoClients + "wait",
			"line 3, col 5: expected a duration such as 90s or 500ms, found end of line"},
		{"drop without next", twoClients + "drop PUBACK to sensor",
			"line 3, col 6: expected next or a percentage such as 30%, found PUBACK"},
		{"drop bad type", twoClients + "drop next PUBAK to sensor",
			"line 3, col 11: expected a packet type (PUBLISH, PUBACK, ... or packet for any), found PUBAK"},
		{"drop bad direction", twoClients + "drop next PUBACK at sensor",
			"line 3, col 18: expected to or from, found at"},
		{"raw bad hex", twoClients + "raw sensor 30 0g",
			"line 3, col 15: expected hex bytes such as 30 0b 00 04, found 0g"},
		{"hold bad type", twoClients + "hold phone PUBLISH",
			"line 3, col 12: expected PUBACK or PUBREC or PUBREL or PUBCOMP, found PUBLISH"},
		{"duplicate client", twoClients + "client phone",
			"line 3, col 8: expected a new client name, found phone (declared before)"},
		{"client named broker", "client broker",
			"line 1, col 8: expected a client name other than broker (a word of the language), found broker"},
		{"bad client name", "client 9lives",
			"line 1, col 8: expected a client name (a letter, then letters, digits, - or _), found 9lives"},
		{"title without language", "title QoS 1",
			"line 1, col 7: expected en: or zh: and the text, found QoS 1"},
		{"second title", "title en: a\ntitle en: b",
			"line 2, col 1: expected one title en: line, found a second"},
		{"expect nothing", twoClients + "expect",
			"line 3, col 7: expected what to expect: a client name, no, retained, broker or rule, found end of line"},
		{"expect bad verb", twoClients + "expect phone gets a/b",
			"line 3, col 14: expected receives or received or connected or connecting or disconnected or connack or suback or got or sent or closed or inflight, found gets"},
		{"expect got bad type", twoClients + "expect phone got PUBAK",
			"line 3, col 18: expected a packet type such as CONNACK, PUBACK or PINGRESP, found PUBAK"},
		{"expect got id on a packet without one", twoClients + "expect phone got PINGRESP id=1",
			"line 3, col 27: expected end of line, found id=1: PINGRESP has no packet identifier"},
		{"expect got id zero", twoClients + "expect phone sent PUBLISH id=0",
			"line 3, col 27: expected id=a packet id 1-65535, found id=0"},
		{"expect got no with id", twoClients + "expect phone got no CONNACK id=1",
			"line 3, col 29: expected end of line, found id=1"},
		{"expect broker bad word", twoClients + "expect broker closes phone",
			"line 3, col 15: expected session or closed or got or sent, found closes"},
		{"expect broker sent without to", twoClients + "expect broker sent CONNACK phone",
			"line 3, col 28: expected to, found phone"},
		{"expect broker got without from", twoClients + "expect broker got no PUBLISH to phone",
			"line 3, col 30: expected from, found to"},
		{"expect broker sent id on PINGRESP", twoClients + "expect broker sent PINGRESP to phone id=1",
			"line 3, col 38: expected end of line, found id=1: PINGRESP has no packet identifier"},
		{"expect broker closed nobody", twoClients + "expect broker closed",
			"line 3, col 21: expected a client name (sensor, phone), found end of line"},
		{"expect session bad condition", twoClients + "expect broker session phone online",
			"line 3, col 29: expected present or absent or connected or disconnected or inflight or queued or subscribed, found online"},
		{"expect connack out of range", twoClients + "expect phone connack 6",
			"line 3, col 22: expected a return code 0-5, found 6"},
		{"expect suback bad code", twoClients + "expect phone suback 1 3",
			"line 3, col 23: expected 0 or 1 or 2 or 0x80, found 3"},
		{"expect no what", twoClients + "expect no message to phone",
			"line 3, col 11: expected delivery or retained, found message"},
		{"trailing word", twoClients + "cut sensor now",
			"line 3, col 12: expected end of line, found now"},
		{"column counts runes", "client 传感器",
			"line 1, col 8: expected a client name (a letter, then letters, digits, - or _), found 传感器"},
		{"latency half", twoClients + "latency sensor up=5ms",
			"line 3, col 22: expected both up= and down=, found one"},
		{"keepalive too big", twoClients + "connect sensor keepalive=70000",
			"line 3, col 16: expected keepalive=seconds 0-65535, found keepalive=70000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("test", tt.src)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			got := pe.Error()
			if len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if zh := pe.Text.ZH; zh == "" || strings.Contains(zh, "expected") || strings.Contains(zh, "found") || strings.Contains(zh, "mqtt:") {
				t.Errorf("Chinese text %q is missing or half English", zh)
			}
		})
	}
}

// TestParseErrorsInChinese: a Chinese student reads the whole sentence in
// Chinese, the words of the language (qos=3, a/+) as written.
func TestParseErrorsInChinese(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{twoClients + "publish sensor a/b \"x\" qos=3", "这里应为 qos=0|1|2，实际是 qos=3"},
		{twoClients + "publish sensor a/+ \"x\"", "a/+ 不能作为主题名：主题名不能包含通配符 +，通配符只能用在 SUBSCRIBE 的主题过滤器中（MQTT-4.7.1-1）"},
		{twoClients + "connect sensr", "这里应为客户端名称（sensor、phone），实际是 sensr（请先用 client sensr 声明它）"},
		{twoClients + "wait", "这里应为时长，如 90s 或 500ms，但这一行已经结束"},
		{twoClients + "hold phone PUBLISH", "这里应为 PUBACK、PUBREC、PUBREL 或 PUBCOMP，实际是 PUBLISH"},
		{twoClients + "connect sensor\nconnect sensor", "客户端 sensor 已经连接"},
	} {
		_, err := Run("test", tt.src, 1)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("%q: got %v, want a *ParseError", tt.src, err)
		}
		if pe.Text.ZH != tt.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tt.src, pe.Text.ZH, tt.want)
		}
	}
}

func TestParseScenario(t *testing.T) {
	src := `# a comment line
title en: QoS 1 with a lost PUBACK   # the rest of a text line is text
title zh: QoS 1：PUBACK 丢失
describe en: The first line,
describe en: and the second.
describe zh: 第一行，
describe zh: 第二行。
broker users=yang:11223344,anna:pw maxqos=1 qos2=onpubrel retry=5s deny=secret/#,private/+ latency=20ms
client sensor id=sensor-1 clean=0 keepalive=120 user=yang pass="11 22"
will sensor devices/sensor "offline" qos=1 retain=1
client phone
connect sensor
subscribe phone devices/# qos=1 "#" +/x qos=2   # three filters
publish sensor devices/sensor "on line" qos=1 retain=1
drop next PUBACK to sensor id=7
drop 25% on phone
latency sensor up=5ms down=1s
wait 1m30s
raw sensor 30 0b 00 04 31313131 39 39 39
note en: First note,
note zh: 第一条说明。
note en: one note with the line above.
expect phone receives devices/sensor "offline" retain=1 qos=1
expect no delivery to phone
expect broker session sensor inflight 1
expect retained devices/sensor "online"
expect sensor connected
`
	sc, err := Parse("lost-puback", src)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Title.EN != "QoS 1 with a lost PUBACK   # the rest of a text line is text" || sc.Title.ZH != "QoS 1：PUBACK 丢失" {
		t.Errorf("title = %+v", sc.Title)
	}
	if sc.Description.EN != "The first line, and the second." || sc.Description.ZH != "第一行，第二行。" {
		t.Errorf("description = %+v", sc.Description)
	}
	if got := sc.Clients; len(got) != 2 || got[0] != "sensor" || got[1] != "phone" {
		t.Errorf("clients = %v", got)
	}
	b := sc.options.Broker
	if b.Users["yang"] != "11223344" || b.Users["anna"] != "pw" || !b.LimitQoS || b.MaxQoS != 1 ||
		!b.ForwardOnPubrel || b.RetryInterval != 5000 || len(b.Deny) != 2 || sc.options.Latency != 20 {
		t.Errorf("broker options = %+v, latency %d", b, sc.options.Latency)
	}
	o := sc.clients["sensor"]
	if o.ClientID != "sensor-1" || o.CleanSession || o.KeepAlive != 120 || *o.Username != "yang" || *o.Password != "11 22" {
		t.Errorf("sensor options = %+v", o)
	}
	if o.Will == nil || o.Will.Topic != "devices/sensor" || string(o.Will.Message) != "offline" || o.Will.QoS != 1 || !o.Will.Retain {
		t.Errorf("sensor will = %+v", o.Will)
	}
	if p := sc.clients["phone"]; p.ClientID != "phone" || !p.CleanSession || p.KeepAlive != DefaultKeepAlive {
		t.Errorf("phone defaults = %+v", p)
	}
	// client, will, client, connect, subscribe, publish, drop, drop,
	// latency, wait, raw, note (three lines), five expectations.
	if len(sc.stmts) != 17 {
		t.Fatalf("%d statements, want 17", len(sc.stmts))
	}
	note := sc.stmts[11].(*noteStmt)
	if note.text.EN != "First note, one note with the line above." || note.text.ZH != "第一条说明。" {
		t.Errorf("note = %+v", note.text)
	}
	if w, ok := sc.stmts[9].(*waitStmt); !ok || w.ms != 90_000 {
		t.Errorf("wait = %+v", sc.stmts[9])
	}
	e := sc.stmts[12].(*expectStmt)
	if e.line != 23 || e.text != `expect phone receives devices/sensor "offline" retain=1 qos=1` {
		t.Errorf("expectation line %d text %q", e.line, e.text)
	}
	if wantLines := []int{9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}; sc.lines[10] != wantLines[10] {
		t.Errorf("statement lines = %v", sc.lines)
	}
}

func TestLexLine(t *testing.T) {
	toks, text, err := lexLine(`  publish a/# "x # y" key="v w" \u4e2d # comment "`, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []token{
		{col: 3, raw: "publish", text: "publish"},
		{col: 11, raw: "a/#", text: "a/#"},
		{col: 15, raw: `"x # y"`, text: "x # y", quoted: true},
		{col: 23, raw: `key="v w"`, text: `key="v w"`},
		{col: 33, raw: `\u4e2d`, text: `\u4e2d`},
	}
	if len(toks) != len(want) {
		t.Fatalf("tokens %+v", toks)
	}
	for i := range want {
		if toks[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, toks[i], want[i])
		}
	}
	if k, v, ok := toks[3].option(); !ok || k != "key" || v != "v w" {
		t.Errorf("option = %q %q %v", k, v, ok)
	}
	if text != `publish a/# "x # y" key="v w" \u4e2d` {
		t.Errorf("text = %q", text)
	}
}

func TestDuration(t *testing.T) {
	for in, want := range map[string]int64{"0": 0, "250ms": 250, "90s": 90_000, "1m30s": 90_000, "2h": 7_200_000} {
		if got, ok := parseDuration(in); !ok || got != want {
			t.Errorf("parseDuration(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "90", "s", "1.5s", "-1s", "5sec", "99999999999s"} {
		if _, ok := parseDuration(in); ok {
			t.Errorf("parseDuration(%q) accepted", in)
		}
	}
}
