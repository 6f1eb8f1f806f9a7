"""Security (issue 10, item 6): user text is escaped in reports, input files cannot run
code, and output paths cannot leave the chosen output folder.

The size bounds of the XLSX and CSV readers are tested with the readers (tests/test_io.py
and the fuzzing tests).
"""

from __future__ import annotations

import ast
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markupsafe
import pytest

from shelflife.batch import run_batch
from shelflife.batch.discover import output_dirs
from shelflife.cli import main
from shelflife.errors import InputError
from shelflife.io.output import unsafe_name, write_outputs

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "shelflife"
SAMPLES = ROOT / "sample_data"

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS = "javascript:alert(document.cookie)"
TEX = "$x^{ $"  # unbalanced TeX: matplotlib would fail on it as mathtext
#: The payloads that must never reach a report unescaped.
RAW = (SCRIPT, IMG, "<img", "<script")


def _toml_str(text: str) -> str:
    """A TOML basic string (escapes quotes and backslashes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ------------------------------------------------------------ the hostile study
FIELDS = {
    # field: (payload, text that must appear, escaped, in the English report)
    "study.name": f"../../escape/{SCRIPT}",
    "study.product": f"Keripik {SCRIPT} {IMG} {TEX}",
    "study.package": f"PP bag {IMG}",
    "study.notes": f"{JS} {SCRIPT}",
    "attribute.name": f"pv {IMG} {TEX}",
    "attribute.label": f"Peroxide {SCRIPT} {TEX}",
    "attribute.limit_source": f"{JS} {IMG}",
    "report.analyst": SCRIPT,
    "report.reviewer": IMG,
    "report.laboratory": JS,
    "data file name": f"data {IMG}.csv",
}
#: Fields whose text the report shows (notes are not part of the report; the attribute's
#: label stands in for its name in headings and plots).
SHOWN = (
    "study.name",
    "study.product",
    "study.package",
    "attribute.label",
    "attribute.limit_source",
    "report.analyst",
    "report.reviewer",
    "report.laboratory",
)


def _hostile_study(folder: Path) -> Path:
    shutil.copytree(SAMPLES / "keripik-tempe", folder)
    toml = (folder / "study.toml").read_text(encoding="utf-8")
    data_name = FIELDS["data file name"]
    toml = toml.replace('name = "keripik-tempe"', f"name = {_toml_str(FIELDS['study.name'])}")
    toml = toml.replace(
        'product = "Keripik tempe (fried tempeh chips), PP bag"',
        f"product = {_toml_str(FIELDS['study.product'])}",
    )
    toml = toml.replace(
        'package = "PP bag (polypropylene), heat-sealed"',
        f"package = {_toml_str(FIELDS['study.package'])}\n"
        f"notes = {_toml_str(FIELDS['study.notes'])}",
    )
    toml = toml.replace('data = "data.csv"', f"data = {_toml_str(data_name)}")
    toml = toml.replace(
        'name = "peroxide_value"',
        f"name = {_toml_str(FIELDS['attribute.name'])}\n"
        f"label = {_toml_str(FIELDS['attribute.label'])}",
    )
    toml = re.sub(
        r'limit_source = "BPOM[^\n]*',
        f"limit_source = {_toml_str(FIELDS['attribute.limit_source'])}",
        toml,
    )
    toml += (
        f"\n[report]\nanalyst = {_toml_str(FIELDS['report.analyst'])}\n"
        f"reviewer = {_toml_str(FIELDS['report.reviewer'])}\n"
        f"laboratory = {_toml_str(FIELDS['report.laboratory'])}\n"
    )
    (folder / "study.toml").write_text(toml, encoding="utf-8")
    data = (folder / "data.csv").read_text(encoding="utf-8")
    header, rest = data.split("\n", 1)
    header = header.replace("peroxide_value [", f"{FIELDS['attribute.name']} [")
    (folder / data_name).write_text(header + "\n" + rest, encoding="utf-8")
    (folder / "data.csv").unlink()
    return folder


def _hostile_market(path: Path) -> Path:
    text = (PACKAGE / "markets" / "data" / "jp.toml").read_text(encoding="utf-8")
    text = text.replace('en = "Japan"', f"en = {_toml_str('Japan ' + SCRIPT)}")
    text = text.replace('id = "Jepang"', f"id = {_toml_str('Jepang ' + IMG)}")
    text = text.replace('local = "日本"', f"local = {_toml_str('日本 ' + TEX)}")
    # the best-before phrase printed on a Japanese label
    text = text.replace('text = "賞味期限"', f"text = {_toml_str('賞味期限 ' + IMG)}", 1)
    path.write_text(text, encoding="utf-8")
    return path


class _Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _assert_inert(page: str) -> None:
    """No script, no event handler, no active URL, no image from outside the page."""
    for raw in RAW:
        assert raw not in page, raw
    parser = _Tags()
    parser.feed(page)
    tags = parser.tags
    assert tags and not any(t in ("script", "iframe", "object", "embed", "base") for t, _ in tags)
    for tag, attrs in tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            v = (value or "").strip().lower()
            if name in ("href", "src", "xlink:href", "action", "formaction"):
                assert v.startswith(("#", "data:image/")), (tag, name, value)
            assert "javascript:" not in v, (tag, name, value)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The hostile study labelled for the hostile market: HTML + PDF (en), HTML (id)."""
    base = tmp_path_factory.mktemp("hostile")
    study = _hostile_study(base / "in" / "study")
    market = _hostile_market(base / "in" / "market.toml")
    outs = {}
    for lang, formats in (("en", "html,pdf"), ("id", "html")):
        out = base / f"out-{lang}"
        argv = ["label", str(study), "--market", str(market), "--produced", "2027-01-15"]
        code = main([*argv, "--out", str(out), "--lang", lang, "--format", formats])
        assert code == 0
        outs[lang] = out
    return base, outs


