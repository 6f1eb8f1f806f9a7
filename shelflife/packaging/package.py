r"""A package: a water-vapour barrier of a given area around a given mass of dry solids.

The moisture balance of a packaged dry food involves the package only through the ratio
:math:`A/W_s` of the water-exchanging area :math:`A` [m²] (both faces of a pouch) to the
product's dry solids :math:`W_s` [g] [1]_ [2]_. Indonesian lab practice computes :math:`A`
as length × width × 2 and :math:`W_s` from the net mass corrected for the initial moisture.

The headspace is ignored: its water is negligible next to the product's (a litre of air at
30 °C / 75 % RH holds about 23 mg of water), and the model assumes the film, not the
headspace or the product, is the resistance to water transport (Taoukis et al. [2]_ give
the dimensionless check). Seals and creases are taken to transmit like the film.

References
----------
.. [1] T. P. Labuza, *Shelf-Life Dating of Foods*. Westport, CT, USA: Food & Nutrition
   Press, 1982.
.. [2] P. S. Taoukis, A. El Meskine and T. P. Labuza, "Moisture transfer and shelf life of
   packaged foods," in *Food and Packaging Interactions*, ACS Symp. Ser. 365, 1988,
   pp. 243-261. doi:10.1021/bk-1988-0365.ch019
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from . import _inputs
from .films import Film, library_film

__all__ = ["Package", "pouch_area", "dry_solids"]


def pouch_area(width: Any, length: Any, *, faces: int = 2):
    """Water-exchanging area of a flat pouch: ``faces × width × length`` [m²].

    Parameters
    ----------
    width, length : pint.Quantity or str
        Inside dimensions of the pouch, e.g. ``"12 cm"`` [length].
    faces : int
        2 for a pillow or flat pouch (both faces exchange water).

    Examples
    --------
    >>> round(pouch_area("15 cm", "20 cm").magnitude, 6)
    0.06
    """
    from ..units import get_registry

    w = _inputs.magnitude(width, "m", what="pouch width", examples="'15 cm'")
    ln = _inputs.magnitude(length, "m", what="pouch length", examples="'20 cm'")
    for what, v in (("width", w), ("length", ln)):
        if not (math.isfinite(v) and v > 0):
            raise InputError("package_value_invalid", what=what, value=f"{v:g} m")
    return get_registry().Quantity(faces * w * ln, "m**2")


def dry_solids(net_mass: Any, moisture: Any, *, basis: str = "wet"):
    """Dry solids :math:`W_s` of a pack from its net mass and moisture content [g].

    ``basis="wet"``: :math:`W_s = W (1 - m_{wb})`; ``basis="dry"``:
    :math:`W_s = W / (1 + m_{db})`.

    Examples
    --------
    >>> round(dry_solids("250 g", 0.04).magnitude, 6)
    240.0
    """
    from ..units import get_registry

    W = _inputs.magnitude(net_mass, "g", what="net mass", examples="'250 g'")
    if not (math.isfinite(W) and W > 0):
        raise InputError("package_value_invalid", what="net mass", value=f"{W:g} g")
    m_db = _inputs.moisture_db(moisture, what="initial", basis=basis)
    return get_registry().Quantity(W / (1.0 + m_db), "g")


@dataclass(frozen=True)
class Package:
    """A film of area ``area`` around ``dry_mass`` of product dry solids.

    Parameters
    ----------
    film : Film or str
        The barrier, or a library key (``"pp"``, ``"met_pet"``...).
    area : pint.Quantity, str or float
        Water-exchanging area, both faces (:func:`pouch_area`), e.g. ``"0.0546 m2"``; a
        float is in m².
    dry_mass : pint.Quantity, str or float
        Product dry solids :math:`W_s` per pack (:func:`dry_solids`), e.g. ``"238 g"``; a
        float is in g.
    name : str, optional
        Label of the option (default: the film's name).

    Attributes
    ----------
    area : float
        [m²]
    dry_mass : float
        [g]

    Notes
    -----
    The headspace is ignored (see the module documentation).

    Examples
    --------
    >>> pk = Package("pp", "0.06 m2", "240 g")
    >>> round(pk.area_per_dry_mass, 6)  # m²/g
    0.00025
    """

    film: Film
    area: float
    dry_mass: float
    name: str | None = None

    def __post_init__(self) -> None:
        film = self.film
        if isinstance(film, str):
            film = library_film(film)
        if not isinstance(film, Film):
            raise InputError("package_value_invalid", what="film", value=type(self.film).__name__)
        A = _inputs.magnitude(
            self.area, "m**2", what="package area", examples="'0.06 m2'", allow_bare=True
        )
        W = _inputs.magnitude(
            self.dry_mass, "g", what="dry mass", examples="'240 g'", allow_bare=True
        )
        if not (math.isfinite(A) and A > 0):
            raise InputError("package_value_invalid", what="area", value=f"{A:g} m²")
        if not (math.isfinite(W) and W > 0):
            raise InputError("package_value_invalid", what="dry mass", value=f"{W:g} g")
        object.__setattr__(self, "film", film)
        object.__setattr__(self, "area", A)
        object.__setattr__(self, "dry_mass", W)
        if self.name is None:
            object.__setattr__(self, "name", film.name)

    @classmethod
    def pouch(
        cls, film: Film | str, width: Any, length: Any, dry_mass: Any, *, name: str | None = None
    ) -> Package:
        """A flat pouch ``width × length`` (both faces) around ``dry_mass``."""
        return cls(film, pouch_area(width, length), dry_mass, name)

    @property
    def area_per_dry_mass(self) -> float:
        """:math:`A/W_s` [m²/g]."""
        return self.area / self.dry_mass

    def conductance(self, T_K: float) -> float:
        r"""Moisture conductance :math:`k_p/x \cdot A/W_s` at ``T_K`` [g/(g·day·Pa)]."""
        return self.film.permeance_pa(T_K) * self.area_per_dry_mass

    def with_film(self, film: Film, name: str | None = None) -> Package:
        """The same geometry and product with another film."""
        return Package(film, self.area, self.dry_mass, name or film.name)

    def to_dict(self) -> dict[str, Any]:
        """``{"name", "film", "area", "dry_mass", "area_per_dry_mass"}``."""
        return {
            "name": self.name,
            "film": self.film.to_dict(),
            "area": {"value": self.area, "unit": "m2"},
            "dry_mass": {"value": self.dry_mass, "unit": "g"},
            "area_per_dry_mass": {"value": self.area_per_dry_mass, "unit": "m2/g"},
        }

    def __str__(self) -> str:
        return f"{self.name}: {self.area:.4g} m² around {self.dry_mass:.4g} g dry solids"
