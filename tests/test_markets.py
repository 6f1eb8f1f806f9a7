"""Export markets: rule files, recommended shelf life, label dates and texts, readiness.

Label dates are hand-worked from each market's rules (see the comments); calendar edge cases
(month ends, leap years) and the "never extend the shelf life" rule are checked directly.
"""

import datetime
import json
import math
from pathlib import Path
from types import SimpleNamespace

import pytest
from pydantic import ValidationError

import shelflife.markets as mk
from shelflife.errors import InputError, StudyFileError, UnitError
from shelflife.markets import (
    export_readiness,
    get_market,
    label,
    list_markets,
    read_market_file,
    recommended_shelf_life,
)
from shelflife.markets._calendar import add_months, max_days_in_months, truncate
from shelflife.messages import MESSAGES
from shelflife.results import ShelfLife

D = datetime.date
CODES = ["au_nz", "cn", "eu", "gcc", "id", "jp", "my_sg", "us"]
ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------------ rule files


def test_every_data_file_loads_with_its_code():
    files = sorted(mk.data_dir().glob("*.toml"))
    assert [p.stem for p in files] == CODES
    for path in files:
        market = read_market_file(path)
        assert market.code == path.stem
        assert market.version and market.rules.reviewed <= D(2026, 11, 27)
    assert [m.code for m in list_markets()] == CODES


def test_every_rule_has_sources_and_a_verified_flag():
    for market in list_markets():
        items = market.rule_items()
        assert len(items) >= 8
        for name, rule in items:
            assert isinstance(rule.verified, bool), (market.code, name)
            assert rule.sources, (market.code, name)
            assert all(u.startswith(("https://", "http://")) for u in rule.sources)
            if not rule.verified:
                assert rule.note, (market.code, name)
            if rule.kind in ("trade_practice", "assumption"):
                assert not rule.verified, (market.code, name)


def test_readiness_rules_are_never_presented_as_law():
    for market in list_markets():
        r = market.rules.readiness
        assert r.kind in ("trade_practice", "assumption") and not r.verified
        assert 0 < r.min_fraction <= 1


def test_safety_factors():
    assert get_market("jp").rules.safety_factor.default == 0.8
    assert get_market("jp").rules.safety_factor.typical == (0.6, 1.0)
    for market in list_markets():
        if market.code != "jp":
            assert market.rules.safety_factor.default == 1.0


def test_aliases_are_unique_across_markets():
    seen: dict[str, str] = {}
    for market in list_markets():
        r = market.rules
        for name in {
            mk.data._key(x) for x in (r.code, r.names.en, r.names.id, r.names.local, *r.aliases)
        }:
            assert seen.setdefault(name, market.code) == market.code, name


@pytest.mark.parametrize(
    "name, code",
    [
        ("EU", "eu"),
        ("Europe", "eu"),
        ("Rotterdam", "eu"),
        ("NETHERLANDS", "eu"),
        ("uni eropa", "eu"),
        ("Jepang", "jp"),
        ("Japan", "jp"),
        ("日本", "jp"),
        ("Saudi", "gcc"),
        ("UAE", "gcc"),
        ("Dubai", "gcc"),
        ("Jeddah", "gcc"),
        ("Jéddah", "gcc"),
        ("saudi-arabia", "gcc"),
        ("China", "cn"),
        ("Tiongkok", "cn"),
        ("USA", "us"),
        ("Amerika Serikat", "us"),
        ("Australia", "au_nz"),
        ("NZ", "au_nz"),
        ("Malaysia", "my_sg"),
        ("Singapore", "my_sg"),
        ("Indonesia", "id"),
        ("BPOM", "id"),
        ("au_nz", "au_nz"),
        (" GCC ", "gcc"),
    ],
)
def test_get_market_by_code_name_or_alias(name, code):
    assert get_market(name).code == code


def test_unknown_market_lists_the_codes():
    with pytest.raises(InputError) as exc:
        get_market("Mars")
    err = exc.value
    assert err.code == "market_unknown"
    for lang in ("en", "id"):
        assert ", ".join(CODES) in err.render(lang)
    with pytest.raises(InputError) as exc:
        get_market("Rotterdm")
    assert "'eu'" in exc.value.render("en") and "Maksud Anda 'eu'" in exc.value.render("id")


