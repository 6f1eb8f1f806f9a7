"""Messages of physical units and plausible temperatures (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ----------------------------------------------------------------- units
    "unit_unknown": {
        "en": ("unknown unit '{unit}'.", "write a unit such as {examples}."),
        "id": ("satuan '{unit}' tidak dikenal.", "tulis satuan seperti {examples}."),
    },
    "unit_wrong_dimension": {
        "en": (
            "'{unit}' is not a unit of {expected} (it is {actual}).",
            "use a unit of {expected}, e.g. {examples}.",
        ),
        "id": (
            "'{unit}' bukan satuan {expected} (melainkan {actual}).",
            "gunakan satuan {expected}, misalnya {examples}.",
        ),
    },
    "unit_missing": {
        "en": ("{what} has no unit.", "give the unit, e.g. {examples}."),
        "id": ("{what} tidak memiliki satuan.", "cantumkan satuannya, misalnya {examples}."),
    },
    "unit_conflict": {
        "en": (
            "the data header says '{header_unit}' but study.toml says '{toml_unit}'.",
            "make the two agree, or remove one of them.",
        ),
        "id": (
            "header data menyebut '{header_unit}' tetapi study.toml menyebut '{toml_unit}'.",
            "samakan keduanya, atau hapus salah satunya.",
        ),
    },
    "temperature_implausible": {
        "en": (
            "temperature {value} is outside the range of storage studies ({low} to {high}).",
            "check the unit of the temperature column (°C, K or °F).",
        ),
        "id": (
            "suhu {value} di luar rentang studi penyimpanan ({low} sampai {high}).",
            "periksa satuan kolom suhu (°C, K atau °F).",
        ),
    },
    "bare_number": {
        "en": (
            "{what} must carry a unit, got the bare number {value!r}.",
            "write e.g. {examples}.",
        ),
        "id": (
            "{what} harus bersatuan, diberikan angka tanpa satuan {value!r}.",
            "tulis misalnya {examples}.",
        ),
    },
}
