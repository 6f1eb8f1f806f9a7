"""Critical-moisture studies: study folder, analysis and report (``method = "critical_moisture"``).

The science lives in :mod:`shelflife.moisture` (sorption isotherms, saturated salts) and
:mod:`shelflife.packaging` (films, permeance, Labuza's closed form, moisture uptake); this
package reads a study folder (``docs/critical-moisture-study.md``), runs them together and
writes the result JSON and the report.
"""

from __future__ import annotations

from .analysis import MoistureAnalysis, analyze_moisture
from .reader import MoistureStudy, PackagingSpec, is_moisture_study, read_moisture_study

__all__ = [
    "MoistureStudy",
    "PackagingSpec",
    "read_moisture_study",
    "is_moisture_study",
    "MoistureAnalysis",
    "analyze_moisture",
]
