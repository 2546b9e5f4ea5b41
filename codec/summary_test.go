package codec

import (
	"strings"
	"testing"
)

// TestSummaryEnglishIsString checks that every fixture's English summary
// is its packet's String(), and a malformed one's says so.
func TestSummaryEnglishIsString(t *testing.T) {
	for _, f := range fixtures {
		got := Summary(f.raw)
		p, err := Decode(f.raw)
		want := ""
		if err == nil {
			want = p.String()
		} else {
			want = "malformed " + PacketType(f.raw[0]>>4).String()
		}
		if !strings.HasPrefix(got.EN, want) || err == nil && got.EN != want {
			t.Errorf("%s: Summary %q, want %q", f.name, got.EN, want)
		}
		if got.ZH == "" {
			t.Errorf("%s: no Chinese summary", f.name)
		}
	}
}

func TestSummaryChinese(t *testing.T) {
	tests := []struct {
		p    Packet
		want string
	}{
		{&Connack{ReturnCode: RefusedBadUsernamePassword}, "CONNACK 4 用户名或密码错误"},
		{&Connack{ReturnCode: Accepted, SessionPresent: true}, "CONNACK 0 连接已接受 会话存在"},
		{&Connack{ReturnCode: 9}, "CONNACK 9 保留值(9)"},
		{&Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "phone", CleanSession: true, KeepAlive: 60,
			Will: &Will{Topic: "status/phone", QoS: 1, Retain: true}, HasUsername: true, Username: "yang", HasPassword: true},
			"CONNECT id=phone 清理会话 保持连接=60 遗嘱=status/phone q1 保留 用户名=yang 密码"},
		{&Connect{ProtocolName: "MQIsdp", ProtocolLevel: 3, ClientID: "old"}, "CONNECT id=old 保持连接=0 协议=MQIsdp/3"},
		{&Publish{QoS: 1, PacketID: 3, Dup: true, Retain: true, Topic: "a/b"}, "PUBLISH q1 id=3 重发 保留 a/b"},
		{&Puback{PacketID: 7}, "PUBACK id=7"},
	}
	for _, tt := range tests {
		got := PacketSummary(tt.p)
		if got.ZH != tt.want {
			t.Errorf("%s: Chinese %q, want %q", tt.p, got.ZH, tt.want)
		}
		if got.EN != tt.p.String() {
			t.Errorf("%s: English %q", tt.p, got.EN)
		}
	}
	if s := Summary([]byte{0x40, 0x02, 0x00}); s.ZH != "畸形 PUBACK（3 字节）" {
		t.Errorf("a cut PUBACK: %q", s.ZH)
	}
	if s := Summary(nil); s.ZH == "" || s.EN == "" {
		t.Errorf("no bytes: %+v", s)
	}
	for _, p := range []Packet{nil, (*Publish)(nil), (*Suback)(nil)} {
		if s := PacketSummary(p); s.EN != "no packet" || s.ZH != "没有报文" {
			t.Errorf("PacketSummary(%T) = %+v", p, s)
		}
	}
}
