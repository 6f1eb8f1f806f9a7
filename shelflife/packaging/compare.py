r"""Compare packaging options for one product and storage condition; size the barrier.

For each option the moisture-limited shelf life is computed with Labuza's closed form and
with the numerical solution on the full isotherm. With a target shelf life
:math:`\theta^*` the closed form is inverted for the permeance the film needs at the
storage temperature,

.. math::

    P^* = \frac{\ln[(m_e - m_i)/(m_e - m_c)]\; b}{(A/W_s)\; p_0(T)\; \theta^*},

which is converted back to the film's own test condition (its activation energy of
permeation, or constant permeance) to give the **required WVTR** as the data sheet states
it, and, for single-layer polymers, the **required thickness**
:math:`x^* = x_{ref}\,\mathrm{WVTR}_{ref}/\mathrm{WVTR}^*` (WVTR scales as 1/x).
Plugging the required WVTR back into the closed form returns the target exactly.

References
----------
.. [1] T. P. Labuza, *Shelf-Life Dating of Foods*. Westport, CT, USA: Food & Nutrition
   Press, 1982.
.. [2] G. L. Robertson, *Food Packaging: Principles and Practice*, 3rd ed. Boca Raton, FL,
   USA: CRC Press, 2013, ch. 16.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice
from ..units import DAYS_PER_MONTH, GAS_CONSTANT, format_duration
from . import _inputs
from ._inputs import num
from .films import Film, library_film
from .package import Package
from .shelf_life import (
    LabuzaShelfLife,
    SorptionIsotherm,
    _dedupe,
    _emit,
    labuza_shelf_life,
    moisture_uptake,
)
from .vapour import PA_PER_MMHG

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["PackageComparison", "PackagingOption", "compare_packages", "required_wvtr"]


@dataclass(frozen=True)
class PackagingOption:
    """One row of a package comparison.

    Attributes
    ----------
    name : str
    package : Package
    closed_form : LabuzaShelfLife
    numerical : float
        Numerical time to critical [day] (NaN when no isotherm was given).
    required_permeance : float
        Permeance needed for the target at the storage temperature [g/(m²·day·Pa)] (NaN
        without a target).
    required_wvtr : float
        WVTR needed, at the film's own test condition [g/(m²·day)].
    required_thickness : float
        Thickness needed [µm] (NaN for laminates or films without a thickness).
    meets_target : bool or None
    """

    name: str
    package: Package
    closed_form: LabuzaShelfLife
    numerical: float
    required_permeance: float = math.nan
    required_wvtr: float = math.nan
    required_thickness: float = math.nan
    meets_target: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready row."""
        f = self.package.film
        return {
            "name": self.name,
            "film": f.name,
            "film_key": f.key,
            "typical_film_values": f.typical,
            "wvtr": {"value": f.wvtr, "unit": "g/(m2*day)"},
            "wvtr_condition": f.condition.to_dict(),
            "thickness": None if f.thickness is None else {"value": f.thickness, "unit": "um"},
            "permeance_at_storage": {
                "value": self.closed_form.permeance * PA_PER_MMHG,
                "unit": "g/(m2*day*mmHg)",
            },
            "area": {"value": self.package.area, "unit": "m2"},
            "dry_mass": {"value": self.package.dry_mass, "unit": "g"},
            "shelf_life_closed_form": {"value": num(self.closed_form.days), "unit": "day"},
            "shelf_life_numerical": {"value": num(self.numerical), "unit": "day"},
            "months_days": format_duration(self.closed_form.days, "en"),
            "months_days_id": format_duration(self.closed_form.days, "id"),
            "meets_target": self.meets_target,
            "required_permeance": {
                "value": num(self.required_permeance * PA_PER_MMHG),
                "unit": "g/(m2*day*mmHg)",
            },
            "required_wvtr": {"value": num(self.required_wvtr), "unit": "g/(m2*day)"},
            "required_thickness": {"value": num(self.required_thickness), "unit": "um"},
        }


