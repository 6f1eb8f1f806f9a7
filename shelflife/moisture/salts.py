r"""Water activity of saturated salt solutions (humidity fixed points) versus temperature.

Isotherms are measured by storing samples over saturated salt solutions in closed jars
(desiccators) until their weight is constant; the air above a saturated solution holds a
fixed relative humidity that depends only on the salt and the temperature. Indonesian labs
typically use MgCl₂, K₂CO₃, Mg(NO₃)₂, NaCl, KCl and K₂SO₄ at 30 °C.

The values are those of Greenspan (1977) [1]_, Table 2, at 5 °C steps, stored with their
uncertainty and the source per row in ``shelflife/moisture/data/salts.toml``; between
tabulated temperatures the water activity and its uncertainty are interpolated linearly
(the curvature of the fitted curves makes this good to 0.02 % RH or better over a 5 °C
step). Outside the tabulated range there is no value: an error says so.

Each row records how it was verified (``check``): against a reproduction of Greenspan's
table, against Greenspan's fitting polynomial, against a rounded copy only, or not at all;
:func:`salts_for` shows it, so a lab can see which numbers rest on what.

References
----------
.. [1] L. Greenspan, "Humidity fixed points of binary saturated aqueous solutions,"
   *J. Res. Natl. Bur. Stand.*, vol. 81A, no. 1, pp. 89–96, 1977.
   https://nvlpubs.nist.gov/nistpubs/jres/81A/jresv81An1p89_A1b.pdf

Examples
--------
>>> round(salt_water_activity("NaCl", "25 °C"), 4)
0.7529
>>> round(salt_water_activity("MgCl2", "30 degC"), 4)
0.3244
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "SaltSolution",
    "salt_names",
    "get_salt",
    "salt_water_activity",
    "salts_for",
    "suggest_salts",
]

_DATA_FILE = "salts.toml"
_CHECKS = ("table", "polynomial", "rounded", "none")


@dataclass(frozen=True)
class SaltSolution:
    """A saturated salt solution with its tabulated water activity.

    Attributes
    ----------
    key : str
        Short name (the formula, e.g. ``"MgCl2"``).
    formula : str
        Chemical formula.
    name_en, name_id : str
        Name in English and Bahasa Indonesia.
    aliases : tuple of str
        Other accepted spellings (lower case).
    temperatures_c : numpy.ndarray
        Tabulated temperatures [°C].
    water_activity : numpy.ndarray
        Water activity at those temperatures [–, fraction].
    uncertainty : numpy.ndarray
        Its uncertainty as printed by Greenspan [–, fraction].
    check, u_check : tuple of str
        How each value and each uncertainty was verified (see the data file).
    source : str
        Citation of the source of the rows.
    note : str
        Verification note for the salt.
    """

    key: str
    formula: str
    name_en: str
    name_id: str
    aliases: tuple[str, ...]
    temperatures_c: np.ndarray
    water_activity: np.ndarray
    uncertainty: np.ndarray
    check: tuple[str, ...]
    u_check: tuple[str, ...]
    source: str
    note: str

    @property
    def temperature_range_c(self) -> tuple[float, float]:
        """Lowest and highest tabulated temperature [°C]."""
        return float(self.temperatures_c[0]), float(self.temperatures_c[-1])

    def at_celsius(self, t_c: Any) -> tuple[Any, Any]:
        """Water activity and uncertainty at temperatures [°C] (floats; no range check)."""
        t = np.asarray(t_c, dtype=float)
        aw = np.interp(t, self.temperatures_c, self.water_activity)
        u = np.interp(t, self.temperatures_c, self.uncertainty)
        if aw.ndim == 0:
            return float(aw), float(u)
        return aw, u

    def name(self, lang: str = "en") -> str:
        """Name in ``lang`` (``"en"`` or ``"id"``)."""
        return self.name_id if lang == "id" else self.name_en


def _normalise(name: str) -> str:
    text = str(name).strip().lower().replace("₂", "2").replace("₃", "3").replace("₄", "4")
    text = re.sub(r"\s*[·.]\s*\d*\s*h2o$", "", text)  # "MgCl2·6H2O" -> "mgcl2"
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=1)
def _load() -> dict[str, SaltSolution]:
    import tomllib
    from importlib import resources

    text = resources.files("shelflife.moisture").joinpath("data", _DATA_FILE).read_text("utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - a packaging error
        raise InputError("salt_data_invalid", reason=str(exc)) from None
    sources = raw.get("sources", {})
    out: dict[str, SaltSolution] = {}
    for item in raw.get("salt", []):
        rows = sorted(item["rows"], key=lambda r: r["t_C"])
        t = np.array([r["t_C"] for r in rows], dtype=float)
        if t.size < 2 or np.any(np.diff(t) <= 0):  # pragma: no cover - data guard
            raise InputError("salt_data_invalid", reason=f"{item['key']}: temperatures")
        checks = tuple(r.get("check", "none") for r in rows)
        if any(c not in _CHECKS for c in checks):  # pragma: no cover - data guard
            raise InputError("salt_data_invalid", reason=f"{item['key']}: check values")
        src = {r["source"] for r in rows}
        citation = "; ".join(sources.get(s, {}).get("citation", s) for s in sorted(src))
        out[item["key"]] = SaltSolution(
            key=item["key"],
            formula=item["formula"],
            name_en=item["name_en"],
            name_id=item["name_id"],
            aliases=tuple(_normalise(a) for a in item.get("aliases", ())),
            temperatures_c=t,
            water_activity=np.array([r["rh"] for r in rows], dtype=float) / 100.0,
            uncertainty=np.array([r["u"] for r in rows], dtype=float) / 100.0,
            check=checks,
            u_check=tuple(r.get("u_check", "none") for r in rows),
            source=citation,
            note=item.get("note", ""),
        )
    return out


def salt_names() -> tuple[str, ...]:
    """Keys of the tabulated salts, from the lowest to the highest water activity at 25 °C."""
    salts = _load()
    return tuple(sorted(salts, key=lambda k: salts[k].at_celsius(25.0)[0]))


def get_salt(salt: str | SaltSolution) -> SaltSolution:
    """Look a salt up by formula or name, in English or Indonesian.

    Parameters
    ----------
    salt : str
        ``"NaCl"``, ``"sodium chloride"``, ``"natrium klorida"``, ``"MgCl2·6H2O"``...

    Raises
    ------
    InputError
        ``salt_unknown``, with a suggestion for a near miss.
    """
    if isinstance(salt, SaltSolution):
        return salt
    salts = _load()
    key = _normalise(salt)
    for s in salts.values():
        if key == _normalise(s.key) or key == _normalise(s.formula) or key in s.aliases:
            return s
    import difflib

    spellings = {a: s.key for s in salts.values() for a in (*s.aliases, _normalise(s.key))}
    close = difflib.get_close_matches(key, list(spellings), n=1, cutoff=0.7)
    raise InputError(
        "salt_unknown",
        name=str(salt),
        names=", ".join(salt_names()),
        suggestion=f" Perhaps you meant '{spellings[close[0]]}'?" if close else "",
    )


def _celsius(temperature: Any) -> Any:
    from ..units import to_kelvin

    T = to_kelvin(temperature)
    return np.asarray(T, dtype=float) - 273.15 if np.ndim(T) else float(T) - 273.15


def _check_range(s: SaltSolution, t_c: Any) -> None:
    low, high = s.temperature_range_c
    t = np.atleast_1d(np.asarray(t_c, dtype=float))
    bad = t[(t < low - 1e-9) | (t > high + 1e-9)]
    if bad.size:
        raise InputError(
            "salt_temperature_out_of_range",
            salt=s.key,
            value=round(float(bad[0]), 6),
            low=low,
            high=high,
        )


def salt_water_activity(salt: str, temperature: Any, *, uncertainty: bool = False) -> Any:
    """Water activity over a saturated solution of ``salt`` at ``temperature``.

    Parameters
    ----------
    salt : str
        Formula or name (``"NaCl"``, ``"magnesium chloride"``, ``"kalium karbonat"``).
    temperature : pint.Quantity or str
        One or several temperatures, e.g. ``"30 °C"`` or ``Q_([25, 30], "degC")``.
        [°C, K or °F]
    uncertainty : bool
        Also return the uncertainty of the value.

    Returns
    -------
    float or numpy.ndarray, or tuple
        Water activity [–, fraction]; with ``uncertainty=True`` a tuple
        ``(water_activity, uncertainty)``.

    Raises
    ------
    InputError
        ``salt_unknown``; ``salt_temperature_out_of_range`` outside the tabulated range
        (no extrapolation).
    UnitError
        For a bare number as temperature.

    Examples
    --------
    >>> aw, u = salt_water_activity("NaCl", "25 °C", uncertainty=True)
    >>> round(aw, 4), round(u, 4)
    (0.7529, 0.0012)
    >>> round(salt_water_activity("K2CO3", "27.5 °C"), 5)
    0.43165
    """
    s = get_salt(salt)
    t_c = _celsius(temperature)
    _check_range(s, t_c)
    aw, u = s.at_celsius(t_c)
    return (aw, u) if uncertainty else aw


def salts_for(temperature: Any, *, lang: str = "en") -> pd.DataFrame:
    """Table of the salts tabulated at ``temperature``, from the driest to the most humid.

    Parameters
    ----------
    temperature : pint.Quantity or str
        A single temperature, e.g. ``"30 °C"``. [°C, K or °F]
    lang : {"en", "id"}
        Language of the salt names.

    Returns
    -------
    pandas.DataFrame
        Index ``salt`` (formula); columns ``name``, ``water_activity``, ``uncertainty`` [–],
        ``rh_percent`` [%], ``check`` (verification of the value, the weakest of the two
        rows interpolated between) and ``source``.

    Examples
    --------
    >>> table = salts_for("30 °C")
    >>> float(table.loc["MgCl2", "rh_percent"])
    32.44
    """
    import pandas as pd

    from ..report.i18n import check_lang

    check_lang(lang)
    t_c = float(np.asarray(_celsius(temperature), dtype=float).ravel()[0])
    rows = []
    for key in salt_names():
        s = get_salt(key)
        low, high = s.temperature_range_c
        if not low - 1e-9 <= t_c <= high + 1e-9:
            continue
        aw, u = s.at_celsius(t_c)
        rows.append(
            {
                "salt": s.key,
                "name": s.name(lang),
                "water_activity": round(aw, 6),
                "uncertainty": round(u, 6),
                "rh_percent": round(aw * 100.0, 4),
                "check": _check_at(s, t_c),
                "source": s.source,
            }
        )
    if not rows:
        raise InputError("salt_none_at_temperature", value=round(t_c, 6))
    return pd.DataFrame(rows).set_index("salt")


def _check_at(s: SaltSolution, t_c: float) -> str:
    """The weakest verification among the rows used at ``t_c``."""
    idx = np.flatnonzero(np.isclose(s.temperatures_c, t_c))
    if idx.size:
        return s.check[int(idx[0])]
    j = int(np.searchsorted(s.temperatures_c, t_c))
    pair = (s.check[j - 1], s.check[j])
    return max(pair, key=_CHECKS.index)


def suggest_salts(aw_targets: Any, temperature: Any, *, lang: str = "en") -> pd.DataFrame:
    """Choose, for each target water activity, the tabulated salt closest to it.

    Parameters
    ----------
    aw_targets : array-like, str or list of str
        Target water activities as fractions (``[0.3, 0.5, 0.75]``) or percentages
        (``["33 %", "75 %"]``).
    temperature : pint.Quantity or str
        Storage temperature of the jars, e.g. ``"30 °C"``. [°C, K or °F]
    lang : {"en", "id"}
        Language of the salt names.

    Returns
    -------
    pandas.DataFrame
        One row per target: ``target``, ``salt``, ``name``, ``water_activity``,
        ``uncertainty``, ``difference`` (salt minus target) [–] and ``check``.

    Examples
    --------
    >>> suggest_salts([0.33, 0.75], "30 °C")["salt"].tolist()
    ['MgCl2', 'NaCl']
    """
    import pandas as pd

    from .activity import water_activity_fraction

    targets = np.atleast_1d(np.asarray(water_activity_fraction(aw_targets), dtype=float))
    table = salts_for(temperature, lang=lang)
    rows = []
    for target in targets:
        diff = table["water_activity"].to_numpy() - target
        i = int(np.argmin(np.abs(diff)))
        key = table.index[i]
        rows.append(
            {
                "target": float(target),
                "salt": key,
                "name": table.loc[key, "name"],
                "water_activity": float(table.loc[key, "water_activity"]),
                "uncertainty": float(table.loc[key, "uncertainty"]),
                "difference": round(float(diff[i]), 6),
                "check": table.loc[key, "check"],
            }
        )
    return pd.DataFrame(rows)
