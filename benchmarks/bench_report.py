"""Benchmark of the reports (issue 8): HTML and PDF; not part of the test suite.

Run from the repository root after installing the project:

    python benchmarks/bench_report.py

Times, for the bundled two-attribute keripik-tempe study (10 plots):
1. in one process, after a warm-up (medians of 3 runs): the HTML report (inline SVG
   plots), the PDF report split into its two steps (the HTML with PNG plots, then the
   typesetting), and both written together by ``StudyAnalysis.write(formats=...)``;
2. ``shelflife analyze STUDY --out DIR --format html,pdf`` in a fresh process (imports,
   reading, analysis and both reports; target: HTML and PDF under 5 s together).

Also checks that two PDF builds give the same bytes. Figures are wall time with the CPU
time in parentheses (CPU time is less sensitive to other jobs on a shared machine).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path


def _median(func, repeat: int = 3) -> tuple[float, float]:
    """Median wall and CPU time [s]."""
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        func()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def _fmt(t: tuple[float, float]) -> str:
    return f"{t[0]:.2f} s ({t[1]:.2f} s CPU)"


def bench_in_process() -> dict[str, tuple[float, float]]:
    import shelflife as sl
    from shelflife.report.pdf import build_pdf, figure_format

    study = sl.load_example("keripik-tempe")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = sl.analyze(study, emit_warnings=False)
    first = analysis.report_pdf()  # warm-up: imports, fonts, caches
    assert analysis.report_pdf() == first, "the PDF is not deterministic"

    def png_html() -> str:
        with figure_format("png"):
            return analysis.report()

    html = png_html()
    with tempfile.TemporaryDirectory() as tmp:
        both = _median(lambda: analysis.write(tmp, formats=("html", "pdf")))
    return {
        "html": _median(analysis.report),
        "pdf": _median(analysis.report_pdf),
        "pdf_html_png": _median(png_html),
        "pdf_typeset": _median(lambda: build_pdf(html, lang="en")),
        "write_both": both,
        "pdf_bytes": (float(len(first)), 0.0),
    }


def bench_cli(repeat: int = 3) -> tuple[float, float]:
    import shelflife

    study = Path(shelflife.__file__).parent / "examples" / "keripik-tempe"
    wall, cpu = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(
                [sys.executable, "-m", "shelflife", "analyze", str(study), "--out", tmp]
                + ["--format", "html,pdf"],
                check=True,
                capture_output=True,
            )
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall.append(time.perf_counter() - t0)
            cpu.append(r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    r = bench_in_process()
    print(f"HTML report (inline SVG): {_fmt(r['html'])}")
    print(f"PDF report: {_fmt(r['pdf'])}, {r['pdf_bytes'][0] / 1e3:.0f} kB, deterministic")
    print(f"  HTML with PNG plots {_fmt(r['pdf_html_png'])}, typesetting {_fmt(r['pdf_typeset'])}")
    print(f"write(formats=('html', 'pdf')), JSON included: {_fmt(r['write_both'])} (target < 5 s)")
    cli = bench_cli()
    print(f"shelflife analyze --format html,pdf, fresh process: {_fmt(cli)} (target < 5 s)")


if __name__ == "__main__":
    main()
