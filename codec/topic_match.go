package codec

import "strings"

// Match reports whether the topic name matches the topic filter: levels
// are split at '/', compared character by character (no normalisation,
// case-sensitive), '+' matches exactly one level (an empty one too), '#'
// matches its parent level and every level below it, and a filter starting
// with a wildcard never matches a topic name starting with '$'.
// [MQTT 4.7.1, MQTT-4.7.2-1, MQTT-4.7.3-4]
//
// Both arguments are expected to be valid (see ValidateTopicFilter and
// ValidateTopicName); Match does not check them and never allocates.
func Match(filter, topic string) bool {
	if startsWithWildcard(filter) && strings.HasPrefix(topic, "$") {
		return false
	}
	for {
		f, frest, fmore := strings.Cut(filter, "/")
		if f == "#" && !fmore {
			return true
		}
		t, trest, tmore := strings.Cut(topic, "/")
		if f != "+" && f != t {
			return false
		}
		switch {
		case !fmore && !tmore:
			return true
		case !tmore:
			// The topic name has run out: only a final "#" is left to
			// match the parent level ("a/#" matches "a").
			return frest == "#"
		case !fmore:
			return false
		}
		filter, topic = frest, trest
	}
}

// startsWithWildcard reports whether a topic filter's first character is
// '+' or '#'. [MQTT-4.7.2-1]
func startsWithWildcard(filter string) bool {
	return len(filter) > 0 && (filter[0] == '+' || filter[0] == '#')
}
