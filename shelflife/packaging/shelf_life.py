r"""Moisture-limited shelf life of a packaged dry food (Labuza's critical-moisture model).

A crisp or dry food fails when its moisture reaches the critical value :math:`m_c`
("kadar air kritis"). Water enters through the film, driven by the difference between the
outside vapour pressure and the vapour pressure in equilibrium with the product [1]_ [2]_:

.. math::

    \frac{dm}{dt} = \frac{k_p}{x}\,\frac{A}{W_s}\,(p_{out} - p_{in}), \qquad
    p_{out} = \frac{RH}{100}\,p_0(T), \qquad p_{in} = a_w(m)\,p_0(T),

with :math:`m` the moisture [g water/g dry solids], :math:`k_p/x` the film permeance
[g/(m²·day·Pa)], :math:`A` the package area [m²], :math:`W_s` the dry solids [g],
:math:`p_0` the saturation vapour pressure and :math:`a_w(m)` the product's sorption
isotherm read backwards.

**Closed form** (:func:`labuza_shelf_life`). With a linear isotherm :math:`m = b\,a_w + c`
between :math:`m_i` and :math:`m_c`, the equation integrates to [1]_ [2]_

.. math::

    \ln\frac{m_e - m_i}{m_e - m_c} = \frac{k_p}{x}\,\frac{A}{W_s}\,\frac{p_0}{b}\,\theta_s,

:math:`m_e` being the equilibrium moisture at the outside RH. This is the "model kadar air
kritis" of Indonesian practice, :math:`t_s = \ln[(M_e - M_i)/(M_e - M_c)] /
[(k/x)(A/W_s)(P_o/b)]`. The slope :math:`b` is the secant of the isotherm between
:math:`m_i` and :math:`m_c` (or given); :math:`m_e` is read from the isotherm at the outside
RH (or given).

**Numerical solution** (:func:`moisture_uptake`). The balance is integrated with the
isotherm itself (GAB, Oswin...) by :func:`scipy.integrate.solve_ivp` with an event at
:math:`m = m_c`, step by step through a piecewise-constant temperature/RH history
(:class:`shelflife.profiles.TemperatureProfile`), with the film permeance converted to each
step's temperature. For a linear isotherm it reproduces the closed form.

Assumptions (Taoukis et al. [2]_): the film is the only resistance (no internal gradient in
the product), the headspace holds negligible water, the isotherm does not depend on
temperature over the range, and there is no hysteresis.

References
----------
.. [1] T. P. Labuza, *Shelf-Life Dating of Foods*. Westport, CT, USA: Food & Nutrition
   Press, 1982, ch. on moisture gain of packaged foods.
.. [2] P. S. Taoukis, A. El Meskine and T. P. Labuza, "Moisture transfer and shelf life of
   packaged foods," in *Food and Packaging Interactions*, J. H. Hotchkiss, Ed., ACS Symp.
   Ser. 365. Washington, DC, USA: ACS, 1988, pp. 243-261. doi:10.1021/bk-1988-0365.ch019
.. [3] G. L. Robertson, *Food Packaging: Principles and Practice*, 3rd ed. Boca Raton, FL,
   USA: CRC Press, 2013, ch. 16 (shelf life of moisture-sensitive foods).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from ..errors import InputError, Notice
from ..units import DAYS_PER_MONTH, format_duration
from . import _inputs
from ._inputs import num
from .package import Package
from .vapour import PA_PER_MMHG, _p0_pa

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..profiles import TemperatureProfile

__all__ = [
    "SorptionIsotherm",
    "LabuzaShelfLife",
    "MoistureUptake",
    "labuza_shelf_life",
    "moisture_uptake",
]


@runtime_checkable
class SorptionIsotherm(Protocol):
    """What the packaging models need from a sorption isotherm (duck-typed).

    Both methods take and return float arrays; moisture is on a dry basis
    [g water / g dry solids]. :class:`shelflife.moisture.isotherms.LinearIsotherm`, GAB and
    the other fitted isotherms of :mod:`shelflife.moisture` provide them.
    """

    def moisture_db(self, aw: np.ndarray) -> np.ndarray:
        """Equilibrium moisture at water activity ``aw`` [g/g dry basis]."""
        ...

    def water_activity_db(self, m: np.ndarray) -> np.ndarray:
        """Water activity in equilibrium with moisture ``m`` [-] (the inverse)."""
        ...


def _m_of(iso: SorptionIsotherm, aw: float) -> float:
    return float(np.asarray(iso.moisture_db(np.array([aw], dtype=float)), dtype=float)[0])


def _aw_of(iso: SorptionIsotherm, m: float) -> float:
    return float(np.asarray(iso.water_activity_db(np.array([m], dtype=float)), dtype=float)[0])


def _package(package: Any) -> Package:
    if isinstance(package, Package):
        return package
    raise InputError("package_value_invalid", what="package", value=type(package).__name__)


def _emit(notices: list[Notice] | tuple[Notice, ...], warn: bool) -> None:
    if warn:
        for n in notices:
            n.emit(stacklevel=4)


def _dedupe(notices: list[Notice]) -> tuple[Notice, ...]:
    seen, out = set(), []
    for n in notices:
        key = (n.code, tuple(sorted((k, str(v)) for k, v in n.params.items())))
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


# ------------------------------------------------------------------ closed form
@dataclass(frozen=True)
class LabuzaShelfLife:
    r"""Closed-form (Labuza) moisture-limited shelf life, with the steps shown.

    Attributes
    ----------
    days : float
        Shelf life :math:`\theta_s` [day]; ``inf`` when :math:`m_c \ge m_e` (never
        reached), 0 when :math:`m_i \ge m_c`.
    initial, critical, equilibrium : float
        :math:`m_i`, :math:`m_c`, :math:`m_e` [g/g dry basis].
    slope : float
        Isotherm slope :math:`b` [g/g per unit a_w].
    slope_from : str
        ``"secant"`` (from the isotherm between m_i and m_c) or ``"given"``.
    aw_initial, aw_critical : float
        :math:`a_w(m_i)`, :math:`a_w(m_c)` from the isotherm (NaN when b was given).
    temperature : float
        Storage temperature [K].
    rh : float
        Outside relative humidity [%].
    p0 : float
        Saturation vapour pressure at the storage temperature [Pa].
    permeance : float
        Film permeance at the storage temperature [g/(m²·day·Pa)].
    area, dry_mass : float
        [m²], [g].
    ln_term : float
        :math:`\ln[(m_e - m_i)/(m_e - m_c)]` [-].
    constant : float
        :math:`(k_p/x)(A/W_s)(p_0/b)` [1/day].
    package : str
        Package (option) name.
    film : str
        Film name.
    notices : tuple of Notice
    """

    days: float
    initial: float
    critical: float
    equilibrium: float
    slope: float
    slope_from: str
    aw_initial: float
    aw_critical: float
    temperature: float
    rh: float
    p0: float
    permeance: float
    area: float
    dry_mass: float
    ln_term: float
    constant: float
    package: str
    film: str
    notices: tuple[Notice, ...] = ()

    @property
    def reached(self) -> bool:
        """Whether the critical moisture is ever reached."""
        return math.isfinite(self.days)

    @property
    def months(self) -> float:
        """Shelf life in months of 30.4375 days [month]."""
        return self.days / DAYS_PER_MONTH

    @property
    def quantity(self):
        """Shelf life as a Quantity [day]."""
        from ..units import get_registry

        return get_registry().Quantity(self.days, "day")

    def steps(self, lang: str = "en") -> list[dict[str, Any]]:
        """The calculation as a lab writes it: one row per quantity (symbol, value, unit)."""
        idn = lang == "id"
        rows = [
            (
                "T",
                "Suhu penyimpanan" if idn else "Storage temperature",
                _inputs.celsius(self.temperature),
                "°C",
            ),
            ("RH", "RH luar" if idn else "Outside RH", self.rh, "%"),
            (
                "Po",
                "Tekanan uap jenuh" if idn else "Saturation vapour pressure",
                self.p0 / PA_PER_MMHG,
                "mmHg",
            ),
            (
                "k/x",
                "Permeabilitas kemasan" if idn else "Film permeance",
                self.permeance * PA_PER_MMHG,
                "g/(m²·day·mmHg)",
            ),
            ("A", "Luas kemasan" if idn else "Package area", self.area, "m²"),
            ("Ws", "Berat kering produk" if idn else "Dry solids", self.dry_mass, "g"),
            (
                "A/Ws",
                "Rasio A/Ws" if idn else "Area per dry solids",
                self.area / self.dry_mass,
                "m²/g",
            ),
            ("Mi", "Kadar air awal" if idn else "Initial moisture", self.initial, "g/g"),
            ("Mc", "Kadar air kritis" if idn else "Critical moisture", self.critical, "g/g"),
            (
                "Me",
                "Kadar air kesetimbangan" if idn else "Equilibrium moisture",
                self.equilibrium,
                "g/g",
            ),
            (
                "b",
                ("Slope isoterm" if idn else "Isotherm slope")
                + (
                    f" ({'garis potong Mi–Mc' if idn else 'secant Mi–Mc'})"
                    if self.slope_from == "secant"
                    else ""
                ),
                self.slope,
                "g/g",
            ),
            ("ln[(Me−Mi)/(Me−Mc)]", "Suku logaritma" if idn else "Log term", self.ln_term, "-"),
            (
                "(k/x)(A/Ws)(Po/b)",
                "Konstanta laju" if idn else "Rate constant",
                self.constant,
                "1/day" if not idn else "1/hari",
            ),
            ("ts", "Umur simpan" if idn else "Shelf life", self.days, "hari" if idn else "day"),
        ]
        return [{"symbol": s, "quantity": q, "value": v, "unit": u} for s, q, v, u in rows]

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """The steps as a table (symbol, quantity, value, unit)."""
        import pandas as pd

        return pd.DataFrame(self.steps(lang)).set_index("symbol")

    def summary_text(self, lang: str = "en") -> str:
        """Plain-text worked calculation (English or Indonesian)."""
        lines = []
        for r in self.steps(lang):
            v = r["value"]
            text = f"{v:.5g}" if isinstance(v, float) and math.isfinite(v) else str(v)
            if lang == "id":
                text = text.replace(".", ",")
            lines.append(f"  {r['symbol']:>20s} = {text} {r['unit']}   ({r['quantity']})")
        head = (
            "Umur simpan kadar air kritis (Labuza): "
            if lang == "id"
            else "Critical-moisture shelf life (Labuza): "
        ) + self.package
        return "\n".join([head, *lines, "  = " + format_duration(self.days, lang)])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (see the report for the shape)."""
        return {
            "method": "labuza_closed_form",
            "shelf_life": {"value": num(self.days), "unit": "day"},
            "reached": self.reached,
            "months_days": format_duration(self.days, "en"),
            "months_days_id": format_duration(self.days, "id"),
            "package": self.package,
            "film": self.film,
            "inputs": {
                "temperature": {
                    "value": round(_inputs.celsius(self.temperature), 6),
                    "unit": "degC",
                },
                "rh": {"value": self.rh, "unit": "%"},
                "initial": {"value": self.initial, "unit": "g/g dry basis"},
                "critical": {"value": self.critical, "unit": "g/g dry basis"},
                "equilibrium": {"value": num(self.equilibrium), "unit": "g/g dry basis"},
                "slope": {"value": num(self.slope), "unit": "g/g", "from": self.slope_from},
                "area": {"value": self.area, "unit": "m2"},
                "dry_mass": {"value": self.dry_mass, "unit": "g"},
            },
            "steps": {
                "p0": {"value": self.p0 / PA_PER_MMHG, "unit": "mmHg"},
                "permeance": {"value": self.permeance * PA_PER_MMHG, "unit": "g/(m2*day*mmHg)"},
                "area_per_dry_mass": {"value": self.area / self.dry_mass, "unit": "m2/g"},
                "ln_term": {"value": num(self.ln_term), "unit": "1"},
                "constant": {"value": num(self.constant), "unit": "1/day"},
            },
            "warnings": [n.to_dict() for n in self.notices],
        }

    def __str__(self) -> str:
        return self.summary_text("en")

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(r['symbol'])}</td><td>{html.escape(r['quantity'])}</td>"
            f"<td>{r['value']:.5g}</td><td>{html.escape(r['unit'])}</td></tr>"
            for r in self.steps("en")
        )
        warn = "".join(f"<li>{html.escape(n.message('en'))}</li>" for n in self.notices)
        return (
            f"<div><strong>Critical-moisture shelf life (Labuza): "
            f"{html.escape(self.package)}</strong> &mdash; "
            f"{html.escape(format_duration(self.days))}"
            f"<table><tr><th>symbol</th><th>quantity</th><th>value</th><th>unit</th></tr>"
            f"{rows}</table>" + (f"<ul>{warn}</ul>" if warn else "") + "</div>"
        )


