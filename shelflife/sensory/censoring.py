"""Censored rejection times of consumers: the panel data of Hough's method.

Each consumer tastes samples of several storage ages and says whether they would consume
them. The time at which a consumer starts rejecting the product is never seen exactly; it
is only known to lie in an interval (Hough et al. 2003; Hough 2010, ch. 4):

- rejects at the first age tested (after accepting the fresh sample, or with no fresh
  sample served): **left-censored**, the rejection time is in (0, t_first];
- accepts every sample: **right-censored**, the rejection time is after the last age t_last;
- accepts up to t_j and rejects at t_(j+1): **interval-censored** in (t_j, t_(j+1)].

Two practices of Hough (2010) are applied:

- a consumer who rejects the *fresh* sample (time 0) dislikes the product, not its ageing, and
  is left out (coded notice ``sensory_fresh_rejected``);
- a consumer who accepts a sample older than one they rejected (an inconsistent pattern such
  as yes-no-yes-no) is, by default (``inconsistent="first"``), taken at their **first**
  rejection: the interval runs from the last acceptance before the first rejection to the
  first rejection, and later answers are treated as noise. ``"widest"`` instead takes the
  interval from the last acceptance before the first rejection to the first rejection after
  the last acceptance (right-censored when the last answer is an acceptance); ``"exclude"``
  leaves such consumers out. Either way a coded notice ``sensory_inconsistent`` lists them.

All times are in days [day] and temperatures in kelvin [K].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from .answers import parse_answer

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "SensoryPanel",
    "panel_from_answers",
    "panel_from_intervals",
    "MIN_CONSUMERS",
    "RECOMMENDED_CONSUMERS",
]

#: Below this many consumers a ``sensory_few_consumers`` notice is attached.
MIN_CONSUMERS = 30
#: Panel size recommended by Hough (2010).
RECOMMENDED_CONSUMERS = 50
_RULES = {
    "first": "the interval from their last acceptance before the first rejection to the "
    "first rejection",
    "widest": "the interval from their last acceptance before the first rejection to the "
    "first rejection after their last acceptance",
    "exclude": "undefined and they were left out",
}


@dataclass(frozen=True)
class SensoryPanel:
    """Censored rejection times, one per consumer (and storage temperature).

    Attributes
    ----------
    consumer : tuple of str
        Consumer identifiers (``"id@T"`` when a consumer tasted series at several
        temperatures).
    lower, upper : numpy.ndarray
        The rejection time lies in ``(lower, upper]`` [day]; ``lower == 0`` is
        left-censored, ``upper == inf`` right-censored.
    temperature : numpy.ndarray or None
        Storage temperature of each consumer's series [K], ``None`` when not given.
    times : numpy.ndarray
        Storage times tested [day], sorted.
    excluded : tuple of str
        Consumers left out (fresh sample rejected, or inconsistent with ``"exclude"``).
    notices : tuple of Notice
        Coded notices raised while building the panel.
    """

    consumer: tuple[str, ...]
    lower: np.ndarray
    upper: np.ndarray
    temperature: np.ndarray | None = None
    times: np.ndarray = field(default_factory=lambda: np.zeros(0))
    excluded: tuple[str, ...] = ()
    notices: tuple[Notice, ...] = ()

    def __post_init__(self) -> None:
        for name in ("lower", "upper", "times", "temperature"):
            value = getattr(self, name)
            if value is not None:
                arr = np.array(value, dtype=float)
                arr.setflags(write=False)
                object.__setattr__(self, name, arr)

    @property
    def n(self) -> int:
        """Number of consumers analysed."""
        return len(self.consumer)

    @property
    def kind(self) -> np.ndarray:
        """``"left"``, ``"interval"`` or ``"right"`` for each consumer."""
        out = np.full(self.n, "interval", dtype=object)
        out[self.lower <= 0] = "left"
        out[~np.isfinite(self.upper)] = "right"
        return out

    def counts(self) -> dict[str, int]:
        """Number of left-, interval- and right-censored consumers."""
        kind = self.kind
        return {k: int(np.sum(kind == k)) for k in ("left", "interval", "right")}

    @property
    def temperatures(self) -> np.ndarray:
        """Distinct storage temperatures [K] (empty when none was given)."""
        if self.temperature is None:
            return np.zeros(0)
        return np.unique(self.temperature)

    def to_frame(self) -> pd.DataFrame:
        """One row per consumer: ``consumer, lower [day], upper [day], kind`` (+ temperature)."""
        import pandas as pd

        data: dict[str, Any] = {
            "consumer": list(self.consumer),
            "lower [day]": self.lower,
            "upper [day]": self.upper,
            "kind": list(self.kind),
        }
        if self.temperature is not None:
            data["temperature [°C]"] = self.temperature - 273.15
        return pd.DataFrame(data)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: counts, tested times, temperatures, exclusions and notices."""
        return {
            "n_consumers": self.n,
            "censoring": self.counts(),
            "times": {"value": [float(t) for t in self.times], "unit": "day"},
            "temperatures": {
                "value": [round(float(t) - 273.15, 6) for t in self.temperatures],
                "unit": "degC",
            },
            "excluded": list(self.excluded),
            "notices": [n.to_dict() for n in self.notices],
        }


