// Small behaviours declared in the HTML, so no page needs an inline script or an
// onclick attribute (the Content-Security-Policy allows neither).
//   <form data-confirm="…"> or <button data-confirm="…">: ask before going on
//   <button data-copy="input-id" data-done="Copied">: copy that input's value
//   <button data-fullscreen>: full screen (the projector page)
//   <input data-select-on-click>: select the text on click (calendar feed links)
//   <a href="#id"> to a section whose content is folded in a <details>: unfold it
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest(
      "button[data-confirm], button[data-copy], [data-fullscreen], input[data-select-on-click]"
    );
    if (!target) return;
    if (target.matches("button[data-confirm]") && !window.confirm(target.dataset.confirm)) {
      event.preventDefault();
    } else if (target.dataset.copy !== undefined) {
      var source = document.getElementById(target.dataset.copy);
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.value);
        target.textContent = target.dataset.done || target.textContent;
      }
    } else if (target.dataset.fullscreen !== undefined) {
      var root = document.documentElement;
      if (root.requestFullscreen) root.requestFullscreen();
    } else if (target.dataset.selectOnClick !== undefined) {
      target.select();
    }
  });
  function unfoldTarget() {
    var id = window.location.hash.slice(1);
    var section = id && document.getElementById(id);
    var folded = section && section.querySelector("details:not([open])");
    if (folded) folded.open = true;
  }
  window.addEventListener("hashchange", unfoldTarget);
  document.addEventListener("DOMContentLoaded", unfoldTarget);
})();
