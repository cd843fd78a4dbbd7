// Handing in a practical task on a slow link: photos are scaled down in the phone before they
// leave it (long edge at most 1600 px, JPEG), the upload shows its progress and is tried again
// when the network drops, and what she typed stays in the phone until the server has it.
(function () {
  var form = document.getElementById("task-form");
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.Promise) return;
  var input = form.querySelector('input[type="file"][name="photos"]');
  var text = form.querySelector('textarea[name="text"]');
  var key = "task-draft:" + location.pathname;
  var LONG_EDGE = 1600;

  if (text) {
    try {
      var kept = localStorage.getItem(key);
      if (kept && !text.value) text.value = kept;
      text.addEventListener("input", function () { localStorage.setItem(key, text.value); });
    } catch (e) { /* private mode: the server keeps the draft */ }
  }

  var progress = document.createElement("progress");
  progress.max = 100;
  progress.value = 0;
  progress.hidden = true;
  progress.className = "upload-progress";
  var status = document.createElement("p");
  status.setAttribute("role", "status");
  status.className = "upload-status";
  form.appendChild(progress);
  form.appendChild(status);

  function say(message) { status.textContent = message; }

  function scaled(file) {
    return new Promise(function (resolve) {
      if (!/^image\/(jpeg|png|webp)$/.test(file.type) || !window.createImageBitmap) {
        return resolve(file);
      }
      createImageBitmap(file).then(function (bitmap) {
        var ratio = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
        if (ratio === 1 && file.size < 1024 * 1024) return resolve(file);
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(bitmap.width * ratio);
        canvas.height = Math.round(bitmap.height * ratio);
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          if (!blob) return resolve(file);
          var name = file.name.replace(/\.[^.]*$/, "") + ".jpg";
          resolve(new File([blob], name, { type: "image/jpeg" }));
        }, "image/jpeg", 0.8);
      }).catch(function () { resolve(file); });
    });
  }

  var sending = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (sending) return;
    sending = true;
    var data = new FormData(form);
    var button = event.submitter;
    if (button && button.name) data.set(button.name, button.value);
    var files = input ? Array.prototype.slice.call(input.files) : [];
    data.delete("photos");
    if (files.length) say(form.dataset.preparing);
    Promise.all(files.map(scaled)).then(function (photos) {
      if (!navigator.onLine && window.offlineQueue && navigator.serviceWorker.controller) {
        return keep(photos, button);
      }
      photos.forEach(function (photo) { data.append("photos", photo, photo.name); });
      send(data, 0);
    });
  });

  // No network: her work is queued on the phone (js/offline.js) and sent once it is back.
  function keep(photos, button) {
    window.offlineQueue({
      kind: "task", task: form.dataset.task, text: text ? text.value : "",
      submit: Boolean(button && button.name === "submit"), photos: photos, title: form.dataset.title,
    }).then(function () {
      sending = false;
      if (input) input.value = "";
      say(form.dataset.kept);
    });
  }

  function send(data, tries) {
    var request = new XMLHttpRequest();
    request.open("POST", form.getAttribute("action") || location.href);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    request.upload.onprogress = function (event) {
      if (!event.lengthComputable) return;
      progress.hidden = false;
      progress.value = Math.round((100 * event.loaded) / event.total);
      say(form.dataset.sending + " " + progress.value + "%");
    };
    request.onload = function () {
      if (request.status >= 200 && request.status < 400) {
        try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
        // The page the server answered with, its messages included.
        history.replaceState(null, "", request.responseURL || location.href);
        document.open();
        document.write(request.responseText);
        document.close();
      } else {
        again();
      }
    };
    request.onerror = again;
    request.ontimeout = again;
    function again() {
      if (tries < 4) {
        say(form.dataset.retrying);
        setTimeout(function () { send(data, tries + 1); }, 3000 * (tries + 1));
      } else {
        sending = false;
        progress.hidden = true;
        say(form.dataset.failed);
      }
    }
    request.send(data);
  }
})();
