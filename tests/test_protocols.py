"""Lab protocols: templates, presets, bad input, study folders, calendars and data sheets."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import json
import math
import re
import shutil
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from shelflife import read_study
from shelflife.cli import main
from shelflife.errors import InputError, StudyFileError, UnitError
from shelflife.protocols import (
    Chamber,
    ProductPreset,
    Protocol,
    data_sheet,
    find_product,
    list_products,
    list_protocols,
    load_product,
    new_study,
    read_plan,
    schedule,
    write_schedule,
    write_sheet,
)
from shelflife.protocols.templates import data_dir

REPO = Path(__file__).resolve().parents[1]
DATA = data_dir()
TEMPLATES = ("aslt-arrhenius", "q10-screening", "real-time-confirmation")
PRODUCTS = ("keripik", "kerupuk", "sambal", "kopi_bubuk", "gula_semut", "gula_kelapa", "dodol")
START = "2027-01-04"  # a Monday


def check_messages(err) -> None:
    """Both languages render with every template field filled, and differ."""
    en, idn = err.render("en"), err.render("id")
    for text in (en, idn):
        assert "'?'" not in text and " ? " not in text, text
    assert en != idn


# ------------------------------------------------------------------ templates and presets


def test_the_shipped_templates_and_presets_are_listed():
    assert list_protocols() == sorted(
        (*TEMPLATES, "critical-moisture", "microbial-challenge", "sensory-survival")
    )
    assert sorted(list_products()) == sorted(PRODUCTS)


@pytest.mark.parametrize("name", TEMPLATES)
def test_every_template_loads_with_sop_and_sources(name):
    p = Protocol.from_name(name)
    assert p.name == name and p.title and p.title_id and p.sources
    assert p.replicates >= 2 and p.attributes
    for c in p.chambers:
        assert list(c.pulls) == sorted(set(c.pulls)) and c.pulls[0] == 0
    for lang in ("en", "id"):
        sop = p.sop_path(lang)
        assert sop is not None and sop.name == f"{name}.{lang}.md"


@pytest.mark.parametrize("key", PRODUCTS)
@pytest.mark.parametrize("name", TEMPLATES)
def test_every_preset_combines_with_every_template(name, key):
    preset = load_product(key)
    p = Protocol.from_name(name, product=key)
    assert p.product == preset
    assert [a.name for a in p.attributes] == [a.name for a in preset.attributes]
    for a in p.attributes:
        assert a.limit_source is not None and a.limit_source.citation  # every limit cited
        assert math.isfinite(a.limit) and a.unit
    assert p.describe("en") != p.describe("id")


def test_aslt_temperatures_spread_in_inverse_temperature_and_pulls_denser_when_hot():
    p = Protocol.from_name("aslt-arrhenius")
    kelvin = sorted(c.temperature for c in p.chambers)
    assert 3 <= len(kelvin) <= 4
    steps = np.diff(1 / np.array(kelvin))
    assert steps.max() / steps.min() < 1.25  # evenly spread in 1/T
    by_heat = sorted(p.chambers, key=lambda c: -c.temperature)
    gaps = [np.median(np.diff(c.pulls)) for c in by_heat]
    assert gaps == sorted(gaps) and gaps[0] < gaps[-1]  # hottest chamber pulled most often
    assert all(len(c.pulls) >= 7 for c in p.chambers)  # >= 6 points after day 0
    assert any("Labuza" in s.short for s in p.sources)
    assert p.storage_temperatures == (303.15,) and p.storage_rh == 75.0


def test_q10_screening_is_marked_weaker():
    p = Protocol.from_name("q10-screening")
    assert p.strength == "screening" and len(p.chambers) == 2
    assert all(a.temperature_model == "q10" for a in p.attributes)
    codes = [n.code for n in p.notices()]
    assert codes[0] == "protocol_screening"
    assert "SCREENING" in p.describe("en") and "PENAPISAN" in p.describe("id")
    assert not [
        n for n in Protocol.from_name("aslt-arrhenius").notices() if n.category == "design"
    ]


def test_real_time_confirmation_plan():
    p = Protocol.from_name("real-time-confirmation")
    assert (p.method, p.strength, p.kind) == ("ich_q1e", "confirmation", "real_time")
    (chamber,) = p.chambers
    assert (chamber.celsius, chamber.rh) == (30.0, 75.0)
    assert p.time_unit == "month" and p.batches == ("B1", "B2", "B3")
    months = [round(d / 30.4375, 9) for d in chamber.pulls]
    assert months == [0, 3, 6, 9, 12, 18, 24]


def test_preset_limits_come_from_the_reference_with_their_status():
    limits = {
        (k, a.name): (a.limit, a.direction, a.unit, a.limit_source.status)
        for k in PRODUCTS
        for a in load_product(k).attributes
    }
    assert limits["kopi_bubuk", "moisture"] == (7.0, "max", "%", "secondary")
    assert limits["dodol", "moisture"] == (20.0, "max", "%", "secondary")
    assert limits["dodol", "yeast_mould"] == (2.0, "max", "log10 CFU/g", "secondary")
    assert limits["gula_kelapa", "moisture"][:2] == (10.0, "max")
    assert limits["gula_kelapa", "sucrose"][:2] == (77.0, "min")
    assert limits["gula_semut", "moisture"][:2] == (3.0, "max")
    assert limits["keripik", "moisture"][:2] == (4.0, "max")
    assert limits["kerupuk", "moisture"][3] == "unverified"
    assert {limits["sambal", n][3] for n in ("free_fatty_acid", "total_plate_count")} == {
        "placeholder"
    }
    sni = [
        load_product(k).attributes[0].limit_source for k in ("kopi_bubuk", "dodol", "gula_kelapa")
    ]
    assert all(s.category == "sni" and "SNI" in s.short and s.url for s in sni)


def test_preset_test_temperatures_replace_the_chambers_hottest_first():
    base = Protocol.from_name("aslt-arrhenius")
    p = base.with_product("sambal")
    assert [c.celsius for c in p.chambers] == [40.0, 30.0, 25.0]
    assert [c.pulls for c in p.chambers] == [c.pulls for c in base.chambers]
    q = Protocol.from_name("q10-screening", product="dodol")  # 3 suggested, 2 chambers
    assert [c.celsius for c in q.chambers] == [45.0, 35.0]
    assert "protocol_temperatures_ignored" in [n.code for n in q.notices()]
    rt = Protocol.from_name("real-time-confirmation", product="gula_semut")
    assert [c.celsius for c in rt.chambers] == [30.0]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Keripik tempe Malang, PP bag", "keripik"),
        ("KERUPUK UDANG Sidoarjo", "kerupuk"),
        ("Sambal bawang in glass jar", "sambal"),
        ("Kopi bubuk robusta Dampit", "kopi_bubuk"),
        ("Gula semut organik", "gula_semut"),
        ("gula kelapa cetak", "gula_kelapa"),
        ("Dodol nanas", "dodol"),
        ("jenang", "dodol"),
        ("frozen shrimp", None),
    ],
)
def test_find_product_from_free_text(text, key):
    found = find_product(text)
    assert (found.key if found else None) == key


def test_unknown_names_suggest_the_closest():
    with pytest.raises(InputError) as info:
        Protocol.from_name("aslt-arhenius")
    assert info.value.code == "protocol_unknown"
    assert "aslt-arrhenius'?" in info.value.render("en")
    assert "Maksud Anda 'aslt-arrhenius'?" in info.value.render("id")
    check_messages(info.value)
    with pytest.raises(InputError) as info:
        ProductPreset.from_name("kopi-bubuk")
    assert info.value.code == "product_unknown" and "kopi_bubuk" in info.value.render("en")


# --------------------------------------------------------------------------- bad input


def edited(tmp_path: Path, old: str, new: str, name: str = "aslt-arrhenius") -> Path:
    text = (DATA / f"{name}.toml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "my-protocol.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


BAD_PROTOCOLS = [
    # unknown keys, with "did you mean"
    (
        "replicates = 3",
        "replicats = 3",
        StudyFileError,
        "toml_unknown_key",
        "plan.replicats",
        "did you mean 'replicates'?",
    ),
    (
        'title_id = "',
        'titel_id = "',
        StudyFileError,
        "toml_unknown_key",
        "titel_id",
        "did you mean 'title_id'?",
    ),
    (
        "pulls = [0, 3, 7",
        "pull = [0, 3, 7",
        StudyFileError,
        "toml_unknown_key",
        "plan.chambers[0].pull",
        "did you mean 'pulls'?",
    ),
    (
        'status = "placeholder"',
        'stauts = "placeholder"',
        StudyFileError,
        "toml_unknown_key",
        "attributes[0].limit_source.stauts",
        "did you mean 'status'?",
    ),
    # missing fields
    ('kind = "aslt"\n', "", StudyFileError, "toml_missing_key", "kind", 'kind = "aslt"'),
    (
        'direction = "max"\n',
        "",
        StudyFileError,
        "toml_missing_key",
        "attributes[0].direction",
        "direction",
    ),
    (
        'pull_window = "1 day"\n',
        "",
        StudyFileError,
        "toml_missing_key",
        "plan.pull_window",
        "pull_window",
    ),
    # temperatures without units
    (
        'temperature = "50 degC"',
        "temperature = 50",
        UnitError,
        "bare_number",
        "plan.chambers[0].temperature",
        "unit",
    ),
    (
        'temperature = "40 degC"',
        'temperature = "40"',
        UnitError,
        "bare_number",
        "plan.chambers[1].temperature",
        "unit",
    ),
    (
        'temperature = ["30 degC"]',
        'temperature = ["30"]',
        UnitError,
        "bare_number",
        "storage.temperature[0]",
        "unit",
    ),
    (
        'temperature = "50 degC"',
        'temperature = "50 meq/kg"',
        UnitError,
        "unit_wrong_dimension",
        "plan.chambers[0].temperature",
        "temperature",
    ),
    (
        'pull_window = "1 day"',
        "pull_window = 1",
        UnitError,
        "bare_number",
        "plan.pull_window",
        "unit",
    ),
    (
        'time_unit = "day"',
        'time_unit = "meq/kg"',
        UnitError,
        "unit_wrong_dimension",
        "plan.time_unit",
        "time",
    ),
    # pull times
    (
        "pulls = [0, 3, 7, 10,",
        "pulls = [0, 3, 7, 7,",
        InputError,
        "pull_times_not_increasing",
        "plan.chambers[0].pulls[3]",
        "7",
    ),
    (
        "pulls = [0, 7, 14, 21,",
        "pulls = [0, 14, 7, 21,",
        InputError,
        "pull_times_not_increasing",
        "plan.chambers[1].pulls[2]",
        "increasing",
    ),
    (
        "pulls = [0, 3,",
        "pulls = [-3, 3,",
        InputError,
        "pull_time_negative",
        "plan.chambers[0].pulls[0]",
        "negative",
    ),
    # a limit in the wrong dimension
    (
        "limit = 10.0",
        'limit = "10 degC"',
        UnitError,
        "unit_wrong_dimension",
        "attributes[0].limit",
        "meq/kg",
    ),
    (
        "limit = 10.0",
        'limit = "10 %"',
        UnitError,
        "unit_wrong_dimension",
        "attributes[0].limit",
        "meq/kg",
    ),
    # other values
    ('kind = "aslt"', 'kind = "fast"', StudyFileError, "toml_bad_value", "kind", '"aslt"'),
    (
        'strength = "standard"',
        'strength = "strong"',
        StudyFileError,
        "toml_bad_value",
        "strength",
        '"screening"',
    ),
    (
        "replicates = 3",
        "replicates = 0",
        StudyFileError,
        "toml_bad_value",
        "plan.replicates",
        "at least 1",
    ),
    (
        'temperature = "40 degC"',
        'temperature = "50 degC"',
        InputError,
        "chamber_duplicate",
        "plan.chambers[1].temperature",
        "50 °C",
    ),
    (
        'temperature = "50 degC"',
        'temperature = "50 degC"\nrh = "120 %"',
        InputError,
        "rh_out_of_range",
        "plan.chambers[0].rh",
        "100",
    ),
    ('unit = "meq/kg"\n', "", StudyFileError, "toml_missing_key", "attributes[0].unit", "unit"),
]


@pytest.mark.parametrize(("old", "new", "cls", "code", "key", "text"), BAD_PROTOCOLS)
def test_bad_protocol_file_gives_a_coded_error_with_file_and_key(
    tmp_path, old, new, cls, code, key, text
):
    path = edited(tmp_path, old, new)
    with pytest.raises(cls) as info:
        Protocol.from_file(path)
    err = info.value
    assert (err.code, err.key, err.file) == (code, key, str(path))
    assert text in err.render("en")
    check_messages(err)


def test_bad_batches_and_missing_file(tmp_path):
    path = edited(tmp_path, "batches = 3", 'batches = ["B1", "B1"]', "real-time-confirmation")
    with pytest.raises(StudyFileError) as info:
        Protocol.from_file(path)
    assert (info.value.code, info.value.key) == ("toml_bad_value", "plan.batches")
    check_messages(info.value)
    with pytest.raises(StudyFileError) as info:
        Protocol.from_file(tmp_path / "nothing.toml")
    assert info.value.code == "file_not_found"


def test_bad_product_preset(tmp_path):
    text = (DATA / "products" / "kopi_bubuk.toml").read_text(encoding="utf-8")
    path = tmp_path / "kopi.toml"
    path.write_text(text.replace("limit = 7.0", 'limit = "7 day"'), encoding="utf-8")
    with pytest.raises(UnitError) as info:
        ProductPreset.from_file(path)
    assert (info.value.code, info.value.key, info.value.file) == (
        "unit_wrong_dimension",
        "attributes[0].limit",
        str(path),
    )
    path.write_text(text.replace("aliases =", "alias ="), encoding="utf-8")
    with pytest.raises(StudyFileError) as info:
        ProductPreset.from_file(path)
    assert info.value.key == "alias" and "did you mean 'aliases'?" in info.value.render("en")
    # an edited copy of a preset works, with its own limit
    path.write_text(text.replace("limit = 7.0", 'limit = "6.5 %"'), encoding="utf-8")
    assert Protocol.from_name("aslt-arrhenius", product=path).attributes[0].limit == 6.5


@pytest.mark.parametrize("start", ["04/01/2027", "2027-13-01", "2027-1-4", "next monday"])
def test_bad_start_date(tmp_path, start):
    with pytest.raises(InputError) as info:
        new_study("aslt-arrhenius", tmp_path / "s", start=start, product="keripik")
    assert (info.value.code, info.value.key) == ("start_date_invalid", "start")
    check_messages(info.value)
    assert not (tmp_path / "s").exists()  # nothing written
    assert (
        main(["protocol", "new", "aslt-arrhenius", "--start", start, "--out", str(tmp_path / "s")])
        == 2
    )


@pytest.mark.parametrize(
    ("old", "new", "cls", "code", "key"),
    [
        (
            "start = 2027-01-04",
            'start = "04/01/2027"',
            StudyFileError,
            "toml_bad_value",
            "protocol.start",
        ),
        (
            "start = 2027-01-04",
            "start = 2027-01-04T08:00:00",
            StudyFileError,
            "toml_bad_value",
            "protocol.start",
        ),
        ("start = 2027-01-04\n", "", StudyFileError, "toml_missing_key", "protocol.start"),
        (
            'template = "aslt-arrhenius"',
            'templat = "aslt-arrhenius"',
            StudyFileError,
            "toml_unknown_key",
            "protocol.templat",
        ),
        (
            "pulls = [0, 7, 14, 21,",
            "pulls = [0, 14, 7, 21,",
            InputError,
            "pull_times_not_increasing",
            "protocol.chambers[1].pulls[2]",
        ),
        (
            'temperature = "50 degC"',
            "temperature = 50",
            UnitError,
            "bare_number",
            "protocol.chambers[0].temperature",
        ),
        (
            'strength = "standard"',
            'strength = "weak"',
            StudyFileError,
            "toml_bad_value",
            "protocol.strength",
        ),
    ],
)
def test_bad_protocol_table_in_study_toml(tmp_path, old, new, cls, code, key):
    folder = tmp_path / "s"
    new_study("aslt-arrhenius", folder, start=START, product="keripik")
    toml = folder / "study.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(cls) as info:
        read_plan(folder)
    err = info.value
    assert (err.code, err.key, err.file) == (code, key, str(toml))
    check_messages(err)
    assert main(["protocol", "schedule", str(folder)]) == 2


def test_study_without_protocol_table():
    with pytest.raises(StudyFileError) as info:
        read_plan(REPO / "sample_data" / "keripik-tempe")
    assert (info.value.code, info.value.key) == ("study_no_protocol", "protocol")
    check_messages(info.value)


# ---------------------------------------------------------------- the study folder chain


def simulate(folder: Path, rng: np.random.Generator) -> None:
    """Fill the blank data sheet as the lab would: first-order kinetics with Arrhenius
    temperature dependence (Ea 80 kJ/mol), 1 % multiplicative noise, at the planned times."""
    study = folder / "study.toml"
    plan = read_plan(study)
    p = plan.protocol
    hot = max(c.temperature for c in p.chambers)
    t_hot = max(c.duration for c in p.chambers if c.temperature == hot)
    path = folder / plan.data
    rows = list(csv.reader(path.open(encoding="utf-8")))
    header, body = rows[0], rows[1:]
    per_unit = p.unit_days
    for a in p.attributes:
        j = header.index(a.header())
        if a.direction == "max":
            y0, k_hot = 0.4 * a.limit, math.log(3.0) / t_hot  # 1.2 x limit at the end
        else:
            y0, k_hot = 1.05 * a.limit, -math.log(1.05 / 0.97) / t_hot
        for row in body:
            t = float(row[0]) * per_unit
            kelvin = float(row[1]) + 273.15
            k = k_hot * math.exp(-80.0 / 8.314462618e-3 * (1 / kelvin - 1 / hot))
            value = y0 * math.exp(k * t) * (1 + 0.01 * rng.standard_normal())
            row[j] = f"{value:.4f}"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows([header, *body])


@pytest.mark.parametrize(
    ("template", "product"),
    [
        ("aslt-arrhenius", "Keripik tempe, PP bag"),
        ("q10-screening", "kopi_bubuk"),
        ("real-time-confirmation", "gula_semut"),
        ("aslt-arrhenius", "sambal"),
    ],
)
def test_protocol_new_then_filled_sheet_is_analysed(tmp_path, template, product):
    folder = tmp_path / "study"
    argv = ["protocol", "new", template, "--product", product, "--start", START]
    assert main([*argv, "--out", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "data.csv",
        "schedule.csv",
        "schedule.ics",
        "study.toml",
    ]
    plan = read_plan(folder)
    p = plan.protocol
    sheet = list(csv.reader((folder / "data.csv").open(encoding="utf-8")))
    assert len(sheet) - 1 == p.n_samples
    assert sheet[0][:2] == [f"time [{p.time_unit}]", "temperature [°C]"]
    assert all(a.header() in sheet[0] for a in p.attributes)
    assert all(cell == "" for row in sheet[1:] for cell in row[-len(p.attributes) :])
    assert ("batch" in sheet[0]) == (p.method == "ich_q1e")

    simulate(folder, np.random.default_rng(20270104))
    study = read_study(folder)
    assert study.method == p.method
    assert len(study.data) == p.n_samples
    assert [a.name for a in study.attributes] == [a.name for a in p.attributes]

    out = tmp_path / "result"
    assert main(["analyze", str(folder), "--out", str(out)]) == 0
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert {a["name"] for a in result["attributes"]} == {a.name for a in p.attributes}


def test_protocol_new_xlsx_filled_in_excel_is_analysed(tmp_path):
    folder = tmp_path / "study"
    args = ["protocol", "new", "aslt-arrhenius", "--product", "kopi_bubuk", "--start", START]
    assert main([*args, "--out", str(folder), "--xlsx", "--lang", "id"]) == 0
    assert (folder / "data.xlsx").is_file() and not (folder / "data.csv").exists()
    plan = read_plan(folder)
    assert (plan.data, plan.sheet) == ("data.xlsx", "Data")
    wb = openpyxl.load_workbook(folder / "data.xlsx")
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    rng = np.random.default_rng(7)
    for row in ws.iter_rows(min_row=2):
        t, celsius = row[0].value, row[1].value
        k = 0.02 * math.exp(-80.0 / 8.314462618e-3 * (1 / (celsius + 273.15) - 1 / 323.15))
        row[header.index("moisture [%]")].value = round(
            2.8 * math.exp(k * t) + 0.02 * rng.standard_normal(), 3
        )
    wb.save(folder / "data.xlsx")
    assert len(read_study(folder).data) == plan.protocol.n_samples
    assert main(["analyze", str(folder), "--out", str(tmp_path / "out"), "--lang", "id"]) == 0


def test_new_study_refuses_to_overwrite(tmp_path):
    folder = tmp_path / "s"
    new_study("aslt-arrhenius", folder, start=START, product="dodol")
    before = (folder / "study.toml").read_bytes()
    with pytest.raises(InputError) as info:
        new_study("q10-screening", folder, start=START)
    assert info.value.code == "study_folder_exists" and "study.toml" in info.value.render("en")
    check_messages(info.value)
    assert (folder / "study.toml").read_bytes() == before


def test_generic_attributes_notice_for_an_unknown_product(tmp_path):
    made = new_study("aslt-arrhenius", tmp_path / "s", start=START, product="Frozen shrimp")
    codes = [n.code for n in made.notices]
    assert codes[0] == "protocol_generic_attributes"
    assert made.plan.product == "Frozen shrimp" and made.plan.protocol.product is None
    assert made.plan.name == "frozen-shrimp-2027-01-04"


def test_study_toml_records_the_plan_and_cites_limits(tmp_path):
    made = new_study("real-time-confirmation", tmp_path / "s", start=START, product="gula_semut")
    text = (tmp_path / "s" / "study.toml").read_text(encoding="utf-8")
    assert 'method = "ich_q1e"' in text and "start = 2027-01-04" in text
    assert 'batches = ["B1", "B2", "B3"]' in text
    assert "pulls = [0, 3, 6, 9, 12, 18, 24]" in text
    assert "SNI 01-3743-1995" in text and "not checked against the official text" in text
    plan = read_plan(tmp_path / "s")
    assert plan.protocol.chambers == made.plan.protocol.chambers
    assert plan.protocol.attributes == made.plan.protocol.attributes
    assert plan.start == datetime.date(2027, 1, 4)


def test_edited_limit_is_read_back_as_set_by_the_user(tmp_path):
    folder = tmp_path / "s"
    new_study("aslt-arrhenius", folder, start=START, product="kopi_bubuk")
    toml = folder / "study.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("limit = 7.0", "limit = 6.0"))
    (a,) = read_plan(folder).protocol.attributes
    assert a.limit == 6.0 and a.limit_source.status == "user"
    simulate(folder, np.random.default_rng(1))
    assert read_study(folder).attributes[0].limit == 6.0


# ----------------------------------------------------------------------------- calendars


def test_schedule_dates():
    table = Protocol.from_name("aslt-arrhenius").schedule(START)
    assert len(table) == 27
    first = table[(table.chamber == 1) & (table.pull == 3)].iloc[0]
    assert first.planned_day == 7 and first.planned_date == datetime.date(2027, 1, 11)
    assert first.window_start == datetime.date(2027, 1, 10)
    assert first.window_end == datetime.date(2027, 1, 12)
    assert list(table.scheduled_date) == sorted(table.scheduled_date)
    real = Protocol.from_name("real-time-confirmation").schedule(START)
    assert real.iloc[-1].scheduled_date == datetime.date(2029, 1, 3)  # 24 x 30.4375 = 730.5 d
    assert set(real.samples) == {6}  # 2 replicates x 3 batches
    undated = Protocol.from_name("aslt-arrhenius").schedule()
    assert undated.planned_date.isna().all() and list(undated.scheduled_day[:3]) == [0, 0, 0]


def _weekend_protocol(window_days: float) -> Protocol:
    base = Protocol.from_name("aslt-arrhenius", product="kopi_bubuk")
    chamber = Chamber(temperature=323.15, pulls=(0.0, 3.0, 4.0, 10.0, 13.0))
    return dataclasses.replace(base, chambers=(chamber,), pull_window=window_days)


def test_avoid_weekends_moves_to_the_nearest_weekday_in_the_window():
    start = "2027-01-06"  # Wednesday: day 3 Saturday, day 4 Sunday, day 10 Saturday
    p = _weekend_protocol(1.0)
    plain = p.schedule(start)
    assert [d.weekday() for d in plain.scheduled_date] == [2, 5, 6, 5, 1]
    table = p.schedule(start, avoid_weekends=True)
    assert [str(d) for d in table.scheduled_date] == [
        "2027-01-06",
        "2027-01-08",  # Saturday -> Friday (1 day) rather than Monday (2 days)
        "2027-01-11",  # Sunday -> Monday
        "2027-01-15",
        "2027-01-19",
    ]
    assert list(table.moved) == [False, True, True, True, False]
    assert "Saturday 2027-01-09 to Friday 2027-01-08 (weekend)" in table.note[1]
    assert "outside" not in "".join(table.note)
    sheet = data_sheet(p, start, avoid_weekends=True)
    assert sorted(set(sheet["time [day]"])) == [0, 2, 5, 9, 13]  # real storage times
    idn = p.schedule(start, avoid_weekends=True, lang="id")
    assert "Sabtu 2027-01-09 ke Jumat 2027-01-08" in idn.note[1]


def test_avoid_weekends_without_room_in_the_window_goes_to_friday():
    table = _weekend_protocol(0.0).schedule("2027-01-06", avoid_weekends=True)
    assert [str(d) for d in table.scheduled_date][1:4] == [
        "2027-01-08",
        "2027-01-08",
        "2027-01-15",
    ]
    assert "outside the pull window" in table.note[2]


def test_protocol_schedule_command_and_csv(tmp_path):
    folder = tmp_path / "s"
    new_study("aslt-arrhenius", folder, start="2027-01-06", product="keripik")
    rows = list(csv.DictReader((folder / "schedule.csv").open(encoding="utf-8")))
    assert rows[0].keys() >= {
        "chamber",
        "temperature [°C]",
        "rh [%]",
        "pull",
        "planned_day [day]",
        "planned_date",
        "window_start",
        "window_end",
    }
    assert {r["moved"] for r in rows} == {"no"}
    assert any(r["weekday"] == "Saturday" for r in rows)
    assert main(["protocol", "schedule", str(folder), "--avoid-weekends"]) == 0
    rows = list(csv.DictReader((folder / "schedule.csv").open(encoding="utf-8")))
    moved = [r for r in rows if r["moved"] == "yes"]
    assert moved and all(r["note"] for r in moved)
    assert not any(r["weekday"] in ("Saturday", "Sunday") for r in rows)
    written = write_schedule(folder, tmp_path / "elsewhere", lang="id")
    assert Path(written["schedule.ics"]).parent == tmp_path / "elsewhere"


def unfold(text: str) -> list[str]:
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def test_ics_is_valid_and_byte_identical_across_runs(tmp_path):
    for name in ("a", "b"):
        new_study("aslt-arrhenius", tmp_path / name, start=START, product="keripik")
    raw = (tmp_path / "a" / "schedule.ics").read_bytes()
    for file in ("schedule.ics", "schedule.csv", "study.toml", "data.csv"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()
    text = raw.decode("utf-8")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = []
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current.append(line)
    table = schedule(Protocol.from_name("aslt-arrhenius", product="keripik"), START)
    assert len(events) == len(table) == 27
    uids = []
    for event in events:
        keys = [x.split(":", 1)[0] for x in event]
        assert {"UID", "DTSTAMP", "DTSTART;VALUE=DATE", "DTEND;VALUE=DATE", "SUMMARY"} <= set(keys)
        fields = dict(x.split(":", 1) for x in event)
        assert fields["DTSTAMP"] == "20270104T000000Z"
        assert re.fullmatch(r"\d{8}", fields["DTSTART;VALUE=DATE"])
        uids.append(fields["UID"])
    assert len(set(uids)) == len(uids)
    starts = sorted(dict(x.split(":", 1) for x in e)["DTSTART;VALUE=DATE"] for e in events)
    assert starts[0] == "20270104" and "20270111" in starts


# -------------------------------------------------------------------------------- sheets


def test_xlsx_sheet_has_units_validation_and_plan(tmp_path):
    folder = tmp_path / "s"
    new_study("real-time-confirmation", folder, start=START, product="gula_kelapa")
    assert main(["protocol", "sheet", str(folder), "--xlsx"]) == 0
    path = folder / "data.xlsx"
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Data", "Plan"]
    ws = wb["Data"]
    header = [c.value for c in ws[1]]
    assert header == [
        "time [month]",
        "temperature [°C]",
        "rh [%]",
        "replicate",
        "batch",
        "moisture [%]",
        "sucrose [%]",
        "reducing_sugar [%]",
    ]
    plan = read_plan(folder)
    assert ws.max_row - 1 == plan.protocol.n_samples == 7 * 2 * 3
    assert ws.freeze_panes == "A2"
    validations = ws.data_validations.dataValidation
    decimal = [v for v in validations if v.type == "decimal"]
    covered = {str(r).split(":")[0][0] for v in decimal for r in v.sqref.ranges}
    assert {"A", "B", "C", "F", "G", "H"} <= covered
    moisture = next(v for v in decimal if "F2" in str(v.sqref))
    assert moisture.showInputMessage and "%" in moisture.prompt
    assert (moisture.formula1, moisture.formula2) == ("0.0", "100.0")
    assert any(v.type == "whole" for v in validations)
    plan_sheet = wb["Plan"]
    assert plan_sheet.max_row - 1 == 7
    assert plan_sheet.cell(2, 5).value.date() == datetime.date(2027, 1, 4)
    # deterministic bytes; never overwrite without --force
    first = path.read_bytes()
    assert main(["protocol", "sheet", str(folder), "--xlsx"]) == 2
    assert main(["protocol", "sheet", str(folder), "--xlsx", "--force"]) == 0
    assert path.read_bytes() == first


def test_sheet_command_refuses_to_overwrite_lab_data(tmp_path):
    folder = tmp_path / "s"
    new_study("q10-screening", folder, start=START, product="kerupuk")
    with pytest.raises(InputError) as info:
        write_sheet(folder)
    assert (info.value.code, info.value.file) == ("sheet_exists", str(folder / "data.csv"))
    check_messages(info.value)
    other = write_sheet(folder, tmp_path / "blank.csv")
    assert Path(other).read_bytes() == (folder / "data.csv").read_bytes()


# ----------------------------------------------------------------------- CLI and shipping


def test_protocol_list_and_show(capsys):
    assert main(["protocol", "list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in (*TEMPLATES, *PRODUCTS))
    assert main(["protocol", "show", "aslt-arrhenius", "--product", "dodol"]) == 0
    out = capsys.readouterr().out
    assert "45 °C" in out and "SNI 01-2986-1992" in out and "Labuza" in out
    assert main(["protocol", "show", "real-time-confirmation", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert "bulan ke-0, 3, 6, 9, 12, 18, 24" in out and "Kekuatan" in out
    assert main(["protocol", "show", "q10-screening", "--product", "Frozen shrimp"]) == 0
    assert "No product preset matches 'Frozen shrimp'" in capsys.readouterr().out
    assert main(["protocol", "show", "no-such-protocol"]) == 2
    assert main(["protocol"]) == 2


def test_protocol_to_dict_is_json():
    d = Protocol.from_name("real-time-confirmation", product="gula_semut").to_dict()
    again = json.loads(json.dumps(d))
    assert again["chambers"][0]["temperature"] == {"value": 30.0, "unit": "degC"}
    assert again["attributes"][0]["limit"] == {"value": 3.0, "unit": "%", "direction": "max"}
    assert again["product"] == "gula_semut" and again["batches"] == ["B1", "B2", "B3"]


SOP_SECTIONS = {
    "en": (
        "Purpose",
        "Equipment",
        "Chamber set-up and logging",
        "Sampling plan",
        "Replicates",
        "Measurements and units",
        "Data entry",
        "Checks",
        "Analysis with shelflife",
        "Red flags to avoid",
        "Sources",
    ),
    "id": (
        "Tujuan",
        "Peralatan",
        "Penyiapan ruang simpan dan pencatatan suhu",
        "Rencana pengambilan sampel",
        "Ulangan",
        "Pengukuran dan satuan",
        "Pencatatan data",
        "Pemeriksaan",
        "Analisis dengan shelflife",
        "Kesalahan yang harus dihindari",
        "Sumber",
    ),
}


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", TEMPLATES)
def test_sop_beside_each_template_has_every_section(name, lang):
    text = (DATA / f"{name}.{lang}.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (?:\d+\. )?(.+)$", text, flags=re.M)
    assert list(SOP_SECTIONS[lang]) == headings
    assert f"shelflife protocol new {name}" in text and "shelflife analyze" in text


def test_templates_ship_in_the_package_and_the_root_folder_points_there():
    readme = (REPO / "protocols" / "README.md").read_text(encoding="utf-8")
    assert "shelflife/protocols/data" in readme
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"protocols/data/*"' in pyproject and '"protocols/data/*/*"' in pyproject
    for name in TEMPLATES:
        assert (DATA / f"{name}.toml").is_file()


def test_copied_template_can_be_used_by_path(tmp_path):
    path = tmp_path / "mine.toml"
    shutil.copy(DATA / "aslt-arrhenius.toml", path)
    made = new_study(str(path), tmp_path / "s", start=START, product="kopi_bubuk")
    assert made.plan.protocol.name == "aslt-arrhenius"
    assert read_plan(tmp_path / "s").protocol.title.startswith("Accelerated")
