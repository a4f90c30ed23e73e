import math

from certificates import codes


def test_short_codes_are_grouped_crockford_with_a_check_symbol():
    for _ in range(200):
        code = codes.short_code()
        assert len(code) == 14 and code[4] == "-" and code[9] == "-"
        assert set(code.replace("-", "")) <= set(codes.ALPHABET)
        assert codes.normalise_short(code) == code


def test_typing_variants_are_accepted():
    code = codes.short_code()
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert codes.normalise_short(typed) == code


def test_a_single_typo_is_caught_by_the_check_symbol():
    code = codes.short_code()
    symbols = code.replace("-", "")
    wrong = next(s for s in codes.ALPHABET if s != symbols[3])
    assert codes.normalise_short(symbols[:3] + wrong + symbols[4:]) is None
    swapped = symbols[1] + symbols[0] + symbols[2:]
    if swapped != symbols:
        assert codes.normalise_short(swapped) is None


def test_verification_ids_carry_at_least_128_random_bits():
    ids = {codes.verification_id() for _ in range(100)}
    assert len(ids) == 100
    assert all(len(i) * math.log2(64) >= 128 for i in ids)


def test_garbage_is_not_a_code():
    for text in ("", "hello", "ABCD-EFGH-JKM", "<script>", "ABCD-EFGH-JKMN-PQRS"):
        assert codes.normalise_short(text) is None
