package sim

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"mqttviz/codec"
)

// matchIDs is the client ids subIndex.match finds for topic, sorted, with
// their best QoS.
func matchIDs(x *subIndex, topic string, epoch uint64) []string {
	var ids []string
	for _, s := range x.match(topic, epoch, nil) {
		ids = append(ids, fmt.Sprintf("%s:%d", s.id, s.best))
	}
	slices.Sort(ids)
	return ids
}

func TestSubIndexMatch(t *testing.T) {
	x := &subIndex{}
	sess := map[string]*session{}
	add := func(id, filter string, q codec.QoS) {
		if sess[id] == nil {
			sess[id] = &session{id: id}
		}
		x.add(filter, sess[id], q)
	}
	add("a", "sport/tennis/+", 1)
	add("a", "sport/#", 0)
	add("b", "#", 2)
	add("c", "+/+/+/+", 0)
	add("d", "/+/b/#", 1)
	add("e", "$SYS/#", 0)
	add("f", "+/monitor", 0)
	add("g", "a//c", 2)
	for i, tc := range []struct {
		topic string
		want  []string
	}{
		{"sport/tennis/player1", []string{"a:1", "b:2"}},
		{"sport", []string{"a:0", "b:2"}},
		{"sport/", []string{"a:0", "b:2"}},
		{"/a/b/c/d", []string{"b:2", "d:1"}},
		{"/a/b/c", []string{"b:2", "c:0", "d:1"}},
		{"$SYS/monitor", []string{"e:0"}},
		{"x/monitor", []string{"b:2", "f:0"}},
		{"a//c", []string{"b:2", "g:2"}},
		{"a/b/c", []string{"b:2"}},
	} {
		if got := matchIDs(x, tc.topic, uint64(i+1)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.topic, got, tc.want)
		}
	}
	x.remove("#", sess["b"])
	x.add("sport/tennis/+", sess["a"], 2)
	if got := matchIDs(x, "sport/tennis/x", 100); !slices.Equal(got, []string{"a:2"}) {
		t.Errorf("after remove and replace: %v", got)
	}
	if x.size != 7 {
		t.Errorf("size %d, want 7", x.size)
	}
}

// TestSubIndexAgreesWithMatch compares the index with codec.Match on
// random filters and topics over a small alphabet, where collisions are
// frequent.
func TestSubIndexAgreesWithMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	levels := []string{"", "a", "b", "$x"}
	randTopic := func(wild bool) string {
		n := 1 + r.IntN(4)
		ls := make([]string, n)
		for i := range ls {
			ls[i] = levels[r.IntN(len(levels))]
			if wild && r.IntN(4) == 0 {
				ls[i] = "+"
			}
		}
		if wild && r.IntN(4) == 0 {
			ls[n-1] = "#"
		}
		return strings.Join(ls, "/")
	}
	for round := range 200 {
		x := &subIndex{}
		var filters []string
		for i := range 20 {
			f := randTopic(true)
			filters = append(filters, f)
			x.add(f, &session{id: fmt.Sprint(i)}, 0)
		}
		for k := range 20 {
			topic := randTopic(false)
			var want []string
			for i, f := range filters {
				if codec.Match(f, topic) {
					want = append(want, fmt.Sprintf("%d:0", i))
				}
			}
			slices.Sort(want)
			if got := matchIDs(x, topic, uint64(round*100+k+1)); !slices.Equal(got, want) {
				t.Fatalf("topic %q over filters %q: index %v, codec.Match %v", topic, filters, got, want)
			}
		}
	}
}

// subscriptions10k is the workload of BenchmarkSubscriptionMatch10k, which
// the peer benchmark mirrors for mochi: client c<i>, i = 0..9999,
// subscribes to pattern i%4 with n = i/4 — "sensors/n/temperature",
// "sensors/n/+", "sensors/+/n", "sensors/n/#". The topic
// "sensors/42/temperature" matches three of them.
func subscriptions10k() *subIndex {
	x := &subIndex{}
	patterns := []string{"sensors/%d/temperature", "sensors/%d/+", "sensors/+/%d", "sensors/%d/#"}
	for i := range 10_000 {
		x.add(fmt.Sprintf(patterns[i%4], i/4), &session{id: fmt.Sprintf("c%d", i)}, codec.QoS(i%3))
	}
	return x
}

func TestSubscriptions10k(t *testing.T) {
	if got := len(subscriptions10k().match("sensors/42/temperature", 1, nil)); got != 3 {
		t.Fatalf("%d matches, want 3", got)
	}
}

// BenchmarkSubscriptionMatch10k matches one topic against 10,000
// subscriptions (see subscriptions10k).
func BenchmarkSubscriptionMatch10k(b *testing.B) {
	x := subscriptions10k()
	out := make([]*session, 0, 16)
	epoch := uint64(0)
	b.ReportAllocs()
	for b.Loop() {
		epoch++
		out = x.match("sensors/42/temperature", epoch, out[:0])
	}
	if len(out) != 3 {
		b.Fatalf("%d matches", len(out))
	}
}
