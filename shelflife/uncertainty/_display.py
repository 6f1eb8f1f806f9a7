"""Display and serialisation of the uncertainty results.

:class:`DrawsDisplay` gives results made of draws (bootstrap, Monte Carlo) their table,
JSON, HTML and histogram; :class:`ProfileInterval` is the profile-likelihood interval.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import numpy as np

from ._common import kelvin, num, quantiles, temperature_dict

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["DrawsDisplay", "ProfileInterval"]


_LABELS = {
    "shelf_life_at": {"en": "Shelf life at {T}", "id": "Umur simpan pada {T}"},
    "draws": {"en": "Draws", "id": "Frekuensi"},
    "estimate": {"en": "estimate", "id": "estimasi"},
    "interval": {"en": "{pct} % {kind} interval", "id": "selang {kind} {pct} %"},
    "never": {
        "en": "{k} of {m} draws never reach the limit",
        "id": "{k} dari {m} sampel tidak pernah mencapai batas",
    },
    "percentile": {"en": "percentile", "id": "persentil"},
    "bca": {"en": "BCa", "id": "BCa"},
}


def _label(key: str, lang: str, **kw: Any) -> str:
    return _LABELS[key][lang].format(**kw)


class DrawsDisplay:
    """Tables, JSON, HTML and histogram for results made of draws.

    A subclass provides ``parameter_names``, ``parameter_symbols``, ``parameter_units``,
    ``estimates``, ``parameter_draws``, ``temperatures``, ``shelf_life``,
    ``shelf_life_draws``, ``level``, ``notices`` and :meth:`_intervals` (interval type ->
    ``(parameter array (P, 2), shelf-life array (k, 2))``) and :meth:`_provenance`.
    """

    # -- provided by subclasses ------------------------------------------------------
    def _intervals(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:  # pragma: no cover
        raise NotImplementedError

    def _provenance(self) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    def _title(self) -> str:  # pragma: no cover
        raise NotImplementedError

    # -- lookups ---------------------------------------------------------------------
    def _temperature_index(self, temperature: Any) -> int:
        T = kelvin(temperature)
        hits = np.flatnonzero(np.isclose(self.temperatures, T[0], atol=1e-6))
        if not hits.size:
            from ..errors import InputError

            raise InputError(
                "option_unknown",
                what="temperature",
                value=f"{T[0] - 273.15:g} °C",
                choices=", ".join(f"{x - 273.15:g} °C" for x in self.temperatures) or "(none)",
            )
        return int(hits[0])

    def interval(self, what: Any, kind: str = "percentile") -> tuple[float, float]:
        """Interval of a parameter (by name) or of the shelf life (by temperature).

        Parameters
        ----------
        what : str or pint.Quantity
            A reported parameter name, or a temperature of :attr:`temperatures` (quantity or
            string such as ``"30 degC"``).
        kind : str
            Interval type (``"percentile"``; bootstrap results also ``"bca"``).

        Returns
        -------
        tuple of float
            ``(low, high)`` on the reported scale [parameter unit] or [day].
        """
        table = self._intervals()
        if kind not in table:
            from ..errors import InputError

            raise InputError(
                "option_unknown", what="interval type", value=kind, choices=", ".join(table)
            )
        par, sl = table[kind]
        if isinstance(what, str) and what in self.parameter_names:
            row = par[self.parameter_names.index(what)]
        else:
            from ..errors import InputError, UnitError

            try:
                j = self._temperature_index(what)
            except UnitError:  # neither a parameter nor a temperature
                choices = [
                    *self.parameter_names,
                    *(f"{x - 273.15:g} °C" for x in self.temperatures),
                ]
                raise InputError(
                    "option_unknown",
                    what="parameter or temperature",
                    value=what,
                    choices=", ".join(choices),
                ) from None
            row = sl[j]
        return float(row[0]), float(row[1])

    # -- tables ----------------------------------------------------------------------
    def summary(self) -> pd.DataFrame:
        """One row per parameter and per shelf-life temperature.

        Columns: ``unit``, ``estimate`` (of the original fit), ``mean``, ``median``,
        ``std`` of the draws, then ``<type>_low``/``<type>_high`` per interval type, the
        ``method`` and ``level``. Shelf-life rows also give ``temperature_C``.
        """
        import pandas as pd

        table = self._intervals()
        rows = []
        par_draws = np.asarray(self.parameter_draws)
        sl_draws = np.asarray(self.shelf_life_draws)
        for i, name in enumerate(self.parameter_names):
            rows.append(
                self._row(name, None, self.parameter_units[i], self.estimates[i], par_draws[:, i])
            )
        for j, T in enumerate(self.temperatures):
            label = f"shelf_life ({T - 273.15:g} °C)"
            rows.append(self._row(label, T, "day", self.shelf_life[j], sl_draws[:, j]))
        df = pd.DataFrame(rows).set_index("quantity")
        for kind, (par, sl) in table.items():
            both = np.vstack([par, sl]) if len(sl) else par
            df[f"{kind}_low"] = both[:, 0]
            df[f"{kind}_high"] = both[:, 1]
        df["method"] = self._provenance()["method"]
        df["level"] = self.level
        return df

    @staticmethod
    def _stats(x: np.ndarray) -> tuple[float, float, float]:
        x = x[~np.isnan(x)]
        if x.size == 0:
            return np.nan, np.nan, np.nan
        with np.errstate(invalid="ignore"):
            mean = float(np.mean(x))
            std = float(np.std(x, ddof=1)) if x.size > 1 and np.all(np.isfinite(x)) else np.nan
        return mean, float(quantiles(x, [0.5])[0, 0]), std

    def _row(self, label, T, unit, estimate, x) -> dict[str, Any]:
        mean, median, std = self._stats(x)
        return {
            "quantity": label,
            "temperature_C": np.nan if T is None else round(float(T) - 273.15, 6),
            "unit": unit,
            "estimate": float(estimate),
            "mean": mean,
            "median": median,
            "std": std,
        }

    # -- JSON ------------------------------------------------------------------------
    def _interval_dicts(self, idx: int, which: int) -> list[dict[str, Any]]:
        prov = self._provenance()
        out = []
        for kind, arrays in self._intervals().items():
            low, high = arrays[which][idx]
            out.append({"interval": [num(low), num(high)], "type": kind, **prov})
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; quantities as ``{"value", "unit"}``, ``None`` for nan/inf.

        Every interval carries its method, type (percentile, BCa), level and the number
        of draws and seed that produced it.
        """
        params = {}
        par_draws = np.asarray(self.parameter_draws)
        for i, name in enumerate(self.parameter_names):
            mean, median, std = self._stats(par_draws[:, i])
            params[name] = {
                "value": num(self.estimates[i]),
                "unit": self.parameter_units[i],
                "mean": num(mean),
                "median": num(median),
                "std": num(std),
                "intervals": self._interval_dicts(i, 0),
            }
        shelf = []
        sl_draws = np.asarray(self.shelf_life_draws)
        for j, T in enumerate(self.temperatures):
            x = sl_draws[:, j]
            mean, median, std = self._stats(x)
            shelf.append(
                {
                    "temperature": temperature_dict(T),
                    "estimate": {"value": num(self.shelf_life[j]), "unit": "day"},
                    "mean": {"value": num(mean), "unit": "day"},
                    "median": {"value": num(median), "unit": "day"},
                    "never_reached": int(np.sum(np.isinf(x))),
                    "intervals": self._interval_dicts(j, 1),
                }
            )
        return {
            **self._provenance(),
            "attribute": self.attribute,
            "parameters": params,
            "shelf_life": shelf,
            "warnings": [n.to_dict() for n in self.notices],
        }

    # -- display ---------------------------------------------------------------------
    def _repr_html_(self) -> str:
        df = self.summary().drop(columns=["method", "level"])
        notes = "".join(f"<p>⚠ {html.escape(n.message('en'))}</p>" for n in self.notices)
        return (
            f"<p><b>{html.escape(self._title())}</b></p>"
            + df.to_html(float_format=lambda x: f"{x:.4g}", na_rep="–")
            + notes
        )

    def plot(
        self,
        ax=None,
        *,
        temperature: Any = None,
        parameter: str | None = None,
        lang: str = "en",
        bins: int = 50,
    ):
        """Histogram of the draws with the estimate and the interval(s) marked.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure when omitted.
        temperature : float or pint.Quantity or str, optional
            Shelf-life temperature to show (default: the first one).
        parameter : str, optional
            Show a parameter's draws instead (default when no shelf life was computed).
        lang : {"en", "id"}
            Language of the labels.
        bins : int
            Histogram bins (default 50).

        Returns
        -------
        matplotlib.axes.Axes
        """
        from ..plotting import STYLE, _axes, _localise
        from ..report.i18n import check_lang, format_celsius, unit_label

        check_lang(lang)
        table = self._intervals()
        if parameter is None and temperature is None and len(self.temperatures) == 0:
            names = self.parameter_names
            parameter = next(
                (n for n in ("activation_energy", "activation_enthalpy", "q10") if n in names),
                names[0],
            )
        if parameter is not None:
            i = parameter_index_of(self.parameter_names, parameter)
            x = np.asarray(self.parameter_draws)[:, i]
            est = float(self.estimates[i])
            ivals = {k: v[0][i] for k, v in table.items()}
            unit = unit_label(self.parameter_units[i], lang)
            xlabel = f"{self.parameter_symbols[i]} [{unit}]"
        else:
            j = 0 if temperature is None else self._temperature_index(temperature)
            x = np.asarray(self.shelf_life_draws)[:, j]
            est = float(self.shelf_life[j])
            ivals = {k: v[1][j] for k, v in table.items()}
            T = format_celsius(self.temperatures[j], lang)
            xlabel = f"{_label('shelf_life_at', lang, T=T)} [{unit_label('day', lang)}]"
        import matplotlib as mpl

        with mpl.rc_context(STYLE):
            ax = _axes(ax)
            finite = x[np.isfinite(x)]
            ax.hist(finite, bins=bins, color="#56B4E9", edgecolor="white", linewidth=0.4)
            if np.isfinite(est):
                ax.axvline(est, color="#333333", linewidth=1.6, label=_label("estimate", lang))
            styles = {"percentile": (0, (5, 2)), "bca": ":"}
            pct = f"{100 * self.level:g}"
            for k, (lo, hi) in ivals.items():
                name = _label(k, lang) if k in _LABELS else k
                style = styles.get(k, "-.")
                label = _label("interval", lang, pct=pct, kind=name)
                for v, lab in ((lo, label), (hi, None)):
                    if np.isfinite(v):
                        ax.axvline(v, color="#D55E00", linestyle=style, linewidth=1.3, label=lab)
            n_inf = int(np.sum(np.isinf(x)))
            if n_inf:
                ax.set_title(_label("never", lang, k=n_inf, m=int(np.sum(~np.isnan(x)))))
            ax.set_xlabel(xlabel)
            ax.set_ylabel(_label("draws", lang))
            _localise(ax.xaxis, lang)
            ax.legend()
        return ax


