package codec

import (
	"strconv"
	"strings"
)

// MatchExplanation says, level by level, why a topic filter does or does
// not match a topic name. It is what `mqttviz match` prints and what the
// app shows beside a subscription.
type MatchExplanation struct {
	// Matched is the verdict; it always equals Match(filter, topic) for a
	// valid filter and topic name.
	Matched bool `json:"matched"`
	// Levels pairs the filter's levels with the topic name's, in order.
	// Comparison stops after a '#' and after the $-topic rule.
	Levels []LevelMatch `json:"levels"`
	// Reason is the verdict in one sentence.
	Reason Text `json:"reason"`
	// Err is set when the filter or the topic name is not valid; nothing
	// is compared then and Levels is empty.
	Err *Error `json:"error,omitempty"`
}

// LevelMatch is one level of a match explanation.
type LevelMatch struct {
	// Filter is the filter's level; InFilter is false when the filter has
	// no level at this position.
	Filter   string `json:"filter"`
	InFilter bool   `json:"inFilter"`
	// Topic is the topic name's level (for a '#' the rest of the topic
	// name, levels joined by '/'); InTopic is false when the topic name
	// has no level at this position.
	Topic   string `json:"topic"`
	InTopic bool   `json:"inTopic"`
	// Matched tells whether this level agrees.
	Matched bool `json:"matched"`
	// Verdict says why, in one short sentence.
	Verdict Text `json:"verdict"`
}

// ExplainMatch matches topic against filter as Match does and explains
// the result level by level. An invalid filter or topic name is reported
// in Err, with its rule, instead of being compared. [MQTT 4.7]
func ExplainMatch(filter, topic string) MatchExplanation {
	if err := ValidateTopicFilter(filter); err != nil {
		e := err.(*Error)
		return MatchExplanation{Err: e, Reason: Text{
			EN: "The topic filter is not valid: " + e.Message.EN,
			ZH: "主题过滤器不合法：" + e.Message.ZH,
		}}
	}
	if err := ValidateTopicName(topic); err != nil {
		e := err.(*Error)
		return MatchExplanation{Err: e, Reason: Text{
			EN: "The topic name is not valid: " + e.Message.EN,
			ZH: "主题名不合法：" + e.Message.ZH,
		}}
	}
	fl := strings.Split(filter, "/")
	tl := strings.Split(topic, "/")
	if startsWithWildcard(filter) && strings.HasPrefix(topic, "$") {
		v := Text{
			EN: "a filter starting with a wildcard never matches a topic name starting with $ [MQTT-4.7.2-1]",
			ZH: "以通配符开头的主题过滤器不匹配以 $ 开头的主题名 [MQTT-4.7.2-1]",
		}
		return MatchExplanation{
			Levels: []LevelMatch{{Filter: fl[0], InFilter: true, Topic: tl[0], InTopic: true, Verdict: v}},
			Reason: Text{
				EN: "No match: topics starting with $ (such as $SYS/...) are kept apart from wildcard subscriptions: a filter starting with + or # never matches them; subscribe to " + q(tl[0]+"/#") + " to see them. [MQTT-4.7.2-1]",
				ZH: "不匹配：以 $ 开头的主题（例如 $SYS/...）不会被以 + 或 # 开头的主题过滤器匹配；要收到它们，请订阅 " + q(tl[0]+"/#") + "。[MQTT-4.7.2-1]",
			},
		}
	}
	ex := MatchExplanation{Matched: true}
	hash := false
	for i := 0; i < len(fl) || i < len(tl); i++ {
		var lm LevelMatch
		switch {
		case i < len(fl) && fl[i] == "#":
			lm = explainHash(fl, tl, i)
			hash = true
		case i >= len(fl):
			lm = LevelMatch{Topic: tl[i], InTopic: true, Verdict: Text{
				EN: "the filter has only " + levels(len(fl)) + ", so nothing matches " + q(tl[i]),
				ZH: "主题过滤器只有 " + strconv.Itoa(len(fl)) + " 个层级，没有层级可以匹配 " + q(tl[i]),
			}}
		case i >= len(tl):
			lm = explainTopicEnded(fl[i], len(tl))
		default:
			lm = explainLevel(fl[i], tl[i], i)
		}
		ex.Levels = append(ex.Levels, lm)
		if !lm.Matched && ex.Matched {
			ex.Matched = false
			ex.Reason = mismatchReason(i, lm.Verdict, filter, topic, len(fl), len(tl))
		}
		if hash {
			break
		}
	}
	if ex.Matched {
		ex.Reason = Text{
			EN: "Match: every level of the topic name agrees with the filter.",
			ZH: "匹配：主题名的每个层级都与主题过滤器一致。",
		}
		if hash {
			ex.Reason = Text{
				EN: "Match: the levels before # agree, and # takes the rest.",
				ZH: "匹配：# 之前的层级都一致，剩下的层级由 # 匹配。",
			}
		}
	}
	return ex
}

