"""Write many synthetic three-temperature study folders, for batch tests and benchmarks.

Run from the repository root::

    python benchmarks/make_synthetic_studies.py OUT_DIR -n 1000 [--seed 0]

or from Python::

    from make_synthetic_studies import make_synthetic_studies
    folders = make_synthetic_studies("studies", 1000, seed=0)

Each folder ``OUT_DIR/study-000001`` (grouped in sub-folders of 1,000 when ``n > 1000``:
``OUT_DIR/g000/study-000001``) holds a valid ``study.toml`` and ``data.csv`` like
``sample_data/keripik-tempe``, with one attribute:

- even studies: ``peroxide_value [meq/kg]``, first order rising, y0 ≈ 1.0, limit 10 (max),
  noise SD 0.15 meq/kg, 2 decimals;
- odd studies: ``moisture [%]``, zero order rising, y0 ≈ 2.0, limit 4.0 (max),
  noise SD 0.08 %, 2 decimals.

Design: 3 temperatures (25, 35, 45 °C) × 7 pulls (0, 7, ..., 42 days) × 3 replicates = 63
points; Arrhenius rate ``k(T) = k_ref exp(-(Ea/R)(1/T - 1/T_ref))`` with T_ref = 30 °C. The
true values vary per study: Ea uniform in 60–100 kJ/mol (first order) or 35–60 kJ/mol (zero
order), k_ref log-uniform around the sample study's (0.0140 1/day, 0.0090 %/day, ×/÷ 1.5),
y0 ±10 %. Study ``i`` depends only on ``(seed, i)`` (``numpy.random.default_rng([seed, i])``
draws its true values), so the first 100 studies of a 27,000-study set are the 100 studies of
a 100-study set; the whole set's noise is drawn at once per block for speed. Running twice
gives byte-identical files. Storage temperature: 30 °C.

The generator is plain numpy on purpose: it must not depend on the code it is used to test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

__all__ = ["make_synthetic_studies", "study_toml", "TEMPERATURES_C", "TIMES_DAY"]

#: Gas constant [kJ/(mol K)].
R_KJ = 8.314462618e-3
#: Reference temperature of k_ref [°C].
T_REF_C = 30.0
#: Chamber temperatures [°C].
TEMPERATURES_C = (25.0, 35.0, 45.0)
#: Pull times [day].
TIMES_DAY = (0, 7, 14, 21, 28, 35, 42)
#: Replicates per pull.
REPLICATES = 3

_KINDS = (
    # name, unit, order, y0, k_ref, Ea range, noise SD, limit
    ("peroxide_value", "meq/kg", "first", 1.0, 0.0140, (60.0, 100.0), 0.15, 10.0),
    ("moisture", "%", "zero", 2.0, 0.0090, (35.0, 60.0), 0.08, 4.0),
)


def study_toml(name: str, product: str, attribute: str, unit: str, limit: float, model: str):
    """Text of a one-attribute ``study.toml`` (storage at 30 °C)."""
    return (
        "# Synthetic study written by benchmarks/make_synthetic_studies.py\n"
        "schema_version = 1\n\n"
        "[study]\n"
        f'name = "{name}"\n'
        f'product = "{product}"\n'
        'data = "data.csv"\n\n'
        "[[attributes]]\n"
        f'name = "{attribute}"\n'
        f'unit = "{unit}"\n'
        f"limit = {limit}\n"
        'direction = "max"\n'
        f'model = "{model}"\n'
        'temperature_model = "arrhenius"\n\n'
        "[conditions]\n"
        'storage = ["30 degC"]\n'
    )


def _true_values(seed: int, i: int) -> tuple[float, float, float]:
    """(y0, k_ref [1/day or unit/day], Ea [kJ/mol]) of study ``i``."""
    _, _, _, y0, k_ref, (ea_lo, ea_hi), _, _ = _KINDS[i % 2]
    rng = np.random.default_rng([seed, i])
    u = rng.random(3)
    return (
        y0 * (0.9 + 0.2 * u[0]),
        k_ref * float(np.exp(np.log(1.5) * (2.0 * u[1] - 1.0))),
        ea_lo + (ea_hi - ea_lo) * u[2],
    )


def _prefix_lines() -> list[str]:
    """``time,temperature,replicate,`` of the 63 rows, in file order."""
    return [
        f"{t},{T:g},{r},"
        for T in TEMPERATURES_C
        for t in TIMES_DAY
        for r in range(1, REPLICATES + 1)
    ]


def make_synthetic_studies(
    out: str | os.PathLike,
    n: int,
    *,
    seed: int = 0,
    model: str | None = None,
    group: int | None = None,
) -> list[Path]:
    """Write ``n`` synthetic study folders under ``out``.

    Parameters
    ----------
    out : str or os.PathLike
        Parent folder (created if missing). Existing study folders are overwritten.
    n : int
        Number of studies.
    seed : int, optional
        Seed; study ``i`` depends only on ``(seed, i)``.
    model : str, optional
        ``model`` key written in each study.toml (e.g. ``"auto"``); default: the true order
        (``"first"`` or ``"zero"``).
    group : int, optional
        Studies per sub-folder; default: none when ``n <= 1000``, else 1,000.

    Returns
    -------
    list of pathlib.Path
        The study folders, in order.
    """
    out = Path(out)
    if group is None:
        group = 0 if n <= 1000 else 1000
    T_K = np.repeat(np.asarray(TEMPERATURES_C) + 273.15, len(TIMES_DAY) * REPLICATES)
    t = np.tile(np.repeat(np.asarray(TIMES_DAY, dtype=float), REPLICATES), len(TEMPERATURES_C))
    arr = np.exp(-(1.0 / R_KJ) * (1.0 / T_K - 1.0 / (T_REF_C + 273.15)))
    prefixes = _prefix_lines()
    headers = {
        name: f"time [day],temperature [°C],replicate,{name} [{unit}]\n"
        for name, unit, *_ in _KINDS
    }
    noise = np.random.default_rng([seed, 2**31]).standard_normal((n, t.size))
    folders = []
    for i in range(n):
        name, unit, order, _, _, _, sd, limit = _KINDS[i % 2]
        y0, k_ref, ea = _true_values(seed, i)
        k = k_ref * arr**ea
        y = y0 * np.exp(k * t) if order == "first" else y0 + k * t
        y = np.round(y + sd * noise[i], 2)
        sid = f"study-{i + 1:06d}"
        folder = out / (f"g{i // group:03d}" if group else "") / sid
        folder.mkdir(parents=True, exist_ok=True)
        product = "Keripik (synthetic)" if order == "first" else "Kerupuk (synthetic)"
        toml = study_toml(sid, product, name, unit, limit, model or order)
        (folder / "study.toml").write_text(toml, encoding="utf-8", newline="\n")
        body = "".join(f"{p}{v:.2f}\n" for p, v in zip(prefixes, y.tolist(), strict=True))
        (folder / "data.csv").write_text(headers[name] + body, encoding="utf-8", newline="\n")
        folders.append(folder)
    return folders


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Write synthetic three-temperature study folders.")
    p.add_argument("out", help="parent folder")
    p.add_argument("-n", type=int, default=1000, help="number of studies (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="seed (default 0)")
    p.add_argument("--model", default=None, help='model key in study.toml (e.g. "auto")')
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    folders = make_synthetic_studies(args.out, args.n, seed=args.seed, model=args.model)
    print(f"{len(folders)} studies in {args.out} ({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
