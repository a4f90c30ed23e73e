// Attendance grid: keyboard marking and a live refresh of statuses (QR check-ins).
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var grid = document.querySelector(".att-grid");
  if (!grid) return;
  var KEYS = { p: "present", l: "late", e: "excused", a: "absent" };

  grid.addEventListener("keydown", function (event) {
    var row = event.target.closest && event.target.closest(".att-row");
    if (!row || event.ctrlKey || event.metaKey || event.altKey) return;
    var status = KEYS[event.key.toLowerCase()];
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

  // After a swap, keep the focus in the row that was just marked.
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var row = event.detail.target;
    if (row && row.classList && row.classList.contains("att-row")) {
      var current = row.querySelector(".att-btn.is-current") || row.querySelector(".att-btn");
      if (current) current.focus();
    }
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
    fetch(grid.dataset.statusesUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        apply(data.statuses);
        var marked = document.getElementById("att-marked");
        if (marked) marked.textContent = data.marked;
      })
      .catch(function () {});
  }
  setInterval(refresh, 5000);
});
