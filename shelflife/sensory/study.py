"""``[[sensory]]`` tables of ``study.toml``: consumer panels read with the study.

Each table names a panel sheet (``data``), the survival distribution and the share of
consumers whose rejection ends the shelf life (``rejection``, default 50 %). The sheet is
read and its censoring built when the study is read, so its errors (file, row, column)
come before any fitting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, StudyFileError

__all__ = ["SensorySpec", "read_sensory_sections"]


@dataclass(frozen=True)
class SensorySpec:
    """One consumer panel of a study.

    Attributes
    ----------
    name, label : str
    data : str
        The sheet, relative to the study folder.
    distribution : {"weibull", "lognormal", "loglogistic"}
    fraction : float
        Share of consumers rejecting at the end of shelf life (0-1).
    panel : SensoryPanel
    """

    name: str
    data: str
    distribution: str
    fraction: float
    panel: Any
    label: str | None = None

    @property
    def display_name(self) -> str:
        """Name shown in tables."""
        return self.label or self.name


def _fraction(value: Any, file: str, key: str) -> float:
    from ..units import to_percent

    try:
        p = float(value) if isinstance(value, (int, float)) else float(to_percent(value)) / 100
    except InputError:
        raise StudyFileError(
            "toml_bad_value",
            file=file,
            key=key,
            value=value,
            reason="expected a share of consumers",
            fix='write e.g. rejection = "50 %"',
        ) from None
    if not 0 < p < 1:
        raise StudyFileError(
            "toml_bad_value",
            file=file,
            key=key,
            value=value,
            reason="the share must lie between 0 and 100 %",
            fix='write e.g. rejection = "25 %"',
        )
    return p


def read_sensory_sections(sections: Any, folder: Path, toml_file: str) -> tuple[SensorySpec, ...]:
    """Read every ``[[sensory]]`` panel of a study (errors located in the sheet or the TOML)."""
    from ..io.studyfile import data_file
    from .data import read_panel

    out = []
    for i, sec in enumerate(sections):
        path = data_file(folder, sec.data, file=toml_file, key=f"sensory[{i}].data")
        panel = read_panel(path, sheet=sec.sheet)
        out.append(
            SensorySpec(
                name=sec.name,
                data=sec.data,
                distribution=sec.distribution,
                fraction=_fraction(sec.rejection, toml_file, f"sensory[{i}].rejection"),
                panel=panel,
                label=sec.label,
            )
        )
    return tuple(out)