def _as_days(time: Any, unit: str) -> np.ndarray:
    from ..units import get_registry

    reg = get_registry()
    if isinstance(time, reg.Quantity) or (hasattr(time, "magnitude") and hasattr(time, "units")):
        from ..units import to_days

        return np.atleast_1d(np.asarray(to_days(time), dtype=float))
    arr = np.asarray(time, dtype=float)
    if unit != "day":
        arr = np.asarray(reg.Quantity(arr, unit).to("day").magnitude, dtype=float)
    return np.atleast_1d(arr)


def _as_kelvin(temperature: Any, n: int) -> np.ndarray | None:
    if temperature is None:
        return None
    from ..units import to_kelvin

    values = to_kelvin(temperature)
    arr = np.atleast_1d(np.asarray(values, dtype=float))
    if arr.size == 1:
        arr = np.full(n, float(arr[0]))
    if arr.size != n:
        raise ValueError(f"temperature has {arr.size} values for {n} answers")
    return arr


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:12])
    return shown + (f" (+{len(ids) - 12})" if len(ids) > 12 else "")


def panel_from_answers(
    consumer: Sequence[Any],
    time: Any,
    answer: Sequence[Any],
    *,
    temperature: Any = None,
    unit: str = "day",
    inconsistent: str = "first",
    rows: Sequence[int] | None = None,
    columns: dict[str, str] | None = None,
    file: str | None = None,
) -> SensoryPanel:
    """Build the censored rejection times from raw accept/reject answers.

    Parameters
    ----------
    consumer : sequence
        Consumer identifier of each answer.
    time : pint.Quantity or array_like
        Storage time (age) of the sample tasted; plain numbers are read in ``unit``.
    answer : sequence
        ``yes``/``no``, ``accept``/``reject``, ``1``/``0``, ``ya``/``tidak``,
        ``terima``/``tolak`` or bools.
    temperature : pint.Quantity or str or sequence of str, optional
        Storage temperature of each sample (or one for all), never a bare number.
    unit : str
        Unit of plain-number times [default ``"day"``].
    inconsistent : {"first", "widest", "exclude"}
        How to read a consumer who accepts a sample older than one they rejected (see the
        module notes).
    rows, columns, file : optional
        Spreadsheet rows of the answers, the headers of the columns
        (``{"consumer", "time", "answer"}``) and the file, for located errors.

    Returns
    -------
    SensoryPanel

    Raises
    ------
    InputError
        ``sensory_answer_unknown``, ``sensory_duplicate_answer``, ``sensory_time_negative``,
        ``sensory_empty_panel``.

    Examples
    --------
    >>> p = panel_from_answers(["a"] * 3, [0, 7, 14], ["ya", "ya", "tidak"])
    >>> p.lower[0], p.upper[0]
    (np.float64(7.0), np.float64(14.0))
    """
    if inconsistent not in _RULES:
        raise ValueError(f"inconsistent must be one of {sorted(_RULES)}, got {inconsistent!r}")
    cols = {"consumer": "consumer", "time": "time", "answer": "answer", **(columns or {})}
    ids = [str(c).strip() for c in consumer]
    n = len(ids)
    t = _as_days(time, unit)
    if t.size != n or len(answer) != n:
        raise ValueError("consumer, time and answer must have the same length")
    row_of = list(rows) if rows is not None else [None] * n
    ok = np.array(
        [
            parse_answer(a, row=r, column=cols["answer"], file=file)
            for a, r in zip(answer, row_of, strict=True)
        ],
        dtype=bool,
    )
    for ti, r in zip(t, row_of, strict=True):
        if ti < 0:
            raise InputError(
                "sensory_time_negative", row=r, column=cols["time"], file=file, value=float(ti)
            )
    T = _as_kelvin(temperature, n)
    series: dict[tuple[str, float | None], list[int]] = {}
    for i, cid in enumerate(ids):
        key = (cid, float(T[i]) if T is not None else None)
        series.setdefault(key, []).append(i)
    # a consumer tasting at several temperatures gives one series per temperature
    temps_of: dict[str, int] = {}
    for cid, _ in series:
        temps_of[cid] = temps_of.get(cid, 0) + 1

    out_id: list[str] = []
    lower: list[float] = []
    upper: list[float] = []
    temp: list[float] = []
    fresh: list[str] = []
    odd: list[str] = []
    excluded: list[str] = []
    for (cid, Tk), idx in series.items():
        name = cid if temps_of[cid] == 1 or Tk is None else f"{cid}@{Tk - 273.15:g}°C"
        order = sorted(idx, key=lambda i: t[i])
        times = t[order]
        acc = ok[order]
        dup = np.nonzero(np.diff(times) == 0)[0]
        if dup.size:
            j = order[dup[0] + 1]
            raise InputError(
                "sensory_duplicate_answer",
                row=row_of[j],
                file=file,
                consumer=cid,
                time=float(t[j]),
            )
        if times[0] == 0 and not acc[0]:
            fresh.append(name)
            excluded.append(name)
            continue
        rejected = np.nonzero(~acc)[0]
        if rejected.size == 0:
            lo, hi = float(times[-1]), np.inf
        else:
            first = int(rejected[0])
            lo = float(times[first - 1]) if first > 0 else 0.0
            hi = float(times[first])
            later_accept = np.nonzero(acc[first:])[0]
            if later_accept.size:
                odd.append(name)
                if inconsistent == "exclude":
                    excluded.append(name)
                    continue
                if inconsistent == "widest":
                    last_acc = first + int(later_accept[-1])
                    after = rejected[rejected > last_acc]
                    hi = float(times[after[0]]) if after.size else np.inf
        out_id.append(name)
        lower.append(lo)
        upper.append(hi)
        temp.append(Tk)

    notices: list[Notice] = []
    if fresh:
        notices.append(
            Notice(
                "sensory_fresh_rejected",
                "plausibility",
                None,
                {"n": len(fresh), "consumers": _ids(fresh)},
            )
        )
    if odd:
        notices.append(
            Notice(
                "sensory_inconsistent",
                "plausibility",
                None,
                {"n": len(odd), "consumers": _ids(odd), "rule": _RULES[inconsistent]},
            )
        )
    if not out_id:
        raise InputError(
            "sensory_empty_panel",
            file=file,
            reason="every consumer rejected the fresh sample" if fresh else "no answers",
        )
    return _finish(
        tuple(out_id),
        np.array(lower),
        np.array(upper),
        np.array(temp) if T is not None else None,
        np.unique(t),
        tuple(excluded),
        notices,
    )


