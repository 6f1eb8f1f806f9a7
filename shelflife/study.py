"""Study and Attribute: validated storage measurements with their metadata.

A :class:`Study` holds one tidy table of measurements in *working units* (time in days,
temperature in kelvin, each attribute in its own declared unit) together with the
attributes' limits and the storage conditions at which shelf life is wanted. It is built by
the readers in :mod:`shelflife.io` from a study folder, or from Python with
:meth:`Study.from_dataframe`; both validate the data once, so the fitting layer can trust it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Attribute",
    "Study",
    "ReportMeta",
    "MODEL_CHOICES",
    "GROWTH_MODEL_CHOICES",
    "SECONDARY_MODEL_CHOICES",
    "ATTRIBUTE_KINDS",
    "TEMPERATURE_MODEL_CHOICES",
    "METHODS",
]

#: Reaction-order choices accepted in ``study.toml`` (``model = ...``).
MODEL_CHOICES = ("auto", "zero", "first", "second", "nth", "weibull", "equilibrium")
#: Primary growth models of a microbial attribute (``kind = "microbial"``, ``model = ...``).
GROWTH_MODEL_CHOICES = ("baranyi", "gompertz", "logistic", "huang")
#: Secondary models of the growth rate against temperature (``secondary = ...``).
SECONDARY_MODEL_CHOICES = ("ratkowsky", "ctmi", "arrhenius")
#: What an attribute is: a chemical/physical change fitted with reaction kinetics, or a
#: microbial count (log10 CFU/g) fitted with growth models.
ATTRIBUTE_KINDS = ("chemical", "microbial")
#: Temperature-dependence choices accepted in ``study.toml`` (``temperature_model = ...``).
TEMPERATURE_MODEL_CHOICES = ("arrhenius", "eyring", "q10", "arrhenius_rh")
#: Analysis methods (``[study] method``): accelerated kinetics over several temperatures, or
#: the ICH Q1E real-time batch analysis at one storage condition.
METHODS = ("kinetics", "ich_q1e")

#: Column names of the tidy measurement table (working units).
TIME = "time_day"
TEMPERATURE = "temperature_K"


@dataclass(frozen=True)
class Attribute:
    """A quality attribute with its critical limit.

    Parameters
    ----------
    name : str
        Column name in the data file, e.g. ``"peroxide_value"``.
    unit : str
        Unit of the values and of the limit, as the lab writes it (``"meq/kg"``, ``"%"``).
    limit : float
        Critical limit ("titik kritis") [attribute unit].
    direction : {"max", "min"}
        ``"max"``: the product fails when the attribute rises above the limit (peroxide
        value, moisture, browning); ``"min"``: when it falls below (vitamin C, a sensory
        score).
    model : {"auto", "zero", "first"}
        Reaction order; ``"auto"`` fits both and chooses by AIC.
    temperature_model : {"arrhenius"}
        Temperature dependence of the rate constant.
    label : str, optional
        Display name for reports (defaults to ``name``).
    initial : {"common", "per_temperature"}
        One initial value for all temperatures, or one per storage temperature.
    reaction : str, optional
        Reaction class of the kinetics library (:mod:`shelflife.library`), e.g.
        ``"lipid_oxidation"``, used to check the fitted activation energy for plausibility.
    kind : {"chemical", "microbial"}
        ``"microbial"``: a count in log10 CFU/g, fitted with a primary growth ``model``
        (``baranyi``, ``gompertz``, ``logistic``, ``huang``) and a ``secondary`` model of the
        growth rate against temperature.
    secondary : {"ratkowsky", "ctmi", "arrhenius"}
        Secondary model of a microbial attribute.
    limit_source : str, optional
        Where the limit comes from (a standard such as "SNI 2886:2015", a buyer's
        specification, a sensory threshold), printed beside it in the report.
    detection_limit : float, optional
        Limit of detection of a microbial count [log10 CFU/g]: counts at or below it are
        left-censored (not zero, not the limit itself) in the growth fit.
    """

    name: str
    unit: str
    limit: float
    direction: Literal["max", "min"] = "max"
    model: str = "auto"
    temperature_model: str = "arrhenius"
    label: str | None = None
    reaction: str | None = None
    initial: str = "common"
    kind: str = "chemical"
    secondary: str = "ratkowsky"
    detection_limit: float | None = None
    limit_source: str | None = None

    @property
    def display_name(self) -> str:
        """Name shown in tables and plots."""
        return self.label or self.name.replace("_", " ")

    def limit_dict(self) -> dict[str, Any]:
        """The limit in the result JSON: value, unit, direction and, if given, its source."""
        out: dict[str, Any] = {"value": self.limit, "unit": self.unit, "direction": self.direction}
        if self.limit_source:
            out["source"] = self.limit_source
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description."""
        return {
            "name": self.name,
            "unit": self.unit,
            "limit": self.limit_dict(),
            "model": self.model,
            "temperature_model": self.temperature_model,
        }


@dataclass(frozen=True)
class ReportMeta:
    """Who signs the report: the optional ``[report]`` table of ``study.toml``.

    Empty fields are printed as blank lines, to be filled in and signed by hand.

    Parameters
    ----------
    analyst, reviewer : str
        Names of the person who analysed the data and of the person who checked it.
    laboratory : str
        The laboratory that ran the study.
    signed : datetime.date, optional
        Date of the sign-off.
    """

    analyst: str = ""
    reviewer: str = ""
    laboratory: str = ""
    signed: datetime.date | None = None


