"""HTML report, plain-text summary, Jupyter tables, translations and the output writer."""

import dataclasses
import os
import re

import pytest

from shelflife.analysis import analyze
from shelflife.errors import InputError
from shelflife.io.output import write_outputs
from shelflife.report import i18n
from shelflife.report.builder import build_report
from shelflife.report.html_tables import fit_result_html, study_analysis_html
from shelflife.report.text import summary_text

EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def report_en(analysis):
    return build_report(analysis, lang="en")


@pytest.fixture(scope="module")
def report_id(analysis):
    return build_report(analysis, lang="id")


@pytest.fixture(scope="module")
def evil_analysis(simulated_study):
    # a hostile product name, and a storage temperature below the tested range (a warning)
    study = dataclasses.replace(
        simulated_study, product=EVIL, storage_temperatures=(303.15, 283.15)
    )
    return analyze(study, emit_warnings=False)


# ------------------------------------------------------------------------ report
def test_sections_in_order(report_en):
    ids = ["verdict", "design", "attribute-1", "attribute-2", "method", "reproducibility"]
    positions = [
        report_en.index(f'<section id="{i}"')
        if i in ("verdict", "design", "method", "reproducibility")
        else report_en.index(f'id="{i}"')
        for i in ids
    ]
    assert positions == sorted(positions)
    assert report_en.index("Verdict") < report_en.index("Method")


def test_report_names_attributes_and_verdict(report_en, analysis):
    for name in ("peroxide value", "moisture"):
        assert name in report_en
    limiting = analysis.limiting_attribute
    verdict = report_en[report_en.index('id="verdict"') : report_en.index('id="design"')]
    assert analysis[limiting].attribute.display_name in verdict
    s = analysis[limiting].shelf_lives[0]
    assert f"{s.estimate:.1f} days" in verdict
    assert f"{s.conservative:.1f} days" in verdict
    assert s.months_days("en") in verdict


def test_report_is_self_contained_with_inline_svg(report_en):
    assert report_en.startswith("<!DOCTYPE html>")
    assert report_en.count("<svg") == 8  # four plots per attribute
    assert "<script" not in report_en
    assert not re.search(r'(src|href)="(https?:|file:)', report_en)


def test_product_name_is_escaped(evil_analysis):
    html = build_report(evil_analysis)
    assert EVIL not in html
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_warnings_shown_up_front(evil_analysis):
    html = build_report(evil_analysis)
    assert evil_analysis.notices, "10 °C lies below the tested range: expected a warning"
    verdict = html[html.index('id="verdict"') : html.index('id="design"')]
    assert 'class="warnings"' in verdict
    assert "extrapolation" in verdict


def test_indonesian_report(report_id):
    assert 'lang="id"' in report_id
    assert "Umur simpan" in report_id
    assert "Kesimpulan" in report_id and "bulan" in report_id
    assert re.search(r">\d+,\d+ hari<", report_id), "decimal comma expected"
    assert "Verdict" not in report_id


def test_same_analysis_gives_identical_html(analysis, report_en):
    assert build_report(analysis, lang="en") == report_en


def test_fresh_analysis_of_same_study_gives_identical_html(simulated_study, report_en):
    again = analyze(simulated_study, emit_warnings=False)
    assert build_report(again) == report_en


def test_report_unknown_language(analysis):
    with pytest.raises(InputError, match="language"):
        build_report(analysis, lang="de")


def test_analysis_report_method(analysis, report_en):
    assert analysis.report() == report_en


# ----------------------------------------------------------------- summary text
def test_summary_text_english(analysis):
    text = summary_text(analysis, "en")
    assert "Keripik tempe (simulated)" in text
    assert "30 °C" in text
    assert "Limiting attribute: moisture" in text
    assert "months" in text and "conservative" in text
    assert "Ea = " in text


