"""Several isotherm models fitted to the same data and ranked: :func:`fit_isotherms`.

:func:`fit_isotherms` fits every registered model (or those asked for) with
:func:`~shelflife.moisture.fit_isotherm`'s method, skips those the data cannot support
(fewer points than parameters + 1, BET beyond :math:`a_w` 0.5, Peleg for the linearised
method) and ranks the rest by AICc (AIC where AICc is undefined) or by the mean relative
deviation [%] of Indonesian practice, in an immutable :class:`IsothermComparison` with its
table, JSON and plot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import FitError, InputError
from .fit_statistics import _num
from .isotherm_equations import get_model, model_names
from .isotherm_fit import IsothermFit
from .isotherm_fitting import _fit_data
from .readers import IsothermData, isotherm_data, read_isotherm_data

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["IsothermComparison", "fit_isotherms"]


@dataclass(frozen=True)
class IsothermComparison:
    """Several isotherm models fitted to the same data, ranked (immutable).

    Attributes
    ----------
    fits : tuple of IsothermFit
        The successful fits, best first (by ``rank_by``).
    data : IsothermData
        The data.
    rank_by : str
        ``"aicc"`` (default; AIC when AICc is undefined for small samples) or ``"mrd"``.
    failed : dict
        Model name -> reason, for models that could not be fitted.
    skipped : dict
        Model name -> reason, for models not tried (too few points; BET beyond its range).
    """

    fits: tuple[IsothermFit, ...]
    data: IsothermData
    rank_by: str = "aicc"
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def best(self) -> IsothermFit:
        """The best-ranked fit."""
        return self.fits[0]

    def __getitem__(self, name: str) -> IsothermFit:
        """The fit of model ``name`` (``comparison["gab"]``)."""
        key = get_model(name).name
        for f in self.fits:
            if f.model.name == key:
                return f
        raise KeyError(name)

    def __iter__(self):
        return iter(self.fits)

    def __len__(self) -> int:
        return len(self.fits)

    def table(self, lang: str = "en") -> pd.DataFrame:
        """Comparison table, best first.

        Returns
        -------
        pandas.DataFrame
            Index ``model``; columns ``title``, ``n_parameters``, ``rmse`` [g/g],
            ``r_squared``, ``mrd_percent`` [%], ``mrd_class`` (words in ``lang``), ``aic``,
            ``aicc``, ``delta_aicc`` (to the lowest AICc), ``converged``.
        """
        import pandas as pd

        finite = [f.statistics["aicc"] for f in self.fits if math.isfinite(f.statistics["aicc"])]
        low = min(finite) if finite else math.nan
        rows = []
        for f in self.fits:
            st = f.statistics
            rows.append(
                {
                    "model": f.model.name,
                    "title": f.model.title,
                    "n_parameters": st["p"],
                    "rmse": st["rmse"],
                    "r_squared": st["r_squared"],
                    "mrd_percent": st["mrd_percent"],
                    "mrd_class": f.accuracy(lang),
                    "aic": st["aic"],
                    "aicc": st["aicc"],
                    "delta_aicc": st["aicc"] - low,
                    "converged": f.converged,
                }
            )
        return pd.DataFrame(rows).set_index("model")

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """Alias of :meth:`table`."""
        return self.table(lang)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``best``, ``rank_by``, ``table`` (rows), ``fits``, ``failed``, ``skipped``."""
        table = self.table()
        rows = [
            {"model": k, **{c: (_num(v) if isinstance(v, float) else v) for c, v in r.items()}}
            for k, r in table.to_dict(orient="index").items()
        ]
        return {
            "best": self.best.model.name,
            "rank_by": self.rank_by,
            "table": rows,
            "fits": {f.model.name: f.to_dict() for f in self.fits},
            "failed": dict(self.failed),
            "skipped": dict(self.skipped),
            "notices": [n.to_dict() for n in self.data.notices],
        }

    def __str__(self) -> str:
        lines = [f"Isotherm models ranked by {self.rank_by.upper()} (n = {self.data.n}):"]
        for f in self.fits:
            st = f.statistics
            lines.append(
                f"  {f.model.title:13s} MRD {st['mrd_percent']:6.2f} % ({f.accuracy('en')}), "
                f"RMSE {st['rmse']:.3g}, AICc {st['aicc']:.2f}"
            )
        for name, why in {**self.skipped, **self.failed}.items():
            lines.append(f"  {name}: {why}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return self.table().to_html(float_format=lambda x: f"{x:.4g}")

    def plot(self, ax=None, *, lang: str = "en", models: Sequence[str] | None = None):
        """Plot the data with every fitted isotherm (or ``models`` only).

        Returns
        -------
        matplotlib.axes.Axes
        """
        from .plots import plot_comparison

        return plot_comparison(self, ax=ax, lang=lang, models=models)


def _rank_key(rank_by: str):
    def key(f: IsothermFit):
        st = f.statistics
        if rank_by == "mrd":
            return (0, st["mrd_percent"], st["aic"])
        finite = math.isfinite(st["aicc"])
        return (0 if finite else 1, st["aicc"] if finite else st["aic"], st["mrd_percent"])

    return key


def fit_isotherms(
    data: Any,
    models: Sequence[str] | None = None,
    *,
    basis: str | None = None,
    temperature: Any = None,
    method: str = "nonlinear",
    rank_by: str = "aicc",
    unit: str | None = None,
    columns: dict[str, str] | None = None,
    sheet: str | None = None,
) -> IsothermComparison:
    """Fit several isotherm models to the same data and rank them.

    Parameters
    ----------
    data : str, os.PathLike, pandas.DataFrame, mapping, tuple or IsothermData
        A CSV/XLSX file or a table (see :func:`~shelflife.moisture.read_isotherm_data`),
        or a tuple ``(aw, moisture)`` of arrays.
    models : sequence of str, optional
        Models to fit; default all registered ones, except BET when the data go beyond
        its range (aw > 0.5) and models with more parameters than the data allow.
    basis : {"dry", "wet"}, optional
        Basis of the moisture (required unless the column header says it).
    temperature : pint.Quantity or str, optional
        Temperature of the measurements. [°C, K or °F]
    method : {"nonlinear", "linearised"}
        Fitting method for every model (Peleg has no linear form and is skipped by the
        linearised method).
    rank_by : {"aicc", "mrd"}
        Ranking: AICc (AIC where AICc is undefined), or the MRD of Indonesian practice.
    unit : {"g/g", "%"}, optional
        Unit of the moisture column of a file whose header has none.
    columns : dict, optional
        Explicit column headers per role (``{"aw": ..., "moisture": ...}``).
    sheet : str, optional
        Worksheet of an XLSX file.

    Returns
    -------
    IsothermComparison

    Raises
    ------
    FitError
        ``isotherm_no_models_fitted`` when no model could be fitted.

    Examples
    --------
    >>> aw = [0.11, 0.23, 0.33, 0.43, 0.53, 0.65, 0.75, 0.84]
    >>> m = get_model("oswin").moisture(aw, [0.08, 0.35])
    >>> comparison = fit_isotherms((aw, m), basis="dry")
    >>> comparison.best.model.name
    'oswin'
    """
    if rank_by not in ("aicc", "mrd"):
        raise InputError("option_unknown", what="ranking", value=rank_by, choices="aicc, mrd")
    if isinstance(data, IsothermData):
        d = data
    elif isinstance(data, tuple) and len(data) == 2:
        d = isotherm_data(data[0], data[1], basis=basis, temperature=temperature)
    else:
        d = read_isotherm_data(
            data, basis=basis, temperature=temperature, unit=unit, columns=columns, sheet=sheet
        )
    explicit = models is not None
    names = [get_model(m).name for m in (models if explicit else model_names())]
    fits, failed, skipped = [], {}, {}
    for name in names:
        mdl = get_model(name)
        if not explicit and name == "bet" and d.aw.max() > mdl.validity[1] + 1e-9:
            skipped[name] = f"data reach aw = {d.aw.max():.3g}, beyond BET's range (≤ 0.5)"
            continue
        if d.n < mdl.n_parameters + 1:
            skipped[name] = (
                f"{mdl.n_parameters} parameters need at least {mdl.n_parameters + 1} points"
            )
            continue
        if method == "linearised" and mdl.linearisation is None:
            skipped[name] = "no linear form"
            continue
        try:
            fit = _fit_data(mdl, d, method)
        except (InputError, FitError) as exc:
            failed[name] = exc.render("en")
            continue
        # the data notices belong to the comparison; each fit keeps its own
        fits.append(fit)
    if not fits:
        reasons = "; ".join(f"{k}: {v}" for k, v in {**skipped, **failed}.items())
        raise FitError("isotherm_no_models_fitted", reasons=reasons or "no model requested")
    for n in d.notices:
        n.emit(stacklevel=3)
    fits.sort(key=_rank_key(rank_by))
    return IsothermComparison(tuple(fits), d, rank_by, failed, skipped)