def _secant(iso: SorptionIsotherm, m_i: float, m_c: float) -> tuple[float, float, float]:
    """``(b, a_w(m_i), a_w(m_c))``: the isotherm's secant slope between m_i and m_c."""
    a_i, a_c = _aw_of(iso, m_i), _aw_of(iso, m_c)
    if m_c <= m_i:
        return math.nan, a_i, a_c
    b = (m_c - m_i) / (a_c - a_i) if a_c != a_i else math.inf
    if not (math.isfinite(b) and b > 0):
        raise InputError("uptake_slope_invalid", value=f"{b:g}")
    return b, a_i, a_c


def labuza_shelf_life(
    isotherm_or_slope: SorptionIsotherm | float,
    package: Package,
    *,
    initial: Any,
    critical: Any,
    temperature: Any,
    rh: Any,
    equilibrium: Any = None,
    basis: str = "dry",
    warn: bool = True,
) -> LabuzaShelfLife:
    r"""Closed-form moisture-limited shelf life (Labuza; "model kadar air kritis").

    .. math::

        \theta_s = \frac{\ln[(m_e - m_i)/(m_e - m_c)]}{(k_p/x)\,(A/W_s)\,(p_0/b)}

    Parameters
    ----------
    isotherm_or_slope : SorptionIsotherm or float
        The product's isotherm (then :math:`b` is its secant between :math:`m_i` and
        :math:`m_c` and :math:`m_e` its value at the outside RH), or the slope :math:`b`
        itself [g/g per unit a_w] (then ``equilibrium`` is required).
    package : Package
        Film, area and dry solids.
    initial, critical : float, str or pint.Quantity
        :math:`m_i` and :math:`m_c` on ``basis``: fractions (0.045) or ``"4.5 %"``.
    temperature : pint.Quantity or str
        Storage temperature, e.g. ``"30 degC"`` [°C, K or °F].
    rh : float, str or pint.Quantity
        Outside RH as a fraction (0.75) or ``"75 %"``; a bare number above 1 is refused.
    equilibrium : float, str or pint.Quantity, optional
        :math:`m_e` at the outside RH, overriding the isotherm's value.
    basis : {"dry", "wet"}
        Basis of ``initial``, ``critical`` and ``equilibrium``; converted to dry basis.
    warn : bool
        Also emit the notices as Python warnings.

    Returns
    -------
    LabuzaShelfLife
        Shelf life [day] with the steps (:math:`p_0` in mmHg, :math:`k/x` per mmHg,
        :math:`A/W_s`, :math:`b`, the log term and the constant).

    Raises
    ------
    shelflife.errors.InputError
        ``uptake_rh_above_one`` (RH fraction > 1, probably %), ``uptake_moisture_invalid``
        (e.g. a negative :math:`m_e`), ``uptake_equilibrium_missing``,
        ``uptake_slope_invalid``.

    Notes
    -----
    :math:`m_c \ge m_e`: the limit is never reached (``inf``, notice
    ``uptake_never_reached``). :math:`m_i \ge m_c`: already exceeded (0, notice
    ``uptake_already_exceeded``). See the module documentation for the derivation and its
    assumptions.

    Examples
    --------
    >>> from shelflife.packaging import Film, Package
    >>> film = Film.from_permeance("0.03 g/(m2*day*mmHg)", temperature="30 degC")
    >>> pk = Package(film, "0.06 m2", "240 g")
    >>> r = labuza_shelf_life(0.1, pk, initial=0.03, critical=0.07, equilibrium=0.10,
    ...                       temperature="30 degC", rh="75 %")
    >>> round(r.days, 1)
    354.7
    """
    from ..units import to_kelvin

    pk = _package(package)
    T = float(to_kelvin(temperature))
    h = _inputs.rh_fraction(rh)
    m_i = _inputs.moisture_db(initial, what="initial", basis=basis)
    m_c = _inputs.moisture_db(critical, what="critical", basis=basis)
    m_e_given = (
        None
        if equilibrium is None
        else _inputs.moisture_db(equilibrium, what="equilibrium", basis=basis)
    )
    if isinstance(isotherm_or_slope, (int, float, np.integer, np.floating)):
        b = float(isotherm_or_slope)
        if not (math.isfinite(b) and b > 0):
            raise InputError("uptake_slope_invalid", value=f"{b:g}")
        if m_e_given is None:
            raise InputError("uptake_equilibrium_missing")
        slope_from, a_i, a_c, m_e = "given", math.nan, math.nan, m_e_given
    else:
        iso = isotherm_or_slope
        b, a_i, a_c = _secant(iso, m_i, m_c)
        slope_from = "secant"
        m_e = m_e_given if m_e_given is not None else _m_of(iso, h)
        if not (math.isfinite(m_e) and m_e >= 0):
            raise InputError("uptake_moisture_invalid", what="equilibrium", value=f"{m_e:g}")
    return _closed_form(pk, T, h, m_i, m_c, m_e, b, slope_from, a_i, a_c, warn)


