"""The objects of a critical-moisture plan: salts, isotherm, moisture, package, packaging.

:class:`IsothermPlan` (saturated salts with their water activities, replicates, weighings
and the equilibrium rule), :class:`MoistureDefaults` (Mi and Mc with their source),
:class:`PackageDefaults` (area and dry solids per pack) and :class:`PackagingOption` (a film
of the film library or a WVTR with its test condition). They are frozen dataclasses, made
by :mod:`~shelflife.protocols.moisture.template` from a checked template.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Citation, format_number

__all__ = [
    "Salt",
    "IsothermPlan",
    "MoistureDefaults",
    "PackageDefaults",
    "PackagingOption",
    "SALT_NAMES",
    "MIN_SALTS_GAB",
]

#: Names of common saturated salts (formula -> English, Indonesian).
SALT_NAMES = {
    "LiCl": ("lithium chloride", "litium klorida"),
    "CH3COOK": ("potassium acetate", "kalium asetat"),
    "MgCl2": ("magnesium chloride", "magnesium klorida"),
    "K2CO3": ("potassium carbonate", "kalium karbonat"),
    "Mg(NO3)2": ("magnesium nitrate", "magnesium nitrat"),
    "NaBr": ("sodium bromide", "natrium bromida"),
    "NaNO2": ("sodium nitrite", "natrium nitrit"),
    "KI": ("potassium iodide", "kalium iodida"),
    "NaCl": ("sodium chloride", "natrium klorida"),
    "KCl": ("potassium chloride", "kalium klorida"),
    "KNO3": ("potassium nitrate", "kalium nitrat"),
    "K2SO4": ("potassium sulfate", "kalium sulfat"),
}

#: Fewest isotherm points for a three-parameter model (GAB): more points than parameters,
#: with a few degrees of freedom left to judge the fit.
MIN_SALTS_GAB = 5


@dataclass(frozen=True)
class Salt:
    """One saturated salt of the isotherm and its water activity at the isotherm temperature.

    Attributes
    ----------
    name : str
        Formula as written in the template, e.g. ``"NaCl"``.
    aw : float
        Water activity over the saturated solution [-].
    origin : {"table", "module"}
        ``"table"``: the template's ``[isotherm.aw]``; ``"module"``:
        :func:`shelflife.moisture.salts.salt_water_activity`.
    """

    name: str
    aw: float
    origin: str = "table"

    def display_name(self, lang: str = "en") -> str:
        """``"NaCl (sodium chloride)"``."""
        names = SALT_NAMES.get(self.name)
        if names is None:
            return self.name
        return f"{self.name} ({names[1] if lang == 'id' else names[0]})"


@dataclass(frozen=True)
class IsothermPlan:
    """The sorption-isotherm plan: salts, replicates, weighings and the equilibrium rule.

    Attributes
    ----------
    temperature : float
        Desiccator temperature [K].
    salts : tuple of Salt
    replicates : int
        Dishes per salt.
    interval : float
        Time between weighings [day].
    equilibrium : str
        Constant-mass criterion, as written (``"2 mg/g"``: mass change per gram of sample
        between two successive weighings).
    equilibrium_high : str or None
        The criterion from ``high_aw`` up (``"10 mg/g"``), if different.
    high_aw : float
        Water activity from which ``equilibrium_high`` applies.
    max_duration : float
        Longest time the weighings may run [day].
    sample_mass : str or None
        Mass of product per dish, as written (``"2 g"``).
    aw_source, criterion_source : Citation or None
        Where the water activities and the equilibrium rule come from.
    aw_table : tuple of (str, float)
        The template's water-activity table (salt, a_w), valid at ``aw_table_temperature``
        [K]; kept so that a study may swap salts within it.
    """

    temperature: float
    salts: tuple[Salt, ...]
    replicates: int
    interval: float
    equilibrium: str
    max_duration: float
    equilibrium_high: str | None = None
    high_aw: float = 0.9
    sample_mass: str | None = None
    aw_source: Citation | None = None
    criterion_source: Citation | None = None
    aw_table: tuple[tuple[str, float], ...] = ()
    aw_table_temperature: float | None = None

    @property
    def n_samples(self) -> int:
        """Isotherm dishes: salts x replicates."""
        return len(self.salts) * self.replicates

    @property
    def weighing_days(self) -> tuple[int, ...]:
        """Planned weighing days, from day 0 (set-up and first weighing) [day]."""
        step = max(1, round(self.interval))
        last = int(math.floor(self.max_duration + 1e-9))
        return tuple(range(0, last + 1, step))


@dataclass(frozen=True)
class MoistureDefaults:
    """Initial and critical moisture (``[moisture]``), with their source.

    Attributes
    ----------
    basis : {"dry", "wet"}
        g water per g dry solids, or per g product.
    unit : {"g/g", "%"}
    initial, critical : float
        Mi and Mc in ``unit`` on ``basis``.
    critical_from : {"sensory", "texture", "sni", "other"}
    critical_note, critical_note_id : str or None
        How Mc was found (English, Bahasa Indonesia).
    isotherm : str
        Isotherm model for the analysis (``"auto"``: best AICc).
    source : Citation or None
    """

    basis: str
    unit: str
    initial: float
    critical: float
    critical_from: str = "sensory"
    critical_note: str | None = None
    critical_note_id: str | None = None
    isotherm: str = "auto"
    source: Citation | None = None

    @property
    def placeholder(self) -> bool:
        """True when the values are placeholders the lab must replace."""
        return self.source is None or self.source.status == "placeholder"

    def note(self, lang: str = "en") -> str | None:
        """``critical_note`` in ``lang``."""
        if lang == "id" and self.critical_note_id:
            return self.critical_note_id
        return self.critical_note

    def text(self, value: float) -> str:
        """``"0.05 g/g (dry basis)"``."""
        return f"{format_number(value)} {self.unit}"


@dataclass(frozen=True)
class PackageDefaults:
    """``[package]``: area of both faces, dry solids per pack, target shelf life (as written).

    Attributes
    ----------
    area : str
        ``"0.12 m2"``.
    dry_mass : str or None
        ``"238 g"``; ``None`` when it is computed from ``net_mass`` and Mi.
    net_mass : str or None
        Net product mass per pack, ``"250 g"``.
    target : str or None
        ``"6 month"``.
    source : Citation or None
    """

    area: str
    dry_mass: str | None = None
    net_mass: str | None = None
    target: str | None = None
    source: Citation | None = None

    @property
    def placeholder(self) -> bool:
        """True when area and masses are placeholders the lab must replace."""
        return self.source is None or self.source.status == "placeholder"


@dataclass(frozen=True)
class PackagingOption:
    """One packaging option: a film-library key (and thickness), or a WVTR and its condition.

    Attributes
    ----------
    name : str
    film : str or None
        Key of the film library (``"pp"``, ``"bopp"``, ``"pet_al_pe"``...), kept as
        written.
    thickness, wvtr, wvtr_temperature, wvtr_rh : str or None
        As written (``"40 um"``, ``"5.2 g/(m2*day)"``, ``"38 degC"``, ``"90 %"``).
    note : str or None
    source : Citation or None
    """

    name: str
    film: str | None = None
    thickness: str | None = None
    wvtr: str | None = None
    wvtr_temperature: str | None = None
    wvtr_rh: str | None = None
    note: str | None = None
    source: Citation | None = None

    def describe(self, lang: str = "en") -> str:
        """``"film pp, 40 um"`` or ``"WVTR 5.2 g/(m2*day) at 38 degC / 90 %"``."""
        parts = []
        if self.film:
            parts.append(f"film {self.film}" if lang != "id" else f"film {self.film}")
        if self.thickness:
            parts.append(self.thickness)
        if self.wvtr:
            at = "pada" if lang == "id" else "at"
            parts.append(f"WVTR {self.wvtr} {at} {self.wvtr_temperature} / {self.wvtr_rh} RH")
        return ", ".join(parts)
