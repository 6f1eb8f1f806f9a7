"""PDF report: typeset from the HTML report, rendered back to images and read back as text.

Each report is built once per module. Pages are rendered with pypdfium2 to check that
nothing lies in the page margins (nothing overflows) and text is extracted to check that
nothing is missing: every word of the HTML report is in the PDF.
"""

import dataclasses
import warnings
from pathlib import Path

import numpy as np
import pytest

pdfium = pytest.importorskip("pypdfium2")

from shelflife.analysis import analyze  # noqa: E402
from shelflife.cli import main  # noqa: E402
from shelflife.errors import InputError  # noqa: E402
from shelflife.io import read_study  # noqa: E402
from shelflife.io.output import check_formats, write_outputs  # noqa: E402
from shelflife.report import build_pdf  # noqa: E402
from shelflife.report._pdfhtml import parse_html  # noqa: E402
from shelflife.report.pdf import figure_format  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
EVIL = "<script>alert(1)</script>"
MICRO = "Sambal bawang, vitamin C 25 µg/g"
#: page margins of the report's @page rule (15 mm top/bottom, 14 mm left/right) [pt]
MARGIN_X, MARGIN_Y = 14 / 25.4 * 72, 15 / 25.4 * 72


def _analyze(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyze(read_study(path), emit_warnings=False)


def _report(analysis, lang):
    """HTML with PNG plots (what the PDF is made from) and the PDF itself."""
    with figure_format("png"):
        html = analysis.report(lang=lang)
    return html, build_pdf(html, lang=lang)


@pytest.fixture(scope="module")
def keripik():
    return _analyze(SAMPLES / "keripik-tempe")


@pytest.fixture(scope="module")
def keripik_en(keripik):
    return _report(keripik, "en")


@pytest.fixture(scope="module")
def keripik_id(keripik):
    return _report(keripik, "id")


@pytest.fixture(scope="module")
def micro_evil(simulated_study):
    """A product name with µ and a script tag (user text); one attribute (fewer plots)."""
    study = dataclasses.replace(
        simulated_study, product=f"{MICRO} {EVIL}", attributes=simulated_study.attributes[:1]
    )
    return _report(analyze(study, emit_warnings=False), "en")


@pytest.fixture(scope="module")
def realtime():
    return _analyze(SAMPLES / "gula-semut-realtime")


@pytest.fixture(scope="module")
def realtime_pdf_en(realtime):
    return realtime.report_pdf("en")


@pytest.fixture(scope="module")
def realtime_id(realtime):
    return _report(realtime, "id")


@pytest.fixture(scope="module")
def moisture_en():
    return _report(_analyze(SAMPLES / "kerupuk-critical-moisture"), "en")


# ------------------------------------------------------------------------ helpers
def _pages(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def _html_words(html: str) -> list[str]:
    """Every word a reader sees in the HTML body (navigation and plots left out)."""
    root = parse_html(html)
    body = next(root.iter("body"))
    words: list[str] = []

    def walk(el):
        if el.tag in ("nav", "svg", "style", "script", "img"):
            return
        for c in el.children:
            if isinstance(c, str):
                words.extend(c.split())
            else:
                walk(c)

    walk(body)
    return words


def _assert_nothing_missing(html: str, pdf: bytes) -> None:
    text = _squash("".join(_pages(pdf)))
    missing = [w for w in dict.fromkeys(_html_words(html)) if _squash(w) not in text]
    assert not missing, missing[:20]
    root = parse_html(html)
    headings = [h.text() for tag in ("h1", "h2", "h3") for h in root.iter(tag)]
    flat = _flat("\n".join(_pages(pdf)))
    for h in headings:
        assert _flat(h) in flat, h


def _assert_inside_margins(pdf: bytes, scale: float = 1.0) -> None:
    """No ink in the left/right margins or at the top; the footer stays off the edge."""
    doc = pdfium.PdfDocument(pdf)
    for i in range(len(doc)):
        img = np.asarray(doc[i].render(scale=scale, grayscale=True).to_pil().convert("L"))
        h, w = img.shape
        ink = img < 235
        x0, x1 = int((MARGIN_X - 2) * scale), int(w - (MARGIN_X - 2) * scale)
        y0 = int((MARGIN_Y - 2) * scale)
        assert not ink[:, :x0].any(), f"page {i + 1}: ink in the left margin"
        assert not ink[:, x1:].any(), f"page {i + 1}: ink in the right margin"
        assert not ink[:y0, :].any(), f"page {i + 1}: ink in the top margin"
        assert not ink[-3:, :].any(), f"page {i + 1}: ink at the bottom edge"
        assert ink[y0 : -int(MARGIN_Y * scale), :].any(), f"page {i + 1} is empty"


# ---------------------------------------------------------------------- the file
def test_pdf_file_deterministic_without_dates(realtime, realtime_pdf_en):
    # a second, independent build: HTML with PNG plots, converted by build_pdf
    a, b = realtime_pdf_en, _report(realtime, "en")[1]
    assert a.startswith(b"%PDF-") and a.rstrip().endswith(b"%%EOF")
    assert a == b
    assert b"/CreationDate" not in a and b"/ModDate" not in a


def test_fonts_embedded_no_standard_fonts(keripik_en):
    _, pdf = keripik_en
    assert b"/FontFile2" in pdf  # TrueType subsets embedded
    assert b"Helvetica" not in pdf and b"Times-Roman" not in pdf


def test_metadata_from_the_report(keripik_en):
    _, pdf = keripik_en
    meta = pdfium.PdfDocument(pdf).get_metadata_dict()
    assert "Keripik tempe" in meta["Title"]
    assert meta["Author"] == "shelflife"
    assert "Keripik tempe" in meta["Subject"]


def test_plots_are_images_and_outline_lists_sections(keripik_en):
    html, pdf = keripik_en
    doc = pdfium.PdfDocument(pdf)
    images = sum(
        len(list(doc[i].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE])))
        for i in range(len(doc))
    )
    assert images == html.count('<img class="plot"') == 10
    toc = [item.get_title() for item in doc.get_toc()]
    assert "1. Verdict" in toc and "2. Study design" in toc
    assert any(title.startswith("3.1 ") for title in toc)


