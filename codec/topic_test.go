package codec

import (
	"errors"
	"strings"
	"testing"
)

// topicValidityCases are topic names and filters with the verdict of the
// validators: rule "" means valid.
var topicValidityCases = []struct {
	s      string
	filter bool
	rule   string
	offset int
	is     error
}{
	// [MQTT 4.7.3] names: any UTF-8, spaces and slashes included.
	{s: "sport/tennis/player1"},
	{s: "/"},
	{s: "//"},
	{s: "/finance"},
	{s: "Accounts payable"},
	{s: "$SYS/broker/load"},
	{s: "a//topic"},
	{s: "温度/客厅"},
	{s: "sensors/\ufffd"}, // U+FFFD itself is a character like any other
	{s: "", rule: "MQTT-4.7.3-1", is: ErrTopicEmpty},
	{s: "", filter: true, rule: "MQTT-4.7.3-1", is: ErrTopicEmpty},
	{s: strings.Repeat("a", 65535)},
	{s: strings.Repeat("a", 65536), rule: "MQTT-4.7.3-3", offset: 65535, is: ErrTopicTooLong},
	{s: strings.Repeat("#", 65536), filter: true, rule: "MQTT-4.7.3-3", offset: 65535, is: ErrTopicTooLong},
	// [MQTT-4.7.1-1] wildcards are for filters only.
	{s: "sport/+", rule: "MQTT-4.7.1-1", offset: 6, is: ErrTopicWildcard},
	{s: "#", rule: "MQTT-4.7.1-1", offset: 0, is: ErrTopicWildcard},
	{s: "sport/tennis#", rule: "MQTT-4.7.1-1", offset: 12, is: ErrTopicWildcard},
	// [MQTT 4.7.1.2] the multi-level wildcard.
	{s: "sport/tennis/player1/#", filter: true},
	{s: "sport/#", filter: true},
	{s: "#", filter: true},
	{s: "/#", filter: true},
	{s: "sport/tennis#", filter: true, rule: "MQTT-4.7.1-2", offset: 12, is: ErrTopicHash},
	{s: "sport/tennis/#/ranking", filter: true, rule: "MQTT-4.7.1-2", offset: 13, is: ErrTopicHash},
	{s: "#/", filter: true, rule: "MQTT-4.7.1-2", offset: 0, is: ErrTopicHash},
	{s: "a/#b", filter: true, rule: "MQTT-4.7.1-2", offset: 2, is: ErrTopicHash},
	{s: "##", filter: true, rule: "MQTT-4.7.1-2", offset: 0, is: ErrTopicHash},
	// [MQTT 4.7.1.3] the single-level wildcard.
	{s: "+", filter: true},
	{s: "+/tennis/#", filter: true},
	{s: "sport/+/player1", filter: true},
	{s: "+/+", filter: true},
	{s: "/+", filter: true},
	{s: "+//+", filter: true},
	{s: "+/#", filter: true},
	{s: "sport+", filter: true, rule: "MQTT-4.7.1-3", offset: 5, is: ErrTopicPlus},
	{s: "sport/+x", filter: true, rule: "MQTT-4.7.1-3", offset: 6, is: ErrTopicPlus},
	{s: "++", filter: true, rule: "MQTT-4.7.1-3", offset: 0, is: ErrTopicPlus},
	{s: "a/+#", filter: true, rule: "MQTT-4.7.1-3", offset: 2, is: ErrTopicPlus},
	// [MQTT 1.5.3] UTF-8: well-formed, no surrogates, no U+0000.
	{s: "a\x00b", rule: "MQTT-1.5.3-2", offset: 1, is: ErrNullCharacter},
	{s: "a/\x00", filter: true, rule: "MQTT-1.5.3-2", offset: 2, is: ErrNullCharacter},
	{s: "ab\xed\xa0\x80", rule: "MQTT-1.5.3-1", offset: 2, is: ErrInvalidUTF8},
	{s: "ab\xed\xbf\xbf", filter: true, rule: "MQTT-1.5.3-1", offset: 2, is: ErrInvalidUTF8},
	{s: "\xff", rule: "MQTT-1.5.3-1", offset: 0, is: ErrInvalidUTF8},
	{s: "温\xe5\xba", rule: "MQTT-1.5.3-1", offset: 3, is: ErrInvalidUTF8},
	{s: "a/\xc0\xaf", filter: true, rule: "MQTT-1.5.3-1", offset: 2, is: ErrInvalidUTF8},
	// The first fault by position is the one reported.
	{s: "a+/\x00", filter: true, rule: "MQTT-4.7.1-3", offset: 1, is: ErrTopicPlus},
	{s: "\x00/a+", filter: true, rule: "MQTT-1.5.3-2", offset: 0, is: ErrNullCharacter},
}

func TestValidateTopic(t *testing.T) {
	for _, c := range topicValidityCases {
		validate, kind := ValidateTopicName, "name"
		if c.filter {
			validate, kind = ValidateTopicFilter, "filter"
		}
		short := c.s
		if len(short) > 40 {
			short = short[:40] + "..."
		}
		err := validate(c.s)
		if c.rule == "" {
			if err != nil {
				t.Errorf("%s %q: unexpected error %v", kind, short, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s %q: got %v, want an *Error with rule %s", kind, short, err, c.rule)
			continue
		}
		if e.Rule != c.rule || e.Offset != c.offset {
			t.Errorf("%s %q: got rule %s offset %d, want %s offset %d", kind, short, e.Rule, e.Offset, c.rule, c.offset)
		}
		if !errors.Is(err, c.is) {
			t.Errorf("%s %q: errors.Is(%v, %s) is false", kind, short, err, c.is.(*Error).Token)
		}
		if e.Message.EN == "" || e.Message.ZH == "" {
			t.Errorf("%s %q: message missing a language: %+v", kind, short, e.Message)
		}
	}
}

// TestTopicNameIsFilter checks that every valid topic name is also a valid
// filter: a filter without wildcards names exactly one topic.
func TestTopicNameIsFilter(t *testing.T) {
	for _, c := range topicValidityCases {
		if c.filter || c.rule != "" {
			continue
		}
		if err := ValidateTopicFilter(c.s); err != nil {
			t.Errorf("valid name %.40q refused as a filter: %v", c.s, err)
		}
	}
}
