// Wagtail's date pickers with a yearOffset (the Buddhist Era in the Thai admin; see
// core/admin_dates.py). The field reads 2569-12-12 while the picker's calendar is the
// real 2026 one. Wagtail's onGenerate ("hideCurrent") compares new Date(field value) with
// the picker's day, reads 2569 as the year 2569 CE, and so unmarks the saved day every
// time the picker is opened. This file wraps Wagtail's init functions (loaded just before
// it, as the widget's media) so that pickers with a yearOffset get a comparison that reads
// the field's year back first. StreamField blocks look the init functions up on window
// when they draw a picker, so they get it too.
(function () {
  "use strict";
  var FIELD = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/;

  function fieldDay(text, offset) {
    var match = FIELD.exec(text || "");
    if (!match) return null;
    var year = parseInt(match[1], 10);
    if (year >= 2400) year -= offset; // the same rule as typed_year_to_gregorian
    return new Date(year, parseInt(match[2], 10) - 1, parseInt(match[3], 10));
  }

  function sameDay(a, b) {
    return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() &&
      a.getDate() === b.getDate();
  }

  function markSavedDay(offset) {
    return function (current, $input) {
      var saved = fieldDay($input[0].value, offset);
      if (!saved || !sameDay(saved, current)) {
        window.jQuery(this).find(".xdsoft_datepicker .xdsoft_current:not(.xdsoft_today)")
          .removeClass("xdsoft_current");
      }
    };
  }

  ["initDateChooser", "initDateTimeChooser"].forEach(function (name) {
    var init = window[name];
    if (typeof init !== "function" || init.buddhistEra) return;
    var wrapped = function (id, config) {
      if (config && config.yearOffset) {
        config = Object.assign({}, config, { onGenerate: markSavedDay(config.yearOffset) });
      }
      return init(id, config);
    };
    wrapped.buddhistEra = true;
    window[name] = wrapped;
  });
})();
