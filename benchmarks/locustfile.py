"""The mixed load of benchmarks/load.py: who does what (locust user classes).

Not for running alone: load.py writes the plan (signed-in session cookies, ids, codes)
to the file named by LOAD_PLAN and reads the results from LOAD_RESULT. Weights give
about 60% learners, 10% facilitators, 10% coordinators and 20% anonymous visitors.
"""

import json
import os
import random
import re
from collections import Counter

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["LOAD_PLAN"]).read())  # noqa: SIM115
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HAND_IN_TEXT = "รายงานความก้าวหน้าของทีม (simulated load)"
SERVER_ERRORS: Counter = Counter()
CONNECTION_ERRORS: Counter = Counter()


def _check_in_token(session_id: int, day: str) -> str:
    """The QR code on the projector now (attendance.tokens, with the server's key)."""
    from django.conf import settings

    if not settings.configured:
        settings.configure(SECRET_KEY=PLAN["secret_key"], USE_TZ=True)
    from django.core import signing

    from attendance import tokens

    step = tokens.current_step()
    return signing.dumps([session_id, day, step], salt=tokens.SALT, compress=False)


@events.request.add_listener
def _count_errors(request_type, name, response_time, response_length, response=None,
                  exception=None, **kwargs):  # fmt: skip
    status = getattr(response, "status_code", 0) or 0
    if status >= 500:
        SERVER_ERRORS[name] += 1
    elif exception is not None and not status:
        CONNECTION_ERRORS[name] += 1


@events.quitting.add_listener
def _write_results(environment, **kwargs):
    rows = []
    for entry in environment.stats.entries.values():
        rows.append({
            "name": entry.name, "method": entry.method, "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50": entry.get_response_time_percentile(0.50) or 0,
            "p95": entry.get_response_time_percentile(0.95) or 0,
            "server_errors": SERVER_ERRORS[entry.name],
            "connection_errors": CONNECTION_ERRORS[entry.name],
        })  # fmt: skip
    with open(os.environ["LOAD_RESULT"], "w") as out:
        json.dump({"endpoints": rows}, out)


class Person(HttpUser):
    abstract = True
    wait_time = between(2, 5)
    cookies: dict = {}

    def on_start(self):
        self.client.cookies.update(self.cookies)

    def csrf_from(self, url: str, name: str) -> str:
        page = self.client.get(url, name=name)
        found = CSRF.search(page.text or "")
        return found.group(1) if found else ""


class Learner(Person):
    weight = 6

    def on_start(self):
        self.me = random.choice(PLAN["learners"])
        self.cookies = self.me["cookies"]
        super().on_start()

    @task(4)
    def portal(self):
        self.client.get("/me/", name="/me/")

    @task(2)
    def session_page(self):
        session = random.choice(PLAN["sessions"])
        self.client.get(f"/me/sessions/{session}/", name="/me/sessions/[id]/")

    @task(2)
    def check_in(self):
        checkin = PLAN["check_in"]
        url = f"/attendance/check-in/{_check_in_token(checkin['session'], checkin['day'])}/"
        token = self.csrf_from(url, "/attendance/check-in/[token]/ (scan)")
        with self.client.post(
            url, data={"csrfmiddlewaretoken": token}, catch_response=True,
            headers={"Referer": self.host + url}, name="/attendance/check-in/[token]/ (confirm)",
        ) as answer:  # fmt: skip
            if answer.status_code == 409:  # checked in already: the answer a phone gets
                answer.success()

    @task(1)
    def hand_in(self):
        if not self.me["assignments"]:
            return
        pk = random.choice(self.me["assignments"])
        token = self.csrf_from(f"/me/assignments/{pk}/", "/me/assignments/[id]/")
        self.client.post(
            f"/me/assignments/{pk}/submit/", name="/me/assignments/[id]/submit/",
            data={"csrfmiddlewaretoken": token, "action": "submit", "text": HAND_IN_TEXT},
            headers={"Referer": f"{self.host}/me/assignments/{pk}/"},
        )  # fmt: skip


class Facilitator(Person):
    weight = 1

    def on_start(self):
        self.cookies = PLAN["facilitator"]
        super().on_start()

    @task(1)
    def queue(self):
        self.client.get("/review/", name="/review/")

    @task(2)
    def review(self):
        pk = random.choice(PLAN["reviews"])
        self.client.get(f"/review/{pk}/", name="/review/[id]/")


class Coordinator(Person):
    weight = 1

    def on_start(self):
        self.cookies = PLAN["coordinator"]
        super().on_start()

    @task
    def admin_page(self):
        name, url = random.choice(PLAN["admin_pages"])
        self.client.get(url, name=name)


class Visitor(HttpUser):
    weight = 2
    wait_time = between(2, 5)

    @task
    def public_page(self):
        name, url = random.choice(PLAN["public_pages"])
        self.client.get(url, name=name)
