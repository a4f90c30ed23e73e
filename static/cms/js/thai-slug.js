/* Page addresses in the admin keep Thai vowels and tone marks (cms/slugs.py does the same
   on the server). Wagtail's w-slug controller keeps only \p{L} and \p{N}, so the combining
   marks (\p{M}: ิ ี ึ ุ ู ่ ้ ...) were dropped: ศึกษาดูงาน became ศกษาดงาน. This replaces the
   controller with a subclass whose slugify and urlify keep \p{M}, in NFC. */
(function () {
  "use strict";
  const app = window.wagtail && window.wagtail.app;
  const module = app && app.router.modulesByIdentifier.get("w-slug");
  if (!module) return;
  const Base = module.definition.controllerConstructor;

  function thaiSlug(value) {
    return value
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^-_\p{L}\p{M}\p{N}\s]/gu, "")
      .replace(/[-\s]+/g, "-")
      .replace(/^[-_]+|[-_]+$/g, "")
      .substring(0, 255);
  }

  class ThaiSlugController extends Base {
    slugify(event, { ignoreUpdate = false, runFormat = !ignoreUpdate } = {}) {
      return this.thaiClean(event, "slugify", ignoreUpdate, runFormat);
    }

    urlify(event, { ignoreUpdate = false, runFormat = !ignoreUpdate } = {}) {
      return this.thaiClean(event, "urlify", ignoreUpdate, runFormat);
    }

    thaiClean(event, action, ignoreUpdate, runFormat) {
      const { value = this.element.value } = (event && event.detail) || {};
      const clean = thaiSlug(this.prepareValue(value, { runFormat }));
      if (!ignoreUpdate) this.applyUpdate(action, clean, value);
      return clean;
    }
  }

  app.register("w-slug", ThaiSlugController);
})();
