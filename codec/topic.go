package codec

import (
	"strconv"
	"unicode/utf8"
)

// maxTopicLen is the longest topic name or filter in bytes: a UTF-8 string
// carries a 2-byte length. [MQTT-4.7.3-3]
const maxTopicLen = 65535

// Sentinel errors of topic validation, for errors.Is. Ill-formed UTF-8
// and U+0000 in a topic are ErrInvalidUTF8 and ErrNullCharacter, as in any
// other string.
var (
	// ErrTopicEmpty: a topic name or filter of zero length. [MQTT-4.7.3-1]
	ErrTopicEmpty = &Error{Token: "topic-empty"}
	// ErrTopicTooLong: a topic name or filter over 65535 bytes. [MQTT-4.7.3-3]
	ErrTopicTooLong = &Error{Token: "topic-too-long"}
	// ErrTopicWildcard: '+' or '#' in a topic name. [MQTT-4.7.1-1]
	ErrTopicWildcard = &Error{Token: "topic-wildcard-in-name"}
	// ErrTopicHash: a '#' that is not alone in the last level of a
	// filter. [MQTT-4.7.1-2]
	ErrTopicHash = &Error{Token: "topic-hash-placement"}
	// ErrTopicPlus: a '+' that does not occupy a whole level of a filter.
	// [MQTT-4.7.1-3]
	ErrTopicPlus = &Error{Token: "topic-plus-placement"}
)

// ValidateTopicName checks a topic name, as carried in a PUBLISH: at
// least one character, at most 65535 bytes, well-formed UTF-8 without
// U+0000 or surrogates, and no wildcard characters. The error is an *Error
// whose Offset is the byte offset of the fault within name. [MQTT 4.7]
func ValidateTopicName(name string) error {
	if err := checkTopicString(name, false); err != nil {
		return err
	}
	return nil
}

// ValidateTopicFilter checks a topic filter, as carried in a SUBSCRIBE or
// an UNSUBSCRIBE: the rules of a topic name, except that '+' may occupy a
// whole level and '#' a whole last level. The error is an *Error whose
// Offset is the byte offset of the fault within filter. [MQTT 4.7]
func ValidateTopicFilter(filter string) error {
	if err := checkTopicString(filter, true); err != nil {
		return err
	}
	return nil
}

// topicInPacket moves the error of checkTopicString for the topic s,
// which starts at offset off of a packet, to the packet's offsets. An
// empty topic's error points at its two-byte length.
func topicInPacket(err *Error, s string, off int) *Error {
	e := *err
	e.Offset += off
	if len(s) == 0 {
		e.Offset = off - 2
	}
	return &e
}

// checkTopicString is the one check of a topic name or, with filter, a
// topic filter, behind ValidateTopicName, ValidateTopicFilter, the
// decoder and the strict encoder (with topicInPacket). It reports the
// first fault by position, its offset within s. Its plain ASCII prefix
// is skipped eight bytes at a time; the rest is read byte by byte.
func checkTopicString(s string, filter bool) *Error {
	if len(s) == 0 || len(s) > maxTopicLen {
		return topicLengthError(s, filter)
	}
	for i := plainPrefix(s, true); i < len(s); i++ {
		switch c := s[i]; {
		case c == 0 || c >= utf8.RuneSelf:
			n, err := topicChar(s, i, filter)
			if err != nil {
				return err
			}
			i += n - 1
		case c == '+' || c == '#':
			// A wildcard alone in its level of a filter, '#' the last.
			alone := (i == 0 || s[i-1] == '/') && (i+1 == len(s) || c == '+' && s[i+1] == '/')
			if !filter || !alone {
				return wildcardError(s, i, filter)
			}
		}
	}
	return nil
}

// topicChar checks the character at s[i], U+0000 or one that is not
// ASCII, and returns its length in bytes.
func topicChar(s string, i int, filter bool) (int, *Error) {
	if s[i] == 0 {
		what := topicWhat(filter)
		return 0, newError(ErrNullCharacter, i, "MQTT-1.5.3-2", Text{
			EN: "A " + what.EN + " must not contain the null character U+0000.",
			ZH: what.ZH + "不能包含空字符 U+0000。",
		})
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return 0, topicUTF8Error(s, i, topicWhat(filter))
	}
	return size, nil
}

