package sim

import (
	"strconv"

	"mqttviz/sim/trace"
)

// noteText builds the English and the Chinese sentence of one note in a
// buffer the node reuses; noteText then makes both of one string, one
// allocation where joining each sentence apart took two or three (the
// notes of a fan-out were a third of its allocations).
type noteText struct {
	buf []byte
	zh  int // where the Chinese sentence begins
}

// text starts a note's sentences: the English parts, then chinese and
// the Chinese parts.
func (r *ready) text() *noteText {
	r.nt.buf, r.nt.zh = r.nt.buf[:0], 0
	return &r.nt
}

// add appends parts to the sentence being built.
func (t *noteText) add(parts ...string) *noteText {
	for _, p := range parts {
		t.buf = append(t.buf, p...)
	}
	return t
}

// id appends a packet id in decimal.
func (t *noteText) id(n uint16) *noteText {
	t.buf = strconv.AppendUint(t.buf, uint64(n), 10)
	return t
}

// chinese ends the English sentence: the parts that follow are the
// Chinese one.
func (t *noteText) chinese() *noteText {
	t.zh = len(t.buf)
	return t
}

// noteText adds the note built in t (from text) with its rule, as note
// does.
func (r *ready) noteText(rule string, t *noteText) {
	if !r.explain {
		return
	}
	s := string(t.buf)
	r.notes = append(r.notes, trace.Note{Text: trace.Text{EN: s[:t.zh], ZH: s[t.zh:]}, Rule: rule})
}
