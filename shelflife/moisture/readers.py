"""Isotherm data: water activity and equilibrium moisture, from arrays or lab files.

:func:`isotherm_data` validates two arrays; :func:`read_isotherm_data` reads a CSV or XLSX
sheet (comma or semicolon separated, decimal point or decimal comma, through
:func:`shelflife.io.read_table`) or a DataFrame with one row per sample.

Columns are found by name, in English or Indonesian, with the unit in brackets:

==============  ===========================================================================
role            accepted headers (any case, spaces or underscores)
==============  ===========================================================================
water activity  ``aw``, ``a_w``, ``water activity``, ``aktivitas air`` (fraction, or ``[%]``)
humidity        ``RH``, ``ERH``, ``kelembaban relatif`` (percent unless the unit says else)
moisture        ``moisture``, ``moisture content``, ``Me``, ``EMC``, ``kadar air``,
                ``kadar air kesetimbangan``, with unit and basis: ``[% db]``, ``(% bk)``,
                ``[g/g db]``, ``[% wb]``, ``(% bb)``
salt            ``salt``, ``garam``, ``larutan garam`` (water activity from the salts table
                at ``temperature``)
==============  ===========================================================================

*bk* (basis kering) is dry basis and *bb* (basis basah) wet basis.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"aw": [0.11, 0.33, 0.75], "kadar air [% bk]": ["2,1", "4,0", "11,5"]})
>>> data = read_isotherm_data(df)
>>> data.moisture.round(3).tolist(), data.input_basis
([0.021, 0.04, 0.115], 'dry')
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError, Notice, UnitError
from .activity import water_activity_fraction
from .basis import _strip_basis_words, _to_dry, parse_basis

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["IsothermData", "isotherm_data", "read_isotherm_data"]

_ROLES: dict[str, tuple[str, ...]] = {
    "aw": ("aw", "a_w", "water_activity", "aktivitas_air", "activity", "a_w_sampel"),
    "rh": (
        "rh",
        "erh",
        "relative_humidity",
        "kelembaban_relatif",
        "kelembapan_relatif",
        "kelembaban",
        "kelembapan",
        "rh_kesetimbangan",
        "erh_kesetimbangan",
    ),
    "moisture": (
        "moisture",
        "moisture_content",
        "m",
        "me",
        "emc",
        "ka",
        "x",
        "xe",
        "m_e",
        "equilibrium_moisture",
        "equilibrium_moisture_content",
        "kadar_air",
        "kadar_air_kesetimbangan",
        "kadar_air_setimbang",
    ),
    "salt": (
        "salt",
        "garam",
        "larutan_garam",
        "saturated_salt",
        "salt_solution",
        "larutan_garam_jenuh",
    ),
}
_BASIS_SUFFIXES = {"_db": "dry", "_bk": "dry", "_wb": "wet", "_bb": "wet"}


@dataclass(frozen=True)
class IsothermData:
    """Validated isotherm data, sorted by water activity.

    Attributes
    ----------
    aw : numpy.ndarray
        Water activity [–, fraction], strictly between 0 and 1.
    moisture : numpy.ndarray
        Equilibrium moisture on dry basis [g/g], positive.
    input_basis : str
        Basis the moisture was given on (``"dry"`` or ``"wet"``).
    temperature : float or None
        Temperature of the measurements [K], if given.
    rows : numpy.ndarray or None
        Spreadsheet row of each point (files and DataFrames).
    file : str or None
        The file read.
    notices : tuple of Notice
        Data warnings (``isotherm_not_monotone``, ``moisture_dry_basis_high``).
    """

    aw: np.ndarray
    moisture: np.ndarray
    input_basis: str = "dry"
    temperature: float | None = None
    rows: np.ndarray | None = None
    file: str | None = None
    notices: tuple[Notice, ...] = field(default=())

    @property
    def n(self) -> int:
        """Number of points."""
        return int(self.aw.size)

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the data (water activity and dry-basis moisture)."""
        return {
            "water_activity": [float(x) for x in self.aw],
            "moisture": [float(x) for x in self.moisture],
            "moisture_unit": "g/g",
            "basis": "dry",
            "input_basis": self.input_basis,
            "rows": None if self.rows is None else [int(r) for r in self.rows],
            "file": self.file,
        }


