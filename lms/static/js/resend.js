// "Text me a new code" waits a minute after a code was sent, counting down on the button.
document.querySelectorAll("[data-wait]").forEach(function (button) {
  var label = button.textContent;
  var left = parseInt(button.dataset.wait, 10);
  button.disabled = true;
  function tick() {
    if (left <= 0) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    button.textContent = button.dataset.waitLabel.replace("{s}", left);
    left -= 1;
    setTimeout(tick, 1000);
  }
  tick();
});
