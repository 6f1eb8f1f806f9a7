r"""Labuza's closed-form moisture-limited shelf life: :func:`labuza_shelf_life`.

With a linear isotherm :math:`m = b\,a_w + c` between the initial moisture :math:`m_i` and
the critical moisture :math:`m_c` [g/g dry basis], the moisture balance through the film
integrates to

.. math::

    \ln\frac{m_e - m_i}{m_e - m_c} = \frac{k_p}{x}\,\frac{A}{W_s}\,\frac{p_0}{b}\,\theta_s,

the "model kadar air kritis" of Indonesian practice, with :math:`k_p/x` the film permeance
[g/(m²·day·Pa)], :math:`A` the package area [m²], :math:`W_s` the dry solids [g],
:math:`p_0` the saturation vapour pressure [Pa] and :math:`m_e` the equilibrium moisture at
the outside RH. The derivation, its assumptions and the references (Labuza 1982; Taoukis,
El Meskine and Labuza 1988) are in :mod:`shelflife.packaging.shelf_life`.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..errors import InputError, Notice
from . import _inputs
from ._uptake_common import _dedupe, _emit, _never_notice, _package
from .labuza_result import LabuzaShelfLife
from .package import Package
from .sorption import SorptionIsotherm, _m_of, _secant
from .vapour import _p0_pa

__all__ = ["labuza_shelf_life"]


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