def test_market_outputs():
    eu = get_market("eu")
    assert json.loads(json.dumps(eu.to_dict()))["code"] == "eu"
    assert "Best before end" in json.dumps(eu.to_dict())
    assert "Coarsest date allowed" in eu.summary()
    assert "Tanggal paling kasar" in eu.summary("id")
    assert "<table>" in eu._repr_html_() and "eur-lex" in eu._repr_html_()
    assert repr(eu) == "Market('eu', 'European Union', rules 2026.11)"
    with pytest.raises(ValidationError):
        eu.rules.code = "xx"  # frozen


def edited(tmp_path: Path, old: str, new: str, code: str = "eu") -> Path:
    text = (mk.data_dir() / f"{code}.toml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"my-{code}.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new, code, key",
    [
        ("min_fraction = 0.6667\n", "", "toml_missing_key", "readiness.min_fraction"),
        ('code = "eu"\n', "", "toml_missing_key", "code"),
        ('separator = ": "', 'seperator = ": "', "toml_unknown_key", "date_format.seperator"),
        ('kind = "trade_practice"', 'kind = "practice"', "toml_bad_value", "readiness.kind"),
        (
            'kind = "trade_practice"\nverified = false',
            'kind = "trade_practice"\nverified = true',
            "toml_bad_value",
            "readiness.verified",
        ),
        (
            'sources = ["https://news.err.ee',
            'sources = ["news.err.ee',
            "toml_bad_value",
            "readiness.sources",
        ),
        ('languages = ["en"]', 'languages = ["en", "de"]', "market_phrase_missing", "phrases"),
        (
            '{ up_to_months = 18, precision = "month" },',
            '{ up_to_months = 2, precision = "month" },',
            "market_bands_order",
            "precision.bands",
        ),
    ],
)
def test_bad_market_file_gives_a_located_error(tmp_path, old, new, code, key):
    path = edited(tmp_path, old, new)
    with pytest.raises(StudyFileError) as exc:
        read_market_file(path)
    err = exc.value
    assert (err.code, err.key, err.file) == (code, key, str(path))
    assert str(path) in err.render("en") and "kunci" in err.render("id")


def test_unverified_rule_without_note_is_refused(tmp_path):
    path = edited(tmp_path, 'note = "No EU law sets a minimum', 'xnote = "')
    text = path.read_text(encoding="utf-8").replace('xnote = "', "# ")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StudyFileError) as exc:
        read_market_file(path)
    assert (exc.value.code, exc.value.key) == ("toml_bad_value", "readiness.note")


def test_an_edited_copy_overrides_the_shipped_rules(tmp_path):
    path = edited(tmp_path, "min_fraction = 0.6667", "min_fraction = 0.75")
    mine = get_market(str(path))
    assert mine.code == "eu" and mine.rules.readiness.min_fraction == 0.75
    r = export_readiness("280 day", "365 day", path)
    assert r.requirement.days == pytest.approx(273.75) and r.verdict == "ready"


def test_missing_market_file():
    with pytest.raises(StudyFileError) as exc:
        get_market("no/such/market.toml")
    assert exc.value.code == "file_not_found"


# ---------------------------------------------------------------------- calendar