def _closed_form(
    pk: Package,
    T: float,
    h: float,
    m_i: float,
    m_c: float,
    m_e: float,
    b: float,
    slope_from: str,
    a_i: float,
    a_c: float,
    warn: bool,
) -> LabuzaShelfLife:
    p0 = _p0_pa(T)
    P = pk.film.permeance_pa(T)
    constant = P * pk.area_per_dry_mass * p0 / b if math.isfinite(b) else math.nan
    notices = list(pk.film.notices_at(T))
    if m_i >= m_c:
        days, ln_term = 0.0, math.nan
        notices.append(
            Notice(
                "uptake_already_exceeded",
                "plausibility",
                None,
                {"initial": f"{m_i:.4g}", "critical": f"{m_c:.4g}"},
            )
        )
    elif m_c >= m_e:
        days, ln_term = math.inf, math.inf
        notices.append(_never_notice(m_c, m_e, h))
    else:
        ln_term = math.log((m_e - m_i) / (m_e - m_c))
        days = ln_term / constant
    out = LabuzaShelfLife(
        days=days,
        initial=m_i,
        critical=m_c,
        equilibrium=m_e,
        slope=b,
        slope_from=slope_from,
        aw_initial=a_i,
        aw_critical=a_c,
        temperature=T,
        rh=100.0 * h,
        p0=p0,
        permeance=P,
        area=pk.area,
        dry_mass=pk.dry_mass,
        ln_term=ln_term,
        constant=constant,
        package=str(pk.name),
        film=pk.film.name,
        notices=_dedupe(notices),
    )
    _emit(out.notices, warn)
    return out


