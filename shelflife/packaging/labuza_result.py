r"""The result of Labuza's closed-form moisture-limited shelf life (immutable).

:class:`LabuzaShelfLife` keeps the shelf life :math:`\theta_s` [day] with every quantity of
the calculation (:math:`p_0` [Pa], film permeance [g/(m²·day·Pa)], :math:`A/W_s`,
:math:`m_i`, :math:`m_c`, :math:`m_e` [g/g dry basis], the slope :math:`b`, the log term and
the rate constant [1/day]) and shows them as a lab writes them: steps, table, plain text in
English or Indonesian, JSON. Built by :func:`~shelflife.packaging.labuza_shelf_life`.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import Notice
from ..units import DAYS_PER_MONTH, format_duration
from . import _inputs
from ._inputs import num
from .vapour import PA_PER_MMHG

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["LabuzaShelfLife"]


@dataclass(frozen=True)
class LabuzaShelfLife:
    r"""Closed-form (Labuza) moisture-limited shelf life, with the steps shown.

    Attributes
    ----------
    days : float
        Shelf life :math:`\theta_s` [day]; ``inf`` when :math:`m_c \ge m_e` (never
        reached), 0 when :math:`m_i \ge m_c`.
    initial, critical, equilibrium : float
        :math:`m_i`, :math:`m_c`, :math:`m_e` [g/g dry basis].
    slope : float
        Isotherm slope :math:`b` [g/g per unit a_w].
    slope_from : str
        ``"secant"`` (from the isotherm between m_i and m_c) or ``"given"``.
    aw_initial, aw_critical : float
        :math:`a_w(m_i)`, :math:`a_w(m_c)` from the isotherm (NaN when b was given).
    temperature : float
        Storage temperature [K].
    rh : float
        Outside relative humidity [%].
    p0 : float
        Saturation vapour pressure at the storage temperature [Pa].
    permeance : float
        Film permeance at the storage temperature [g/(m²·day·Pa)].
    area, dry_mass : float
        [m²], [g].
    ln_term : float
        :math:`\ln[(m_e - m_i)/(m_e - m_c)]` [-].
    constant : float
        :math:`(k_p/x)(A/W_s)(p_0/b)` [1/day].
    package : str
        Package (option) name.
    film : str
        Film name.
    notices : tuple of Notice
    """

    days: float
    initial: float
    critical: float
    equilibrium: float
    slope: float
    slope_from: str
    aw_initial: float
    aw_critical: float
    temperature: float
    rh: float
    p0: float
    permeance: float
    area: float
    dry_mass: float
    ln_term: float
    constant: float
    package: str
    film: str
    notices: tuple[Notice, ...] = ()

    @property
    def reached(self) -> bool:
        """Whether the critical moisture is ever reached."""
        return math.isfinite(self.days)

    @property
    def months(self) -> float:
        """Shelf life in months of 30.4375 days [month]."""
        return self.days / DAYS_PER_MONTH

    @property
    def quantity(self):
        """Shelf life as a Quantity [day]."""
        from ..units import get_registry

        return get_registry().Quantity(self.days, "day")

    def steps(self, lang: str = "en") -> list[dict[str, Any]]:
        """The calculation as a lab writes it: one row per quantity (symbol, value, unit)."""
        idn = lang == "id"
        rows = [
            (
                "T",
                "Suhu penyimpanan" if idn else "Storage temperature",
                _inputs.celsius(self.temperature),
                "°C",
            ),
            ("RH", "RH luar" if idn else "Outside RH", self.rh, "%"),
            (
                "Po",
                "Tekanan uap jenuh" if idn else "Saturation vapour pressure",
                self.p0 / PA_PER_MMHG,
                "mmHg",
            ),
            (
                "k/x",
                "Permeabilitas kemasan" if idn else "Film permeance",
                self.permeance * PA_PER_MMHG,
                "g/(m²·day·mmHg)",
            ),
            ("A", "Luas kemasan" if idn else "Package area", self.area, "m²"),
            ("Ws", "Berat kering produk" if idn else "Dry solids", self.dry_mass, "g"),
            (
                "A/Ws",
                "Rasio A/Ws" if idn else "Area per dry solids",
                self.area / self.dry_mass,
                "m²/g",
            ),
            ("Mi", "Kadar air awal" if idn else "Initial moisture", self.initial, "g/g"),
            ("Mc", "Kadar air kritis" if idn else "Critical moisture", self.critical, "g/g"),
            (
                "Me",
                "Kadar air kesetimbangan" if idn else "Equilibrium moisture",
                self.equilibrium,
                "g/g",
            ),
            (
                "b",
                ("Slope isoterm" if idn else "Isotherm slope")
                + (
                    f" ({'garis potong Mi–Mc' if idn else 'secant Mi–Mc'})"
                    if self.slope_from == "secant"
                    else ""
                ),
                self.slope,
                "g/g",
            ),
            ("ln[(Me−Mi)/(Me−Mc)]", "Suku logaritma" if idn else "Log term", self.ln_term, "-"),
            (
                "(k/x)(A/Ws)(Po/b)",
                "Konstanta laju" if idn else "Rate constant",
                self.constant,
                "1/day" if not idn else "1/hari",
            ),
            ("ts", "Umur simpan" if idn else "Shelf life", self.days, "hari" if idn else "day"),
        ]
        return [{"symbol": s, "quantity": q, "value": v, "unit": u} for s, q, v, u in rows]

    def summary(self, lang: str = "en") -> pd.DataFrame:
        """The steps as a table (symbol, quantity, value, unit)."""
        import pandas as pd

        return pd.DataFrame(self.steps(lang)).set_index("symbol")

    def summary_text(self, lang: str = "en") -> str:
        """Plain-text worked calculation (English or Indonesian)."""
        lines = []
        for r in self.steps(lang):
            v = r["value"]
            text = f"{v:.5g}" if isinstance(v, float) and math.isfinite(v) else str(v)
            if lang == "id":
                text = text.replace(".", ",")
            lines.append(f"  {r['symbol']:>20s} = {text} {r['unit']}   ({r['quantity']})")
        head = (
            "Umur simpan kadar air kritis (Labuza): "
            if lang == "id"
            else "Critical-moisture shelf life (Labuza): "
        ) + self.package
        return "\n".join([head, *lines, "  = " + format_duration(self.days, lang)])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (see the report for the shape)."""
        return {
            "method": "labuza_closed_form",
            "shelf_life": {"value": num(self.days), "unit": "day"},
            "reached": self.reached,
            "months_days": format_duration(self.days, "en"),
            "months_days_id": format_duration(self.days, "id"),
            "package": self.package,
            "film": self.film,
            "inputs": {
                "temperature": {
                    "value": round(_inputs.celsius(self.temperature), 6),
                    "unit": "degC",
                },
                "rh": {"value": self.rh, "unit": "%"},
                "initial": {"value": self.initial, "unit": "g/g dry basis"},
                "critical": {"value": self.critical, "unit": "g/g dry basis"},
                "equilibrium": {"value": num(self.equilibrium), "unit": "g/g dry basis"},
                "slope": {"value": num(self.slope), "unit": "g/g", "from": self.slope_from},
                "area": {"value": self.area, "unit": "m2"},
                "dry_mass": {"value": self.dry_mass, "unit": "g"},
            },
            "steps": {
                "p0": {"value": self.p0 / PA_PER_MMHG, "unit": "mmHg"},
                "permeance": {"value": self.permeance * PA_PER_MMHG, "unit": "g/(m2*day*mmHg)"},
                "area_per_dry_mass": {"value": self.area / self.dry_mass, "unit": "m2/g"},
                "ln_term": {"value": num(self.ln_term), "unit": "1"},
                "constant": {"value": num(self.constant), "unit": "1/day"},
            },
            "warnings": [n.to_dict() for n in self.notices],
        }

    def __str__(self) -> str:
        return self.summary_text("en")

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(r['symbol'])}</td><td>{html.escape(r['quantity'])}</td>"
            f"<td>{r['value']:.5g}</td><td>{html.escape(r['unit'])}</td></tr>"
            for r in self.steps("en")
        )
        warn = "".join(f"<li>{html.escape(n.message('en'))}</li>" for n in self.notices)
        return (
            f"<div><strong>Critical-moisture shelf life (Labuza): "
            f"{html.escape(self.package)}</strong> &mdash; "
            f"{html.escape(format_duration(self.days))}"
            f"<table><tr><th>symbol</th><th>quantity</th><th>value</th><th>unit</th></tr>"
            f"{rows}</table>" + (f"<ul>{warn}</ul>" if warn else "") + "</div>"
        )
