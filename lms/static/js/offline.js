// Offline support on the learner's pages (courses/offline): registers the service worker, shows
// the offline banner, how many actions wait and what the server answered, saves and removes a
// course, queues what she does with no network, and clears the phone when she signs out. The
// work happens in the service worker (js/offline-sw.js); every text comes from the page.
(function () {
  var box = document.getElementById("offline");
  if (!box || !("serviceWorker" in navigator) || !window.Promise || !window.MessageChannel) return;
  var d = box.dataset;
  var banner = box.querySelector("[data-banner]");
  var waiting = box.querySelector("[data-count]");
  var notices = box.querySelector("[data-notices]");

  navigator.serviceWorker.register(d.sw, { scope: "/" }).catch(function () {});

  function ask(message, onProgress, patience) {
    message.online = navigator.onLine;
    var answer = navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          var data = event.data || {};
          if (data.progress) { if (onProgress) onProgress(data); } else resolve(data);
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
    if (!patience) return answer;
    return Promise.race([answer, new Promise(function (resolve) {
      setTimeout(function () { resolve({ timeout: true }); }, patience);
    })]);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function show(state) {
    if (!state || state.waiting === undefined) return;
    waiting.hidden = !state.waiting;
    waiting.textContent = d.waiting.replace("%(n)s", state.waiting);
    notices.textContent = "";
    state.notices.forEach(function (notice) {
      var item = el("li", notice.title ? notice.title + ": " : "", notice.status === "done" ? "" : "error");
      item.appendChild(document.createTextNode(notice.message + " "));
      if (notice.url) {
        var link = el("a", d.open);
        link.href = notice.url;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
      }
      var ok = el("button", d.dismiss, "btn secondary");
      ok.type = "button";
      ok.addEventListener("click", function () { ask({ type: "dismiss", id: notice.id }).then(show); });
      item.appendChild(ok);
      notices.appendChild(item);
    });
    if (state.blocked && state.waiting) notices.appendChild(el("li", d.blocked, "error"));
    notices.hidden = !notices.children.length;
    document.dispatchEvent(new CustomEvent("offline-state", { detail: state }));
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "state") show(event.data.state);
  });

  function network() {
    banner.hidden = navigator.onLine;
    if (navigator.onLine) ask({ type: "flush" }).then(show);
  }
  window.addEventListener("online", network);
  window.addEventListener("offline", network);
  banner.hidden = navigator.onLine;
  ask({ type: "hello", owner: d.owner, csrf: d.csrf, home: d.home }).then(show);

  // --- What she does with no network -------------------------------------------------------------

  function uid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  function queue(action) {
    action.id = uid();
    action.sync = d.sync;
    action.created = Date.now();
    return ask({ type: "queue", action: action }).then(function (state) { show(state); return state; });
  }
  window.offlineQueue = queue;

  function replaceWith(form, text) {
    var note = el("p", text, "ok");
    note.setAttribute("role", "status");
    form.replaceWith(note);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var kind = form.dataset.offlineAction;
    if (form.id === "logout-form") return signOut(event, form);
    if (kind === "quiz") {
      event.preventDefault();
      var answers = {};
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (input) {
        var id = input.name.slice(1);
        (answers[id] = answers[id] || []).push(input.value);
      });
      queue({
        kind: "quiz", quiz: form.dataset.quiz, lesson: form.dataset.lesson || null,
        questions: form.dataset.questions, answers: answers, title: form.dataset.title,
      })
        .then(function () { replaceWith(form, d.queuedQuiz); });
      return;
    }
    if (navigator.onLine) return;
    if (kind === "lesson" && navigator.serviceWorker.controller) {
      event.preventDefault();
      queue({ kind: "lesson", lesson: form.dataset.lesson, title: form.dataset.title })
        .then(function () { replaceWith(form, d.queued); });
    } else if (form.dataset.offlineHref) {
      event.preventDefault();
      location.href = form.dataset.offlineHref;
    } else if (form.dataset.offlineRefuse !== undefined) {
      event.preventDefault();
      form.replaceWith(el("p", d.timed, "flag"));
    }
  });

  // --- Saving a course -------------------------------------------------------------------------

  function size(bytes) {
    return bytes > 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB";
  }

  var saver = document.querySelector("[data-offline-course]");
  if (saver) {
    var id = Number(saver.dataset.offlineCourse);
    var save = saver.querySelector("[data-save]");
    var remove = saver.querySelector("[data-remove]");
    var bar = saver.querySelector("progress");
    var status = saver.querySelector("[data-status]");
    var busy = false;
    saver.hidden = false;
    document.addEventListener("offline-state", function (event) {
      if (busy) return;
      var saved = event.detail.courses.filter(function (c) { return c.id === id; })[0];
      remove.hidden = !saved;
      save.hidden = Boolean(saved);
      status.textContent = saved ? d.saved.replace("%(size)s", size(saved.bytes)) : "";
    });
    save.addEventListener("click", function () {
      busy = true;
      save.disabled = true;
      bar.hidden = false;
      bar.value = 0;
      status.textContent = d.saving;
      ask({ type: "save", manifest: saver.dataset.manifest }, function (p) {
        bar.value = Math.round((100 * p.done) / p.total);
      }).then(function (answer) {
        busy = false;
        save.disabled = false;
        bar.hidden = true;
        show(answer.state);
        if (answer.error) status.textContent = answer.error === "quota" ? d.quota : d.failed;
      });
    });
    remove.addEventListener("click", function () {
      ask({ type: "remove", id: id }).then(function (state) {
        show(state);
        status.textContent = d.removed;
      });
    });
  }

  // The offline page lists what is saved on this phone.
  var list = document.getElementById("offline-saved");
  if (list) {
    document.addEventListener("offline-state", function (event) {
      list.textContent = "";
      event.detail.courses.forEach(function (course) {
        var item = el("li");
        var link = el("a", course.title);
        link.href = course.url;
        item.appendChild(link);
        list.appendChild(item);
      });
      document.getElementById("offline-none").hidden = Boolean(event.detail.courses.length);
    });
  }

  // --- Signing out clears the phone --------------------------------------------------------------

  var confirmed = false;
  function signOut(event, form) {
    if (form.dataset.cleared) return;
    event.preventDefault();
    ask({ type: "state" }, null, 3000).then(function (state) {
      var warning = document.getElementById("logout-warning");
      if (state.waiting && !confirmed) {
        confirmed = true;
        warning.textContent = warning.dataset.text.replace("%(n)s", state.waiting);
        warning.hidden = false;
        return;
      }
      return ask({ type: "clear" }, null, 5000).then(function () {
        try {
          Object.keys(localStorage).forEach(function (key) {
            if (key.indexOf("task-draft:") === 0) localStorage.removeItem(key);
          });
        } catch (e) { /* nothing kept */ }
        form.dataset.cleared = "1";
        form.submit();
      });
    });
  }
})();