def test_calendar_month_arithmetic():
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)  # leap year
    assert add_months(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert add_months(D(2026, 1, 15), 9) == D(2026, 10, 15)
    assert truncate(D(2026, 10, 15), "month") == D(2026, 9, 30)
    assert truncate(D(2024, 2, 29), "month") == D(2024, 2, 29)
    assert truncate(D(2024, 3, 1), "month") == D(2024, 2, 29)
    assert truncate(D(2027, 12, 31), "year") == D(2027, 12, 31)
    assert truncate(D(2028, 1, 15), "year") == D(2027, 12, 31)
    # longest runs of calendar months: Jul+Aug = 62, Jul..Sep = 92, Jul..Jan = 215
    assert [max_days_in_months(n) for n in (1, 2, 3, 7, 12)] == [31, 62, 92, 215, 366]


def test_month_end_clipping_on_labels():
    # 31 Jan 2024 + 1 month = 29 Feb 2024 (leap year); up to 3 months: full date
    assert label("eu", "2024-01-31", "1 month").lines == ("Best before: 29.02.2024",)
    assert label("eu", "2023-01-31", "1 month").lines == ("Best before: 28.02.2023",)
    assert label("eu", "2024-02-28", "2 day").lines == ("Best before: 01.03.2024",)


# -------------------------------------------------------------- recommendation


def test_japan_safety_factor_300_days_gives_240_days_then_7_months():
    r = recommended_shelf_life("300 day", "jp")
    # 300 x 0.8 = 240 days > 91 days -> whole months: the longest 7-month run is 215 days,
    # the longest 8-month run 245 days > 240, so 7 months.
    assert [s.rule for s in r.steps] == ["input", "safety_factor", "shelf_life_unit"]
    assert r.steps[1].value == pytest.approx(240.0)
    assert (r.value, r.unit, r.safety_factor, r.factor_origin) == (7, "month", 0.8, "market")
    step = r.steps[1].to_dict()
    assert step["kind"] == "guideline" and step["verified"] is False and step["sources"]
    assert "240" in r.steps[1].text("en") and "0,8" in r.steps[1].text("id")
    assert r.steps[0].to_dict()["verified"] is None
    assert any(n.code == "markets_note_unverified" for n in r.notes)
    assert "7 bulan" in r.summary("id")
    lab = label("jp", "2026-01-15", r)
    # 15 Jan + 7 months = 15 Aug 2026 (> 3 months: year-month); not a month end -> July
    assert lab.lines == ("賞味期限 2026.07",)
    assert lab.effective_end == D(2026, 7, 31)


def test_recommendation_accepts_results_and_rounds_down():
    sl = ShelfLife("peroxide_value", 303.15, 400.0, (380.0, 420.0), 300.0)
    assert recommended_shelf_life(sl, "jp").value == 7
    assert recommended_shelf_life(sl, "eu").value == 9  # longest 9-month run: 276 <= 300
    as_json = {"conservative": {"value": 300.0, "unit": "day"}}
    assert recommended_shelf_life(as_json, "eu").value == 9
    assert recommended_shelf_life("75.6 day", "eu").text() == "75 days"
    assert recommended_shelf_life("91.9 day", "eu").text() == "91 days"
    assert recommended_shelf_life("92 day", "eu").text() == "3 months"
    assert recommended_shelf_life("1 year", "eu").text() == "11 months"  # 365.25 < 366
    user = recommended_shelf_life("300 day", "jp", safety_factor=0.5)
    assert (user.value, user.unit, user.factor_origin) == (4, "month", "user")  # 150 days
    assert user.steps[1].to_dict()["kind"] == "user"
    assert any(n.code == "markets_note_factor_outside" for n in user.notes)


def test_declared_months_never_exceed_the_days():
    for days in range(92, 1500, 13):
        r = recommended_shelf_life(f"{days} day", "eu")
        for start in (D(2024, 1, 31), D(2024, 7, 1), D(2025, 12, 1), D(2023, 3, 31)):
            assert (r.end_date(start) - start).days <= days, (days, start)


@pytest.mark.parametrize(
    "value, code",
    [
        (float("inf") * 1, "market_shelf_life_infinite"),
        (0.0, "market_shelf_life_not_positive"),
        (-3.0, "market_shelf_life_not_positive"),
    ],
)
def test_recommendation_errors(value, code):
    sl = ShelfLife("pv", 303.15, value, (value, value), value)
    with pytest.raises(InputError) as exc:
        recommended_shelf_life(sl, "eu")
    assert exc.value.code == code


def test_safety_factor_must_be_in_0_1():
    for bad in (0, 1.5, -0.2, True, "0.8"):
        with pytest.raises(InputError) as exc:
            recommended_shelf_life("300 day", "jp", safety_factor=bad)
        assert exc.value.code == "market_safety_factor_invalid"
    with pytest.raises(InputError) as exc:
        recommended_shelf_life("1 day", "eu", safety_factor=0.5)
    assert exc.value.code == "market_shelf_life_too_short"
    with pytest.raises(UnitError):
        recommended_shelf_life(300, "eu")  # a bare number has no unit


# ------------------------------------------------------------------------ labels


def test_eu_precision_bands():
    # 15 Jan + 9 months = 15 Oct 2026; 3-18 months: month + year; 15 Oct is not the last day
    # of October, so "end 09.2026" (30 Sep) -- "end 10.2026" would mean 31 Oct, too late.
    lab = label("eu", "2026-01-15", "9 month")
    assert lab.lines == ("Best before end: 09.2026",)
    assert (lab.end, lab.effective_end, lab.precision, lab.days_lost) == (
        D(2026, 10, 15),
        D(2026, 9, 30),
        "month",
        15,
    )
    assert any(n.code == "markets_note_truncated" for n in lab.notes)
    # up to 3 months (15 Jan + 60 days = 16 Mar): day + month ("Best before", with the day)
    assert label("eu", "2026-01-15", "60 day").lines == ("Best before: 16.03.2026",)
    # exactly 3 calendar months is still "not more than 3 months"
    assert label("eu", "2026-01-15", "3 month").lines == ("Best before: 15.04.2026",)
    # 91 days ends 16 Apr, one day past 3 months -> month precision -> end 03.2026
    assert label("eu", "2026-01-15", "91 day").lines == ("Best before end: 03.2026",)
    # exactly 18 months: month; more than 18 months: the year
    assert label("eu", "2026-01-15", "18 month").lines == ("Best before end: 06.2027",)
    lab = label("eu", "2026-01-15", "24 month")
    assert lab.lines == ("Best before end: 2027",) and lab.effective_end == D(2027, 12, 31)
    # ends on 31 Dec: the year itself, nothing lost
    lab = label("eu", "2025-12-31", "24 month")
    assert lab.lines == ("Best before end: 2027",) and lab.days_lost == 0
    # ends on a month end: that month
    lab = label("eu", "2026-01-31", "6 month")
    assert lab.lines == ("Best before end: 07.2026",) and lab.days_lost == 0
    assert not any(n.code == "markets_note_truncated" for n in lab.notes)


def test_eu_finer_precision_and_use_by():
    assert label("eu", "2026-01-15", "24 month", precision="month").lines == (
        "Best before end: 12.2027",
    )
    assert label("eu", "2026-01-15", "24 month", precision="day").lines == (
        "Best before: 15.01.2028",
    )
    with pytest.raises(InputError) as exc:
        label("eu", "2026-01-15", "9 month", precision="year")
    assert exc.value.code == "label_precision_too_coarse"
    # a use-by date always gives the day (Annex X point 2)
    assert label("eu", "2026-01-15", "9 month", kind="use_by").lines == ("Use by: 15.10.2026",)


def test_japan_dates():
    # the 100-day example of the year-month rule: 1 Apr 2018 + 100 days = 10 Jul -> 2018.06
    assert label("jp", "2018-04-01", "100 day").lines == ("賞味期限 2018.06",)
    assert label("jp", "2026-01-15", "60 day").lines == ("賞味期限 2026.03.16",)
    assert label("jp", "2026-01-15", "60 day", kind="use_by").lines == ("消費期限 2026.03.16",)
    assert label("jp", "2026-01-15", "9 month", kind="use_by").lines == ("消費期限 2026.10.15",)
    lab = label("jp", "2026-01-15", "300 day")  # given directly: no factor, but a note
    assert any(n.code == "markets_note_factor_not_applied" for n in lab.notes)
    lab = label("jp", "2026-01-15", "300 day", safety_factor=0.8)
    assert lab.shelf_life.value == 7 and lab.lines == ("賞味期限 2026.07",)
    assert label("jp", "2026-01-15", "60 day", lang="en").lines == ("Best before 2026.03.16",)


def test_label_from_a_study_result_applies_the_market_factor():
    sl = ShelfLife("pv", 303.15, 400.0, (380.0, 420.0), 300.0)
    lab = label("jp", "2026-01-15", sl)
    assert lab.shelf_life.safety_factor == 0.8 and lab.lines == ("賞味期限 2026.07",)
    with pytest.raises(InputError) as exc:
        label("jp", "2026-01-15", lab.shelf_life, safety_factor=0.9)
    assert exc.value.code == "label_safety_factor_twice"
    other = label("eu", "2026-01-15", lab.shelf_life)
    assert any(n.code == "markets_note_other_market" for n in other.notes)


def test_gcc_production_and_expiry_lines():
    # 12 months > 3 months: month-year; 15 Jan 2027 is not a month end -> 12/2026
    lab = label("Jeddah", "2026-01-15", "12 month")
    assert lab.lines == (
        "Production date: 01/2026",
        "Expiry date: 12/2026",
        "تاريخ الإنتاج: 01/2026",
        "تاريخ الانتهاء: 12/2026",
    )
    assert lab.printed_production == "01/2026"
    assert label("gcc", "2026-01-15", "60 day", lang="en").lines == (
        "Production date: 15/01/2026",
        "Expiry date: 16/03/2026",
    )
    assert label("gcc", "2026-01-15", "60 day", kind="expiry", lang="ar").lines == (
        "تاريخ الإنتاج: 15/01/2026",
        "تاريخ الانتهاء: 16/03/2026",
    )
    lab = label("gcc", "2026-01-15", "12 month")
    texts = " ".join(n.message("en") for n in lab.notes)
    assert "GSO 150-1" in texts and "Unverified rule" in texts


def test_china_production_date_and_shelf_life():
    lab = label("Tiongkok", "2026-01-15", "12 month")
    assert lab.lines == ("生产日期 2026年01月15日", "保质期 12个月", "保质期至 2027年01月15日")
    assert label("cn", "2026-01-15", "60 day").lines[1] == "保质期 60天"
    assert label("cn", "2026-01-15", "2 year").lines[1] == "保质期 24个月"
    assert label("cn", "2026-01-15", "9 bulan").lines[1] == "保质期 9个月"
    assert label("cn", "2026-01-15", "26 week").lines[1] == "保质期 182天"
    assert label("cn", "2026-01-15", "60 day", lang="en").lines == (
        "Production date 2026年01月15日",
        "Shelf life 60天",
        "Best before 2026年03月16日",
    )


def test_bpom_phrase_and_indonesian_rendering():
    lab = label("BPOM", "2026-01-15", "12 month")
    assert lab.lines == ("Baik digunakan sebelum Desember 2026",)
    assert label("id", "2026-01-15", "60 day").lines == ("Baik digunakan sebelum 16 Maret 2026",)
    text = lab.summary("id")
    assert "Diproduksi 15 Januari 2026" in text and "31 Desember 2026" in text
    assert "Catatan:" in text and "belum terverifikasi" in text
    assert any(n.code == "markets_note_production_not_printed" for n in lab.notes)
    assert "Produced 15 January 2026" in lab.summary("en")


def test_australia_new_zealand():
    assert label("au_nz", "2026-01-15", "60 day").lines == ("Best Before 16 MAR 2026",)
    assert label("Australia", "2026-01-15", "12 month").lines == ("Best Before DEC 2026",)
    assert label("NZ", "2026-01-15", "60 day", kind="use_by").lines == ("Use By 16 MAR 2026",)

    def no_mark_note(lab):
        return any("need not be shown" in n.message("en") for n in lab.notes)

    assert no_mark_note(label("au_nz", "2026-01-15", "24 month"))
    assert not no_mark_note(label("au_nz", "2026-01-15", "23 month"))
    assert not no_mark_note(label("au_nz", "2026-01-15", "24 month", kind="use_by"))


def test_us_and_malaysia_singapore():
    assert label("USA", "2026-01-15", "9 month").lines == ("Best if Used By 10/15/2026",)
    assert label("us", "2026-01-15", "60 day", kind="use_by").lines == ("Use By 03/16/2026",)
    assert label("Singapore", "2026-01-15", "12 month").lines == ("Best before 15/01/2027",)
    assert label("my_sg", "2026-01-15", "12 month", kind="expiry", lang="ms").lines == (
        "Tarikh luput 15/01/2027",
    )


def test_label_input_errors():
    cases = [
        (dict(produced="2026-13-01"), "label_produced_invalid"),
        (dict(produced=20260115), "label_produced_invalid"),
        (dict(kind="expiry"), "label_kind_unavailable"),
        (dict(kind="sell_by"), "label_kind_unavailable"),
        (dict(lang="ja"), "label_lang_unavailable"),
    ]
    for kwargs, code in cases:
        args = {"produced": "2026-01-15", **kwargs}
        with pytest.raises(InputError) as exc:
            label("eu", args.pop("produced"), "9 month", **args)
        assert exc.value.code == code
    with pytest.raises(InputError) as exc:
        label("us", "2026-01-15", "9 month", precision="month")
    assert exc.value.code == "label_precision_too_coarse"
    assert label("eu", datetime.datetime(2026, 1, 15, 8, 30), "60 day").produced == D(2026, 1, 15)


@pytest.mark.parametrize("code", CODES)
def test_every_market_labels_every_mark_and_language(code):
    market = get_market(code)
    for mark in market.marks():
        for lang in market.phrase_languages(mark):
            if not all(market.phrase(m, lang) for m in _line_marks(market, mark)):
                continue
            for shelf in ("45 day", "14 month", "30 month"):
                lab = label(market, "2026-02-28", shelf, kind=mark, lang=lang)
                assert lab.lines and lab.effective_end <= lab.end
                assert lab.effective_end > lab.produced
                data = json.loads(json.dumps(lab.to_dict(), ensure_ascii=False))
                assert data["market"] == code and data["lines"] == list(lab.lines)
                for out in (lab.summary("en"), lab.summary("id"), lab._repr_html_()):
                    assert "markets_" not in out and "{" not in out


def _line_marks(market, mark):
    return [mark if line == "date" else line for line in market.rules.lines]


# -------------------------------------------------------------------- readiness


def test_readiness_boundaries_with_a_requirement_in_days():
    def verdict(remaining, **kw):
        return export_readiness(remaining, "365 day", "eu", min_remaining="100 day", **kw).verdict

    assert verdict("100 day") == "ready"  # equality meets the requirement
    assert verdict("99.9 day") == "not_ready"
    assert verdict("120 day", interval=("100 day", "140 day")) == "ready"
    assert verdict("120 day", interval=("99 day", "140 day")) == "marginal"
    assert verdict("100 day", interval=("99 day", "101 day")) == "marginal"
    assert verdict("99 day", interval=("90 day", "120 day")) == "not_ready"


def test_readiness_with_market_defaults_and_fractions():
    # GCC: half of 12 months (365.25 days) = 182.625 days
    r = export_readiness("182.625 day", "12 month", "Dubai")
    assert r.verdict == "ready" and r.requirement.days == pytest.approx(182.625)
    assert export_readiness("182.6 day", "12 month", "gcc").verdict == "not_ready"
    # Japan, one-third rule: two thirds must remain
    r = export_readiness("200 day", "12 month", "jp")
    assert r.verdict == "not_ready" and r.requirement.days == pytest.approx(0.6667 * 365.25)
    assert r.requirement.provenance["kind"] == "trade_practice"
    assert r.requirement.provenance["verified"] is False
    # the buyer's figure, as a fraction or a percentage
    assert export_readiness("100 day", "200 day", "jp", min_remaining=0.5).verdict == "ready"
    r = export_readiness("99 day", "200 day", "jp", min_remaining="50 %")
    assert r.verdict == "not_ready" and r.requirement.origin == "user"


def test_readiness_reason_and_dict():
    r = export_readiness("200 day", "12 month", "gcc", interval=("150 day", "250 day"))
    assert r.verdict == "marginal"
    assert r.reason("en").startswith("Marginal:") and r.reason("id").startswith("Meragukan:")
    d = json.loads(json.dumps(r.to_dict()))
    assert d["verdict"] == "marginal" and d["interval"] == [150.0, 250.0]
    assert d["requirement"]["unit"] == "day" and d["requirement"]["kind"] == "assumption"
    assert d["requirement"]["sources"] and d["reason_id"].startswith("Meragukan")
    assert "Kesiapan ekspor" in r.summary("id") and "marginal" in r._repr_html_()
    assert export_readiness("400 day", "12 month", "gcc").reason("id").startswith("Siap:")
    assert export_readiness("10 day", "12 month", "gcc").reason("id").startswith("Belum siap:")


def test_readiness_from_a_remaining_shelf_life_and_a_label():
    remaining = SimpleNamespace(estimate=250.0, ci95=(190.0, 320.0))
    lab = label("eu", "2026-01-15", "12 month")  # printed 12.2026: 350 days
    r = export_readiness(remaining, lab, "eu")
    assert r.labelled_days == 350 and r.requirement.days == pytest.approx(0.6667 * 350)
    assert r.verdict == "marginal" and (r.low, r.high) == (190.0, 320.0)
    # after 150 days of transit the printed date leaves 200 days, less than the 250 estimated
    r = export_readiness(remaining, lab, "eu", transit="150 day")
    assert r.remaining == 200 and r.label_remaining == 200
    assert any(n.code == "markets_note_label_remaining" for n in r.notes)
    as_json = {"estimate": {"value": 250.0, "unit": "day"}, "ci95": [190.0, 320.0]}
    assert export_readiness(as_json, lab, "eu").verdict == "marginal"
    rec = recommended_shelf_life("300 day", "jp")
    assert export_readiness("160 day", rec, "jp").labelled_days == pytest.approx(7 * 30.4375)


def test_readiness_errors():
    with pytest.raises(InputError) as exc:
        export_readiness("100 day", "200 day", "eu", min_remaining=2)
    assert exc.value.code == "readiness_min_remaining_invalid"
    for bad in ("-1 day", "0 day"):
        with pytest.raises(InputError) as exc:
            export_readiness("100 day", "200 day", "eu", min_remaining=bad)
        assert exc.value.code == "readiness_min_remaining_invalid"
    with pytest.raises(InputError) as exc:
        export_readiness("100 day", "200 day", "eu", interval=("120 day", "150 day"))
    assert exc.value.code == "readiness_remaining_invalid"
    with pytest.raises(InputError) as exc:
        export_readiness("-5 day", "200 day", "eu")
    assert exc.value.code == "readiness_remaining_invalid"
    r = export_readiness(
        SimpleNamespace(estimate=math.inf, ci95=(400.0, math.inf)), "1 year", "eu"
    )
    assert r.verdict == "ready" and r.to_dict()["remaining"]["value"] is None


# ------------------------------------------------------------- messages and docs


def test_every_markets_message_code_exists_in_both_languages():
    import re

    patterns = [
        re.compile(r'"(markets_[a-z_]+)"'),
        re.compile(r'(?:Error|MarketNote|CustomError)\(\s*"([a-z_]+)"'),
    ]
    used = set()
    for path in (ROOT / "shelflife" / "markets").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            used |= set(pattern.findall(text))
    words = {
        f"markets_word_{w}"
        for w in (
            "day month year best_before use_by expiry verified unverified ready marginal "
            "not_ready origin_market origin_user"
        ).split()
    } | {f"markets_word_kind_{k}" for k in ("regulation", "standard", "guideline")}
    words |= {f"markets_readiness_{v}" for v in mk.VERDICTS}
    missing = sorted(c for c in used | words if c not in MESSAGES)
    assert not missing
    assert {"market_unknown", "label_produced_invalid", "markets_note_truncated"} <= used


def test_docs_rule_table_is_up_to_date():
    text = (ROOT / "docs" / "markets.md").read_text(encoding="utf-8")
    marker = "do not edit below this line -->\n"
    assert text.split(marker, 1)[1] == mk.rules_markdown()
    assert len(mk.rules_table()) == sum(len(m.rule_items()) for m in list_markets())
