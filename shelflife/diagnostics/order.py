"""Whether the reaction order that fits best changes with temperature."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import FitError, InputError, Notice
from ._common import ORDER_EVIDENCE

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ..results import FitResult


def order_by_temperature(
    fit: FitResult, orders: Sequence[str] = ("zero", "first")
) -> pd.DataFrame | None:
    r"""The reaction order that fits best at each temperature on its own.

    At each temperature, each order is fitted alone (``temperature_model="isothermal"``)
    and compared by AIC; for orders with the same number of parameters (zero and first)
    :math:`\Delta\mathrm{AIC} = n_T \ln(\mathrm{SSE}_{other}/\mathrm{SSE}_{best})`. The order
    of a food reaction can change with temperature when the mechanism changes (van Boekel
    [4]_, ch. 4), and then no single order describes all temperatures.

    Parameters
    ----------
    fit : FitResult
    orders : sequence of str
        Orders to compare (by default zero and first).

    Returns
    -------
    pandas.DataFrame or None
        One row per temperature: ``temperature_C``, ``n``, ``aic_<order>`` per order,
        ``preferred`` (the order with the lowest AIC, ``None`` when undecidable) and
        ``delta_aic`` (AIC of the runner-up minus the best). ``None`` for humidity models
        (conditions are temperature-RH pairs).
    """
    import pandas as pd

    from ..fitting import fit_floats

    if fit.model.temperature.uses_rh:
        return None
    rows = []
    for T in np.unique(fit.temperature):
        m = fit.temperature == T
        t, y = fit.time[m], fit.value[m]
        row: dict[str, Any] = {"temperature_C": round(float(T) - 273.15, 6), "n": int(m.sum())}
        aics = {}
        for order in orders:
            aic = np.nan
            if np.unique(t).size >= 3:
                try:
                    f = fit_floats(
                        t,
                        np.full_like(t, T),
                        y,
                        order=order,
                        temperature_model="isothermal",
                        attribute=fit.attribute,
                    )
                    if f.converged and f.statistics["sse"] > 0:
                        aic = float(f.statistics["aic"])
                except (FitError, InputError):
                    pass
            row[f"aic_{order}"] = aic
            aics[order] = aic
        finite = {k: v for k, v in aics.items() if np.isfinite(v)}
        if len(finite) >= 2:
            ranked = sorted(finite, key=finite.get)
            row["preferred"] = ranked[0]
            row["delta_aic"] = finite[ranked[1]] - finite[ranked[0]]
        else:
            row["preferred"] = None
            row["delta_aic"] = np.nan
        rows.append(row)
    return pd.DataFrame(rows)


def _order_notice(fit: FitResult, table: pd.DataFrame | None) -> list[Notice]:
    """``order_varies_with_temperature`` when two temperatures clearly prefer different orders."""
    if table is None or table.empty:
        return []
    clear = table[(table["delta_aic"] >= ORDER_EVIDENCE) & table["preferred"].notna()]
    if clear["preferred"].nunique() < 2:
        return []
    low = clear.iloc[0]
    high = next(r for _, r in clear.iloc[::-1].iterrows() if r["preferred"] != low["preferred"])
    return [
        Notice(
            "order_varies_with_temperature",
            "plausibility",
            fit.attribute.name,
            {
                "low_order": str(low["preferred"]),
                "low_temperature": float(low["temperature_C"]),
                "high_order": str(high["preferred"]),
                "high_temperature": float(high["temperature_C"]),
            },
        )
    ]
