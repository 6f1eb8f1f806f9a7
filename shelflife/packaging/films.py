r"""Water-vapour barriers: WVTR with its test condition, permeance, permeability, library.

A film's **water-vapour transmission rate** (WVTR) [g/(m²·day)] is meaningless without the
condition it was measured at: the temperature and the relative humidity on each side (ASTM
F1249 and ASTM E96 commonly use 38 °C with 90 % RH on one side and ~0 % on the other, the
"tropical" condition). Dividing by the vapour-pressure difference of the test gives the
**permeance** (Labuza's :math:`k_p/x`, Indonesian "k/x")

.. math::

    P = \frac{\mathrm{WVTR}}{\Delta p}, \qquad
    \Delta p = p_0(T_{test})\,\frac{RH_{wet} - RH_{dry}}{100}
    \quad [\mathrm{g/(m^2\,day\,Pa)}],

which lab practice states per mmHg (1 mmHg = 133.322 Pa). The **permeability** is the
permeance times the thickness, :math:`k_p = P\,x` [g·µm/(m²·day·Pa)]; for a single
homogeneous polymer layer the WVTR therefore scales as :math:`1/x`. Metallised films,
foil laminates and coated papers do not scale that way (their barrier is a thin layer).

**Temperature.** Permeance follows an Arrhenius law with the activation energy of
permeation :math:`E_P` [1]_ [2]_,

.. math::

    P(T) = P(T_{test})\,\exp\!\left[-\frac{E_P}{R}\left(\frac{1}{T} -
           \frac{1}{T_{test}}\right)\right].

Note that a WVTR measured at a fixed RH rises with temperature much faster than the
permeance, because :math:`p_0(T)` does. When :math:`E_P` is unknown the permeance is held
constant and a coded notice (``film_permeation_energy_unknown``) says so.

The film library (``shelflife/packaging/data/films.toml``; :func:`film_library`,
:func:`library_film`) holds **typical** values with their sources. They are for ranking
options and first sizing: measure your own film.

References
----------
.. [1] G. L. Robertson, *Food Packaging: Principles and Practice*, 3rd ed. Boca Raton, FL,
   USA: CRC Press, 2013, ch. 4 (permeability of thermoplastic polymers).
.. [2] P. S. Taoukis, A. El Meskine and T. P. Labuza, "Moisture transfer and shelf life of
   packaged foods," in *Food and Packaging Interactions*, ACS Symp. Ser. 365, 1988,
   pp. 243-261. doi:10.1021/bk-1988-0365.ch019
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..errors import InputError, Notice
from ..units import GAS_CONSTANT
from . import _inputs
from .vapour import PA_PER_MMHG, _p0_pa

__all__ = [
    "WvtrCondition",
    "Film",
    "TROPICAL",
    "film_library",
    "library_film",
    "film_keys",
]

_WVTR_EXAMPLES = "'5 g/(m2*day)' or Q_(5, 'g/(m**2*day)')"
_THICKNESS_EXAMPLES = "'25 um' or '1 mil'"


@dataclass(frozen=True)
class WvtrCondition:
    """The condition a WVTR was measured at.

    Attributes
    ----------
    temperature : float
        Test temperature [K].
    rh : float
        Relative humidity on the humid side [%].
    rh_dry : float
        Relative humidity on the dry side [%] (0 for a desiccant cell or a dry carrier gas).
    """

    temperature: float
    rh: float
    rh_dry: float = 0.0

    def __post_init__(self) -> None:
        T, h, d = float(self.temperature), float(self.rh), float(self.rh_dry)
        if not (math.isfinite(T) and 273.16 <= T <= 373.15):
            raise InputError(
                "temperature_implausible", value=f"{T - 273.15:g} °C", low="0 °C", high="100 °C"
            )
        if not (0.0 <= d < h <= 100.0):
            raise InputError("uptake_rh_out_of_range", value=f"{d:g} % to {h:g} %")
        object.__setattr__(self, "temperature", T)
        object.__setattr__(self, "rh", h)
        object.__setattr__(self, "rh_dry", d)

    @classmethod
    def from_quantities(cls, temperature: Any, rh: Any, rh_dry: Any = 0.0) -> WvtrCondition:
        """From a temperature (``"38 degC"``) and RHs (``"90 %"`` or fractions 0-1)."""
        from ..units import to_kelvin

        return cls(
            float(to_kelvin(temperature)),
            100.0 * _inputs.rh_fraction(rh),
            100.0 * _inputs.rh_fraction(rh_dry),
        )

    @property
    def delta_p(self) -> float:
        """Vapour-pressure difference across the film during the test [Pa]."""
        return _p0_pa(self.temperature) * (self.rh - self.rh_dry) / 100.0

    def label(self, lang: str = "en") -> str:
        """E.g. ``"38 °C / 90 % RH"``."""
        text = _inputs.condition_label(self.temperature, self.rh, lang)
        if self.rh_dry:
            text += f" ({self.rh_dry:g} % {'sisi kering' if lang == 'id' else 'dry side'})"
        return text

    def to_dict(self) -> dict[str, Any]:
        """``{"temperature": {...degC}, "rh": {...%}, "rh_dry": {...%}}``."""
        return {
            "temperature": {"value": round(_inputs.celsius(self.temperature), 6), "unit": "degC"},
            "rh": {"value": self.rh, "unit": "%"},
            "rh_dry": {"value": self.rh_dry, "unit": "%"},
        }


#: ASTM F1249 / ASTM E96 "tropical" test condition: 37.8 °C (100 °F), 90 % RH vs dry.
TROPICAL = WvtrCondition(311.15, 90.0, 0.0)


@dataclass(frozen=True)
class Film:
    """A water-vapour barrier: its WVTR at a stated test condition.

    Build one with :meth:`from_wvtr` (quantities, condition required), :meth:`from_permeance`
    (lab "k/x" in g/(m²·day·mmHg)) or :func:`library_film`; the constructor takes working
    floats.

    Attributes
    ----------
    name : str
    wvtr : float
        Water-vapour transmission rate at ``condition`` [g/(m²·day)].
    condition : WvtrCondition
        The test condition of ``wvtr``.
    thickness : float or None
        Thickness the WVTR refers to [µm].
    activation_energy : float or None
        Activation energy of the permeance [kJ/mol]; ``None`` holds the permeance constant.
    scalable : bool
        Whether WVTR scales as 1/thickness (single homogeneous polymer layer).
    key : str or None
        Library key, for library films.
    typical : bool
        True for library (typical, not measured) values.
    wvtr_range : tuple of float or None
        Published range of the typical WVTR [g/(m²·day)].
    sources : tuple of str
        URLs of the values.
    note : str
    """

    name: str
    wvtr: float
    condition: WvtrCondition = TROPICAL
    thickness: float | None = None
    activation_energy: float | None = None
    scalable: bool = True
    key: str | None = None
    typical: bool = False
    wvtr_range: tuple[float, float] | None = None
    sources: tuple[str, ...] = ()
    note: str = ""
    name_id: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        w = float(self.wvtr)
        if not (math.isfinite(w) and w > 0):
            raise InputError("film_value_invalid", what="WVTR", film=self.name, value=f"{w:g}")
        object.__setattr__(self, "wvtr", w)
        if self.thickness is not None:
            x = float(self.thickness)
            if not (math.isfinite(x) and x > 0):
                raise InputError(
                    "film_value_invalid", what="thickness", film=self.name, value=f"{x:g} µm"
                )
            object.__setattr__(self, "thickness", x)
        if self.activation_energy is not None:
            e = float(self.activation_energy)
            if not math.isfinite(e):
                raise InputError(
                    "film_value_invalid", what="activation energy", film=self.name, value=e
                )
            object.__setattr__(self, "activation_energy", e)
        object.__setattr__(self, "sources", tuple(self.sources))

    # ------------------------------------------------------------ constructors
    @classmethod
    def from_wvtr(
        cls,
        wvtr: Any,
        *,
        temperature: Any = None,
        rh: Any = None,
        rh_dry: Any = 0.0,
        thickness: Any = None,
        activation_energy: Any = None,
        scalable: bool = True,
        name: str = "film",
    ) -> Film:
        """A film from a measured or data-sheet WVTR **and its test condition**.

        Parameters
        ----------
        wvtr : pint.Quantity or str
            E.g. ``"4.5 g/(m2*day)"``, ``"0.3 g/(100 in2*day)"`` [mass/(area·time)].
        temperature : pint.Quantity or str
            Test temperature, e.g. ``"38 degC"`` [°C, K or °F]. Required.
        rh : pint.Quantity, str or float
            Test RH on the humid side, ``"90 %"`` or 0.90. Required.
        rh_dry : pint.Quantity, str or float
            RH on the dry side (default 0).
        thickness : pint.Quantity or str, optional
            Film thickness, e.g. ``"25 um"`` [length].
        activation_energy : pint.Quantity or str, optional
            Activation energy of permeation, e.g. ``"30 kJ/mol"``.
        scalable : bool
            False for metallised, foil or coated structures.
        name : str

        Raises
        ------
        shelflife.errors.InputError
            ``film_condition_missing`` naming the missing temperature and/or RH.

        Examples
        --------
        >>> f = Film.from_wvtr("5 g/(m2*day)", temperature="38 degC", rh="90 %", name="OPP")
        >>> round(f.permeance().magnitude, 4)  # g/(m²·day·mmHg) at 38 °C
        0.1117
        """
        missing = [w for w, v in (("temperature", temperature), ("RH", rh)) if v is None]
        if missing:
            raise InputError(
                "film_condition_missing",
                what="WVTR",
                film=name,
                missing=" and ".join(missing),
            )
        value = _inputs.magnitude(wvtr, "g/(m**2*day)", what="WVTR", examples=_WVTR_EXAMPLES)
        cond = WvtrCondition.from_quantities(temperature, rh, rh_dry)
        return cls(
            name=name,
            wvtr=value,
            condition=cond,
            thickness=_thickness(thickness),
            activation_energy=_energy(activation_energy),
            scalable=scalable,
        )

    @classmethod
    def from_permeance(
        cls,
        permeance: Any,
        *,
        temperature: Any = None,
        thickness: Any = None,
        activation_energy: Any = None,
        scalable: bool = True,
        name: str = "film",
    ) -> Film:
        """A film from its permeance, e.g. the lab's "k/x" in g/(m²·day·mmHg).

        Parameters
        ----------
        permeance : pint.Quantity or str
            E.g. ``"0.0012 g/(m2*day*mmHg)"`` [mass/(area·time·pressure)].
        temperature : pint.Quantity or str
            Temperature the permeance was determined at. Required.

        Notes
        -----
        Stored as the equivalent WVTR at ``temperature`` with 100 % RH against 0 %, so
        :meth:`permeance` at that temperature returns the input exactly.
        """
        if temperature is None:
            raise InputError(
                "film_condition_missing", what="permeance", film=name, missing="temperature"
            )
        p = _inputs.magnitude(
            permeance,
            "g/(m**2*day*Pa)",
            what="permeance",
            examples="'0.0012 g/(m2*day*mmHg)'",
        )
        if not (math.isfinite(p) and p > 0):
            raise InputError("film_value_invalid", what="permeance", film=name, value=f"{p:g}")
        cond = WvtrCondition.from_quantities(temperature, 1.0, 0.0)
        return cls(
            name=name,
            wvtr=p * cond.delta_p,
            condition=cond,
            thickness=_thickness(thickness),
            activation_energy=_energy(activation_energy),
            scalable=scalable,
        )

    def with_thickness(self, thickness: Any) -> Film:
        """The same polymer at another thickness (WVTR scaled as 1/thickness).

        Raises
        ------
        shelflife.errors.InputError
            ``film_not_scalable`` for metallised, foil or coated structures, or when the
            film has no reference thickness.
        """
        x = _thickness(thickness)
        if not self.scalable or self.thickness is None:
            raise InputError("film_not_scalable", film=self.name)
        name = self.name if self.key is None else f"{self.name} {x:g} µm"
        return replace(self, wvtr=self.wvtr * self.thickness / x, thickness=x, name=name)

    def with_wvtr(self, wvtr: float) -> Film:
        """The same film with another WVTR at the same test condition [g/(m²·day)]."""
        return replace(self, wvtr=float(wvtr), typical=False, wvtr_range=None)

    # ------------------------------------------------------------- physics
    def permeance_pa(self, T_K: float | None = None) -> float:
        """Permeance at ``T_K`` (the test temperature if omitted) [g/(m²·day·Pa)]."""
        P = self.wvtr / self.condition.delta_p
        if T_K is None or self.activation_energy is None:
            return P
        Tt = self.condition.temperature
        return P * math.exp(-(self.activation_energy / GAS_CONSTANT) * (1.0 / T_K - 1.0 / Tt))

    def permeance(self, temperature: Any = None, unit: str = "g/(m**2*day*mmHg)"):
        """Permeance :math:`k_p/x` at ``temperature`` as a Quantity [``unit``].

        Without ``temperature``, at the test temperature.
        """
        from ..units import get_registry, to_kelvin

        T = None if temperature is None else float(to_kelvin(temperature))
        return get_registry().Quantity(self.permeance_pa(T), "g/(m**2*day*Pa)").to(unit)

    def permeability(self, temperature: Any = None, unit: str = "g*um/(m**2*day*Pa)"):
        """Permeability :math:`k_p` = permeance × thickness [``unit``].

        Raises ``film_value_invalid`` when the film has no thickness.
        """
        if self.thickness is None:
            raise InputError("film_value_invalid", what="thickness", film=self.name, value="none")
        from ..units import get_registry

        P = self.permeance(temperature, "g/(m**2*day*Pa)").magnitude
        return get_registry().Quantity(P * self.thickness, "g*um/(m**2*day*Pa)").to(unit)

    def wvtr_at(self, temperature: Any, rh: Any, rh_dry: Any = 0.0):
        """The WVTR this film would show at another test condition [g/(m²·day)].

        Examples
        --------
        >>> f = Film.from_wvtr("5 g/(m2*day)", temperature="38 degC", rh="90 %")
        >>> round(f.wvtr_at("38 degC", "90 %").magnitude, 6)
        5.0
        """
        from ..units import get_registry

        cond = WvtrCondition.from_quantities(temperature, rh, rh_dry)
        w = self.permeance_pa(cond.temperature) * cond.delta_p
        return get_registry().Quantity(w, "g/(m**2*day)")

    def notices_at(self, T_K: float) -> list[Notice]:
        """Notices for using this film at storage temperature ``T_K`` [K]."""
        out: list[Notice] = []
        if self.typical:
            low, high = self.wvtr_range or (self.wvtr, self.wvtr)
            out.append(
                Notice(
                    "film_typical_values",
                    "design",
                    None,
                    {
                        "film": self.name,
                        "wvtr": float(self.wvtr),
                        "low": float(low),
                        "high": float(high),
                        "thickness": "?" if self.thickness is None else float(self.thickness),
                        "temperature": round(_inputs.celsius(self.condition.temperature), 2),
                        "rh": float(self.condition.rh),
                    },
                )
            )
        if self.activation_energy is None and abs(T_K - self.condition.temperature) > 0.05:
            out.append(
                Notice(
                    "film_permeation_energy_unknown",
                    "extrapolation",
                    None,
                    {
                        "film": self.name,
                        "test": round(_inputs.celsius(self.condition.temperature), 2),
                        "storage": round(_inputs.celsius(T_K), 2),
                    },
                )
            )
        return out

    def _condition_text(self) -> str:
        text = self.condition.label("en")
        if self.thickness is not None:
            text = f"{self.thickness:g} µm, " + text
        return text

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready description (WVTR and its test condition, permeance at the test)."""
        return {
            "name": self.name,
            "key": self.key,
            "wvtr": {"value": self.wvtr, "unit": "g/(m2*day)"},
            "test_condition": self.condition.to_dict(),
            "thickness": None
            if self.thickness is None
            else {"value": self.thickness, "unit": "um"},
            "permeance_at_test": {
                "value": self.permeance_pa() * PA_PER_MMHG,
                "unit": "g/(m2*day*mmHg)",
            },
            "activation_energy": None
            if self.activation_energy is None
            else {"value": self.activation_energy, "unit": "kJ/mol"},
            "scalable": self.scalable,
            "typical": self.typical,
            "wvtr_range": None if self.wvtr_range is None else list(self.wvtr_range),
            "sources": list(self.sources),
        }

    def __str__(self) -> str:
        kind = " (typical)" if self.typical else ""
        return f"{self.name}: WVTR {self.wvtr:.4g} g/(m²·day) at {self._condition_text()}{kind}"


