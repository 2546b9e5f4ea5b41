package trace

import "strconv"

// GapStep is the step that marks missed steps of a live trace at time t,
// which a watcher too slow to keep up did not receive: a narration note
// says how many, so every view and format shows it without knowing gaps.
// Record it with the full state after the missed steps, when the source
// has one, so that the states after it are right again.
func GapStep(t int64, missed int) Step {
	n := strconv.Itoa(missed)
	return Step{Time: t, Kind: KindGap, Missed: missed, Notes: []Note{{Text: Text{
		EN: n + " steps missed here: this page fell behind the live trace and did not receive them",
		ZH: "此处缺少 " + n + " 个步骤：本页面跟不上实时轨迹，没有收到它们",
	}}}}
}
