package script

import (
	"mqttviz/sim/trace"
	"slices"
	"strings"
)

// Two runs of a scenario, before and after a change, are compared step by
// step by what each step is (kind, sender, receiver, packet, outcome,
// bytes; a mark by its notes), never by position or time: a longest common
// subsequence over those identities, so that a step moved by an inserted
// one is not a difference and only real differences light up.

// maxDiffCells bounds the LCS table: past it, the steps between the
// common head and tail all count as changed.
const maxDiffCells = 4 << 20

// Diff is how the steps of a new run correspond to those of an old one.
type Diff struct {
	// Changed[j] is set when new step j has no match in the old run.
	Changed []bool
	// NewIndex[i] is where old step i is in the new run: its match, or
	// for a step without one the new step that took its place.
	NewIndex []int
}

// CompareSteps matches the steps of the run after a change with those of
// the run before it.
func CompareSteps(old, new []trace.Step) Diff {
	a, b := identities(old), identities(new)
	d := Diff{Changed: make([]bool, len(b)), NewIndex: make([]int, len(a))}
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		d.NewIndex[head] = head
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		d.NewIndex[len(a)-1-tail] = len(b) - 1 - tail
		tail++
	}
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	match := lcs(ma, mb)
	matched := make([]bool, len(mb))
	for _, j := range match {
		if j >= 0 {
			matched[j] = true
		}
	}
	for j, ok := range matched {
		d.Changed[head+j] = !ok
	}
	// An old step without a match is where a new one of its shape (kind,
	// sender, receiver, packet type) is between the neighbouring matches,
	// such as the same PUBACK now lost; else the first new step there.
	oldShapes, newShapes := shapes(old[head:len(a)-tail]), shapes(new[head:len(b)-tail])
	from := 0
	for i := range ma {
		if j := match[i]; j >= 0 {
			d.NewIndex[head+i] = head + j
			from = j + 1
			continue
		}
		to := len(mb)
		for k := i + 1; k < len(ma); k++ {
			if match[k] >= 0 {
				to = match[k]
				break
			}
		}
		at := min(from, max(len(mb)-1, 0))
		for j := from; j < to; j++ {
			if !matched[j] && newShapes[j] == oldShapes[i] {
				at = j
				break
			}
		}
		d.NewIndex[head+i] = min(head+at, max(len(b)-1, 0))
	}
	return d
}

// lcs returns, for each element of a, the index of its match in b in a
// longest common subsequence, -1 for none.
func lcs(a, b []string) []int {
	match := slices.Repeat([]int{-1}, len(a))
	if len(a)*len(b) > maxDiffCells || len(a) == 0 || len(b) == 0 {
		return match
	}
	w := len(b) + 1
	// n[i*w+j] is the LCS length of a[i:] and b[j:].
	n := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				n[i*w+j] = n[(i+1)*w+j+1] + 1
			} else {
				n[i*w+j] = max(n[(i+1)*w+j], n[i*w+j+1])
			}
		}
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			match[i] = j
			i, j = i+1, j+1
		case n[(i+1)*w+j] >= n[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return match
}

// shapes are the steps' kinds, ends and packet types: what an old step
// and the new one that took its place share.
func shapes(steps []trace.Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = string(s.Kind) + "|" + s.From + "|" + s.To + "|" + s.Packet.String()
	}
	return out
}

// identities are the steps as the comparison sees them.
func identities(steps []trace.Step) []string {
	out := make([]string, len(steps))
	var b strings.Builder
	for i, s := range steps {
		b.Reset()
		b.WriteString(string(s.Kind) + "|" + s.From + "|" + s.To + "|" + s.Packet.String() + "|" + string(s.Outcome) + "|")
		b.Write(s.Bytes)
		if s.Kind != trace.KindPacket {
			for _, n := range s.Notes {
				b.WriteString("|" + n.Rule + "|" + n.Text.EN)
			}
		}
		out[i] = b.String()
	}
	return out
}

// AddedLines marks the lines of current (split at newlines) that are not
// in original: the lines the changes inserted.
func AddedLines(original, current string) []bool {
	a, b := strings.Split(original, "\n"), strings.Split(current, "\n")
	added := slices.Repeat([]bool{true}, len(b))
	for _, j := range lcs(a, b) {
		if j >= 0 {
			added[j] = false
		}
	}
	return added
}
