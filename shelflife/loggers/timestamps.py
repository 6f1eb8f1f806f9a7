"""Vectorised timestamps: numeric date-time cells to nanoseconds, day/month order decided.

**Fast path.** Logger stamps are numbers separated by punctuation: ``2027-01-04 08:00:00``,
``04-01-2027`` + ``08:00:00`` (Elitech), ``01/05/27 11:00:00 PM`` (HOBO),
``1/5/2027 23:00`` (after Excel), ``04.01.2027 08:00``. The cells are laid out as a byte
matrix (:meth:`shelflife.loggers.table.Table.matrix`); lines are grouped by the *shape* of
their digits (which byte positions hold digits -- a fixed-width export has one shape, an
Excel re-save a handful), and each group of digits is turned into a number with a few
column operations per shape. Dates become days with the proleptic Gregorian
``days_from_civil`` formula (H. Hinnant), so no string is ever created per line.

**Order of day and month.** A year written first means year-month-day. Otherwise both
day-first and month-first readings are computed and

1. a reading that fails on some line where the other succeeds loses (a field > 12 decides);
2. if both read every line, the one whose times go forward without month-long jumps wins
   (``01/02 23:00`` -> ``02/02 00:00`` is one hour day first but a month month first);
3. if the data cannot tell (a file within a single day), the vendor decides: month first
   for HOBO and AM/PM stamps, day first otherwise -- and a day-first guess is reported
   with the notice ``logger_date_order_ambiguous``.

**Slow path.** Stamps with month names, UTC offsets (``+07:00``, ``Z``) or a time before
the date go through :func:`pandas.to_datetime`.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["Times", "parse_times", "days_from_civil"]

NS_PER_S = 1_000_000_000
NS_PER_DAY = 86_400 * NS_PER_S
_MAX_GROUPS = 7
_MAX_SHAPES = 256

_FAST = re.compile(
    r"^\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
    r"(?:[ T,\t]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*$"
)
_AWARE = re.compile(r"(?:[+-]\d{2}:?\d{2}|Z|UTC|GMT)\s*$")

_ALLOWED = np.zeros(256, dtype=bool)
_ALLOWED[list(b"0123456789 -/.:,\tTtAaPpMm")] = True
_DAYS_IN_MONTH = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


@dataclass(frozen=True)
class Times:
    """Parsed timestamps of every line of a table.

    Attributes
    ----------
    ns : numpy.ndarray
        int64 nanoseconds since 1970-01-01 (wall clock; UTC when ``aware``); undefined
        where ``ok`` is False.
    ok : numpy.ndarray
        True where the line holds a readable timestamp.
    order : str
        ``"ymd"``, ``"dmy"``, ``"mdy"`` (fast path) or ``"pandas"``.
    ambiguous : bool
        Day and month could not be told apart; day first was assumed.
    aware : bool
        The stamps carried a UTC offset; ``ns`` are UTC.
    offset_s : float or None
        UTC offset of the first aware stamp [s].
    """

    ns: np.ndarray
    ok: np.ndarray
    order: str
    ambiguous: bool = False
    aware: bool = False
    offset_s: float | None = None


def days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of the Gregorian dates ``y-m-d`` (vectorised, int64).

    Examples
    --------
    >>> int(days_from_civil(np.array([2027]), np.array([1]), np.array([4]))[0])
    20822
    """
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = np.where(m > 2, m - 3, m + 9)
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _valid_date(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    ok = (m >= 1) & (m <= 12) & (d >= 1)
    dim = _DAYS_IN_MONTH[np.clip(m, 0, 12)]
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    dim = dim + ((m == 2) & leap)
    return ok & (d <= dim)


def _by_runs(func: Any, y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """``func(y, m, d)`` computed once per run of equal dates (loggers log many per day)."""
    n = y.size
    if n < 2:
        return func(y, m, d)
    change = (y[1:] != y[:-1]) | (m[1:] != m[:-1]) | (d[1:] != d[:-1])
    starts = np.concatenate(([0], np.flatnonzero(change) + 1))
    if starts.size > n // 4:
        return func(y, m, d)
    lengths = np.diff(np.concatenate((starts, [n])))
    return np.repeat(func(y[starts], m[starts], d[starts]), lengths)


def _groups(M: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Digit groups of every line: values, lengths and count (-1 for an odd shape)."""
    n, width = M.shape
    digit = (M >= 48) & (M <= 57)
    G = np.zeros((n, _MAX_GROUPS), dtype=np.int64)
    GL = np.zeros((n, _MAX_GROUPS), dtype=np.int64)
    NG = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return G, GL, NG
    packed = np.packbits(digit, axis=1, bitorder="little")
    if packed.shape[1] < 8:
        packed = np.hstack([packed, np.zeros((n, 8 - packed.shape[1]), dtype=np.uint8)])
    keys = np.ascontiguousarray(packed[:, :8]).view(np.uint64).ravel()
    if width > 64:  # pragma: no cover - Table.matrix keeps cells below 64 bytes
        raise ValueError("time cells too wide")
    if (keys == keys[0]).all():
        shapes: list[Any] = [slice(None)]
        reps = [0]
    else:
        uniq, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        order = np.argsort(inverse, kind="stable")
        bounds = np.concatenate(([0], np.cumsum(counts)))
        best = np.argsort(-counts, kind="stable")[:_MAX_SHAPES]
        shapes = [order[bounds[i] : bounds[i + 1]] for i in best]
        reps = [int(rows[0]) for rows in shapes]
    for rows, rep in zip(shapes, reps, strict=True):
        mask = digit[rep]
        edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
        runs = list(zip(edges[0::2], edges[1::2], strict=True))[:_MAX_GROUPS]
        sub = M[rows] if not isinstance(rows, slice) else M
        for g, (c0, c1) in enumerate(runs):
            kind = np.int32 if c1 - c0 <= 9 else np.int64  # 9 digits fit in int32
            value = sub[:, c0].astype(kind) - 48
            for c in range(int(c0) + 1, int(c1)):
                value = value * 10 + (sub[:, c].astype(kind) - 48)
            G[rows, g] = value
            GL[rows, g] = c1 - c0
        count = len(edges) // 2
        NG[rows] = count if count <= _MAX_GROUPS else -1
    return G, GL, NG


def _fast(M: np.ndarray, bad: np.ndarray, sample: str, prefer: str) -> Times | None:
    """The fast path; ``None`` when the sample stamp is not a numeric date-first stamp."""
    if not _FAST.match(sample):
        return None
    G, GL, NG = _groups(M)
    bad = bad | ~_ALLOWED[M].all(axis=1)
    shape_ok = np.isin(NG, (3, 5, 6, 7)) & ~bad
    first = np.flatnonzero(shape_ok)
    if first.size == 0:
        return None
    r0 = int(first[0])
    if (M >= 65).any():  # letters: AM/PM (or the ISO "T")
        low = M | 0x20
        pm = (low == ord("p")).any(axis=1)
        am = (low == ord("a")).any(axis=1)
    else:
        pm = am = np.zeros(M.shape[0], dtype=bool)
    ampm = am | pm
    has_time = NG >= 5
    H = np.where(has_time, G[:, 3], 0)
    Mi = np.where(has_time, G[:, 4], 0)
    S = np.where(NG >= 6, G[:, 5], 0)
    time_ok = (Mi <= 59) & (S <= 60)
    clock = (H * 60 + Mi) * 60 + S
    if (NG == 7).any():
        frac_len = np.where(NG == 7, GL[:, 6], 0)
        time_ok &= frac_len <= 9
        frac = np.where(NG == 7, G[:, 6] * 10 ** np.clip(9 - frac_len, 0, 9), 0)
    else:
        frac = 0
    if ampm.any():
        time_ok &= ~(ampm & ~has_time) & np.where(ampm, (H >= 1) & (H <= 12), H <= 23)
        clock = clock + np.where(ampm, (H % 12 + 12 * pm - H) * 3600, 0)
    else:
        time_ok &= H <= 23
    clock = clock * NS_PER_S + frac

    def stamps(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
        return _by_runs(days_from_civil, y, m, d) * NS_PER_DAY + clock

    if GL[r0, 0] == 4:  # year first
        y, a, b = G[:, 0], G[:, 1], G[:, 2]
        layout = (GL[:, 0] == 4) & (GL[:, 1] <= 2) & (GL[:, 2] <= 2)
        ok = shape_ok & layout & time_ok & _by_runs(_valid_date, y, a, b)
        return Times(stamps(y, a, b), ok, "ymd")
    year_width = int(GL[r0, 2])
    if year_width not in (2, 4):
        return None
    y = G[:, 2] + (2000 if year_width == 2 else 0)
    layout = (GL[:, 2] == year_width) & (GL[:, 0] <= 2) & (GL[:, 1] <= 2)
    base = shape_ok & layout & time_ok
    parts = {"dmy": (G[:, 1], G[:, 0]), "mdy": (G[:, 0], G[:, 1])}
    valid = {order: base & _by_runs(_valid_date, y, m, d) for order, (m, d) in parts.items()}
    if prefer == "dmy" and ampm[r0]:
        prefer = "mdy"
    n_d, n_m = int(valid["dmy"].sum()), int(valid["mdy"].sum())
    if n_d != n_m:  # a field above 12 decides
        order = "dmy" if n_d > n_m else "mdy"
        return Times(stamps(y, *parts[order]), valid[order], order)
    cands = {order: (valid[order], stamps(y, *parts[order])) for order in parts}
    order, ambiguous = choose_order(cands, prefer)
    ok, ns = cands[order]
    return Times(ns, ok, order, ambiguous=ambiguous and order == "dmy")


def choose_order(cands: dict[str, tuple[np.ndarray, np.ndarray]], prefer: str) -> tuple[str, bool]:
    """Pick day-first or month-first (see the module docstring); ``(order, undecided)``."""
    (ok_d, ns_d), (ok_m, ns_m) = cands["dmy"], cands["mdy"]
    n_d, n_m = int(ok_d.sum()), int(ok_m.sum())
    if n_d != n_m:
        return ("dmy" if n_d > n_m else "mdy"), False
    if n_d == 0 or (np.array_equal(ok_d, ok_m) and np.array_equal(ns_d[ok_d], ns_m[ok_m])):
        return prefer, False

    def disorder(ok: np.ndarray, ns: np.ndarray) -> tuple[int, int]:
        steps = np.diff(ns[ok])
        return int((steps <= 0).sum()), int(steps.max()) if steps.size else 0

    score_d, score_m = disorder(ok_d, ns_d), disorder(ok_m, ns_m)
    if score_d != score_m:
        return ("dmy" if score_d < score_m else "mdy"), False
    return prefer, True


def _slow(strings: Any, prefer: str) -> Times:
    """:func:`pandas.to_datetime` on the cell texts (month names, UTC offsets...)."""
    import pandas as pd

    texts = strings.where(strings != "")
    present = texts.dropna()
    sample = str(present.iloc[0]) if len(present) else ""
    aware = bool(_AWARE.search(sample))
    best = None
    for dayfirst in (prefer == "dmy", prefer != "dmy"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parsed = pd.to_datetime(texts, dayfirst=dayfirst, errors="coerce", utc=aware)
            except (ValueError, TypeError):
                parsed = pd.to_datetime(
                    texts, dayfirst=dayfirst, errors="coerce", utc=True, format="mixed"
                )
                aware = True
        if getattr(parsed.dt, "tz", None) is not None and not aware:
            parsed = parsed.dt.tz_convert("UTC")
            aware = True
        ok = parsed.notna().to_numpy()
        if best is None or ok.sum() > best[1].sum():
            best = (parsed, ok)
    parsed, ok = best
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    ns = parsed.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    offset = None
    if aware and sample:
        try:
            stamp = pd.Timestamp(sample)
            delta = stamp.utcoffset()
            offset = None if delta is None else delta.total_seconds()
        except (ValueError, TypeError):
            offset = None
    return Times(ns, ok, "pandas", aware=aware, offset_s=offset)


def parse_times(table: Any, columns: tuple[int, ...], *, prefer: str) -> Times:
    """Timestamps of every line of ``table``.

    Parameters
    ----------
    table : shelflife.loggers.table.Table
        The data lines.
    columns : tuple of int
        The timestamp column, or the date column and the clock column.
    prefer : {"dmy", "mdy"}
        The vendor's order of day and month, used only when the data cannot tell.

    Returns
    -------
    Times
    """
    M, too_long = table.matrix(columns, width=min(48, 62 // len(columns)))  # <= 64 bytes
    filled = table.filled(columns[0])
    first = np.flatnonzero(filled & ~too_long)
    sample = ""
    if first.size:
        sample = " ".join(table.cell(int(first[0]), k) for k in columns)
    fast = _fast(M, too_long | ~filled, sample, prefer)
    if fast is not None:
        return fast
    strings = table.cells(columns[0])
    for k in columns[1:]:
        strings = strings + " " + table.cells(k)
    return _slow(strings.str.strip(), prefer)
