"""Shared fixtures: a simulated two-attribute study and its analysis (fixed seed)."""

import numpy as np
import pandas as pd
import pytest

from shelflife.study import Attribute, Study

R = 8.314462618e-3  # kJ/(mol K)
TEMPS_C = (25.0, 35.0, 45.0)
DAYS = np.arange(0.0, 43.0, 7.0)


def simulated_frame(seed: int = 20240601) -> pd.DataFrame:
    """First-order rising peroxide value (y0 = 1, k30 = 0.014/day, Ea = 75 kJ/mol, SD 0.15)
    and zero-order moisture (2 % + 0.02 %/day at 30 °C, Ea = 40 kJ/mol, SD 0.05), 25/35/45 °C,
    weekly for 6 weeks, 3 replicates."""
    rng = np.random.default_rng(seed)
    rows = []
    for T_c in TEMPS_C:
        T = T_c + 273.15
        k_pv = 0.014 * np.exp(-(75.0 / R) * (1 / T - 1 / 303.15))
        k_m = 0.02 * np.exp(-(40.0 / R) * (1 / T - 1 / 303.15))
        for day in DAYS:
            for rep in (1, 2, 3):
                rows.append(
                    {
                        "time [day]": day,
                        "temperature [degC]": T_c,
                        "replicate": rep,
                        "peroxide_value [meq/kg]": np.exp(k_pv * day) + rng.normal(0, 0.15),
                        "moisture [%]": 2.0 + k_m * day + rng.normal(0, 0.05),
                    }
                )
    return pd.DataFrame(rows)


ATTRIBUTES = [
    Attribute("peroxide_value", "meq/kg", 10.0, "max"),
    Attribute("moisture", "%", 4.0, "max"),
]


def make_study(product: str = "Keripik tempe (simulated)", storage=("30 degC",)) -> Study:
    """The simulated study, validated by the table reader."""
    return Study.from_dataframe(
        simulated_frame(), ATTRIBUTES, name="simulated", product=product, storage=list(storage)
    )


@pytest.fixture(scope="session")
def simulated_study() -> Study:
    return make_study()


@pytest.fixture(scope="session")
def analysis(simulated_study):
    from shelflife.analysis import analyze

    return analyze(simulated_study, emit_warnings=False)
