"""Helpers shared by the moisture-gain calculations: the package check and the notices.

The closed form (:mod:`.labuza`), the numerical uptake (:mod:`.uptake`) and the package
comparison (:mod:`.compare`) check their package argument, collect notices without
repeats, emit them as Python warnings on request, and word the "critical moisture never
reached" notice the same way.
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError, Notice
from .package import Package


def _package(package: Any) -> Package:
    if isinstance(package, Package):
        return package
    raise InputError("package_value_invalid", what="package", value=type(package).__name__)


def _emit(notices: list[Notice] | tuple[Notice, ...], warn: bool) -> None:
    if warn:
        for n in notices:
            n.emit(stacklevel=4)


def _dedupe(notices: list[Notice]) -> tuple[Notice, ...]:
    seen, out = set(), []
    for n in notices:
        key = (n.code, tuple(sorted((k, str(v)) for k, v in n.params.items())))
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


def _never_notice(m_c: float, m_e: float, h: float) -> Notice:
    return Notice(
        "uptake_never_reached",
        "plausibility",
        None,
        {"critical": f"{m_c:.4g}", "equilibrium": f"{m_e:.4g}", "rh": f"{100 * h:.4g}"},
    )