# ---------------------------------------------------------------------- the text
def test_verdict_attributes_and_symbols_are_text(keripik, keripik_en):
    _, pdf = keripik_en
    pages = _pages(pdf)
    first = _flat(pages[0])
    s = keripik["peroxide_value"].shelf_lives[0]
    assert f"{s.estimate:.1f} days" in first
    assert "Limiting attribute: peroxide value" in first
    text = _flat("\n".join(pages))
    for needle in ("peroxide value", "moisture", "30 °C", "±3.5", "meq/kg", "ΔAIC"):
        assert needle in text, needle
    assert "page 1 of" in pages[0]
    n = len(pages)
    assert f"page {n} of {n}" in pages[-1]


def test_indonesian_text_and_decimal_comma(keripik, keripik_id):
    _, pdf = keripik_id
    pages = _pages(pdf)
    text = _flat("\n".join(pages))
    s = keripik["peroxide_value"].shelf_lives[0]
    assert f"{s.estimate:.1f} hari".replace(".", ",") in text
    assert "Kesimpulan" in text and "halaman 1 dari" in pages[0]
    assert "°C" in text


def test_micro_sign_and_user_text_literal(micro_evil):
    html, pdf = micro_evil
    assert "&lt;script&gt;" in html
    text = _flat("\n".join(_pages(pdf)))
    assert MICRO in text and EVIL in text
    assert b"/JavaScript" not in pdf and b"/JS " not in pdf
    meta = pdfium.PdfDocument(pdf).get_metadata_dict()
    assert MICRO in meta["Title"] and EVIL in meta["Title"]


@pytest.mark.parametrize("which", ["keripik_en", "keripik_id", "micro_evil"])
def test_nothing_missing(which, request):
    html, pdf = request.getfixturevalue(which)
    _assert_nothing_missing(html, pdf)


# --------------------------------------------------------------------- the pages
@pytest.mark.parametrize("which", ["keripik_en", "keripik_id", "realtime_id", "moisture_en"])
def test_nothing_overflows_the_page(which, request):
    _, pdf = request.getfixturevalue(which)
    _assert_inside_margins(pdf)


