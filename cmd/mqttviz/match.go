package main

import (
	"fmt"
	"io"
	"strconv"

	"mqttviz/codec"
)

const matchUsage = `Usage: mqttviz match [--lang en|zh] FILTER TOPIC

Explains, level by level, whether the topic filter FILTER (as in a
SUBSCRIBE) matches the topic name TOPIC (as in a PUBLISH).

Exit code 0: it matches; 1: it does not; 2: the filter or the topic name is
not valid (the rule it breaks is printed), or the arguments are wrong.
`

// runMatch is `mqttviz match`: it prints the level-by-level explanation
// of codec.ExplainMatch.
func runMatch(args []string, stdout, stderr io.Writer) int {
	c := newCLI("match", matchUsage)
	lang := c.lang()
	pos, code, done := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(pos) != 2 {
		return c.fail(stderr, "want a filter and a topic name, got %d argument(s)", len(pos))
	}
	filter, topic := pos[0], pos[1]
	ex := codec.ExplainMatch(filter, topic)
	if ex.Err != nil {
		fmt.Fprintf(stderr, "mqttviz match: %s [%s, offset %d]\n", ex.Reason.In(*lang), ex.Err.Rule, ex.Err.Offset)
		return 2
	}
	w := labels[*lang]
	head := table{{w.filter, filter}, {w.topic, topic}}
	t := table{{w.level, w.filterCol, w.topicCol, "", w.why}}
	for i, l := range ex.Levels {
		mark := "✗"
		if l.Matched {
			mark = "✓"
		}
		t = append(t, []string{strconv.Itoa(i + 1), levelCell(l.Filter, l.InFilter, w), levelCell(l.Topic, l.InTopic, w), mark, l.Verdict.In(*lang)})
	}
	fmt.Fprintf(stdout, "%s\n%s", head, t)
	fmt.Fprintf(stdout, "\n%s\n", ex.Reason.In(*lang))
	if ex.Matched {
		return 0
	}
	return 1
}

// matchLabels are the words of the match table in one language.
type matchLabels struct {
	filter, topic, level, filterCol, topicCol, why, empty, none string
}

// labels holds the match table's words per language.
var labels = map[string]matchLabels{
	"en": {"filter:", "topic:", "level", "filter", "topic", "why", "(empty)", "—"},
	"zh": {"主题过滤器：", "主题名：", "层级", "过滤器", "主题名", "原因", "（空）", "—"},
}

// levelCell shows one level: an empty level and a missing one must not
// look alike.
func levelCell(s string, present bool, w matchLabels) string {
	switch {
	case !present:
		return w.none
	case s == "":
		return w.empty
	}
	quoted := strconv.Quote(s)
	return quoted[1 : len(quoted)-1]
}
