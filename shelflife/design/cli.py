"""``shelflife protocol design``: the design assistant on the command line.

Thin glue: arguments become :func:`~shelflife.design.propose_design` and
:meth:`~shelflife.design.Design.from_spec` calls; with ``--evaluate`` the designs are
compared by :func:`~shelflife.design.compare_designs`. No science here.
"""

from __future__ import annotations

import argparse
import json
import sys

__all__ = ["add_parser", "run"]

_HELP = {
    "design": "propose an ASLT design and predict the precision of its shelf life",
    "shelf_life": "expected shelf life at the storage temperature, e.g. '6 month'",
    "storage": "storage temperature, e.g. '30 degC'",
    "ea": "activation energy, or twice for a range ('60 kJ/mol' '100 kJ/mol')",
    "reaction": "reaction class from the parameter library (e.g. lipid_oxidation)",
    "max_t": "highest allowed chamber temperature (e.g. below fat melting), e.g. '40 degC'",
    "n_t": "number of chamber temperatures",
    "duration": "study duration, e.g. '8 week'",
    "pulls": "pulls per chamber, time zero included",
    "replicates": "replicates per pull",
    "candidate": "a candidate design 'T1,T2,T3 degC; DURATION; PULLS; REPLICATES', repeatable",
    "evaluate": "simulate the designs and compare the precision of the shelf life",
    "order": "reaction order of the simulated truth",
    "initial": "initial value of the attribute (simulation)",
    "limit": "critical limit (simulation)",
    "direction": "max: fails above the limit; min: fails below",
    "sd": "measurement standard deviation (simulation)",
    "cv": "measurement coefficient of variation, e.g. 0.1 (simulation)",
    "n_sim": "number of simulated studies per design",
    "seed": "random seed (reproducible)",
    "json": "print the result as JSON",
}


def add_parser(psub: argparse._SubParsersAction, lang_default: str) -> argparse.ArgumentParser:
    """Register ``protocol design`` on the ``protocol`` subparsers."""
    h = _HELP
    p = psub.add_parser("design", help=h["design"], description=h["design"])
    p.add_argument("--shelf-life", required=True, metavar="TIME", help=h["shelf_life"])
    p.add_argument("--storage", default="30 degC", metavar="T", help=h["storage"])
    p.add_argument("--ea", action="append", metavar="ENERGY", help=h["ea"])
    p.add_argument("--reaction", metavar="KEY", help=h["reaction"])
    p.add_argument("--max-temperature", metavar="T", help=h["max_t"])
    p.add_argument("--temperatures", type=int, default=3, metavar="N", help=h["n_t"])
    p.add_argument("--duration", metavar="TIME", help=h["duration"])
    p.add_argument("--pulls", type=int, default=7, help=h["pulls"])
    p.add_argument("--replicates", type=int, default=3, help=h["replicates"])
    p.add_argument("--candidate", action="append", default=[], metavar="SPEC", help=h["candidate"])
    p.add_argument("--evaluate", action="store_true", help=h["evaluate"])
    p.add_argument(
        "--order", default="first", choices=("zero", "first", "second"), help=h["order"]
    )
    p.add_argument("--initial", type=float, default=1.0, help=h["initial"])
    p.add_argument("--limit", type=float, default=10.0, help=h["limit"])
    p.add_argument("--direction", default="max", choices=("max", "min"), help=h["direction"])
    p.add_argument("--sd", type=float, help=h["sd"])
    p.add_argument("--cv", type=float, help=h["cv"])
    p.add_argument("--n-sim", type=int, default=500, help=h["n_sim"])
    p.add_argument("--seed", type=int, default=0, help=h["seed"])
    p.add_argument("--json", action="store_true", help=h["json"])
    p.add_argument("--lang", choices=("en", "id"), default=lang_default, help="en or id")
    return p


def _candidate(spec: str):
    """Parse ``"30,40,50 degC; 8 week; 7; 3"`` into a :class:`Design`."""
    from ..errors import InputError
    from . import Design

    parts = [x.strip() for x in spec.split(";")]
    if len(parts) != 4:
        raise InputError(
            "option_unknown",
            what="candidate design",
            value=spec,
            choices="'T1,T2,T3 degC; DURATION; PULLS; REPLICATES'",
        )
    temps, duration, pulls, reps = parts
    numbers, _, unit = temps.rpartition(" ")
    temperatures = [f"{x.strip()} {unit}" for x in numbers.split(",")]
    try:
        n_pulls, n_reps = int(pulls), int(reps)
    except ValueError:
        raise InputError(
            "option_unknown", what="candidate design", value=spec, choices="whole numbers"
        ) from None
    return Design.from_spec(
        temperatures=temperatures, duration=duration, pulls=n_pulls, replicates=n_reps
    )


def _truth_ea(ea, reaction: str | None) -> str:
    """Activation energy of the simulated truth.

    The given one, the middle of a given range or of the library range of ``reaction``,
    else 80 kJ/mol (a typical food value).
    """
    from ..units import to_kj_per_mol

    if isinstance(ea, str):
        return ea
    if ea:
        return f"{(to_kj_per_mol(ea[0]) + to_kj_per_mol(ea[1])) / 2:g} kJ/mol"
    if reaction:
        from ..library import get_reaction

        low, high = get_reaction(reaction).ea_kj_per_mol
        return f"{(low + high) / 2:g} kJ/mol"
    return "80 kJ/mol"


def run(args: argparse.Namespace) -> int:
    """Run ``protocol design``; returns the exit code."""
    from . import compare_designs, propose_design

    ea = None
    if args.ea:
        ea = args.ea[0] if len(args.ea) == 1 else (args.ea[0], args.ea[1])
    design = propose_design(
        expected_shelf_life=args.shelf_life,
        activation_energy=ea,
        reaction=args.reaction,
        storage=args.storage,
        max_temperature=args.max_temperature,
        n_temperatures=args.temperatures,
        duration=args.duration,
        pulls=args.pulls,
        replicates=args.replicates,
        order=args.order,
    )
    designs = {"proposed": design}
    for i, spec in enumerate(args.candidate, start=1):
        designs[f"candidate {i}"] = _candidate(spec)
    out: dict = {"proposed": design.to_dict()}
    table = None
    if args.evaluate:
        truth = {
            "order": args.order,
            "initial": args.initial,
            "limit": args.limit,
            "direction": args.direction,
            "shelf_life": args.shelf_life,
            "activation_energy": _truth_ea(ea, args.reaction),
        }
        if args.sd is not None:
            truth["sd"] = args.sd
        if args.cv is not None or args.sd is None:
            truth["cv"] = args.cv if args.cv is not None else 0.1
        table = compare_designs(
            designs, truth, storage=args.storage, n_sim=args.n_sim, seed=args.seed
        )
        out["evaluations"] = {k: v.to_dict() for k, v in table.attrs["evaluations"].items()}
    if args.json:
        sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        return 0
    summary = design.summary(args.lang)
    print(summary.to_string() if hasattr(summary, "to_string") else summary)
    for line in design.rationale(args.lang):
        print(f"  - {line}")
    for notice in design.notices:
        print(f"  ! {notice.message(args.lang)}")
    if table is not None:
        print()
        print(table.to_string())
        for name, ev in table.attrs["evaluations"].items():
            print(f"{name}: {ev.answer(args.lang)}")
    return 0
