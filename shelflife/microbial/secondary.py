r"""Secondary models: the maximum specific growth rate against temperature.

All functions take absolute temperature :math:`T` [K] and return :math:`\mu_{max}` per
ln unit [1/day]; cardinal temperatures are in kelvin. Outside the growth range the rate is
zero.

``ratkowsky`` (Ratkowsky et al. 1982 [1]_):

.. math:: \sqrt{\mu_{max}} = b\,(T - T_{min})

``ratkowsky_extended`` (Ratkowsky et al. 1983 [2]_), valid on :math:`T_{min} < T < T_{max}`:

.. math:: \sqrt{\mu_{max}} = b\,(T - T_{min})\left[1 - e^{c\,(T - T_{max})}\right]

``ctmi``, cardinal temperature model with inflection (Rosso et al. 1993 [3]_):

.. math::

    \mu_{max} = \mu_{opt}\,\frac{(T - T_{max})(T - T_{min})^2}
    {(T_{opt} - T_{min})\left[(T_{opt} - T_{min})(T - T_{opt})
    - (T_{opt} - T_{max})(T_{opt} + T_{min} - 2T)\right]}

``arrhenius``: :math:`\mu_{max} = \mu_{ref}\exp[-(E_a/R)(1/T - 1/T_{ref})]`, with
:math:`\ln\mu_{ref}` and :math:`E_a` [kJ/mol] as parameters and :math:`T_{ref}` fixed (the
mean tested temperature).

References
----------
.. [1] D. A. Ratkowsky, J. Olley, T. A. McMeekin and A. Ball, "Relationship between
   temperature and growth rate of bacterial cultures," *J. Bacteriol.*, vol. 149,
   pp. 1-5, 1982.
.. [2] D. A. Ratkowsky, R. K. Lowry, T. A. McMeekin, A. N. Stokes and R. E. Chandler,
   "Model for bacterial culture growth rate throughout the entire biokinetic temperature
   range," *J. Bacteriol.*, vol. 154, pp. 1222-1226, 1983.
.. [3] L. Rosso, J. R. Lobry and J. P. Flandrois, "An unexpected correlation between
   cardinal temperatures of microbial growth highlighted by a new model," *J. Theor.
   Biol.*, vol. 162, pp. 447-463, 1993. doi:10.1006/jtbi.1993.1099
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import InputError
from ..units import GAS_CONSTANT

__all__ = [
    "SecondaryModel",
    "SECONDARY_MODELS",
    "get_secondary",
    "ratkowsky",
    "ratkowsky_extended",
    "ctmi",
    "arrhenius",
]


def ratkowsky(T: Any, b: float, Tmin: float) -> np.ndarray:
    r"""Ratkowsky square-root model, :math:`\mu = [b (T - T_{min})]^2` [1/day]; T, Tmin [K]."""
    T = np.asarray(T, dtype=float)
    s = b * (T - Tmin)
    return np.where(T > Tmin, s * s, 0.0)


def ratkowsky_extended(T: Any, b: float, Tmin: float, c: float, Tmax: float) -> np.ndarray:
    """Extended Ratkowsky model (1983) [1/day]; T, Tmin, Tmax [K], c [1/K]."""
    T = np.asarray(T, dtype=float)
    s = b * (T - Tmin) * (1.0 - np.exp(c * (T - Tmax)))
    return np.where((T > Tmin) & (T < Tmax), s * s, 0.0)


def ctmi(T: Any, mu_opt: float, Tmin: float, Topt: float, Tmax: float) -> np.ndarray:
    """Cardinal temperature model with inflection (Rosso et al. 1993) [1/day]; T's in K."""
    T = np.asarray(T, dtype=float)
    num = (T - Tmax) * (T - Tmin) ** 2
    den = (Topt - Tmin) * ((Topt - Tmin) * (T - Topt) - (Topt - Tmax) * (Topt + Tmin - 2 * T))
    with np.errstate(divide="ignore", invalid="ignore"):
        g = num / den
    return np.where((T > Tmin) & (T < Tmax), mu_opt * g, 0.0)


