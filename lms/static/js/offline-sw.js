/* global workbox, idbKeyval */
// The service worker of the learner's pages (courses/offline). /sw.js sets CA_CONFIG (this
// version, the vendored Workbox modules, the app shell to precache, the offline pages, the
// addresses never answered from the phone, how often saved courses are checked) and loads this
// file.
//
// Caches: "ca-shell-<version>" (Workbox precache: the offline pages, CSS, scripts; the only
// cache that holds nothing of hers, and the only one versioned: an old version's is deleted
// when a new one activates) and "ca-saved-1" (the pages and images of the courses she saved,
// and her /learn/ page). IndexedDB (idb-keyval): her queued actions, her saved courses, the
// server's answers to show her, and whose phone this is. Signing out clears all of hers.
"use strict";

const C = self.CA_CONFIG;
workbox.setConfig({ debug: false, modulePathCb: (name) => C.modules[name] });
workbox.core.setCacheNameDetails({ prefix: "ca", precache: "shell", suffix: C.version });
// Loaded now: a service worker may import scripts only while it starts.
const { registerRoute } = workbox.routing;
const { NetworkFirst, NetworkOnly, CacheFirst } = workbox.strategies;
const { precacheAndRoute, matchPrecache } = workbox.precaching;

const SAVED = "ca-saved-1";
const kv = idbKeyval;
const queueStore = kv.createStore("ca-queue", "actions");
const courseStore = kv.createStore("ca-courses", "courses");
const noticeStore = kv.createStore("ca-notices", "notices");
const metaStore = kv.createStore("ca-meta", "meta");
const SYNC_TAG = "ca-sync";
const REFRESH_EVERY = C.refreshEvery; // ms: OFFLINE_REFRESH_SECONDS

// --- Versions: the new one takes over at once; the queue and saved courses stay ----------------

async function deleteOldShells() {
  const current = workbox.core.cacheNames.precache;
  for (const name of await caches.keys()) {
    if (name.startsWith("ca-shell-") && name !== current) await caches.delete(name);
  }
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(deleteOldShells().then(() => self.clients.claim()));
});

// --- Answering pages --------------------------------------------------------------------------

precacheAndRoute(C.precache);

const never = (path) => C.never.some((prefix) => path.startsWith(prefix));

function offlinePage(url) {
  // The offline page in the language of the address (the longest matching prefix).
  let best = null;
  let bestLength = -1;
  for (const page of Object.values(C.offline)) {
    const prefix = page.slice(0, page.indexOf("learn/"));
    if (url.pathname.startsWith(prefix) && prefix.length > bestLength) {
      best = page;
      bestLength = prefix.length;
    }
  }
  return matchPrecache(best);
}

const offlineFallback = {
  handlerDidError: async ({ request }) =>
    (await offlinePage(new URL(request.url))) || Response.error(),
};

async function isSaved(request) {
  const cache = await caches.open(SAVED);
  return Boolean(await cache.match(request, { ignoreVary: true }));
}

// Online, a page comes from the network; it replaces the kept copy only when she saved it
// (or it is her /learn/ page), so a page she did not save is never kept.
const keepOnlySaved = {
  cacheWillUpdate: async ({ request, response }) => {
    if (!response || response.status !== 200 || response.redirected) return null;
    if (C.kept.includes(new URL(request.url).pathname)) return response;
    return (await isSaved(request)) ? response : null;
  },
};

const isPage = ({ request, url }) =>
  request.mode === "navigate" && url.origin === self.location.origin && !never(url.pathname);

registerRoute(
  isPage,
  new NetworkFirst({
    cacheName: SAVED,
    networkTimeoutSeconds: 10,
    matchOptions: { ignoreVary: true },
    plugins: [keepOnlySaved, offlineFallback],
  }),
);
// A form sent with no network: the offline page rather than the browser's error.
registerRoute(isPage, new NetworkOnly({ plugins: [offlineFallback] }), "POST");
// Images of saved lessons from the phone; others from the network, not kept.
registerRoute(
  ({ request, url }) =>
    request.destination === "image" && url.origin === self.location.origin &&
    !url.pathname.includes("/photos/"),
  new CacheFirst({
    cacheName: SAVED,
    matchOptions: { ignoreVary: true },
    plugins: [{ cacheWillUpdate: async () => null }],
  }),
);

// --- Her state on this phone ------------------------------------------------------------------

