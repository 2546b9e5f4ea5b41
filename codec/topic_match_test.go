package codec

import (
	"strings"
	"testing"
)

// matchCases are filter/topic pairs with the verdict the specification
// gives; the comment names where each comes from.
var matchCases = []struct {
	filter, topic string
	want          bool
}{
	// [MQTT 4.7.1.2] the multi-level wildcard.
	{"sport/tennis/player1/#", "sport/tennis/player1", true},
	{"sport/tennis/player1/#", "sport/tennis/player1/ranking", true},
	{"sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true},
	{"sport/tennis/player1/#", "sport/tennis/player2", false},
	{"sport/#", "sport", true},
	{"sport/#", "sports", false},
	{"#", "sport/tennis/player1", true},
	{"#", "/", true},
	{"sport/tennis/#", "sport/tennis/player1/ranking", true},
	// [MQTT 4.7.1.3] the single-level wildcard.
	{"sport/tennis/+", "sport/tennis/player1", true},
	{"sport/tennis/+", "sport/tennis/player2", true},
	{"sport/tennis/+", "sport/tennis/player1/ranking", false},
	{"sport/+", "sport", false},
	{"sport/+", "sport/", true},
	{"+", "sport", true},
	{"+/tennis/#", "sport/tennis/player1/ranking", true},
	{"+/tennis/#", "sport/tennis", true},
	{"sport/+/player1", "sport/tennis/player1", true},
	{"sport/+/player1", "sport/tennis/player2", false},
	{"+/+", "/finance", true},
	{"/+", "/finance", true},
	{"+", "/finance", false},
	// [MQTT 4.7.2] $-topics and wildcards.
	{"#", "$SYS/monitor/Clients", false},
	{"+/monitor/Clients", "$SYS/monitor/Clients", false},
	{"$SYS/#", "$SYS/monitor/Clients", true},
	{"$SYS/monitor/+", "$SYS/monitor/Clients", true},
	{"+", "$SYS", false},
	{"$SYS", "$SYS", true},
	{"a/+", "a/$b", true},
	{"#", "a/$b", true},
	// [MQTT 4.7.3] case, spaces, leading and trailing '/'.
	{"ACCOUNTS", "Accounts", false},
	{"Accounts payable", "Accounts payable", true},
	{"/finance", "finance", false},
	{"finance", "/finance", false},
	{"finance/", "finance", false},
	{"/", "/", true},
	{"+/+", "/", true},
	{"/#", "/", true},
	// teaching.md and the seed 003: the /a/b/c/d examples.
	{"/a/b/c/d", "/a/b/c/d", true},
	{"/a/+/c/d", "/a/b/c/d", true},
	{"+/+/+/+", "/a/b/c/d", false}, // ✗ the seed says it matches: five levels
	{"+/+/+/+/+", "/a/b/c/d", true},
	{"b/+/c/d", "/a/b/c/d", false},
	{"+/+/+", "/a/b/c/d", false},
	{"#", "/a/b/c/d", true},
	{"/#", "/a/b/c/d", true},
	{"a/#", "/a/b/c/d", false},
	{"a/+/topic", "a//topic", true},
	{"a/topic", "a//topic", false},
	{"+/a/topic", "/a/topic", true},
	{"#", "/a/topic", true},
	{"/#", "/a/topic", true},
	{"tttt/#", "tttt", true},
	{"tttt/#", "tttt/x/y", true},
	{"tttt/#", "ttttx", false},
	{"devices/+", "devices/sensor", true},
	// '#' matches the parent level, '+' then '#' too.
	{"+/#", "a", true},
	{"a/+/#", "a/b", true},
	{"a/+/#", "a", false},
	{"a/b/#", "a", false},
	// Empty levels are levels.
	{"a//b", "a//b", true},
	{"a/+/b", "a//b", true},
	{"a/+", "a//", false},
	{"a/+/+", "a//", true},
	{"+", "a/", false},
	{"//#", "/", true},
	{"//#", "a", false},
	// Character-by-character comparison, no normalisation. [MQTT-4.7.3-4]
	{"caf\u00e9", "cafe\u0301", false},
	{"温度/+", "温度/客厅", true},
}

func TestMatch(t *testing.T) {
	for _, c := range matchCases {
		if err := ValidateTopicFilter(c.filter); err != nil {
			t.Fatalf("bad case: filter %q: %v", c.filter, err)
		}
		if err := ValidateTopicName(c.topic); err != nil {
			t.Fatalf("bad case: topic %q: %v", c.topic, err)
		}
		if got := Match(c.filter, c.topic); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.filter, c.topic, got, c.want)
		}
		ex := ExplainMatch(c.filter, c.topic)
		if ex.Matched != c.want || ex.Err != nil {
			t.Errorf("ExplainMatch(%q, %q) = %v (err %v), want %v", c.filter, c.topic, ex.Matched, ex.Err, c.want)
		}
		checkExplanation(t, c.filter, c.topic, ex)
	}
}

