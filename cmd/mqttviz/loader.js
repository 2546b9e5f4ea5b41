// mqttviz's part of go-app's app.js (cmd/mqttviz/loader.go): it starts
// the app after the first paint and keeps what the reader presses in the
// pre-rendered page until the app can act on it.

// mqttvizAfterFirstPaint calls start once the pre-rendered page has
// painted: the 2.6 MB module's download, decompression and compile then
// never compete with the first paint, on a phone's two cores or a slow
// network. A hidden page never paints, and a browser that cannot say
// when it painted does not wait; neither does any page for more than 2 s.
function mqttvizAfterFirstPaint(start) {
  let started = false;
  const go = () => {
    if (!started) {
      started = true;
      start();
    }
  };
  const painted = () => performance.getEntriesByName("first-contentful-paint").length > 0;
  const canTell = typeof PerformanceObserver !== "undefined" &&
    (PerformanceObserver.supportedEntryTypes || []).includes("paint");
  if (document.visibilityState === "hidden" || !canTell || painted()) {
    go();
    return;
  }
  const observer = new PerformanceObserver(() => {
    if (painted()) {
      observer.disconnect();
      go();
    }
  });
  observer.observe({ type: "paint", buffered: true });
  setTimeout(go, 2000);
}

// mqttvizKeepPresses notes, until stop, the reader's presses in the page
// the server pre-rendered, which has no handlers yet: a click on a
// button or a list's option with an id, and a key pressed outside a form
// field (the fields keep their own text: wasm/jsb/typed_wasm.go). The
// app calls stop just before it replaces the page and replay once its
// page is interactive, which presses the same again in the app's page,
// in order, a frame apart, so that each acts on the page the one before
// left. The keys the player takes (Space, the arrows, Home, End) do not
// scroll the pre-rendered page meanwhile, as they do not in the app.
function mqttvizKeepPresses() {
  const presses = [];
  let keeping = true;
  const playerKeys = new Set([" ", "Spacebar", "ArrowLeft", "ArrowRight", "Home", "End"]);
  const ignored = new Set(["Tab", "Shift", "Control", "Alt", "Meta", "AltGraph", "CapsLock", "Escape"]);
  const inField = (el) => el.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
  document.addEventListener("click", (e) => {
    const el = keeping && e.target instanceof Element && e.target.closest("button[id], [role='option'][id]");
    if (el) {
      presses.push({ click: el.id });
    }
  }, true);
  document.addEventListener("keydown", (e) => {
    const el = e.target instanceof Element ? e.target : document.body;
    if (!keeping || e.isComposing || ignored.has(e.key) || inField(el)) {
      return;
    }
    if (e.key === "Enter" && el.closest("button, a")) {
      return; // the button's or the link's click, kept as a click
    }
    if (playerKeys.has(e.key) && document.getElementById("ctl-play") && !el.closest("[data-own-keys]")) {
      e.preventDefault();
    }
    presses.push({
      key: { key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey },
      at: el.id,
    });
  }, true);
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return {
    stop() {
      keeping = false;
    },
    async replay() {
      keeping = false;
      for (const p of presses.splice(0)) {
        if (p.click) {
          const el = document.getElementById(p.click);
          if (el) {
            el.click();
          }
        } else {
          const at = (p.at && document.getElementById(p.at)) || document.activeElement || document.body;
          at.dispatchEvent(new KeyboardEvent("keydown", { ...p.key, bubbles: true, cancelable: true }));
        }
        await frame();
      }
    },
  };
}
