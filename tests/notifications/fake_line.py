"""A local stand-in for the LINE Messaging API (the one fake the suite allows: LINE is
outside this machine). It checks each request the way LINE documents it and records it.

- ``POST /v2/bot/message/push`` and ``/v2/bot/message/reply``
- ``Authorization: Bearer <channel access token>``, ``Content-Type: application/json``
- push body ``{"to": userId, "messages": [{"type": "text", "text": ...}]}``, 1-5 messages,
  each text 1-5,000 characters; ``X-Line-Retry-Key`` a UUID, a key seen before answers 409
- ``fail_next(500, 429, ...)`` makes the next requests fail with those statuses.
"""

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict
    body: dict
    status: int


@dataclass
class FakeLine:
    token: str
    requests: list[Received] = field(default_factory=list)
    failures: list[int] = field(default_factory=list)
    retry_keys: set = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    url: str = ""

    def fail_next(self, *statuses: int) -> None:
        self.failures.extend(statuses)

    @property
    def pushes(self) -> list[Received]:
        """The pushes LINE accepted (200)."""
        return [r for r in self.requests if r.path == "/v2/bot/message/push" and r.status == 200]

    def pushed_to(self, line_user_id: str) -> list[str]:
        to_them = [r for r in self.pushes if r.body["to"] == line_user_id]
        return [m["text"] for r in to_them for m in r.body["messages"]]

    def answer(self, path: str, headers: dict, raw: bytes) -> tuple[int, dict]:
        problems = self._check(path, headers, raw)
        body = json.loads(raw or b"{}") if not problems else {}
        if problems:
            self.problems.extend(problems)
            status, reply = 400, {"message": "; ".join(problems)}
        elif self.failures:
            status, reply = self.failures.pop(0), {"message": "failing as told"}
        elif path.endswith("/push") and headers.get("x-line-retry-key") in self.retry_keys:
            status, reply = 409, {"message": "The retry key is already accepted"}
        else:
            if path.endswith("/push"):
                self.retry_keys.add(headers.get("x-line-retry-key"))
            status, reply = 200, {"sentMessages": [{"id": "1", "quoteToken": "q"}]}
        self.requests.append(Received(path, headers, body, status))
        return status, reply

    def _check(self, path: str, headers: dict, raw: bytes) -> list[str]:
        problems = []
        if path not in ("/v2/bot/message/push", "/v2/bot/message/reply"):
            return [f"unknown endpoint {path}"]
        if headers.get("authorization") != f"Bearer {self.token}":
            problems.append("Authorization is not Bearer <channel access token>")
        if not headers.get("content-type", "").startswith("application/json"):
            problems.append("Content-Type is not application/json")
        try:
            body = json.loads(raw)
        except ValueError:
            return [*problems, "body is not JSON"]
        target = "to" if path.endswith("/push") else "replyToken"
        if not isinstance(body.get(target), str) or not body[target]:
            problems.append(f"no {target}")
        messages = body.get("messages")
        if not isinstance(messages, list) or not 1 <= len(messages) <= 5:
            return [*problems, "messages must be a list of 1-5"]
        for message in messages:
            if message.get("type") != "text":
                problems.append("message type is not text")
            text = message.get("text")
            if not isinstance(text, str) or not 1 <= len(text) <= 5000:
                problems.append("text must be 1-5000 characters")
        key = headers.get("x-line-retry-key")
        if path.endswith("/push") and key is not None:
            try:
                uuid.UUID(key)
            except ValueError:
                problems.append("X-Line-Retry-Key is not a UUID")
        return problems


def start(token: str) -> tuple[FakeLine, ThreadingHTTPServer]:
    fake = FakeLine(token=token)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, reply = fake.answer(self.path, headers, raw)
            payload = json.dumps(reply).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server
