"""Checking the entered values for ``shelflife protocol check``: range, scale and outliers.

Values outside :data:`~shelflife.protocols.check.PLAUSIBLE_RANGES` are implausible; a
percent column that holds fractions, or a value about 100 times off the other replicates of
its pull, is a unit slip; a replicate far from the others of its pull, judged against the
pooled and robust replicate scatter of the whole study, is a suspected outlier.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .base import _CheckerBase, _Column, _listing, _Row, _value_text
from .ranges import _PERCENT_UNITS, OUTLIER_Z, _unit_key, plausible_range


class _ValueChecks(_CheckerBase):
    """Check the values of each attribute: plausible range, scale, outliers."""

    # ----------------------------------------------------------------------- the values
    def check_values(self) -> None:
        used = [r for r in self.rows if r.status in ("ok", "window", "extra")]
        for a in self.protocol.attributes:
            col = self.attr_columns.get(a.name)
            if col is None:
                continue
            rng = plausible_range(a.name, a.unit or (col.unit or ""))
            for row in (r for r in self.rows if r.status != "skip"):
                x = row.values.get(a.name, math.nan)
                if not math.isfinite(x) or rng is None:
                    continue
                low, high = rng
                if (low is not None and x < low) or (high is not None and x > high):
                    row.excluded.add(a.name)
                    self.add(
                        "check_implausible",
                        "error",
                        "implausible",
                        row=row.row,
                        column=col.text,
                        params={
                            "attribute": a.name,
                            "value": row.raw.get(a.name, _value_text(x)),
                            "unit": a.unit or col.unit or "",
                            "low": "-∞" if low is None else _value_text(low),
                            "high": "∞" if high is None else _value_text(high),
                        },
                    )
            values = [
                r.values[a.name]
                for r in used
                if math.isfinite(r.values.get(a.name, math.nan)) and a.name not in r.excluded
            ]
            fraction = False
            unit = a.unit or col.unit or ""
            if values and _unit_key(unit) in _PERCENT_UNITS and a.limit >= 2.0:
                values_sorted = sorted(values)
                median = values_sorted[len(values) // 2]
                if max(values) <= 1.0 and median <= a.limit / 30.0:
                    fraction = True
                    self.add(
                        "check_scale_fraction",
                        "warning",
                        "unit",
                        column=col.text,
                        params={"column": col.text, "limit": _value_text(a.limit), "unit": unit},
                    )
            if not fraction:
                self.check_scale(a.name, col, used)
            self.check_outliers(a.name, col, used)

    def groups(
        self, name: str, used: Sequence[_Row]
    ) -> dict[tuple[int, int, str | None], list[_Row]]:
        out: dict[tuple[int, int, str | None], list[_Row]] = {}
        for r in used:
            x = r.values.get(name, math.nan)
            if r.chamber is None or r.pull is None or not math.isfinite(x) or name in r.excluded:
                continue
            out.setdefault((r.chamber, r.pull, r.batch), []).append(r)
        return out

    def check_scale(self, name: str, col: _Column, used: Sequence[_Row]) -> None:
        groups = self.groups(name, used)
        for (chamber, pull, batch), rows in sorted(
            groups.items(), key=lambda kv: (kv[0][0], kv[0][1], str(kv[0][2]))
        ):
            for row in rows:
                x = row.values[name]
                peers = [r.values[name] for r in rows if r is not row]
                if not peers:
                    for neighbour in (pull - 1, pull + 1):
                        peers += [
                            r.values[name] for r in groups.get((chamber, neighbour, batch), [])
                        ]
                peers = [p for p in peers if p != 0]
                if not peers or x == 0:
                    continue
                typical = sorted(peers)[len(peers) // 2]
                if typical == 0 or (x > 0) != (typical > 0):
                    continue
                ratio = math.log10(abs(x) / abs(typical))
                k = round(ratio)
                if abs(k) >= 2 and abs(ratio - k) <= 0.3:
                    row.excluded.add(name)
                    self.add(
                        "check_scale_value_small" if k < 0 else "check_scale_value_large",
                        "error",
                        "unit",
                        row=row.row,
                        column=col.text,
                        params={
                            "attribute": name,
                            "value": row.raw.get(name, _value_text(x)),
                            "factor": f"{10 ** abs(k):d}",
                            "typical": _value_text(round(typical, 6)),
                        },
                    )

    def check_outliers(self, name: str, col: _Column, used: Sequence[_Row]) -> None:
        """Leave-one-out z of each replicate against a pooled, robust replicate scatter."""
        groups = self.groups(name, used)
        values = [r.values[name] for rows in groups.values() for r in rows]
        if not values:
            return
        f = math.log if _scatter_grows(name, groups) else float
        deviations = []
        for rows in groups.values():
            n = len(rows)
            if n < 2:
                continue
            xs = [f(r.values[name]) for r in rows]
            mean = sum(xs) / n
            deviations += [abs(x - mean) * math.sqrt(n / (n - 1)) for x in xs]
        if len(deviations) < 6:
            return
        deviations.sort()
        mid = len(deviations) // 2
        mad = (
            deviations[mid]
            if len(deviations) % 2
            else 0.5 * (deviations[mid - 1] + deviations[mid])
        )
        scale = 1.4826 * mad
        distinct = sorted({f(v) for v in values})
        steps = [b - a for a, b in zip(distinct, distinct[1:], strict=False) if b - a > 0]
        resolution = min(steps) if steps else 0.0
        scale = max(scale, resolution, 1e-12)
        for key in sorted(groups, key=lambda k: (k[0], k[1], str(k[2]))):
            rows = list(groups[key])
            chamber, pull, _ = key
            while len(rows) >= 3:
                xs = [f(r.values[name]) for r in rows]
                n = len(xs)
                total = sum(xs)
                z = [
                    (x - (total - x) / (n - 1)) / (scale * math.sqrt(1 + 1 / (n - 1))) for x in xs
                ]
                i = max(range(n), key=lambda j: (abs(z[j]), -j))
                if abs(z[i]) <= OUTLIER_Z:
                    break
                row = rows.pop(i)
                others = _listing(r.raw.get(name, _value_text(r.values[name])) for r in rows)
                self.add(
                    "check_outlier",
                    "warning",
                    "outlier",
                    row=row.row,
                    column=col.text,
                    params={
                        "attribute": name,
                        "value": row.raw.get(name, _value_text(row.values[name])),
                        "replicate": row.replicate if row.replicate is not None else "-",
                        "pull": pull,
                        "condition": self.condition(chamber),
                        "others": others,
                        "z": round(z[i], 1),
                    },
                )
            if len(rows) == 2:
                a, b = (f(r.values[name]) for r in rows)
                z2 = abs(a - b) / (scale * math.sqrt(2.0))
                if z2 > OUTLIER_Z:
                    self.add(
                        "check_replicates_disagree",
                        "warning",
                        "outlier",
                        row=rows[0].row,
                        rows=tuple(r.row for r in rows),
                        column=col.text,
                        params={
                            "attribute": name,
                            "pull": pull,
                            "condition": self.condition(chamber),
                            "values": _listing(r.raw.get(name, "") for r in rows),
                            "z": round(z2, 1),
                        },
                    )


def _scatter_grows(name: str, groups: Mapping[Any, Sequence[_Row]]) -> bool:
    """True when the replicate scatter grows in proportion to the level (judge on a log scale).

    The slope of log(SD) on log(mean) over the pulls: near 0 for a constant SD (most
    chemical analyses), near 1 for a constant relative SD (raw colony counts, CFU/g). SDs of
    two or three replicates are noisy, so the levels must span a factor of 30 at least.
    """
    points = []
    for rows in groups.values():
        xs = [r.values[name] for r in rows]
        if len(xs) < 2 or min(xs) <= 0:
            continue
        mean = sum(xs) / len(xs)
        sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
        if sd > 0:
            points.append((math.log(mean), math.log(sd)))
    if len(points) < 5:
        return False
    lx = [p[0] for p in points]
    if max(lx) - min(lx) < math.log(30.0):  # too narrow a range of levels to tell
        return False
    mx = sum(lx) / len(lx)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((x - mx) ** 2 for x in lx)
    slope = sum((x - mx) * (p[1] - my) for x, p in zip(lx, points, strict=True)) / sxx
    return slope > 0.5