@dataclass(frozen=True, eq=False)
class PackageComparison:
    """Shelf life per packaging option, and the barrier needed for a target.

    Attributes
    ----------
    options : tuple of PackagingOption
    temperature : float
        Storage temperature [K].
    rh : float
        Outside RH [%].
    initial, critical : float
        [g/g dry basis].
    target : float or None
        Target shelf life [day].
    notices : tuple of Notice
    """

    options: tuple[PackagingOption, ...]
    temperature: float
    rh: float
    initial: float
    critical: float
    target: float | None
    notices: tuple[Notice, ...] = ()

    def table(self) -> pd.DataFrame:
        """One row per option: WVTR, permeance, shelf life (closed form, numerical), needs."""
        import pandas as pd

        rows = []
        for o in self.options:
            f = o.package.film
            rows.append(
                {
                    "option": o.name,
                    "film": f.name,
                    "wvtr [g/(m2*day)]": f.wvtr,
                    "wvtr condition": f.condition.label("en"),
                    "typical": f.typical,
                    "permeance [g/(m2*day*mmHg)]": o.closed_form.permeance * PA_PER_MMHG,
                    "A/Ws [m2/g]": o.package.area_per_dry_mass,
                    "closed form [day]": o.closed_form.days,
                    "numerical [day]": o.numerical,
                    "closed form [month]": o.closed_form.days / DAYS_PER_MONTH,
                    "meets target": o.meets_target,
                    "required wvtr [g/(m2*day)]": o.required_wvtr,
                    "required thickness [um]": o.required_thickness,
                }
            )
        return pd.DataFrame(rows).set_index("option")

    def summary(self) -> pd.DataFrame:
        """Same as :meth:`table`."""
        return self.table()

    def best(self) -> PackagingOption:
        """The option with the longest closed-form shelf life."""
        return max(self.options, key=lambda o: o.closed_form.days)

    def to_dict(self) -> dict[str, Any]:
        """``{"conditions", "product", "target", "options": [...], "warnings"}``."""
        return {
            "method": "package_comparison",
            "conditions": {
                "temperature": {
                    "value": round(_inputs.celsius(self.temperature), 6),
                    "unit": "degC",
                },
                "rh": {"value": self.rh, "unit": "%"},
            },
            "product": {
                "initial": {"value": self.initial, "unit": "g/g dry basis"},
                "critical": {"value": self.critical, "unit": "g/g dry basis"},
            },
            "target": None if self.target is None else {"value": self.target, "unit": "day"},
            "options": [o.to_dict() for o in self.options],
            "warnings": [n.to_dict() for n in self.notices],
        }

    def __str__(self) -> str:
        cond = _inputs.condition_label(self.temperature, self.rh)
        lines = [f"Packaging comparison at {cond}:"]
        for o in self.options:
            d = o.closed_form.days
            line = f"  {o.name}: {d:.1f} days ({format_duration(d)})"
            if math.isfinite(o.numerical):
                line += f"; numerical {o.numerical:.1f} days"
            if self.target is not None and math.isfinite(o.required_wvtr):
                line += f"; needs WVTR <= {o.required_wvtr:.3g} g/(m²·day) for the target"
                if math.isfinite(o.required_thickness):
                    line += f" ({o.required_thickness:.0f} µm)"
            lines.append(line)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = (
            "<tr><th>option</th><th>WVTR [g/(m²·day)]</th><th>condition</th>"
            "<th>closed form [day]</th><th>numerical [day]</th><th>required WVTR</th>"
            "<th>required thickness [µm]</th></tr>"
        )
        rows = "".join(
            f"<tr><td>{html.escape(o.name)}</td><td>{o.package.film.wvtr:.4g}</td>"
            f"<td>{html.escape(o.package.film.condition.label('en'))}</td>"
            f"<td>{o.closed_form.days:.1f}</td><td>{o.numerical:.1f}</td>"
            f"<td>{o.required_wvtr:.3g}</td><td>{o.required_thickness:.3g}</td></tr>"
            for o in self.options
        )
        warn = "".join(f"<li>{html.escape(n.message('en'))}</li>" for n in self.notices)
        return (
            f"<div><table>{head}{rows}</table>" + (f"<ul>{warn}</ul>" if warn else "") + "</div>"
        )

    def plot(self, ax=None, *, lang: str = "en"):
        """Bar chart of shelf life per option (closed form and numerical), target line.

        Options that never reach the critical moisture are drawn to the top of the axes,
        hatched and labelled.

        Returns
        -------
        matplotlib.axes.Axes
        """
        import matplotlib as mpl

        from ..plotting import _LIMIT_STYLE, STYLE, _axes, _localise
        from ._labels import label

        names = [o.name for o in self.options]
        cf = np.array([o.closed_form.days for o in self.options], dtype=float)
        nu = np.array([o.numerical for o in self.options], dtype=float)
        finite = np.concatenate([cf[np.isfinite(cf)], nu[np.isfinite(nu)]])
        top = max([*finite.tolist(), self.target or 0.0, 1.0]) * 1.15
        x = np.arange(len(names))
        with mpl.rc_context(STYLE):
            ax = _axes(ax)
            w = 0.38
            for vals, dx, colour, key in (
                (cf, -w / 2, "#0072B2", "closed_form"),
                (nu, w / 2, "#E69F00", "numerical"),
            ):
                if not np.any(np.isfinite(vals) | np.isinf(vals)):
                    continue
                shown = np.where(np.isinf(vals), top, vals)
                bars = ax.bar(x + dx, shown, width=w, color=colour, label=label(key, lang))
                for bar, v in zip(bars, vals, strict=True):
                    if np.isinf(v):
                        bar.set_hatch("//")
                        ax.text(
                            bar.get_x() + bar.get_width() / 2,
                            top * 0.97,
                            label("infinite", lang),
                            ha="center",
                            va="top",
                            fontsize=7.5,
                        )
            if self.target is not None:
                days = f"{self.target:.0f}"
                ax.axhline(self.target, **_LIMIT_STYLE, label=label("target", lang, days=days))
            ax.set_xticks(
                x,
                names,
                rotation=20 if len(names) > 3 else 0,
                ha="right" if len(names) > 3 else "center",
            )
            positive = finite[finite > 0]
            if positive.size and positive.max() / positive.min() > 50.0:
                # barriers span decades (LDPE vs foil): a log axis keeps every bar readable
                from ..plotting import _plain_log_axis

                ax.set_yscale("log")
                ax.set_ylim(positive.min() / 2.0, top * 2.0)
                _plain_log_axis(ax.yaxis, lang)
            else:
                ax.set_ylim(0, top)
                _localise(ax.yaxis, lang)
            ax.set_ylabel(label("shelf_life_axis", lang))
            ax.set_title(
                label(
                    "title_compare",
                    lang,
                    condition=_inputs.condition_label(self.temperature, self.rh, lang),
                )
            )
            ax.legend(loc="upper left")
        return ax