def _never_notice(m_c: float, m_e: float, h: float) -> Notice:
    return Notice(
        "uptake_never_reached",
        "plausibility",
        None,
        {"critical": f"{m_c:.4g}", "equilibrium": f"{m_e:.4g}", "rh": f"{100 * h:.4g}"},
    )


# ------------------------------------------------------------------ numerical
@dataclass(frozen=True, eq=False)
class MoistureUptake:
    r"""Moisture uptake of a packaged product along storage: :math:`m(t)`, :math:`a_w(t)`.

    Attributes
    ----------
    days : float
        Time for the moisture to reach :math:`m_c` [day]: ``inf`` when it never does
        (or not within the history), 0 when :math:`m_i \ge m_c`.
    time : numpy.ndarray
        Times of the curve [day].
    moisture : numpy.ndarray
        Moisture along the curve [g/g dry basis].
    water_activity : numpy.ndarray
        Water activity inside the package along the curve [-].
    initial, critical : float
        [g/g dry basis].
    equilibrium : float
        Equilibrium moisture at the (last) outside RH [g/g dry basis].
    durations, temperatures, rh : numpy.ndarray
        The storage steps used [day], [K], [%].
    from_history : bool
        Whether the conditions came from a history (else one constant condition).
    package : Package
    closed_form : LabuzaShelfLife or None
        Labuza's closed form at the same constant condition (secant slope); ``None`` for a
        history.
    notices : tuple of Notice
    """

    days: float
    time: np.ndarray
    moisture: np.ndarray
    water_activity: np.ndarray
    initial: float
    critical: float
    equilibrium: float
    durations: np.ndarray
    temperatures: np.ndarray
    rh: np.ndarray
    from_history: bool
    package: Package
    closed_form: LabuzaShelfLife | None = None
    notices: tuple[Notice, ...] = ()

    @property
    def reached(self) -> bool:
        """Whether the critical moisture is reached."""
        return math.isfinite(self.days)

    @property
    def months(self) -> float:
        """Time to critical in months of 30.4375 days [month]."""
        return self.days / DAYS_PER_MONTH

    @property
    def quantity(self):
        """Time to critical as a Quantity [day]."""
        from ..units import get_registry

        return get_registry().Quantity(self.days, "day")

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """Key results as a table (quantity, value, unit)."""
        import pandas as pd

        idn = lang == "id"
        rows = [
            (
                "Umur simpan (numerik)" if idn else "Time to critical (numerical)",
                self.days,
                "hari" if idn else "day",
            ),
            (
                "Umur simpan (rumus tertutup)" if idn else "Closed form (Labuza)",
                self.closed_form.days if self.closed_form else math.nan,
                "hari" if idn else "day",
            ),
            ("Kadar air awal Mi" if idn else "Initial moisture Mi", self.initial, "g/g"),
            ("Kadar air kritis Mc" if idn else "Critical moisture Mc", self.critical, "g/g"),
            (
                "Kadar air kesetimbangan Me" if idn else "Equilibrium moisture Me",
                self.equilibrium,
                "g/g",
            ),
            ("a_w awal" if idn else "Initial a_w", float(self.water_activity[0]), "-"),
            ("a_w akhir" if idn else "Final a_w", float(self.water_activity[-1]), "-"),
            ("Kadar air akhir" if idn else "Final moisture", float(self.moisture[-1]), "g/g"),
        ]
        return pd.DataFrame(rows, columns=["quantity", "value", "unit"]).set_index("quantity")

    def summary_text(self, lang: str = "en") -> str:
        """One paragraph in English or Indonesian."""
        name = str(self.package.name)
        cond = self._condition_text(lang)
        if lang == "id":
            head = f"Penyerapan air, {name}, {cond}: "
            body = (
                f"kadar air kritis tercapai setelah {self.days:.1f} hari "
                f"({format_duration(self.days, 'id')})"
                if self.reached
                else "kadar air kritis tidak tercapai"
            ).replace(".", ",")
        else:
            head = f"Moisture uptake, {name}, {cond}: "
            body = (
                f"critical moisture reached after {self.days:.1f} days "
                f"({format_duration(self.days)})"
                if self.reached
                else "critical moisture not reached"
            )
        if self.closed_form is not None and self.closed_form.reached:
            cf = self.closed_form.days
            body += (
                f"; rumus tertutup Labuza {cf:.1f} hari".replace(".", ",")
                if lang == "id"
                else f"; Labuza closed form {cf:.1f} days"
            )
        return head + body + "."

    def _condition_text(self, lang: str) -> str:
        if self.from_history:
            n = len(self.durations)
            return f"riwayat {n} langkah" if lang == "id" else f"history of {n} steps"
        return _inputs.condition_label(float(self.temperatures[0]), float(self.rh[0]), lang)

    def to_dict(self, *, curve: bool = True) -> dict[str, Any]:
        """JSON-ready form; ``curve=False`` leaves out the time series."""
        out: dict[str, Any] = {
            "method": "moisture_uptake",
            "time_to_critical": {"value": num(self.days), "unit": "day"},
            "reached": self.reached,
            "months_days": format_duration(self.days, "en"),
            "months_days_id": format_duration(self.days, "id"),
            "initial": {"value": self.initial, "unit": "g/g dry basis"},
            "critical": {"value": self.critical, "unit": "g/g dry basis"},
            "equilibrium": {"value": num(self.equilibrium), "unit": "g/g dry basis"},
            "package": self.package.to_dict(),
            "conditions": {
                "from_history": self.from_history,
                "steps": len(self.durations),
                "duration": {"value": num(float(np.sum(self.durations))), "unit": "day"},
                "temperature_range": {
                    "value": [
                        round(float(np.min(self.temperatures)) - 273.15, 6),
                        round(float(np.max(self.temperatures)) - 273.15, 6),
                    ],
                    "unit": "degC",
                },
                "rh_range": {
                    "value": [float(np.min(self.rh)), float(np.max(self.rh))],
                    "unit": "%",
                },
            },
            "closed_form": None if self.closed_form is None else self.closed_form.to_dict(),
            "warnings": [n.to_dict() for n in self.notices],
        }
        if curve:
            out["curve"] = {
                "time": {"value": self.time.tolist(), "unit": "day"},
                "moisture": {"value": self.moisture.tolist(), "unit": "g/g dry basis"},
                "water_activity": {"value": self.water_activity.tolist(), "unit": "1"},
            }
        return out

    def __str__(self) -> str:
        return self.summary_text("en")

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(str(k))}</td><td>{v:.5g}</td><td>{html.escape(u)}</td></tr>"
            for k, v, u in self.summary().itertuples()
        )
        warn = "".join(f"<li>{html.escape(n.message('en'))}</li>" for n in self.notices)
        return (
            f"<div><p>{html.escape(self.summary_text())}</p><table>"
            f"<tr><th>quantity</th><th>value</th><th>unit</th></tr>{rows}</table>"
            + (f"<ul>{warn}</ul>" if warn else "")
            + "</div>"
        )

    def plot(self, ax=None, *, lang: str = "en"):
        """Moisture (left axis) and inside water activity (right axis) against time.

        The critical moisture is drawn as a dashed line and the moment it is reached is
        marked.

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            Axes to draw on; a new figure is made when omitted.
        lang : {"en", "id"}
            Language of the labels (decimal commas in Indonesian).

        Returns
        -------
        matplotlib.axes.Axes
            The moisture axes (the water-activity axes is ``ax.right_ax``).
        """
        import matplotlib as mpl

        from ..plotting import _LIMIT_STYLE, STYLE, _axes, _localise
        from ._labels import label

        with mpl.rc_context(STYLE):
            ax = _axes(ax)
            (l1,) = ax.plot(
                self.time, self.moisture, color="#0072B2", label=label("moisture_line", lang)
            )
            lim = ax.axhline(self.critical, **_LIMIT_STYLE, label=label("critical", lang))
            right = ax.twinx()
            (l2,) = right.plot(
                self.time,
                self.water_activity,
                color="#D55E00",
                linestyle=(0, (3, 2)),
                label=label("aw_line", lang),
            )
            right.set_ylabel(label("aw", lang))
            right.grid(False)
            handles = [l1, l2, lim]
            if self.reached and self.days > 0:
                day = f"{self.days:.1f}".replace(".", ",") if lang == "id" else f"{self.days:.1f}"
                (mk,) = ax.plot(
                    [self.days],
                    [self.critical],
                    marker="o",
                    linestyle="none",
                    color="#444444",
                    label=label("reached", lang, day=day),
                )
                handles.append(mk)
            ax.set_xlabel(label("time", lang))
            ax.set_ylabel(label("moisture", lang))
            ax.set_title(label("title_uptake", lang, name=str(self.package.name)))
            ax.legend(handles, [h.get_label() for h in handles], loc="lower right")
            for axis in (ax.xaxis, ax.yaxis, right.yaxis):
                _localise(axis, lang)
            ax.right_ax = right
        return ax


