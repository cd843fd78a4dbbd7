// Phones that can share natively get a share button; others copy the link from the box.
(function () {
  document.querySelectorAll("[data-select-all]").forEach(function (input) {
    input.addEventListener("click", function () { input.select(); });
  });
  if (!navigator.share) return;
  document.querySelectorAll("[data-share]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.dataset.title, url: button.dataset.share }).catch(function () {});
    });
  });
})();
