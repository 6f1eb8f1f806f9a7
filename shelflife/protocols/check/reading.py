"""Reading the data sheet for ``shelflife protocol check``: columns, units and rows.

The sheet is read as raw strings with the spreadsheet's row numbers; its headers are mapped
to the plan's time, temperature, replicate, batch and attribute columns, their units are
compared with the plan's, and every row is parsed into numbers, each problem becoming a
finding (missing or duplicated columns, unknown units, cells that are not numbers,
implausible temperatures, unplanned replicates or batches).
"""

from __future__ import annotations

import math
from typing import Any

from ...errors import ShelfLifeError
from .base import _CheckerBase, _Column, _listing, _Row


class _SheetChecks(_CheckerBase):
    """Read the data sheet: map its columns, check their units, parse its rows."""

    # ------------------------------------------------------------------------ the sheet
    def read(self) -> Any:
        from ...io.datasheet import read_table

        path = self.folder / self.plan.data
        try:
            return read_table(path, sheet=self.plan.sheet)
        except ShelfLifeError as exc:
            self.add_error(exc, kind="format")
            return None

    def map_columns(self, table: Any) -> dict[str, _Column] | None:
        from ...io.headers import normalise, parse_header, role_of

        attrs = {normalise(a.name): a.name for a in self.protocol.attributes}
        found: dict[str, list[_Column]] = {}
        ignored = []
        for position, raw in enumerate(table.columns):
            header = parse_header(raw)
            target = attrs.get(header.key) or role_of(header.key)
            if target is None:
                ignored.append(header.text)
                continue
            found.setdefault(target, []).append(_Column(position, header.text, header.unit))
        for target, cols in found.items():
            if len(cols) > 1:
                self.add(
                    "check_column_duplicate",
                    "error",
                    "format",
                    column=cols[1].text,
                    params={"names": _listing(f"'{c.text}'" for c in cols), "what": target},
                )
        if ignored:
            self.add(
                "check_column_ignored",
                "info",
                "format",
                params={"names": _listing(f"'{n}'" for n in ignored)},
            )
        columns = {target: cols[0] for target, cols in found.items()}
        listed = _listing(f"'{c}'" for c in table.columns)
        unit = self.protocol.time_unit
        examples = {
            "time": (f"time [{unit}]", "time", "waktu"),
            "temperature": ("temperature [°C]", "temperature", "suhu"),
        }
        for role, (example, en, idn) in examples.items():
            if role not in columns:
                self.add(
                    "check_column_missing",
                    "error",
                    "format",
                    params={"what": en, "found": listed, "example": example},
                    params_id={"what": idn},
                )
        if self.protocol.batches and "batch" not in columns:
            self.add(
                "check_column_missing",
                "error",
                "format",
                params={"what": "batch", "found": listed, "example": "batch"},
            )
        if self.protocol.replicates > 1 and "replicate" not in columns:
            self.add(
                "check_column_missing",
                "warning",
                "format",
                params={"what": "replicate", "found": listed, "example": "replicate"},
                params_id={"what": "ulangan (replicate)"},
            )
        for a in self.protocol.attributes:
            if a.name not in columns:
                self.add(
                    "check_column_missing",
                    "error",
                    "format",
                    params={"what": a.name, "found": listed, "example": a.header()},
                )
            else:
                self.attr_columns[a.name] = columns[a.name]
        if "time" not in columns or "temperature" not in columns:
            return None
        return columns

    def time_factor(self, col: _Column) -> float:
        """Days per unit of the time column (the plan's unit when unreadable)."""
        from ...io.headers import IMPLIED_UNITS, parse_header
        from ...units import get_registry, parse_unit

        plan_unit = self.protocol.time_unit
        header = parse_header(col.text)
        text = col.unit or IMPLIED_UNITS.get(header.key)
        if text is None:
            self.add(
                "check_unit_missing",
                "error",
                "unit",
                column=col.text,
                params={
                    "column": col.text,
                    "assumed": plan_unit,
                    "example": f"time [{plan_unit}]",
                },
            )
            return self.protocol.unit_days
        try:
            unit = parse_unit(text, expected="time")
        except ShelfLifeError:
            self.add(
                "check_unit_unknown",
                "error",
                "unit",
                column=col.text,
                params={
                    "unit": text,
                    "column": col.text,
                    "assumed": plan_unit,
                    "example": "day, week, month",
                },
            )
            return self.protocol.unit_days
        factor = float(get_registry().Quantity(1.0, unit).to("day").magnitude)
        self.time_unit_text = text
        if not math.isclose(factor, self.protocol.unit_days, rel_tol=1e-9):
            self.add(
                "check_time_unit_differs",
                "info",
                "unit",
                column=col.text,
                params={"header_unit": text, "plan_unit": plan_unit},
            )
        return factor

    def temperature_unit(self, col: _Column) -> Any:
        from ...io.headers import temperature_unit_alias
        from ...units import parse_unit

        if not col.unit:
            self.add(
                "check_unit_missing",
                "error",
                "unit",
                column=col.text,
                params={"column": col.text, "assumed": "°C", "example": "temperature [°C]"},
            )
            return parse_unit("degC", expected="temperature")
        try:
            return parse_unit(temperature_unit_alias(col.unit), expected="temperature")
        except ShelfLifeError:
            self.add(
                "check_unit_unknown",
                "error",
                "unit",
                column=col.text,
                params={
                    "unit": col.unit,
                    "column": col.text,
                    "assumed": "°C",
                    "example": "°C, K, °F",
                },
            )
            return parse_unit("degC", expected="temperature")

    def check_attribute_units(self) -> None:
        from ...units import get_registry, parse_unit

        reg = get_registry()
        for a in self.protocol.attributes:
            col = self.attr_columns.get(a.name)
            if col is None:
                continue
            if not col.unit:
                if a.unit:
                    self.add(
                        "check_unit_not_in_header",
                        "warning",
                        "unit",
                        column=col.text,
                        params={"column": col.text, "unit": a.unit, "example": a.header()},
                    )
                continue
            if not a.unit or col.unit.strip() == a.unit.strip():
                continue
            same = False
            try:
                u_header, u_plan = parse_unit(col.unit), parse_unit(a.unit)
                if u_header == u_plan:
                    same = True
                elif u_header.dimensionality == u_plan.dimensionality:
                    one = reg.Quantity(1.0, u_header).to(u_plan).magnitude
                    zero = reg.Quantity(0.0, u_header).to(u_plan).magnitude
                    same = math.isclose(one, 1.0, rel_tol=1e-12) and abs(zero) < 1e-12
            except Exception:  # noqa: BLE001 - an unknown unit is a mismatch too
                same = False
            if not same:
                self.add(
                    "check_unit_mismatch",
                    "error",
                    "unit",
                    column=col.text,
                    params={
                        "column": col.text,
                        "header_unit": col.unit,
                        "plan_unit": a.unit,
                        "attribute": a.name,
                    },
                )

    def parse_rows(self, table: Any, columns: dict[str, _Column]) -> None:
        from ...io.cells import cell_to_float, is_blank
        from ...units import STORAGE_TEMPERATURE_RANGE_K, get_registry

        decimal = table.attrs.get("decimal")
        day_factor = self.day_factor = self.time_factor(columns["time"])
        t_unit = self.temperature_unit(columns["temperature"])
        reg = get_registry()
        t_col, k_col = columns["time"], columns["temperature"]
        rep_col, batch_col, rh_col = (columns.get(r) for r in ("replicate", "batch", "rh"))
        low_k, high_k = STORAGE_TEMPERATURE_RANGE_K
        n_rep = self.protocol.replicates

        # one object array, not itertuples: a sheet may be thousands of columns wide
        values = table.to_numpy(dtype=object)
        for row_number, cells in zip(table.index, values, strict=True):
            row = _Row(row=int(row_number))

            def cell(col: _Column | None, cells: Any = cells) -> str:
                return "" if col is None else str(cells[col.position] or "").strip()

            row.time_text, row.temperature_text = cell(t_col), cell(k_col)
            measured = False
            for name, col in self.attr_columns.items():
                text = cell(col)
                row.raw[name] = text
                if is_blank(text):
                    row.values[name] = math.nan
                    continue
                measured = True
                try:
                    row.values[name] = cell_to_float(text, decimal)
                except ValueError:
                    row.values[name] = math.nan
                    row.excluded.add(name)
                    self.add(
                        "cell_not_numeric",
                        "error",
                        "format",
                        row=row.row,
                        column=col.text,
                        params={"value": text},
                    )
            if not measured and not row.time_text and not row.temperature_text:
                continue  # nothing on the row that the plan knows
            self.rows.append(row)
            ok = True
            for col, text, name in (
                (t_col, row.time_text, "time"),
                (k_col, row.temperature_text, "t"),
            ):
                if not text:
                    if measured:
                        self.add("cell_missing", "error", "format", row=row.row, column=col.text)
                    ok = False
                    continue
                try:
                    value = cell_to_float(text, decimal)
                except ValueError:
                    self.add(
                        "cell_not_numeric",
                        "error",
                        "format",
                        row=row.row,
                        column=col.text,
                        params={"value": text},
                    )
                    ok = False
                    continue
                if name == "time":
                    if value < 0:
                        self.add(
                            "time_negative",
                            "error",
                            "format",
                            row=row.row,
                            column=col.text,
                            params={"value": f"{text}"},
                        )
                        ok = False
                    row.time = value * day_factor
                else:
                    kelvin = float(reg.Quantity(value, t_unit).to("K").magnitude)
                    if not low_k <= kelvin <= high_k:
                        self.add(
                            "temperature_implausible",
                            "error",
                            "implausible",
                            row=row.row,
                            column=col.text,
                            params={
                                "value": f"{text} {col.unit or ''}".strip(),
                                "low": "-80 °C",
                                "high": "100 °C",
                            },
                        )
                        ok = False
                    row.temperature = kelvin - 273.15
            if rep_col is not None:
                row.replicate_text = cell(rep_col)
                try:
                    number = cell_to_float(row.replicate_text) if row.replicate_text else math.nan
                except ValueError:
                    number = math.nan
                if math.isfinite(number) and number.is_integer() and number >= 1:
                    row.replicate = int(number)
                    if row.replicate > n_rep:
                        self.add(
                            "check_unplanned_replicate",
                            "warning",
                            "unplanned",
                            row=row.row,
                            column=rep_col.text,
                            params={"value": row.replicate, "n": n_rep},
                        )
                elif measured:
                    self.add(
                        "check_replicate_invalid",
                        "warning",
                        "format",
                        row=row.row,
                        column=rep_col.text,
                        params={"value": row.replicate_text, "n": n_rep},
                    )
            if batch_col is not None:
                row.batch = cell(batch_col) or None
                batches = self.protocol.batches
                if batches and row.batch not in batches and measured:
                    self.add(
                        "check_unplanned_batch",
                        "warning",
                        "unplanned",
                        row=row.row,
                        column=batch_col.text,
                        params={"value": row.batch or "", "batches": _listing(batches)},
                    )
            if rh_col is not None and cell(rh_col):
                try:
                    rh = cell_to_float(cell(rh_col), decimal)
                except ValueError:
                    rh = math.nan
                if math.isfinite(rh):
                    row.rh = rh
                    if not 0 <= rh <= 100:
                        self.add(
                            "rh_out_of_range",
                            "error",
                            "implausible",
                            row=row.row,
                            column=rh_col.text,
                            params={"value": f"{cell(rh_col)} %"},
                        )
            row.status = "parsed" if ok else "skip"