def _monotone_notice(aw: np.ndarray, m: np.ndarray) -> Notice | None:
    levels = np.unique(aw)
    means = np.array([m[aw == a].mean() for a in levels])
    drops = np.flatnonzero(np.diff(means) < 0)
    if drops.size == 0:
        return None
    i = int(drops[0])
    return Notice(
        "isotherm_not_monotone",
        "plausibility",
        None,
        {
            "aw_low": float(levels[i]),
            "aw_high": float(levels[i + 1]),
            "m_low": float(means[i]),
            "m_high": float(means[i + 1]),
        },
    )


def _temperature_k(temperature: Any) -> float | None:
    if temperature is None:
        return None
    from ..units import to_kelvin

    return float(to_kelvin(temperature))


def _finish(
    aw: np.ndarray,
    m: np.ndarray,
    *,
    input_basis: str,
    temperature: float | None,
    notices: list[Notice],
    rows: np.ndarray | None = None,
    file: str | None = None,
) -> IsothermData:
    where = {"file": file} if file else {}
    if aw.size != m.size:
        raise InputError("isotherm_lengths_differ", n_aw=int(aw.size), n_m=int(m.size))
    bad = np.flatnonzero(~np.isfinite(aw) | ~np.isfinite(m))
    if bad.size:
        i = int(bad[0])
        raise InputError(
            "isotherm_value_missing",
            position=i + 1,
            **where,
            **({"row": int(rows[i])} if rows is not None else {}),
        )
    zero = np.flatnonzero(m <= 0)
    if zero.size:
        i = int(zero[0])
        raise InputError(
            "moisture_negative",
            what="equilibrium moisture",
            value=float(m[i]),
            **where,
            **({"row": int(rows[i])} if rows is not None else {}),
        )
    if np.unique(aw).size < 2:
        raise InputError("isotherm_one_water_activity", value=float(aw[0]) if aw.size else 0.0)
    order = np.argsort(aw, kind="stable")
    aw, m = aw[order], m[order]
    rows = None if rows is None else np.asarray(rows)[order]
    note = _monotone_notice(aw, m)
    if note is not None:
        notices.append(note)
    return IsothermData(
        aw=aw,
        moisture=m,
        input_basis=input_basis,
        temperature=temperature,
        rows=rows,
        file=file,
        notices=tuple(notices),
    )


def isotherm_data(
    aw: Any, moisture: Any, *, basis: str | None = None, temperature: Any = None
) -> IsothermData:
    """Validate water activities and equilibrium moistures given as arrays.

    Parameters
    ----------
    aw : array-like, list of str or pint.Quantity
        Water activities as fractions (``[0.11, 0.33]``) or percentages
        (``["11 %", "33 %"]``, ``Q_([11, 33], "%")``).
    moisture : array-like, list of str or pint.Quantity
        Equilibrium moistures; plain numbers are g/g.
    basis : {"dry", "wet"}
        Basis of ``moisture`` (required).
    temperature : pint.Quantity or str, optional
        Temperature of the measurements. [°C, K or °F]

    Returns
    -------
    IsothermData

    Raises
    ------
    InputError
        ``water_activity_above_one`` (probably % RH), ``water_activity_not_inside``,
        ``moisture_basis_missing``, ``moisture_negative`` (zero or negative moisture),
        ``moisture_wet_basis_impossible``, ``isotherm_lengths_differ``,
        ``isotherm_value_missing``, ``isotherm_one_water_activity``.
    """
    a = np.atleast_1d(np.asarray(water_activity_fraction(aw, open_interval=True), dtype=float))
    m_db, notices, b = _to_dry(moisture, basis, what="equilibrium moisture")
    m = np.atleast_1d(np.asarray(m_db, dtype=float))
    return _finish(a, m, input_basis=b, temperature=_temperature_k(temperature), notices=notices)


