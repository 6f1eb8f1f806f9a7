"""The cited food-kinetics library: data file, Q10, suggestions, plausibility, study.toml key."""

import dataclasses
import math
import re
import tomllib
from importlib import resources
from types import SimpleNamespace

import numpy as np
import pytest

from shelflife.errors import InputError, Notice, StudyFileError
from shelflife.fitting import fit_floats
from shelflife.io import read_study
from shelflife.library import (
    EA_IMPLAUSIBLE_MAX,
    LIBRARY_FILE,
    ReactionClass,
    check_plausibility,
    get_reaction,
    library_table,
    reaction_classes,
    suggest_reaction,
)
from shelflife.messages import MESSAGES
from shelflife.models.temperature import activation_energy_from_q10, q10_from_activation_energy
from shelflife.units import GAS_CONSTANT

KNOWN_ORDERS = {"zero", "first", "second", "half", "nth", "weibull", "fractional"}
KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def _raw() -> dict:
    text = resources.files("shelflife").joinpath(LIBRARY_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


# --------------------------------------------------------------------------- data file


def test_file_parses_with_schema_version_and_classes():
    raw = _raw()
    assert raw["schema_version"] == 1
    keys = [k for k, v in raw.items() if isinstance(v, dict)]
    assert keys == reaction_classes()
    assert len(keys) >= 12
    for must in (
        "lipid_oxidation",
        "maillard_browning",
        "ascorbic_acid_loss",
        "carotenoid_loss",
        "moisture_gain",
        "aroma_staling",
        "microbial_growth",
    ):
        assert must in keys


@pytest.mark.parametrize("key", reaction_classes())
def test_every_class_is_complete_and_cited(key):
    table = _raw()[key]
    assert KEY.match(key)
    assert table["name_en"].strip() and table["name_id"].strip()
    assert table["name_id"] != table["name_en"]
    assert table["notes_en"].strip() and table["notes_id"].strip()
    low, high = table["ea_kj_per_mol"]
    assert 0 < low < high
    assert set(table["usual_orders"]) <= KNOWN_ORDERS
    assert table["typical_attributes"], key
    for name in table["typical_attributes"]:
        assert KEY.match(name), name
    sources = table["sources"]
    assert sources, f"{key} cites no source"
    for s in sources:
        assert len(s["citation"]) > 30 and s["short"] and s["table"]
        assert isinstance(s["unverified"], bool)
        assert s.get("url") or s.get("doi"), s["short"]
        if "ea_kj_per_mol" in s:
            s_low, s_high = s["ea_kj_per_mol"]
            assert 0 < s_low <= s_high
    ranged = [s["ea_kj_per_mol"] for s in sources if "ea_kj_per_mol" in s]
    assert ranged, f"{key}: no source gives an activation energy"
    if table.get("ea_derived"):
        # derived from the published Q10: it must contain the sources' values
        assert low <= min(r[0] for r in ranged) and max(r[1] for r in ranged) <= high
    else:
        # otherwise the class range is exactly the envelope of its sources
        assert low == pytest.approx(min(r[0] for r in ranged))
        assert high == pytest.approx(max(r[1] for r in ranged))


@pytest.mark.parametrize("key", reaction_classes())
def test_q10_fields_consistent_with_activation_energy(key):
    table = _raw()[key]
    q_low, q_high = table["q10"]
    assert 1 < q_low < q_high
    temperature = table["q10_temperature"]
    low, high = table["ea_kj_per_mol"]
    if table["q10_derived"]:
        # derived Q10 = exp[10 Ea / (R T (T + 10))] from the class's Ea range
        assert q_low == pytest.approx(
            q10_from_activation_energy(f"{low} kJ/mol", temperature), abs=0.006
        )
        assert q_high == pytest.approx(
            q10_from_activation_energy(f"{high} kJ/mol", temperature), abs=0.006
        )
    if table.get("ea_derived"):
        assert low == pytest.approx(
            activation_energy_from_q10(q_low, temperature).to("kJ/mol").magnitude, abs=0.06
        )
        assert high == pytest.approx(
            activation_energy_from_q10(q_high, temperature).to("kJ/mol").magnitude, abs=0.06
        )


def test_kcal_conversions_in_sources():
    for key in reaction_classes():
        for s in _raw()[key]["sources"]:
            published = s.get("ea_as_published", "")
            if published.endswith("kcal/mol"):
                values = [float(v) for v in re.findall(r"\d+(?:\.\d+)?", published)]
                assert s["ea_kj_per_mol"][0] == pytest.approx(min(values) * 4.184, abs=0.06)
                assert s["ea_kj_per_mol"][1] == pytest.approx(max(values) * 4.184, abs=0.06)


def test_unverified_values_are_flagged():
    assert get_reaction("texture_loss").unverified
    assert get_reaction("moisture_gain").unverified
    assert not get_reaction("ascorbic_acid_loss").unverified


# ------------------------------------------------------------------------------- API


def test_get_reaction_and_unknown_key():
    rc = get_reaction("lipid_oxidation")
    assert isinstance(rc, ReactionClass)
    assert rc.ea_kj_per_mol == (40.0, 104.0)
    assert rc.name("id").startswith("Oksidasi lipid")
    assert get_reaction(rc) is rc
    assert "Fox & McSweeney 1998" in rc.citation_short
    with pytest.raises(InputError) as info:
        get_reaction("lipid_oxidaton")
    assert info.value.code == "option_unknown"
    assert "maillard_browning" in info.value.render("en")
    assert "maillard_browning" in info.value.render("id")
    with pytest.raises(dataclasses.FrozenInstanceError):
        rc.key = "x"  # type: ignore[misc]


@pytest.mark.parametrize("temperature", ["5 degC", "25 degC", "30 degC", "318.15 K", "113 degF"])
@pytest.mark.parametrize("key", reaction_classes())
def test_q10_range_matches_closed_form(key, temperature):
    rc = get_reaction(key)
    low, high = rc.q10_range(temperature)
    if rc.q10 is not None and not rc.q10_derived and temperature == rc.q10_temperature:
        assert (low, high) == rc.q10
        return
    assert low == pytest.approx(
        q10_from_activation_energy(f"{rc.ea_kj_per_mol[0]} kJ/mol", temperature)
    )
    assert high == pytest.approx(
        q10_from_activation_energy(f"{rc.ea_kj_per_mol[1]} kJ/mol", temperature)
    )
    assert 1 < low < high


def test_q10_range_uses_published_value_at_its_temperature():
    rc = get_reaction("maillard_browning")
    assert rc.q10_range("100 degC") == (2.4, 5.0)
    # at storage temperature the same Ea gives a much higher Q10
    assert rc.q10_range("30 degC")[0] > 3.0
    T = 303.15
    assert rc.q10_range("30 degC")[1] == pytest.approx(
        math.exp(10 * 184.1 / (GAS_CONSTANT * T * (T + 10)))
    )


def test_q10_range_requires_units():
    with pytest.raises(InputError):
        get_reaction("lipid_oxidation").q10_range(25)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("peroxide_value", "lipid_oxidation"),
        ("PV [meq/kg]", "lipid_oxidation"),
        ("Bilangan peroksida", "lipid_oxidation"),
        ("TBA", "lipid_oxidation"),
        ("hexanal", "lipid_oxidation"),
        ("ffa", "lipid_hydrolysis"),
        ("asam_lemak_bebas [%]", "lipid_hydrolysis"),
        ("acid value", "lipid_hydrolysis"),
        ("browning_index", "maillard_browning"),
        ("HMF", "maillard_browning"),
        ("Vitamin C", "ascorbic_acid_loss"),
        ("kadar vitamin C [mg/100 g]", "ascorbic_acid_loss"),
        ("thiamine", "thiamine_loss"),
        ("klorofil", "chlorophyll_loss"),
        ("beta_carotene", "carotenoid_loss"),
        ("ASTA colour", "carotenoid_loss"),
        ("capsaicin", "carotenoid_loss"),
        ("total antosianin", "anthocyanin_loss"),
        ("kerenyahan", "texture_loss"),
        ("kadar_air [%]", "moisture_gain"),
        ("moisture (%)", "moisture_gain"),
        ("a_w", "moisture_gain"),
        ("aroma_score", "aroma_staling"),
        ("TPC [log CFU/g]", "microbial_growth"),
        ("angka lempeng total", "microbial_growth"),
        ("lipase_activity", "enzymatic_reaction"),
        ("protein_solubility", "protein_denaturation"),
    ],
)
def test_suggest_reaction(name, key):
    assert suggest_reaction(name) == key


