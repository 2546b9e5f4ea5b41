package script

import (
	"strings"
	"testing"
)

// overlapping is the scenario of mosquitto 2.0.11's known difference:
// a/# at QoS 2, then a/+ at QoS 1, a QoS 2 message on a/b.
const overlapping = `client sub
client pub
connect sub
connect pub
subscribe sub a/# qos=2
subscribe sub a/+ qos=1
publish pub a/b "x" qos=2
expect sub receives a/b "x" qos=2
`

func TestCompare(t *testing.T) {
	simulated, err := Run("t", overlapping, 1)
	if err != nil {
		t.Fatal(err)
	}
	// A broker that grants QoS 1 at most stands for the real one here.
	other, err := Run("t", "broker maxqos=1\n"+overlapping, 1)
	if err != nil {
		t.Fatal(err)
	}
	if d := Compare(simulated, simulated); len(d) != 0 {
		t.Fatalf("a trace differs from itself: %v", d)
	}
	var en, zh []string
	for _, d := range Compare(simulated, other) {
		en, zh = append(en, d.Text.EN), append(zh, d.Text.ZH)
	}
	want := []string{
		`the simulated broker delivered a/b "x" to sub at QoS 2; yours at QoS 1`,
		`the simulated broker sent sub PUBREL; yours did not`,
		`sub got SUBACK 2 from the simulated broker; from yours SUBACK 1`,
	}
	if got := strings.Join(en, "\n"); got != strings.Join(want, "\n") {
		t.Fatalf("differences:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if zh[0] != `模拟服务端以 QoS 2 把 a/b "x" 投递给 sub；你的服务端用的是 QoS 1` {
		t.Fatalf("zh: %s", zh[0])
	}
}
