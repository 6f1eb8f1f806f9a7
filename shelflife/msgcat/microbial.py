"""Messages of predictive microbiology (:mod:`shelflife.microbial`; see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "microbial_zero_count": {
        "en": (
            "a count of {value} CFU has no logarithm: a plate with no colonies means the "
            "count is below the detection limit, not zero.",
            "give the detection limit (e.g. detection_limit='10 CFU/g' or '1 log10 CFU/g'); "
            "such counts are then treated as left-censored.",
        ),
        "id": (
            "jumlah {value} CFU tidak memiliki logaritma: cawan tanpa koloni berarti jumlahnya "
            "di bawah batas deteksi, bukan nol.",
            "berikan batas deteksi (mis. detection_limit='10 CFU/g' atau '1 log10 CFU/g'); "
            "nilai tersebut lalu diperlakukan sebagai tersensor kiri.",
        ),
    },
    "microbial_looks_like_cfu": {
        "en": (
            "the value {value} in a log10 column looks like CFU, not log10 (no food holds "
            "10^{value} CFU/g).",
            "declare the unit as 'CFU/g' (or take log10 of the counts before entering them).",
        ),
        "id": (
            "nilai {value} pada kolom log10 tampaknya CFU, bukan log10 (tidak ada pangan yang "
            "mengandung 10^{value} CFU/g).",
            "nyatakan satuannya sebagai 'CFU/g' (atau ambil log10 jumlahnya sebelum diisikan).",
        ),
    },
    "microbial_looks_like_log10": {
        "en": (
            "all counts declared as CFU are at most {value}: they look like log10 values, "
            "not CFU.",
            "if they are log10 counts, declare the unit as 'log10 CFU/g'.",
        ),
        "id": (
            "semua jumlah yang dinyatakan dalam CFU paling besar {value}: tampaknya nilai "
            "log10, bukan CFU.",
            "jika itu jumlah log10, nyatakan satuannya sebagai 'log10 CFU/g'.",
        ),
    },
    "microbial_negative_count": {
        "en": ("the count {value} CFU is negative.", "check the data entry."),
        "id": ("jumlah {value} CFU bernilai negatif.", "periksa isian datanya."),
    },
    "microbial_unit_unknown": {
        "en": (
            "'{unit}' is not a unit of microbial counts.",
            "use CFU/g, CFU/mL, log10 CFU/g, log10 CFU/mL or ln CFU/g.",
        ),
        "id": (
            "'{unit}' bukan satuan jumlah mikroba.",
            "gunakan CFU/g, CFU/mL, log10 CFU/g, log10 CFU/mL atau ln CFU/g.",
        ),
    },
    "detection_limit_kind": {
        "en": (
            "a detection limit is given for an attribute that is not a microbial count.",
            'remove detection_limit, or set kind = "microbial" if the attribute is a plate count.',
        ),
        "id": (
            "batas deteksi diberikan untuk atribut yang bukan jumlah mikroba.",
            'hapus detection_limit, atau isikan kind = "microbial" bila atribut itu hasil '
            "hitungan cawan.",
        ),
    },
    "detection_limit_bad": {
        "en": (
            "the detection limit '{value}' is not a count.",
            "write it as '10 CFU/g' or '1 log10 CFU/g', or as a number in the attribute's unit.",
        ),
        "id": (
            "batas deteksi '{value}' bukan jumlah mikroba.",
            "tuliskan sebagai '10 CFU/g' atau '1 log10 CFU/g', atau sebagai angka dalam satuan "
            "atribut.",
        ),
    },
    "microbial_censored": {
        "en": (
            "{count} of {total} counts are below the detection limit ({limit} log10 CFU/g); "
            "they were {handling}.",
            "this is expected at the start of a curve; if many counts are censored, plate "
            "at a lower dilution.",
        ),
        "id": (
            "{count} dari {total} jumlah berada di bawah batas deteksi ({limit} log10 CFU/g); "
            "nilai tersebut {handling}.",
            "ini wajar di awal kurva; jika banyak yang tersensor, lakukan pencawanan pada "
            "pengenceran yang lebih rendah.",
        ),
    },
    "microbial_no_growth": {
        "en": (
            "the counts do not grow (change {change} log10 CFU/g over {days} days): no "
            "growth model was fitted and the time to any higher level is infinite.",
            "if growth was expected, check the storage conditions and the counts.",
        ),
        "id": (
            "jumlah mikroba tidak tumbuh (perubahan {change} log10 CFU/g selama {days} hari): "
            "model pertumbuhan tidak dipasang dan waktu mencapai tingkat yang lebih tinggi "
            "tak hingga.",
            "jika pertumbuhan diharapkan, periksa kondisi simpan dan jumlahnya.",
        ),
    },
    "microbial_too_few_points": {
        "en": (
            "the {model} model has {p} parameters but only {n} usable counts were given.",
            "give more sampling times or fix parameters (e.g. fixed={{'ymax': 9}}).",
        ),
        "id": (
            "model {model} memiliki {p} parameter tetapi hanya ada {n} jumlah yang dapat dipakai.",
            "tambahkan waktu pengambilan sampel atau tetapkan parameter (mis. "
            "fixed={{'ymax': 9}}).",
        ),
    },
    "microbial_model_unknown": {
        "en": ("'{name}' is not a known {kind} model.", "choose one of {choices}."),
        "id": ("'{name}' bukan model {kind} yang dikenal.", "pilih salah satu dari {choices}."),
    },
    "microbial_parameter_unknown": {
        "en": ("'{name}' is not a parameter of the {model} model.", "use one of {choices}."),
        "id": ("'{name}' bukan parameter model {model}.", "gunakan salah satu dari {choices}."),
    },
    "microbial_level_unreachable": {
        "en": (
            "the level {level} log10 CFU/g is not below the maximum population density "
            "({ymax} log10 CFU/g): it is never reached.",
            "choose a spoilage or safety level below the stationary phase.",
        ),
        "id": (
            "tingkat {level} log10 CFU/g tidak lebih rendah dari kepadatan populasi maksimum "
            "({ymax} log10 CFU/g): tingkat itu tidak pernah tercapai.",
            "pilih batas kebusukan atau keamanan di bawah fase stasioner.",
        ),
    },
    "microbial_fit_failed": {
        "en": ("the growth model could not be fitted: {reason}.", "{fix}"),
        "id": ("model pertumbuhan tidak dapat dipasang: {reason}.", "{fix}"),
    },
    "microbial_length_mismatch": {
        "en": ("{n_time} times but {n_counts} counts were given.", "give one time per count."),
        "id": (
            "diberikan {n_time} waktu tetapi {n_counts} jumlah.",
            "berikan satu waktu untuk setiap jumlah.",
        ),
    },
    "microbial_too_few_temperatures": {
        "en": (
            "the {model} secondary model has {p} parameters but the curves cover only {n} "
            "temperatures.",
            "add growth curves at more temperatures, or choose a simpler secondary model.",
        ),
        "id": (
            "model sekunder {model} memiliki {p} parameter tetapi kurva hanya mencakup {n} suhu.",
            "tambahkan kurva pertumbuhan pada suhu lain, atau pilih model sekunder yang lebih "
            "sederhana.",
        ),
    },
    "microbial_outside_tested": {
        "en": (
            "{temperature} °C is outside the tested range ({low}–{high} °C) of the growth "
            "model; the prediction is an extrapolation.",
            "read it with care, or test growth at that temperature.",
        ),
        "id": (
            "{temperature} °C berada di luar rentang uji ({low}–{high} °C) model "
            "pertumbuhan; prediksinya adalah ekstrapolasi.",
            "baca dengan hati-hati, atau uji pertumbuhan pada suhu tersebut.",
        ),
    },
}
