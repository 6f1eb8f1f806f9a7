"""The microbial-challenge and sensory-survival protocol templates and their sample studies."""

import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import shelflife as sl
from shelflife.cli import main
from shelflife.microbial import baranyi
from shelflife.protocols import Protocol, list_protocols

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data"
START = "2027-01-04"


@pytest.mark.parametrize("name", ["microbial-challenge", "sensory-survival"])
def test_templates_validate_with_sops_and_sources(name):
    assert name in list_protocols()
    p = Protocol.from_name(name)
    assert p.title and p.title_id and p.sources
    for lang in ("en", "id"):
        assert p.sop_path(lang) is not None and p.sop_path(lang).is_file()
    json.dumps(p.to_dict(), allow_nan=False)


def test_microbial_template_plan():
    p = Protocol.from_name("microbial-challenge")
    assert len(p.chambers) >= 3 and p.replicates >= 2
    (tpc,) = p.attributes
    assert tpc.kind == "microbial" and tpc.unit == "log10 CFU/g" and tpc.secondary
    assert tpc.limit_source.status == "placeholder"
    hot = max(p.chambers, key=lambda c: c.temperature)
    assert len(hot.pulls) >= 8 and hot.pulls[:4] == (0, 1, 2, 3)
    # a preset's plate count becomes the microbial attribute, not a second copy
    with_sambal = Protocol.from_name("microbial-challenge", product="sambal")
    kinds = {a.name: a.kind for a in with_sambal.attributes}
    assert kinds == {"free_fatty_acid": "chemical", "total_plate_count": "microbial"}


def test_sensory_template_plan():
    p = Protocol.from_name("sensory-survival")
    s = p.sensory
    assert s is not None and s.consumers >= 50 and s.design == "reversed"
    assert "mengonsumsi" in s.question_id and len(p.chambers[0].pulls) in (6, 7)
    assert p.to_dict()["sensory"]["consumers"] == s.consumers
    assert Protocol.from_name("aslt-arrhenius").sensory is None


@pytest.mark.parametrize("name", ["microbial-challenge", "sensory-survival"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_protocol_show(name, lang, capsys):
    assert main(["protocol", "show", name, "--lang", lang]) == 0
    assert name in capsys.readouterr().out


def _fill_microbial(folder: Path) -> None:
    sheet = pd.read_csv(folder / "data.csv")
    rng = np.random.default_rng(3)
    T = sheet["temperature [°C]"].to_numpy() + 273.15
    t = sheet["time [day]"].to_numpy(dtype=float)
    mu = (0.035 * (T - 275.0)) ** 2
    counts = [
        baranyi(np.array([ti]), 2.5, m, 2.0 / m, 8.5)[0] for ti, m in zip(t, mu, strict=True)
    ]
    sheet["tpc [log10 CFU/g]"] = np.round(np.array(counts) + rng.normal(0, 0.1, len(t)), 2)
    sheet.to_csv(folder / "data.csv", index=False)


def test_microbial_new_fill_and_analyze(tmp_path, capsys):
    folder = tmp_path / "m"
    args = ["protocol", "new", "microbial-challenge", "--out", str(folder), "--start", START]
    assert main(args) == 0
    for name in ("study.toml", "schedule.csv", "schedule.ics", "data.csv"):
        assert (folder / name).is_file()
    header = (folder / "data.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "tpc [log10 CFU/g]" in header
    doc = tomllib.loads((folder / "study.toml").read_text(encoding="utf-8"))
    assert doc["attributes"][0]["kind"] == "microbial"
    assert main(["protocol", "check", str(folder)]) == 0
    _fill_microbial(folder)
    study = sl.read_study(folder)
    assert study is not None
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out)]) == 0
    d = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert d["other_attributes"][0]["kind"] == "microbial"
    assert d["limiting_attribute"] == "tpc"


def test_sensory_new_fill_and_analyze(tmp_path):
    folder = tmp_path / "s"
    args = ["protocol", "new", "sensory-survival", "--out", str(folder), "--start", START]
    assert main([*args, "--lang", "id"]) == 0
    for name in ("study.toml", "data.csv", "panel.csv", "sensory_plan.csv"):
        assert (folder / name).is_file()
    doc = tomllib.loads((folder / "study.toml").read_text(encoding="utf-8"))
    assert doc["sensory"][0]["data"] == "panel.csv"
    panel = pd.read_csv(folder / "panel.csv", keep_default_na=False)
    assert list(panel.columns) == ["consumer", "time [day]", "temperature [°C]", "answer"]
    assert len(panel) == 60 * 7
    plan = pd.read_csv(folder / "sensory_plan.csv")
    assert plan["tasting"].nunique() == 1  # reversed design: one tasting session
    # fill both sheets with simulated values
    rng = np.random.default_rng(8)
    t_rej = dict(zip(panel["consumer"].unique(), 70 * rng.weibull(3.0, 60), strict=True))
    panel["answer"] = [
        "tidak" if t > 0 and t >= t_rej[c] else "ya"
        for c, t in zip(panel["consumer"], panel["time [day]"], strict=True)
    ]
    panel.to_csv(folder / "panel.csv", index=False)
    sheet = pd.read_csv(folder / "data.csv")
    sheet["peroxide_value [meq/kg]"] = np.round(
        1.0 + 0.05 * sheet["time [day]"] + rng.normal(0, 0.15, len(sheet)), 2
    )
    sheet.to_csv(folder / "data.csv", index=False)
    assert main(["protocol", "check", str(folder)]) == 0
    sl.read_study(folder)
    out = tmp_path / "out"
    assert main(["analyze", str(folder), "--out", str(out)]) == 0
    d = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert [o["kind"] for o in d["other_attributes"]] == ["sensory"]


@pytest.mark.parametrize(
    ("folder", "limiting", "kinds"),
    [
        ("sambal-microbial", "tpc", ["microbial"]),
        ("keripik-consumer-panel", "consumers", ["sensory"]),
    ],
)
def test_sample_studies_analyse(tmp_path, folder, limiting, kinds):
    out = tmp_path / "out"
    assert main(["analyze", str(SAMPLES / folder), "--out", str(out)]) == 0
    d = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert d["limiting_attribute"] == limiting
    assert [o["kind"] for o in d["other_attributes"]] == kinds
    assert "do not edit" in (SAMPLES / folder / "study.toml").read_text(encoding="utf-8")
