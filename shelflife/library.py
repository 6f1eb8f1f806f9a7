"""A small, cited library of food-kinetics parameters (domain.md §3 item 15).

For each class of deterioration reaction (lipid oxidation, Maillard browning, vitamin C loss,
pigment loss, moisture gain, ...) the library gives the span of activation energies reported
in the literature [kJ/mol], a Q10 range, the usual apparent reaction orders, the attribute
names that usually measure it, and the sources, each with enough detail to find it. The data
live in ``shelflife/data/kinetics_library.toml`` and are read once, on first use.

Uses:

- :func:`check_plausibility` compares a fitted activation energy with the class range and
  returns coded :class:`~shelflife.errors.Notice` objects (a unit mistake or another mechanism
  often shows up as an Ea far outside the span);
- :meth:`ReactionClass.q10_range` replaces the habitual "Q10 = 2" by a range for the reaction
  at the temperature of interest, e.g. to plan pull times;
- :func:`suggest_reaction` guesses the class from an attribute name (``"peroxide_value"``);
- :func:`library_table` lists the library for notebooks and reports (English or Indonesian).

Examples
--------
>>> from shelflife.library import get_reaction, suggest_reaction
>>> suggest_reaction("peroxide_value [meq/kg]")
'lipid_oxidation'
>>> rc = get_reaction("lipid_oxidation")
>>> rc.ea_kj_per_mol
(40.0, 104.0)
>>> [round(q, 2) for q in rc.q10_range("25 degC")]
[1.69, 3.9]
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import InputError, Notice
from .units import GAS_CONSTANT, to_kelvin

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "ReactionClass",
    "Source",
    "reaction_classes",
    "get_reaction",
    "suggest_reaction",
    "library_table",
    "check_plausibility",
    "EA_IMPLAUSIBLE_MAX",
    "LIBRARY_FILE",
]

#: Package-relative path of the data file.
LIBRARY_FILE = "data/kinetics_library.toml"
#: Fitted activation energies above this [kJ/mol] (or below zero) are implausible for storage
#: reactions, whatever the class; a class whose own range goes higher (protein denaturation)
#: raises the bound to its upper end.
EA_IMPLAUSIBLE_MAX = 300.0

#: 10 / (R T (T + 10)) at 25 °C [mol/kJ]: Q10 at 25 °C = exp(factor × Ea).
_Q10_FACTOR_25C = 10.0 / (GAS_CONSTANT * 298.15 * 308.15)
#: Temperatures closer than this [K] count as the same when choosing a published Q10.
_SAME_TEMPERATURE_K = 0.05


@dataclass(frozen=True)
class Source:
    """One cited source of a reaction class.

    Attributes
    ----------
    short : str
        Short form for tables and messages, e.g. ``"Fox & McSweeney 1998"``.
    citation : str
        Full reference (authors, year, title, journal or book, volume, pages).
    table : str
        Where in the source the values are (table, page, abstract).
    conditions : str
        Product and temperatures the values come from.
    ea_kj_per_mol : tuple of float or None
        Activation energies reported by this source [kJ/mol] (low, high).
    ea_as_published : str or None
        The published form when it was not kJ/mol (e.g. ``"12.77–25.39 kcal/mol"``).
    q10 : tuple of float or None
        Q10 reported by this source, at ``q10_temperature``.
    q10_temperature : str or None
        Temperature of the published Q10, e.g. ``"100 degC"``.
    orders : tuple of str
        Apparent reaction orders reported by this source.
    url, doi : str or None
        Where the values were read; the DOI when known.
    derived : bool
        The Ea was computed here from published data (e.g. from a Q10).
    unverified : bool
        The value could not be checked against the text of the source.
    note : str or None
        Caveats about the citation.
    """

    short: str
    citation: str
    table: str = ""
    conditions: str = ""
    ea_kj_per_mol: tuple[float, float] | None = None
    ea_as_published: str | None = None
    q10: tuple[float, float] | None = None
    q10_temperature: str | None = None
    orders: tuple[str, ...] = ()
    url: str | None = None
    doi: str | None = None
    derived: bool = False
    unverified: bool = False
    note: str | None = None


@dataclass(frozen=True)
class ReactionClass:
    """A class of food deterioration reactions with cited kinetic parameters.

    Attributes
    ----------
    key : str
        Identifier (snake_case), e.g. ``"lipid_oxidation"``; the value of ``reaction`` in
        ``study.toml``.
    name_en, name_id : str
        Display names in English and Bahasa Indonesia.
    typical_attributes : tuple of str
        Attribute names (normalised) that usually measure this reaction.
    ea_kj_per_mol : tuple of float
        Span of activation energies reported by the sources [kJ/mol] (low, high).
    ea_derived : bool
        The span was computed from the published Q10 rather than published as Ea.
    q10 : tuple of float or None
        Q10 range at ``q10_temperature``: published (``q10_derived`` false) or computed from
        ``ea_kj_per_mol`` (``q10_derived`` true).
    q10_temperature : str or None
        Temperature of ``q10``, e.g. ``"100 degC"`` or ``"25 degC"``.
    q10_derived : bool
    usual_orders : tuple of str
        Apparent reaction orders reported for the class (may be empty).
    orders_unverified : bool
        No listed source confirms the orders.
    notes_en, notes_id : str
        Caveats in English and Bahasa Indonesia.
    sources : tuple of Source
    """

    key: str
    name_en: str
    name_id: str
    typical_attributes: tuple[str, ...]
    ea_kj_per_mol: tuple[float, float]
    q10: tuple[float, float] | None
    q10_temperature: str | None
    q10_derived: bool
    usual_orders: tuple[str, ...]
    sources: tuple[Source, ...]
    notes_en: str = ""
    notes_id: str = ""
    ea_derived: bool = False
    orders_unverified: bool = False

    def name(self, lang: str = "en") -> str:
        """Display name in ``lang`` ("en" or "id")."""
        return self.name_id if lang == "id" else self.name_en

    def notes(self, lang: str = "en") -> str:
        """Caveats in ``lang`` ("en" or "id")."""
        return self.notes_id if lang == "id" else self.notes_en

    @property
    def unverified(self) -> bool:
        """True when a source that sets the Ea range could not be checked."""
        return any(s.unverified for s in self.sources if s.ea_kj_per_mol is not None)

    @property
    def citation_short(self) -> str:
        """The sources of the Ea range in short form, e.g. ``"Fox & McSweeney 1998; ..."``."""
        shorts = [s.short for s in self.sources if s.ea_kj_per_mol is not None]
        return "; ".join(dict.fromkeys(shorts))

    def contains(self, activation_energy_kj: float) -> bool:
        """Whether an activation energy [kJ/mol] lies within the class range."""
        low, high = self.ea_kj_per_mol
        return low <= float(activation_energy_kj) <= high

    def q10_range(self, temperature: Any) -> tuple[float, float]:
        r"""Q10 range of the class for a 10-degree step starting at ``temperature``.

        The published Q10 is returned when one is given for this temperature; otherwise the
        range follows from the Ea span: :math:`Q_{10} = \exp[10 E_a / (R T (T + 10))]`.
        Q10 falls as temperature rises, so a Q10 published at 100 °C understates the
        acceleration at storage temperatures.

        Parameters
        ----------
        temperature : pint.Quantity or str
            Lower temperature of the step, e.g. ``"30 degC"``. [°C, K or °F]

        Returns
        -------
        tuple of float
            (low, high), dimensionless.

        Examples
        --------
        >>> rc = get_reaction("maillard_browning")
        >>> rc.q10_range("100 degC")
        (2.4, 5.0)
        >>> [round(q, 2) for q in rc.q10_range("30 degC")]
        [3.26, 10.3]
        """
        T = float(to_kelvin(temperature))
        if self.q10 is not None and self.q10_temperature is not None and not self.q10_derived:
            if abs(float(to_kelvin(self.q10_temperature)) - T) < _SAME_TEMPERATURE_K:
                return self.q10
        factor = 10.0 / (GAS_CONSTANT * T * (T + 10.0))
        low, high = self.ea_kj_per_mol
        return float(np.exp(factor * low)), float(np.exp(factor * high))


# ------------------------------------------------------------------------------ loading


def _pair(value: Any, what: str) -> tuple[float, float] | None:
    if value is None:
        return None
    low, high = (float(v) for v in value)
    if not low <= high:
        raise ValueError(f"{LIBRARY_FILE}: {what} = {value!r} is not [low, high]")
    return low, high


def _source(item: dict[str, Any], where: str) -> Source:
    return Source(
        short=item["short"],
        citation=item["citation"],
        table=item.get("table", ""),
        conditions=item.get("conditions", ""),
        ea_kj_per_mol=_pair(item.get("ea_kj_per_mol"), f"{where}.ea_kj_per_mol"),
        ea_as_published=item.get("ea_as_published"),
        q10=_pair(item.get("q10"), f"{where}.q10"),
        q10_temperature=item.get("q10_temperature"),
        orders=tuple(item.get("orders", ())),
        url=item.get("url"),
        doi=item.get("doi"),
        derived=bool(item.get("derived", False)),
        unverified=bool(item["unverified"]),
        note=item.get("note"),
    )


def _reaction(key: str, table: dict[str, Any]) -> ReactionClass:
    ea = _pair(table.get("ea_kj_per_mol"), f"{key}.ea_kj_per_mol")
    if ea is None:
        raise ValueError(f"{LIBRARY_FILE}: [{key}] has no ea_kj_per_mol")
    return ReactionClass(
        key=key,
        name_en=table["name_en"],
        name_id=table["name_id"],
        typical_attributes=tuple(table.get("typical_attributes", ())),
        ea_kj_per_mol=ea,
        ea_derived=bool(table.get("ea_derived", False)),
        q10=_pair(table.get("q10"), f"{key}.q10"),
        q10_temperature=table.get("q10_temperature"),
        q10_derived=bool(table.get("q10_derived", False)),
        usual_orders=tuple(table.get("usual_orders", ())),
        orders_unverified=bool(table.get("orders_unverified", False)),
        notes_en=table.get("notes_en", "").strip(),
        notes_id=table.get("notes_id", "").strip(),
        sources=tuple(
            _source(s, f"{key}.sources[{i}]") for i, s in enumerate(table.get("sources", ()))
        ),
    )


@functools.cache
def _raw() -> dict[str, Any]:
    """The parsed data file (read once)."""
    text = resources.files("shelflife").joinpath(LIBRARY_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def _library() -> dict[str, ReactionClass]:
    """Reaction classes by key, in file order (built once)."""
    raw = _raw()
    return {k: _reaction(k, v) for k, v in raw.items() if isinstance(v, dict)}


def reaction_classes() -> list[str]:
    """Keys of the reaction classes in the library, in file order.

    Examples
    --------
    >>> "maillard_browning" in reaction_classes()
    True
    """
    return list(_library())


def get_reaction(key: str | ReactionClass) -> ReactionClass:
    """The reaction class called ``key``.

    Raises
    ------
    InputError
        ``option_unknown``, listing the known keys.
    """
    if isinstance(key, ReactionClass):
        return key
    library = _library()
    if isinstance(key, str) and key.strip() in library:
        return library[key.strip()]
    raise InputError(
        "option_unknown", what="reaction class", value=key, choices=", ".join(library)
    )


# --------------------------------------------------------------------------- suggestion


def _tokens(name: str) -> list[str]:
    """Normalise an attribute name or header to snake_case tokens (units dropped)."""
    text = re.sub(r"[\[(].*?[\])]", " ", str(name)).casefold()
    return [t for t in re.split(r"[^0-9a-z]+", text) if t]


def suggest_reaction(attribute_name: str) -> str | None:
    """Guess the reaction class measured by an attribute, from its name.

    The name is normalised (case, spaces, units in brackets dropped) and compared with the
    ``typical_attributes`` of every class: an exact match wins; otherwise the longest typical
    name found as a run of whole words in the attribute name (``"pv_sample_a"`` matches
    ``"pv"``).

    Returns
    -------
    str or None
        The class key, or ``None`` when nothing matches (e.g. a plain ``"colour"``, which can
        be browning or pigment loss).

    Examples
    --------
    >>> suggest_reaction("Vitamin C")
    'ascorbic_acid_loss'
    >>> suggest_reaction("kadar_air [%]")
    'moisture_gain'
    >>> suggest_reaction("colour") is None
    True
    """
    tokens = _tokens(attribute_name)
    if not tokens:
        return None
    name = "_".join(tokens)
    best: tuple[int, str] | None = None
    for key, rc in _library().items():
        for typical in rc.typical_attributes:
            if typical == name:
                return key
            parts = typical.split("_")
            if len(parts) > len(tokens):
                continue
            runs = ("_".join(tokens[i : i + len(parts)]) for i in range(len(tokens)))
            if typical in runs and (best is None or len(typical) > best[0]):
                best = (len(typical), key)
    return best[1] if best else None


# ------------------------------------------------------------------------------- tables


def _range_text(pair: tuple[float, float] | None, lang: str) -> str:
    if pair is None:
        return ""
    text = f"{pair[0]:g}–{pair[1]:g}"
    return text.replace(".", ",") if lang == "id" else text


def library_table(lang: str = "en") -> pd.DataFrame:
    """The library as a table, one row per reaction class.

    Parameters
    ----------
    lang : {"en", "id"}
        Language of the names and notes. Column names stay the same in both languages.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``key``; columns ``name``, ``ea_low`` and ``ea_high`` [kJ/mol],
        ``q10_low_25C`` and ``q10_high_25C`` (from the Ea span at 25 °C), ``q10_published``
        (the Q10 as given, with its temperature; empty when derived), ``usual_orders``,
        ``typical_attributes``, ``sources``, ``unverified`` and ``notes``.
    """
    import pandas as pd

    if lang not in ("en", "id"):
        raise InputError("option_unknown", what="language", value=lang, choices="en, id")
    at = " pada " if lang == "id" else " at "
    rows = []
    for rc in _library().values():
        q25 = np.exp(_Q10_FACTOR_25C * np.array(rc.ea_kj_per_mol))
        published = ""
        if rc.q10 is not None and not rc.q10_derived and rc.q10_temperature:
            temp = rc.q10_temperature.replace("degC", "°C")
            published = _range_text(rc.q10, lang) + at + temp
        rows.append(
            {
                "key": rc.key,
                "name": rc.name(lang),
                "ea_low": rc.ea_kj_per_mol[0],
                "ea_high": rc.ea_kj_per_mol[1],
                "q10_low_25C": float(q25[0]),
                "q10_high_25C": float(q25[1]),
                "q10_published": published,
                "usual_orders": ", ".join(rc.usual_orders),
                "typical_attributes": ", ".join(rc.typical_attributes),
                "sources": "; ".join(dict.fromkeys(s.short for s in rc.sources)),
                "unverified": rc.unverified,
                "notes": rc.notes(lang),
            }
        )
    return pd.DataFrame(rows).set_index("key")


# --------------------------------------------------------------------------- guardrails


def _display(x: float) -> float | int:
    """Round for a message: whole numbers from 1000 up (no '2e+04' in reports)."""
    return int(round(x)) if abs(x) >= 1000 else float(x)


def _fitted_ea(fit: Any) -> tuple[float, float, float]:
    """(estimate, ci low, ci high) of a fit's activation energy [kJ/mol]."""
    params = fit.parameters
    est = (
        params["activation_energy"]
        if "activation_energy" in params
        else params["activation_enthalpy"]
    )
    unit = getattr(est, "unit", "kJ/mol") or "kJ/mol"
    values = [float(est.value), float(est.ci95[0]), float(est.ci95[1])]
    if unit != "kJ/mol":
        from .units import get_registry

        reg = get_registry()
        values = [float(reg.Quantity(v, unit).to("kJ/mol").magnitude) for v in values]
    return values[0], values[1], values[2]


