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
    "list_markets": "list the markets and exit",
    "route_market": "market whose label and readiness rules apply (default: the one named by "
    "--to, e.g. Rotterdam -> EU)",
    "route_season": "season of departure: summer, winter or annual (default: departure month "
    "drawn over the year)",
    "min_remaining": "the buyer's minimum remaining shelf life on arrival, as a fraction "
    "('0.6', '60 %') or a time ('90 day'); default: the market file's value",
    "label_at": "storage temperature the labelled shelf life is for (default: the study's "
    "first storage temperature)",
    "precision": "print a finer date than the market's coarsest allowed (day, month, year)",
    "label": "recommend the labelled shelf life and the label date for a market",
    "market": "market (e.g. ID, EU, US, JP, GCC, CN, AU_NZ, MY_SG, or a country name)",
    "produced": "production date, YYYY-MM-DD",
    "kind": "date mark: best_before (quality) or use_by (safety)",
    "safety_factor": "safety factor applied to the tested shelf life (default: the market's)",
    "out": "write result.json and report.html (with the new section; or the --format formats) "
    "into this folder",
    "json": "print the result JSON (the analysis plus the new key) instead of the summary",
    "lang": "language of the report and messages: en or id (Bahasa Indonesia)",
    "study": "study folder or its study.toml",
}


def add_parsers(sub: argparse._SubParsersAction, lang_default: str) -> None:
    """Register ``predict``, ``route`` and ``label`` on the top-level subparsers."""
    from ..messages import render

    h = _HELP

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--out", metavar="DIR", default=None, help=h["out"])
        p.add_argument("--json", action="store_true", help=h["json"])
        p.add_argument("--lang", choices=("en", "id"), default=lang_default, help=h["lang"])
        p.add_argument(
            "--format",
            dest="formats",
            metavar="FORMATS",
            default="html",
            help=render("report_help_format", lang_default)[0],
        )

    pp = sub.add_parser("predict", help=h["predict"], description=h["predict"])
    pp.add_argument("study", metavar="STUDY", help=h["study"])
    pp.add_argument("--history", required=True, metavar="FILE_OR_SCENARIO", help=h["history"])
    pp.add_argument("--season", default=None, metavar="SEASON", help=h["season"])
    pp.add_argument("--duration", default=None, metavar="TIME", help=h["duration"])
    pp.add_argument("--at", default=None, metavar="TEMPERATURE", help=h["at"])
    common(pp)

    pr = sub.add_parser("route", help=h["route"], description=h["route"])
    pr.add_argument("study", metavar="STUDY", nargs="?", help=h["study"])
    pr.add_argument("--to", metavar="MARKET", help=h["to"])
    pr.add_argument("--market", default=None, metavar="MARKET", help=h["route_market"])
    pr.add_argument("--season", default=None, metavar="SEASON", help=h["route_season"])
    pr.add_argument("--runs", type=int, default=10_000, metavar="N", help=h["runs"])
    pr.add_argument("--seed", type=int, default=None, metavar="N", help=h["seed"])
    pr.add_argument(
        "--min-remaining", default=None, metavar="FRACTION_OR_TIME", help=h["min_remaining"]
    )
    pr.add_argument("--safety-factor", type=float, default=None, help=h["safety_factor"])
    pr.add_argument("--at", default=None, metavar="TEMPERATURE", help=h["label_at"])
    pr.add_argument("--list", action="store_true", help=h["list"])
    common(pr)

    pl = sub.add_parser("label", help=h["label"], description=h["label"])
    pl.add_argument("study", metavar="STUDY", nargs="?", help=h["study"])
    pl.add_argument("--market", metavar="MARKET", help=h["market"])
    pl.add_argument("--produced", metavar="YYYY-MM-DD", help=h["produced"])
    pl.add_argument(
        "--kind",
        default="best_before",
        choices=("best_before", "use_by", "expiry"),
        help=h["kind"],
    )
    pl.add_argument("--safety-factor", type=float, default=None, help=h["safety_factor"])
    pl.add_argument(
        "--precision", default=None, choices=("day", "month", "year"), help=h["precision"]
    )
    pl.add_argument("--at", default=None, metavar="TEMPERATURE", help=h["label_at"])
    pl.add_argument("--list", action="store_true", help=h["list_markets"])
    common(pl)


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
            outputs = analysis.write(
                args.out, lang=args.lang, extras=[extra], formats=args.formats
            )
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

    from ..io.output import check_formats

    check_formats(args.formats)  # before any work: a bad format writes nothing

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
    if args.command == "route":
        return _run_route(args)
    if args.command == "label":
        return _run_label(args)
    raise AssertionError(args.command)  # pragma: no cover - argparse rejects others


def _need(args: argparse.Namespace, *names: str) -> None:
    from ..errors import InputError

    for name in names:
        if getattr(args, name) in (None, ""):
            flag = name if name == "study" else "--" + name.replace("_", "-")
            raise InputError("option_missing", option=flag, command=f"shelflife {args.command}")


def _run_route(args: argparse.Namespace) -> int:
    if args.list:
        from ..routes import get_scenario, list_scenarios

        for name in list_scenarios():
            sc = get_scenario(name)
            print(f"{name:16s} {sc.title} ({sc.nominal_duration_days:.0f} days nominal)")
        return 0
    _need(args, "study", "to")
    from .route import assess_route

    analysis = _analysis(args.study)
    extra = assess_route(
        analysis,
        args.to,
        market=args.market,
        season=args.season,
        n=args.runs,
        seed=args.seed,
        label_temperature=args.at,
        min_remaining=args.min_remaining,
        safety_factor=args.safety_factor,
    )
    return _emit(args, analysis, extra)


def _run_label(args: argparse.Namespace) -> int:
    if args.list:
        from ..markets import list_markets

        for m in list_markets():
            print(f"{m.code:6s} {m.name_in(args.lang)}")
        return 0
    _need(args, "study", "market", "produced")
    from .label import label_study

    analysis = _analysis(args.study)
    extra = label_study(
        analysis,
        args.market,
        args.produced,
        at=args.at,
        kind=args.kind,
        safety_factor=args.safety_factor,
        precision=args.precision,
    )
    return _emit(args, analysis, extra)
