package script

import "strconv"

// maxStatements bounds a scenario's statements once repeat blocks are
// unrolled: enough for 65535 publications and more (packet id
// wrap-around), not enough to exhaust a browser tab's memory.
const maxStatements = 300_000

// maxRepeat is the largest count a repeat line takes.
const maxRepeat = 100_000

// repeatBlock is the repeat line being read: where its body starts in the
// scenario's statements, its line and its count.
type repeatBlock struct {
	start, line, count int
}

// parseRepeat reads `repeat N`: the lines up to the matching `end` run N
// times. Blocks do not nest.
func parseRepeat(p *lineParser) error {
	if r := p.sc.repeat; r != nil {
		return p.fail(p.toks[0].col, msgRepeatNested, r.line)
	}
	want := say(wantTimes, maxRepeat)
	t, err := p.take(want)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(t.raw)
	if err != nil || n < 1 || n > maxRepeat || t.quoted {
		return p.expected(t.col, want, t.shown())
	}
	if err := p.end(); err != nil {
		return err
	}
	p.sc.repeat = &repeatBlock{start: len(p.sc.stmts), line: p.line, count: n}
	p.sc.joinFrom = len(p.sc.stmts)
	return nil
}

// parseEnd reads `end`, which closes a repeat block: its statements are
// written out count times, each copy at the line it came from.
func parseEnd(p *lineParser) error {
	r := p.sc.repeat
	if r == nil {
		return p.fail(p.toks[0].col, msgRepeatClose)
	}
	if err := p.end(); err != nil {
		return err
	}
	sc := p.sc
	sc.repeat = nil
	body, lines := sc.stmts[r.start:], sc.lines[r.start:]
	if total := r.start + len(body)*r.count; total > maxStatements {
		return p.fail(p.toks[0].col, msgRepeatTooMany, maxStatements, total)
	}
	body, lines = body[:len(body):len(body)], lines[:len(lines):len(lines)]
	for range r.count - 1 {
		sc.stmts = append(sc.stmts, body...)
		sc.lines = append(sc.lines, lines...)
	}
	sc.joinFrom = len(sc.stmts)
	return nil
}
