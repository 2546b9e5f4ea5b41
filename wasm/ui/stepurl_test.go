package ui

import (
	"net/url"
	"testing"
)

func TestStepIndex(t *testing.T) {
	for _, c := range []struct {
		raw  string
		n    int
		want int
	}{
		{"1", 10, 0},
		{"5", 10, 4},
		{"10", 10, 9},
		{"11", 10, 9},
		{"0", 10, 0},
		{"-3", 10, 0},
		{"", 10, 0},
		{"abc", 10, 0},
		{"4.5", 10, 0},
		{" 3", 10, 0},
		{"+3", 10, 2},
		{"99999999999999999999999", 10, 9},
		{"-99999999999999999999999", 10, 0},
		{"7", 1, 0},
	} {
		if got := stepIndex(c.raw, c.n); got != c.want {
			t.Errorf("stepIndex(%q, %d) = %d, want %d", c.raw, c.n, got, c.want)
		}
	}
}

func TestStepAddress(t *testing.T) {
	for _, c := range []struct {
		in     string
		cursor int
		lang   string
		want   string
	}{
		{"http://127.0.0.1:8080/lessons/qos1/", 4, "en", "/lessons/qos1/?lang=en&step=5"},
		{"http://127.0.0.1:8080/lessons/qos1/?seed=3&step=2", 0, "zh", "/lessons/qos1/?lang=zh&seed=3&step=1"},
		{"http://127.0.0.1:8080/lessons/qos1/?lang=zh", 2, "", "/lessons/qos1/?lang=zh&step=3"},
		{"http://127.0.0.1:8080/scenario/#v1.K8ksLcrPU0jNS8_JzEtXKMnILFYoyi8pSQUA", 6, "en", "/scenario/?lang=en&step=7#v1.K8ksLcrPU0jNS8_JzEtXKMnILFYoyi8pSQUA"},
		{"http://127.0.0.1:8080/repo/trace/?step=x", 1, "zh", "/repo/trace/?lang=zh&step=2"},
	} {
		u, err := url.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := stepAddress(*u, c.cursor, c.lang); got != c.want {
			t.Errorf("stepAddress(%s, %d, %q) = %s, want %s", c.in, c.cursor, c.lang, got, c.want)
		}
	}
}

func TestStepKeeperOpensOnce(t *testing.T) {
	u, _ := url.Parse("/lessons/qos1/?step=4")
	var k stepKeeper
	k.aim(u)
	if got := k.opening(10); got != 3 {
		t.Errorf("first trace opens at %d, want 3", got)
	}
	if got := k.opening(10); got != 0 {
		t.Errorf("a trace loaded later opens at %d, want 0", got)
	}
	k.aim(&url.URL{Path: "/lessons/qos1/"})
	if got := k.opening(10); got != 0 {
		t.Errorf("an address with no step opens at %d, want 0", got)
	}
}

func TestLessonPageOpensAtAddressStep(t *testing.T) {
	p := newLessonPage()
	u, _ := url.Parse("/lessons/qos1/?step=3")
	if !p.run(u) {
		t.Fatal("qos1 did not run")
	}
	if p.cursor != 2 {
		t.Errorf("cursor %d, want 2", p.cursor)
	}
	u, _ = url.Parse("/lessons/qos1/?step=100000")
	p.run(u)
	if p.cursor != len(p.trace.Steps)-1 {
		t.Errorf("cursor %d, want the last step %d", p.cursor, len(p.trace.Steps)-1)
	}
}
