"""Packaging and moisture-limited shelf life (Labuza's critical-moisture model).

- :mod:`.vapour` -- saturation vapour pressure of water :math:`p_0(T)` (Wagner & Pruß 2002)
  and Pa/mmHg conversions;
- :mod:`.films` -- :class:`Film` (WVTR **with its test condition**, permeance, permeability,
  temperature conversion) and the library of typical films (:func:`library_film`);
- :mod:`.package` -- :class:`Package` (film, area both faces, product dry solids);
- :mod:`.shelf_life` -- :func:`labuza_shelf_life` (closed form with the steps shown) and
  :func:`moisture_uptake` (numerical, full isotherm, temperature/RH histories);
- :mod:`.compare` -- :func:`compare_packages` (shelf life per option, required WVTR and
  thickness for a target).

Importing this package is cheap: scipy, pandas, pint and matplotlib load on first use.
"""

from __future__ import annotations

from .compare import PackageComparison, PackagingOption, compare_packages, required_wvtr
from .films import TROPICAL, Film, WvtrCondition, film_keys, film_library, library_film
from .package import Package, dry_solids, pouch_area
from .shelf_life import (
    LabuzaShelfLife,
    MoistureUptake,
    SorptionIsotherm,
    labuza_shelf_life,
    moisture_uptake,
)
from .vapour import PA_PER_MMHG, mmhg_to_pa, pa_to_mmhg, saturation_vapour_pressure

__all__ = [
    "PA_PER_MMHG",
    "TROPICAL",
    "Film",
    "LabuzaShelfLife",
    "MoistureUptake",
    "Package",
    "PackageComparison",
    "PackagingOption",
    "SorptionIsotherm",
    "WvtrCondition",
    "compare_packages",
    "dry_solids",
    "film_keys",
    "film_library",
    "labuza_shelf_life",
    "library_film",
    "mmhg_to_pa",
    "moisture_uptake",
    "pa_to_mmhg",
    "pouch_area",
    "required_wvtr",
    "saturation_vapour_pressure",
]
