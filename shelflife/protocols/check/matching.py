"""Matching data rows to the plan for ``shelflife protocol check``, and missing pulls.

The planned pulls come from the study's calendar; each parsed row is assigned to a chamber
(by temperature, then RH) and to a pull and replicate (in its window first, then late or
early rows), reporting unplanned temperatures and times, pulls outside their window and
duplicated rows. Planned pulls, samples and values with no data are then reported as
missing, or as pending when they are not yet due.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .base import _CheckerBase, _day, _listing, _Pull, _Row, _value_text
from .ranges import TEMPERATURE_TOLERANCE


class _PlanChecks(_CheckerBase):
    """Build the planned pulls, match rows to them, and report what is missing."""

    # ------------------------------------------------------------------------- the plan
    def build_plan(self) -> None:
        table = self.plan.schedule()
        start = self.plan.start
        per_chamber: list[list[_Pull]] = [[] for _ in self.protocol.chambers]
        for r in table.itertuples(index=False):
            per_chamber[int(r.chamber) - 1].append(
                _Pull(
                    chamber=int(r.chamber) - 1,
                    index=int(r.pull),
                    planned_day=float(r.planned_day),
                    scheduled_day=float(r.scheduled_day),
                    low=float((r.window_start - start).days),
                    high=float((r.window_end - start).days),
                    planned_date=r.planned_date,
                    scheduled_date=r.scheduled_date,
                    window_end=r.window_end,
                )
            )
        self.pulls = [sorted(p, key=lambda x: x.index) for p in per_chamber]

    # -------------------------------------------------------------------------- matching
    def match_chambers(self) -> None:
        chambers = self.protocol.chambers
        unplanned: dict[str, list[int]] = {}
        offsets: dict[tuple[int, str], list[int]] = {}
        for row in self.rows:
            if row.status != "parsed" or row.temperature is None:
                continue
            dist = [abs(row.temperature - c.celsius) for c in chambers]
            near = [i for i, d in enumerate(dist) if d <= TEMPERATURE_TOLERANCE]
            if not near:
                row.status = "unplanned"
                unplanned.setdefault(_value_text(round(row.temperature, 3)), []).append(row.row)
                continue
            if len(near) > 1 and row.rh is not None:
                near.sort(key=lambda i: (abs((chambers[i].rh or 0) - row.rh), dist[i]))
            else:
                near.sort(key=lambda i: dist[i])
            row.chamber = near[0]
            if dist[near[0]] > 1e-6:
                key = (near[0], _value_text(round(row.temperature, 3)))
                offsets.setdefault(key, []).append(row.row)
        labels = _listing(c.label() for c in chambers)
        for temp, rows in unplanned.items():
            self.add(
                "check_unplanned_temperature",
                "warning",
                "unplanned",
                row=rows[0],
                rows=tuple(rows),
                params={"n": len(rows), "temperature": temp, "chambers": labels},
            )
        for (chamber, temp), rows in offsets.items():
            self.add(
                "check_temperature_offset",
                "info",
                "unplanned",
                row=rows[0],
                rows=tuple(rows),
                params={"n": len(rows), "condition": self.condition(chamber), "temperature": temp},
            )

    def match_pulls(self) -> None:
        """Assign rows to planned pulls: in-window first, then late/early rows."""
        slots = self.slots
        later: list[tuple[_Row, _Pull]] = []
        unit = self.time_unit_text
        per_unit = self.day_factor
        candidates = [r for r in self.rows if r.status == "parsed" and r.chamber is not None]
        # rows without a replicate number get the next free one of their pull
        for row in candidates:
            pulls = self.pulls[row.chamber]
            if row.time is None or not pulls:
                row.status = "skip"
                continue
            best = min(
                pulls,
                key=lambda p, t=row.time: (
                    min(abs(t - p.planned_day), abs(t - p.scheduled_day)),
                    p.index,
                ),
            )
            inside = (
                best.low - 0.5 <= row.time <= best.high + 0.5
                or abs(row.time - best.scheduled_day) <= 0.5
            )
            if inside:
                self.assign(row, best, slots, in_window=True)
            else:
                later.append((row, best))
        for row, best in later:
            pulls = self.pulls[row.chamber]
            pos = pulls.index(best)
            offset = row.time - best.planned_day
            after = pulls[pos + 1] if pos + 1 < len(pulls) else None
            before = pulls[pos - 1] if pos > 0 else None
            neighbour = (after or before) if offset > 0 else (before or after)
            gap = abs(best.planned_day - neighbour.planned_day) if neighbour else math.inf
            key = self.slot_key(row, best, slots, peek=True)
            if abs(offset) < gap / 2 and (key is None or key not in slots):
                self.assign(row, best, slots, in_window=False)
                self.add(
                    "check_out_of_window",
                    "warning",
                    "out_of_window",
                    row=row.row,
                    column=self.time_column,
                    params={
                        "pull": best.index,
                        "condition": self.condition(row.chamber),
                        "replicate": row.replicate_text or "-",
                        "day": _day(row.time),
                        "low": _day(best.low),
                        "high": _day(best.high),
                        "date": best.scheduled_date.isoformat(),
                    },
                )
            else:
                row.status = "unplanned"
                self.add(
                    "check_unplanned_time",
                    "warning",
                    "unplanned",
                    row=row.row,
                    column=self.time_column,
                    params={
                        "time": row.time_text,
                        "unit": unit,
                        "condition": self.condition(row.chamber),
                        "replicate": row.replicate_text or "-",
                        "planned": _day(best.planned_day / per_unit),
                    },
                )

    def slot_key(
        self, row: _Row, pull: _Pull, slots: Mapping[Any, _Row], *, peek: bool = False
    ) -> tuple[int, int, str | None, int] | None:
        """The slot (chamber, pull, batch, replicate) of a row; ``None`` for an extra row."""
        batch = row.batch if self.protocol.batches else None
        if row.replicate is not None:
            if row.replicate > self.protocol.replicates:
                return None
            return (pull.chamber, pull.index, batch, row.replicate)
        for rep in range(1, self.protocol.replicates + 1):
            key = (pull.chamber, pull.index, batch, rep)
            if key not in slots:
                if not peek:
                    row.replicate = rep
                return key
        return (pull.chamber, pull.index, batch, self.protocol.replicates)

    def assign(self, row: _Row, pull: _Pull, slots: dict[Any, _Row], *, in_window: bool) -> None:
        row.pull = pull.index
        batches = self.protocol.batches
        if batches and row.batch not in batches:
            row.status = "extra"
            return
        key = self.slot_key(row, pull, slots)
        if key is None:
            row.status = "extra"
            return
        first = slots.get(key)
        if first is None:
            slots[key] = row
            row.status = "ok" if in_window else "window"
            return
        row.status = "duplicate"
        same = all(
            (math.isnan(first.values.get(n, math.nan)) and math.isnan(v))
            or first.values.get(n) == v
            for n, v in row.values.items()
        )
        replicate = key[3] if key[2] is None else f"{key[2]}/{key[3]}"
        self.add(
            "check_duplicate_row" if same else "check_duplicate_conflict",
            "error",
            "duplicate",
            row=row.row,
            rows=(first.row, row.row),
            params={
                "rows": f"{first.row} and {row.row}",
                "condition": self.condition(pull.chamber),
                "pull": pull.index,
                "replicate": replicate,
            },
            params_id={"rows": f"{first.row} dan {row.row}"},
        )

    # -------------------------------------------------------------------------- missing
    def check_missing(self) -> None:
        names = [a.name for a in self.protocol.attributes if a.name in self.attr_columns]
        batches = self.protocol.batches or (None,)
        reps = range(1, self.protocol.replicates + 1)
        slots = self.slots
        has_data: dict[tuple[int, int], bool] = {}
        for row in self.rows:
            if row.status in ("ok", "window", "extra", "duplicate") and row.pull is not None:
                if any(math.isfinite(v) for v in row.values.values()):
                    has_data[(row.chamber, row.pull)] = True
        progress = None
        if self.as_of is None:
            dates = [
                p.scheduled_date
                for chamber in self.pulls
                for p in chamber
                if has_data.get((p.chamber, p.index))
            ]
            progress = max(dates) if dates else None
            self.progress = progress
        pending: dict[int, list[_Pull]] = {}
        for chamber in self.pulls:
            for p in chamber:
                entered = has_data.get((p.chamber, p.index), False)
                if self.as_of is not None:
                    due = p.window_end < self.as_of
                else:
                    due = progress is not None and p.scheduled_date <= progress
                if not entered and not due:
                    pending.setdefault(p.chamber, []).append(p)
                    self.pull_state["pending"] += 1
                    continue
                self.missing_of_pull(p, names, batches, reps, slots)
        for chamber, pulls in sorted(pending.items()):
            first, last = pulls[0], pulls[-1]
            text = str(first.index) if first is last else f"{first.index}-{last.index}"
            self.add(
                "check_pending",
                "info",
                "pending",
                file=None,
                params={
                    "pulls": text,
                    "condition": self.condition(chamber),
                    "date": first.scheduled_date.isoformat(),
                },
            )

    def missing_of_pull(self, p: _Pull, names, batches, reps, slots) -> None:
        condition = self.condition(p.chamber)
        day = _day(p.scheduled_day)
        keys = [(p.chamber, p.index, b, r) for b in batches for r in reps]
        rows_of = {k: slots.get(k) for k in keys}
        empty_samples = []
        missing_values: dict[str, list[str]] = {n: [] for n in names}
        sheet_rows = []
        for (_, _, batch, rep), row in rows_of.items():
            label = str(rep) if batch is None else f"{batch}/{rep}"
            values = {} if row is None else row.values
            if row is not None:
                sheet_rows.append(row.row)
            present = [n for n in names if math.isfinite(values.get(n, math.nan))]
            if not present:
                empty_samples.append((label, row))
                continue
            for n in names:
                if n not in present and n not in (row.excluded if row else set()):
                    missing_values[n].append(label)
        if not names:
            return
        if len(empty_samples) == len(keys):
            extra = any(
                r.status == "extra" and r.chamber == p.chamber and r.pull == p.index
                for r in self.rows
            )
            if not extra:
                self.pull_state["missing"] += 1
                self.add(
                    "check_missing_pull",
                    "warning",
                    "missing",
                    row=sheet_rows[0] if sheet_rows else None,
                    rows=tuple(sheet_rows),
                    params={
                        "pull": p.index,
                        "condition": condition,
                        "day": day,
                        "date": p.scheduled_date.isoformat(),
                    },
                )
                return
        partial = bool(empty_samples) or any(missing_values.values())
        self.pull_state["partial" if partial else "complete"] += 1
        if empty_samples:
            rows = tuple(r.row for _, r in empty_samples if r is not None)
            self.add(
                "check_missing_sample",
                "warning",
                "missing",
                row=rows[0] if rows else None,
                rows=rows,
                params={
                    "replicates": _listing(label for label, _ in empty_samples),
                    "pull": p.index,
                    "condition": condition,
                    "day": day,
                },
            )
        for n, labels in missing_values.items():
            if not labels:
                continue
            rows = tuple(
                slots[k].row
                for k in keys
                if slots.get(k) is not None
                and (str(k[3]) if k[2] is None else f"{k[2]}/{k[3]}") in labels
            )
            self.add(
                "check_missing_value",
                "warning",
                "missing",
                row=rows[0] if rows else None,
                rows=rows,
                column=self.attr_columns[n].text,
                params={
                    "attribute": n,
                    "replicates": _listing(labels),
                    "pull": p.index,
                    "condition": condition,
                    "day": day,
                },
            )