def required_wvtr(result: LabuzaShelfLife, film: Film, target_days: float) -> tuple[float, float]:
    """Permeance and WVTR a film needs for ``target_days`` under ``result``'s conditions.

    Returns
    -------
    tuple of float
        ``(permeance at the storage temperature [g/(m²·day·Pa)], WVTR at the film's test
        condition [g/(m²·day)])``; ``(inf, inf)`` when the limit is never reached and
        ``(0, 0)`` when it is already exceeded.
    """
    if not result.reached:
        return math.inf, math.inf
    if result.days == 0.0:
        return 0.0, 0.0
    P_star = (
        result.ln_term * result.slope / ((result.area / result.dry_mass) * result.p0 * target_days)
    )
    cond = film.condition
    factor = 1.0
    if film.activation_energy is not None:
        factor = math.exp(
            -(film.activation_energy / GAS_CONSTANT)
            * (1.0 / result.temperature - 1.0 / cond.temperature)
        )
    return P_star, P_star / factor * cond.delta_p


def _options(options: Any, area: Any, dry_mass: Any) -> list[tuple[str, Package]]:
    items: list[tuple[str | None, Any]]
    if isinstance(options, Mapping):
        items = list(options.items())
    elif isinstance(options, (Package, Film, str)):
        items = [(None, options)]
    elif isinstance(options, Sequence):
        items = [(None, o) for o in options]
    else:
        items = []
    if not items:
        raise InputError("compare_no_options")
    out = []
    for name, o in items:
        if isinstance(o, str):
            o = library_film(o)
        if isinstance(o, Film):
            if area is None or dry_mass is None:
                raise InputError("compare_no_options")
            o = Package(o, area, dry_mass, name or o.name)
        elif not isinstance(o, Package):
            raise InputError("package_value_invalid", what="option", value=type(o).__name__)
        out.append((str(name or o.name), o))
    return out


