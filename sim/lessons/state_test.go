package lessons

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"mqttviz/sim/internal/simtest"
)

// TestLessonStates hashes, for every lesson, the JSON of the state after
// each of its steps and compares the hashes with testdata/states.txt. The
// file was written by the engine that recorded a full State on every
// step: however states are stored, the state after step N stays what it
// was.
func TestLessonStates(t *testing.T) {
	var lines []string
	for _, l := range Lessons() {
		tr, err := RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, simtest.StatesHash(t, tr)+" "+l.Name+", "+strconv.Itoa(len(tr.Steps))+" steps")
	}
	simtest.Golden(t, filepath.Join("testdata", "states.txt"), strings.Join(lines, "\n")+"\n")
}