def test_long_and_wide_tables_fit_and_split_with_header():
    rows = "".join(
        f"<tr><td class='num'>{i}</td><td>row {i} text that may wrap</td>"
        + "".join(f"<td class='num'>{i * k:,}.5 ± 0.1</td>" for k in range(1, 12))
        + "</tr>"
        for i in range(150)
    )
    head = "<th>n</th><th>label</th>" + "".join(
        f"<th class='num'>value {k}</th>" for k in range(1, 12)
    )
    css = ".num { text-align: right; white-space: nowrap } @page { size: A4; margin: 15mm 14mm }"
    html = (
        f"<html><head><title>Long table</title><style>{css}</style></head><body>"
        f"<h2>Data</h2><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        "</body></html>"
    )
    pdf = build_pdf(html, lang="en")
    pages = _pages(pdf)
    assert len(pages) >= 3
    for page in pages:
        assert "value 11" in page  # the header row repeats on every page
    _assert_nothing_missing(html, pdf)
    _assert_inside_margins(pdf)


def test_unknown_tags_svg_and_foreign_images_keep_their_text():
    html = (
        "<html lang='id'><head><title>x</title></head><body>"
        "<custom-box>Halo <blink>dunia</blink></custom-box>"
        "<p>a<svg viewBox='0 0 10 10'><text>tick</text></svg>b</p>"
        "<figure><img src='https://example.org/x.png' alt='remote plot'>"
        "<figcaption>caption</figcaption></figure>"
        "<dl><dt>term</dt><dd>definition</dd></dl><ol><li>one</li><li>two</li></ol>"
        f"<pre>  keep\n  lines {'x' * 300}</pre></body></html>"
    )
    pdf = build_pdf(html)
    _assert_inside_margins(pdf)
    text = _flat("\n".join(_pages(pdf)))
    for needle in ("Halo dunia", "gambar tidak tersedia di PDF", "remote plot", "caption"):
        assert needle in text, needle
    for needle in ("term", "definition", "1.", "one", "2.", "two", "keep", "lines"):
        assert needle in text, needle
    assert "tick" not in text  # the content of an SVG is drawing, not text


# ---------------------------------------------------------------- other reports
def test_realtime_report_converts(realtime_id):
    html, pdf = realtime_id
    assert html.count('<img class="plot"') == 2 and "<svg" not in html
    _assert_nothing_missing(html, pdf)


def test_critical_moisture_report_converts(moisture_en):
    html, pdf = moisture_en
    assert "<svg" not in html and '<img class="plot"' in html
    _assert_nothing_missing(html, pdf)


# -------------------------------------------------------------- writing, the CLI
def test_check_formats():
    assert check_formats("pdf,HTML, pdf") == ("html", "pdf")
    assert check_formats(("html",)) == ("html",)
    for bad in ("docx", "html,", ""):
        with pytest.raises(InputError) as exc:
            check_formats(bad)
        assert exc.value.code == "report_format_unknown"
    with pytest.raises(InputError):
        with figure_format("jpeg"):
            pass


def test_write_outputs_bytes(tmp_path):
    paths = write_outputs(tmp_path / "o", {"a.pdf": b"%PDF-\x00\xff", "b.txt": "µ"})
    assert Path(paths["a.pdf"]).read_bytes() == b"%PDF-\x00\xff"
    assert Path(paths["b.txt"]).read_bytes() == "µ".encode()
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["a.pdf", "b.txt"]


def test_cli_writes_html_and_pdf(tmp_path, capsys, realtime_pdf_en):
    out = tmp_path / "out"
    study = SAMPLES / "gula-semut-realtime"
    args = ["analyze", str(study), "--out", str(out), "--format", "html,pdf", "--lang", "en"]
    assert main(args) == 0
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.pdf", "result.json"]
    assert (out / "report.pdf").read_bytes() == realtime_pdf_en  # same with or without HTML
    assert "report.pdf" in capsys.readouterr().out


def test_cli_bad_format_exits_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    study = SAMPLES / "keripik-tempe"
    code = main(["analyze", str(study), "--out", str(out), "--format", "html,docx"])
    err = capsys.readouterr().err
    assert code == 2
    assert "docx" in err and "html, pdf" in err and "Traceback" not in err
    assert not out.exists()
    code = main(["predict", str(study), "--history", "IVb", "--out", str(out), "--format", "odt"])
    assert code == 2 and not out.exists()


def test_cli_help_names_the_format_option(capsys):
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    assert "--format" in capsys.readouterr().out
