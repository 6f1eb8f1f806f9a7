"""Small, dependency-free helpers about text encodings, shared by the readers."""

from __future__ import annotations

__all__ = ["utf16_without_bom"]


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when every other byte is zero (ASCII-like text).

    Parameters
    ----------
    head : bytes
        The first bytes of a file (a few kilobytes are enough).

    Examples
    --------
    >>> utf16_without_bom("time,value".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_without_bom(b"time,value") is None
    True
    """
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) / 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None
