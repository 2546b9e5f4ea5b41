// mqttviz's service worker, written by the server (offline.go): after a
// first visit the whole app, every page of it, works with no network.
//
// One cache per build, named by a hash of every file it holds: a file is
// stored only when its SHA-256 is the one the build listed, so a cache
// never mixes two builds. A new build installs a new cache beside the old
// one and waits; the page says a new version is ready, and the worker
// takes over when the reader reloads (or on the next visit). Only this
// site's own files are answered: other origins, WebSockets and anything
// not listed go to the network untouched.
//
// Each page is also pre-rendered in Chinese (offline.zh): a reader who
// chose Chinese in the app (the page tells the worker, askLang), or whose
// address says ?lang=zh, gets that file at the page's own address, so
// that the page does not show English until the app has started.
"use strict";

const offline = {{.Config}};

const cachePrefix = "mqttviz:" + offline.base + ":";
const cacheName = cachePrefix + offline.version;
const siteURL = (path) => new URL(offline.base + path.slice(1), self.location.origin).href;
const digests = new Map(offline.files.map((f) => [siteURL(f.path), f.sha256]));
const pages = new Set(offline.pages);
const wasmURL = siteURL(offline.wasm);
const notFoundURL = siteURL(offline.notFound);
const chinese = new Map(Object.entries(offline.zh).map(([page, file]) => [siteURL(page), siteURL(file)]));
const notFoundURLs = new Set([notFoundURL, chinese.get(notFoundURL)]);

// The reader's language is kept apart from the builds' caches, which a
// new build deletes: the choice outlives them.
const prefsName = "mqttviz-prefs:" + offline.base;
const langKey = siteURL("/.mqttviz-lang");
const languages = new Set(["en", "zh"]);

// Message types the pages send, namespaced and versioned.
const askFill = "mqttviz/offline/v1/fill";
const askActivate = "mqttviz/offline/v1/activate";
const askLang = "mqttviz/offline/v1/lang";

// How many files the worker fetches at a time while it fills its cache
// behind a running page: the server compresses each on its first request.
const fillConcurrency = 2;

self.addEventListener("install", (event) => {
  // On a first visit the page is starting: its app.wasm download and
  // compile, Go's start-up and the first render come first. Fetching and
  // hashing every file of the build now, beside them, made the lesson
  // interactive a second later; the page asks for the files once it has
  // started and the browser is idle (askFill), app.wasm from the HTTP
  // cache its own download filled. A new build, found while the reader
  // uses the old one, caches everything before it says it is ready.
  if (!self.registration.active) {
    event.waitUntil(caches.open(cacheName));
    return;
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      try {
        await Promise.all([...digests.keys()].map((url) => store(cache, url, "no-cache")));
      } catch (err) {
        // The worker is discarded; so is what it had cached.
        await caches.delete(cacheName);
        throw err;
      }
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      let replaced = false;
      for (const key of await caches.keys()) {
        if (key.startsWith(cachePrefix) && key !== cacheName) {
          replaced = true;
          await caches.delete(key);
        }
      }
      // A new build takes over the pages open (they reload on it). The
      // first build installed leaves the page that installed it alone:
      // taken over while it started, that page had its app.wasm download
      // pass through the worker, 50–100 ms slower; every page
      // opened after it is the worker's.
      if (replaced) {
        await self.clients.claim();
      }
    })(),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === askFill) {
    event.waitUntil(fill());
  } else if (type === askActivate) {
    self.skipWaiting();
  } else if (type === askLang && languages.has(event.data.lang)) {
    event.waitUntil(rememberLang(event.data.lang));
  }
});

// chosen is the reader's language as last read or told; null until then.
let chosen = null;

// rememberLang keeps lang as the reader's language.
async function rememberLang(lang) {
  if (lang === chosen) {
    return;
  }
  chosen = lang;
  const prefs = await caches.open(prefsName);
  await prefs.put(langKey, new Response(lang, { headers: { "Content-Type": "text/plain" } }));
}

// langOf is the language a navigation to url opens its page in: the
// address's ?lang=, else the reader's choice, else English.
async function langOf(url) {
  const asked = url.searchParams.get("lang");
  if (languages.has(asked)) {
    return asked;
  }
  if (chosen === null) {
    const kept = await caches.match(langKey, { cacheName: prefsName });
    const lang = kept ? await kept.text() : "en";
    chosen = languages.has(lang) ? lang : "en";
  }
  return chosen;
}