// checkExplanation checks the invariants every explanation keeps: both
// languages everywhere, the verdict agreeing with the levels, and the
// levels laid out in order.
func checkExplanation(t *testing.T, filter, topic string, ex MatchExplanation) {
	t.Helper()
	if ex.Reason.EN == "" || ex.Reason.ZH == "" {
		t.Errorf("%q vs %q: reason missing a language: %+v", filter, topic, ex.Reason)
	}
	if len(ex.Levels) == 0 {
		t.Errorf("%q vs %q: no levels", filter, topic)
	}
	all := true
	for i, l := range ex.Levels {
		all = all && l.Matched
		if l.Verdict.EN == "" || l.Verdict.ZH == "" {
			t.Errorf("%q vs %q: level %d verdict missing a language: %+v", filter, topic, i+1, l.Verdict)
		}
		if !l.InFilter && !l.InTopic {
			t.Errorf("%q vs %q: level %d is in neither", filter, topic, i+1)
		}
	}
	if all != ex.Matched {
		t.Errorf("%q vs %q: Matched %v but levels say %v", filter, topic, ex.Matched, all)
	}
	// Reassembling the levels gives back the filter (and, up to a '#' or
	// the $ rule, the topic name).
	var fs, ts []string
	for _, l := range ex.Levels {
		if l.InFilter {
			fs = append(fs, l.Filter)
		}
		if l.InTopic {
			ts = append(ts, l.Topic)
		}
	}
	if got := strings.Join(fs, "/"); got != filter && !(startsWithWildcard(filter) && strings.HasPrefix(topic, "$")) {
		t.Errorf("%q vs %q: filter levels join to %q", filter, topic, got)
	}
	if got := strings.Join(ts, "/"); !strings.HasPrefix(topic, got) {
		t.Errorf("%q vs %q: topic levels join to %q", filter, topic, got)
	}
}

