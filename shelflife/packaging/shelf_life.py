r"""Moisture-limited shelf life of a packaged dry food (Labuza's critical-moisture model).

A crisp or dry food fails when its moisture reaches the critical value :math:`m_c`
("kadar air kritis"). Water enters through the film, driven by the difference between the
outside vapour pressure and the vapour pressure in equilibrium with the product [1]_ [2]_:

.. math::

    \frac{dm}{dt} = \frac{k_p}{x}\,\frac{A}{W_s}\,(p_{out} - p_{in}), \qquad
    p_{out} = \frac{RH}{100}\,p_0(T), \qquad p_{in} = a_w(m)\,p_0(T),

with :math:`m` the moisture [g water/g dry solids], :math:`k_p/x` the film permeance
[g/(m²·day·Pa)], :math:`A` the package area [m²], :math:`W_s` the dry solids [g],
:math:`p_0` the saturation vapour pressure and :math:`a_w(m)` the product's sorption
isotherm read backwards.

**Closed form** (:func:`labuza_shelf_life`). With a linear isotherm :math:`m = b\,a_w + c`
between :math:`m_i` and :math:`m_c`, the equation integrates to [1]_ [2]_

.. math::

    \ln\frac{m_e - m_i}{m_e - m_c} = \frac{k_p}{x}\,\frac{A}{W_s}\,\frac{p_0}{b}\,\theta_s,

:math:`m_e` being the equilibrium moisture at the outside RH. This is the "model kadar air
kritis" of Indonesian practice, :math:`t_s = \ln[(M_e - M_i)/(M_e - M_c)] /
[(k/x)(A/W_s)(P_o/b)]`. The slope :math:`b` is the secant of the isotherm between
:math:`m_i` and :math:`m_c` (or given); :math:`m_e` is read from the isotherm at the outside
RH (or given).

**Numerical solution** (:func:`moisture_uptake`). The balance is integrated with the
isotherm itself (GAB, Oswin...) by :func:`scipy.integrate.solve_ivp` with an event at
:math:`m = m_c`, step by step through a piecewise-constant temperature/RH history
(:class:`shelflife.profiles.TemperatureProfile`), with the film permeance converted to each
step's temperature. For a linear isotherm it reproduces the closed form.

Assumptions (Taoukis et al. [2]_): the film is the only resistance (no internal gradient in
the product), the headspace holds negligible water, the isotherm does not depend on
temperature over the range, and there is no hysteresis.

The closed form is in :mod:`.labuza` (result :class:`LabuzaShelfLife` in
:mod:`.labuza_result`), the numerical solution in :mod:`.uptake` (result
:class:`MoistureUptake` in :mod:`.uptake_result`), the isotherm interface in
:mod:`.sorption`. Their names are importable from here as before the split.

References
----------
.. [1] T. P. Labuza, *Shelf-Life Dating of Foods*. Westport, CT, USA: Food & Nutrition
   Press, 1982, ch. on moisture gain of packaged foods.
.. [2] P. S. Taoukis, A. El Meskine and T. P. Labuza, "Moisture transfer and shelf life of
   packaged foods," in *Food and Packaging Interactions*, J. H. Hotchkiss, Ed., ACS Symp.
   Ser. 365. Washington, DC, USA: ACS, 1988, pp. 243-261. doi:10.1021/bk-1988-0365.ch019
.. [3] G. L. Robertson, *Food Packaging: Principles and Practice*, 3rd ed. Boca Raton, FL,
   USA: CRC Press, 2013, ch. 16 (shelf life of moisture-sensitive foods).
"""

from __future__ import annotations

# ``X as X``: importable from here as before the split (by shelflife.packaging.compare)
from ._uptake_common import _dedupe as _dedupe
from ._uptake_common import _emit as _emit
from .labuza import labuza_shelf_life
from .labuza_result import LabuzaShelfLife
from .sorption import SorptionIsotherm
from .uptake import moisture_uptake
from .uptake_result import MoistureUptake

__all__ = [
    "SorptionIsotherm",
    "LabuzaShelfLife",
    "MoistureUptake",
    "labuza_shelf_life",
    "moisture_uptake",
]
