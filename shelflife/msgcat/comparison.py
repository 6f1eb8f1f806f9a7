"""Messages of formulation comparison (:mod:`shelflife.comparison`; see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------- formulation comparison (shelflife.comparison)
    "compare_no_common_attribute": {
        "en": (
            "the two studies have no attribute in common ({study_a}: {names_a}; {study_b}: "
            "{names_b}).",
            "give the attribute to compare the same name in both studies (the same column "
            "name and [[attributes]] name, e.g. 'peroxide_value').",
        ),
        "id": (
            "kedua studi tidak memiliki atribut yang sama ({study_a}: {names_a}; {study_b}: "
            "{names_b}).",
            "beri atribut yang dibandingkan nama yang sama di kedua studi (nama kolom dan "
            "nama [[attributes]] yang sama, mis. 'peroxide_value').",
        ),
    },
    "compare_attribute_missing": {
        "en": (
            "attribute '{attribute}' is not in study '{study}' (its attributes: {names}).",
            "choose an attribute measured in both studies, or give it the same name in both.",
        ),
        "id": (
            "atribut '{attribute}' tidak ada dalam studi '{study}' (atributnya: {names}).",
            "pilih atribut yang diukur di kedua studi, atau beri nama yang sama di keduanya.",
        ),
    },
    "compare_attribute_mismatch": {
        "en": (
            "attribute '{attribute}' is not defined alike in the two studies: {differences}.",
            "use the same unit, limit, direction and temperature model in both study.toml "
            "files (convert the values if the units differ), so that both formulations are "
            "judged by one criterion; a different declared model (reaction order) can be "
            "overridden with --order (order= in Python).",
        ),
        "id": (
            "atribut '{attribute}' tidak didefinisikan sama di kedua studi: {differences}.",
            "gunakan satuan, batas, arah dan model suhu yang sama di kedua berkas study.toml "
            "(konversikan nilainya bila satuannya berbeda), agar kedua formulasi dinilai "
            "dengan satu kriteria; model (orde reaksi) yang berbeda dapat ditetapkan dengan "
            "--order (order= di Python).",
        ),
    },
    "compare_initial_unsupported": {
        "en": (
            "'{attribute}' declares initial = \"per_temperature\" (one initial value per "
            "storage temperature), which the formulation comparison does not support yet.",
            'compare with initial = "common" in both study.toml files, or analyse each study '
            "with shelflife analyze.",
        ),
        "id": (
            "'{attribute}' menyatakan initial = \"per_temperature\" (satu nilai awal per suhu "
            "simpan), yang belum didukung oleh perbandingan formulasi.",
            'bandingkan dengan initial = "common" di kedua berkas study.toml, atau analisis '
            "setiap studi dengan shelflife analyze.",
        ),
    },
    "compare_model_unsupported": {
        "en": (
            "'{attribute}' uses the humidity-dependent model '{model}', which the formulation "
            "comparison does not support yet.",
            'compare at one humidity with temperature_model = "arrhenius", or analyse each '
            "study with shelflife analyze.",
        ),
        "id": (
            "'{attribute}' memakai model bergantung kelembapan '{model}', yang belum didukung "
            "oleh perbandingan formulasi.",
            'bandingkan pada satu kelembapan dengan temperature_model = "arrhenius", atau '
            "analisis setiap studi dengan shelflife analyze.",
        ),
    },
}
