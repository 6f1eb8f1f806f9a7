"""Messages of the kinetics library (:mod:`shelflife.library`; see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ---------------------------------------------- kinetics library (shelflife.library)
    "ea_implausible": {
        "en": (
            "the activation energy of '{attribute}' ({ea} kJ/mol) is outside 0 to {high} "
            "kJ/mol, the span of food storage reactions.",
            "Check the temperature unit (°C, K or °F) and, for an energy entered by hand, its "
            "unit (1 kcal = 4.184 kJ; values in cal/mol or J/mol are about 1000 times larger); "
            "a negative value means the attribute changed faster at the lower temperatures.",
        ),
        "id": (
            "energi aktivasi '{attribute}' ({ea} kJ/mol) berada di luar 0 sampai {high} "
            "kJ/mol, rentang reaksi penyimpanan pangan.",
            "Periksa satuan suhu (°C, K atau °F) dan, untuk energi yang dimasukkan manual, "
            "satuannya (1 kkal = 4,184 kJ; nilai dalam kal/mol atau J/mol sekitar 1000 kali "
            "lebih besar); nilai negatif berarti atribut berubah lebih cepat pada suhu yang "
            "lebih rendah.",
        ),
    },
    "ea_outside_library_range": {
        "en": (
            "the 95 % interval of the activation energy of '{attribute}' ({low} to {high} "
            "kJ/mol) lies entirely {side} the range reported for '{reaction}' ({lib_low} to "
            "{lib_high} kJ/mol; {source}).",
            "This may be a unit mistake (the temperature unit; cal/mol or J/mol instead of "
            "kJ/mol where an energy was entered) or a different mechanism limiting this "
            "attribute; check the data and the reaction class chosen.",
        ),
        "id": (
            "selang 95 % energi aktivasi '{attribute}' ({low} sampai {high} kJ/mol) "
            "seluruhnya berada {side} rentang yang dilaporkan untuk '{reaction}' ({lib_low} "
            "sampai {lib_high} kJ/mol; {source}).",
            "Ini bisa berarti kesalahan satuan (satuan suhu; kal/mol atau J/mol alih-alih "
            "kJ/mol bila energi dimasukkan manual) atau mekanisme lain yang membatasi atribut "
            "ini; periksa data dan kelas reaksi yang dipilih.",
        ),
    },
    "hint_reaction_close": {
        "en": (
            "not a reaction class of the library (did you mean '{name}'?)",
            "write one of: {choices}; or leave 'reaction' out.",
        ),
        "id": (
            "bukan kelas reaksi dalam pustaka (maksud Anda '{name}'?)",
            "tulis salah satu dari: {choices}; atau hapus 'reaction'.",
        ),
    },
    "hint_reaction_unknown": {
        "en": (
            "not a reaction class of the library",
            "write one of: {choices}; or leave 'reaction' out.",
        ),
        "id": (
            "bukan kelas reaksi dalam pustaka",
            "tulis salah satu dari: {choices}; atau hapus 'reaction'.",
        ),
    },
}