def _esc(text: str) -> str:
    """Text as the report's templates escape it."""
    return str(markupsafe.escape(text))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_user_text_is_escaped_in_the_html_report(hostile, lang):
    _, outs = hostile
    page = (outs[lang] / "report.html").read_text(encoding="utf-8")
    _assert_inert(page)
    for field in SHOWN:  # each field is shown, as text
        assert _esc(FIELDS[field]) in page, field
    market = "Japan " + SCRIPT if lang == "en" else "Jepang " + IMG
    assert _esc(market) in page
    assert _esc("賞味期限 " + IMG) in page  # the phrase printed on the label
    assert _esc(FIELDS["data file name"]) in page  # input-file hashes


def test_user_text_is_literal_in_the_pdf(hostile):
    pdfium = pytest.importorskip("pypdfium2")
    _, outs = hostile
    pdf = (outs["en"] / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    for action in (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/SubmitForm"):
        assert action not in pdf
    for uri in re.findall(rb"/URI\s*\(([^)]*)\)", pdf):
        assert uri.startswith((b"http://", b"https://", b"mailto:")), uri
    doc = pdfium.PdfDocument(pdf)
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    text = re.sub(r"\s+", " ", text.replace("\r", " ").replace("\ufffe", ""))
    for payload in (SCRIPT, "onerror=alert(1)>", "Peroxide <script>"):
        assert payload in text, payload


def test_result_json_keeps_the_text_as_data(hostile):
    import json

    _, outs = hostile
    doc = json.loads((outs["en"] / "result.json").read_text(encoding="utf-8"))
    assert doc["study"]["name"] == FIELDS["study.name"]
    assert doc["study"]["product"] == FIELDS["study.product"]


def test_hostile_names_never_reach_an_output_path(hostile):
    """The study name is ``../../escape/<script>...``: no file is written anywhere but in
    the output folders, under the fixed names."""
    base, outs = hostile
    written = sorted(p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file())
    inputs = [w for w in written if w.startswith("in/")]
    assert sorted(w for w in written if w not in inputs) == [
        "out-en/report.html",
        "out-en/report.pdf",
        "out-en/result.json",
        "out-id/report.html",
        "out-id/result.json",
    ]
    assert not (base.parent / "escape").exists() and not (base / "escape").exists()


#: Other report kinds: (sample folder, replacements in study.toml, in the data file header,
#: the user text that must be shown escaped).
OTHER_REPORTS = {
    "realtime": (
        "gula-semut-realtime",
        [('name = "moisture"', f"name = {_toml_str('moisture ' + TEX)}")],
        ("data.csv", "moisture [", f"moisture {TEX} ["),
        "moisture " + TEX,
    ),
    "critical-moisture": (
        "kerupuk-critical-moisture",
        [('name = "PP 40 um"', f"name = {_toml_str('PP ' + SCRIPT + ' ' + TEX)}")],
        None,
        "PP " + SCRIPT + " " + TEX,
    ),
    "consumer-panel": (
        "keripik-consumer-panel",
        [('label = "Consumer acceptance"', f"label = {_toml_str('Panel ' + IMG + ' ' + TEX)}")],
        None,
        "Panel " + IMG + " " + TEX,
    ),
}


@pytest.mark.parametrize("kind", sorted(OTHER_REPORTS))
def test_other_reports_escape_user_text_and_draw_it_literally(tmp_path, kind):
    """Realtime (ICH Q1E), critical-moisture and consumer-panel reports: the payload is
    escaped, and a ``$`` in a name reaches the plots as text (no TeX parsing, no crash)."""
    from shelflife.analysis import analyze
    from shelflife.io import read_study

    sample, toml_edits, data_edit, shown = OTHER_REPORTS[kind]
    folder = tmp_path / sample
    shutil.copytree(SAMPLES / sample, folder)
    toml = (folder / "study.toml").read_text(encoding="utf-8")
    for old, new in toml_edits:
        assert old in toml, old
        toml = toml.replace(old, new, 1)
    toml = toml.replace("[study]\n", f"[study]\n# {SCRIPT}\n", 1)
    (folder / "study.toml").write_text(toml, encoding="utf-8")
    if data_edit:
        name, old, new = data_edit
        text = (folder / name).read_text(encoding="utf-8")
        (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        page = analyze(read_study(folder), emit_warnings=False).report("en")
    _assert_inert(page)
    assert _esc(shown) in page


# ------------------------------------------------------ no code from input files
#: Calls and imports that could run code taken from data, with the places they are
#: allowed and why. Anything found elsewhere fails the test; an entry found nowhere too.
ALLOWED: dict[tuple[str, str], str] = {
    ("shelflife/__init__.py", "import_module"): "lazy attributes: module names are constants "
    "of the package's own table, never from data",
    ("shelflife/report/__init__.py", "import_module"): "lazy attributes from the constant "
    "_LAZY table",
    ("shelflife/sensory/__init__.py", "import_module"): "lazy attributes from the constant "
    "_WHERE table",
    ("shelflife/messages.py", "import_module"): "message catalogues named by the constant "
    "TOPICS tuple of shelflife/msgcat",
}
_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "breakpoint"}
_MODULES = {"pickle", "_pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
_OS = {
    "system",
    "popen",
    "execv",
    "execve",
    "execl",
    "execlp",
    "execvp",
    "spawnv",
    "spawnl",
    "startfile",
    "posix_spawn",
}


def _findings(path: Path) -> list[tuple[str, int, str]]:
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in _MODULES:
                    found.append((rel, node.lineno, alias.name))
                if alias.name.split(".")[0] in ("subprocess", "yaml"):
                    found.append((rel, node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in (*_MODULES, "subprocess", "yaml"):
                found.append((rel, node.lineno, node.module))
        elif isinstance(node, ast.Call):
            f = node.func
            kw = {k.arg: k.value for k in node.keywords}
            if isinstance(f, ast.Name) and f.id in _CALLS:
                found.append((rel, node.lineno, f.id))
            elif (
                isinstance(f, ast.Name)
                and f.id == "import_module"
                or (isinstance(f, ast.Attribute) and f.attr == "import_module")
            ):
                found.append((rel, node.lineno, "import_module"))
            elif isinstance(f, ast.Attribute):
                owner = f.value.id if isinstance(f.value, ast.Name) else None
                if owner == "os" and f.attr in _OS:
                    found.append((rel, node.lineno, f"os.{f.attr}"))
                if f.attr in ("read_pickle", "unsafe_load", "full_load", "load_module"):
                    found.append((rel, node.lineno, f.attr))
                if (
                    f.attr in ("eval", "query")
                    and node.args
                    and not isinstance(node.args[0], ast.Constant)
                ):
                    found.append((rel, node.lineno, f".{f.attr}"))
                if f.attr == "load" and owner == "np" and "allow_pickle" in kw:
                    found.append((rel, node.lineno, "np.load(allow_pickle)"))
                if f.attr == "Environment" and not (
                    isinstance(kw.get("autoescape"), ast.Constant) and kw["autoescape"].value
                ):
                    found.append((rel, node.lineno, "jinja2.Environment without autoescape"))
            if "shell" in kw and not (
                isinstance(kw["shell"], ast.Constant) and kw["shell"].value is False
            ):
                found.append((rel, node.lineno, "shell="))
    return found


def test_no_code_execution_from_input_files():
    found = [f for p in sorted(PACKAGE.rglob("*.py")) for f in _findings(p)]
    assert len(list(PACKAGE.rglob("*.py"))) > 100  # the scan sees the package
    unexpected = [f for f in found if (f[0], f[2]) not in ALLOWED]
    assert not unexpected, "code execution from data? " + repr(unexpected)
    stale = set(ALLOWED) - {(f[0], f[2]) for f in found}
    assert not stale, f"allow-list entries no longer needed: {sorted(stale)}"


def test_the_scan_catches_what_it_looks_for(tmp_path):
    bad = tmp_path / "probe.py"
    src = (
        "import pickle, subprocess, yaml\n"
        "eval(x)\nexec(y)\n__import__(z)\nos.system(c)\n"
        "subprocess.run(c, shell=True)\nyaml.load(t)\ndf.query(expr)\n"
        "pd.read_pickle(p)\nnp.load(p, allow_pickle=True)\njinja2.Environment()\n"
    )
    bad.write_text(src, encoding="utf-8")
    kinds = {k for _, _, k in _findings(bad)}
    assert {
        "pickle",
        "subprocess",
        "yaml",
        "eval",
        "exec",
        "__import__",
        "os.system",
        "shell=",
        ".query",
        "read_pickle",
        "np.load(allow_pickle)",
    } <= kinds
    assert "jinja2.Environment without autoescape" in kinds


def test_toml_is_read_with_tomllib_only():
    """Study, protocol, preset and market files: tomllib (data only, no tags, no code)."""
    readers = [p for p in PACKAGE.rglob("*.py") if "toml" in p.read_text(encoding="utf-8")]
    for p in readers:
        text = p.read_text(encoding="utf-8")
        assert "import toml\n" not in text and "from toml import" not in text, p
        assert "yaml" not in text.replace("yaml.safe_load", ""), p


# ------------------------------------------------------------- safe output paths
NASTY_NAMES = [
    "",
    ".",
    "..",
    "../result.json",
    "../../x",
    "/etc/passwd",
    "C:\\Windows\\x",
    "a\\b",
    "a/b",
    "nul\x00.json",
    "tab\tname",
    "CON",
    "con.json",
    "NUL",
    "LPT1.txt",
    "COM9",
    "com0.csv",  # COM0/LPT0 and COM¹..³ are device names too (shelflife/_filenames.py)
    "LPT0",
    "COM\u00b9.json",
    "report.html.",
    "trailing ",
    'quote".html',
    "pipe|x",
    "x" * 201,
    "ü" * 101,
]


@pytest.mark.parametrize("name", NASTY_NAMES)
def test_unsafe_output_names_are_refused_before_anything_is_written(tmp_path, name):
    assert unsafe_name(name)
    with pytest.raises(InputError) as e:
        write_outputs(tmp_path / "out", {"result.json": "{}", name: "x"})
    assert e.value.code == "output_name_unsafe"
    assert "Nothing was written" in e.value.render("en")
    assert "Tidak ada yang ditulis" in e.value.render("id")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name",
    ["result.json", "report.pdf", "data.xlsx", "ünïcode.csv", "x" * 200, "con-tempe.csv", "a.b.c"],
)
def test_plain_names_are_fine(name):
    assert not unsafe_name(name)


#: Folder names a lab may really have (all legal on POSIX).
NASTY_FOLDERS = [
    "lab A",
    "CON",
    "nul.txt",
    "a\\b",
    "%2E%2E",
    "x..",
    " lead",
    "trail.",
    "ünï-ﬁle",
    "x" * 200,
    "-rf",
    "$(id)",
    "a:b",
    "Study",
    "study",
    "~2",
]


def _make_synthetic():
    import importlib.util

    path = ROOT / "benchmarks" / "make_synthetic_studies.py"
    spec = importlib.util.spec_from_file_location("make_synthetic_studies", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.make_synthetic_studies


def test_batch_output_folders_stay_inside_out(tmp_path):
    one = tmp_path / "one"
    _make_synthetic()(one, 1, seed=4)
    template = one / "study-000001"
    root = tmp_path / "in"
    for name in NASTY_FOLDERS:
        shutil.copytree(template, root / "lab" / name)
    escape = root / "lab" / "lab A" / "study.toml"  # a hostile [study] name, too
    escape.write_text(
        escape.read_text().replace('name = "study-000001"', 'name = "../../../escape"')
    )
    out = tmp_path / "out"
    res = run_batch(root, out, workers=1, progress=False)
    assert res.n_ok == len(NASTY_FOLDERS) and res.n_failed == 0
    subs = output_dirs(f"lab/{n}" for n in NASTY_FOLDERS)
    assert len({s.casefold() for s in subs.values()}) == len(NASTY_FOLDERS)
    studies = (out / "studies").resolve()
    found = sorted(p for p in studies.rglob("result.json"))
    assert sorted(p.parent.relative_to(studies).as_posix() for p in found) == sorted(subs.values())
    for p in found:
        assert p.resolve().is_relative_to(studies)
        for part in p.relative_to(studies).parts:
            assert not unsafe_name(part) and len(part) <= 120, part
    # nothing anywhere else: only the inputs, the scratch study and the output folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "one", "out"]


@pytest.mark.parametrize(
    "panel",
    [
        "../panel.csv",
        "/tmp/panel.csv",
        "CON.csv",
        "study.toml",
        "a\\\\b.csv",
        ".hidden.csv",
        "nul\\u0000.csv",
        "sub/panel.csv",
        "schedule.ics",
    ],
)
def test_protocol_new_refuses_an_unsafe_file_name_from_a_protocol_file(tmp_path, capsys, panel):
    """A protocol file names the consumer panel's sheet; ``protocol new`` writes it into the
    new study folder, so the name must be a plain file name that is not one of the others."""
    proto = (PACKAGE / "protocols" / "data" / "sensory-survival.toml").read_text("utf-8")
    assert 'data = "panel.csv"' in proto
    (tmp_path / "p.toml").write_text(proto.replace('data = "panel.csv"', f'data = "{panel}"'))
    out = tmp_path / "new"
    argv = ["protocol", "new", str(tmp_path / "p.toml"), "--start", "2027-01-04"]
    code = main([*argv, "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert "cannot be used as an output file name" in err or "protocol" in err, err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml"]


def test_protocol_new_with_a_hostile_study_name_writes_only_into_out(tmp_path, capsys):
    out = tmp_path / "a" / "new"
    argv = ["protocol", "new", "aslt-arrhenius", "--product", "keripik", "--start", "2027-01-04"]
    assert main([*argv, "--out", str(out), "--name", "../../escape<x>"]) == 0
    capsys.readouterr()
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == [
        "a/new/data.csv",
        "a/new/schedule.csv",
        "a/new/schedule.ics",
        "a/new/study.toml",
    ]
