"""Short-lived check-in codes: a signed QR token and a typed six-digit code.

Both are bound to one session and one day and to a 30-second time step.
A code is accepted during its own step and a short grace after it rotates
(the seconds between a phone reading the QR and the request arriving);
a photo of the code forwarded later is refused.
"""

import datetime as dt
import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

STEP_SECONDS = 30
GRACE_SECONDS = 10
SALT = "attendance.check-in"


def current_step(now: float | None = None) -> int:
    return int((time.time() if now is None else now) // STEP_SECONDS)


def seconds_left(now: float | None = None) -> int:
    now = time.time() if now is None else now
    return int(STEP_SECONDS - now % STEP_SECONDS)


def is_fresh(step: int, now: float | None = None) -> bool:
    now = time.time() if now is None else now
    step_ends = (step + 1) * STEP_SECONDS
    return step * STEP_SECONDS <= now + 1 and now <= step_ends + GRACE_SECONDS


def make_token(session_id: int, day: dt.date, step: int | None = None) -> str:
    step = current_step() if step is None else step
    return signing.dumps([session_id, day.isoformat(), step], salt=SALT, compress=False)


@dataclass(frozen=True)
class TokenData:
    session_id: int
    day: dt.date
    step: int

    @property
    def fresh(self) -> bool:
        return is_fresh(self.step)


def read_token(token: str) -> TokenData | None:
    """The token's content when its signature is good; None for anything forged or mangled."""
    try:
        session_id, day, step = signing.loads(token, salt=SALT)
        return TokenData(int(session_id), dt.date.fromisoformat(day), int(step))
    except (signing.BadSignature, ValueError, TypeError):
        return None


def short_code(session_id: int, day: dt.date, step: int | None = None) -> str:
    step = current_step() if step is None else step
    message = f"{SALT}:{session_id}:{day.isoformat()}:{step}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:4], 'big') % 1_000_000:06d}"


def short_code_matches(code: str, session_id: int, day: dt.date, now: float | None = None) -> bool:
    """The current code, or the previous one within the grace after rotation."""
    now = time.time() if now is None else now
    step = current_step(now)
    candidates = [step] + ([step - 1] if is_fresh(step - 1, now) else [])
    return any(
        hmac.compare_digest(code, short_code(session_id, day, candidate))
        for candidate in candidates
    )


SEEN_SALT = "attendance.check-in.seen"


def seen_proof(token: str, user_id: int) -> str:
    """Signed and timestamped: this person opened this code while it was current.

    The confirm form carries it, so a signed-in scan needs no session write; a code that
    rotates before the person taps confirm is still accepted within max_age.
    """
    return signing.dumps([token, user_id], salt=SEEN_SALT, compress=False)


def seen_proof_matches(proof: str, token: str, user_id: int, max_age: int) -> bool:
    try:
        return signing.loads(proof, salt=SEEN_SALT, max_age=max_age) == [token, user_id]
    except (signing.BadSignature, ValueError, TypeError):
        return False