def compare_packages(
    isotherm: SorptionIsotherm | float,
    options: Any,
    *,
    initial: Any,
    critical: Any,
    temperature: Any,
    rh: Any,
    area: Any = None,
    dry_mass: Any = None,
    equilibrium: Any = None,
    target: Any = None,
    basis: str = "dry",
    numerical: bool = True,
    warn: bool = True,
) -> PackageComparison:
    """Shelf life of one product in several packagings, and the barrier a target needs.

    Parameters
    ----------
    isotherm : SorptionIsotherm or float
        The product's isotherm, or the slope :math:`b` (then ``equilibrium`` is required
        and the numerical column is NaN).
    options : sequence or mapping
        :class:`Package` objects, :class:`Film` objects or library keys (films then share
        ``area`` and ``dry_mass``); a mapping gives the option names.
    initial, critical : float, str or pint.Quantity
        :math:`m_i`, :math:`m_c` on ``basis``.
    temperature, rh :
        Outside storage condition (``"30 degC"``, ``"75 %"`` or 0.75).
    area, dry_mass : optional
        Geometry for options given as films (``"0.0546 m2"``, ``"238 g"``).
    equilibrium : optional
        :math:`m_e` overriding the isotherm.
    target : pint.Quantity or str, optional
        Wanted shelf life (``"6 month"``): adds the required WVTR and thickness per option.
    numerical : bool
        Also integrate the full isotherm (needs an isotherm object).
    warn : bool
        Also emit the notices as Python warnings (once each).

    Returns
    -------
    PackageComparison
        ``table()``, ``plot(ax=None)``, ``to_dict()``, ``_repr_html_``.

    Examples
    --------
    >>> class Linear:
    ...     def moisture_db(self, aw): return 0.1 * aw
    ...     def water_activity_db(self, m): return m / 0.1
    >>> c = compare_packages(Linear(), ["pp", "met_pet"], initial=0.03, critical=0.06,
    ...                      temperature="30 degC", rh="75 %", area="0.06 m2",
    ...                      dry_mass="240 g", target="6 month", warn=False)
    >>> [o.meets_target for o in c.options]
    [False, True]
    """
    from ..units import to_days, to_kelvin

    T = float(to_kelvin(temperature))
    h = _inputs.rh_fraction(rh)
    m_i = _inputs.moisture_db(initial, what="initial", basis=basis)
    m_c = _inputs.moisture_db(critical, what="critical", basis=basis)
    m_e = (
        None
        if equilibrium is None
        else _inputs.moisture_db(equilibrium, what="equilibrium", basis=basis)
    )
    t_target = None if target is None else float(to_days(target))
    rows, notices = [], []
    for name, pk in _options(options, area, dry_mass):
        cf = labuza_shelf_life(
            isotherm,
            pk,
            initial=m_i,
            critical=m_c,
            temperature=f"{T} K",
            rh=h,
            equilibrium=m_e,
            warn=False,
        )
        notices.extend(cf.notices)
        nu = math.nan
        if numerical and not isinstance(isotherm, (int, float)):
            up = moisture_uptake(
                isotherm, pk, initial=m_i, critical=m_c, temperature=f"{T} K", rh=h, warn=False
            )
            nu = up.days
        opt = PackagingOption(name, pk, cf, nu)
        if t_target is not None:
            P_star, w_star = required_wvtr(cf, pk.film, t_target)
            thick = math.nan
            f = pk.film
            if f.scalable and f.thickness is not None and math.isfinite(w_star) and w_star > 0:
                thick = f.thickness * f.wvtr / w_star
            opt = PackagingOption(
                name, pk, cf, nu, P_star, w_star, thick, bool(cf.days >= t_target)
            )
        rows.append(opt)
    out = PackageComparison(tuple(rows), T, 100.0 * h, m_i, m_c, t_target, _dedupe(notices))
    _emit(out.notices, warn)
    return out