def _thickness(value: Any) -> float | None:
    if value is None:
        return None
    return _inputs.magnitude(value, "um", what="thickness", examples=_THICKNESS_EXAMPLES)


def _energy(value: Any) -> float | None:
    if value is None:
        return None
    from ..units import to_kj_per_mol

    return float(to_kj_per_mol(value))


# ---------------------------------------------------------------------- library
@lru_cache(maxsize=1)
def _library_raw() -> dict[str, dict[str, Any]]:
    import tomllib
    from importlib import resources

    text = resources.files("shelflife.packaging").joinpath("data/films.toml").read_bytes()
    return tomllib.loads(text.decode("utf-8"))["films"]


def film_keys() -> tuple[str, ...]:
    """Keys of the film library (``"ldpe"``, ``"pp"``, ``"bopp"``, ``"pet_al_pe"``...)."""
    return tuple(_library_raw())


def film_library() -> dict[str, Film]:
    """The film library: key -> :class:`Film` with typical values at the stated thickness.

    Typical values with their sources (``shelflife/packaging/data/films.toml``); **measure
    your own film**.
    """
    out = {}
    for key, e in _library_raw().items():
        out[key] = Film(
            name=e["name"],
            wvtr=e["wvtr"],
            condition=WvtrCondition(
                e["test_temperature_C"] + 273.15, e["test_rh"], e.get("test_rh_dry", 0.0)
            ),
            thickness=e.get("thickness_um"),
            activation_energy=e.get("activation_energy_kj"),
            scalable=bool(e.get("scalable", False)),
            key=key,
            typical=bool(e.get("typical", True)),
            wvtr_range=(e["wvtr_low"], e["wvtr_high"]),
            sources=tuple(e.get("sources", ())),
            note=e.get("note", ""),
            name_id=e.get("name_id"),
        )
    return out


def library_film(key: str, thickness: Any = None) -> Film:
    """A library film, optionally at another ``thickness`` (scalable films only).

    Examples
    --------
    >>> f = library_film("pp", "40 um")
    >>> round(f.wvtr, 2)  # typical 11 g/(m²·day) at 25.4 µm, 38 °C / 90 % RH
    6.98
    """
    lib = film_library()
    k = str(key).strip().lower()
    if k not in lib:
        raise InputError("film_unknown", name=key, choices=", ".join(lib))
    f = lib[k]
    return f if thickness is None else f.with_thickness(thickness)