def _role_columns(df: pd.DataFrame, columns: Mapping[str, str] | None) -> dict[str, Any]:
    from ..io.headers import normalise, parse_header

    found: dict[str, Any] = {}
    headers = [parse_header(c) for c in df.columns]
    if columns:
        for role, name in columns.items():
            if role not in _ROLES:
                raise InputError(
                    "option_unknown", what="column role", value=role, choices=", ".join(_ROLES)
                )
            target = normalise(parse_header(name).name)
            matches = [i for i, h in enumerate(headers) if normalise(h.name) == target]
            if not matches:
                raise InputError(
                    "column_missing",
                    column=name,
                    found=", ".join(str(c) for c in df.columns),
                    suggestion="",
                )
            found[role] = (matches[0], headers[matches[0]], None)
    for i, h in enumerate(headers):
        key, basis = h.key, None
        for suffix, b in _BASIS_SUFFIXES.items():
            if key.endswith(suffix) and key[: -len(suffix)] in _ROLES["moisture"]:
                key, basis = key[: -len(suffix)], b
        for role, names in _ROLES.items():
            if key in names and role not in found:
                found[role] = (i, h, basis)
    return found


def _cells(df: pd.DataFrame, position: int, header: Any, rows: np.ndarray, file: str | None):
    from ..io.cells import cell_to_float, is_blank

    decimal = df.attrs.get("decimal")
    out = np.empty(len(df.index))
    for k, value in enumerate(df.iloc[:, position].tolist()):
        where = {"file": file, "row": int(rows[k]), "column": header.text}
        if is_blank(value):
            raise InputError("cell_missing", **where)
        try:
            out[k] = cell_to_float(value, decimal)
        except ValueError:
            raise InputError("cell_not_numeric", value=str(value), **where) from None
    return out


def _moisture_scale(
    header: Any, values: np.ndarray, file: str | None, unit: str | None
) -> tuple[float, str | None]:
    """Factor to g/g from the header unit (or ``unit``), and a basis written in it."""
    from ..units import get_registry, parse_unit

    text, basis = _strip_basis_words(header.unit) if header.unit is not None else ("", None)
    if text and unit is not None and _unit_key(text) != _unit_key(unit):
        raise UnitError(
            "unit_conflict",
            header_unit=header.unit,
            toml_unit=unit,
            column=header.text,
            file=file,
        )
    text = text or (unit or "")
    if not text:
        if np.any(values > 1.0):
            raise UnitError("isotherm_moisture_unit_missing", column=header.text, file=file)
        return 1.0, basis
    try:
        parsed = parse_unit(_unit_key(text))
    except UnitError:
        raise UnitError(
            "moisture_unit_invalid", value=text, column=header.text, file=file
        ) from None
    if not parsed.dimensionless:
        raise UnitError("moisture_unit_invalid", value=text, column=header.text, file=file)
    return float(get_registry().Quantity(1.0, parsed).to("").magnitude), basis


def _unit_key(text: str) -> str:
    out = re.sub(r"\s+", "", str(text)).lower()
    return {"percent": "%", "g/g": "g/g", "kg/kg": "g/g", "gram/gram": "g/g"}.get(out, out)


def _temperature_column(
    df: pd.DataFrame, rows: np.ndarray, file: str | None
) -> tuple[np.ndarray | None, str | None]:
    """Temperatures [K] per row from a ``temperature``/``suhu`` column, if there is one."""
    from ..io.cells import cell_to_float, is_blank
    from ..io.headers import ROLE_ALIASES, parse_header
    from ..units import get_registry, parse_unit

    for position, name in enumerate(df.columns):
        h = parse_header(name)
        if h.key not in ROLE_ALIASES["temperature"]:
            continue
        unit = None
        values = np.full(len(df.index), np.nan)
        for k, value in enumerate(df.iloc[:, position].tolist()):
            if is_blank(value):
                continue
            where = {"file": file, "row": int(rows[k]), "column": h.text}
            if unit is None:
                if h.unit is None:
                    raise UnitError(
                        "unit_missing", what="temperature", examples="'suhu (°C)'", **where
                    )
                unit = parse_unit(h.unit, expected="temperature", where=where)
            try:
                number = cell_to_float(value, df.attrs.get("decimal"))
            except ValueError:
                raise InputError("cell_not_numeric", value=str(value), **where) from None
            values[k] = get_registry().Quantity(number, unit).to("K").magnitude
        return values, h.text
    return None, None


