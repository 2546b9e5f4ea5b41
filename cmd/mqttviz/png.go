package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// --format png: the SVG diagram drawn by headless Chromium on a canvas
// at twice its size, the way the app's Export menu draws it, so that the
// Chinese labels have the system's Chinese fonts. Without Chromium there
// is no PNG: Go's own image packages cannot shape Chinese text.

// chromiumNames are the programs --format png looks for on PATH.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// chromiumEnv names a Chromium to use instead of looking on PATH.
const chromiumEnv = "MQTTVIZ_CHROMIUM"

// errNoChromium says what to install when there is no Chromium.
var errNoChromium = errors.New("--format png draws the diagram with headless Chromium, which is not installed: install it (Debian/Ubuntu: apt-get install chromium; or set " + chromiumEnv + " to its path), or write --format svg and save the PNG from the app's Export menu")

// findChromium is the path of the Chromium --format png runs: $MQTTVIZ_CHROMIUM
// when set, else the first of chromiumNames on PATH.
func findChromium() (string, error) {
	if p := os.Getenv(chromiumEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w; %w", chromiumEnv, p, err, errNoChromium)
		}
		return p, nil
	}
	for _, name := range chromiumNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errNoChromium
}

// drawPNG is the script that draws the SVG file in %s on a canvas %d
// times its size and returns the canvas as base64 PNG.
const drawPNG = `(async () => {
	const img = new Image();
	img.src = URL.createObjectURL(new Blob([%s], {type: "image/svg+xml"}));
	await img.decode();
	const c = document.createElement("canvas");
	c.width = img.naturalWidth * %[2]d;
	c.height = img.naturalHeight * %[2]d;
	c.getContext("2d").drawImage(img, 0, 0, c.width, c.height);
	const url = c.toDataURL("image/png");
	if (!url.startsWith("data:image/png;base64,")) throw new Error("the canvas is too large to encode");
	return url.slice("data:image/png;base64,".length);
})()`

// pngScale is how many device pixels a PNG gives each pixel of the
// diagram, as the app's Export menu does.
const pngScale = 2

// maxCanvas is the widest and tallest canvas Chromium draws, and
// maxCanvasArea the most pixels one holds.
const (
	maxCanvas     = 32767
	maxCanvasArea = 268435456
)

// checkPNGSize says why a diagram w×h CSS pixels cannot be a PNG at
// pngScale, or nil.
func checkPNGSize(w, h int) error {
	w, h = w*pngScale, h*pngScale
	if w <= maxCanvas && h <= maxCanvas && w*h <= maxCanvasArea {
		return nil
	}
	return fmt.Errorf("the PNG would be %d×%d pixels, larger than Chromium draws (%d a side): draw fewer steps with --from and --to, or write --format svg", w, h, maxCanvas)
}

// svgToPNG draws svg at scale times its size in the headless Chromium at
// path and returns the PNG file.
func svgToPNG(path, svg string, scale int) ([]byte, error) {
	dir, err := os.MkdirTemp("", "mqttviz-chromium-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Flag("disable-background-networking", true),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses its sandbox to root
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	quoted, err := json.Marshal(svg)
	if err != nil {
		return nil, err
	}
	b64, err := chromedp.Run(tabCtx, chromedp.Evaluate[string](fmt.Sprintf(drawPNG, quoted, scale), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("drawing the diagram in %s: %w", path, err)
	}
	return base64.StdEncoding.DecodeString(b64)
}
