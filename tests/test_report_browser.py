"""The reports in a real browser: nothing overflows, every plot is drawn, the contents work.

Each report (English and Indonesian) of four bundled studies is written to ``tmp_path`` as a
test-only copy with a ``<script>`` appended (the shipped report has none). Headless Chromium
loads it, the script measures the layout and writes its findings into
``<pre id="layout-check">``, and the test reads them from the dumped DOM:

- elements wider than their box (``scrollWidth > clientWidth + 1``) or reaching past the
  right edge of the body;
- ``svg``/``img`` drawn with zero width or height;
- table-of-contents links whose target is missing, or whose number differs from the
  number of the section heading;
- sections with a heading and nothing else.

The module is skipped when no Chromium binary is found.
"""

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from shelflife.analysis import analyze
from shelflife.io.studyfile import read_study
from shelflife.report.builder import build_report

BROWSER = next(
    (p for p in (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")) if p),
    None,
)
if BROWSER is None:
    pytest.skip(
        "no Chromium binary (chromium, chromium-browser or google-chrome) on PATH",
        allow_module_level=True,
    )

ROOT = Path(__file__).resolve().parents[1]
STUDIES = (
    "keripik-tempe",
    "sambal-microbial",
    "kerupuk-critical-moisture",
    "gula-semut-realtime",
)
LANGS = ("en", "id")
#: A sign-off with long unbroken words (wrapping) and markup (escaping) for one study.
SIGNOFF = {
    "sambal-microbial": {
        "analyst": "Dr. <b>Sari</b> Wulandari-Kusumaningtyas-Prawirodirdjo",
        "laboratory": "Laboratorium-Pengujian-Mutu-dan-Keamanan-Pangan-Universitas-Brawijaya",
        "signed": "2027-04-30",
    }
}
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--virtual-time-budget=5000",
    "--window-size=1000,1400",
    "--dump-dom",
)

#: Appended to the test copy of a report; lists layout problems in <pre id="layout-check">.
LAYOUT_SCRIPT = r"""
<script>
window.addEventListener("load", function () {
  var out = [];
  function name(el) {
    var c = typeof el.className === "string" ? el.className.trim() : "";
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + (c ? "." + c.split(/\s+/).join(".") : "");
  }
  function text(el) { return (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 50); }
  function num(s) { var m = /^\s*([\d.]*\d)/.exec(s || ""); return m ? m[1] : ""; }
  var body = document.body.getBoundingClientRect();
  var all = document.body.querySelectorAll("*");
  for (var i = 0; i < all.length; i++) {
    var el = all[i], tag = el.tagName.toLowerCase();
    if (tag !== "svg" && el.closest("svg")) continue;
    var r = el.getBoundingClientRect();
    if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      out.push("overflow " + name(el) + " " + el.scrollWidth + ">" + el.clientWidth
        + " " + text(el));
    if (r.width > 0 && r.right > body.right + 1)
      out.push("past the body " + name(el) + " " + Math.round(r.right) + ">"
        + Math.round(body.right) + " " + text(el));
    if ((tag === "svg" || tag === "img") && (r.width < 1 || r.height < 1))
      out.push("empty " + name(el) + " " + r.width + "x" + r.height);
  }
  var links = document.querySelectorAll("nav a");
  if (!links.length) out.push("no table of contents");
  for (var j = 0; j < links.length; j++) {
    var id = links[j].getAttribute("href").slice(1);
    var target = document.getElementById(id);
    if (!target) { out.push("missing target #" + id); continue; }
    var h2 = target.querySelector("h2");
    if (!h2 || num(h2.textContent) !== num(links[j].textContent))
      out.push("contents number " + links[j].textContent.trim() + " -> "
        + (h2 ? h2.textContent.trim() : "no heading"));
  }
  var sections = document.querySelectorAll("section");
  for (var k = 0; k < sections.length; k++) {
    var s = sections[k], heading = s.querySelector("h2");
    var rest = s.innerText.replace(heading ? heading.innerText : "", "").trim();
    if (!heading || (rest.length < 20 && !s.querySelector("svg, img, table")))
      out.push("empty section #" + s.id);
  }
  var pre = document.createElement("pre");
  pre.id = "layout-check";
  pre.textContent = out.join("\n");
  document.body.appendChild(pre);
});
</script>
"""

_CHECK = re.compile(r'<pre id="layout-check">(.*?)</pre>', re.S)


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    """Study/lang -> the layout findings (text) of its report, all browsers run at once."""
    tmp = tmp_path_factory.mktemp("browser")
    jobs = {}
    for study in STUDIES:
        analysis = analyze(read_study(ROOT / "sample_data" / study), emit_warnings=False)
        for lang in LANGS:
            page = build_report(analysis, lang, signoff=SIGNOFF.get(study))
            assert "<script" not in page  # the shipped report has no script
            path = tmp / f"{study}-{lang}.html"
            path.write_text(page.replace("</body>", LAYOUT_SCRIPT + "</body>"), encoding="utf-8")
            profile = tmp / f"profile-{study}-{lang}"
            cmd = [BROWSER, *FLAGS, f"--user-data-dir={profile}", path.as_uri()]
            jobs[(study, lang)] = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
            )
    out = {}
    for key, proc in jobs.items():
        try:
            dom, _ = proc.communicate(timeout=90)
        except subprocess.TimeoutExpired:  # pragma: no cover - a hung browser
            proc.kill()
            proc.communicate()
            pytest.fail(f"Chromium did not finish for {key}")
        m = _CHECK.search(dom)
        out[key] = None if m is None else html.unescape(m.group(1)).strip()
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("study", STUDIES)
def test_report_layout_in_chromium(findings, study, lang):
    found = findings[(study, lang)]
    assert found is not None, "the layout check did not run (no <pre id='layout-check'>)"
    assert found == "", f"{study} ({lang}):\n{found}"
