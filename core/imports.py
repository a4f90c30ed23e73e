"""The one import flow: upload a table, preview every row with its problems (nothing
written), confirm to apply the clean rows. Each app supplies read, check, apply and its
template by subclassing ImportView; the transaction lives in the app's service."""

import time
import uuid

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View

from core.tables import ImportFileError

STASH_MAX_AGE = 60 * 60  # seconds a preview may wait for its confirm


class ImportStash:
    """Uploaded rows kept in the person's session between preview and confirm.

    A batch is handed back only to the person who uploaded it, for the same target (cohort,
    session, ...), within max_age seconds; anything else reads as expired."""

    def __init__(self, request, key: str, *, max_age: int = STASH_MAX_AGE):
        self.request, self.key, self.max_age = request, key, max_age

    def put(self, *, target: int, payload: dict) -> str:
        """Keep one batch (a new upload replaces the person's earlier one); return its id."""
        batch = uuid.uuid4().hex
        entry = {"user": self.request.user.pk, "target": target, "at": time.time()}
        self.request.session[self.key] = {batch: {**entry, "payload": payload}}
        return batch

    def get(self, batch: str, *, target: int) -> dict | None:
        entry = self.request.session.get(self.key, {}).get(batch)
        if not isinstance(entry, dict) or not isinstance(entry.get("payload"), dict):
            return None
        fresh = time.time() - entry.get("at", 0) <= self.max_age
        mine = entry.get("user") == self.request.user.pk and entry.get("target") == target
        return entry["payload"] if fresh and mine else None

    def discard(self, batch: str) -> None:
        stash = self.request.session.get(self.key, {})
        stash.pop(batch, None)
        self.request.session[self.key] = stash


class ImportView(View):
    """Override get_target (with its permission check), upload_form, read, check, apply and
    done; optionally options, stash_extra, preview_context and confirm_form_class."""

    stash_key = ""
    template_name = ""
    confirm_form_class = None

    # What each app supplies.
    def get_target(self, request, **kwargs):
        """The object imported into; raise PermissionDenied for a person who may not."""
        raise NotImplementedError

    def upload_form(self, data=None, files=None, options=None):
        raise NotImplementedError

    def read(self, name: str, content: bytes) -> list[dict]:
        raise NotImplementedError

    def check(self, records: list[dict], options: dict) -> list:
        raise NotImplementedError

    def apply(self, payload: dict, confirmed: dict):
        raise NotImplementedError

    def done(self, result, payload: dict):
        """The response after applying: a redirect, or the page showing the result."""
        raise NotImplementedError

    def options(self, cleaned_data: dict) -> dict:
        """The upload form's choices kept with the rows (JSON-safe)."""
        return {}

    def stash_extra(self, rows: list) -> dict:
        """What the preview showed that confirm must respect (JSON-safe)."""
        return {}

    def preview_context(self, rows: list, batch: str) -> dict:
        return {"rows": rows, "batch": batch}

    def context(self) -> dict:
        return {}

    # The flow.
    def dispatch(self, request, *args, **kwargs):
        self.target = self.get_target(request, **kwargs)
        self.stash = ImportStash(request, self.stash_key)
        return super().dispatch(request, *args, **kwargs)

    def render(self, **context):
        return TemplateResponse(self.request, self.template_name, {**self.context(), **context})

    def get(self, request, *args, **kwargs):
        return self.render(form=self.upload_form())

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "confirm":
            return self.confirm()
        form = self.upload_form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form=form)
        upload = form.cleaned_data["file"]
        try:
            records = self.read(upload.name, upload.read())
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.render(form=form)
        options = self.options(form.cleaned_data)
        rows = self.check(records, options)
        payload = {"records": records, "options": options, **self.stash_extra(rows)}
        batch = self.stash.put(target=self.target.pk, payload=payload)
        return self.render(form=form, **self.preview_context(rows, batch))

    def confirm(self):
        batch = self.request.POST.get("batch", "")
        payload = self.stash.get(batch, target=self.target.pk)
        if payload is None or not isinstance(payload.get("records"), list):
            messages.error(self.request, _("That preview has expired; upload the file again."))
            return redirect(self.request.path)
        confirm = self.confirm_form_class(self.request.POST) if self.confirm_form_class else None
        if confirm is not None and not confirm.is_valid():
            rows = self.check(payload["records"], payload["options"])
            context = self.preview_context(rows, batch)
            form = self.upload_form(options=payload["options"])
            return self.render(form=form, **{**context, "confirm": confirm})
        result = self.apply(payload, confirm.cleaned_data if confirm else {})
        self.stash.discard(batch)
        return self.done(result, payload)