@pytest.mark.parametrize("name", ["colour", "L*", "pH", "hedonic_overall", "", "weight"])
def test_suggest_reaction_none(name):
    assert suggest_reaction(name) is None


def test_library_table_both_languages():
    en, idn = library_table("en"), library_table("id")
    assert list(en.index) == reaction_classes()
    assert list(en.columns) == list(idn.columns)
    assert (en["ea_low"] < en["ea_high"]).all()
    assert (en["q10_low_25C"] < en["q10_high_25C"]).all()
    assert en.loc["lipid_oxidation", "q10_published"] == "1.4–2.5 at 100 °C"
    assert idn.loc["lipid_oxidation", "q10_published"] == "1,4–2,5 pada 100 °C"
    assert idn.loc["moisture_gain", "name"] == "Penyerapan air (fisik)"
    assert en.loc["texture_loss", "unverified"]
    with pytest.raises(InputError):
        library_table("fr")


# ------------------------------------------------------------------------ plausibility


def _stand_in(ea, low, high, *, reaction=None, unit="kJ/mol"):
    est = SimpleNamespace(value=ea, ci95=(low, high), unit=unit)
    return SimpleNamespace(
        parameters={"activation_energy": est},
        attribute=SimpleNamespace(name="peroxide_value", reaction=reaction),
    )


