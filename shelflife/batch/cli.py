"""``shelflife batch DIR --out DIR``: the batch runner on the command line.

Thin glue over :func:`shelflife.batch.run_batch`. The top-level CLI registers the
sub-command with :func:`add_parser` and runs it with :func:`run`; :func:`main` runs it
alone (tests, ``python -m``-style use).

Exit codes:

- 0: every study was analysed without error;
- 1: the batch ran and wrote its outputs, but some studies failed (listed on the terminal
  and in ``errors.csv``);
- 2: unusable input, nothing written: no study folders, an output folder holding other
  results, an unreachable Dask scheduler, a bad option (the message says what, where and
  how to fix it, in English or Bahasa Indonesia);
- 3: an unexpected internal error (``SHELFLIFE_DEBUG=1`` shows its traceback);
- 130: interrupted (Ctrl-C); the finished chunks are kept and the next run resumes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

__all__ = ["add_parser", "run", "main", "EXIT_OK", "EXIT_FAILED", "EXIT_INPUT"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3


def _lang_default() -> str:
    lang = os.environ.get("SHELFLIFE_LANG", "en")
    return lang if lang in ("en", "id") else "en"


def _help(code: str, lang: str) -> str:
    from ..messages import render

    return render(code, lang)[0]


def add_parser(
    subparsers: argparse._SubParsersAction, lang_default: str | None = None
) -> argparse.ArgumentParser:
    """Register ``batch`` on the top-level sub-parsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        From ``parser.add_subparsers()``.
    lang_default : {"en", "id"}, optional
        Default of ``--lang`` and language of the help texts; default: the
        ``SHELFLIFE_LANG`` environment variable, else English.

    Returns
    -------
    argparse.ArgumentParser
        The ``batch`` parser.
    """
    lang = lang_default if lang_default in ("en", "id") else _lang_default()

    def h(name: str) -> str:
        return _help(f"batch_help_{name}", lang)

    p = subparsers.add_parser("batch", help=h("batch"), description=h("batch"))
    p.add_argument("dir", metavar="DIR", help=h("dir"))
    p.add_argument("--out", metavar="DIR", required=True, help=h("out"))
    p.add_argument("--workers", type=int, metavar="N", default=None, help=h("workers"))
    p.add_argument("--scheduler", metavar="ADDRESS", default=None, help=h("scheduler"))
    p.add_argument("--reports", action="store_true", help=h("reports"))
    p.add_argument("--lang", choices=("en", "id"), default=lang, help=h("lang"))
    p.add_argument("--format", dest="formats", metavar="FORMATS", default="html", help=h("format"))
    p.add_argument(
        "--storage", action="append", metavar="TEMPERATURE", default=None, help=h("storage")
    )
    p.add_argument("--replace", action="store_true", help=h("replace"))
    p.add_argument("--no-progress", dest="progress", action="store_false", help=h("no_progress"))
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``shelflife batch`` with parsed arguments; print the summary; return the exit code.

    Bad input is reported on standard error as ``shelflife: error: ...`` (``galat`` in
    Indonesian) with exit code 2 and nothing written.
    """
    from ..errors import ShelfLifeError
    from .runner import run_batch

    try:
        result = run_batch(
            args.dir,
            args.out,
            workers=args.workers,
            scheduler=args.scheduler,
            reports=args.reports,
            lang=args.lang,
            formats=args.formats,
            storage=args.storage,
            replace=args.replace,
            progress=args.progress,
        )
    except ShelfLifeError as exc:
        label = "galat" if args.lang == "id" else "error"
        print(f"shelflife: {label}: {exc.render(args.lang)}", file=sys.stderr)
        return EXIT_INPUT
    print(result.summary(args.lang))
    return EXIT_FAILED if result.n_failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``shelflife batch`` alone: ``argv`` are its arguments (without ``batch``).

    Examples
    --------
    >>> main(["no-such-folder", "--out", "out", "--no-progress"])  # doctest: +SKIP
    2
    """
    parser = argparse.ArgumentParser(prog="shelflife")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    batch = add_parser(sub)
    try:
        args = batch.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    args.command = "batch"
    try:
        return run(args)
    except KeyboardInterrupt:  # pragma: no cover - interactive
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
        if os.environ.get("SHELFLIFE_DEBUG"):
            raise
        from ..messages import render

        what, fix = render("internal_error", args.lang, reason=f"{type(exc).__name__}: {exc}")
        print(f"shelflife: {what} {fix}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
