r"""The sorption isotherm equations (GAB, BET, Oswin...) and their registry :data:`MODELS`.

A sorption isotherm gives the equilibrium moisture content :math:`m` of a food (dry
basis, g water / g dry solids) as a function of water activity :math:`a_w` at constant
temperature. Each model here is an :class:`IsothermModel` with its name, equation text,
parameters (units and bounds), the vectorised forward function :math:`m(a_w)`, the
inverse :math:`a_w(m)` (analytic where it exists, a robust vectorised bisection
otherwise; every model is increasing in :math:`a_w` on (0, 1) for parameters inside their
bounds), data-driven starting values from a linearisation, and the validity range.

=================  =======================================================================
model              equation (:math:`m` in g/g dry basis)
=================  =======================================================================
``gab``            :math:`m = m_0 C K a_w / [(1 - K a_w)(1 - K a_w + C K a_w)]`
``bet``            :math:`m = m_0 C a_w / [(1 - a_w)(1 + (C - 1) a_w)]`, :math:`a_w \lesssim 0.5`
``oswin``          :math:`m = a\,[a_w/(1 - a_w)]^b`
``halsey``         :math:`a_w = \exp(-a/m^n)`
``henderson``      :math:`1 - a_w = \exp(-k\,m^n)` (isothermal; :math:`k` includes :math:`T`)
``peleg``          :math:`m = k_1 a_w^{n_1} + k_2 a_w^{n_2}`, :math:`n_1 < 1 < n_2`
``smith``          :math:`m = A - B \ln(1 - a_w)`
``chen_clayton``   :math:`a_w = \exp[-a \exp(-b\,m)]`
``caurie``         :math:`m = A \exp(B\,a_w)`
=================  =======================================================================

All parameter values assume :math:`m` in **g/g on dry basis** (not percent): the constants
of Halsey, Henderson, Chen–Clayton and Caurie change when the moisture unit changes, so a
published constant must be used with the moisture unit it was fitted in.

The names "Hasley" (a frequent spelling in Indonesian theses), "Chen-Clayton" and
"GAB"/"BET" in any case are accepted by :func:`get_model`.

References
----------
.. [1] C. van den Berg, "Development of B.E.T.-like models for sorption of water on
   foods, theory and relevance," in *Properties of Water in Foods*, D. Simatos and
   J. L. Multon, Eds. Dordrecht: Martinus Nijhoff, 1985, pp. 119–131.
.. [2] H. Bizot, "Using the 'G.A.B.' model to construct sorption isotherms," in *Physical
   Properties of Foods*, R. Jowitt et al., Eds. London: Applied Science, 1983, pp. 43–54.
.. [3] S. Brunauer, P. H. Emmett and E. Teller, "Adsorption of gases in multimolecular
   layers," *J. Am. Chem. Soc.*, vol. 60, no. 2, pp. 309–319, 1938.
   doi:10.1021/ja01269a023
.. [4] C. R. Oswin, "The kinetics of package life. III. The isotherm," *J. Soc. Chem.
   Ind.*, vol. 65, no. 12, pp. 419–421, 1946. doi:10.1002/jctb.5000651216
.. [5] G. Halsey, "Physical adsorption on non-uniform surfaces," *J. Chem. Phys.*,
   vol. 16, no. 10, pp. 931–937, 1948. doi:10.1063/1.1746689
.. [6] S. M. Henderson, "A basic concept of equilibrium moisture," *Agric. Eng.*,
   vol. 33, pp. 29–32, 1952.
.. [7] M. Peleg, "Assessment of a semi-empirical four parameter general model for sigmoid
   moisture sorption isotherms," *J. Food Process Eng.*, vol. 16, no. 1, pp. 21–37, 1993.
   doi:10.1111/j.1745-4530.1993.tb00160.x
.. [8] S. E. Smith, "The sorption of water vapor by high polymers," *J. Am. Chem. Soc.*,
   vol. 69, no. 3, pp. 646–651, 1947. doi:10.1021/ja01195a053
.. [9] C. S. Chen and J. T. Clayton, "The effect of temperature on sorption isotherms of
   biological materials," *Trans. ASAE*, vol. 14, no. 5, pp. 927–929, 1971.
.. [10] M. Caurie, "A new model equation for predicting safe storage moisture levels for
   optimum stability of dehydrated foods," *J. Food Technol.*, vol. 5, no. 3,
   pp. 301–307, 1970. doi:10.1111/j.1365-2621.1970.tb01571.x
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from ..errors import InputError
from .isotherm_model import IsothermModel, IsothermParameter, Linearisation

__all__ = ["MODELS", "get_model", "model_names"]

_INF = math.inf


def _moisture_parameter(name: str = "m0", symbol: str = "m₀", description: str = "") -> Any:
    return IsothermParameter(name, symbol, "g/g", 0.0, _INF, description)


def _number(
    name: str, symbol: str, description: str, lower: float = 0.0, upper: float = _INF
) -> IsothermParameter:
    return IsothermParameter(name, symbol, "", lower, upper, description)


def _nearest(aw: np.ndarray, m: np.ndarray, target: float) -> float:
    return float(m[np.argmin(np.abs(aw - target))])


# ------------------------------------------------------------------ GAB / BET
def _gab(aw, p):
    m0, C, K = p
    x = K * aw
    return m0 * C * x / ((1.0 - x) * (1.0 - x + C * x))


def _gab_x(m, m0, C):
    # m (C-1) x^2 + [m0 C - m (C-2)] x - m = 0, positive root in the stable form
    b1 = m0 * C - m * (C - 2.0)
    disc = b1 * b1 + 4.0 * m * m * (C - 1.0)
    return 2.0 * m / (b1 + np.sqrt(np.maximum(disc, 0.0)))


def _gab_inverse(m, p):
    m0, C, K = p
    return _gab_x(m, m0, C) / K


def _bet(aw, p):
    return _gab(aw, (p[0], p[1], 1.0))


def _bet_inverse(m, p):
    return _gab_x(m, p[0], p[1])


def _bet_from_coef(c):
    # aw / [m (1 - aw)] = 1/(m0 C) + (C - 1)/(m0 C) aw
    c0, c1 = c[0], c[1]
    return np.array([1.0 / (c0 + c1), 1.0 + c1 / c0])


def _gab_from_coef(c):
    # aw/m = gamma + beta aw + alpha aw^2 with gamma = 1/(m0 C K), beta = (C-2)/(m0 C),
    # alpha = -(C-1) K/(m0 C); then sqrt(beta^2 - 4 alpha gamma) = 1/m0
    gamma, beta, alpha = c[0], c[1], c[2]
    root = (
        math.sqrt(beta * beta - 4.0 * alpha * gamma)
        if beta * beta >= 4 * alpha * gamma
        else np.nan
    )
    K = (root - beta) / (2.0 * gamma)
    C = beta / (gamma * K) + 2.0
    m0 = 1.0 / (gamma * C * K)
    return np.array([m0, C, K])


_BET_LIN = Linearisation(
    x=lambda aw, m: aw,
    y=lambda aw, m: aw / (m * (1.0 - aw)),
    to_parameters=_bet_from_coef,
    text="aw/[m(1 − aw)] = 1/(m0·C) + (C − 1)/(m0·C)·aw",
    aw_max=0.5,
)

_GAB_LIN = Linearisation(
    x=lambda aw, m: aw,
    y=lambda aw, m: aw / m,
    to_parameters=_gab_from_coef,
    text="aw/m = γ + β·aw + α·aw² (quadratic regression)",
    degree=2,
)


def _bet_guess(aw, m):
    low = aw <= 0.5
    try:
        if low.sum() >= 2:
            p = MODELS["bet"].linearised_fit(aw[low], m[low])[0]
            if np.all(p > 0):
                return p
    except InputError:
        pass
    return np.array([0.8 * _nearest(aw, m, 0.3), 10.0])


def _gab_guess(aw, m):
    try:
        p = MODELS["gab"].linearised_fit(aw, m)[0]
        if p[0] > 0 and p[1] > 0 and 0 < p[2] <= 1.0:
            return p
    except (InputError, ValueError, ZeroDivisionError):
        pass
    m0, C = _bet_guess(aw, m)
    return np.array([m0, C, 0.9])


# ---------------------------------------------------------------------- Oswin
def _oswin(aw, p):
    return p[0] * (aw / (1.0 - aw)) ** p[1]


def _oswin_inverse(m, p):
    r = (m / p[0]) ** (1.0 / p[1])
    return r / (1.0 + r)


_OSWIN_LIN = Linearisation(
    x=lambda aw, m: np.log(aw / (1.0 - aw)),
    y=lambda aw, m: np.log(m),
    to_parameters=lambda c: np.array([math.exp(c[0]), c[1]]),
    text="ln m = ln a + b·ln[aw/(1 − aw)]",
)


# --------------------------------------------------------------------- Halsey
def _halsey(aw, p):
    return (p[0] / -np.log(aw)) ** (1.0 / p[1])


def _halsey_inverse(m, p):
    return np.exp(-p[0] / m ** p[1])


_HALSEY_LIN = Linearisation(
    x=lambda aw, m: np.log10(m),
    y=lambda aw, m: np.log10(np.log(1.0 / aw)),
    to_parameters=lambda c: np.array([10.0 ** c[0], -c[1]]),
    text="log₁₀ ln(1/aw) = log₁₀ a − n·log₁₀ m",
)


# ------------------------------------------------------------------ Henderson
def _henderson(aw, p):
    return (-np.log(1.0 - aw) / p[0]) ** (1.0 / p[1])


def _henderson_inverse(m, p):
    return 1.0 - np.exp(-p[0] * m ** p[1])


_HENDERSON_LIN = Linearisation(
    x=lambda aw, m: np.log10(m),
    y=lambda aw, m: np.log10(np.log(1.0 / (1.0 - aw))),
    to_parameters=lambda c: np.array([10.0 ** c[0], c[1]]),
    text="log₁₀ ln[1/(1 − aw)] = log₁₀ k + n·log₁₀ m",
)


# ---------------------------------------------------------------------- Peleg
def _peleg(aw, p):
    return p[0] * aw ** p[1] + p[2] * aw ** p[3]


def _peleg_guess(aw, m):
    best, best_sse = None, np.inf
    for n1 in (0.2, 0.4, 0.6, 0.8):
        for n2 in (2.0, 4.0, 7.0, 12.0):
            X = np.column_stack([aw**n1, aw**n2])
            coef, *_ = np.linalg.lstsq(X, m, rcond=None)
            coef = np.maximum(coef, 1e-4)
            sse = float(np.sum((X @ coef - m) ** 2))
            if sse < best_sse:
                best, best_sse = np.array([coef[0], n1, coef[1], n2]), sse
    return best


# ---------------------------------------------------------------------- Smith
def _smith(aw, p):
    return p[0] - p[1] * np.log(1.0 - aw)


def _smith_inverse(m, p):
    return 1.0 - np.exp(-(m - p[0]) / p[1])


_SMITH_LIN = Linearisation(
    x=lambda aw, m: -np.log(1.0 - aw),
    y=lambda aw, m: m,
    to_parameters=lambda c: np.array([c[0], c[1]]),
    text="m = A + B·[−ln(1 − aw)]",
)


# --------------------------------------------------------------- Chen-Clayton
def _chen_clayton(aw, p):
    return (np.log(p[0]) - np.log(-np.log(aw))) / p[1]


def _chen_clayton_inverse(m, p):
    return np.exp(-p[0] * np.exp(-p[1] * m))


_CHEN_LIN = Linearisation(
    x=lambda aw, m: m,
    y=lambda aw, m: np.log(np.log(1.0 / aw)),
    to_parameters=lambda c: np.array([math.exp(c[0]), -c[1]]),
    text="ln ln(1/aw) = ln a − b·m",
)


# --------------------------------------------------------------------- Caurie
def _caurie(aw, p):
    return p[0] * np.exp(p[1] * aw)


def _caurie_inverse(m, p):
    return np.log(m / p[0]) / p[1]


_CAURIE_LIN = Linearisation(
    x=lambda aw, m: aw,
    y=lambda aw, m: np.log(m),
    to_parameters=lambda c: np.array([math.exp(c[0]), c[1]]),
    text="ln m = ln A + B·aw",
)


def _from_linearisation(name: str, fallback: Callable[[np.ndarray, np.ndarray], np.ndarray]):
    def guess(aw, m):
        try:
            p = MODELS[name].linearised_fit(aw, m)[0]
            lower, upper = MODELS[name].bounds()
            if np.all(np.isfinite(p)) and np.all(p > lower) and np.all(p < upper):
                return p
        except (InputError, ValueError, ZeroDivisionError, OverflowError):
            pass
        return fallback(aw, m)

    return guess


_REF = {
    "gab": (
        "C. van den Berg, in Properties of Water in Foods, Martinus Nijhoff, 1985, pp. 119–131",
        "H. Bizot, in Physical Properties of Foods, Applied Science, 1983, pp. 43–54",
    ),
    "bet": (
        "S. Brunauer, P. H. Emmett, E. Teller, J. Am. Chem. Soc. 60 (1938) 309–319, "
        "doi:10.1021/ja01269a023",
    ),
    "oswin": ("C. R. Oswin, J. Soc. Chem. Ind. 65 (1946) 419–421, doi:10.1002/jctb.5000651216",),
    "halsey": ("G. Halsey, J. Chem. Phys. 16 (1948) 931–937, doi:10.1063/1.1746689",),
    "henderson": ("S. M. Henderson, Agric. Eng. 33 (1952) 29–32",),
    "peleg": (
        "M. Peleg, J. Food Process Eng. 16 (1993) 21–37, doi:10.1111/j.1745-4530.1993.tb00160.x",
    ),
    "smith": ("S. E. Smith, J. Am. Chem. Soc. 69 (1947) 646–651, doi:10.1021/ja01195a053",),
    "chen_clayton": ("C. S. Chen, J. T. Clayton, Trans. ASAE 14 (1971) 927–929",),
    "caurie": (
        "M. Caurie, J. Food Technol. 5 (1970) 301–307, doi:10.1111/j.1365-2621.1970.tb01571.x",
    ),
}

_EMPIRICAL = "empirical: trust it over the range of water activity it was fitted to"

#: The registered isotherm models, by name.
MODELS: dict[str, IsothermModel] = {}


def _register(model: IsothermModel) -> None:
    MODELS[model.name] = model


_register(
    IsothermModel(
        name="gab",
        title="GAB",
        equation="m = m0·C·K·aw / [(1 − K·aw)(1 − K·aw + C·K·aw)]",
        parameters=(
            _moisture_parameter(description="monolayer moisture content"),
            _number("C", "C", "Guggenheim constant (monolayer sorption heat)", 0.0, 1e6),
            _number("K", "K", "multilayer factor (K ≤ 1; K = 1 gives BET)", 0.0, 1.0),
        ),
        references=_REF["gab"],
        validity=(0.0, 0.95),
        validity_note="holds up to aw ≈ 0.9–0.95 for most foods",
        forward=_gab,
        inverse=_gab_inverse,
        starting_values=_gab_guess,
        linearisation=_GAB_LIN,
        aliases=("guggenheim_anderson_de_boer", "g.a.b."),
    )
)
_register(
    IsothermModel(
        name="bet",
        title="BET",
        equation="m = m0·C·aw / [(1 − aw)(1 + (C − 1)·aw)]",
        parameters=(
            _moisture_parameter(description="monolayer moisture content"),
            _number("C", "C", "BET constant (monolayer sorption heat)", 0.0, 1e6),
        ),
        references=_REF["bet"],
        validity=(0.0, 0.5),
        validity_note="holds only up to aw ≈ 0.4–0.5; use GAB over the whole range",
        forward=_bet,
        inverse=_bet_inverse,
        starting_values=_bet_guess,
        linearisation=_BET_LIN,
        aliases=("brunauer_emmett_teller", "b.e.t."),
    )
)
_register(
    IsothermModel(
        name="oswin",
        title="Oswin",
        equation="m = a·[aw/(1 − aw)]^b",
        parameters=(
            _moisture_parameter("a", "a", "moisture at aw = 0.5"),
            _number("b", "b", "shape exponent"),
        ),
        references=_REF["oswin"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_oswin,
        inverse=_oswin_inverse,
        starting_values=_from_linearisation(
            "oswin", lambda aw, m: np.array([_nearest(aw, m, 0.5), 0.4])
        ),
        linearisation=_OSWIN_LIN,
    )
)
_register(
    IsothermModel(
        name="halsey",
        title="Halsey",
        equation="aw = exp(−a/m^n), i.e. m = [a/(−ln aw)]^(1/n)",
        parameters=(
            _number("a", "a", "constant (for m in g/g)"),
            _number("n", "n", "exponent"),
        ),
        references=_REF["halsey"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_halsey,
        inverse=_halsey_inverse,
        starting_values=_from_linearisation("halsey", lambda aw, m: np.array([0.01, 1.5])),
        linearisation=_HALSEY_LIN,
        aliases=("hasley",),
    )
)
_register(
    IsothermModel(
        name="henderson",
        title="Henderson",
        equation="1 − aw = exp(−k·m^n), i.e. m = [−ln(1 − aw)/k]^(1/n)",
        parameters=(
            _number("k", "k", "constant (for m in g/g; includes the temperature term)"),
            _number("n", "n", "exponent"),
        ),
        references=_REF["henderson"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_henderson,
        inverse=_henderson_inverse,
        starting_values=_from_linearisation("henderson", lambda aw, m: np.array([20.0, 1.5])),
        linearisation=_HENDERSON_LIN,
    )
)
_register(
    IsothermModel(
        name="peleg",
        title="Peleg",
        equation="m = k1·aw^n1 + k2·aw^n2 (n1 < 1 < n2)",
        parameters=(
            _moisture_parameter("k1", "k₁", "coefficient of the concave term"),
            _number("n1", "n₁", "exponent below 1", 0.0, 1.0),
            _moisture_parameter("k2", "k₂", "coefficient of the convex term"),
            _number("n2", "n₂", "exponent above 1", 1.0, 100.0),
        ),
        references=_REF["peleg"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_peleg,
        inverse=None,
        starting_values=_peleg_guess,
        linearisation=None,
    )
)
_register(
    IsothermModel(
        name="smith",
        title="Smith",
        equation="m = A − B·ln(1 − aw)",
        parameters=(
            _moisture_parameter("A", "A", "moisture bound in the first fraction"),
            _moisture_parameter("B", "B", "moisture of the multilayer fraction"),
        ),
        references=_REF["smith"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_smith,
        inverse=_smith_inverse,
        starting_values=_from_linearisation("smith", lambda aw, m: np.array([1e-3, 0.05])),
        linearisation=_SMITH_LIN,
    )
)
_register(
    IsothermModel(
        name="chen_clayton",
        title="Chen–Clayton",
        equation="aw = exp[−a·exp(−b·m)], i.e. m = [ln a − ln(−ln aw)]/b",
        parameters=(
            _number("a", "a", "constant"),
            _number("b", "b", "constant (per g/g)"),
        ),
        references=_REF["chen_clayton"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL + "; it predicts negative moisture below aw = exp(−a)",
        forward=_chen_clayton,
        inverse=_chen_clayton_inverse,
        starting_values=_from_linearisation("chen_clayton", lambda aw, m: np.array([2.0, 10.0])),
        linearisation=_CHEN_LIN,
        aliases=("chen", "chen_and_clayton"),
    )
)
_register(
    IsothermModel(
        name="caurie",
        title="Caurie",
        equation="m = A·exp(B·aw), i.e. ln m = ln A + B·aw",
        parameters=(
            _moisture_parameter("A", "A", "moisture extrapolated to aw = 0"),
            _number("B", "B", "exponent"),
        ),
        references=_REF["caurie"],
        validity=(0.0, 1.0),
        validity_note=_EMPIRICAL,
        forward=_caurie,
        inverse=_caurie_inverse,
        starting_values=_from_linearisation("caurie", lambda aw, m: np.array([0.01, 3.0])),
        linearisation=_CAURIE_LIN,
    )
)


def _key(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch == "." else "_" for ch in name.strip().lower()).strip(
        "_"
    )


def model_names() -> tuple[str, ...]:
    """Names of the registered models, in registry order."""
    return tuple(MODELS)


def get_model(model: str | IsothermModel) -> IsothermModel:
    """Look a model up by name (case-insensitive; aliases such as ``"Hasley"`` work).

    Parameters
    ----------
    model : str or IsothermModel
        ``"gab"``, ``"BET"``, ``"Oswin"``, ``"Halsey"``/``"Hasley"``, ``"Henderson"``,
        ``"Peleg"``, ``"Smith"``, ``"Chen-Clayton"``, ``"Caurie"``.

    Raises
    ------
    InputError
        ``isotherm_model_unknown``, with a suggestion for a near miss.

    Examples
    --------
    >>> get_model("Hasley").title
    'Halsey'
    """
    if isinstance(model, IsothermModel):
        return model
    key = _key(str(model))
    for m in MODELS.values():
        if key == m.name or key in {_key(a) for a in m.aliases}:
            return m
    import difflib

    names = list(MODELS)
    close = difflib.get_close_matches(key, names, n=1)
    raise InputError(
        "isotherm_model_unknown",
        name=str(model),
        names=", ".join(names),
        suggestion=f" Perhaps you meant '{close[0]}'?" if close else "",
    )