async function state() {
  const [actions, notices, courses, blocked] = await Promise.all([
    kv.values(queueStore),
    kv.values(noticeStore),
    kv.values(courseStore),
    kv.get("blocked", metaStore),
  ]);
  notices.sort((a, b) => a.at - b.at);
  return {
    waiting: actions.length,
    notices,
    blocked: Boolean(blocked),
    courses: courses.map(({ id, title, url, bytes, version }) => ({ id, title, url, bytes, version })),
  };
}

async function broadcast() {
  const current = await state();
  for (const client of await self.clients.matchAll({ type: "window" })) {
    client.postMessage({ type: "state", state: current });
  }
}

async function clearAll() {
  await caches.delete(SAVED);
  await Promise.all([queueStore, courseStore, noticeStore, metaStore].map((s) => kv.clear(s)));
}

async function hello(message) {
  if (!message.owner) return;
  const owner = await kv.get("owner", metaStore);
  // Someone else signed in on this phone: nothing of the last person's is shown to her.
  if (owner && owner !== message.owner) await clearAll();
  await kv.setMany([["owner", message.owner], ["csrf", message.csrf], ["blocked", false]], metaStore);
}

// --- Sending what she did offline, each action once -------------------------------------------

function requestFor(action, csrf) {
  // `created` goes too: the server records when she did it, not when it arrived.
  const { photos, sync, ...sent } = action; // eslint-disable-line no-unused-vars
  const headers = { "X-CSRFToken": csrf || "", Accept: "application/json" };
  if (photos && photos.length) {
    const form = new FormData();
    sent.photos = photos.map((_blob, i) => `photo-${action.id}-${i}`);
    form.append("actions", JSON.stringify([sent]));
    photos.forEach((blob, i) => form.append(sent.photos[i], blob, `photo-${i + 1}.jpg`));
    return { method: "POST", body: form, headers, credentials: "same-origin" };
  }
  headers["Content-Type"] = "application/json";
  return { method: "POST", body: JSON.stringify({ actions: [sent] }), headers, credentials: "same-origin" };
}

// Returns how many actions are still waiting (the network went, or she must log in again).
async function sendAll() {
  const csrf = await kv.get("csrf", metaStore);
  const actions = (await kv.values(queueStore)).sort((a, b) => a.created - b.created);
  for (const [index, action] of actions.entries()) {
    let response;
    try {
      response = await fetch(action.sync, requestFor(action, csrf));
    } catch (error) {
      return actions.length - index;
    }
    if (response.status === 401 || response.status === 403) {
      await kv.set("blocked", true, metaStore);
      return actions.length - index;
    }
    let result = null;
    try {
      result = response.ok ? (await response.json()).results[0] : null;
    } catch (error) {
      result = null;
    }
    if (!result) return actions.length - index; // the server failed: tried again later
    await kv.set(action.id, { ...result, title: action.title || "", at: Date.now() }, noticeStore);
    await kv.del(action.id, queueStore);
  }
  return 0;
}

let sending = null;
function flush() {
  if (!sending) sending = sendAll().finally(() => { sending = null; });
  return sending;
}

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(flush().then(async (left) => {
    await broadcast();
    if (left) throw new Error("still waiting"); // the browser tries the sync again later
  }));
});

// --- Saving a course ----------------------------------------------------------------------------

async function urlsOfOtherCourses(id) {
  const urls = new Set(C.kept);
  for (const course of await kv.values(courseStore)) {
    if (course.id !== id) course.urls.forEach((url) => urls.add(url));
  }
  return urls;
}