def _simulated_fit(ea_kj: float):
    t = np.tile(np.arange(0.0, 50.0, 7.0), 3)
    T = np.repeat([298.15, 308.15, 318.15], t.size // 3)
    k = 0.02 * np.exp(-ea_kj / GAS_CONSTANT * (1 / T - 1 / 308.15))
    rng = np.random.default_rng(7)
    y = np.exp(k * t) * (1 + 0.02 * rng.standard_normal(t.size))
    return fit_floats(t, T, y, order="first")


def test_plausible_fit_is_quiet():
    fit = _simulated_fit(80.0)
    ea = fit.parameters["activation_energy"]
    assert 70 < ea.value < 90
    assert check_plausibility(fit, "lipid_oxidation") == []
    assert check_plausibility(fit) == []  # no class: only the class-independent check


def test_real_fit_outside_class_range_is_flagged():
    fit = _simulated_fit(80.0)
    notices = check_plausibility(fit, "aroma_staling")
    assert [n.code for n in notices] == ["ea_outside_library_range"]
    assert notices[0].params["side"] == "above"


def test_cal_per_mol_mistake_is_flagged():
    # an Ea of ~20 000 "kJ/mol": a value in cal/mol (or J/mol) taken as kJ/mol
    fit = _stand_in(19_900.0, 19_000.0, 20_800.0, reaction="lipid_oxidation")
    notices = check_plausibility(fit)
    codes = [n.code for n in notices]
    assert codes == ["ea_implausible", "ea_outside_library_range"]
    assert all(isinstance(n, Notice) and n.category == "plausibility" for n in notices)
    assert all(n.attribute == "peroxide_value" for n in notices)
    outside = notices[1]
    en, idn = outside.message("en"), outside.message("id")
    assert "19000 to 20800 kJ/mol" in en and "above" in en
    assert "40 to 104 kJ/mol" in en and "Fox & McSweeney 1998" in en
    assert "unit mistake" in en and "cal/mol" in en and "different mechanism" in en
    assert "di atas" in idn and "kesalahan satuan" in idn
    assert "2e+04" not in notices[0].message("en")
    assert "19900 kJ/mol" in notices[0].message("en")
    for n in notices:  # every template field filled
        assert "?" not in n.message("en") and "?" not in n.message("id")


def test_negative_and_huge_ea_without_class():
    assert [n.code for n in check_plausibility(_stand_in(-12.0, -30.0, 6.0))] == ["ea_implausible"]
    assert [n.code for n in check_plausibility(_stand_in(350.0, 320.0, 380.0))] == [
        "ea_implausible"
    ]
    assert check_plausibility(_stand_in(EA_IMPLAUSIBLE_MAX - 1, 250.0, 330.0)) == []


def test_protein_denaturation_raises_the_implausible_bound():
    fit = _stand_in(400.0, 350.0, 450.0)
    assert check_plausibility(fit, "protein_denaturation") == []
    assert [n.code for n in check_plausibility(fit, "lipid_oxidation")] == [
        "ea_implausible",
        "ea_outside_library_range",
    ]


def test_interval_overlapping_the_range_is_quiet_and_below_is_flagged():
    assert check_plausibility(_stand_in(30.0, 20.0, 45.0), "lipid_oxidation") == []
    notices = check_plausibility(_stand_in(8.0, 4.0, 12.0), "lipid_oxidation")
    assert [n.code for n in notices] == ["ea_outside_library_range"]
    assert notices[0].params["side"] == "below"


def test_other_energy_unit_is_converted():
    fit = _stand_in(19.1, 18.0, 20.0, unit="kcal/mol")  # 80 kJ/mol
    assert check_plausibility(fit, "lipid_oxidation") == []


def test_unknown_reaction_in_check_plausibility():
    with pytest.raises(InputError) as info:
        check_plausibility(_stand_in(80.0, 70.0, 90.0), "lipid")
    assert info.value.code == "option_unknown"


def test_new_message_codes_in_catalogue():
    for code in (
        "ea_implausible",
        "ea_outside_library_range",
        "hint_reaction_close",
        "hint_reaction_unknown",
    ):
        assert set(MESSAGES[code]) == {"en", "id"}


# -------------------------------------------------------------------------- study.toml

CSV = """time [day],temperature [degC],peroxide_value [meq/kg]
0,25,1.0
7,25,1.5
14,25,2.25
0,35,1.0
7,35,2.5
14,35,4.0
0,45,1.0
7,45,4.0
14,45,8.0
"""

TOML = """schema_version = 1

[study]
name = "keripik-tempe-2026"
product = "Keripik tempe"
data = "data.csv"

[[attributes]]
name = "peroxide_value"
limit = 10.0
direction = "max"
{reaction}
[conditions]
storage = ["30 degC"]
"""


def _study(tmp_path, reaction_line: str):
    (tmp_path / "data.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "study.toml").write_text(TOML.format(reaction=reaction_line), encoding="utf-8")
    return tmp_path


def test_study_toml_reaction_sets_attribute(tmp_path):
    study = read_study(_study(tmp_path, 'reaction = "lipid_oxidation"'))
    assert study.attributes[0].reaction == "lipid_oxidation"


def test_study_toml_without_reaction(tmp_path):
    assert read_study(_study(tmp_path, "")).attributes[0].reaction is None


def test_study_toml_misspelt_reaction_did_you_mean(tmp_path):
    with pytest.raises(StudyFileError) as info:
        read_study(_study(tmp_path, 'reaction = "lipid_oxidaton"'))
    err = info.value
    assert (err.code, err.key) == ("toml_bad_value", "attributes[0].reaction")
    en, idn = err.render("en"), err.render("id")
    assert "did you mean 'lipid_oxidation'?" in en
    assert "maksud Anda 'lipid_oxidation'?" in idn
    assert "maillard_browning" in en and "maillard_browning" in idn
    for text in (en, idn):
        assert "'?'" not in text and " ? " not in text


def test_study_toml_unknown_reaction_lists_keys(tmp_path):
    with pytest.raises(StudyFileError) as info:
        read_study(_study(tmp_path, 'reaction = "rancid"'))
    err = info.value
    assert (err.code, err.key) == ("toml_bad_value", "attributes[0].reaction")
    en = err.render("en")
    assert "did you mean" not in en
    assert all(key in en for key in reaction_classes())


def test_study_toml_reaction_must_be_text(tmp_path):
    with pytest.raises(StudyFileError) as info:
        read_study(_study(tmp_path, "reaction = 3"))
    assert (info.value.code, info.value.key) == ("toml_bad_value", "attributes[0].reaction")
    assert 'reaction = "lipid_oxidation"' in info.value.render("en")