def _refuse_fractions_as_percent(raw: np.ndarray, column: str, where: dict[str, Any]) -> None:
    """A % RH column of water activities (0.11 ... 0.90) would give aw of 0.001-0.009."""
    from ..io.table import rh_fraction_notice

    notice = rh_fraction_notice(raw, column)
    if notice is not None:
        raise InputError("rh_looks_like_fraction", column=column, **notice.params, **where)


def read_isotherm_data(
    source: Any,
    *,
    basis: str | None = None,
    temperature: Any = None,
    unit: str | None = None,
    columns: Mapping[str, str] | None = None,
    sheet: str | None = None,
) -> IsothermData:
    """Read isotherm data from a CSV/XLSX file, a DataFrame or a mapping of columns.

    One row per sample at equilibrium (replicates as separate rows). Rows whose moisture
    cell is blank (jars not weighed, as in a freshly printed sheet) are left out with a
    notice. Where the water activity cell is blank and a salt is named, the water activity
    comes from the salts table at the row's temperature (a ``temperature (°C)``/``suhu``
    column) or at ``temperature``.

    Parameters
    ----------
    source : str, os.PathLike, pandas.DataFrame or mapping
        The data sheet.
    basis : {"dry", "wet"}, optional
        Basis of the moisture column; required unless its header says it (``[% bk]``).
    temperature : pint.Quantity or str, optional
        Temperature of the jars (used where the sheet has no temperature column).
        [°C, K or °F]
    unit : {"g/g", "%"}, optional
        Unit of the moisture column when its header has none (``study.toml``'s
        ``[moisture] unit``); must agree with the header when both are given.
    columns : mapping, optional
        Explicit headers per role, e.g. ``{"aw": "A_w", "moisture": "KA (%)"}``.
    sheet : str, optional
        Worksheet of an XLSX workbook.

    Returns
    -------
    IsothermData

    Raises
    ------
    InputError
        ``isotherm_columns_missing`` when no water activity (or salt) or no moisture column
        is found; ``table_empty`` when no row has a moisture value; cell errors with file,
        row and column; the errors of :func:`isotherm_data`.
    UnitError
        ``isotherm_moisture_unit_missing`` for a moisture column without unit holding values
        above 1 (percent or g/g?); ``unit_conflict`` when ``unit`` and the header differ.
    """
    import pandas as pd

    from ..io.cells import is_blank

    file = None
    if isinstance(source, (str, os.PathLike)):
        from ..io import read_table

        file = str(source)
        df = read_table(source, sheet=sheet)
    elif isinstance(source, pd.DataFrame):
        df = source
    elif isinstance(source, Mapping):
        df = pd.DataFrame(dict(source))
    else:
        raise InputError(
            "option_unknown",
            what="isotherm data",
            value=type(source).__name__,
            choices="a file path, a DataFrame or a mapping of columns",
        )
    from ..io.table import source_rows

    rows = source_rows(df)
    roles = _role_columns(df, columns)
    where = {"file": file} if file else {}
    if "moisture" not in roles or not ({"aw", "rh", "salt"} & set(roles)):
        raise InputError(
            "isotherm_columns_missing",
            found=", ".join(str(c) for c in df.columns),
            **where,
        )
    notices: list[Notice] = []
    # ------------------------------------------------- rows with a moisture value
    pos_m, header_m, key_basis = roles["moisture"]
    keep = np.array([not is_blank(v) for v in df.iloc[:, pos_m].tolist()], dtype=bool)
    if not keep.any():
        raise InputError("table_empty", **where)
    if not keep.all():
        notices.append(
            Notice(
                "isotherm_rows_without_moisture",
                "plausibility",
                None,
                {"rows": ", ".join(str(int(r)) for r in rows[~keep]), "n": int((~keep).sum())},
            )
        )
    df = df.iloc[np.flatnonzero(keep)]
    rows = rows[keep]
    T_arg = _temperature_k(temperature)
    T_rows, t_header = _temperature_column(df, rows, file)
    # ------------------------------------------------------------ water activity
    aw = np.full(len(df.index), np.nan)
    if "aw" in roles or "rh" in roles:
        role = "aw" if "aw" in roles else "rh"
        pos, header, _ = roles[role]
        aw_unit = (header.unit or "").strip()
        percent = aw_unit in ("%", "% RH", "%RH", "percent") or (role == "rh" and not aw_unit)
        if aw_unit and not percent and aw_unit not in ("-", "–", "fraction", "1"):
            raise UnitError(
                "water_activity_unit_invalid", value=aw_unit, column=header.text, **where
            )
        filled = np.array([not is_blank(v) for v in df.iloc[:, pos].tolist()], dtype=bool)
        if filled.any() and not ("salt" in roles and not filled.all()):
            raw = _cells(df, pos, header, rows, file)
        elif filled.any():
            sub = df.iloc[np.flatnonzero(filled)]
            raw = np.full(len(df.index), np.nan)
            raw[filled] = _cells(sub, pos, header, rows[filled], file)
        else:
            raw = np.full(len(df.index), np.nan)
            if "salt" not in roles:
                raise InputError("cell_missing", row=int(rows[0]), column=header.text, **where)
        if percent:
            _refuse_fractions_as_percent(raw, header.text, where)
        aw = raw / 100.0 if percent else raw
        for k, value in enumerate(aw):
            if np.isfinite(value):
                water_activity_fraction(
                    float(value),
                    open_interval=True,
                    where={"file": file, "row": int(rows[k]), "column": header.text},
                )
    if np.any(np.isnan(aw)):
        from .salts import salt_water_activity

        pos, header, _ = roles["salt"]
        for k, value in enumerate(df.iloc[:, pos].tolist()):
            if np.isfinite(aw[k]):
                continue
            loc = {"file": file, "row": int(rows[k]), "column": header.text}
            if is_blank(value):
                raise InputError("cell_missing", **loc)
            T = T_rows[k] if T_rows is not None and np.isfinite(T_rows[k]) else T_arg
            if T is None:
                raise InputError("isotherm_salt_needs_temperature", **loc)
            try:
                aw[k] = salt_water_activity(str(value).strip(), f"{T} K")
            except InputError as exc:
                raise InputError(exc.code, **loc, **exc.params) from None
    # ------------------------------------------------------------------ moisture
    raw = _cells(df, pos_m, header_m, rows, file)
    factor, unit_basis = _moisture_scale(header_m, raw, file, unit)
    written = unit_basis or key_basis
    if written is not None and basis is not None and parse_basis(basis) != written:
        raise InputError(
            "moisture_basis_conflict",
            written=written,
            given=parse_basis(basis),
            column=header_m.text,
            **where,
        )
    b = parse_basis(basis if basis is not None else written, what=f"column '{header_m.text}'")
    negative = np.flatnonzero(np.isfinite(raw) & (raw < 0))
    if negative.size:  # say which row (the basis conversion below knows only the column)
        k = int(negative[0])
        raise InputError(
            "moisture_negative",
            what="equilibrium moisture",
            value=float(raw[k] * factor),
            row=int(rows[k]),
            column=header_m.text,
            **where,
        )
    m_db, more, _ = _to_dry(
        raw * factor, b, what="equilibrium moisture", where={"column": header_m.text, **where}
    )
    notices.extend(more)
    T_data = T_arg
    if T_data is None and T_rows is not None:
        finite = T_rows[np.isfinite(T_rows)]
        if finite.size and np.ptp(finite) < 0.01:
            T_data = float(finite.mean())
    return _finish(
        np.asarray(aw, dtype=float),
        np.asarray(m_db, dtype=float),
        input_basis=b,
        temperature=T_data,
        notices=notices,
        rows=rows,
        file=file,
    )
