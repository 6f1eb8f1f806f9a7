"""``shelflife predict``, ``route`` and ``label``: the distribution commands.

Thin glue over :func:`~shelflife.distribution.predict_history`,
:func:`~shelflife.distribution.assess_route` and :func:`~shelflife.distribution.label_study`.
Each analyses the study first (as ``shelflife analyze`` does), then adds its result: printed
as text, printed as the result JSON (``--json``; the analysis JSON plus one new key), or
written with the report (``--out``; the report gains a section). Nothing is written unless
everything succeeded.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from typing import Any

__all__ = ["add_parsers", "run"]

_HELP = {
    "predict": "predict a study's attributes along a temperature history: a data-logger file, "
    "a route scenario, a climatic zone, or steps such as '30 degC for 7 day; 38 degC for 30 "
    "day'",
    "history": "logger file, route scenario (see 'shelflife route --list'), climatic zone "
    "(I, II, III, IVa, IVb) or steps 'T for TIME; T for TIME'",
    "season": "season of a route scenario: annual, summer or winter (default: annual)",
    "duration": "length of a climatic-zone history, e.g. '12 month' (default: one year)",
    "at": "follow-on storage temperature for the shelf life left, e.g. '25 degC' (default: "
    "a route's retail temperature at the destination, else the study's first storage "
    "temperature)",
    "route": "simulate the export route to a market (Monte Carlo over season, delays and "
    "stowage) and judge whether enough shelf life is left on arrival",
    "to": "destination market or port (e.g. EU, Rotterdam, Japan, Jeddah, Dubai, China, US, "
    "Australia)",
    "runs": "number of simulated shipments (default 10000)",
    "seed": "random seed (reproducible)",
    "list": "list the route scenarios and exit",
    "label": "recommend the labelled shelf life and the label date for a market",
    "market": "market (e.g. ID, EU, US, JP, GCC, CN, AU_NZ, MY_SG, or a country name)",
    "produced": "production date, YYYY-MM-DD",
    "kind": "date mark: best_before (quality) or use_by (safety)",
    "safety_factor": "safety factor applied to the tested shelf life (default: the market's)",
    "out": "write result.json and report.html (with the new section) into this folder",
    "json": "print the result JSON (the analysis plus the new key) instead of the summary",
    "lang": "language of the report and messages: en or id (Bahasa Indonesia)",
    "study": "study folder or its study.toml",
}


def add_parsers(sub: argparse._SubParsersAction, lang_default: str) -> None:
    """Register ``predict``, ``route`` and ``label`` on the top-level subparsers."""
    h = _HELP

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--out", metavar="DIR", default=None, help=h["out"])
        p.add_argument("--json", action="store_true", help=h["json"])
        p.add_argument("--lang", choices=("en", "id"), default=lang_default, help=h["lang"])

    pp = sub.add_parser("predict", help=h["predict"], description=h["predict"])
    pp.add_argument("study", metavar="STUDY", help=h["study"])
    pp.add_argument("--history", required=True, metavar="FILE_OR_SCENARIO", help=h["history"])
    pp.add_argument("--season", default=None, metavar="SEASON", help=h["season"])
    pp.add_argument("--duration", default=None, metavar="TIME", help=h["duration"])
    pp.add_argument("--at", default=None, metavar="TEMPERATURE", help=h["at"])
    common(pp)


def _analysis(study_path: str):
    from ..analysis import analyze
    from ..io import read_study

    study = read_study(study_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analyze(study, emit_warnings=False)


def _emit(args: argparse.Namespace, analysis: Any, extra: Any) -> int:
    """Write, print JSON, or print the summary of ``extra`` (with the analysis)."""
    outputs = None
    if args.out:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            outputs = analysis.write(args.out, lang=args.lang, extras=[extra])
    if args.json:
        sys.stdout.write(analysis.to_json(extras=[extra]))
        return 0
    print(extra.summary_text(args.lang))
    if outputs:
        label = "Ditulis" if args.lang == "id" else "Written"
        for path in outputs.values():
            print(f"{label}: {path}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run one of the distribution commands."""
    from pathlib import Path

    if args.command == "predict":
        from .history import predict_history
        from .sources import resolve_history

        analysis = _analysis(args.study)
        study_dir = Path(args.study)
        base = study_dir if study_dir.is_dir() else study_dir.parent
        hist = resolve_history(args.history, season=args.season, duration=args.duration, base=base)
        extra = predict_history(
            analysis,
            hist.profile,
            at=args.at if args.at is not None else hist.at,
            source=hist.source,
            notices=hist.notices,
        )
        return _emit(args, analysis, extra)
    raise AssertionError(args.command)  # pragma: no cover - argparse rejects others
