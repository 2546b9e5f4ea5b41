// The host page of docs/embed.md: two embedded lessons, resized to the
// height each frame reports, driven by buttons through postMessage. A
// page of your own needs only the part below "Talking to an embed".
"use strict";

(() => {
  const zh = new URLSearchParams(location.search).get("lang") === "zh";
  const lang = zh ? "zh" : "en";
  const text = {
    en: { play: "Play", pause: "Pause", back: "Step back", forward: "Step forward", go: "Go to step", lang: "中文", poster: "Poster: press play in the frame", loading: "Loading…", at: (n, m) => `Step ${n} of ${m}` },
    zh: { play: "播放", pause: "暂停", back: "上一步", forward: "下一步", go: "跳到第几步", lang: "English", poster: "海报：在框内按播放", loading: "正在加载…", at: (n, m) => `第 ${n} 步，共 ${m} 步` },
  }[lang];

  if (zh) {
    document.documentElement.lang = "zh-CN";
    document.title = "嵌入 mqttviz：示例页";
    for (const el of document.querySelectorAll("[data-zh]")) {
      el.textContent = el.dataset.zh;
    }
  }

  // ---- Talking to an embed ----------------------------------------------
  // Each frame's address says how it opens; its messages are
  // {type: "mqttviz:…", v: 1, …}. Only messages from the frame's own
  // window and origin are read.
  const frames = [];
  for (const iframe of document.querySelectorAll("iframe[data-embed]")) {
    const url = new URL(iframe.dataset.embed, document.baseURI);
    url.searchParams.set("lang", lang);
    iframe.src = url.href;
    if (zh && iframe.dataset.titleZh) {
      iframe.title = iframe.dataset.titleZh;
    }
    frames.push({ iframe, origin: url.origin, state: "poster", step: 0, steps: 0, playing: false, lang });
  }

  const send = (f, msg) => f.iframe.contentWindow.postMessage(Object.assign({ v: 1 }, msg), f.origin);

  window.addEventListener("message", (ev) => {
    const f = frames.find((f) => ev.source === f.iframe.contentWindow && ev.origin === f.origin);
    const d = ev.data;
    if (!f || !d || typeof d !== "object" || d.v !== 1 || typeof d.type !== "string") {
      return;
    }
    switch (d.type) {
      case "mqttviz:height":
        if (Number.isInteger(d.height) && d.height > 0) {
          f.iframe.style.height = d.height + "px";
          f.iframe.dataset.height = d.height;
        }
        break;
      case "mqttviz:poster":
        f.state = "poster";
        if (d.lang === "en" || d.lang === "zh") {
          f.lang = d.lang;
        }
        break;
      case "mqttviz:loading":
        f.state = "loading";
        break;
      case "mqttviz:ready":
      case "mqttviz:step":
        f.state = "ready";
        f.step = d.step;
        f.steps = d.steps;
        f.playing = d.playing === true;
        f.lang = d.lang;
        break;
      default:
        return;
    }
    f.iframe.dataset.state = f.state;
    f.iframe.dataset.step = f.step;
    f.iframe.dataset.steps = f.steps;
    f.iframe.dataset.playing = f.playing;
    f.iframe.dataset.lang = f.lang;
    f.render();
  });

  // ---- The buttons ------------------------------------------------------
  for (const f of frames) {
    const box = document.querySelector(`.host-controls[data-for="${f.iframe.id}"]`);
    const button = (cls, label, onClick) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.textContent = label;
      b.addEventListener("click", onClick);
      box.appendChild(b);
      return b;
    };
    const toggle = button("host-play", text.play, () => send(f, { type: f.playing ? "mqttviz:pause" : "mqttviz:play" }));
    button("host-back", text.back, () => f.step > 1 && send(f, { type: "mqttviz:goto", step: f.step - 1 }));
    button("host-forward", text.forward, () => f.step < f.steps && send(f, { type: "mqttviz:goto", step: f.step + 1 }));
    const label = document.createElement("label");
    label.textContent = text.go + " ";
    const input = document.createElement("input");
    input.type = "number";
    input.min = "1";
    input.className = "host-step";
    label.appendChild(input);
    box.appendChild(label);
    input.addEventListener("change", () => {
      const n = Number(input.value);
      if (Number.isInteger(n) && n >= 1 && n <= f.steps) {
        send(f, { type: "mqttviz:goto", step: n });
      }
    });
    const langButton = button("host-lang", text.lang, () => send(f, { type: "mqttviz:lang", lang: f.lang === "zh" ? "en" : "zh" }));
    langButton.lang = lang === "zh" ? "en" : "zh-CN";
    const status = document.createElement("span");
    status.className = "host-status";
    status.setAttribute("role", "status");
    box.appendChild(status);
    f.render = () => {
      const ready = f.state === "ready";
      for (const b of box.querySelectorAll("button, input")) {
        b.disabled = !ready && b !== langButton;
      }
      toggle.textContent = f.playing ? text.pause : text.play;
      input.max = String(f.steps);
      status.textContent = ready ? text.at(f.step, f.steps) : f.state === "loading" ? text.loading : text.poster;
    };
    f.render();
  }
})();