def test_summary_text_indonesian_with_warnings(evil_analysis):
    text = summary_text(evil_analysis, "id")
    assert "bulan" in text and "hari" in text
    assert re.search(r"\d,\d", text)
    warning_lines = [line for line in text.splitlines() if line.startswith("! ")]
    assert len(warning_lines) == len(evil_analysis.notices) > 0
    assert "ekstrapolasi" in text


def test_summary_text_unknown_language(analysis):
    with pytest.raises(InputError):
        summary_text(analysis, "xx")


# -------------------------------------------------------------------- HTML tables
def test_fit_result_html(analysis):
    html = analysis["peroxide_value"].fit._repr_html_()
    assert "<table" in html and "Activation energy" in html and "95 % CI" in html
    assert fit_result_html(analysis["moisture"].fit, lang="id").count("<table") >= 3


def test_study_analysis_html_escapes(evil_analysis, analysis):
    html = study_analysis_html(evil_analysis)
    assert EVIL not in html and "&lt;script&gt;" in html
    assert "moisture" in analysis._repr_html_()


# ------------------------------------------------------------------------- i18n
def test_format_number():
    assert i18n.format_number(1234.56, "en", 1) == "1,234.6"
    assert i18n.format_number(1234.56, "id", 1) == "1.234,6"
    assert i18n.format_number(0.0195349, "id", 3, significant=True) == "0,0195"
    assert i18n.format_number(10.0, "en", 6, significant=True, trim=True) == "10"
    assert i18n.format_number(float("inf"), "en") == "∞"
    assert i18n.format_number(-0.00001, "en", 2) == "0.00"


def test_every_label_in_both_languages():
    for key, texts in i18n.LABELS.items():
        assert set(texts) == {"en", "id"}, key
        assert re.findall(r"{(\w+)}", texts["en"]) == re.findall(r"{(\w+)}", texts["id"]), key


def test_unknown_language_message():
    with pytest.raises(InputError) as exc:
        i18n.t("shelf_life", "fr")
    assert exc.value.code == "option_unknown"
    assert "en, id" in str(exc.value)


# ------------------------------------------------------------------ write_outputs
def test_write_outputs_atomic(tmp_path):
    out = tmp_path / "a" / "b"
    paths = write_outputs(out, {"result.json": "{}\n", "report.html": "<p>ü</p>"})
    assert set(paths) == {"result.json", "report.html"}
    assert open(paths["report.html"], encoding="utf-8").read() == "<p>ü</p>"
    paths = write_outputs(out, {"result.json": '{"x": 1}\n'})  # replaces
    assert open(paths["result.json"]).read() == '{"x": 1}\n'
    assert sorted(os.listdir(out)) == ["report.html", "result.json"]  # no temp files left


@pytest.mark.parametrize("name", ["sub/result.json", "..", "", "a\\b"])
def test_write_outputs_rejects_paths(tmp_path, name):
    with pytest.raises(InputError) as exc:
        write_outputs(tmp_path, {name: "x"})
    assert exc.value.code == "output_error"
    assert os.listdir(tmp_path) == []


def test_write_outputs_dir_is_a_file(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        write_outputs(f, {"result.json": "{}"})


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_write_outputs_not_writable(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(InputError, match="not writable"):
            write_outputs(ro, {"result.json": "{}"})
    finally:
        ro.chmod(0o700)


def test_analysis_write(analysis, tmp_path):
    paths = analysis.write(tmp_path / "out")
    assert set(paths) == {"result.json", "report.html"}
    assert sorted(os.listdir(tmp_path / "out")) == ["report.html", "result.json"]


def test_report_when_no_attribute_reaches_its_limit(simulated_study):
    # both attributes rise, but fail only when falling: no finite shelf life anywhere
    wrong_way = tuple(
        dataclasses.replace(a, limit=0.5, direction="min") for a in simulated_study.attributes
    )
    a = analyze(dataclasses.replace(simulated_study, attributes=wrong_way), emit_warnings=False)
    html = build_report(a)
    verdict = html[html.index('id="verdict"') : html.index('id="design"')]
    assert "limit never reached" in verdict
    assert "limit never reached" in summary_text(a)
