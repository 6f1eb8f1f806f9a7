"""The immutable protocol objects: :class:`Protocol`, its chambers, attributes and sources.

Protocols are data, not code (style anchors §7.9): a TOML template validated into a frozen
:class:`Protocol`, combined with an optional :class:`ProductPreset` (the product's critical
attributes and cited limits). Quantities are plain floats in working units: temperatures in
kelvin, pull times and windows in days, relative humidity in percent; ``time_unit`` only says
how the lab counts storage time in its data sheet (days, weeks or months).

A critical-moisture protocol (``kind = "critical_moisture"``) has no chambers and no
attributes: its plan is :attr:`Protocol.isotherm` with the default :attr:`Protocol.moisture`,
:attr:`Protocol.package` and :attr:`Protocol.packaging` (:mod:`shelflife.protocols.moisture`).
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Notice

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .moisture import IsothermPlan, MoistureDefaults, PackageDefaults, PackagingOption

__all__ = [
    "Chamber",
    "Citation",
    "ProtocolAttribute",
    "SensoryPlan",
    "ProductPreset",
    "Protocol",
]

_ZERO_CELSIUS = 273.15


def format_number(x: float) -> str:
    """A float written short and exactly enough for a lab sheet (``7``, ``2.5``, ``91.3125``)."""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def celsius_text(kelvin: float) -> str:
    """``"45 °C"`` from 318.15 K."""
    return f"{format_number(round(kelvin - _ZERO_CELSIUS, 6))} °C"


@dataclass(frozen=True)
class Citation:
    """A cited source.

    Attributes
    ----------
    short : str
        Short reference, e.g. ``"SNI 01-3542-2004"``.
    citation : str
        Full reference: title, table, edition.
    url : str or None
        Where the value was read (often a copy of the document).
    category : str
        ``"sni"``, ``"bpom"``, ``"ich"``, ``"asean"``, ``"literature"`` or ``"lab_default"``.
    status : str
        ``"official"`` (checked against the official text), ``"secondary"`` (read from a
        secondary copy), ``"unverified"`` (no source confirms it), ``"placeholder"`` (a value
        the lab must replace) or ``"user"`` (set by the user in study.toml).
    note, note_id : str or None
        Remarks in English and Bahasa Indonesia.
    """

    short: str
    citation: str
    url: str | None = None
    category: str = "literature"
    status: str = "secondary"
    note: str | None = None
    note_id: str | None = None

    @property
    def checked(self) -> bool:
        """True when the value was checked against the official text."""
        return self.status == "official"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Chamber:
    """A storage condition of the plan and its pull times.

    Attributes
    ----------
    temperature : float
        Set-point [K].
    pulls : tuple of float
        Planned storage times of the pulls, from the start of storage [day].
    rh : float or None
        Relative-humidity set-point [%], or ``None`` when the chamber does not control RH.
    """

    temperature: float
    pulls: tuple[float, ...]
    rh: float | None = None

    @property
    def celsius(self) -> float:
        """Set-point [°C]."""
        return round(self.temperature - _ZERO_CELSIUS, 6)

    def label(self, lang: str = "en") -> str:
        """``"40 °C"`` or ``"30 °C / 75 % RH"``."""
        text = celsius_text(self.temperature)
        if self.rh is not None:
            text += f" / {format_number(self.rh)} % RH"
        return text

    @property
    def duration(self) -> float:
        """Time of the last pull [day]."""
        return self.pulls[-1]


@dataclass(frozen=True)
class ProtocolAttribute:
    """A quality attribute to measure, with its critical limit and how to measure it.

    Attributes
    ----------
    name : str
        Column name in the data sheet, e.g. ``"moisture"``.
    unit : str
        Unit of the measurements and of the limit (``"%"``, ``"meq/kg"``).
    limit : float
        Critical limit [unit].
    direction : {"max", "min"}
        ``"max"``: fails when rising above the limit; ``"min"``: when falling below.
    model, temperature_model : str
        Reaction order and temperature dependence written into ``study.toml``.
    reaction : str or None
        Reaction class of :mod:`shelflife.library`.
    label, label_id : str or None
        Display names in English and Bahasa Indonesia.
    analysis, analysis_id : str or None
        The analytical method, in English and Bahasa Indonesia.
    limit_source : Citation or None
        Where the limit comes from.
    kind : {"chemical", "microbial"}
        ``"microbial"``: a plate count in log10 CFU/g fitted by a growth model (Baranyi with a
        secondary model) instead of reaction kinetics.
    secondary : str
        Secondary model of a microbial attribute (``"ratkowsky"``, ``"ctmi"``,
        ``"arrhenius"``).
    """

    name: str
    unit: str
    limit: float
    direction: str = "max"
    model: str = "auto"
    temperature_model: str = "arrhenius"
    reaction: str | None = None
    label: str | None = None
    label_id: str | None = None
    analysis: str | None = None
    analysis_id: str | None = None
    limit_source: Citation | None = None
    kind: str = "chemical"
    secondary: str = "ratkowsky"

    def display_name(self, lang: str = "en") -> str:
        """Name shown to people, in ``lang``."""
        if lang == "id" and self.label_id:
            return self.label_id
        return self.label or self.name.replace("_", " ")

    def analysis_text(self, lang: str = "en") -> str | None:
        """The analytical method in ``lang`` (English when no translation is given)."""
        if lang == "id" and self.analysis_id:
            return self.analysis_id
        return self.analysis

    def header(self) -> str:
        """Column header of the data sheet, with the unit: ``"moisture [%]"``."""
        return f"{self.name} [{self.unit}]" if self.unit else self.name


@dataclass(frozen=True)
class SensoryPlan:
    """A consumer-rejection panel (Hough's survival method), the ``[sensory]`` plan block.

    The storage times of the panel are the pulls of the protocol's first chamber (its
    temperature is the panel's storage temperature); the analysis reads the answers from
    ``data`` through the ``[[sensory]]`` table that ``shelflife protocol new`` writes.

    Attributes
    ----------
    name : str
        Name of the ``[[sensory]]`` table (``"consumers"``).
    consumers : int
        Consumers in the panel (Hough: 50 or more; at least 30).
    question, question_id : str
        The question asked for each sample, in English and Bahasa Indonesia.
    distribution : {"weibull", "lognormal", "loglogistic"}
    rejection : str
        Rejection probability that defines shelf life (``"50 %"``).
    design : {"reversed", "basic"}
        ``"reversed"``: groups enter storage on staggered dates so all ages are tasted in one
        session; ``"basic"``: one start, a session at every storage time.
    data : str
        Panel sheet written into the study folder (``"panel.csv"``).
    label, label_id : str or None
    """

    name: str = "consumers"
    consumers: int = 60
    question: str = "Would you normally consume this product?"
    question_id: str = "Apakah Anda biasanya akan mengonsumsi produk ini?"
    distribution: str = "weibull"
    rejection: str = "50 %"
    design: str = "reversed"
    data: str = "panel.csv"
    label: str | None = None
    label_id: str | None = None

    def display_name(self, lang: str = "en") -> str:
        """Name shown to people, in ``lang``."""
        if lang == "id" and self.label_id:
            return self.label_id
        return self.label or self.name


@dataclass(frozen=True)
class ProductPreset:
    """Critical attributes and cited limits of one product (``products/KEY.toml``).

    Attributes
    ----------
    key : str
        Identifier, e.g. ``"kopi_bubuk"``.
    name, name_id : str
        Product name in English and Bahasa Indonesia.
    aliases : tuple of str
        Words that select this preset from a free-text product description.
    template : str
        The recommended protocol template.
    attributes : tuple of ProtocolAttribute
    test_temperatures : tuple of float or None
        Suggested chamber temperatures for accelerated templates [K].
    notes, notes_id : str
        Remarks for the lab (phase changes, red flags of published studies).
    sources : tuple of Citation
    file : str or None
        The preset file.
    moisture : MoistureDefaults or None
        Typical initial and critical moisture for the critical-moisture protocol, with their
        source (``[moisture]`` of the preset), if the preset gives them.
    """

    key: str
    name: str
    name_id: str
    attributes: tuple[ProtocolAttribute, ...]
    aliases: tuple[str, ...] = ()
    template: str = "aslt-arrhenius"
    test_temperatures: tuple[float, ...] | None = None
    notes: str = ""
    notes_id: str = ""
    sources: tuple[Citation, ...] = ()
    file: str | None = None
    moisture: MoistureDefaults | None = None

    @classmethod
    def from_name(cls, key: str) -> ProductPreset:
        """A shipped preset by key (``"keripik"``, ``"kopi_bubuk"``...)."""
        from .templates import load_product

        return load_product(key)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> ProductPreset:
        """A preset from a TOML file (e.g. an edited copy of a shipped one)."""
        from .templates import read_product_file

        return read_product_file(path)

    def display_name(self, lang: str = "en") -> str:
        """Product name in ``lang``."""
        return self.name_id if lang == "id" else self.name


@dataclass(frozen=True)
class Protocol:
    """A validated study plan: chambers, pull times, replicates, attributes and sources.

    Build it with :meth:`from_name` (a shipped template), :meth:`from_file` (a TOML file) or
    :func:`shelflife.protocols.read_plan` (the ``[protocol]`` table of a study folder), then
    combine it with a product with :meth:`with_product`.

    Attributes
    ----------
    name : str
        Template name, e.g. ``"aslt-arrhenius"``.
    title, title_id : str
        Title in English and Bahasa Indonesia.
    kind : {"aslt", "screening", "real_time", "critical_moisture"}
    method : {"kinetics", "ich_q1e", "critical_moisture"}
        Analysis method written into ``study.toml``.
    strength : {"standard", "screening", "confirmation"}
        ``"screening"`` results are indicative only (a notice says so).
    chambers : tuple of Chamber
    replicates : int
        Samples analysed per pull, per chamber and batch.
    pull_window : float
        A pull may be made this many days before or after its planned day [day].
    storage_temperatures : tuple of float
        Temperatures at which shelf life is wanted [K].
    storage_rh : float or None
        Relative humidity of the storage condition [%].
    attributes : tuple of ProtocolAttribute
    time_unit : str
        Unit of storage time in the data sheet (``"day"``, ``"week"``, ``"month"``).
    batches : tuple of str
        Production batches (real-time studies); empty when batches are not tracked.
    sources : tuple of Citation
    sop : dict
        Language -> file name of the SOP beside the template.
    summary, summary_id : str
        What the protocol is for.
    product : ProductPreset or None
        The product preset the attributes come from.
    temperature_model : str or None
        Temperature dependence the template imposes on every attribute, if any.
    file : str or None
        The template file.
    isotherm : IsothermPlan or None
        The sorption-isotherm plan of a critical-moisture protocol (``None`` otherwise).
    moisture, package : MoistureDefaults, PackageDefaults or None
        Default ``[moisture]`` and ``[package]`` values of a critical-moisture protocol.
    packaging : tuple of PackagingOption
        Packaging options of a critical-moisture protocol.
    sensory : SensoryPlan or None
        The consumer-rejection panel of a sensory-survival protocol (``[sensory]``).
    """

    name: str
    title: str
    title_id: str
    kind: str
    method: str
    strength: str
    chambers: tuple[Chamber, ...]
    replicates: int
    pull_window: float
    storage_temperatures: tuple[float, ...]
    attributes: tuple[ProtocolAttribute, ...]
    storage_rh: float | None = None
    time_unit: str = "day"
    batches: tuple[str, ...] = ()
    sources: tuple[Citation, ...] = ()
    sop: dict[str, str] = field(default_factory=dict)
    summary: str = ""
    summary_id: str = ""
    product: ProductPreset | None = None
    temperature_model: str | None = None
    file: str | None = None
    isotherm: IsothermPlan | None = None
    moisture: MoistureDefaults | None = None
    package: PackageDefaults | None = None
    packaging: tuple[PackagingOption, ...] = ()
    sensory: SensoryPlan | None = None

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_name(cls, name: str, *, product: str | ProductPreset | None = None) -> Protocol:
        """A shipped template by name (or the path of a TOML file), optionally with a product.

        Parameters
        ----------
        name : str
            ``"aslt-arrhenius"``, ``"q10-screening"``, ``"real-time-confirmation"``, or a
            path ending in ``.toml``.
        product : str or ProductPreset, optional
            A preset key (``"keripik"``), a preset file, or a preset.

        Raises
        ------
        InputError
            ``protocol_unknown`` (with the closest name), ``product_unknown``.
        StudyFileError
            The template file does not follow the schema.

        Examples
        --------
        >>> p = Protocol.from_name("aslt-arrhenius", product="kopi_bubuk")
        >>> [c.label() for c in p.chambers]
        ['50 °C', '40 °C', '30 °C']
        >>> p.attributes[0].name, p.attributes[0].limit
        ('moisture', 7.0)
        """
        from .templates import load_protocol

        protocol = load_protocol(name)
        return protocol if product is None else protocol.with_product(product)

    @classmethod
    def from_file(
        cls, path: str | os.PathLike[str], *, product: str | ProductPreset | None = None
    ) -> Protocol:
        """A template from a TOML file, optionally combined with a product."""
        from .templates import read_protocol_file

        protocol = read_protocol_file(path)
        return protocol if product is None else protocol.with_product(product)

    def with_product(self, product: str | ProductPreset) -> Protocol:
        """Return the plan with the critical attributes and cited limits of a product preset.

        The preset's attributes replace the template's generic ones (the template's
        ``temperature_model``, if it imposes one, is kept). For accelerated (kinetics)
        templates, a preset's ``test_temperatures`` replace the chamber temperatures when
        their number matches; the hottest suggested temperature gets the pulls of the hottest
        chamber, and so on.
        """
        from .templates import load_product

        preset = product if isinstance(product, ProductPreset) else load_product(product)
        if self.isotherm is not None:
            from .moisture import with_moisture_product

            return with_moisture_product(self, preset)
        attributes = tuple(
            dataclasses.replace(a, temperature_model=self.temperature_model)
            if self.temperature_model
            else a
            for a in preset.attributes
        )
        # a template's microbial attributes (plate counts) are its purpose: a preset's plate
        # count (unit log10 CFU/g) becomes a growth-model attribute, else the template's stay
        microbes = [a for a in self.attributes if a.kind == "microbial"]
        if microbes:
            counts = [a for a in attributes if "cfu" in a.unit.casefold()]
            attributes = tuple(
                dataclasses.replace(
                    a,
                    kind="microbial",
                    model="auto",
                    reaction=None,
                    secondary=microbes[0].secondary,
                )
                if a in counts
                else a
                for a in attributes
            )
            if not counts:
                attributes += tuple(microbes)
        chambers = self.chambers
        wanted = preset.test_temperatures
        if wanted and self.method == "kinetics" and len(wanted) == len(self.chambers):
            by_heat = sorted(range(len(chambers)), key=lambda i: -chambers[i].temperature)
            hot_first = sorted(wanted, reverse=True)
            new = list(chambers)
            for rank, i in enumerate(by_heat):
                new[i] = dataclasses.replace(chambers[i], temperature=hot_first[rank])
            chambers = tuple(new)
        sources = tuple(dict.fromkeys((*self.sources, *preset.sources)))
        return dataclasses.replace(
            self, attributes=attributes, chambers=chambers, product=preset, sources=sources
        )

    # ------------------------------------------------------------------ derived values
    @property
    def n_batches(self) -> int:
        """Number of batches (1 when batches are not tracked)."""
        return max(1, len(self.batches))

    @property
    def n_pulls(self) -> int:
        """Number of pulls over all chambers."""
        return sum(len(c.pulls) for c in self.chambers)

    @property
    def n_samples(self) -> int:
        """Number of samples (packs) the plan analyses: pulls x replicates x batches.

        For a critical-moisture protocol: isotherm dishes, salts x replicates.
        """
        if self.isotherm is not None:
            return self.isotherm.n_samples
        return self.n_pulls * self.replicates * self.n_batches

    @property
    def duration(self) -> float:
        """Time of the last pull of the longest chamber [day].

        For a critical-moisture protocol: the longest the isotherm weighings may run.
        """
        if self.isotherm is not None:
            return self.isotherm.max_duration
        return max(c.duration for c in self.chambers)

    @property
    def unit_days(self) -> float:
        """Length of one ``time_unit`` [day]."""
        from .schema import unit_days

        return unit_days(self.time_unit, file=self.file or "", key="plan.time_unit")

    def notices(self) -> list[Notice]:
        """Coded notices about the plan: a screening design, placeholder or unchecked limits.

        Examples
        --------
        >>> [n.code for n in Protocol.from_name("q10-screening").notices()][:1]
        ['protocol_screening']
        """
        out: list[Notice] = []
        if self.isotherm is not None:
            from .moisture import moisture_notices

            return moisture_notices(self)
        if self.strength == "screening":
            out.append(Notice("protocol_screening", "design", None, {"name": self.name}))
        wanted = None if self.product is None else self.product.test_temperatures
        if wanted and self.method == "kinetics" and len(wanted) != len(self.chambers):
            temps = "/".join(celsius_text(t).replace(" °C", "") for t in wanted) + " °C"
            out.append(
                Notice(
                    "protocol_temperatures_ignored",
                    "design",
                    None,
                    {"preset": self.product.key, "wanted": temps, "n": len(self.chambers)},
                )
            )
        for a in self.attributes:
            src = a.limit_source
            if src is None or src.status == "placeholder":
                out.append(Notice("protocol_limit_placeholder", "plausibility", a.name, {}))
            elif src.status in ("secondary", "unverified"):
                out.append(
                    Notice(
                        "protocol_limit_unverified",
                        "plausibility",
                        a.name,
                        {"source": src.short},
                    )
                )
        return out

    # ------------------------------------------------------------------ outputs
    def schedule(
        self,
        start: datetime.date | str | None = None,
        *,
        avoid_weekends: bool = False,
        lang: str = "en",
    ) -> pd.DataFrame:
        """The pull calendar: one row per chamber and pull (see :func:`schedule`)."""
        from .schedule import schedule

        return schedule(self, start, avoid_weekends=avoid_weekends, lang=lang)

    def describe(self, lang: str = "en") -> str:
        """The plan as readable text, in English or Bahasa Indonesia."""
        from .text import describe

        return describe(self, lang)

    def sop_path(self, lang: str = "en") -> Path | None:
        """The SOP file in ``lang`` beside the template, if there is one."""
        name = self.sop.get(lang) or self.sop.get("en")
        if not name or not self.file:
            return None
        path = Path(self.file).parent / name
        return path if path.is_file() else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description (temperatures in °C, times in days)."""
        if self.isotherm is not None:
            from .moisture import moisture_to_dict

            return moisture_to_dict(self)
        return {
            "name": self.name,
            "title": self.title,
            "title_id": self.title_id,
            "kind": self.kind,
            "method": self.method,
            "strength": self.strength,
            "time_unit": self.time_unit,
            "replicates": self.replicates,
            "pull_window": {"value": self.pull_window, "unit": "day"},
            "batches": list(self.batches),
            "chambers": [
                {
                    "temperature": {"value": c.celsius, "unit": "degC"},
                    "rh": None if c.rh is None else {"value": c.rh, "unit": "percent"},
                    "pulls": {"value": list(c.pulls), "unit": "day"},
                }
                for c in self.chambers
            ],
            "storage": [
                {"value": round(t - _ZERO_CELSIUS, 6), "unit": "degC"}
                for t in self.storage_temperatures
            ],
            "storage_rh": None
            if self.storage_rh is None
            else {"value": self.storage_rh, "unit": "percent"},
            "attributes": [
                {
                    "name": a.name,
                    "unit": a.unit,
                    "limit": {"value": a.limit, "unit": a.unit, "direction": a.direction},
                    "model": a.model,
                    "temperature_model": a.temperature_model,
                    "analysis": a.analysis,
                    "limit_source": None if a.limit_source is None else a.limit_source.to_dict(),
                    **({"kind": a.kind, "secondary": a.secondary} if a.kind != "chemical" else {}),
                }
                for a in self.attributes
            ],
            **({} if self.sensory is None else {"sensory": dataclasses.asdict(self.sensory)}),
            "product": None if self.product is None else self.product.key,
            "sources": [s.to_dict() for s in self.sources],
        }