def parameter_index_of(names: tuple[str, ...], name: str) -> int:
    """Position of ``name`` in ``names`` (coded error if absent)."""
    if name not in names:
        from ..errors import InputError

        raise InputError("option_unknown", what="parameter", value=name, choices=", ".join(names))
    return names.index(name)


class ProfileInterval(tuple):
    """A profile-likelihood interval: the tuple ``(low, high)`` with its provenance.

    It unpacks and compares like a plain tuple (``low, high = profile_interval(...)``) and
    is immutable. Values are on the reported scale (rate constants as rate constants, shelf
    life in days).

    Attributes
    ----------
    low, high : float
        Ends of the interval [unit]; ``±inf`` (or a parameter bound) where open.
    quantity : str
        Parameter name, or ``"shelf_life"``.
    estimate : float
        Estimate of the fit [unit].
    unit : str
    level : float
    method : str
        ``"profile-likelihood"``.
    temperature : float or None
        Shelf-life temperature [K].
    open : tuple of bool
        Whether the lower/upper end was not reached.
    delta : tuple of float
        The delta-method (Student t) interval on the same scale, for comparison.
    log_scale : bool
        Whether the quantity is profiled (and its delta interval built) on the log scale.
    values, tau : numpy.ndarray
        Profiled values [unit] and their profile t statistics (sorted), for plots.
    notices : tuple of Notice
    """

    def __new__(cls, low: float, high: float, **info: Any) -> ProfileInterval:
        """Make the interval ``(low, high)`` carrying the keyword ``info`` as attributes."""
        obj = super().__new__(cls, (float(low), float(high)))
        obj.__dict__.update(info)
        return obj

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("ProfileInterval is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("ProfileInterval is immutable")

    def __reduce__(self):
        return (_rebuild, (tuple(self), dict(self.__dict__)))

    @property
    def low(self) -> float:
        """Lower end [unit]."""
        return self[0]

    @property
    def high(self) -> float:
        """Upper end [unit]."""
        return self[1]

    def _label(self) -> str:
        if self.temperature is None:
            return self.quantity
        return f"shelf_life ({self.temperature - 273.15:g} °C)"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: estimate and interval with method, criterion and level."""
        out: dict[str, Any] = {"quantity": self.quantity}
        if self.temperature is not None:
            out["temperature"] = temperature_dict(self.temperature)
        out.update(
            {
                "estimate": {"value": num(self.estimate), "unit": self.unit},
                "interval": [num(self.low), num(self.high)],
                "method": self.method,
                "criterion": "F",
                "level": self.level,
                "dof": self.dof,
                "open": list(self.open),
                "delta": {
                    "interval": [num(self.delta[0]), num(self.delta[1])],
                    "method": "delta",
                    "level": self.level,
                },
                "warnings": [n.to_dict() for n in self.notices],
            }
        )
        return out

    def summary(self) -> pd.DataFrame:
        """One-row table: estimate, profile and delta intervals, unit, method, level."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "quantity": self._label(),
                    "unit": self.unit,
                    "estimate": self.estimate,
                    "profile_low": self.low,
                    "profile_high": self.high,
                    "delta_low": self.delta[0],
                    "delta_high": self.delta[1],
                    "method": self.method,
                    "level": self.level,
                }
            ]
        ).set_index("quantity")

    def _repr_html_(self) -> str:
        title = (
            f"Profile-likelihood interval ({100 * self.level:g} %, F criterion, "
            f"{self.dof} df) of {self._label()}"
        )
        notes = "".join(f"<p>⚠ {html.escape(n.message('en'))}</p>" for n in self.notices)
        df = self.summary().drop(columns=["method", "level"])
        return (
            f"<p><b>{html.escape(title)}</b></p>"
            + df.to_html(float_format=lambda x: f"{x:.5g}", na_rep="–")
            + notes
        )

    def __repr__(self) -> str:
        return f"ProfileInterval({self.low!r}, {self.high!r}, quantity={self._label()!r})"

    def plot(self, ax=None, *, lang: str = "en"):
        """Profile-t plot (Bates & Watts): τ against the value, with the ±t lines.

        The straight line is what the delta method assumes; the profile's bend shows
        how far the data's evidence departs from it.

        Returns
        -------
        matplotlib.axes.Axes
        """
        from ..plotting import STYLE, _axes
        from ..report.i18n import check_lang, unit_label

        check_lang(lang)
        import matplotlib as mpl

        q = self.t_quantile
        with mpl.rc_context(STYLE):
            ax = _axes(ax)
            ax.plot(self.values, self.tau, "o-", color="#0072B2", label="profile t")
            d_lo, d_hi = self.delta
            if np.isfinite(d_lo) and np.isfinite(d_hi) and d_hi > d_lo:
                # the delta method's tau: linear on the fitting scale (log where log-fitted)
                g = np.log if self.log_scale else (lambda v: v)
                grid = np.linspace(
                    min(d_lo, np.min(self.values)), max(d_hi, np.max(self.values)), 101
                )
                with np.errstate(invalid="ignore", divide="ignore"):
                    se = (g(d_hi) - g(d_lo)) / (2.0 * q)
                    tau_delta = (g(grid) - g(self.estimate)) / se
                ax.plot(grid, tau_delta, color="#999999", linestyle=(0, (5, 2)), label="delta")
            for v in (-q, q):
                ax.axhline(v, color="#D55E00", linewidth=1.0, linestyle=":")
            for v in (self.low, self.high):
                if np.isfinite(v):
                    ax.axvline(v, color="#D55E00", linewidth=1.0)
            ax.set_xlabel(f"{self._label()} [{unit_label(self.unit, lang)}]")
            ax.set_ylabel("τ")
            ax.legend()
        return ax


def _rebuild(values: tuple, info: dict) -> ProfileInterval:
    return ProfileInterval(values[0], values[1], **info)
