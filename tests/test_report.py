"""HTML report, plain-text summary, Jupyter tables, translations and the output writer."""

import dataclasses
import os
import re

import numpy as np
import pandas as pd
import pytest

from shelflife.analysis import analyze
from shelflife.diagnostics import compare_models
from shelflife.errors import InputError, Notice
from shelflife.io.output import write_outputs
from shelflife.report import i18n
from shelflife.report.builder import (
    _diagnostics,
    _isoconversion,
    _method,
    _model_comparison,
    build_report,
)
from shelflife.report.html_tables import (
    fit_result_html,
    parameter_name,
    parameter_rows,
    study_analysis_html,
)
from shelflife.report.text import isoconversion_differs, summary_text
from shelflife.study import Study

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
    assert report_en.count("<svg") == 10  # five plots per attribute
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


def test_same_analysis_gives_identical_html(analysis, report_en, report_id):
    assert build_report(analysis, lang="en") == report_en
    assert build_report(analysis, lang="id") == report_id


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
    assert exc.value.code == "output_name_unsafe"
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


# ------------------------------------------- diagnostics, comparison, isoconversion
def _attribute_section(html, index):
    start = html.index(f'id="attribute-{index}"')
    end = html.find('<section class="attribute"', start)
    return html[start : end if end > 0 else html.index('<section id="method"')]