// inLang is the file of the page at pageURL in lang: the page itself, or
// its Chinese file.
function inLang(pageURL, lang) {
  return (lang === "zh" && chinese.get(pageURL)) || pageURL;
}

let filling = null;

// fill stores every file of the build the cache lacks, a few at a time:
// app.wasm from the HTTP cache the page's own download filled (else the
// network), the rest from the network. A file that fails is left for the
// next page's askFill; one fill runs at a time.
function fill() {
  if (!filling) {
    filling = (async () => {
      const cache = await caches.open(cacheName);
      const have = new Set((await cache.keys()).map((req) => req.url));
      const missing = [...digests.keys()].filter((url) => !have.has(url));
      const next = async () => {
        for (let url = missing.shift(); url; url = missing.shift()) {
          try {
            await store(cache, url, url === wasmURL ? "force-cache" : "no-cache");
          } catch (err) {
            if (url === wasmURL) {
              await store(cache, url, "no-cache").catch(() => {});
            }
          }
        }
      };
      await Promise.all(Array.from({ length: fillConcurrency }, next));
    })().finally(() => {
      filling = null;
    });
  }
  return filling;
}

// store fetches url and keeps it.
async function store(cache, url, mode) {
  await keep(cache, url, await fetch(url, { cache: mode, credentials: "same-origin" }));
}

// keep puts resp in cache as url if its SHA-256 is the build's. The
// not-found page keeps its status (in either language), 404 where the
// server sends it so.
async function keep(cache, url, resp) {
  if (!resp.ok && !(notFoundURLs.has(url) && resp.status === 404)) {
    throw new Error(url + ": " + resp.status);
  }
  const body = await resp.arrayBuffer();
  const sum = await crypto.subtle.digest("SHA-256", body);
  const hex = [...new Uint8Array(sum)].map((b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== digests.get(url)) {
    throw new Error(url + " is not the file of build " + offline.version);
  }
  const type = resp.headers.get("Content-Type") || "application/octet-stream";
  await cache.put(url, new Response(body, { status: resp.status, headers: { "Content-Type": type } }));
}

// pageURL is the cached page a navigation to path opens, as the server
// resolves it (ui.PagePath): NAME, NAME/ and NAME/index.html are NAME/.
// The query and the fragment are the app's to read, never the cache's.
function pageURL(path) {
  if (path + "/" === offline.base) {
    path = offline.base;
  }
  if (!path.startsWith(offline.base)) {
    return "";
  }
  let p = "/" + path.slice(offline.base.length);
  if (p.endsWith("/index.html")) {
    p = p.slice(0, -"index.html".length);
  }
  if (!p.endsWith("/")) {
    p += "/";
  }
  return pages.has(p) ? siteURL(p) : "";
}

// pageOf is the page a navigation opens, as pageURL finds it.
function pageOf(req) {
  return pageURL(new URL(req.url).pathname);
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") {
    return;
  }
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (req.mode === "navigate") {
    const page = pageURL(url.pathname);
    if (page) {
      event.respondWith(langOf(url).then((lang) => cached(inLang(page, lang), req)));
      return;
    }
  }
  const file = url.origin + url.pathname;
  if (url.search === "" && digests.has(file)) {
    event.respondWith(cached(file, req));
    return;
  }
  if (req.mode === "navigate") {
    event.respondWith(fetch(req).catch(() => notFound(url)));
  }
});

// notFound is the cached not-found page in the language of a
// navigation to url, a 404 as the server sends it (a static host serves
// the file 404.html itself as a 200).
async function notFound(url) {
  const page = await caches.match(inLang(notFoundURL, await langOf(url)), { cacheName });
  if (!page) {
    return Response.error();
  }
  return new Response(page.body, { status: 404, headers: page.headers });
}

// cached answers from this build's cache, else from the network, keeping
// what the network gave if it is this build's file. A navigation the
// cache lacks goes to the network as it was asked, unless it is answered
// with another file (a page's Chinese one), which is fetched instead.
async function cached(url, req) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(url);
  if (hit) {
    return hit;
  }
  if (req.mode === "navigate" && url !== pageOf(req)) {
    return fetch(url, { credentials: "same-origin" });
  }
  const resp = await fetch(req);
  if (req.mode !== "navigate") {
    keep(cache, url, resp.clone()).catch(() => {});
  }
  return resp;
}