def panel_from_intervals(
    consumer: Sequence[Any],
    lower: Any,
    upper: Any,
    *,
    temperature: Any = None,
    unit: str = "day",
) -> SensoryPanel:
    """Build a panel from rejection intervals already worked out (``(lower, upper]``).

    Parameters
    ----------
    consumer : sequence
        Consumer identifiers.
    lower, upper : pint.Quantity or array_like
        Bounds of each rejection interval; ``lower`` 0 or NaN for left-censored,
        ``upper`` inf or NaN for right-censored (R ``Surv(type="interval2")`` style).
    temperature : pint.Quantity or str or sequence of str, optional
        Storage temperature of each consumer (or one for all).
    unit : str
        Unit of plain-number bounds [default ``"day"``].

    Raises
    ------
    InputError
        ``sensory_bounds_order`` when a lower bound is not below its upper bound.
    """
    ids = tuple(str(c) for c in consumer)
    lo = np.nan_to_num(_as_days(lower, unit), nan=0.0, posinf=np.inf)
    hi = np.nan_to_num(_as_days(upper, unit), nan=np.inf, posinf=np.inf)
    if not (lo.size == hi.size == len(ids)):
        raise ValueError("consumer, lower and upper must have the same length")
    for cid, a, b in zip(ids, lo, hi, strict=True):
        if not a < b or a < 0:
            raise InputError("sensory_bounds_order", consumer=cid, lower=float(a), upper=float(b))
    T = _as_kelvin(temperature, len(ids))
    times = np.unique(np.concatenate([lo[lo > 0], hi[np.isfinite(hi)]]))
    return _finish(ids, lo, hi, T, times, (), [])


def _finish(ids, lower, upper, T, times, excluded, notices) -> SensoryPanel:
    n = len(ids)
    if n < MIN_CONSUMERS:
        notices.append(
            Notice(
                "sensory_few_consumers",
                "design",
                None,
                {"n": n, "minimum": RECOMMENDED_CONSUMERS},
            )
        )
    return SensoryPanel(
        consumer=ids,
        lower=lower,
        upper=upper,
        temperature=T,
        times=times,
        excluded=excluded,
        notices=tuple(notices),
    )