def _steps_from(history: Any, temperature: Any, rh: Any):
    """``(durations [day] or None, temperatures [K], rh fractions, from_history)``."""
    from ..units import to_kelvin

    if history is not None:
        if getattr(history, "rh", None) is None:
            raise InputError("uptake_history_without_rh")
        d = np.asarray(history.durations, dtype=float)
        T = np.asarray(history.temperatures, dtype=float)
        h = np.asarray(history.rh, dtype=float) / 100.0
        # merge consecutive identical steps: fewer solver restarts, same solution
        keep = np.ones(d.size, dtype=bool)
        keep[1:] = (T[1:] != T[:-1]) | (h[1:] != h[:-1])
        idx = np.flatnonzero(keep)
        d = np.add.reduceat(d, idx)
        return d, T[idx], h[idx], True
    missing = [w for w, v in (("temperature", temperature), ("rh", rh)) if v is None]
    if missing:
        raise InputError("uptake_conditions_missing", missing=", ".join(missing))
    return (
        None,
        np.array([float(to_kelvin(temperature))]),
        np.array([_inputs.rh_fraction(rh)]),
        False,
    )


def moisture_uptake(
    isotherm: SorptionIsotherm,
    package: Package,
    *,
    initial: Any,
    critical: Any,
    history: TemperatureProfile | None = None,
    temperature: Any = None,
    rh: Any = None,
    t_max: Any = None,
    basis: str = "dry",
    rtol: float = 1e-9,
    points: int = 200,
    warn: bool = True,
) -> MoistureUptake:
    r"""Integrate the moisture balance with the full isotherm until :math:`m = m_c`.

    .. math::

        \frac{dm}{dt} = P(T)\,\frac{A}{W_s}\,p_0(T)\,\left[\frac{RH}{100} - a_w(m)\right]

    Parameters
    ----------
    isotherm : SorptionIsotherm
        Any object with ``moisture_db(aw)`` and ``water_activity_db(m)`` (dry basis).
    package : Package
    initial, critical : float, str or pint.Quantity
        :math:`m_i`, :math:`m_c` on ``basis``.
    history : TemperatureProfile, optional
        Piecewise-constant storage history **with RH** (e.g. from a logger or a route);
        each step is integrated exactly with its own temperature and RH.
    temperature, rh : optional
        One constant outside condition instead of ``history`` (``"30 degC"``, ``"75 %"``).
    t_max : pint.Quantity or str, optional
        Longest time simulated at a constant condition (default: until the critical
        moisture, or 30 time constants when it is never reached).
    basis : {"dry", "wet"}
        Basis of ``initial`` and ``critical``.
    rtol : float
        Relative tolerance of :func:`scipy.integrate.solve_ivp` (DOP853).
    points : int
        Approximate number of curve points kept for plots and JSON.
    warn : bool
        Also emit the notices as Python warnings.

    Returns
    -------
    MoistureUptake
        Time to critical [day], :math:`m(t)`, :math:`a_w(t)`, the closed form at a constant
        condition, notices; ``plot()``, ``summary()``, ``to_dict()``.

    Raises
    ------
    shelflife.errors.InputError
        ``uptake_history_without_rh``, ``uptake_conditions_missing``, ``uptake_rh_above_one``,
        ``uptake_moisture_invalid``.

    Examples
    --------
    >>> class Linear:  # a linear isotherm m = 0.1 a_w
    ...     def moisture_db(self, aw): return 0.1 * aw
    ...     def water_activity_db(self, m): return m / 0.1
    >>> from shelflife.packaging import Film, Package
    >>> film = Film.from_permeance("0.03 g/(m2*day*mmHg)", temperature="30 degC")
    >>> r = moisture_uptake(Linear(), Package(film, "0.06 m2", "240 g"), initial=0.03,
    ...                     critical=0.07, temperature="30 degC", rh="75 %")
    >>> round(r.days, 1), round(r.closed_form.days, 1)
    (919.7, 919.7)
    """
    from ..units import to_days

    pk = _package(package)
    m_i = _inputs.moisture_db(initial, what="initial", basis=basis)
    m_c = _inputs.moisture_db(critical, what="critical", basis=basis)
    durations, T, h, from_history = _steps_from(history, temperature, rh)
    notices: list[Notice] = []
    for Tk in np.unique(T):
        notices.extend(pk.film.notices_at(float(Tk)))
    closed = None
    if not from_history:
        closed = labuza_shelf_life(
            isotherm,
            pk,
            initial=m_i,
            critical=m_c,
            temperature=f"{T[0]} K",
            rh=float(h[0]),
            warn=False,
        )
    m_e_last = _m_of(isotherm, float(h[-1]))
    aw_i = _aw_of(isotherm, m_i)
    if m_i >= m_c:
        notices.append(
            Notice(
                "uptake_already_exceeded",
                "plausibility",
                None,
                {"initial": f"{m_i:.4g}", "critical": f"{m_c:.4g}"},
            )
        )
        dur = np.array([0.0]) if durations is None else durations
        out = MoistureUptake(
            0.0,
            np.array([0.0]),
            np.array([m_i]),
            np.array([aw_i]),
            m_i,
            m_c,
            m_e_last,
            dur,
            T,
            100.0 * h,
            from_history,
            pk,
            closed,
            _dedupe(notices),
        )
        _emit(out.notices, warn)
        return out
    K = np.array([pk.conductance(float(Tk)) * _p0_pa(float(Tk)) for Tk in T])  # g/g/day
    if durations is None:
        if t_max is not None:
            horizon = float(to_days(t_max))
        else:
            horizon = 30.0 * _time_constant(isotherm, m_i, float(h[0]), aw_i, float(K[0]))
        durations = np.array([horizon])
    t, m, days = _integrate(isotherm, m_i, m_c, durations, K, h, rtol, points)
    aw = np.asarray(isotherm.water_activity_db(m), dtype=float)
    if not math.isfinite(days):
        if from_history:
            notices.append(
                Notice(
                    "uptake_not_reached_in_history",
                    "extrapolation",
                    None,
                    {
                        "critical": f"{m_c:.4g}",
                        "days": f"{float(np.sum(durations)):.4g}",
                        "moisture": f"{float(m[-1]):.4g}",
                    },
                )
            )
        else:
            notices.append(_never_notice(m_c, m_e_last, float(h[0])))
    out = MoistureUptake(
        days,
        t,
        m,
        aw,
        m_i,
        m_c,
        m_e_last,
        durations,
        T,
        100.0 * h,
        from_history,
        pk,
        closed,
        _dedupe(notices),
    )
    _emit(out.notices, warn)
    return out


