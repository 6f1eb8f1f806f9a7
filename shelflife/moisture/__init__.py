"""Moisture sorption: bases, isotherm models and fits, saturated salt solutions.

- :mod:`~shelflife.moisture.basis` -- moisture on dry basis (g water / g dry solids) and
  wet basis (g water / g product), with an explicit ``basis=`` wherever it matters;
- :mod:`~shelflife.moisture.activity` -- water activity as a fraction (refusing % RH given
  as a fraction);
- :mod:`~shelflife.moisture.isotherms` -- the isotherm models (GAB, BET, Oswin, Halsey,
  Henderson, Peleg, Smith, Chen–Clayton, Caurie) and :class:`LinearIsotherm`;
- :mod:`~shelflife.moisture.readers` -- isotherm data from arrays, CSV/XLSX or DataFrames;
- :mod:`~shelflife.moisture.fit` -- :func:`fit_isotherm`, :func:`fit_isotherms`,
  :class:`IsothermFit`, :class:`IsothermComparison` (MRD classes of Indonesian practice);
- :mod:`~shelflife.moisture.salts` -- water activity of saturated salt solutions vs
  temperature (Greenspan 1977).

Inside the package every moisture content is a float on dry basis in g/g and every water
activity a fraction. Importing this package loads numpy only; scipy, pandas, pint and
matplotlib are imported when first needed.

Examples
--------
>>> from shelflife.moisture import fit_isotherm, salt_water_activity
>>> aw = [salt_water_activity(s, "30 °C") for s in ("MgCl2", "K2CO3", "Mg(NO3)2", "NaCl", "KCl")]
>>> [round(a, 3) for a in aw]
[0.324, 0.432, 0.514, 0.751, 0.836]
>>> fit = fit_isotherm(aw, ["3.1 %", "4.0 %", "4.9 %", "9.8 %", "13.9 %"], "oswin", basis="wet",
...                    temperature="30 °C")
>>> fit.accuracy()
'very_accurate'
"""

from __future__ import annotations

from .activity import water_activity_fraction
from .basis import (
    convert_moisture,
    dry_from_wet,
    moisture_quantity,
    parse_basis,
    to_dry_basis,
    wet_from_dry,
)
from .fit import (
    MRD_LIMITS,
    IsothermComparison,
    IsothermFit,
    fit_isotherm,
    fit_isotherms,
    mean_relative_deviation,
    mrd_class,
)
from .isotherms import (
    MODELS,
    IsothermModel,
    IsothermParameter,
    LinearIsotherm,
    get_model,
    invert_monotone,
    model_names,
)
from .readers import IsothermData, isotherm_data, read_isotherm_data
from .salts import (
    SaltSolution,
    get_salt,
    salt_names,
    salt_water_activity,
    salts_for,
    suggest_salts,
)

__all__ = [
    "MODELS",
    "MRD_LIMITS",
    "IsothermComparison",
    "IsothermData",
    "IsothermFit",
    "IsothermModel",
    "IsothermParameter",
    "LinearIsotherm",
    "SaltSolution",
    "convert_moisture",
    "dry_from_wet",
    "fit_isotherm",
    "fit_isotherms",
    "get_model",
    "get_salt",
    "invert_monotone",
    "isotherm_data",
    "mean_relative_deviation",
    "model_names",
    "moisture_quantity",
    "mrd_class",
    "parse_basis",
    "read_isotherm_data",
    "salt_names",
    "salt_water_activity",
    "salts_for",
    "suggest_salts",
    "to_dry_basis",
    "water_activity_fraction",
    "wet_from_dry",
]
