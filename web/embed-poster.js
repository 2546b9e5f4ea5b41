// mqttviz embed poster (docs/embed.md). The server sends an embed page
// without go-app's loader and with this script in its place: until the
// reader presses the poster's button (or the page's parent window asks
// with {type: "mqttviz:load", v: 1}, or the address says ?poster=0) no
// app.wasm is requested and no service worker registered. Then it loads
// wasm_exec.js and app.js, as go-app's page would have, and the app
// replaces the poster in place, at the address's step.
//
// Meanwhile it shows the poster in the language of ?lang= (the only
// place an embed's language comes from), resolves the poster's
// addresses for a site served under any sub-path, and tells the parent
// window the poster's height ({type: "mqttviz:height", v: 1, height}).
"use strict";

(() => {
  const me = document.currentScript;
  // The site's root: this script is web/embed-poster.js under it.
  const root = new URL("..", me.src).href;
  const params = new URLSearchParams(location.search);
  const parent = window.parent !== window ? window.parent : null;
  let started = false;
  let resize = null;

  // post tells the parent window msg; what an embed posts is public.
  const post = (msg) => {
    if (parent) {
      parent.postMessage(Object.assign({ v: 1 }, msg), "*");
    }
  };

  // show shows the poster in lang ("en" or "zh") and hides the other.
  const show = (lang) => {
    for (const el of document.querySelectorAll(".poster[data-lang]")) {
      el.hidden = el.dataset.lang !== lang;
    }
    const shown = document.querySelector(`.poster[data-lang="${lang}"]`);
    if (!shown) {
      return;
    }
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    const title = shown.querySelector(".poster-title");
    if (title) {
      document.title = title.textContent + " · mqttviz";
    }
  };

  // resolve gives each data-src and data-page its address under the site,
  // the links keeping the embed's language.
  const resolve = (lang) => {
    for (const img of document.querySelectorAll("img[data-src]")) {
      img.src = new URL(img.dataset.src, root).href;
    }
    for (const a of document.querySelectorAll("a[data-page]")) {
      const u = new URL(a.dataset.page, root);
      u.searchParams.set("lang", lang);
      a.href = u.href;
    }
  };

  // load adds the script at src and resolves once it has run.
  const load = (src) =>
    new Promise((ok, fail) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = ok;
      s.onerror = () => fail(new Error(src + " did not load"));
      document.head.appendChild(s);
    });

  // start loads the app, once.
  const start = () => {
    if (started) {
      return;
    }
    started = true;
    performance.mark("mqttviz-embed-start");
    post({ type: "mqttviz:loading" });
    const poster = document.querySelector(".embed-poster");
    if (poster) {
      poster.classList.add("loading");
      poster.setAttribute("aria-busy", "true");
    }
    for (const b of document.querySelectorAll("[data-embed-start]")) {
      const label = b.querySelector(".poster-play-label");
      if (label && b.dataset.loading) {
        label.textContent = b.dataset.loading;
      }
      b.setAttribute("aria-disabled", "true");
    }
    // The app reports its own height from here on.
    if (resize) {
      resize.disconnect();
    }
    load(me.dataset.exec)
      .then(() => load(me.dataset.app))
      .catch((err) => console.error("mqttviz embed:", err));
  };

  const lang = params.get("lang") === "zh" ? "zh" : "en";
  show(lang);
  resolve(lang);
  for (const b of document.querySelectorAll("[data-embed-start]")) {
    b.addEventListener("click", start);
  }
  // The height now, and on every change. Now too: a browser may not
  // observe a frame out of sight, which still has a height.
  let last = -1;
  const height = () => {
    const h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h !== last) {
      last = h;
      post({ type: "mqttviz:height", height: h });
    }
  };
  height();
  if (parent && window.ResizeObserver) {
    resize = new ResizeObserver(height);
    resize.observe(document.body);
  }
  // Before the app runs, the parent may start it or switch the poster's
  // language; any other message, or one from another window, is ignored.
  window.addEventListener("message", (ev) => {
    const d = ev.data;
    if (started || !parent || ev.source !== parent || !d || typeof d !== "object" || d.v !== 1) {
      return;
    }
    if (d.type === "mqttviz:load") {
      start();
    } else if (d.type === "mqttviz:lang" && (d.lang === "en" || d.lang === "zh")) {
      show(d.lang);
      resolve(d.lang);
      // The app, once loaded, takes its language from the address.
      const u = new URL(location.href);
      u.searchParams.set("lang", d.lang);
      history.replaceState(history.state, "", u.href);
      post({ type: "mqttviz:poster", lang: d.lang });
    }
  });
  post({ type: "mqttviz:poster", lang });
  if (params.get("poster") === "0") {
    start();
  }
})();
