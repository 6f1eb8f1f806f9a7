"""Parsing and conversion behaviour of shelflife.units (DESIGN.md §3)."""

from __future__ import annotations

import math

import numpy as np
import pint
import pytest

from shelflife.errors import UnitError
from shelflife.units import (
    DAYS_PER_MONTH,
    DAYS_PER_YEAR,
    format_duration,
    get_registry,
    months_days,
    parse_unit,
    quantity,
    to_days,
    to_kelvin,
    to_kj_per_mol,
)


@pytest.mark.parametrize(
    "text",
    [
        "45 °C",
        "45 degC",
        "45°C",
        "318.15 K",
        "113 °F",
        "113 degF",
        "45 derajat Celsius",
        "45,0 °C",
    ],
)
def test_temperature_strings_to_kelvin(text):
    assert to_kelvin(text) == pytest.approx(318.15, abs=1e-9)


def test_temperature_quantities_and_sequences_to_kelvin():
    q_ = get_registry().Quantity
    assert to_kelvin(q_(25.0, "degC")) == pytest.approx(298.15)
    assert to_kelvin(q_(77.0, "degF")) == pytest.approx(298.15)
    np.testing.assert_allclose(to_kelvin(q_([25.0, 35.0], "degC")), [298.15, 308.15])
    np.testing.assert_allclose(to_kelvin(["25 °C", "308.15 K"]), [298.15, 308.15])


def test_negative_temperature():
    assert to_kelvin("-18 °C") == pytest.approx(255.15)


@pytest.mark.parametrize("bare", [45, 45.0, "45", " 45 "])
def test_bare_temperature_rejected(bare):
    with pytest.raises(UnitError) as info:
        to_kelvin(bare)
    assert info.value.code == "bare_number"


@pytest.mark.parametrize("bare", [30, "30"])
def test_bare_time_and_energy_rejected(bare):
    with pytest.raises(UnitError) as info:
        to_days(bare)
    assert info.value.code == "bare_number"
    with pytest.raises(UnitError) as info:
        to_kj_per_mol(bare)
    assert info.value.code == "bare_number"


def test_temperature_of_wrong_dimension():
    with pytest.raises(UnitError) as info:
        to_kelvin("10 meq/kg")
    assert info.value.code == "unit_wrong_dimension"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("1 month", 30.4375),
        ("6 month", 182.625),
        ("1 year", 365.25),
        ("2 week", 14.0),
        ("36 hour", 1.5),
        ("3 hari", 3.0),
        ("2 minggu", 14.0),
        ("1 bulan", 30.4375),
    ],
)
def test_times_to_days(text, days):
    assert to_days(text) == pytest.approx(days)


def test_month_and_year_constants():
    assert DAYS_PER_MONTH == 30.4375
    assert DAYS_PER_YEAR == 365.25
    assert 12 * DAYS_PER_MONTH == DAYS_PER_YEAR


@pytest.mark.parametrize(
    ("text", "kj"),
    [
        ("80 kJ/mol", 80.0),
        ("80000 J/mol", 80.0),
        ("19 kcal/mol", 19 * 4.184),
        ("18596.5 cal/mol", 18.5965 * 4.184),
    ],
)
def test_activation_energy_to_kj_per_mol(text, kj):
    assert to_kj_per_mol(text) == pytest.approx(kj)


def test_activation_energy_of_wrong_dimension():
    with pytest.raises(UnitError) as info:
        to_kj_per_mol("80 kJ")
    assert info.value.code == "unit_wrong_dimension"


@pytest.mark.parametrize(
    ("text", "dimensionality"),
    [
        ("meq/kg", "[equivalent] / [mass]"),
        ("meq O2/kg", "[equivalent] / [mass]"),
        ("%", "dimensionless"),
        ("g/100 g", "dimensionless"),
        ("mg/100 g", "dimensionless"),
        ("CFU/g", "[colony_count] / [mass]"),
        ("score", "dimensionless"),
    ],
)
def test_lab_units_parse(text, dimensionality):
    unit = parse_unit(text)
    if dimensionality == "dimensionless":
        assert unit.dimensionless
    else:
        assert unit.dimensionality == get_registry().get_dimensionality(dimensionality)


def test_lab_unit_scales():
    q_ = get_registry().Quantity
    assert q_(12.0, parse_unit("g/100 g")).to("percent").magnitude == pytest.approx(12.0)
    assert q_(1.0, parse_unit("mg/100 g")).to("mg/kg").magnitude == pytest.approx(10.0)


def test_parse_unit_expected_dimension():
    assert parse_unit("°C", expected="temperature") == parse_unit("degC")
    assert parse_unit("hari", expected="time") == parse_unit("day")
    with pytest.raises(UnitError) as info:
        parse_unit("kg", expected="time", where={"column": "time [kg]"})
    assert info.value.code == "unit_wrong_dimension"
    assert info.value.column == "time [kg]"


def test_parse_unit_unknown_and_missing():
    with pytest.raises(UnitError) as info:
        parse_unit("blorps/kg")
    assert info.value.code == "unit_unknown"
    with pytest.raises(UnitError) as info:
        parse_unit("", expected="temperature")
    assert info.value.code == "unit_missing"


def test_quantity_with_unit_argument_and_decimal_comma():
    q = quantity("1,5", "meq/kg")
    assert q.magnitude == pytest.approx(1.5)
    assert q.units == parse_unit("meq/kg")


def test_one_registry_is_the_application_registry():
    assert get_registry() is get_registry()
    assert pint.get_application_registry().get() is get_registry()


def test_months_days_and_durations():
    assert months_days(58.0) == (1, 28)
    assert months_days(60.9) == (2, 0)
    assert format_duration(58.0) == "1 month 28 days"
    assert format_duration(58.0, "id") == "1 bulan 28 hari"
    assert format_duration(math.inf, "id") == "tidak pernah"