async function inPool(items, size, work) {
  const left = items.slice();
  let failure = null;
  const worker = async () => {
    while (left.length && !failure) {
      try {
        await work(left.shift());
      } catch (error) {
        failure = failure || error;
      }
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  if (failure) throw failure;
}

async function store(manifestUrl, course, report) {
  const cache = await caches.open(SAVED);
  const others = await urlsOfOtherCourses(course.id);
  const previous = await kv.get(course.id, courseStore);
  const total = course.pages.length + course.images.length;
  const fetched = [];
  let bytes = 0;
  let done = 0;
  const keep = async (url, optional) => {
    let response = null;
    try {
      response = await fetch(url, { credentials: "same-origin" });
    } catch (error) {
      if (!optional) throw error;
    }
    if (response && response.ok && !response.redirected) {
      const body = await response.blob();
      await cache.put(url, new Response(body, { status: 200, headers: response.headers }));
      fetched.push(url);
      bytes += body.size;
    } else if (!optional) {
      throw new Error("not saved: " + url);
    }
    done += 1;
    if (report) report({ progress: true, done, total });
  };
  try {
    await inPool(course.pages, 3, (url) => keep(url, false));
    // An image that cannot be fetched does not stop the course from being saved.
    await inPool(course.images, 3, (url) => keep(url, true));
  } catch (error) {
    for (const url of fetched) {
      if (!others.has(url) && !(previous && previous.urls.includes(url))) await cache.delete(url);
    }
    return { error: error && error.name === "QuotaExceededError" ? "quota" : "network" };
  }
  const record = {
    id: course.id, title: course.title, url: course.url, version: course.version,
    manifest: manifestUrl, urls: fetched, bytes, saved: Date.now(),
  };
  if (previous) {
    for (const url of previous.urls) {
      if (!fetched.includes(url) && !others.has(url)) await cache.delete(url);
    }
  }
  try {
    await kv.set(course.id, record, courseStore);
  } catch (error) {
    return { error: error && error.name === "QuotaExceededError" ? "quota" : "network" };
  }
  return { ok: true, bytes };
}

async function fetchManifest(url) {
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
  if (!response.ok || response.redirected) throw new Error("manifest");
  return response.json();
}

async function saveCourse(manifestUrl, report) {
  let course;
  try {
    course = await fetchManifest(manifestUrl);
  } catch (error) {
    return { error: "network" };
  }
  return store(manifestUrl, course, report);
}

async function removeCourse(id) {
  const course = await kv.get(id, courseStore);
  if (!course) return;
  const cache = await caches.open(SAVED);
  const others = await urlsOfOtherCourses(id);
  for (const url of course.urls) if (!others.has(url)) await cache.delete(url);
  await kv.del(id, courseStore);
}

// Her /learn/ page opens offline even before she saved a course.
async function keepHome(url) {
  if (!C.kept.includes(url) || (await isSaved(new Request(url)))) return;
  try {
    const response = await fetch(url, { credentials: "same-origin" });
    if (response.ok && !response.redirected) await (await caches.open(SAVED)).put(url, response);
  } catch (error) {
    // offline: kept the next time she opens it
  }
}

// Saved courses follow the editors: when a course's version changed, it is fetched again.
async function refreshCourses(force) {
  const last = (await kv.get("refreshed", metaStore)) || 0;
  if (!force && Date.now() - last < REFRESH_EVERY) return;
  await kv.set("refreshed", Date.now(), metaStore);
  for (const saved of await kv.values(courseStore)) {
    try {
      const course = await fetchManifest(saved.manifest);
      if (course.version !== saved.version) await store(saved.manifest, course, null);
    } catch (error) {
      // offline or signed out: tried again on a later page
    }
  }
}

// --- The pages' questions -------------------------------------------------------------------------

async function handle(message, reply, later) {
  switch (message.type) {
    case "hello":
      // Again here: the old version may have opened its cache once more while it finished.
      await deleteOldShells();
      await hello(message);
      if (message.online && message.owner) {
        later(flush().then(() => keepHome(message.home)).then(() => refreshCourses(false)).then(broadcast));
      }
      return state();
    case "queue":
      await kv.set(message.action.id, message.action, queueStore);
      if (self.registration.sync) {
        try {
          await self.registration.sync.register(SYNC_TAG);
        } catch (error) {
          // no background sync: sent when a page opens online
        }
      }
      if (message.online) later(flush().then(broadcast));
      return state();
    case "flush":
      await flush();
      return state();
    case "refresh":
      await refreshCourses(true);
      return state();
    case "save":
      return { ...(await saveCourse(message.manifest, reply)), state: await state() };
    case "remove":
      await removeCourse(message.id);
      return state();
    case "dismiss":
      await kv.del(message.id, noticeStore);
      return state();
    case "clear":
      await clearAll();
      return state();
    default:
      return state();
  }
}

self.addEventListener("message", (event) => {
  const port = event.ports && event.ports[0];
  const reply = (data) => port && port.postMessage(data);
  const later = (promise) => event.waitUntil(promise.catch(() => null));
  event.waitUntil(
    handle(event.data || {}, reply, later).then(reply, (error) =>
      reply({ error: String((error && error.name) || error) })),
  );
});