def check_plausibility(fit: Any, reaction: str | ReactionClass | None = None) -> list[Notice]:
    """Compare a fitted activation energy with the cited library.

    Parameters
    ----------
    fit : FitResult
        Any object with ``parameters["activation_energy"]`` (``value``, ``ci95``, ``unit``)
        and ``attribute.name``.
    reaction : str or ReactionClass, optional
        The reaction class; by default ``fit.attribute.reaction`` (from ``study.toml``).
        Without a class only the class-independent check runs.

    Returns
    -------
    list of Notice
        ``ea_implausible`` when the estimate is negative or above
        :data:`EA_IMPLAUSIBLE_MAX` (or the class's upper end, if higher);
        ``ea_outside_library_range`` when the whole 95 % interval lies outside the class range.
        Both in category ``"plausibility"``.

    Raises
    ------
    InputError
        ``option_unknown`` for an unknown reaction class.
    """
    attribute = getattr(fit, "attribute", None)
    name = getattr(attribute, "name", None)
    if reaction is None:
        reaction = getattr(attribute, "reaction", None)
    rc = get_reaction(reaction) if reaction is not None else None
    params = fit.parameters
    if "activation_energy" not in params and "activation_enthalpy" not in params:
        return []  # Q10 or single-temperature models: no activation energy to check
    ea, low, high = _fitted_ea(fit)
    if not (np.isfinite(low) and np.isfinite(high)):
        low = high = ea
    out: list[Notice] = []
    upper = max(EA_IMPLAUSIBLE_MAX, rc.ea_kj_per_mol[1] if rc else 0.0)
    if np.isfinite(ea) and (ea < 0 or ea > upper):
        out.append(
            Notice("ea_implausible", "plausibility", name, {"ea": _display(ea), "high": upper})
        )
    if rc is not None and np.isfinite(low) and np.isfinite(high):
        lib_low, lib_high = rc.ea_kj_per_mol
        if high < lib_low or low > lib_high:
            out.append(
                Notice(
                    "ea_outside_library_range",
                    "plausibility",
                    name,
                    {
                        "low": _display(low),
                        "high": _display(high),
                        "side": "below" if high < lib_low else "above",
                        "reaction": rc.key,
                        "lib_low": lib_low,
                        "lib_high": lib_high,
                        "source": rc.citation_short,
                    },
                )
            )
    return out
