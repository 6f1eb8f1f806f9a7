"""ICH/WHO climatic zones as constant storage histories.

The long-term stability conditions of the five climatic zones [1]_ -- I 21 °C / 45 % RH,
II 25 °C / 60 %, III 30 °C / 35 %, IVa 30 °C / 65 %, IVb 30 °C / 75 % -- are pharmaceutical
conventions that food labs borrow as reference storage conditions; Indonesia and the other
ASEAN states use zone IVb [2]_. The values, with their sources, are in
``shelflife/routes/data/zones.toml``.

References
----------
.. [1] "Climatic zones for stability studies," Pharmaguideline.
   https://www.pharmaguideline.com/2010/12/different-climatic-zones-for-stability.html
.. [2] W. Grimm, "Global stability testing and the confusion concerning storage conditions
   in climatic zone IV," *Pharm. Ind.*
   https://www.ecv.de/beitrag/pharmind/Global_Stability_Testing_and_the_Confusion_Concerning_Storage_Conditions_in_Climatic_Zone_IV

Examples
--------
>>> from shelflife.routes import climatic_zone
>>> p = climatic_zone("IVb", "1 year")
>>> round(float(p.temperatures[0]) - 273.15, 2), float(p.rh[0])
(30.0, 75.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from . import data as _data
from .scenario import Provenance

if TYPE_CHECKING:  # pragma: no cover
    from ..profiles import TemperatureProfile

__all__ = ["ClimaticZone", "climatic_zones", "climatic_zone", "get_climatic_zone"]

_ROMAN = {"1": "I", "2": "II", "3": "III", "4A": "IVA", "4B": "IVB"}


@dataclass(frozen=True)
class ClimaticZone:
    """An ICH/WHO climatic zone.

    Attributes
    ----------
    name : str
        ``"I"``, ``"II"``, ``"III"``, ``"IVa"`` or ``"IVb"``.
    climate : str
        E.g. ``"hot and very humid"``.
    temperature : float
        Long-term storage temperature [°C].
    rh : float
        Long-term relative humidity [%].
    provenance : Provenance
    """

    name: str
    climate: str
    temperature: float
    rh: float
    provenance: Provenance

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "climate": self.climate,
            "temperature": {"value": self.temperature, "unit": "degC"},
            "rh": {"value": self.rh, "unit": "%"},
            "provenance": self.provenance.to_dict(),
        }


def climatic_zones() -> dict[str, ClimaticZone]:
    """The five ICH/WHO climatic zones by name.

    Examples
    --------
    >>> from shelflife.routes import climatic_zones
    >>> list(climatic_zones())
    ['I', 'II', 'III', 'IVa', 'IVb']
    """
    return {
        name: ClimaticZone(name, z.climate, z.temperature, z.rh, Provenance.of(z))
        for name, z in _data.zones().items()
    }


def get_climatic_zone(name: str) -> ClimaticZone:
    """A climatic zone by name: ``"IVb"``, ``"ivb"``, ``"zone IVb"``, ``"4b"``, ``"II"``.

    Raises
    ------
    InputError
        ``climatic_zone_unknown``, listing the zones.
    """
    zones = climatic_zones()
    key = re.sub(r"^(ZONE|ZONA)\s*", "", str(name).strip().upper()).replace(" ", "")
    key = _ROMAN.get(key, key)
    for zname, zone in zones.items():
        if zname.upper() == key:
            return zone
    raise InputError("climatic_zone_unknown", name=name, names=", ".join(zones))


def climatic_zone(name: str, duration: Any) -> TemperatureProfile:
    """A constant history at the long-term condition of a climatic zone.

    Parameters
    ----------
    name : str
        Zone: ``"I"``, ``"II"``, ``"III"``, ``"IVa"`` or ``"IVb"`` (case-insensitive,
        ``"zone IVb"`` and ``"4b"`` accepted).
    duration : pint.Quantity or str
        Length of the history, e.g. ``"12 month"`` [time].

    Returns
    -------
    TemperatureProfile
        One step at the zone's temperature and relative humidity.

    Raises
    ------
    InputError
        ``climatic_zone_unknown``.
    """
    from ..profiles import TemperatureProfile
    from ..units import get_registry

    zone = get_climatic_zone(name)
    Q_ = get_registry().Quantity
    return TemperatureProfile.constant(
        Q_(zone.temperature, "degC"), duration, rh=Q_(zone.rh, "percent")
    )
