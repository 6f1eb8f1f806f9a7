"""Report content for importers and regulators: data appendix, uncertainty in plain words,
sign-off, reproducibility (seeds, options, time stamp), in English and Indonesian, for the
kinetics, real-time (ICH Q1E) and critical-moisture reports."""

import dataclasses
import datetime
import html
import math
import re
import shutil
from pathlib import Path

import pytest

from shelflife.analysis import analyze
from shelflife.errors import InputError, StudyFileError
from shelflife.io.studyfile import read_study
from shelflife.report.builder import (
    _data_tables,
    _uncertainty,
    build_report,
    data_cell,
    format_timestamp,
    resolve_signoff,
)
from shelflife.report.i18n import format_celsius, format_days, format_number
from shelflife.report.sections import section
from shelflife.study import TIME, ReportMeta

ROOT = Path(__file__).resolve().parents[1]
EVIL = "<script>alert(1)</script>"
WHEN = datetime.datetime(2027, 4, 30, 14, 5)


def _text(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _section(page: str, sid: str) -> str:
    start = page.index(f'<section id="{sid}"')
    return page[start : page.index("</section>", start)]


def _copy_study(name: str, tmp_path: Path, report_table: str = "") -> Path:
    folder = tmp_path / name
    shutil.copytree(ROOT / "sample_data" / name, folder)
    if report_table:
        with open(folder / "study.toml", "a", encoding="utf-8") as handle:
            handle.write("\n" + report_table)
    return folder


@pytest.fixture(scope="module")
def report_en(analysis):
    return build_report(analysis, "en")


@pytest.fixture(scope="module")
def report_id(analysis):
    return build_report(analysis, "id")


@pytest.fixture(scope="module")
def cold_analysis(simulated_study):
    """Storage at 10 °C, 15 °C below the tested range (25–45 °C)."""
    study = dataclasses.replace(simulated_study, storage_temperatures=(283.15,))
    return analyze(study, emit_warnings=False)


@pytest.fixture(scope="module")
def realtime_analysis():
    return analyze(read_study(ROOT / "sample_data" / "gula-semut-realtime"), emit_warnings=False)


@pytest.fixture(scope="module")
def moisture_analysis():
    return analyze(
        read_study(ROOT / "sample_data" / "kerupuk-critical-moisture"), emit_warnings=False
    )


# ------------------------------------------------------------------ data appendix
def test_data_section_numbered_and_in_contents(report_en, report_id):
    for page, title in ((report_en, "Data"), (report_id, "Data pengamatan")):
        nav = page[page.index("<nav>") : page.index("</nav>")]
        assert f'<a href="#data">6. {title}</a>' in nav
        assert f"<h2>6. {title}</h2>" in _section(page, "data")
        assert page.index('id="reproducibility"') < page.index('id="data"')
        assert page.index('id="data"') < page.index('id="signoff"')


def test_data_table_rows_and_means(report_en, analysis):
    data = _section(report_en, "data")
    tables = re.findall(r"<table class=\"data\">(.*?)</table>", data, re.S)
    assert len(tables) == len(analysis.attributes)
    st = analysis.study
    times = sorted(set(st.data[TIME]))
    for aa, table in zip(analysis.attributes, tables, strict=True):
        body = table[table.index("<tbody>") :]
        assert body.count("<tr>") == len(times) == 7
        header = _text(table[: table.index("</thead>")])
        assert header.startswith("Time [day]")
        for T in st.temperatures:
            assert format_celsius(T, "en") in header
        # first row, first column: mean of the replicates at time 0 and the lowest temperature
        rows = st.data[(st.data[TIME] == 0) & (st.data["temperature_K"].round(6) == 298.15)]
        values = rows[aa.attribute.name].tolist()
        decimals = max(
            len(f"{v:.6f}".rstrip("0").partition(".")[2]) for v in st.data[aa.attribute.name]
        )
        cell = data_cell(values, "en", decimals)
        assert cell["n"] == "3" and cell["mean"] in body and cell["singles"] in body
    assert "Each cell: the mean of 3 replicates" in data


def test_data_cell():
    assert data_cell([], "en", 2) == {"mean": "–", "n": "", "singles": ""}
    assert data_cell([1.5], "id", 2) == {"mean": "1,50", "n": "", "singles": ""}
    cell = data_cell([1.28, 1.11, 0.67], "id", 2)
    assert cell == {"mean": "1,020", "n": "3", "singles": "1,28; 1,11; 0,67"}


def test_data_table_in_the_source_time_unit(analysis):
    weekly = dataclasses.replace(
        analysis, study=dataclasses.replace(analysis.study, time_unit="week")
    )
    tables = _data_tables(weekly, "id")
    assert tables[0]["head"] == ["Waktu [minggu]", "Waktu [hari]"]
    assert tables[0]["rows"][1]["lead"] == ["1", "7"]  # 7 days = 1 week


def test_consumer_panel_data_table():
    a = analyze(read_study(ROOT / "sample_data" / "keripik-consumer-panel"), emit_warnings=False)
    page = build_report(a, "en")
    data = _section(page, "data")
    panel = a.others[0]
    assert "Consumer acceptance: consumers per rejection interval" in data
    table = re.findall(r"<table class=\"data\">(.*?)</table>", data, re.S)[-1]
    counts = [int(x) for x in re.findall(r'<td class="num">(\d+)</td>', table)]
    assert sum(counts) == len(panel.spec.panel.consumer) == 60
    assert "&gt; 90" in table and "≤ 15" in table  # never rejected; rejected at once


# ------------------------------------------------------- uncertainty in plain words
def test_uncertainty_numbers_are_the_analysis_numbers(report_en, analysis):
    T = analysis.storage_temperatures[0]
    name = analysis.limiting_at(T)
    s = analysis.shelf_life_of(name, T)
    verdict = _text(_section(report_en, "verdict"))
    assert "What the numbers mean" in verdict
    longest = float(analysis.study.data[TIME].max())
    expected = [
        f"At 30 °C, {analysis.display_names()[name]} sets the shelf life: "
        f"{format_days(s.estimate, 'en')}",
        f"95 % confidence interval of {format_number(s.ci95[0], 'en', 1)} to "
        f"{format_number(s.ci95[1], 'en', 1)} days",
        f"conservative value of {format_days(s.conservative, 'en')}",
        "30 °C lies inside the tested range (25 °C to 45 °C)",
        f"spans {format_number(100 * (s.ci95[1] - s.ci95[0]) / s.estimate, 'en', 0)} %",
        f"{format_number(s.estimate / longest, 'en', 1)} times the longest storage time "
        "tested (42 days)",
        "lower one-sided 95 % confidence bound",
        "Use it for the label.",
    ]
    for phrase in expected:
        assert phrase in verdict, phrase
    assert s.estimate / longest > 1 and "the same reaction goes on" in verdict


def test_uncertainty_extrapolation_distance(cold_analysis):
    T = cold_analysis.storage_temperatures[0]
    name = cold_analysis.limiting_at(T)
    s = cold_analysis.shelf_life_of(name, T)
    text = " ".join(_uncertainty(cold_analysis, "id")["paragraphs"])
    assert "10 °C berada 15 °C di bawah rentang uji (25 °C sampai 45 °C)" in text
    width = format_number(100 * (s.ci95[1] - s.ci95[0]) / s.estimate, "id", 0)
    assert f"Lebar selangnya {width} %" in text
    near = next(x for x in cold_analysis[name].table if abs(x.temperature - 298.15) < 1e-6)
    near_width = format_number(100 * (near.ci95[1] - near.ci95[0]) / near.estimate, "id", 0)
    assert f"Pada 25 °C, di dalam rentang uji, lebarnya {near_width} %" in text
    assert format_number(s.ci95[0], "id", 1) in text  # decimal comma


def test_uncertainty_without_a_shelf_life(simulated_study):
    wrong_way = tuple(
        dataclasses.replace(a, limit=0.5, direction="min") for a in simulated_study.attributes
    )
    a = analyze(dataclasses.replace(simulated_study, attributes=wrong_way), emit_warnings=False)
    text = _uncertainty(a, "en")["paragraphs"][0]
    assert text.startswith("At 30 °C no attribute reaches its limit")


# ------------------------------------------------------------------------ sign-off
def test_signoff_blank_by_default(report_en, report_id):
    for page, title in ((report_en, "7. Sign-off"), (report_id, "7. Pengesahan")):
        block = _section(page, "signoff")
        assert f"<h2>{title}</h2>" in block
        # analyst, reviewer, two signatures, laboratory and date: six lines to fill in
        assert block.count('<span class="blank">') == 6
    assert "Analis" in _section(report_id, "signoff")


def test_signoff_from_study_toml(tmp_path):
    folder = _copy_study(
        "keripik-tempe",
        tmp_path,
        '[report]\nanalyst = "Sari Wulandari"\nreviewer = "Budi Santoso"\n'
        f'laboratory = "{EVIL}"\nsigned = 2027-04-30\n',
    )
    study = read_study(folder)
    assert study.report_meta == ReportMeta(
        "Sari Wulandari", "Budi Santoso", EVIL, datetime.date(2027, 4, 30)
    )
    a = analyze(study, emit_warnings=False)
    block = _section(a.report("id"), "signoff")
    assert "Sari Wulandari" in block and "Budi Santoso" in block
    assert "30 April 2027" in block
    assert EVIL not in block and "&lt;script&gt;alert(1)&lt;/script&gt;" in block
    assert block.count('<span class="blank">') == 2  # the two signatures only
    assert "April 30, 2027" in _section(a.report("en"), "signoff")


def test_signoff_from_python_overrides_the_study(analysis):
    meta = ReportMeta(analyst="A. Analyst", laboratory="Lab A", signed=datetime.date(2027, 1, 2))
    study = dataclasses.replace(analysis.study, report_meta=meta)
    a = dataclasses.replace(analysis, study=study)
    block = _section(
        a.report("en", signoff={"analyst": EVIL, "reviewer": "R. Eviewer"}), "signoff"
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in block and "<script" not in block
    assert "R. Eviewer" in block and "Lab A" in block and "January 2, 2027" in block
    assert "A. Analyst" not in block
    # a ReportMeta replaces the study's sign-off as a whole
    block = _section(build_report(a, "en", signoff=ReportMeta(reviewer="Only")), "signoff")
    assert "Only" in block and "Lab A" not in block and block.count('class="blank"') == 5


def test_resolve_signoff():
    base = ReportMeta("a", "b", "c", datetime.date(2027, 1, 1))
    assert resolve_signoff(base) is base
    assert resolve_signoff(None) == ReportMeta()
    got = resolve_signoff(base, {"signed": "2027-05-06", "analyst": " x ", "reviewer": None})
    assert got == ReportMeta("x", "b", "c", datetime.date(2027, 5, 6))
    assert resolve_signoff(base, {"signed": ""}).signed is None
    with pytest.raises(InputError, match="analist"):
        resolve_signoff(base, {"analist": "x"})
    with pytest.raises(InputError, match="sign-off date"):
        resolve_signoff(base, {"signed": "30/04/2027"})


def test_report_table_schema_errors(tmp_path):
    folder = _copy_study("keripik-tempe", tmp_path, '[report]\nanalyts = "x"\n')
    with pytest.raises(StudyFileError) as exc:
        read_study(folder)
    assert exc.value.code == "toml_unknown_key" and "analyst" in str(exc.value)
    shutil.rmtree(folder)
    folder = _copy_study("keripik-tempe", tmp_path, '[report]\nsigned = "30-04-2027"\n')
    with pytest.raises(StudyFileError) as exc:
        read_study(folder)
    assert exc.value.code == "toml_bad_value" and "report.signed" in str(exc.value)
    assert "signed = 2027-04-30" in exc.value.render("en")
    assert "tahun-bulan-hari" in exc.value.render("id")
    shutil.rmtree(folder)
    folder = _copy_study("keripik-tempe", tmp_path, '[report]\nsigned = "2027-04-30"\n')
    assert read_study(folder).report_meta.signed == datetime.date(2027, 4, 30)


def test_report_table_in_a_moisture_study(tmp_path):
    folder = _copy_study(
        "kerupuk-critical-moisture", tmp_path, '[report]\nanalyst = "Siti"\nsigned = 2027-04-30\n'
    )
    study = read_study(folder)
    assert study.report_meta.analyst == "Siti"
    assert "Siti" in build_report(analyze(study), "id")


# ----------------------------------------------------------------- reproducibility
def test_no_timestamp_unless_asked(analysis, report_en, report_id):
    assert build_report(analysis, "en") == report_en  # deterministic
    assert "Report generated" not in report_en and "Laporan dibuat" not in report_id
    stamped = build_report(analysis, "en", timestamp=WHEN)
    assert stamped != report_en
    assert stamped == build_report(analysis, "en", timestamp=WHEN)
    repro = _text(_section(stamped, "reproducibility"))
    assert _text(f"Report generated {format_timestamp(WHEN, 'en')}") in repro
    assert "April 30, 2027" in repro and "2:05" in repro
    repro_id = _text(_section(build_report(analysis, "id", timestamp=WHEN), "reproducibility"))
    assert "Laporan dibuat 30 April 2027, 14.05" in repro_id


def test_format_timestamp_with_offset():
    wib = datetime.timezone(datetime.timedelta(hours=7))
    assert format_timestamp(WHEN.replace(tzinfo=wib), "id") == "30 April 2027, 14.05 (UTC+07:00)"
    assert format_timestamp(datetime.date(2027, 4, 30), "id") == "30 April 2027"


def test_reproducibility_options_and_seeds(report_en, report_id, analysis):
    repro = _text(_section(report_en, "reproducibility"))
    assert "Random seeds none: the analysis uses no random numbers" in repro
    assert "Storage temperatures 30 °C" in repro
    assert "Confidence level 95 % (two-sided intervals" in repro
    for aa in analysis.attributes:
        assert f"{aa.attribute.display_name}: requested auto" in repro
    assert "ΔAIC = 2.0" in repro
    threshold = max(aa.diagnostics.outlier_threshold for aa in analysis.attributes)
    assert f"|studentised residual| > {format_number(threshold, 'en', 2, trim=True)}" in repro
    assert "shelflife " in repro  # the version, with the other software
    repro_id = _text(_section(report_id, "reproducibility"))
    assert "Seed acak tidak ada" in repro_id and "ΔAIC = 2,0" in repro_id


class _RandomExtra:
    """A result drawn at random, as a route simulation is (seed on its simulations)."""

    json_key = "route"

    def __init__(self, seed):
        self.simulations = (type("Sim", (), {"seed": seed})(),)

    def report_section(self, lang):
        return section("random-extra", "Random extra", paragraphs=["drawn at random"])


def test_seed_of_an_extra_and_contents_numbering(analysis):
    page = build_report(analysis, "en", extras=[_RandomExtra(7)])
    assert "route: 7" in _text(_section(page, "reproducibility"))
    nav = page[page.index("<nav>") : page.index("</nav>")]
    for sid, number in (("random-extra", 4), ("method", 5), ("reproducibility", 6)):
        assert f'href="#{sid}">{number}. ' in nav
        assert f"<h2>{number}. " in _section(page, sid)
    assert '<a href="#data">7. Data</a>' in nav and '<a href="#signoff">8. Sign-off</a>' in nav


def test_indonesian_labels_of_the_new_sections(report_id):
    for phrase in (
        "Arti angka-angka ini",
        "Data pengamatan",
        "Pengesahan",
        "Tanda tangan",
        "Pemeriksa",
        "Seed acak",
        "Tingkat kepercayaan",
        "kali waktu simpan terlama",
    ):
        assert phrase in report_id, phrase
    for english in ("What the numbers mean", "Sign-off", "Random seeds", "Each cell"):
        assert english not in report_id


# ------------------------------------------------------------------ real-time report
def test_realtime_signoff_timestamp_and_uncertainty(realtime_analysis, tmp_path):
    a = realtime_analysis
    page = build_report(a, "en", timestamp=WHEN, signoff={"analyst": EVIL})
    assert page == build_report(a, "en", timestamp=WHEN, signoff={"analyst": EVIL})
    assert "<script" not in page and "&lt;script&gt;" in _section(page, "signoff")
    assert "Report generated April 30, 2027" in _text(_section(page, "reproducibility"))
    assert a.report("en") == build_report(a, "en")  # no stamp by default
    assert "Report generated" not in a.report("en")
    T = a.storage_temperatures[0]
    r = a[a.limiting_at(T)].result_at(T)
    verdict = _text(_section(page, "verdict"))
    shelf = format_number(r.shelf_life, "en", 2)
    assert f"sets the shelf life: {shelf} months" in verdict
    assert f"of the worst batch ({r.worst_batch})" in verdict
    ratio = format_number(r.shelf_life / r.last_time, "en", 1)
    assert f"{ratio} times the longest storage time" in verdict
    nav = page[page.index("<nav>") : page.index("</nav>")]
    assert '<a href="#signoff">6. Sign-off</a>' in nav
    # from study.toml
    folder = _copy_study(
        "gula-semut-realtime", tmp_path, '[report]\nlaboratory = "Lab Gula"\nsigned = 2027-05-01\n'
    )
    b = analyze(read_study(folder), emit_warnings=False)
    block = _section(b.report("id"), "signoff")
    assert "Lab Gula" in block and "1 Mei 2027" in block


# ------------------------------------------------------------ critical-moisture report
def test_moisture_report_data_signoff_timestamp(moisture_analysis):
    a = moisture_analysis
    page = build_report(a, "id", timestamp=WHEN, signoff={"reviewer": "Budi", "signed": WHEN})
    assert a.report("id") == build_report(a, "id")
    assert "Laporan dibuat" not in a.report("id")
    assert "Laporan dibuat 30 April 2027, 14.05" in _text(_section(page, "reproducibility"))
    block = _section(page, "signoff")
    assert "Budi" in block and "30 April 2027" in block
    data = _section(page, "data")
    n_aw = len({round(float(x), 6) for x in a.study.aw})
    body = data[data.index("<tbody>") :]
    assert body.count("<tr>") == n_aw == 8
    nav = page[page.index("<nav>") : page.index("</nav>")]
    assert '<a href="#data">7. Data pengamatan</a>' in nav
    assert '<a href="#signoff">8. Pengesahan</a>' in nav
    repro = _text(_section(page, "reproducibility"))
    assert f"dipakai {a.isotherm.name}" in repro and "Seed acak tidak ada" in repro
    assert math.isfinite(a.study.critical)


def test_package_and_limit_sources_in_the_design():
    # sample_data/keripik-tempe states its package and where each limit comes from
    analysis = analyze(read_study(ROOT / "sample_data" / "keripik-tempe"), emit_warnings=False)
    report_en, report_id = build_report(analysis, "en"), build_report(analysis, "id")
    assert "PP bag (polypropylene), heat-sealed" in report_en
    assert "SNI 2602:2018 Keripik tempe" in report_en
    assert "Source of the limit" in report_en and "Sumber batas" in report_id
    doc = analysis.to_dict()
    limits = {a["name"]: a["limit"] for a in doc["attributes"]}
    assert limits["moisture"]["source"].startswith("SNI 2602:2018")


def test_limit_source_not_stated(tmp_path):
    folder = _copy_study("keripik-tempe", tmp_path)
    toml = folder / "study.toml"
    text = "\n".join(
        line
        for line in toml.read_text(encoding="utf-8").splitlines()
        if not line.startswith(("limit_source", "package"))
    )
    toml.write_text(text + "\n", encoding="utf-8")
    page = build_report(analyze(read_study(folder), emit_warnings=False), "id")
    assert "tidak disebutkan" in page
    assert (
        "source"
        not in analyze(read_study(folder), emit_warnings=False).to_dict()["attributes"][0]["limit"]
    )
