// The organisation list shows only the chosen province and kind; without script it lists all.
(function () {
  "use strict";
  function ready() {
    var province = document.getElementById("id_province");
    var kind = document.getElementById("id_organisation_kind");
    var organisation = document.getElementById("id_organisation");
    if (!province || !kind || !organisation) return;
    var all = Array.prototype.slice.call(organisation.options).map(function (o) {
      return { value: o.value, text: o.text, province: o.dataset.province, kind: o.dataset.kind };
    });
    function filter() {
      var chosen = organisation.value;
      organisation.innerHTML = "";
      all.forEach(function (o) {
        var keep = !o.value || ((!province.value || o.province === province.value) && (!kind.value || o.kind === kind.value));
        if (keep) {
          var option = new Option(o.text, o.value, false, o.value === chosen);
          organisation.add(option);
        }
      });
    }
    province.addEventListener("change", filter);
    kind.addEventListener("change", filter);
    filter();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
