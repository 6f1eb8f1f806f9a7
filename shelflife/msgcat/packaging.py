"""Messages of packaging and moisture-limited shelf life (see :mod:`shelflife.msgcat`).

Codes are prefixed by topic (``film_``, ``package_``, ``uptake_``, ``compare_``) so that they
never clash with the isotherm and study-folder catalogues.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ films
    "film_condition_missing": {
        "en": (
            "the {what} of film '{film}' was given without its test {missing}; a WVTR means "
            "nothing without the temperature and the humidity it was measured at.",
            "give the test condition from the data sheet, e.g. temperature='38 degC', "
            "rh='90 %' (ASTM F1249 / E96, tropical) or temperature='23 degC', rh='85 %'.",
        ),
        "id": (
            "{what} film '{film}' diberikan tanpa {missing} pengujiannya; nilai WVTR tidak "
            "bermakna tanpa suhu dan kelembapan saat diukur.",
            "cantumkan kondisi uji dari lembar data, mis. temperature='38 degC', rh='90 %' "
            "(ASTM F1249 / E96, tropis) atau temperature='23 degC', rh='85 %'.",
        ),
    },
    "film_unknown": {
        "en": (
            "'{name}' is not a film of the library.",
            "use one of: {choices}; or build a Film from your own measured WVTR.",
        ),
        "id": (
            "'{name}' bukan film dalam pustaka.",
            "gunakan salah satu dari: {choices}; atau buat Film dari WVTR hasil ukur sendiri.",
        ),
    },
    "film_not_scalable": {
        "en": (
            "the barrier of '{film}' comes from a metal or coating layer, so its WVTR does not "
            "scale with thickness.",
            "use the WVTR of the laminate actually used (supplier data sheet or measurement).",
        ),
        "id": (
            "sifat penghalang '{film}' berasal dari lapisan logam atau pelapis, sehingga WVTR-"
            "nya tidak sebanding dengan ketebalan.",
            "gunakan WVTR laminasi yang benar-benar dipakai (lembar data pemasok atau hasil "
            "ukur).",
        ),
    },
    "film_value_invalid": {
        "en": ("the {what} of film '{film}' is {value}; it must be positive and finite.", ""),
        "id": ("{what} film '{film}' bernilai {value}; harus positif dan berhingga.", ""),
    },
    "film_permeation_energy_unknown": {
        "en": (
            "no activation energy of permeation is known for '{film}': its permeance measured "
            "at {test} °C is used unchanged at {storage} °C.",
            "give activation_energy= (measure the WVTR at two temperatures), or measure the "
            "WVTR at the storage temperature.",
        ),
        "id": (
            "energi aktivasi permeasi untuk '{film}' tidak diketahui: permeansi yang diukur "
            "pada {test} °C dipakai apa adanya pada {storage} °C.",
            "isikan activation_energy= (ukur WVTR pada dua suhu), atau ukur WVTR pada suhu "
            "penyimpanan.",
        ),
    },
    "film_typical_values": {
        "en": (
            "'{film}' uses a typical library WVTR ({wvtr} g/(m²·day) for {thickness} µm at "
            "{temperature} °C / {rh} % RH; published range {low}–{high}); real films vary "
            "with grade and supplier.",
            "measure your own film (ASTM F1249 or E96) or use the supplier's data sheet "
            "before relying on this shelf life.",
        ),
        "id": (
            "'{film}' memakai WVTR tipikal dari pustaka ({wvtr} g/(m²·hari) untuk {thickness} "
            "µm pada {temperature} °C / RH {rh} %; rentang publikasi {low}–{high}); film nyata "
            "berbeda menurut jenis dan pemasok.",
            "ukur film Anda sendiri (ASTM F1249 atau E96) atau gunakan lembar data pemasok "
            "sebelum mengandalkan umur simpan ini.",
        ),
    },
    # ---------------------------------------------------------------- package
    "package_value_invalid": {
        "en": ("the package {what} is {value}; it must be positive and finite.", ""),
        "id": ("{what} kemasan bernilai {value}; harus positif dan berhingga.", ""),
    },
    # ----------------------------------------------------------------- uptake
    "uptake_rh_above_one": {
        "en": (
            "relative humidity {value} was given as a fraction but is above 1; it is probably "
            "a percentage.",
            "write the fraction (0.75) or the percentage with its unit ('75 %').",
        ),
        "id": (
            "kelembapan relatif {value} diberikan sebagai pecahan tetapi lebih dari 1; "
            "kemungkinan itu persen.",
            "tulis pecahannya (0,75) atau persennya dengan satuan ('75 %').",
        ),
    },
    "uptake_rh_out_of_range": {
        "en": ("relative humidity {value} is outside 0–100 %.", "check the value and its unit."),
        "id": (
            "kelembapan relatif {value} di luar 0–100 %.",
            "periksa nilai dan satuannya.",
        ),
    },
    "uptake_moisture_invalid": {
        "en": (
            "the {what} moisture is {value}; a moisture content cannot be negative (or, on a "
            "wet basis, 1 or more).",
            "check the value, its basis (dry: g water/g dry solids; wet: g water/g product) "
            "and the isotherm it came from.",
        ),
        "id": (
            "kadar air {what} bernilai {value}; kadar air tidak mungkin negatif (atau, pada "
            "basis basah, 1 atau lebih).",
            "periksa nilainya, basisnya (kering: g air/g padatan kering; basah: g air/g "
            "produk) dan isoterm asalnya.",
        ),
    },
    "uptake_equilibrium_missing": {
        "en": (
            "a slope b was given without the equilibrium moisture Me at the outside RH.",
            "give equilibrium= (Me from the isotherm at the storage RH), or pass the isotherm "
            "itself instead of the slope.",
        ),
        "id": (
            "slope b diberikan tanpa kadar air kesetimbangan Me pada RH luar.",
            "isikan equilibrium= (Me dari isoterm pada RH penyimpanan), atau berikan isotermnya "
            "sebagai ganti slope.",
        ),
    },
    "uptake_slope_invalid": {
        "en": (
            "the isotherm slope b is {value}; it must be positive (moisture rises with water "
            "activity between Mi and Mc).",
            "check Mi, Mc and the isotherm; the secant between Mi and Mc must rise.",
        ),
        "id": (
            "slope isoterm b bernilai {value}; harus positif (kadar air naik dengan aktivitas "
            "air antara Mi dan Mc).",
            "periksa Mi, Mc dan isotermnya; garis potong antara Mi dan Mc harus naik.",
        ),
    },
    "uptake_already_exceeded": {
        "en": (
            "the initial moisture ({initial} g/g) is already at or above the critical moisture "
            "({critical} g/g): the shelf life is 0 days.",
            "check Mi and Mc (same basis); dry the product further before packing.",
        ),
        "id": (
            "kadar air awal ({initial} g/g) sudah sama dengan atau di atas kadar air kritis "
            "({critical} g/g): umur simpan 0 hari.",
            "periksa Mi dan Mc (basis yang sama); keringkan produk lebih lanjut sebelum dikemas.",
        ),
    },
    "uptake_never_reached": {
        "en": (
            "the critical moisture ({critical} g/g) is at or above the equilibrium moisture at "
            "{rh} % RH ({equilibrium} g/g): moisture uptake alone never reaches the limit, so "
            "the moisture-limited shelf life is infinite.",
            "another quality attribute (rancidity, colour, texture) will limit the shelf life; "
            "study it.",
        ),
        "id": (
            "kadar air kritis ({critical} g/g) sama dengan atau di atas kadar air kesetimbangan "
            "pada RH {rh} % ({equilibrium} g/g): penyerapan air saja tidak pernah mencapai batas, "
            "sehingga umur simpan menurut kadar air tak berhingga.",
            "atribut mutu lain (ketengikan, warna, tekstur) yang akan membatasi umur simpan; "
            "kajilah atribut itu.",
        ),
    },
    "uptake_not_reached_in_history": {
        "en": (
            "the critical moisture ({critical} g/g) is not reached during the {days}-day "
            "history; the moisture at its end is {moisture} g/g.",
            "give a longer history to find when the limit is reached.",
        ),
        "id": (
            "kadar air kritis ({critical} g/g) tidak tercapai selama riwayat {days} hari; "
            "kadar air di akhir riwayat {moisture} g/g.",
            "berikan riwayat yang lebih panjang untuk mengetahui kapan batas tercapai.",
        ),
    },
    "uptake_history_without_rh": {
        "en": (
            "the storage history has no relative humidity; moisture uptake needs the outside "
            "RH of every step.",
            "build the history with RH (e.g. TemperatureProfile.constant('30 degC', '6 month', "
            "rh='75 %')), or give temperature= and rh= instead.",
        ),
        "id": (
            "riwayat penyimpanan tidak memiliki kelembapan relatif; penyerapan air memerlukan "
            "RH luar pada setiap langkah.",
            "buat riwayat dengan RH (mis. TemperatureProfile.constant('30 degC', '6 month', "
            "rh='75 %')), atau berikan temperature= dan rh=.",
        ),
    },
    "uptake_conditions_missing": {
        "en": (
            "moisture uptake needs the storage conditions: {missing}.",
            "give history= (a TemperatureProfile with RH), or both temperature= and rh=.",
        ),
        "id": (
            "penyerapan air memerlukan kondisi penyimpanan: {missing}.",
            "berikan history= (TemperatureProfile dengan RH), atau temperature= dan rh=.",
        ),
    },
    "uptake_solver_failed": {
        "en": ("the moisture-uptake integration failed: {reason}.", "check the isotherm."),
        "id": ("integrasi penyerapan air gagal: {reason}.", "periksa isotermnya."),
    },
    # ---------------------------------------------------------------- compare
    "compare_no_options": {
        "en": (
            "no packaging option to compare.",
            "give at least one Package or Film (a Film needs area= and dry_mass=).",
        ),
        "id": (
            "tidak ada pilihan kemasan untuk dibandingkan.",
            "berikan paling sedikit satu Package atau Film (Film memerlukan area= dan dry_mass=).",
        ),
    },
}
