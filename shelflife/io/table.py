"""Build a validated :class:`~shelflife.study.Study` from a table of measurements.

The table may come from :func:`~shelflife.io.read_table` (strings, with source row numbers
as index) or from the user (any DataFrame). Units come from the headers (``time [week]``)
and from the caller (``units=``, ``Attribute.unit``); where both are given they must agree.
Values are converted once into working units: time in days, temperature in kelvin, each
attribute as a float in its declared unit.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError, Notice, UnitError
from ..study import (
    METHODS,
    MODEL_CHOICES,
    TEMPERATURE,
    TEMPERATURE_MODEL_CHOICES,
    TIME,
    Attribute,
    Study,
)
from ..units import (
    STORAGE_TEMPERATURE_RANGE_K,
    get_registry,
    parse_unit,
    quantity,
    to_kelvin,
    to_percent,
)
from ._hints import HintedInputError, HintedUnitError, relocate
from .cells import cell_to_float, cells_to_floats, is_blank
from .columns import OPTIONAL_ROLES, Column, map_columns
from .headers import IMPLIED_UNITS, normalise, parse_header, role_of, temperature_unit_alias

__all__ = [
    "study_from_table",
    "resolve_unit",
    "convert_limit",
    "storage_kelvin",
    "source_rows",
]

_ATTRIBUTE_FIELDS = tuple(f.name for f in dataclasses.fields(Attribute))
_RANGE_TEXT = ("-80 °C", "100 °C")
#: Storage temperatures from which a °C column is suspected to hold °F [°C]: an accelerated
#: food study keeps at least one chamber at 50 °C or below, while storage temperatures
#: written in °F (59-95 °F, 15-35 °C) all lie at 55 or more.
_FAHRENHEIT_FROM_C = 55.0
# one separator followed by three digits: a decimal or a thousands separator?
_GROUPING = re.compile(r"\s*[-+]?\d{1,3}[.,]\d{3}\s*")
# a number followed by a unit in one cell ("25 °C", "7 days", "1,5 meq/kg")
_NUMBER_UNIT = re.compile(
    r"\s*[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?\s*([^\d\s].*?)\s*"
)
_COMMA_DECIMAL = re.compile(r"\s*[-+]?\d*,\d+\s*")
_POINT_DECIMAL = re.compile(r"\s*[-+]?\d*\.\d+\s*")
_ROWS_SHOWN = 5


def study_from_table(
    df: pd.DataFrame,
    attributes: Sequence[Attribute | Mapping[str, Any]],
    *,
    name: str = "study",
    product: str = "",
    storage: Any = ("30 degC",),
    units: Mapping[str, str] | None = None,
    file: str | None = None,
    storage_rh: Any = None,
    method: str = "kinetics",
) -> Study:
    """Validate a table of measurements and convert it into a :class:`Study`.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per measurement, values as numbers or strings (decimal point or decimal
        comma). Required columns: time, temperature (also ``waktu``/``hari`` and ``suhu``)
        and one per attribute; optional: replicate (``ulangan``), rh [%], batch,
        formulation. Headers may carry units, ``time [week]`` or ``suhu (°C)``. If the
        index is named ``"row"`` (as from :func:`read_table`) it gives the source row
        numbers; otherwise the first row is taken to be row 2, below a header in row 1.
        The DataFrame is not modified.
    attributes : sequence of Attribute or dict
        Attributes to analyse. ``unit`` may be empty when the header carries it; ``limit``
        is a number [attribute unit] or a quantity such as ``"10 meq/kg"``.
    name, product : str
        Identifier and description of the study.
    storage : temperature-like or sequence of temperature-like
        Temperatures at which shelf life is wanted (``"30 degC"``, a Quantity); bare
        numbers are refused.
    units : mapping, optional
        Column name -> unit for columns whose header has no unit.
    file : str, optional
        Source file named in error messages.

    Returns
    -------
    Study
        ``data`` has columns ``time_day`` [day], ``temperature_K`` [K], any of
        ``replicate``, ``rh`` [%], ``batch``, ``formulation``, then one float column per
        attribute [attribute unit]; the index (``"row"``) holds source row numbers.

    Raises
    ------
    InputError
        Missing or duplicate columns, non-numeric or missing cells, negative times,
        implausible temperatures, a single temperature, an attribute without data or with
        constant values.
    UnitError
        Missing, unknown, conflicting or wrong-dimension units.
    """
    attrs = _attributes(attributes)
    if len(df.index) == 0 or len(df.columns) == 0:
        raise InputError("table_empty", file=file)
    names = [a.name for a in attrs]
    try:
        cols = map_columns(list(df.columns), names, file=file)
    except InputError as exc:
        below = _header_below(df, file) if exc.code == "column_missing" else None
        if below is not None:
            raise below from None
        raise
    declared = _declared_units(units, cols, file)
    keep = _measured_rows(df, [cols[r] for r in ("time", "temperature", *names)])
    if not keep.any():
        raise InputError("table_empty", file=file)
    table = _Table(
        df if keep.all() else df.iloc[np.flatnonzero(keep)],
        source_rows(df)[keep],
        file,
        df.attrs.get("decimal"),
    )

    table.check_decimal_marks(
        [cols[r] for r in ("time", "temperature", "rh", *names) if r in cols]
    )
    time_unit, time_day = table.time(cols["time"], declared.get("time"))
    if not (time_day > 0).any():
        raise InputError("no_pulls_after_start", file=file, column=cols["time"].header.text)
    temp_unit, temp_k = table.temperature(cols["temperature"], declared.get("temperature"))
    if method not in METHODS:
        raise InputError(
            "option_unknown", what="method", value=method, choices=", ".join(METHODS), file=file
        )
    if method == "kinetics" and np.unique(np.round(temp_k, 6)).size < 2:
        first = table.raw(cols["temperature"])[0]
        raise InputError(
            "one_temperature",
            temperature=f"{str(first).strip()} {table.unit_text}",
            column=cols["temperature"].header.text,
            file=file,
        )
    data: dict[str, Any] = {TIME: time_day, TEMPERATURE: temp_k}
    for role in OPTIONAL_ROLES:
        if role in cols:
            data[role] = table.optional(role, cols[role], declared.get(role))
    final = []
    for i, attr in enumerate(attrs):
        unit, values = table.attribute(attr, cols[attr.name], declared.get(attr.name))
        limit = convert_limit(
            attr.limit, unit, attribute=attr.name, file=file, key=f"attributes[{i}].limit"
        )
        final.append(dataclasses.replace(attr, unit=unit, limit=limit))
        data[attr.name] = values
    frame = pd.DataFrame(data, index=pd.Index(table.rows, name="row", dtype="int64"))
    table.check_duplicates(frame)
    return Study(
        name=name,
        product=product,
        data=frame,
        attributes=tuple(final),
        storage_temperatures=storage_kelvin(storage),
        time_unit=time_unit,
        temperature_unit=temp_unit,
        storage_rh=None if storage_rh is None else float(to_percent(storage_rh)),
        method=method,
        notices=tuple(table.notices),
        # headers as written, so that later errors about a value name the user's column
        source={"columns": {a.name: cols[a.name].header.text for a in final}},
    )


# ---------------------------------------------------------------------------- attributes


def _attributes(attributes: Sequence[Attribute | Mapping[str, Any]]) -> list[Attribute]:
    if isinstance(attributes, (Attribute, Mapping)):
        attributes = [attributes]
    out: list[Attribute] = []
    for i, item in enumerate(attributes):
        attr = item if isinstance(item, Attribute) else _attribute_from_mapping(item, i)
        key = f"attributes[{i}]"
        for field, choices in (
            ("direction", ("max", "min")),
            ("model", MODEL_CHOICES),
            ("temperature_model", TEMPERATURE_MODEL_CHOICES),
        ):
            value = getattr(attr, field)
            if value not in choices:
                raise InputError(
                    "option_unknown",
                    what=field,
                    value=value,
                    choices=", ".join(repr(c) for c in choices),
                    key=f"{key}.{field}",
                )
        if attr.reaction is not None:
            from ..library import get_reaction

            try:
                get_reaction(attr.reaction)
            except InputError as exc:
                raise InputError(exc.code, key=f"{key}.reaction", **exc.params) from None
        if any(normalise(a.name) == normalise(attr.name) for a in out):
            raise InputError("attribute_duplicate", name=attr.name, key=f"{key}.name")
        out.append(attr)
    if not out:
        raise InputError("no_attributes")
    return out


def _attribute_from_mapping(item: Mapping[str, Any], index: int) -> Attribute:
    for field in item:
        if field not in _ATTRIBUTE_FIELDS:
            raise InputError(
                "option_unknown",
                what="attribute field",
                value=field,
                choices=", ".join(_ATTRIBUTE_FIELDS),
                key=f"attributes[{index}].{field}",
            )
    for field in ("name", "limit"):
        if field not in item:
            example = 'name = "peroxide_value"' if field == "name" else "limit = 10.0"
            raise InputError(
                "toml_missing_key", name=field, example=example, key=f"attributes[{index}]"
            )
    return Attribute(**{"unit": "", **item})


def convert_limit(
    limit: Any, unit: str, *, attribute: str, file: str | None = None, key: str | None = None
) -> float:
    """Express a critical limit as a float in the attribute's unit.

    Parameters
    ----------
    limit : float or str or pint.Quantity
        A number (already in ``unit``) or a quantity such as ``"10 meq/kg"`` or
        ``"12 g/100 g"``.
    unit : str
        The attribute's unit.
    attribute : str
        Attribute name, for messages.
    file, key : str, optional
        Location for messages.

    Returns
    -------
    float
        The limit [attribute unit].

    Raises
    ------
    UnitError
        ``unit_wrong_dimension`` when the limit's unit cannot be converted to ``unit``.
    InputError
        ``limit_invalid`` when the limit is not a finite number (also text without a number,
        such as ``"ten"``).
    """
    where = {"file": file, "key": key}
    if isinstance(limit, bool) or limit is None:
        raise InputError("limit_invalid", attribute=attribute, value=limit, unit=unit, **where)
    if isinstance(limit, (int, float, np.integer, np.floating)):
        try:
            value = float(limit)
        except OverflowError:  # an integer of hundreds of digits (TOML allows it)
            value = math.inf
    elif isinstance(limit, str) and not re.match(r"\s*[-+]?\.?\d", limit):
        # "ten", "max", "" (no number at all): say what a limit looks like
        raise InputError("limit_invalid", attribute=attribute, value=limit, unit=unit, **where)
    else:
        try:
            q = quantity(limit, unit, what="limit")
        except UnitError as exc:
            raise relocate(exc, **where) from None
        target = parse_unit(unit, where=where)
        if q.dimensionality != target.dimensionality:
            raise UnitError(
                "unit_wrong_dimension",
                unit=f"{q.units:~P}",
                expected=f"'{unit}'",
                actual=str(q.dimensionality) if not q.dimensionless else "dimensionless",
                examples=f"'{q.magnitude:g} {unit}'",
                **where,
            )
        value = float(q.to(target).magnitude)
    if not np.isfinite(value):
        raise InputError("limit_invalid", attribute=attribute, value=limit, unit=unit, **where)
    return value


# --------------------------------------------------------------------------------- units


def _same_unit(a: Any, b: Any) -> bool:
    if a == b:
        return True
    if a.dimensionality != b.dimensionality:
        return False
    reg = get_registry()
    one = reg.Quantity(1.0, a).to(b).magnitude
    zero = reg.Quantity(0.0, a).to(b).magnitude
    return bool(np.isclose(one, 1.0, rtol=1e-12) and np.isclose(zero, 0.0, atol=1e-12))


def resolve_unit(
    header_unit: str | None,
    declared_unit: str | None,
    *,
    expected: str | None = None,
    file: str | None = None,
    column: str | None = None,
    key: str | None = None,
) -> str | None:
    """Choose a column's unit from its header and from a declaration; they must agree.

    Parameters
    ----------
    header_unit : str or None
        Unit written in the header (``"meq/kg"`` in ``peroxide_value [meq/kg]``).
    declared_unit : str or None
        Unit declared elsewhere (study.toml, ``units=``, ``Attribute.unit``).
    expected : {"time", "temperature"}, optional
        Dimension the unit must have.
    file, column, key : str, optional
        Location for messages.

    Returns
    -------
    str or None
        The unit as written (the declaration's spelling if both are given), or ``None``
        if neither is given.

    Raises
    ------
    UnitError
        ``unit_conflict``, ``unit_unknown`` or ``unit_wrong_dimension``.
    """
    where = {"file": file, "column": column, "key": key}
    given = [u.strip() for u in (header_unit, declared_unit) if u and u.strip()]
    if expected == "temperature":
        given = [temperature_unit_alias(u) for u in given]
    parsed = [parse_unit(u, expected=expected, where=where) for u in given]
    if len(parsed) == 2 and not _same_unit(*parsed):
        raise UnitError("unit_conflict", header_unit=header_unit, toml_unit=declared_unit, **where)
    return given[-1] if given else None


def _short_unit(unit: Any) -> str:
    """Short pint spelling: "degC", "K", "degF" for temperatures, "week", "day"... else."""
    temperatures = {"degree_Celsius": "degC", "kelvin": "K", "degree_Fahrenheit": "degF"}
    text = format(unit, "D")  # full names ("week", "day"), whatever the registry's default
    return temperatures.get(text, text)


def _declared_units(
    units: Mapping[str, str] | None, cols: dict[str, Column], file: str | None
) -> dict[str, str]:
    """Map ``units=`` onto column roles, by role name or by header name."""
    out: dict[str, str] = {}
    by_key = {normalise(target): target for target in cols}
    by_key.update({col.header.key: target for target, col in cols.items()})
    for label, unit in (units or {}).items():
        target = by_key.get(normalise(label))
        if target is None:
            raise InputError(
                "option_unknown",
                what="units key",
                value=label,
                choices=", ".join(repr(t) for t in cols),
                file=file,
            )
        out[target] = unit
    return out


def storage_kelvin(
    storage: Any, *, file: str | None = None, key: str = "storage"
) -> tuple[float, ...]:
    """Convert storage temperatures (strings or Quantities) to kelvin.

    Parameters
    ----------
    storage : str or pint.Quantity or sequence of them
        E.g. ``["30 degC", "25 °C"]`` or ``Q_([25, 30], "degC")``. Bare numbers raise.
    file : str, optional
        File named in messages.
    key : str
        Key named in messages; items are reported as ``key[i]``.

    Returns
    -------
    tuple of float
        Temperatures [K].

    Raises
    ------
    UnitError
        ``bare_number``, ``unit_unknown``, ``unit_wrong_dimension``.
    InputError
        ``storage_empty``, ``temperature_implausible``.
    """
    items, scalar = _storage_items(storage)
    out = []
    for i, item in enumerate(items):
        where = {"file": file, "key": f"{key}[{i}]" if not scalar else key}
        try:
            kelvin = float(to_kelvin(item))
        except UnitError as exc:
            raise relocate(exc, **where) from None
        except (TypeError, ValueError):  # a list or table inside the list, an array...
            example = {"example": '"30 degC"'}
            raise HintedInputError(
                "toml_bad_value",
                hints={
                    "reason": ("hint_type_string", "what", example),
                    "fix": ("hint_type_string", "fix", example),
                },
                value=item,
                **where,
            ) from None
        low, high = STORAGE_TEMPERATURE_RANGE_K
        if not low <= kelvin <= high:
            text = item if isinstance(item, str) else f"{item:~P}"
            raise InputError(
                "temperature_implausible",
                value=text,
                low=_RANGE_TEXT[0],
                high=_RANGE_TEXT[1],
                **where,
            )
        out.append(kelvin)
    if not out:
        raise InputError("storage_empty", file=file, key=key)
    return tuple(out)


def _storage_items(storage: Any) -> tuple[list[Any], bool]:
    """Split ``storage`` into items; the flag says it was a single temperature."""
    if isinstance(storage, str):
        return [storage], True
    if isinstance(storage, (list, tuple)):  # items of any type (from TOML): checked one by one
        return list(storage), False
    if hasattr(storage, "units") and hasattr(storage, "magnitude"):
        if np.ndim(storage.magnitude) == 0:
            return [storage], True
        return [storage[i] for i in range(len(storage))], False
    if np.ndim(storage) == 0:
        return [storage], True
    return list(storage), False


# ---------------------------------------------------------------------------------- rows


def source_rows(df: pd.DataFrame) -> np.ndarray:
    """Spreadsheet row numbers of ``df``'s rows.

    The index itself when it is named ``"row"`` and holds integers (as produced by
    :func:`read_table`); otherwise 2, 3, ... (a header in row 1, then one row per record).
    """
    index = df.index
    if index.name == "row" and pd.api.types.is_integer_dtype(index.dtype):
        return np.asarray(index, dtype=np.int64)
    return np.arange(2, len(index) + 2, dtype=np.int64)


@functools.lru_cache(maxsize=8)
def _named_unit(name: str):
    return get_registry().Unit(name)


def _header_below(df: pd.DataFrame, file: str | None) -> InputError | None:
    """``header_not_first_row`` when a row below the header names time and temperature.

    A title, a note or a merged cell above the table makes the reader take it for the
    header; the real header then sits among the first rows of data.
    """
    cells = df.to_numpy(dtype=object, copy=False)
    rows = source_rows(df)
    for i in range(min(len(df.index), 10)):
        texts = [str(c).strip() for c in cells[i] if not is_blank(c)]
        roles = {role_of(parse_header(t).key) for t in texts}
        if {"time", "temperature"} <= roles:
            title = ", ".join(
                str(c).strip() for c in df.columns if not str(c).startswith("column ")
            )
            return InputError(
                "header_not_first_row",
                title=title,
                header_row=int(rows[i]),
                found=", ".join(f"'{t}'" for t in texts[:6]),
                file=file,
                row=int(df.attrs.get("header_row", 1)),
            )
    return None


def _unit_in_cell(text: str) -> str | None:
    """The unit of a cell written as number and unit (``"25 °C"``, ``"7 days"``), else None."""
    match = _NUMBER_UNIT.fullmatch(text)
    if match is None:
        return None
    unit = match.group(1)
    try:
        parse_unit(temperature_unit_alias(unit))
    except (UnitError, ValueError, TypeError):
        return None
    return unit


def rh_fraction_notice(percent: Any, source: str) -> Notice | None:
    """Notice ``rh_looks_like_fraction`` when every relative humidity is between 0 and 1 %.

    Such values are water activities written into a percent column (0.75 for 75 %); no
    storage study runs at 1 % RH or less.

    Parameters
    ----------
    percent : float or array of float
        Relative humidities [%] (NaN for missing).
    source : str
        The column header or TOML key, for the message.
    """
    values = np.atleast_1d(np.asarray(percent, dtype=float))
    values = values[np.isfinite(values)]
    if values.size == 0 or not (0 < values.max() <= 1):
        return None
    return Notice(
        "rh_looks_like_fraction",
        "plausibility",
        None,
        {"source": source, "high": float(values.max())},
    )


def _row_list(rows: Sequence[int]) -> str:
    """``"12, 13, 40, …"``: the first few row numbers, an ellipsis if there are more."""
    shown = ", ".join(str(int(r)) for r in rows[:_ROWS_SHOWN])
    return shown + (", …" if len(rows) > _ROWS_SHOWN else "")


def _levels(values: np.ndarray) -> list[float]:
    return sorted({round(float(v), 6) for v in values if np.isfinite(v)})


def _listing(values: Sequence[float], unit: str = "") -> str:
    text = ", ".join(f"{v:g}" for v in values[:6]) + (", …" if len(values) > 6 else "")
    return f"{text} {unit}".strip()


def _measured_rows(df: pd.DataFrame, cols: list[Column]) -> np.ndarray:
    """Rows with at least one cell filled among time, temperature and the attributes."""
    keep = np.zeros(len(df.index), dtype=bool)
    cells = df.to_numpy(dtype=object, copy=False)
    for col in cols:
        keep |= np.array([not is_blank(v) for v in cells[:, col.position]])
    return keep


class _Table:
    """Column readers over the kept rows of the input table, with error locations."""

    def __init__(
        self, df: pd.DataFrame, rows: np.ndarray, file: str | None, decimal: str | None
    ) -> None:
        self.df = df
        self.rows = rows
        self.file = file
        self.decimal = decimal
        self.unit_text = ""
        self._raw: dict[int, list[Any]] = {}
        self.notices: list[Notice] = []
        self.mixed = False  # decimal commas and decimal points in one undecided file

    def raw(self, col: Column) -> list[Any]:
        cells = self._raw.get(col.position)
        if cells is None:  # each column is taken out of the frame once
            cells = self._raw[col.position] = self.df.iloc[:, col.position].tolist()
        return cells

    def numbers(self, col: Column, *, required: bool) -> np.ndarray:
        cells = self.raw(col)
        fast = None if self.mixed else cells_to_floats(cells, self.decimal)
        if fast is not None:  # a clean column: no blanks, no commas, nothing to locate
            return np.asarray(fast, dtype=float)
        values = np.empty(len(self.rows))
        for i, (row, raw) in enumerate(zip(self.rows, cells, strict=True)):
            where = {"file": self.file, "row": int(row), "column": col.header.text}
            if self.mixed and isinstance(raw, str) and _GROUPING.fullmatch(raw):
                raise self._ambiguous(raw, where)
            try:
                values[i] = cell_to_float(raw, self.decimal)
            except ValueError:
                raise self._not_a_number(raw, col, where) from None
            if required and np.isnan(values[i]):
                raise InputError("cell_missing", **where)
        return values

    @staticmethod
    def _ambiguous(raw: str, where: dict[str, Any]) -> InputError:
        whole = int(re.sub(r"[^\d]", "", raw)) * (-1 if raw.strip().startswith("-") else 1)
        return InputError("cell_decimal_ambiguous", value=raw.strip(), other=whole, **where)

    def _not_a_number(self, raw: Any, col: Column, where: dict[str, Any]) -> InputError:
        """The most specific error for a cell that is not a number."""
        text = str(raw).strip()
        if isinstance(raw, str) and _GROUPING.fullmatch(raw):
            return self._ambiguous(raw, where)
        unit = _unit_in_cell(text)
        if unit is not None:
            example = f"{col.header.name} [{col.header.unit or unit}]"
            return InputError("cell_unit_in_cell", value=text, example=example, **where)
        return InputError("cell_not_numeric", value=text, **where)

    def check_decimal_marks(self, cols: list[Column]) -> None:
        """Notice ``decimal_mixed`` when an undecided file has both decimal marks.

        Each such cell is read with its own mark (``1,25`` and ``1.30``), but a cell that
        reads differently under the two conventions (``1.250``) is refused.
        """
        if self.decimal is not None:
            return
        comma = point = None
        for col in cols:
            for row, raw in zip(self.rows, self.raw(col), strict=True):
                if not isinstance(raw, str):
                    continue
                if comma is None and _COMMA_DECIMAL.fullmatch(raw):
                    comma = (int(row), raw.strip())
                elif point is None and _POINT_DECIMAL.fullmatch(raw):
                    point = (int(row), raw.strip())
            if comma and point:
                break
        if not (comma and point):
            return
        self.mixed = True
        self.notices.append(
            Notice(
                "decimal_mixed",
                "plausibility",
                None,
                {
                    "comma": f"'{comma[1]}'",
                    "comma_row": comma[0],
                    "point": f"'{point[1]}'",
                    "point_row": point[0],
                },
            )
        )

    def check_duplicates(self, frame: pd.DataFrame) -> None:
        """Notice ``data_duplicate_rows`` for rows identical to an earlier one."""
        repeated = frame.duplicated(keep="first").to_numpy()
        if repeated.any():
            rows = [int(r) for r in frame.index[repeated]]
            self.notices.append(
                Notice(
                    "data_duplicate_rows",
                    "plausibility",
                    None,
                    {"n": len(rows), "rows": _row_list(rows)},
                )
            )

    def _unit(self, col: Column, declared: str | None, expected: str | None) -> str:
        header = col.header
        implied = IMPLIED_UNITS.get(header.key) if expected == "time" else None
        where = {"file": self.file, "column": header.text}
        unit = resolve_unit(header.unit or implied, declared, expected=expected, **where)
        if unit is None:
            self._refuse_units_in_cells(col)
            example = {"time": "day", "temperature": "°C"}.get(expected or "", "meq/kg")
            raise HintedUnitError(
                "unit_missing",
                hints={"what": ("hint_column", "what", {"column": header.text})},
                examples=f"'{header.name} [{example}]'",
                **where,
            )
        return unit

    def _refuse_units_in_cells(self, col: Column) -> None:
        """A header without unit over cells such as ``25 °C``: the unit is in the cells."""
        for row, raw in zip(self.rows, self.raw(col), strict=True):
            if is_blank(raw):
                continue
            text = str(raw).strip()
            unit = _unit_in_cell(text)
            if unit is not None:
                raise InputError(
                    "cell_unit_in_cell",
                    value=text,
                    example=f"{col.header.name} [{unit}]",
                    file=self.file,
                    row=int(row),
                    column=col.header.text,
                )
            return

    def time(self, col: Column, declared: str | None) -> tuple[str, np.ndarray]:
        text = self._unit(col, declared, "time")
        unit = parse_unit(text, expected="time")
        values = self.numbers(col, required=True)
        negative = np.flatnonzero(values < 0)
        if negative.size:
            i = int(negative[0])
            raise InputError(
                "time_negative",
                value=f"{str(self.raw(col)[i]).strip()} {text}",
                file=self.file,
                row=int(self.rows[i]),
                column=col.header.text,
            )
        if unit == _named_unit("day"):  # the common case: no conversion, no pint on the way
            days = values.astype(float, copy=True)
        else:
            with np.errstate(over="ignore"):  # an overflow is reported below, as an error
                days = get_registry().Quantity(values, unit).to("day").magnitude
        days = np.asarray(days, dtype=float)
        if np.isfinite(days).all():
            return _short_unit(unit), days
        for row, raw, day in zip(self.rows, self.raw(col), days, strict=True):
            if np.isinf(day):  # 1e308 weeks: a finite cell, but no number of days
                raise InputError(
                    "time_overflow",
                    value=f"{str(raw).strip()} {text}",
                    file=self.file,
                    row=int(row),
                    column=col.header.text,
                )
        return _short_unit(unit), days

    def temperature(self, col: Column, declared: str | None) -> tuple[str, np.ndarray]:
        text = temperature_unit_alias(self._unit(col, declared, "temperature"))
        unit = parse_unit(text, expected="temperature")
        values = self.numbers(col, required=True)
        if unit == _named_unit("degC"):  # what pint computes (value + 273.15), without pint
            kelvin = values + 273.15
        else:
            kelvin = np.asarray(
                get_registry().Quantity(values, unit).to("K").magnitude, dtype=float
            )
        if unit == _named_unit("degC"):
            self._check_celsius(col, values, text)
        low, high = STORAGE_TEMPERATURE_RANGE_K
        bad = np.flatnonzero(~((kelvin >= low) & (kelvin <= high)))
        cells = self.raw(col)
        for row, raw, k in zip(self.rows[bad], [cells[i] for i in bad], kelvin[bad], strict=True):
            if not low <= k <= high:
                written = f"{str(raw).strip()} {col.header.unit or text}"
                raise InputError(
                    "temperature_implausible",
                    value=written,
                    low=_RANGE_TEXT[0],
                    high=_RANGE_TEXT[1],
                    file=self.file,
                    row=int(row),
                    column=col.header.text,
                )
        self.unit_text = col.header.unit or text
        return _short_unit(unit), kelvin

    def _check_celsius(self, col: Column, celsius: np.ndarray, text: str) -> None:
        """A °C column that holds kelvin (an error) or plausibly °F (a notice)."""
        levels = _levels(celsius)
        low, high = STORAGE_TEMPERATURE_RANGE_K
        if levels and all(v > 100 and low <= v <= high for v in levels):
            raise InputError(
                "temperature_looks_kelvin",
                values=_listing(levels, col.header.unit or "°C"),
                celsius=_listing([round(v - 273.15, 2) for v in levels]),
                example=f"{col.header.name} [K]",
                file=self.file,
                row=int(self.rows[0]),
                column=col.header.text,
            )
        if levels and all(_FAHRENHEIT_FROM_C <= v <= 100 for v in levels):
            as_c = [round((v - 32) * 5 / 9, 1) for v in levels]
            self.notices.append(
                Notice(
                    "temperature_maybe_fahrenheit",
                    "plausibility",
                    None,
                    {
                        "values": _listing(levels, col.header.unit or "°C"),
                        "celsius": _listing(as_c),
                    },
                )
            )

    def optional(self, role: str, col: Column, declared: str | None) -> Any:
        if role == "rh":
            return self.humidity(col, declared)
        texts = [None if is_blank(v) else str(v).strip() for v in self.raw(col)]
        if role == "replicate":
            try:
                fast = cells_to_floats(texts) if None not in texts else None
                numbers = fast or [None if t is None else cell_to_float(t) for t in texts]
            except ValueError:
                return pd.array(texts, dtype="object")
            # labels, not quantities: whole numbers within int64 (1e30 stays a text label)
            if all(n is None or (float(n).is_integer() and abs(n) < 2**53) for n in numbers):
                return pd.array([None if n is None else int(n) for n in numbers], dtype="Int64")
        return pd.array(texts, dtype="object")

    def humidity(self, col: Column, declared: str | None) -> np.ndarray:
        where = {"file": self.file, "column": col.header.text}
        text = resolve_unit(col.header.unit, declared, **where) or "percent"
        unit = parse_unit(text, where=where)
        if not unit.dimensionless:
            raise UnitError(
                "unit_wrong_dimension",
                unit=text,
                expected="'%'",
                actual=str(unit.dimensionality),
                examples="'rh [%]'",
                **where,
            )
        values = self.numbers(col, required=False)
        percent = np.asarray(get_registry().Quantity(values, unit).to("percent").magnitude)
        notice = rh_fraction_notice(percent, col.header.text)
        if notice is not None:
            self.notices.append(notice)
        for row, raw, value in zip(self.rows, self.raw(col), percent, strict=True):
            if not (np.isnan(value) or 0 <= value <= 100):
                raise InputError(
                    "rh_out_of_range", value=f"{str(raw).strip()} {text}", row=int(row), **where
                )
        return percent.astype(float)

    def attribute(
        self, attr: Attribute, col: Column, declared: str | None
    ) -> tuple[str, np.ndarray]:
        where = {"file": self.file, "column": col.header.text}
        given = attr.unit or None
        if given and declared:
            resolve_unit(declared, given, **where)
        unit = self._unit(col, given or declared, None)
        values = self.numbers(col, required=False)
        measured = values[np.isfinite(values)]
        if measured.size == 0:
            raise InputError("no_data", attribute=attr.name, **where)
        if np.ptp(measured) == 0:
            raise InputError(
                "values_constant", attribute=attr.name, value=f"{measured[0]:g}", **where
            )
        return unit, values
