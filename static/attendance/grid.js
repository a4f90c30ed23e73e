// Attendance grid: keyboard marking and a live refresh of statuses (QR check-ins).
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var grid = document.querySelector(".att-grid");
  if (!grid) return;
  // Physical keys (event.code), so the shortcuts work whatever the keyboard layout:
  // with the Thai layout the P key types "ย", but its code is still KeyP.
  var KEYS = { KeyP: "present", KeyL: "late", KeyE: "excused", KeyA: "absent" };
  var focusAfterSwap = null; // {row: id, element: the row being replaced}
  // Marks sent or answered since a refresh began: its statuses may predate them, and
  // applying them would blank a mark just made (seen on a loaded machine), so it is dropped.
  var marks = 0;

  grid.addEventListener("keydown", function (event) {
    var row = event.target.closest && event.target.closest(".att-row");
    if (!row || event.ctrlKey || event.metaKey || event.altKey) return;
    var status = KEYS[event.code];
    if (status) {
      var button = row.querySelector('.att-btn[data-status="' + status + '"]');
      if (button) { event.preventDefault(); button.click(); }
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var next = event.key === "ArrowDown" ? row.nextElementSibling : row.previousElementSibling;
      if (next) {
        event.preventDefault();
        var same = next.querySelector('.att-btn[data-status="' + (event.target.dataset.status || "present") + '"]');
        (same || next).focus();
      }
    }
  });

  // The row is replaced by the server's (outerHTML): the element that had the focus is
  // gone, so remember where the focus was and put it back in the new row by its id.
  // After a mark, the "n / N marked" count is read again soon (debounced), not only every 5 s.
  var soon = null;
  grid.addEventListener("htmx:afterRequest", function () {
    marks += 1;
    clearTimeout(soon);
    soon = setTimeout(refresh, 400);
  });
  grid.addEventListener("htmx:beforeRequest", function (event) {
    marks += 1;
    var row = event.detail.elt.closest && event.detail.elt.closest(".att-row");
    if (row && row.contains(document.activeElement)) {
      focusAfterSwap = { row: row.id, element: row };
    }
  });
  // At the swap itself (not after htmx's settle delay), and only if the focus went with the
  // replaced row: a facilitator who already moved on (P, then ArrowDown before the answer)
  // keeps the focus where it is, and the next key marks the row they moved to.
  document.body.addEventListener("htmx:afterSwap", function () {
    if (!focusAfterSwap) return;
    var row = document.getElementById(focusAfterSwap.row);
    if (row === focusAfterSwap.element) return; // another row was swapped: still waiting
    focusAfterSwap = null;
    var active = document.activeElement;
    if (!row || (active && active !== document.body && active.isConnected)) return;
    var button = row.querySelector(".att-btn.is-current") || row.querySelector(".att-btn");
    if (button) button.focus();
  });

  function apply(statuses) {
    grid.querySelectorAll(".att-row").forEach(function (row) {
      var status = statuses[row.dataset.enrolment] || "";
      if (row.dataset.status === status) return;
      if (!row.contains(document.activeElement) && window.htmx) {
        // Nobody is working in this row: fetch it whole (method and time of check-in too).
        window.htmx.ajax("GET", row.dataset.rowUrl, { target: row, swap: "outerHTML" });
        return;
      }
      row.dataset.status = status;
      row.className = "att-row" + (status ? " att-row-" + status : "");
      row.querySelectorAll(".att-btn").forEach(function (button) {
        var on = button.dataset.status === status;
        button.classList.toggle("is-current", on);
        button.classList.toggle("button-secondary", !on);
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  }

  function refresh() {
    var seen = marks;
    fetch(grid.dataset.statusesUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || seen !== marks) return; // the next refresh, five seconds on, applies
        apply(data.statuses);
        var marked = document.getElementById("att-marked");
        if (marked) marked.textContent = data.marked;
      })
      .catch(function () {});
  }
  setInterval(refresh, 5000);
});
