package docsite

import (
	"strings"
	"testing"
)

func TestParseSource(t *testing.T) {
	file := strings.Join([]string{
		"# Title · 标题",
		"",
		"[English](#english) · [简体中文](#简体中文)",
		"",
		"## English",
		"",
		"Intro.",
		"",
		"### Part",
		"",
		"```",
		"## 简体中文",
		"### not a heading",
		"```",
		"",
		"## 简体中文",
		"",
		"简介。",
		"",
		"### 部分",
		"",
		"## Catalogue · 目录",
		"",
		catalogueMarker,
		"",
		"| a | b |",
		"",
		"## Shared · 共用",
		"",
		"Both.",
	}, "\n")
	s := parseSource([]byte(file))
	if s.title.EN != "Title" || s.title.ZH != "标题" {
		t.Errorf("title = %+v, want Title and 标题", s.title)
	}
	for _, c := range []struct {
		lang, body string
		want, not  []string
	}{
		{"en", s.body.EN,
			[]string{"Intro.", "\n## Part\n", "```\n## 简体中文\n### not a heading\n```", "## Catalogue · 目录", "[Lesson catalogue](catalogue.md)", "## Shared · 共用", "Both."},
			[]string{"简介", "[English]", "| a | b |", catalogueMarker, "### Part"}},
		{"zh", s.body.ZH,
			[]string{"简介。", "\n## 部分\n", "## Catalogue · 目录", "[课程目录](catalogue.md)", "## Shared · 共用", "Both."},
			[]string{"Intro.", "[English]", "| a | b |", "Part"}},
	} {
		for _, w := range c.want {
			if !strings.Contains(c.body, w) {
				t.Errorf("%s body lacks %q:\n%s", c.lang, w, c.body)
			}
		}
		for _, n := range c.not {
			if strings.Contains(c.body, n) {
				t.Errorf("%s body holds %q:\n%s", c.lang, n, c.body)
			}
		}
	}
}

// A file written in both languages throughout is the same page in both,
// its headings as they are.
func TestParseSourceBilingual(t *testing.T) {
	s := parseSource([]byte("# The trace · 轨迹\n\nText.\n\n文字。\n\n## Step · 步骤\n\nMore.\n"))
	if s.title.EN != "The trace" || s.title.ZH != "轨迹" {
		t.Errorf("title = %+v", s.title)
	}
	if s.body.EN != s.body.ZH || !strings.Contains(s.body.EN, "\n## Step · 步骤\n") || !strings.Contains(s.body.EN, "文字。") {
		t.Errorf("bodies differ or lost a part:\nen %q\nzh %q", s.body.EN, s.body.ZH)
	}
	if one := parseSource([]byte("# Only English\n\nText.\n")); one.title.ZH != "Only English" {
		t.Errorf("a title with no · is %+v, want the same in both languages", one.title)
	}
}
