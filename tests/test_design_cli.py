"""``shelflife protocol design`` end to end."""

import json

from shelflife.cli import main


def test_design_prints_a_proposal_and_compares_candidates(capsys):
    rc = main(
        [
            "protocol",
            "design",
            "--shelf-life",
            "6 month",
            "--reaction",
            "lipid_oxidation",
            "--max-temperature",
            "45 degC",
            "--candidate",
            "30,40,50 degC; 8 week; 7; 3",
            "--evaluate",
            "--n-sim",
            "100",
        ]
    )
    out = capsys.readouterr().out
    assert rc == 0
    assert "candidate 1" in out and "95 % CI coverage" in out
    assert "proposed:" in out  # the plain-language answer per design


def test_design_json_and_indonesian(capsys):
    assert (
        main(["protocol", "design", "--shelf-life", "6 month", "--ea", "70 kJ/mol", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert "proposed" in data
    assert (
        main(
            ["protocol", "design", "--shelf-life", "6 month", "--ea", "70 kJ/mol", "--lang", "id"]
        )
        == 0
    )
    assert "suhu [°C]" in capsys.readouterr().out


def test_design_bad_input_exits_2(capsys):
    assert (
        main(["protocol", "design", "--shelf-life", "6 month", "--candidate", "30 degC; x"]) == 2
    )
    assert main(["protocol", "design", "--shelf-life", "6", "--ea", "70 kJ/mol"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