// topicWhat is "topic name" or, with filter, "topic filter".
func topicWhat(filter bool) Text {
	if filter {
		return Text{EN: "topic filter", ZH: "主题过滤器"}
	}
	return Text{EN: "topic name", ZH: "主题名"}
}

// topicLengthError refuses a topic that is empty or over 65535 bytes.
// [MQTT-4.7.3-1, MQTT-4.7.3-3]
func topicLengthError(s string, filter bool) *Error {
	what := topicWhat(filter)
	if len(s) == 0 {
		return newError(ErrTopicEmpty, 0, "MQTT-4.7.3-1", Text{
			EN: "A " + what.EN + " must be at least one character long.",
			ZH: what.ZH + "至少要有一个字符，不能为空。",
		})
	}
	n := strconv.Itoa(len(s))
	return newError(ErrTopicTooLong, maxTopicLen, "MQTT-4.7.3-3", Text{
		EN: "A " + what.EN + " must not be longer than 65535 bytes; this one has " + n + ".",
		ZH: what.ZH + "不能超过 65535 字节，这里有 " + n + " 字节。",
	})
}

// wildcardError is the error for the wildcard at s[i], which is not alone
// in its level of a filter, or is '#' before the last level, or is in a
// topic name.
func wildcardError(s string, i int, filter bool) *Error {
	c := s[i]
	if !filter {
		return newError(ErrTopicWildcard, i, "MQTT-4.7.1-1", Text{
			EN: "A topic name must not contain the wildcard " + string(c) + "; wildcards are for topic filters in SUBSCRIBE.",
			ZH: "主题名不能包含通配符 " + string(c) + "，通配符只能用在 SUBSCRIBE 的主题过滤器中。",
		})
	}
	if c == '+' {
		return newError(ErrTopicPlus, i, "MQTT-4.7.1-3", Text{
			EN: "The wildcard + must occupy a whole level of the filter, as in sport/+/player1, not sport+.",
			ZH: "单层通配符 + 必须单独占据一个层级，例如 sport/+/player1，不能写成 sport+。",
		})
	}
	if i > 0 && s[i-1] != '/' || i+1 < len(s) && s[i+1] != '/' {
		return newError(ErrTopicHash, i, "MQTT-4.7.1-2", Text{
			EN: "The wildcard # must be on its own or right after a /, as in sport/#, not sport#.",
			ZH: "多层通配符 # 必须单独使用或紧跟在 / 之后，例如 sport/#，不能写成 sport#。",
		})
	}
	return newError(ErrTopicHash, i, "MQTT-4.7.1-2", Text{
		EN: "The wildcard # must be the last character of the filter: it matches every level below, so nothing can follow it.",
		ZH: "多层通配符 # 必须是主题过滤器的最后一个字符：它匹配其下所有层级，后面不能再有内容。",
	})
}

// topicUTF8Error reports the ill-formed UTF-8 at s[i]: an encoded
// surrogate (U+D800–U+DFFF) or any other invalid sequence. [MQTT-1.5.3-1]
func topicUTF8Error(s string, i int, what Text) *Error {
	if s[i] == 0xED && i+1 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
		return newError(ErrInvalidUTF8, i, "MQTT-1.5.3-1", Text{
			EN: "A " + what.EN + " must not encode a surrogate code point (U+D800 to U+DFFF).",
			ZH: what.ZH + "不能包含代理码位（U+D800 至 U+DFFF）的编码。",
		})
	}
	return newError(ErrInvalidUTF8, i, "MQTT-1.5.3-1", Text{
		EN: "A " + what.EN + " must be well-formed UTF-8; byte 0x" + strconv.FormatUint(uint64(s[i]), 16) + " does not start a valid character here.",
		ZH: what.ZH + "必须是合法的 UTF-8 编码；字节 0x" + strconv.FormatUint(uint64(s[i]), 16) + " 在这里不能构成合法字符。",
	})
}
