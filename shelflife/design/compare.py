"""Candidate designs side by side: :func:`compare_designs` (table) and :func:`plot_designs`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError
from .evaluate import DesignEvaluation, evaluate_design
from .plan import Design
from .truth import Truth

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["compare_designs", "plot_designs"]


# ------------------------------------------------------------------------ comparison
def _named(designs: Any) -> dict[str, Design]:
    if isinstance(designs, Design):
        return {designs.label: designs}
    if isinstance(designs, dict):
        return {str(k): v for k, v in designs.items()}
    out: dict[str, Design] = {}
    for i, d in enumerate(designs):
        out[f"{chr(ord('A') + i) if i < 26 else i + 1}"] = d
    return out


def compare_designs(
    designs: dict[str, Design] | list[Design],
    truth: dict[str, Any] | Truth,
    *,
    storage: Any = "30 degC",
    n_sim: int = 500,
    seed: int = 0,
    level: float = 0.95,
    error_model: str = "auto",
    lang: str = "en",
) -> pd.DataFrame:
    """Evaluate candidate designs under one truth and put them side by side.

    Parameters
    ----------
    designs : dict of str to Design, or list of Design
        Candidates, by name (a list is named ``A``, ``B``, ...).
    truth, storage, n_sim, seed, level, error_model
        As :func:`evaluate_design` (every design is simulated with the same seed).
    lang : {"en", "id"}
        Language of the row labels.

    Returns
    -------
    pandas.DataFrame
        One column per design, one row per figure (units in the row labels); the
        evaluations are in ``df.attrs["evaluations"]`` (name -> :class:`DesignEvaluation`)
        for :func:`plot_designs`.

    Examples
    --------
    >>> truth = {"order": "first", "initial": 1.0, "limit": 10.0, "direction": "max",
    ...          "activation_energy": "80 kJ/mol", "shelf_life": "6 month", "cv": 0.08}
    >>> short = Design.from_spec(temperatures=["40 degC", "45 degC"], duration="2 week")
    >>> wide = Design.from_spec(temperatures=["35 degC", "45 degC", "55 degC"],
    ...                         duration="6 week")
    >>> df = compare_designs({"short": short, "wide": wide}, truth, n_sim=100)
    >>> list(df.columns)
    ['short', 'wide']
    """
    import pandas as pd

    evaluations = {
        name: evaluate_design(
            d,
            truth=truth,
            storage=storage,
            n_sim=n_sim,
            seed=seed,
            level=level,
            error_model=error_model,
            name=name,
        )
        for name, d in _named(designs).items()
    }
    df = pd.concat([ev.summary(lang) for ev in evaluations.values()], axis=1)
    df.attrs["evaluations"] = evaluations
    return df


# ------------------------------------------------------------------------------ plot
_PLOT = {
    "width": {
        "en": "{level} % CI width [% of true shelf life]",
        "id": "Lebar SK {level} % [% umur simpan sebenarnya]",
    },
    "estimates": {
        "en": "Shelf-life estimate at {storage} [day]",
        "id": "Estimasi umur simpan pada {storage} [hari]",
    },
    "design": {"en": "Design", "id": "Rancangan"},
    "truth": {"en": "true shelf life", "id": "umur simpan sebenarnya"},
    "coverage": {"en": "coverage {pct} %", "id": "cakupan {pct} %"},
}


def _evaluations(results: Any) -> dict[str, DesignEvaluation]:
    if isinstance(results, DesignEvaluation):
        return {results.name or results.design.label: results}
    if hasattr(results, "attrs") and "evaluations" in getattr(results, "attrs", {}):
        return dict(results.attrs["evaluations"])
    if isinstance(results, dict):
        return {str(k): v for k, v in results.items()}
    return {ev.name or f"{chr(ord('A') + i)}": ev for i, ev in enumerate(results)}


def plot_designs(results: Any, ax=None, *, kind: str = "width", lang: str = "en"):
    """Candidate designs side by side: interval widths or estimates per design.

    Parameters
    ----------
    results : dict of str to DesignEvaluation, list, DesignEvaluation, or the DataFrame
        returned by :func:`compare_designs`.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made when omitted.
    kind : {"width", "estimates"}
        ``"width"``: box plot of each simulated study's interval width relative to the true
        shelf life [%], with the coverage under each box. ``"estimates"``: box plot of the
        shelf-life estimates [day] with the true value as a line. Whiskers span the 5th to
        95th percentiles.
    lang : {"en", "id"}
        Language of the labels.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib

    from ..plotting import STYLE, _axes, _localise, _plain_log_axis
    from ..report.i18n import check_lang, format_celsius

    check_lang(lang)
    if kind not in ("width", "estimates"):
        raise InputError(
            "option_unknown", what="plot kind", value=kind, choices="width, estimates"
        )
    evs = _evaluations(results)
    names = list(evs)
    with matplotlib.rc_context(STYLE):
        ax = _axes(ax)
        data = []
        for ev in evs.values():
            if kind == "width":
                x = 100.0 * ev.relative_width
            else:
                x = ev.estimates[ev.converged]
            data.append(x[np.isfinite(x)])
        ax.boxplot(
            data,
            whis=(5, 95),
            showfliers=False,
            widths=0.5,
            medianprops={"color": "#D55E00", "linewidth": 1.6},
            boxprops={"color": "#0072B2"},
            whiskerprops={"color": "#0072B2"},
            capprops={"color": "#0072B2"},
        )
        labels = []
        for name, ev in evs.items():
            pct = f"{100 * ev.coverage:.0f}".replace(".", ",")
            labels.append(f"{name}\n{_PLOT['coverage'][lang].format(pct=pct)}")
        ax.set_xticks(range(1, len(names) + 1))
        ax.set_xticklabels(labels)
        first = next(iter(evs.values()))
        if kind == "width":
            ax.set_ylabel(_PLOT["width"][lang].format(level=f"{100 * first.level:g}"))
        else:
            ax.set_ylabel(
                _PLOT["estimates"][lang].format(storage=format_celsius(first.storage, lang))
            )
            truths = {round(ev.true_shelf_life, 9) for ev in evs.values()}
            for tv in truths:
                ax.axhline(tv, color="#444444", linewidth=1.1, linestyle=(0, (7, 4)))
            ax.plot([], [], color="#444444", linestyle=(0, (7, 4)), label=_PLOT["truth"][lang])
            ax.legend(loc="best")
        ax.set_xlabel(_PLOT["design"][lang])
        spread = [np.percentile(x, [50, 95]) for x in data if x.size]
        if spread and max(p[1] for p in spread) > 20 * max(min(p[0] for p in spread), 1e-12):
            # one design is far worse than another: a log axis keeps both readable
            ax.set_yscale("log")
            _plain_log_axis(ax.yaxis, lang)
        else:
            _localise(ax.yaxis, lang)
    return ax
