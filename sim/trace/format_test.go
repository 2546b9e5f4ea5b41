package trace_test

import (
	"mqttviz/codec"
	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
	"strings"
	"testing"
)

// sampleTrace is a small trace with every kind of step the formats draw.
func sampleTrace() *trace.Trace {
	state := &trace.State{
		Broker: &trace.BrokerState{
			Sessions: []*trace.SessionState{{
				ClientID: "sensor-1", Connected: true, KeepAlive: 60,
				Subscriptions: []trace.Subscription{{Filter: "a/#", QoS: 1}},
				Inflight:      []trace.Inflight{{PacketID: 1, QoS: 1, Direction: trace.Out, Stage: trace.StagePublishSent, Topic: "a/b"}},
				Will:          &trace.Message{Topic: "a/s", Payload: "offline", QoS: 1, Retain: true},
			}},
			Retained: []trace.Message{{Topic: "a/b", Payload: "on", QoS: 0, Retain: true}},
		},
		Clients: []*trace.ClientState{{Name: "sensor", ClientID: "sensor-1", Connected: true}},
	}
	t := &trace.Trace{
		Scenario: "sample",
		Title:    trace.Text{EN: "Sample; with #hash", ZH: "示例"},
		Seed:     3,
		Nodes:    []string{"broker", "sensor"},
		Steps: []trace.Step{
			{Index: 0, Time: 0, Kind: trace.KindConnect, From: "sensor", To: "broker", Label: trace.Text{EN: "connection opened", ZH: "connection opened"}},
			{Index: 1, Time: 10, Kind: trace.KindPacket, From: "sensor", To: "broker", SentAt: 0,
				Bytes: trace.HexBytes{0x30, 0x09, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}, Packet: codec.PUBLISH,
				Label: trace.Text{EN: "PUBLISH q0 1111 <99%>", ZH: "PUBLISH q0 1111 <99%>"}, Outcome: trace.Delivered,
				Notes: []trace.Note{{Text: trace.Text{EN: "forwarded to 0 subscribers", ZH: "转发给 0 个订阅者"}, Rule: "MQTT-3.3.5-1"}}},
			{Index: 2, Time: 1250, Kind: trace.KindPacket, From: "broker", To: "sensor", SentAt: 1240,
				Bytes: trace.HexBytes{0x40, 0x02, 0x00, 0x01}, Packet: codec.PUBACK, Label: trace.Text{EN: "PUBACK id=1", ZH: "PUBACK id=1"}, Outcome: trace.Dropped},
			{Index: 3, Time: 1250, Kind: trace.KindNote, Notes: []trace.Note{{Text: trace.Text{EN: "A \"note\" from the lesson", ZH: "课程说明"}}}},
			{Index: 4, Time: 2000, Kind: trace.KindClose, From: "sensor", To: "broker", Label: trace.Text{EN: "connection closed", ZH: "connection closed"}},
		},
		Expectations: []trace.Expectation{
			{Line: 7, Text: `expect sensor receives a "1"`, OK: true},
			{Line: 8, Text: "expect sensor connected", OK: false, Why: &trace.Text{EN: "sensor is disconnected", ZH: "sensor 已断开连接"}},
		},
	}
	// The last step, recorded with the state after it.
	last := t.Steps[4]
	t.Steps = t.Steps[:4]
	t.Record(last, state)
	return t
}

func TestFormatText(t *testing.T) {
	want := `Sample; with #hash
sample  (seed 3)

     time from → to        packet or event        outcome
   0.000s sensor → broker  connection opened
   0.010s sensor → broker  PUBLISH q0 1111 <99%>  delivered
            30 09 00 04 31 31 31 31 39 39 39
          · forwarded to 0 subscribers [MQTT-3.3.5-1]
   1.250s broker → sensor  PUBACK id=1            dropped
            40 02 00 01
   1.250s »                A "note" from the lesson
   2.000s sensor → broker  connection closed

final state
  broker session sensor-1: connected, clean=0, keepalive=60
    subscribed a/# qos=1
    in flight out id=1 q1 PUBLISH sent a/b
    will a/s "offline" qos=1 retain=1
  retained a/b "on" qos=0 retain=1
  client sensor (id sensor-1): connected

expectations: 1 of 2 hold
  ok    line 7: expect sensor receives a "1"
  FAIL  line 8: expect sensor connected
        found: sensor is disconnected
`
	if got := trace.FormatText(sampleTrace(), "en"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s\n%s", got, want, simtest.FirstDifference(want, got))
	}
	zh := trace.FormatText(sampleTrace(), "zh")
	if !strings.HasPrefix(zh, "示例\n") || !strings.Contains(zh, "· 转发给 0 个订阅者 [MQTT-3.3.5-1]") {
		t.Errorf("zh:\n%s", zh)
	}
	// The table's own words are Chinese too, and the columns stay aligned
	// although a Chinese character takes two columns.
	for _, want := range []string{
		"     时间 发送方 → 接收方  报文或事件             结果\n",
		"   0.010s sensor → broker  PUBLISH q0 1111 <99%>  已送达\n",
		"   1.250s broker → sensor  PUBACK id=1            被丢弃\n",
		"\n最终状态\n  服务端会话 sensor-1：在线，clean=0，keepalive=60\n    订阅 a/# qos=1\n",
		"    未确认 发 id=1 q1 已发送 PUBLISH，等待确认 a/b\n",
		"  客户端 sensor（标识符 sensor-1）：在线\n",
		"\n预期：2 条中 1 条成立\n  成立    第 7 行：expect sensor receives a \"1\"\n  不成立  第 8 行：expect sensor connected\n        实际：sensor 已断开连接\n",
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("zh lacks %q:\n%s", want, zh)
		}
	}
}

func TestFormatMermaid(t *testing.T) {
	want := `sequenceDiagram
    title Sample#59; with #35;hash
    participant n0 as broker
    participant n1 as sensor
    Note over n1,n0: connection opened
    n1->>n0: PUBLISH q0 1111 #lt;99#37;#gt;
    Note over n0: forwarded to 0 subscribers [MQTT-3.3.5-1]
    n0-xn1: PUBACK id=1 ✗ dropped
    Note over n0,n1: A #quot;note#quot; from the lesson
    Note over n1,n0: connection closed
%% line 7: expect sensor receives a "1": ok
%% line 8: expect sensor connected: FAIL: sensor is disconnected
`
	if got := trace.FormatMermaid(sampleTrace(), "en"); got != want {
		t.Errorf("got:\n%s\nwant:\n%s\n%s", got, want, simtest.FirstDifference(want, got))
	}
	if zh := trace.FormatMermaid(sampleTrace(), "zh"); !strings.Contains(zh, "    n0-xn1: PUBACK id=1 ✗ 被丢弃\n") {
		t.Errorf("zh lacks the Chinese outcome of the dropped PUBACK:\n%s", zh)
	}
}
