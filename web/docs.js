// The documentation pages (internal/docsite): each embedded lesson's
// frame takes the height its content reports ({type: "mqttviz:height",
// v: 1, height} from the embed view, docs/embed.md). Only messages from
// one of this page's frames, of this site's origin, are read. Without
// this script a frame keeps the height docs.css gives it.
"use strict";

window.addEventListener("message", (ev) => {
  const d = ev.data;
  if (ev.origin !== location.origin || !d || typeof d !== "object" || d.type !== "mqttviz:height" || d.v !== 1) {
    return;
  }
  if (!Number.isInteger(d.height) || d.height < 100 || d.height > 4000) {
    return;
  }
  for (const frame of document.querySelectorAll(".docs-frame iframe")) {
    if (frame.contentWindow === ev.source) {
      frame.style.height = d.height + "px";
    }
  }
});
