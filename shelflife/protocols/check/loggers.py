"""Chamber data-logger files in ``shelflife protocol check``: match, summarise, judge.

Each logger (:func:`shelflife.protocols.logger.read_logger`) is matched to the chamber whose
set-point is nearest to its mean over the study; its mean, minimum, maximum, mean kinetic
temperature, time outside set-point ± :data:`~shelflife.protocols.check.TEMPERATURE_TOLERANCE`,
gaps and coverage of the study are reported.
"""

from __future__ import annotations

import datetime
import math
from pathlib import Path
from typing import Any

from ..model import format_number
from .base import _CheckerBase, _listing
from .ranges import TEMPERATURE_TOLERANCE

#: A logger whose mean is farther than this from every set-point matches no chamber [°C].
_LOGGER_MATCH = 5.0
#: A logger mean this far from the set-point is reported [°C].
_LOGGER_MEAN_OFF = 1.0
#: Activation energy / R of the mean kinetic temperature (83.144 kJ/mol, USP <1160>) [K].
_MKT_DH_R = 10000.0


class _LoggerChecks(_CheckerBase):
    """Summarise and judge the chamber logger files given to the check."""

    def check_logger(self, logger: Any, given: str) -> None:
        import numpy as np

        name = Path(given).name
        chambers = self.protocol.chambers
        start = datetime.datetime.combine(self.plan.start, datetime.time())
        ends = [
            datetime.datetime.combine(max(p.scheduled_date for p in pulls), datetime.time())
            + datetime.timedelta(days=1)
            for pulls in self.pulls
        ]
        data = logger.readings
        ts = data["timestamp"]
        temps = data["temperature_C"].to_numpy(dtype=float)
        first, last = ts.iloc[0], ts.iloc[-1]
        study_end = max(ends)
        inside = ((ts >= start) & (ts < study_end)).to_numpy()
        fmt = "%Y-%m-%d %H:%M"
        if not inside.any() or not np.isfinite(temps[inside]).any():
            self.add(
                "check_logger_no_overlap",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "first": first.strftime(fmt),
                    "last": last.strftime(fmt),
                    "start": start.strftime("%Y-%m-%d"),
                    "end": (study_end - datetime.timedelta(days=1)).strftime("%Y-%m-%d"),
                },
            )
            return
        overall = float(np.nanmean(temps[inside]))
        dist = [abs(overall - c.celsius) for c in chambers]
        ci = min(range(len(chambers)), key=lambda i: (dist[i], i))
        if dist[ci] > _LOGGER_MATCH:
            self.add(
                "check_logger_unmatched",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "mean": round(overall, 1),
                    "chambers": _listing(c.label() for c in chambers),
                },
            )
            return
        chamber = chambers[ci]
        condition = chamber.label()
        setpoint = chamber.celsius
        end = ends[ci]
        window = ((ts >= start) & (ts < end)).to_numpy()
        t = ts[window].reset_index(drop=True)
        y = temps[window]
        valid = np.isfinite(y)
        t_valid = t[valid].reset_index(drop=True)
        y_valid = y[valid]
        seconds = (t_valid - t_valid.iloc[0]).dt.total_seconds().to_numpy()
        steps = np.diff(seconds)
        interval = float(np.median(steps)) if steps.size else 0.0
        gap_limit = 2.0 * interval if interval > 0 else math.inf
        # each reading stands for the time until the next one, at most one interval
        weights = (
            np.append(np.minimum(steps, interval), interval) if steps.size else np.array([0.0])
        )
        mean = (
            float(np.average(y_valid, weights=weights))
            if weights.sum() > 0
            else float(np.mean(y_valid))
        )
        kelvin = y_valid + 273.15
        w = weights if weights.sum() > 0 else np.ones_like(kelvin)
        mkt = (
            _MKT_DH_R / -math.log(float(np.average(np.exp(-_MKT_DH_R / kelvin), weights=w)))
            - 273.15
        )
        outside = np.abs(y_valid - setpoint) > TEMPERATURE_TOLERANCE
        hours_out = float(weights[outside].sum()) / 3600.0
        total_hours = float(weights.sum()) / 3600.0
        excursions = []
        i = 0
        n = len(y_valid)
        while i < n:
            if outside[i]:
                j = i
                while j + 1 < n and outside[j + 1] and steps[j] <= gap_limit:
                    j += 1
                span = float(weights[i : j + 1].sum()) / 3600.0
                seg = y_valid[i : j + 1]
                extreme = float(seg[np.argmax(np.abs(seg - setpoint))])
                excursions.append((span, t_valid.iloc[i], extreme))
                i = j + 1
            else:
                i += 1
        gaps = [(float(s) / 3600.0, t_valid.iloc[k]) for k, s in enumerate(steps) if s > gap_limit]
        summary = {
            "file": name,
            "chamber": condition,
            "setpoint": {"value": setpoint, "unit": "degC"},
            "unit_in_file": logger.unit,
            "timezone": logger.timezone,
            "readings": int(n),
            "missing_readings": int((~valid).sum()),
            "interval_min": round(interval / 60.0, 3),
            "first": t_valid.iloc[0].strftime(fmt),
            "last": t_valid.iloc[-1].strftime(fmt),
            "mean": round(mean, 3),
            "min": round(float(y_valid.min()), 3),
            "max": round(float(y_valid.max()), 3),
            "mkt": round(mkt, 3),
            "hours_outside": round(hours_out, 3),
            "percent_outside": round(100.0 * hours_out / total_hours, 3) if total_hours else 0.0,
            "excursions": len(excursions),
            "gaps": len(gaps),
            "gap_hours": round(sum(g for g, _ in gaps), 3),
        }
        self.logger_summaries.append(summary)
        self.add(
            "check_logger_summary",
            "info",
            "logger",
            file=name,
            params={
                "logger": name,
                "condition": condition,
                "mean": round(mean, 1),
                "low": round(float(y_valid.min()), 1),
                "high": round(float(y_valid.max()), 1),
                "mkt": round(mkt, 1),
                "n": int(n),
                "interval": _interval_text(interval),
                "first": summary["first"],
                "last": summary["last"],
            },
            params_id={"interval": _interval_text(interval, "id")},
        )
        if excursions:
            longest = max(excursions, key=lambda e: (e[0], -e[1].value))
            extreme = max(excursions, key=lambda e: abs(e[2] - setpoint))[2]
            self.add(
                "check_logger_excursion",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "setpoint": format_number(setpoint),
                    "tolerance": format_number(TEMPERATURE_TOLERANCE),
                    "hours": round(hours_out, 1),
                    "percent": round(summary["percent_outside"], 1),
                    "count": len(excursions),
                    "longest": round(longest[0], 1),
                    "start": longest[1].strftime(fmt),
                    "extreme": round(extreme, 1),
                },
            )
        if abs(mean - setpoint) > _LOGGER_MEAN_OFF:
            self.add(
                "check_logger_mean_off",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "mean": round(mean, 1),
                    "delta": round(abs(mean - setpoint), 1),
                },
            )
        if gaps:
            longest_gap = max(gaps, key=lambda g: (g[0], -g[1].value))
            self.add(
                "check_logger_gap",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "count": len(gaps),
                    "hours": round(summary["gap_hours"], 1),
                    "longest": round(longest_gap[0], 1),
                    "start": longest_gap[1].strftime(fmt),
                },
            )
        first_needed = start + datetime.timedelta(days=1)
        last_needed = end - datetime.timedelta(days=1)
        running = self.as_of or self.progress or self.plan.start
        last_needed = min(last_needed, datetime.datetime.combine(running, datetime.time()))
        if t_valid.iloc[0] > first_needed or t_valid.iloc[-1] < last_needed:
            self.add(
                "check_logger_coverage",
                "warning",
                "logger",
                file=name,
                params={
                    "logger": name,
                    "condition": condition,
                    "first": summary["first"],
                    "last": summary["last"],
                    "start": start.strftime("%Y-%m-%d"),
                    "end": last_needed.strftime("%Y-%m-%d"),
                },
            )
        self.logged.add(ci)


def _interval_text(seconds: float, lang: str = "en") -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        hours = int(seconds // 3600)
        return f"{hours} {'jam' if lang == 'id' else 'h'}"
    minutes = seconds / 60.0
    return f"{format_number(round(minutes, 2))} {'menit' if lang == 'id' else 'min'}"
