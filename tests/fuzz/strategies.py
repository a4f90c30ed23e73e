"""What people type, and what a hostile visitor types: Thai, quotes, NUL, direction marks, huge."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Thai letters, tone marks and digits, quotes and markup, control and invisible characters,
# formula prefixes, an emoji: the characters that have broken forms before.
TRICKY = (
    "กขคงจฉชซญฎนมยรลวสหอฮะัาำิีึืุูเแโใไ่้๊๋็์ๆ๐๑๒๓๔๕๖๗๘๙0123456789"
    "\"'`<>&%;:/\\?#=+-@*()[]{}|~ \t\r\n\x00\x1b\u200b\u200e\u202e\ufeff🙂"
)

text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=TRICKY, max_size=200),
    st.text(alphabet=TRICKY, min_size=3000, max_size=6000),
)
short_text = st.one_of(st.text(max_size=40), st.text(alphabet=TRICKY, max_size=40))

# Modest, so every fuzz test together stays under two minutes on the shared machine.
fuzz = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
