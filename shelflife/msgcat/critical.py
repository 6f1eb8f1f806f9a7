"""Messages of critical-moisture study folders (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "critical_not_above_initial": {
        "en": (
            "the critical moisture ({critical} g/g dry basis) is not above the initial moisture "
            "({initial} g/g): the product is already at its limit.",
            "check [moisture] initial and critical (same basis and unit).",
        ),
        "id": (
            "kadar air kritis ({critical} g/g basis kering) tidak lebih tinggi daripada kadar "
            "air awal ({initial} g/g): produk sudah berada di batasnya.",
            "periksa initial dan critical di [moisture] (basis dan satuan yang sama).",
        ),
    },
    "packaging_option_empty": {
        "en": (
            "packaging option '{name}' has neither a film nor a WVTR.",
            'give film = "pp" (a library key) with thickness, or wvtr with wvtr_temperature '
            "and wvtr_rh.",
        ),
        "id": (
            "opsi kemasan '{name}' tidak memiliki film maupun WVTR.",
            'isikan film = "pp" (kunci pustaka) dengan thickness, atau wvtr dengan '
            "wvtr_temperature dan wvtr_rh.",
        ),
    },
    "wvtr_condition_missing": {
        "en": (
            "the WVTR of '{name}' has no test condition: a WVTR means little without the "
            "temperature and RH it was measured at.",
            'add wvtr_temperature and wvtr_rh (e.g. "38 degC" and "90 %" for ASTM F1249).',
        ),
        "id": (
            "WVTR '{name}' tidak memiliki kondisi uji: WVTR tidak bermakna tanpa suhu dan RH "
            "saat diukur.",
            'tambahkan wvtr_temperature dan wvtr_rh (mis. "38 degC" dan "90 %" untuk ASTM F1249).',
        ),
    },
    "moisture_not_limiting": {
        "en": (
            "in '{name}' the product would take {years} years to reach its critical moisture: "
            "water uptake is not what limits its shelf life.",
            "estimate the shelf life from the other attributes (e.g. oxidation with an ASLT "
            "study) and check the seals of the pack.",
        ),
        "id": (
            "dalam '{name}' produk memerlukan {years} tahun untuk mencapai kadar air kritisnya: "
            "penyerapan air bukan pembatas umur simpannya.",
            "tentukan umur simpan dari atribut lain (mis. oksidasi dengan studi ASLT) dan "
            "periksa segel kemasan.",
        ),
    },
}
