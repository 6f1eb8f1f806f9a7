"""Small statistical helpers on floats.

Kept light: no ``scipy.stats`` import, which costs about half a second at start-up.
"""

from __future__ import annotations

__all__ = ["t_quantile"]


def t_quantile(p: float, dof: float) -> float:
    """Quantile ``p`` of Student's t distribution with ``dof`` degrees of freedom.

    Returns ``nan`` when ``dof <= 0``.

    Examples
    --------
    >>> round(t_quantile(0.975, 52), 6)
    2.006647
    """
    if not dof or dof <= 0:
        return float("nan")
    from scipy.special import stdtrit

    return float(stdtrit(dof, p))


def z_quantile(p: float) -> float:
    """Quantile ``p`` of the standard normal distribution."""
    from scipy.special import ndtri

    return float(ndtri(p))
