"""Messages of the ICH Q1E evaluation (:mod:`shelflife.q1e`; see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------- ICH Q1E (shelflife.q1e)
    "q1e_no_batch": {
        "en": (
            "'{attribute}': the data have no batch column, which the ICH Q1E batch analysis "
            "needs.",
            "add a column 'batch' with the batch (lot) label of every measurement; use one "
            "label if all samples come from one batch.",
        ),
        "id": (
            "'{attribute}': data tidak memiliki kolom batch, padahal analisis batch ICH Q1E "
            "memerlukannya.",
            "tambahkan kolom 'batch' berisi label batch (lot) setiap pengukuran; gunakan satu "
            "label bila semua sampel berasal dari satu batch.",
        ),
    },
    "q1e_several_temperatures": {
        "en": (
            "'{attribute}' was measured at {n} storage temperatures ({temperatures}); the "
            "ICH Q1E batch analysis is for one storage condition (real-time data).",
            'choose one, e.g. temperature="{first}", or use the Arrhenius analysis '
            "(shelflife.analyze) for accelerated data.",
        ),
        "id": (
            "'{attribute}' diukur pada {n} suhu simpan ({temperatures}); analisis batch "
            "ICH Q1E hanya untuk satu kondisi simpan (data waktu nyata).",
            'pilih salah satu, mis. temperature="{first}", atau gunakan analisis Arrhenius '
            "(shelflife.analyze) untuk data dipercepat.",
        ),
    },
    "q1e_temperature_absent": {
        "en": (
            "'{attribute}' has no measurements at {temperature} (tested: {temperatures}).",
            "choose one of the tested temperatures.",
        ),
        "id": (
            "'{attribute}' tidak memiliki pengukuran pada {temperature} (yang diuji: "
            "{temperatures}).",
            "pilih salah satu suhu yang diuji.",
        ),
    },
    "q1e_too_few_points": {
        "en": (
            "batch '{batch}' has {n} measurements at {times} different times; its own slope "
            "needs at least 3 measurements at 2 or more times.",
            "add pulls for this batch, or leave the batch out of the analysis.",
        ),
        "id": (
            "batch '{batch}' hanya memiliki {n} pengukuran pada {times} waktu berbeda; "
            "kemiringannya sendiri memerlukan minimal 3 pengukuran pada 2 waktu atau lebih.",
            "tambah pengambilan sampel untuk batch ini, atau keluarkan batch ini dari analisis.",
        ),
    },
    "q1e_no_limit": {
        "en": (
            "no specification limit is given for '{attribute}'.",
            "give lower=..., upper=... or both (a two-sided specification).",
        ),
        "id": (
            "tidak ada batas spesifikasi untuk '{attribute}'.",
            "berikan lower=..., upper=... atau keduanya (spesifikasi dua sisi).",
        ),
    },
    "q1e_limits_order": {
        "en": (
            "the lower limit {lower} is not below the upper limit {upper}.",
            "check the two specification limits.",
        ),
        "id": (
            "batas bawah {lower} tidak lebih kecil dari batas atas {upper}.",
            "periksa kedua batas spesifikasi.",
        ),
    },
    "q1e_lengths": {
        "en": (
            "time, value and batch have different lengths ({n_time}, {n_value}, {n_batch}).",
            "give one time, one value and one batch label per measurement.",
        ),
        "id": (
            "waktu, nilai dan batch memiliki panjang berbeda ({n_time}, {n_value}, {n_batch}).",
            "berikan satu waktu, satu nilai dan satu label batch untuk setiap pengukuran.",
        ),
    },
    "q1e_transform_domain": {
        "en": (
            "the {transform} transform cannot be applied to {value} ({what}).",
            "values and limits must be above zero for log, and zero or above for sqrt; use "
            "transform=None otherwise.",
        ),
        "id": (
            "transformasi {transform} tidak dapat diterapkan pada {value} ({what}).",
            "nilai dan batas harus di atas nol untuk log, dan nol atau lebih untuk sqrt; "
            "jika tidak, gunakan transform=None.",
        ),
    },
    "q1e_bad_setting": {
        "en": (
            "{name} = {value} is outside the open interval {low} to {high}.",
            "choose a value inside it, e.g. {example}.",
        ),
        "id": (
            "{name} = {value} di luar selang terbuka {low} sampai {high}.",
            "pilih nilai di dalamnya, mis. {example}.",
        ),
    },
    "q1e_single_batch": {
        "en": (
            "'{attribute}' has one batch only ({batch}); batch poolability could not be "
            "tested and the shelf life rests on a single regression line.",
            "Stability guidelines ask for at least three primary batches (ICH Q1A(R2)).",
        ),
        "id": (
            "'{attribute}' hanya memiliki satu batch ({batch}); kesetaraan antar batch tidak "
            "dapat diuji dan umur simpan bertumpu pada satu garis regresi.",
            "Pedoman stabilitas meminta minimal tiga batch utama (ICH Q1A(R2)).",
        ),
    },
    "q1e_extrapolation": {
        "en": (
            "the shelf life of '{attribute}' ({shelf_life} {unit}) goes beyond what ICH Q1E "
            "allows to extrapolate from data up to {last} {unit}: at most {allowed} {unit} "
            "(twice the period covered, and not more than 12 months beyond it).",
            "Propose at most {allowed} {unit} until longer real-time data confirm more.",
        ),
        "id": (
            "umur simpan '{attribute}' ({shelf_life} {unit}) melampaui ekstrapolasi yang "
            "diizinkan ICH Q1E dari data sampai {last} {unit}: paling lama {allowed} {unit} "
            "(dua kali periode data, dan tidak lebih dari 12 bulan setelahnya).",
            "Usulkan paling lama {allowed} {unit} sampai data waktu nyata yang lebih panjang "
            "memastikannya.",
        ),
    },
    "q1e_no_trend": {
        "en": (
            "'{attribute}' shows no significant trend over storage time (slope test "
            "p = {p}, {model} model).",
            "The shelf life then rests on the widening of the confidence band rather than on "
            "a trend; ICH Q1E allows only limited extrapolation for such data.",
        ),
        "id": (
            "'{attribute}' tidak menunjukkan tren nyata selama penyimpanan (uji kemiringan "
            "p = {p}, model {model}).",
            "Umur simpan lalu bertumpu pada melebarnya pita kepercayaan, bukan pada tren; "
            "ICH Q1E hanya mengizinkan ekstrapolasi terbatas untuk data seperti ini.",
        ),
    },
    "q1e_no_crossing": {
        "en": (
            "the confidence bound of '{attribute}' never reaches the specification limit; "
            "these data give no finite shelf life.",
            "State the shelf life from the period covered by the data, within the ICH Q1E "
            "limits on extrapolation.",
        ),
        "id": (
            "batas kepercayaan '{attribute}' tidak pernah mencapai batas spesifikasi; data ini "
            "tidak menghasilkan umur simpan yang terhingga.",
            "Tetapkan umur simpan dari periode yang dicakup data, dalam batas ekstrapolasi "
            "ICH Q1E.",
        ),
    },
}