@dataclass(frozen=True)
class Study:
    """Validated storage measurements of one product.

    Do not build it field by field: use :func:`shelflife.read_study` or
    :meth:`Study.from_dataframe`, which validate.

    Attributes
    ----------
    name, product : str
        Identifier used in outputs, and free-text product description.
    data : pandas.DataFrame
        One row per measurement. Columns ``time_day`` [day], ``temperature_K`` [K],
        optional ``replicate``, ``rh`` [%], ``batch``, ``formulation``, and one float column
        per attribute in the attribute's unit. The index is the row number of the source
        file (1-based, as a spreadsheet shows it) so that messages can point at rows.
    attributes : tuple of Attribute
    storage_temperatures : tuple of float
        Temperatures at which shelf life is wanted [K].
    time_unit, temperature_unit : str
        Units used in the source file, for display (e.g. ``"week"``, ``"degC"``).
    source : dict
        Provenance: file paths and SHA-256 hashes of the inputs, and ``columns``
        (attribute name -> its header as written, for error messages).
    storage_rh : float, optional
        Relative humidity of the storage conditions [%], for humidity-dependent models.
    method : {"kinetics", "ich_q1e"}
        Accelerated kinetics (several temperatures) or real-time ICH Q1E batch analysis.
    sensory : tuple of SensorySpec
        Consumer acceptance panels (``[[sensory]]``), analysed by survival analysis
        (:mod:`shelflife.sensory`) beside the attributes.
    report_meta : ReportMeta
        Analyst, reviewer, laboratory and date of the report's sign-off (``[report]``).
    package : str
        The package the samples were stored in (``[study] package``), for the report.
    notices : tuple of Notice
        Plausibility warnings about the data found while reading them (e.g. a °C column
        that looks like °F, rows pasted twice); the analysis carries them into the result
        JSON and the report.
    """

    name: str
    product: str
    data: pd.DataFrame
    attributes: tuple[Attribute, ...]
    storage_temperatures: tuple[float, ...] = (303.15,)
    time_unit: str = "day"
    temperature_unit: str = "degC"
    source: dict[str, Any] = field(default_factory=dict)
    storage_rh: float | None = None
    method: str = "kinetics"
    sensory: tuple[Any, ...] = ()
    report_meta: ReportMeta = field(default_factory=ReportMeta)
    package: str = ""
    notices: tuple[Any, ...] = ()

    def attribute(self, name: str) -> Attribute:
        """Return the attribute called ``name``."""
        for a in self.attributes:
            if a.name == name:
                return a
        from .errors import InputError

        names = ", ".join(a.name for a in self.attributes)
        raise InputError("attribute_unknown", name=name, names=names)

    def arrays(self, name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Measurements of one attribute as float arrays, rows without a value dropped.

        Returns
        -------
        time : numpy.ndarray
            Storage time [day].
        temperature : numpy.ndarray
            Storage temperature [K].
        value : numpy.ndarray
            Attribute value [attribute unit].
        rows : numpy.ndarray
            Source row numbers (for messages).
        """
        self.attribute(name)
        col = self.data[name].to_numpy(dtype=float)
        keep = np.isfinite(col)
        return (
            self.data[TIME].to_numpy(dtype=float)[keep],
            self.data[TEMPERATURE].to_numpy(dtype=float)[keep],
            col[keep],
            np.asarray(self.data.index)[keep],
        )

    @property
    def temperatures(self) -> np.ndarray:
        """Distinct storage temperatures of the study [K], ascending."""
        return np.unique(np.round(self.data[TEMPERATURE].to_numpy(dtype=float), 6))

    @classmethod
    def from_dataframe(
        cls,
        df: pd.DataFrame,
        attributes: list[Attribute | dict[str, Any]],
        *,
        name: str = "study",
        product: str = "",
        storage: Any = ("30 degC",),
        units: dict[str, str] | None = None,
        file: str | None = None,
        storage_rh: Any = None,
        method: str = "kinetics",
    ) -> Study:
        """Build and validate a study from a table of measurements.

        Parameters
        ----------
        df : pandas.DataFrame
            One row per measurement, with columns ``time`` and ``temperature`` and one column
            per attribute. Units come from headers such as ``"time [week]"`` or
            ``"peroxide_value [meq/kg]"``, or from ``units``.
        attributes : list of Attribute or dict
            The attributes to analyse with their limits and directions.
        name, product : str
            Identifier and description of the study.
        storage : sequence of temperature-like
            Temperatures at which shelf life is wanted, e.g. ``["30 degC"]``.
        units : dict, optional
            Column name -> unit, for columns whose header carries no unit.
        file : str, optional
            Source file name used in error messages.
        storage_rh : quantity-like, optional
            Relative humidity of the storage conditions, e.g. ``"75 %"``.
        method : {"kinetics", "ich_q1e"}
            ``"ich_q1e"`` allows a single storage temperature (real-time batch data).
        """
        from .io.table import study_from_table

        return study_from_table(
            df,
            attributes,
            name=name,
            product=product,
            storage=storage,
            units=units,
            file=file,
            storage_rh=storage_rh,
            method=method,
        )
