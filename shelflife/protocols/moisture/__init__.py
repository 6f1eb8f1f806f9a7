"""The critical-moisture protocol (Labuza's method, "model kadar air kritis").

A critical-moisture study has no storage chambers and no pulls. Its plan is:

- an **isotherm** at one temperature (default 30 °C): one desiccator per saturated salt,
  ``replicates`` dishes of product in each, weighed every 24 h until the mass is constant,
  then the moisture of each dish by oven (:class:`IsothermPlan`);
- the **initial moisture** Mi of fresh product and the **critical moisture** Mc at which a
  sensory panel (or a texture analyser) rejects it (:class:`MoistureDefaults`);
- the **package**: water-exchanging area (both faces) and dry solids per pack
  (:class:`PackageDefaults`), and the **packaging options** to compare, each a film-library
  key or a WVTR with its test condition (:class:`PackagingOption`).

``shelflife protocol new critical-moisture --product kerupuk --start 2027-03-01 --out DIR``
(:func:`new_moisture_study`) writes the study folder of ``docs/critical-moisture-study.md``:
``study.toml`` (``method = "critical_moisture"``, ``[moisture]``, ``[conditions]``,
``[package]``, ``[[packaging]]``, plus a ``[protocol]`` table with the isotherm plan that the
analysis ignores), a blank ``isotherm.csv`` (one row per salt and replicate) and the weighing
calendar ``schedule.csv`` / ``schedule.ics``. ``shelflife analyze DIR`` analyses it.

Water activities of the salts come from the template's ``[isotherm.aw]`` table (Greenspan
1977) when the isotherm is run at that table's temperature, otherwise from
:func:`shelflife.moisture.salts.salt_water_activity` when that module knows the salt.

Modules: :mod:`~shelflife.protocols.moisture.plan` (the plan's objects),
:mod:`~shelflife.protocols.moisture.template` (reading and checking a template),
:mod:`~shelflife.protocols.moisture.show` (notices, JSON form and readable text),
:mod:`~shelflife.protocols.moisture.calendar` (the weighing calendar),
:mod:`~shelflife.protocols.moisture.sheet` (the blank isotherm sheet),
:mod:`~shelflife.protocols.moisture.studytoml` (the ``study.toml`` text) and
:mod:`~shelflife.protocols.moisture.study` (create a study folder, read its plan back).
Besides :data:`__all__`, the helpers the rest of :mod:`shelflife.protocols` uses
(``calendar_files``, ``moisture_notices``, ``moisture_to_dict``, ``with_moisture_product``...)
can still be imported from here.
"""

from __future__ import annotations

from .calendar import WEIGHING_COLUMNS, weighing_csv, weighing_ics, weighing_schedule
from .calendar import calendar_files as calendar_files
from .plan import MIN_SALTS_GAB as MIN_SALTS_GAB
from .plan import SALT_NAMES as SALT_NAMES
from .plan import IsothermPlan, MoistureDefaults, PackageDefaults, PackagingOption, Salt
from .sheet import ISOTHERM_COLUMNS, ISOTHERM_SHEET, isotherm_csv, isotherm_sheet
from .show import describe_moisture
from .show import moisture_notices as moisture_notices
from .show import moisture_to_dict as moisture_to_dict
from .show import placeholder_keys as placeholder_keys
from .study import StudyIsothermSection as StudyIsothermSection
from .study import is_moisture_document, new_moisture_study, read_moisture_plan
from .studytoml import check_moisture_toml as check_moisture_toml
from .studytoml import dry_mass_text as dry_mass_text
from .studytoml import moisture_study_toml
from .template import isotherm_plan as isotherm_plan
from .template import moisture_defaults, read_moisture_template, salt_water_activity
from .template import package_defaults as package_defaults
from .template import packaging_options as packaging_options
from .template import with_moisture_product as with_moisture_product

__all__ = [
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
]