def arrhenius(T: Any, ln_mu_ref: float, Ea: float, Tref: float = 298.15) -> np.ndarray:
    """Arrhenius model for μmax [1/day]; ``Ea`` [kJ/mol], T, Tref [K]."""
    T = np.asarray(T, dtype=float)
    return np.exp(ln_mu_ref - Ea / GAS_CONSTANT * (1.0 / T - 1.0 / Tref))


@dataclass(frozen=True)
class SecondaryModel:
    """A declared secondary model.

    Attributes
    ----------
    name : str
    parameters : tuple of str
        Parameter names in fitting order.
    units : tuple of str
        Their units.
    function : callable
        ``function(T_K, *params, **extra) -> mu [1/day]``.
    reference : str
    """

    name: str
    parameters: tuple[str, ...]
    units: tuple[str, ...]
    function: Callable[..., np.ndarray]
    reference: str

    def start(self, T: np.ndarray, mu: np.ndarray) -> np.ndarray:
        """Heuristic starting values from per-curve rates ``mu`` at ``T`` [K]."""
        T = np.asarray(T, dtype=float)
        mu = np.clip(np.asarray(mu, dtype=float), 1e-6, None)
        s = np.sqrt(mu)
        if T.size >= 2 and np.ptp(T) > 0:
            b, a = np.polyfit(T, s, 1)
        else:
            b, a = s[0] / 15.0, -s[0] / 15.0 * (T[0] - 15.0)
        b = max(b, 1e-4)
        Tmin = min(-a / b, float(T.min()) - 1.0)
        if self.name == "ratkowsky":
            return np.array([b, Tmin])
        if self.name == "ratkowsky_extended":
            return np.array([b, Tmin, 0.3, float(T.max()) + 8.0])
        if self.name == "ctmi":
            i = int(np.argmax(mu))
            return np.array([mu[i] * 1.2, Tmin, float(T[i]) + 3.0, float(T.max()) + 8.0])
        # arrhenius
        Tref = float(np.mean(T))
        if T.size >= 2 and np.ptp(T) > 0:
            slope, icpt = np.polyfit(1.0 / T - 1.0 / Tref, np.log(mu), 1)
        else:
            slope, icpt = -8000.0, float(np.log(mu[0]))
        return np.array([icpt, -slope * GAS_CONSTANT])


#: The declared secondary models, by name.
SECONDARY_MODELS: dict[str, SecondaryModel] = {
    "ratkowsky": SecondaryModel(
        "ratkowsky",
        ("b", "Tmin"),
        ("1/(K day^0.5)", "K"),
        ratkowsky,
        "Ratkowsky et al. (1982), J Bacteriol 149:1-5",
    ),
    "ratkowsky_extended": SecondaryModel(
        "ratkowsky_extended",
        ("b", "Tmin", "c", "Tmax"),
        ("1/(K day^0.5)", "K", "1/K", "K"),
        ratkowsky_extended,
        "Ratkowsky et al. (1983), J Bacteriol 154:1222-1226",
    ),
    "ctmi": SecondaryModel(
        "ctmi",
        ("mu_opt", "Tmin", "Topt", "Tmax"),
        ("1/day", "K", "K", "K"),
        ctmi,
        "Rosso et al. (1993), J Theor Biol 162:447-463",
    ),
    "arrhenius": SecondaryModel(
        "arrhenius",
        ("ln_mu_ref", "Ea"),
        ("ln(1/day)", "kJ/mol"),
        arrhenius,
        "Arrhenius law, reparameterised at the mean tested temperature",
    ),
}


def get_secondary(name: str | SecondaryModel) -> SecondaryModel:
    """Look a secondary model up by name (``InputError`` ``microbial_model_unknown``)."""
    if isinstance(name, SecondaryModel):
        return name
    try:
        return SECONDARY_MODELS[str(name).lower()]
    except KeyError:
        raise InputError(
            "microbial_model_unknown",
            name=name,
            kind="secondary",
            choices=", ".join(SECONDARY_MODELS),
        ) from None