def _text(html):
    """Visible text of an HTML fragment, whitespace collapsed (SVG text included)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_diagnostics_section_per_attribute(report_en, analysis):
    for i, aa in enumerate(analysis.attributes, start=1):
        section = _attribute_section(report_en, i)
        assert "<h3>Model diagnostics</h3>" in section
        text = _text(section)
        lof = aa.diagnostics.lack_of_fit  # the simulated study has three replicates
        assert f"F = {lof.f_statistic:.2f} on {lof.df_lack_of_fit} and {lof.df_pure_error}" in text
        assert "No evidence that the curve misses the replicate means" in text
        assert "Not testable with 3 temperatures" in text
        assert "None: no studentised residual beyond ±3.5." in text
        assert "Parameters at a bound" in text and "None: every parameter" in text


def test_model_comparison_table_with_akaike_weights(report_en, analysis):
    for i, aa in enumerate(analysis.attributes, start=1):
        section = _attribute_section(report_en, i)
        start = section.index("<h3>Model comparison</h3>")
        table = section[start : section.index("</table>", start)]
        for header in ("Reaction order", "Temperature model", "AICc", "ΔAICc", "Akaike weight"):
            assert header in table
        ranking = compare_models([aa.fit, *aa.alternatives])
        assert table.count("<tr") == 1 + len(ranking)
        best = ranking.iloc[0]
        assert f"{best['akaike_weight']:.3f}" in table
        assert f"{best['aicc']:.2f}".replace("-", "−") in table
        assert "chosen" in table
        # shelf lives are the analysis's own, for the chosen fit and each alternative
        for lives in (aa.shelf_lives, *aa.alternative_shelf_lives):
            assert f"{lives[0].estimate:.1f} days" in table
    assert "Alternative models" not in report_en


def test_isoconversion_table(report_en, analysis):
    for i, aa in enumerate(analysis.attributes, start=1):
        section = _attribute_section(report_en, i)
        assert "Isoconversion (no reaction order assumed)" in section
        start = section.index("Isoconversion (no reaction order assumed)")
        text = _text(section[start : section.index("Comparison with the two-step", start)])
        iso = aa.isoconversion
        for r in iso.times:
            assert f"{r.time:.1f}" in text
        assert "interpolation between pulls" in text or "extrapolation" in text
        assert "Ea, isoconversion" in text
        assert "Isoconversion gives Ea =" in text
        where = "outside" if isoconversion_differs(aa) else "inside"
        assert f"{where} the 95 % CI of the one-step Ea" in text
        sl = iso.shelf_life_floats(np.array(analysis.storage_temperatures))
        assert f"{sl['estimate'][0]:.1f}" in text


def test_qq_and_studentised_plots(report_en, report_id):
    svgs = re.findall(r"<svg\b.*?</svg>", report_en, flags=re.S)
    assert len(svgs) == 10
    assert sum("Standard normal quantile" in s for s in svgs) == 2  # one Q-Q per attribute
    assert sum("Studentised residual" in s for s in svgs) == 4  # Q-Q and studentised plot
    assert "Normal Q-Q plot of the studentised residuals" in report_en
    assert "Residuals against fitted values." not in report_en  # the plain plot is gone
    assert "Kuantil normal baku" in report_id
    # the plot and the outlier check use the same threshold (±3.5): no extra caption
    assert "dashed: ±3.5, the outlier threshold" in report_en
    assert "The outlier check of this report uses" not in report_en
    assert "putus-putus: ±3,5" in report_id


def test_indonesian_labels_for_new_sections(report_id):
    for label in (
        "Diagnostik model",
        "Uji ketidaksesuaian model",
        "Kelengkungan plot Arrhenius",
        "Tidak dapat diuji dengan 3 suhu",
        "Dugaan pencilan",
        "Parameter pada batasnya",
        "Perbandingan model",
        "Bobot Akaike",
        "Model suhu",
        "Isokonversi (tanpa asumsi orde reaksi)",
        "Waktu mencapai batas",
        "Ea, isokonversi",
        "Isokonversi menghasilkan Ea =",
        "Plot Q-Q normal",
        "Residual terstudentisasi",
        "Model galat untuk",
    ):
        assert label in report_id, label
    for english in (
        "Model diagnostics",
        "Akaike weight",
        "Isoconversion",
        "Lack-of-fit",
        "Error model",
        "Suspected outliers",
    ):
        assert english not in report_id, english


def test_method_states_error_model_and_diagnostics(report_en, analysis):
    method = report_en[report_en.index('<section id="method"') :]
    assert (
        "Error model for peroxide value and moisture: constant variance, every measurement "
        "weighted equally (ordinary least squares)." in method
    )
    assert "own initial value" not in method  # common initial value here
    assert "Akaike weights" in method and "±3.5" in method
    assert "Isoconversion is a cross-check" in method
    assert "Burnham" in method and "Waterman" in method


def test_method_names_each_error_model(analysis):
    pv, moisture = analysis.attributes
    combined = dataclasses.replace(
        pv, fit=dataclasses.replace(pv.fit, error_model="combined", variance_parameter=0.0512)
    )
    proportional = dataclasses.replace(
        moisture, fit=dataclasses.replace(moisture.fit, error_model="proportional")
    )
    changed = dataclasses.replace(analysis, attributes=(combined, proportional))
    en = " ".join(_method(changed, "en"))
    assert "Error model for peroxide value: a constant plus a proportional part" in en
    assert "c = 0.0512" in en
    assert "Error model for moisture: scatter proportional to the level" in en
    id_ = " ".join(_method(changed, "id"))
    assert "Model galat untuk peroxide value: bagian konstan ditambah bagian sebanding" in id_
    assert "c = 0,0512" in id_


def _frame(study):
    """The measurements of a study as a table with units in the headers."""
    d = study.data
    out = pd.DataFrame(
        {
            "time [day]": d["time_day"].to_numpy(),
            "temperature [K]": d["temperature_K"].to_numpy(),
            "replicate": d["replicate"].to_numpy(),
        }
    )
    for a in study.attributes:
        out[f"{a.name} [{a.unit}]"] = d[a.name].to_numpy()
    return out


@pytest.fixture(scope="module")
def per_temperature_analysis(simulated_study):
    pv, moisture = simulated_study.attributes
    attrs = [dataclasses.replace(pv, initial="per_temperature"), moisture]
    study = Study.from_dataframe(
        _frame(simulated_study), attrs, name="per-T", product="Per-T", storage=["30 degC"]
    )
    return analyze(study, emit_warnings=False)


def test_per_temperature_initial_values_labelled(per_temperature_analysis):
    fit = per_temperature_analysis["peroxide_value"].fit
    assert fit.model.initial_temperatures
    en = build_report(per_temperature_analysis, "en")
    section = _attribute_section(en, 1)
    for T in (25, 35, 45):
        assert f"<td>Initial value A0 at {T} °C</td>" in section
    assert "<td>Initial value A0, mean of the temperatures</td>" in section
    assert "initial_value_25C" not in en and "A0(25 °C)" not in en
    assert "For peroxide value, each test temperature has its own initial value A0" in en
    assert "<td>Initial value A0</td>" in _attribute_section(en, 2)  # common one
    id_ = build_report(per_temperature_analysis, "id")
    for T in (25, 35, 45):
        assert f"<td>Nilai awal A0 pada {T} °C</td>" in id_
    assert "<td>Nilai awal A0, rata-rata semua suhu</td>" in id_
    assert "Untuk peroxide value, setiap suhu uji memiliki nilai awal A0 sendiri" in id_


def test_generic_parameter_names_translated(analysis):
    fit = analysis["peroxide_value"].fit
    expected = {
        "order": ("Reaction order n", "Orde reaksi n"),
        "shape": ("Weibull shape β", "Parameter bentuk Weibull β"),
        "final_value": ("Final value A∞", "Nilai akhir A∞"),
        "humidity_coefficient": ("Humidity coefficient B", "Koefisien kelembapan B"),
        "q10": ("Temperature coefficient Q10", "Koefisien suhu Q10"),
        "activation_enthalpy": ("Activation enthalpy ΔH‡", "Entalpi aktivasi ΔH‡"),
    }
    for key, (en, id_) in expected.items():
        assert parameter_name(fit, key, "en") == en
        assert parameter_name(fit, key, "id") == id_
    names = [r["name"] for r in parameter_rows(fit, "id")]
    assert names[0] == "Nilai awal A0" and "Energi aktivasi Ea" in names


def test_outliers_table(simulated_study):
    frame = _frame(simulated_study)
    frame.loc[10, "moisture [%]"] += 0.6  # 21 days, 25 °C, replicate 2
    study = Study.from_dataframe(
        frame, list(simulated_study.attributes), name="o", product="o", storage=["30 degC"]
    )
    a = analyze(study, emit_warnings=False)
    moisture = a["moisture"]
    assert moisture.diagnostics.outliers
    i = moisture.diagnostics.outliers[0]
    row = int(moisture.fit.rows[i])
    html = build_report(a, "en")
    section = _attribute_section(html, 2)
    text = _text(section[section.index("Suspected outliers") : section.index("Parameters at")])
    assert "Studentised residual" in text and "Leverage" in text
    r = moisture.diagnostics.studentized[i]
    assert f" {row} 21 25 °C " in text
    assert f"{r:.2f}" in text
    id_ = _text(build_report(a, "id"))
    assert "Residual terstudentisasi Leverage" in id_
    assert f"{r:.2f}".replace(".", ",") in id_


def test_parameters_at_bound_listed(analysis):
    aa = analysis["moisture"]
    notice = Notice(
        "parameter_at_bound",
        "convergence",
        "moisture",
        {"parameter": "n (order)", "value": 0.0},
    )
    diag = dataclasses.replace(aa.diagnostics, notices=(notice,))
    changed = dataclasses.replace(
        analysis,
        attributes=(analysis.attributes[0], dataclasses.replace(aa, diagnostics=diag)),
    )
    d = _diagnostics(changed["moisture"], "en")
    assert d["bounds"] == ["Reaction order n = 0, at its bound: its interval is not reliable"]
    d = _diagnostics(changed["moisture"], "id")
    assert d["bounds"] == ["Orde reaksi n = 0, pada batasnya: selang kepercayaannya tidak andal"]


def test_summary_isoconversion_line_only_when_it_differs(analysis):
    """With three temperatures the isoconversion interval of Ea is very wide, so the
    one-step Ea lies inside it and no disagreement is reported."""
    pv, moisture = analysis["peroxide_value"], analysis["moisture"]
    assert not isoconversion_differs(pv) and not isoconversion_differs(moisture)
    assert not [x for x in summary_text(analysis, "en").splitlines() if "Isoconversion" in x]
    assert not [x for x in summary_text(analysis, "id").splitlines() if "Isokonversi" in x]


def test_lack_of_fit_without_replicates(simulated_study):
    frame = _frame(simulated_study)
    study = Study.from_dataframe(
        frame[frame["replicate"] == 1],
        list(simulated_study.attributes),
        name="single",
        product="single",
        storage=["30 degC"],
    )
    aa = analyze(study, emit_warnings=False)["moisture"]
    assert aa.diagnostics.lack_of_fit is None
    assert _diagnostics(aa, "en")["lack_of_fit"] == (
        "Not possible: no condition was measured more than once."
    )
    assert _diagnostics(aa, "id")["lack_of_fit"].startswith("Tidak dapat dilakukan")


def test_declared_order_and_missing_isoconversion_ea(analysis):
    aa = analysis["moisture"]
    alone = dataclasses.replace(aa, alternatives=(), alternative_shelf_lives=())
    assert _model_comparison(alone, "en") == []
    iso = dataclasses.replace(aa.isoconversion, activation_energy=float("nan"))
    out = _isoconversion(dataclasses.replace(aa, isoconversion=iso), (303.15,), "id")
    assert out["shelf_lives"] == []
    assert out["comparison"].startswith("Waktu mencapai batas hanya diketahui")
    assert out["ea"][-1]["value"] == "tidak tersedia"
