"""What a Thai reader would see in English: for tests that a screen or email is Thai."""

import re
from html.parser import HTMLParser

# Words that stay in Latin letters in Thai text: names, codes, formats.
ALLOWED = re.compile(
    r"\b(?:English|PDF|QR|TOTP|OTP|ID|URL|CSV|XLSX|ICS|Google|Apple|Microsoft|Authenticator|"
    r"LINE|Wagtail|Senior Urban Developer(?: Programme)?|passkey|e-mail|email)\b",
    re.I,
)
# Three Latin words in a row (letters only, two or more each) read as an English phrase.
PHRASE = re.compile(r"[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}")


class _Text(HTMLParser):
    """Visible text: not scripts, styles, or anything inside an element marked lang="en"."""

    SKIP = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__()
        self.parts, self.stack = [], []

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}:
            return
        attrs = dict(attrs)
        skip = tag in self.SKIP or (attrs.get("lang") or "").startswith("en")
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not any(skip for _, skip in self.stack):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def english_phrases(html: str, *, allow: tuple[str, ...] = ()) -> list[str]:
    """Runs of English words a Thai reader would see; allowed words and `allow` removed."""
    text = visible_text(html)
    for phrase in allow:
        text = text.replace(phrase, " ")
    text = ALLOWED.sub(" ", text)
    text = re.sub(r"\S+@\S+|https?://\S+", " ", text)
    return PHRASE.findall(text)
