"""The message catalogue: every code in English and Indonesian, with matching fields."""

import re
import string
from pathlib import Path

import pytest

from shelflife.errors import InputError, Notice
from shelflife.messages import MESSAGES, render

PACKAGE = Path(__file__).resolve().parents[1] / "shelflife"


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_with_the_same_fields(code):
    entry = MESSAGES[code]
    assert set(entry) == {"en", "id"}
    for i in (0, 1):
        assert _fields(entry["en"][i]) == _fields(entry["id"][i]), code


def test_every_code_used_in_the_package_is_in_the_catalogue():
    pattern = re.compile(
        r"(?:Error|Notice|_hint_error|raise_with_hint)\(\s*\"([a-z_]+)\"", re.MULTILINE
    )
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no codes: the pattern is stale"
    missing = sorted(c for c in used if c not in MESSAGES)
    assert not missing


def test_error_renders_location_and_fix_in_both_languages():
    err = InputError("cell_not_numeric", file="data.csv", row=7, column="pv", value="abc")
    en, idn = err.render("en"), err.render("id")
    assert en.startswith("data.csv, row 7, column 'pv': 'abc' is not a number.")
    assert "How to fix" in en
    assert "baris 7" in idn and "kolom 'pv'" in idn and "Cara memperbaiki" in idn


def test_notice_numbers_use_decimal_comma_in_indonesian():
    n = Notice("order_ambiguous", "design", "moisture", {"delta": 1.82, "chosen": "first"})
    assert "1.82" in n.message("en")
    assert "1,82" in n.message("id")
    assert n.to_dict()["code"] == "order_ambiguous"


def test_unknown_code_does_not_lose_the_message():
    what, fix = render("no_such_code", "en", x=1)
    assert "no_such_code" in what


def test_topic_catalogues_do_not_redefine_codes():
    import importlib

    from shelflife import messages
    from shelflife.msgcat import TOPICS

    seen: dict[str, str] = {}
    src = (PACKAGE / "messages.py").read_text(encoding="utf-8")
    for topic in TOPICS:
        extra = importlib.import_module(f"shelflife.msgcat.{topic}").MESSAGES
        for code in extra:
            assert code not in seen, (code, topic, seen.get(code))
            assert f'"{code}": {{' not in src, (code, topic)
            seen[code] = topic
            assert messages.MESSAGES[code] is extra[code]