func TestExplainMatch(t *testing.T) {
	type level struct {
		filter, topic string
		matched       bool
	}
	cases := []struct {
		filter, topic string
		levels        []level
		reason        string // a phrase of Reason.EN
		reasonZH      string // a phrase of Reason.ZH
	}{
		{"+/+/+/+", "/a/b/c/d", []level{
			{"+", "", true}, {"+", "a", true}, {"+", "b", true}, {"+", "c", true}, {"", "d", false},
		}, "No match at level 5: the filter has only 4 levels, so nothing matches “d”. The filter has 4 levels, the topic name 5 levels. A leading / makes an empty first level.",
			"第 5 层不匹配"},
		{"sport/#", "sport", []level{{"sport", "sport", true}, {"#", "", true}},
			"Match: the levels before # agree, and # takes the rest.", "# 之前的层级都一致"},
		{"sport/tennis/#", "sport/tennis/player1/ranking", []level{
			{"sport", "sport", true}, {"tennis", "tennis", true}, {"#", "player1/ranking", true},
		}, "Match", "匹配"},
		{"sport/+", "sport", []level{{"sport", "sport", true}, {"+", "", false}},
			"No match at level 2: + needs one level, but the topic name ends after 1 level.", "+ 必须匹配一个层级"},
		{"a/+/topic", "a//topic", []level{{"a", "a", true}, {"+", "", true}, {"topic", "topic", true}},
			"Match: every level of the topic name agrees with the filter.", "每个层级都与主题过滤器一致"},
		{"ACCOUNTS", "Accounts", []level{{"ACCOUNTS", "Accounts", false}},
			"topics are case-sensitive", "区分大小写"},
		{"a/b/c", "a/x/c", []level{{"a", "a", true}, {"b", "x", false}, {"c", "c", true}},
			"No match at level 2: “b” is not “x”", "“b” 与 “x” 不同"},
		{"#", "$SYS/broker/load", []level{{"#", "$SYS", false}},
			"subscribe to “$SYS/#”", "[MQTT-4.7.2-1]"},
		{"a/b/c", "a/b", []level{{"a", "a", true}, {"b", "b", true}, {"c", "", false}},
			"the topic name ends after 2 levels, nothing is left for “c”", "主题名只有 2 个层级"},
	}
	for _, c := range cases {
		ex := ExplainMatch(c.filter, c.topic)
		checkExplanation(t, c.filter, c.topic, ex)
		if len(ex.Levels) != len(c.levels) {
			t.Errorf("%q vs %q: %d levels, want %d: %+v", c.filter, c.topic, len(ex.Levels), len(c.levels), ex.Levels)
			continue
		}
		for i, w := range c.levels {
			g := ex.Levels[i]
			if g.Filter != w.filter || g.Topic != w.topic || g.Matched != w.matched {
				t.Errorf("%q vs %q level %d: got %q %q %v, want %q %q %v", c.filter, c.topic, i+1,
					g.Filter, g.Topic, g.Matched, w.filter, w.topic, w.matched)
			}
		}
		if !strings.Contains(ex.Reason.EN, c.reason) || !strings.Contains(ex.Reason.ZH, c.reasonZH) {
			t.Errorf("%q vs %q: reason %q / %q, want %q / %q", c.filter, c.topic, ex.Reason.EN, ex.Reason.ZH, c.reason, c.reasonZH)
		}
	}
}

func TestExplainMatchInvalid(t *testing.T) {
	cases := []struct{ filter, topic, rule, reason string }{
		{"sport+", "sport", "MQTT-4.7.1-3", "The topic filter is not valid"},
		{"a/#/b", "a", "MQTT-4.7.1-2", "The topic filter is not valid"},
		{"", "a", "MQTT-4.7.3-1", "The topic filter is not valid"},
		{"a/+", "a/+", "MQTT-4.7.1-1", "The topic name is not valid"},
		{"a", "", "MQTT-4.7.3-1", "The topic name is not valid"},
	}
	for _, c := range cases {
		ex := ExplainMatch(c.filter, c.topic)
		if ex.Err == nil || ex.Err.Rule != c.rule || ex.Matched || len(ex.Levels) != 0 {
			t.Errorf("%q vs %q: got %+v, want error %s", c.filter, c.topic, ex, c.rule)
			continue
		}
		if !strings.HasPrefix(ex.Reason.EN, c.reason) || ex.Reason.ZH == "" {
			t.Errorf("%q vs %q: reason %q", c.filter, c.topic, ex.Reason.EN)
		}
	}
}

func TestMatchAllocs(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		for _, c := range matchCases {
			Match(c.filter, c.topic)
		}
	})
	if allocs != 0 {
		t.Errorf("Match allocates %v times per run of the table", allocs)
	}
}

func FuzzMatch(f *testing.F) {
	for _, c := range matchCases {
		f.Add(c.filter, c.topic)
	}
	f.Fuzz(func(t *testing.T, filter, topic string) {
		if ValidateTopicFilter(filter) != nil || ValidateTopicName(topic) != nil {
			return
		}
		got := Match(filter, topic)
		ex := ExplainMatch(filter, topic)
		if ex.Err != nil || ex.Matched != got {
			t.Fatalf("Match(%q, %q) = %v but ExplainMatch says %v (err %v)", filter, topic, got, ex.Matched, ex.Err)
		}
		checkExplanation(t, filter, topic, ex)
		// A topic name is a filter that matches itself, and '#' matches
		// every topic name outside the $-topics.
		if !Match(topic, topic) {
			t.Fatalf("Match(%q, %q) is false", topic, topic)
		}
		if Match("#", topic) == strings.HasPrefix(topic, "$") {
			t.Fatalf("Match(#, %q) = %v", topic, !strings.HasPrefix(topic, "$"))
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range matchCases {
			Match(c.filter, c.topic)
		}
	}
}
