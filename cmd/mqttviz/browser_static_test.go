package main

import (
	"bufio"
	"bytes"
	"context"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// staticSite writes the static site for a GitHub Pages project
// (`mqttviz static --base /mqttviz/`) and serves its parent directory
// with the plainest static host there is, `python3 -m http.server`, on
// a free loopback port until the test ends. It returns the site's
// address, http://127.0.0.1:PORT/mqttviz.
func staticSite(t *testing.T) string {
	t.Helper()
	site, _ := stoppableStaticSite(t)
	return site
}

// stoppableStaticSite is staticSite that can also be stopped before the
// test ends, as a classroom's network goes: stop kills the file server.
func stoppableStaticSite(t *testing.T) (site string, stop func()) {
	t.Helper()
	ensureWASM(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: the static site cannot be served as a plain file server does")
	}
	root := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runStatic([]string{"--web", webDir, "--base", "/mqttviz/", "--brotli", "1", filepath.Join(root, "mqttviz")}, &stdout, &stderr); code != 0 {
		t.Fatalf("mqttviz static: %d: %s", code, stderr.String())
	}
	// Port 0: python picks a free port and says which.
	cmd := exec.Command(python, "-u", "-m", "http.server", "--bind", "127.0.0.1", "--directory", root, "0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	stop = func() { once.Do(func() { cmd.Process.Kill(); cmd.Wait() }) }
	t.Cleanup(stop)
	port := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		re := regexp.MustCompile(`port (\d+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				port <- m[1]
				break
			}
		}
		for sc.Scan() {
		}
	}()
	select {
	case p := <-port:
		return "http://127.0.0.1:" + p + "/mqttviz", stop
	case <-time.After(20 * time.Second):
		t.Fatal("python3 -m http.server did not say its port")
		return "", stop
	}
}

// TestBrowserStaticSubpath runs the static site under a sub-path on a
// plain file server: every page opens by its link, a reload included,
// with its parameters, and the app's links stay under the sub-path.
func TestBrowserStaticSubpath(t *testing.T) {
	base := staticSite(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/")
	name, tr := richestLesson(t)
	href := eval[string](t, ctx, `document.querySelector('.lesson-card[data-lesson="`+name+`"] a').getAttribute("href")`)
	if href != "/mqttviz/lessons/"+name+"/" {
		t.Errorf("the picker links %q", href)
	}
	for id, want := range map[string]string{"nav-decode": "/mqttviz/decode/", "nav-scenario": "/mqttviz/scenario/", "nav-lessons": "/mqttviz/"} {
		if got := eval[string](t, ctx, `document.getElementById("`+id+`").getAttribute("href")`); got != want {
			t.Errorf("#%s links %q, want %q", id, got, want)
		}
	}
	// A click inside the app, then a reload of where it led.
	do(t, ctx, chromedp.Click(chromedp.CSS(`.lesson-card[data-lesson="`+name+`"] a`)))
	waitFor(t, ctx, `document.querySelector("#lesson-title") !== null`)
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`)
	if got := eval[string](t, ctx, `location.pathname`); got != "/mqttviz/lessons/"+name+"/" {
		t.Errorf("reloaded at %s", got)
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	checkStep(t, ctx, tr, 1)

	// The real file opens the same page.
	open(t, ctx, base, "/lessons/"+name+"/index.html")
	waitFor(t, ctx, `document.querySelector("#lesson-title") !== null`)
	checkPublishedLinks(t, ctx, base)
}

// TestBrowserPublishedLinks: every link already published keeps opening
// on `mqttviz serve`: a lesson with and without the slash and with its
// seed, decode with ?hex=, the scenario with ?src=.
func TestBrowserPublishedLinks(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	checkPublishedLinks(t, ctx, base)
}

// linkScenario is a scenario shared by ?src=.
const linkScenario = "title en: Shared by a link\ntitle zh: 链接分享的场景\nclient a\nconnect a\n"

func checkPublishedLinks(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	name := lessons.Lessons()[0].Name
	title := lessons.Lessons()[0].Title.EN
	for _, path := range []string{"/lessons/" + name, "/lessons/" + name + "/", "/lessons/" + name + "?seed=3", "/lessons/" + name + "/?seed=3"} {
		open(t, ctx, base, path)
		waitFor(t, ctx, `document.querySelector("#lesson-title") !== null`)
		if got := eval[string](t, ctx, `document.querySelector("#lesson-title").textContent`); got != title {
			t.Errorf("%s: lesson titled %q, want %q", path, got, title)
		}
	}
	const hex = "c000"
	for _, path := range []string{"/decode?hex=" + hex, "/decode/?hex=" + hex} {
		open(t, ctx, base, path)
		waitFor(t, ctx, `document.querySelector("#decode-input").value === "`+hex+`" && document.querySelectorAll(".inspector-panel .byte").length === 2`)
	}
	tr, err := script.Run("scenario", linkScenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/scenario?src=", "/scenario/?src="} {
		open(t, ctx, base, path+url.QueryEscape(linkScenario))
		waitFor(t, ctx, `document.querySelector("#scenario-heading").textContent === `+strconv.Quote(tr.Title.EN))
		if got := eval[string](t, ctx, `document.querySelector("#scenario-input").value`); strings.TrimSpace(got) != strings.TrimSpace(linkScenario) {
			t.Errorf("%s: the scenario box holds %q", path, got)
		}
	}
}
