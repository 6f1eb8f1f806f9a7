"""Small, dependency-free facts about portable file names, shared by the writers."""

from __future__ import annotations

__all__ = ["WINDOWS_DEVICE_NAMES", "is_windows_device_name"]

#: Device names Windows reserves in every folder, with or without an extension (Microsoft,
#: "Naming Files, Paths, and Namespaces": CON, PRN, AUX, NUL, COM0-COM9, COM¹-COM³,
#: LPT0-LPT9, LPT¹-LPT³; CONIN$ and CONOUT$ are the console devices).
WINDOWS_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")]
)


def is_windows_device_name(name: str) -> bool:
    """Whether Windows treats the file ``name`` as a device (the part before the first dot).

    Examples
    --------
    >>> [is_windows_device_name(n) for n in ("CON", "nul.txt", "com0", "Lpt¹.csv", "console")]
    [True, True, True, True, False]
    """
    return name.split(".", 1)[0].rstrip(" ").upper() in WINDOWS_DEVICE_NAMES