def _time_constant(iso: SorptionIsotherm, m_i: float, h: float, aw_i: float, K: float) -> float:
    """Time constant of the approach to equilibrium at one condition [day]."""
    m_e = _m_of(iso, h)
    if abs(h - aw_i) > 1e-9:
        b = (m_e - m_i) / (h - aw_i)
    else:
        da = 1e-4
        b = (_m_of(iso, min(aw_i + da, 0.999999)) - _m_of(iso, max(aw_i - da, 0.0))) / (2 * da)
    if not (math.isfinite(b) and b > 0):
        raise InputError("uptake_slope_invalid", value=f"{b:g}")
    return b / K


def _integrate(
    iso: SorptionIsotherm,
    m0: float,
    m_c: float,
    durations: np.ndarray,
    K: np.ndarray,
    h: np.ndarray,
    rtol: float,
    points: int,
) -> tuple[np.ndarray, np.ndarray, float]:
    """Integrate step by step; returns the curve and the time of ``m = m_c`` (or inf)."""
    from scipy.integrate import solve_ivp

    aw = iso.water_activity_db
    total = float(np.sum(durations))
    ts, ms = [np.array([0.0])], [np.array([m0])]
    t0, m = 0.0, m0
    atol = 1e-12 * max(m_c, 1e-3)

    def event(_t, y):
        return y[0] - m_c

    event.terminal = True
    event.direction = 1.0
    for d, k, hh in zip(durations, K, h, strict=True):

        def rhs(_t, y, k=k, hh=hh):
            return k * (hh - aw(y))

        sol = solve_ivp(
            rhs,
            (0.0, float(d)),
            [m],
            method="DOP853",
            rtol=rtol,
            atol=atol,
            events=event,
            dense_output=True,
        )
        if sol.status < 0:
            raise InputError("uptake_solver_failed", reason=str(sol.message))
        hit = sol.status == 1 and sol.t_events[0].size > 0
        t_end = float(sol.t_events[0][0]) if hit else float(d)
        share = 1.0 if len(durations) == 1 else float(d) / total
        n = max(2, int(round(points * share)))
        grid = np.linspace(0.0, t_end, n)[1:]
        ts.append(t0 + grid)
        ms.append(sol.sol(grid)[0])
        if hit:
            ms[-1][-1] = m_c
            return np.concatenate(ts), np.concatenate(ms), t0 + t_end
        t0 += float(d)
        m = float(sol.y[0, -1])
    return np.concatenate(ts), np.concatenate(ms), math.inf
