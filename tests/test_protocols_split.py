"""The split of ``protocols/check.py`` and ``protocols/moisture.py`` into packages.

Every name the rest of the project imported from the old modules still imports from the
same path, and each module of the two packages stays small (one topic).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "shelflife" / "protocols"

#: Names imported from the old module paths, by the package, tests, scripts and notebooks.
NAMES = {
    "shelflife.protocols.check": (
        "CheckReport",
        "Finding",
        "check_study",
        "plausible_range",
        "PLAUSIBLE_RANGES",
        "SEVERITIES",
        "TEMPERATURE_TOLERANCE",
        "OUTLIER_Z",
    ),
    "shelflife.protocols.moisture": (
        "Salt",
        "IsothermPlan",
        "MoistureDefaults",
        "PackageDefaults",
        "PackagingOption",
        "ISOTHERM_SHEET",
        "ISOTHERM_COLUMNS",
        "WEIGHING_COLUMNS",
        "read_moisture_template",
        "moisture_defaults",
        "salt_water_activity",
        "weighing_schedule",
        "weighing_csv",
        "weighing_ics",
        "isotherm_sheet",
        "isotherm_csv",
        "moisture_study_toml",
        "new_moisture_study",
        "read_moisture_plan",
        "is_moisture_document",
        "describe_moisture",
        # used across shelflife.protocols, outside __all__
        "calendar_files",
        "with_moisture_product",
        "moisture_notices",
        "moisture_to_dict",
        "isotherm_plan",
        "package_defaults",
        "packaging_options",
        "placeholder_keys",
        "check_moisture_toml",
        "dry_mass_text",
        "StudyIsothermSection",
        "SALT_NAMES",
        "MIN_SALTS_GAB",
    ),
}


@pytest.mark.parametrize("module", sorted(NAMES))
def test_old_import_paths_still_work(module):
    mod = importlib.import_module(module)
    missing = [name for name in NAMES[module] if not hasattr(mod, name)]
    assert not missing
    assert set(mod.__all__) <= set(NAMES[module])


@pytest.mark.parametrize("package", ["check", "moisture"])
def test_modules_of_the_split_packages_are_small(package):
    sizes = {
        p.name: len(p.read_text(encoding="utf-8").splitlines())
        for p in sorted((PACKAGE / package).glob("*.py"))
    }
    assert len(sizes) > 3
    assert max(sizes.values()) <= 700, sizes
