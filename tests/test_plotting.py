"""Plots: return Axes, units in brackets on every axis, translated labels, lazy import."""

import re
import subprocess
import sys

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from shelflife import plotting  # noqa: E402
from shelflife.errors import InputError  # noqa: E402

UNIT = re.compile(r"\[[^\]]+\]")
PLOTS = [
    plotting.plot_fit,
    plotting.plot_residuals,
    plotting.plot_arrhenius,
    plotting.plot_shelf_life,
]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def fit(analysis):
    return analysis["peroxide_value"].fit


@pytest.mark.parametrize("func", PLOTS, ids=lambda f: f.__name__)
def test_returns_axes_with_units_on_both_axes(fit, func):
    ax = func(fit)
    assert isinstance(ax, matplotlib.axes.Axes)
    assert UNIT.search(ax.get_xlabel()), ax.get_xlabel()
    assert UNIT.search(ax.get_ylabel()), ax.get_ylabel()


@pytest.mark.parametrize("func", PLOTS, ids=lambda f: f.__name__)
def test_draws_on_given_axes(fit, func):
    _, ax = plt.subplots()
    assert func(fit, ax=ax) is ax
    assert ax.has_data()


def test_english_labels(fit):
    assert plotting.plot_fit(fit).get_xlabel() == "Storage time [day]"
    assert plotting.plot_fit(fit).get_ylabel() == "peroxide value [meq/kg]"
    assert plotting.plot_shelf_life(fit).get_ylabel() == "Shelf life [day]"
    assert plotting.plot_shelf_life(fit).get_xlabel() == "Temperature [°C]"
    assert plotting.plot_arrhenius(fit).get_xlabel() == "1000/T [1/K]"
    assert plotting.plot_arrhenius(fit).get_ylabel() == "ln k [ln(1/day)]"


def test_indonesian_labels(fit):
    assert plotting.plot_fit(fit, lang="id").get_xlabel() == "Waktu simpan [hari]"
    ax = plotting.plot_shelf_life(fit, lang="id")
    assert ax.get_ylabel() == "Umur simpan [hari]"
    assert ax.get_xlabel() == "Suhu [°C]"
    ax = plotting.plot_residuals(fit, lang="id")
    assert ax.get_xlabel() == "Nilai dugaan [meq/kg]"
    assert ax.get_ylabel() == "Residual [meq/kg]"
    assert plotting.plot_arrhenius(fit, lang="id").get_ylabel() == "ln k [ln(1/hari)]"


def test_indonesian_ticks_use_decimal_comma(fit):
    ax = plotting.plot_residuals(fit, lang="id")
    ax.figure.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("," in s for s in labels) and not any("." in s for s in labels), labels


def test_fit_plot_has_one_series_per_temperature_and_the_limit(fit):
    ax = plotting.plot_fit(fit)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:3] == ["25 °C", "35 °C", "45 °C"]
    assert texts[3].startswith("limit")
    # markers differ between temperatures (readable in grey print)
    markers = {line.get_marker() for line in ax.get_lines() if line.get_linestyle() == "None"}
    assert len(markers) == 3


def test_shelf_life_plot_log_axis_and_storage_marks(fit):
    ax = plotting.plot_shelf_life(fit, temperatures=["30 degC", "25 degC"])
    assert ax.get_yscale() == "log"
    assert "storage" in [t.get_text() for t in ax.get_legend().get_texts()]


def test_arrhenius_band_and_top_axis(fit):
    ax = plotting.plot_arrhenius(fit)
    assert ax.collections, "confidence band missing"
    assert ax.child_axes, "secondary °C axis missing"


def test_unknown_language_refused(fit):
    with pytest.raises(InputError, match="language"):
        plotting.plot_fit(fit, lang="fr")


def test_fitresult_plot_delegates(fit):
    ax = fit.plot(kind="arrhenius")
    assert ax.get_xlabel() == "1000/T [1/K]"


def test_style_is_one_dict_applied_per_call(fit):
    assert plotting.STYLE["svg.hashsalt"] == "shelflife"
    before = dict(matplotlib.rcParams)
    plotting.plot_fit(fit)
    assert matplotlib.rcParams["axes.spines.top"] == before["axes.spines.top"]


def test_import_shelflife_does_not_import_matplotlib():
    code = (
        "import sys, shelflife, shelflife.plotting, shelflife.report.i18n;"
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported eagerly'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("kind", ["fit", "residuals", "arrhenius", "shelf_life"])
def test_dollar_signs_in_user_text_are_drawn_literally(kind):
    """An attribute named with an unbalanced "$x^{" used to make matplotlib's TeX parser
    raise while the figure was drawn (in a notebook: when it was shown)."""
    import numpy as np

    from shelflife.fitting import fit_floats
    from shelflife.study import Attribute

    t = np.tile([0.0, 7, 14, 21, 28], 3)
    T = np.repeat([25.0, 35, 45], 5) + 273.15
    k = 0.01 * np.exp(-80e3 / 8.314 * (1 / T - 1 / 308.15))
    y = 1.0 * np.exp(k * t) * (1 + 0.01 * np.sin(np.arange(t.size)))
    attribute = Attribute(name="PV $x^{ $", unit="meq/kg", limit=3.0, direction="max")
    fit = fit_floats(t, T, y, order="first", attribute=attribute)
    ax = fit.plot(kind=kind)
    ax.figure.canvas.draw()  # raised ValueError while TeX parsing was on
    texts = [ax.get_ylabel(), ax.get_xlabel(), ax.get_title()]
    assert kind != "fit" or any("$x^{" in s for s in texts)
