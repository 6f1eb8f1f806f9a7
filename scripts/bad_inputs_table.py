"""Write ``docs/bad-inputs.md`` from the catalogue of bad inputs (``tests/bad_inputs``).

The page is generated from ``tests/bad_inputs/cases.toml`` so that it cannot drift from the
cases the tests run; ``tests/test_bad_inputs.py`` checks that the page equals this script's
output.

Usage (from the repository root)::

    python scripts/bad_inputs_table.py            # rewrite docs/bad-inputs.md
    python scripts/bad_inputs_table.py --check    # exit 1 if the page is out of date
    python scripts/bad_inputs_table.py --stdout   # print the page
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "tests" / "bad_inputs" / "cases.toml"
PAGE = ROOT / "docs" / "bad-inputs.md"

#: Case id prefix -> heading of its group, in page order.
GROUPS = {
    "enc": "Encodings and file types",
    "dec": "Decimal marks",
    "hdr": "Headers",
    "unit": "Units in the wrong place, implausible units",
    "row": "Rows and cells",
    "des": "Study design",
    "toml": "study.toml",
    "xlsx": "Workbooks (XLSX)",
    "big": "Enormous files",
    "log": "Data-logger exports",
    "mkt": "Market rule files",
    "pro": "Protocol templates",
    "plan": "Study plans ([protocol] in study.toml)",
    "pan": "Consumer panels",
    "crit": "Critical-moisture studies",
}

INTRO = """\
# The catalogue of bad inputs

Labs send files that are messier than any test author imagines. `tests/bad_inputs/` keeps
{n} malformed or suspicious inputs -- study folders, data sheets, logger exports, protocol,
plan and market files -- each in its own folder, with its exact expected outcome in
`tests/bad_inputs/cases.toml` ({errors} errors, {warnings} warnings, {oks} odd but
unambiguous files that must be read correctly). `tests/test_bad_inputs.py` runs every case
through its entry point and asserts the outcome exactly: the error code with its location
(file, row, column or TOML key), or the warning code that must reach the result. Every error
case also runs through the command line: exit code 2, no traceback, nothing written, input
files unchanged (SHA-256 before and after), and the message rendered in English and in
Bahasa Indonesia with every template field filled.

Never a traceback, never a silently wrong number: where a case gave one, the reader was fixed
(issue 10) and the case now pins the fix. Enormous files (an 11 GiB sparse file, a CSV of
1.2 million cells, a 5 MB study.toml) are made by the tests on the fly (`make` in the
manifest); the size bounds and their reasons are in `shelflife/io/limits.py` and
`tests/test_size_bounds.py` (zip bombs by ratio and by declared size, a sheet claiming five
million rows).

To add a case, add it to `tests/bad_inputs/make_cases.py`, run it, run
`python tests/test_bad_inputs.py` to see the outcome, and regenerate this page with
`python scripts/bad_inputs_table.py`. This page is generated: do not edit it by hand.

Entry points: `read_study` (`shelflife.read_study` on the case folder), `analyze` (read,
analyse, result JSON), `read_logger`, `logger_history` (the logger as a `--history`: its
notices go into the result JSON), `read_market_file`, `read_protocol_file`, `read_plan`.
"""


def _escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def outcome(case: dict) -> str:
    """The expected outcome in words, e.g. ``error `cell_missing` (data.csv, row 5)``."""
    kind = case["expect"]
    if kind == "ok":
        return f"read correctly ({case['check']})"
    if kind == "warning":
        return f"warning `{case['code']}`"
    where = []
    if "file" in case:
        where.append(f"`{case['file']}`")
    if "row" in case:
        where.append(f"row {case['row']}")
    if "column" in case:
        where.append(f"column `{case['column']}`")
    if "key" in case:
        where.append(f"key `{case['key']}`")
    place = f" ({', '.join(where)})" if where else ""
    return f"error `{case['code']}`{place}"


def render(cases: list[dict]) -> str:
    """The whole page."""
    count = Counter(c["expect"] for c in cases)
    lines = [
        INTRO.format(
            n=len(cases), errors=count["error"], warnings=count["warning"], oks=count["ok"]
        )
    ]
    for prefix, title in GROUPS.items():
        group = [c for c in cases if c["id"].split("-", 1)[0] == prefix]
        if not group:
            continue
        lines += [f"## {title}", "", "| id | what is wrong | entry point | outcome |"]
        lines.append("|---|---|---|---|")
        for c in group:
            made = " (made by the test)" if c.get("make") else ""
            lines.append(
                f"| `{c['id']}` | {_escape(c['what'])}{made} | `{c['entry']}` "
                f"| {_escape(outcome(c))} |"
            )
        lines.append("")
    unknown = sorted(
        {c["id"] for c in cases} - {c["id"] for c in cases if c["id"].split("-", 1)[0] in GROUPS}
    )
    if unknown:
        raise SystemExit(f"cases without a group (add their prefix to GROUPS): {unknown}")
    return "\n".join(lines).rstrip("\n") + "\n"


def load() -> list[dict]:
    return tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["case"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the page is stale")
    parser.add_argument("--stdout", action="store_true", help="print instead of writing")
    args = parser.parse_args(argv)
    page = render(load())
    if args.stdout:
        sys.stdout.write(page)
        return 0
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != page:
            print(f"{PAGE} is out of date: run python scripts/bad_inputs_table.py")
            return 1
        return 0
    PAGE.write_text(page, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