// explainLevel compares one filter level with one topic level, both
// present, the filter level not being '#'.
func explainLevel(f, t string, i int) LevelMatch {
	lm := LevelMatch{Filter: f, InFilter: true, Topic: t, InTopic: true, Matched: true}
	switch {
	case f == "+" && t == "" && i == 0:
		lm.Verdict = Text{
			EN: "+ matches one level, here the empty first level that the leading / makes",
			ZH: "+ 匹配一个层级，这里是主题名开头的 / 产生的空的第一层",
		}
	case f == "+" && t == "":
		lm.Verdict = Text{
			EN: "+ matches one level, an empty one too",
			ZH: "+ 匹配一个层级，空层级也算",
		}
	case f == "+":
		lm.Verdict = Text{
			EN: "+ matches exactly one level, here " + q(t),
			ZH: "+ 正好匹配一个层级，这里是 " + q(t),
		}
	case f == t && t == "":
		lm.Verdict = Text{
			EN: "both levels are empty: an empty level is still a level",
			ZH: "两边都是空层级：空层级也是一个层级",
		}
	case f == t:
		lm.Verdict = Text{
			EN: q(f) + " is the same as " + q(t),
			ZH: q(f) + " 与 " + q(t) + " 相同",
		}
	case strings.EqualFold(f, t):
		lm.Matched = false
		lm.Verdict = Text{
			EN: q(f) + " is not " + q(t) + ": topics are case-sensitive",
			ZH: q(f) + " 与 " + q(t) + " 不同：主题区分大小写",
		}
	default:
		lm.Matched = false
		lm.Verdict = Text{
			EN: q(f) + " is not " + q(t) + ": levels are compared character by character",
			ZH: q(f) + " 与 " + q(t) + " 不同：层级按字符逐个比较",
		}
	}
	return lm
}

// explainHash explains the '#' at filter level i, the filter's last.
func explainHash(fl, tl []string, i int) LevelMatch {
	lm := LevelMatch{Filter: "#", InFilter: true, Matched: true}
	if i >= len(tl) {
		parent := strings.Join(fl[:i], "/")
		lm.Verdict = Text{
			EN: "# also matches its parent level: " + q(strings.Join(fl, "/")) + " matches " + q(parent) + " itself",
			ZH: "# 也匹配它的父层级：" + q(strings.Join(fl, "/")) + " 同样匹配 " + q(parent) + " 本身",
		}
		return lm
	}
	lm.Topic, lm.InTopic = strings.Join(tl[i:], "/"), true
	lm.Verdict = Text{
		EN: "# matches every remaining level: " + q(lm.Topic),
		ZH: "# 匹配剩下的所有层级：" + q(lm.Topic),
	}
	return lm
}

// explainTopicEnded explains a filter level f (not '#') for which the
// topic name, n levels long, has no level left.
func explainTopicEnded(f string, n int) LevelMatch {
	lm := LevelMatch{Filter: f, InFilter: true}
	if f == "+" {
		lm.Verdict = Text{
			EN: "+ needs one level, but the topic name ends after " + levels(n),
			ZH: "+ 必须匹配一个层级，但主题名只有 " + strconv.Itoa(n) + " 个层级，已经结束了",
		}
		return lm
	}
	lm.Verdict = Text{
		EN: "the topic name ends after " + levels(n) + ", nothing is left for " + q(f),
		ZH: "主题名只有 " + strconv.Itoa(n) + " 个层级，已经没有层级对应 " + q(f),
	}
	return lm
}

// mismatchReason is the one-sentence verdict of a failed match, naming
// the first level that disagrees and, where the level counts differ, a
// leading '/' that explains it.
func mismatchReason(i int, v Text, filter, topic string, nf, nt int) Text {
	r := Text{
		EN: "No match at level " + strconv.Itoa(i+1) + ": " + v.EN + ".",
		ZH: "第 " + strconv.Itoa(i+1) + " 层不匹配：" + v.ZH + "。",
	}
	if nf != nt {
		r.EN += " The filter has " + levels(nf) + ", the topic name " + levels(nt) + "."
		r.ZH += "主题过滤器有 " + strconv.Itoa(nf) + " 个层级，主题名有 " + strconv.Itoa(nt) + " 个。"
		if strings.HasPrefix(topic, "/") != strings.HasPrefix(filter, "/") {
			r.EN += " A leading / makes an empty first level."
			r.ZH += "开头的 / 会产生一个空的第一层。"
		}
	}
	return r
}

// levels is "1 level" or "n levels".
func levels(n int) string {
	if n == 1 {
		return "1 level"
	}
	return strconv.Itoa(n) + " levels"
}

// q puts a level or a topic in quotation marks, so that an empty level
// shows as “”.
func q(s string) string {
	return "“" + s + "”"
}
