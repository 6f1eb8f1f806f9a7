"""Messages of model fitting and its guardrails (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # --------------------------------------------------------------- fitting
    "too_few_points": {
        "en": (
            "'{attribute}' has {n} measurements, too few for {p} parameters.",
            "measure more pulls (at least {need}).",
        ),
        "id": (
            "'{attribute}' hanya memiliki {n} pengukuran, terlalu sedikit untuk {p} parameter.",
            "tambah pengambilan sampel (minimal {need}).",
        ),
    },
    "not_identifiable": {
        "en": (
            "the {model} model cannot be identified for '{attribute}': {reason}.",
            "Choose a simpler model, or add the missing levels to the study design.",
        ),
        "id": (
            "model {model} tidak dapat diidentifikasi untuk '{attribute}': {reason}.",
            "Pilih model yang lebih sederhana, atau tambahkan taraf yang kurang pada rancangan studi.",
        ),
    },
    "rh_required": {
        "en": (
            "the {model} model needs a relative humidity for predictions.",
            'pass rh, e.g. rh="75 %".',
        ),
        "id": (
            "model {model} memerlukan kelembapan relatif untuk prediksi.",
            'berikan rh, misalnya rh="75 %".',
        ),
    },
    "weights_invalid": {
        "en": (
            "the weights must be {n} finite positive numbers, one per measurement.",
            "give one positive weight per row (an inverse relative variance).",
        ),
        "id": (
            "bobot harus berupa {n} bilangan positif hingga, satu per pengukuran.",
            "berikan satu bobot positif per baris (kebalikan dari varians relatif).",
        ),
    },
    "fit_failed": {
        "en": (
            "the {model} model could not be fitted to '{attribute}': {reason}.",
            "check (1) units and scale of time and values, (2) that the attribute changes "
            "during storage, (3) at least three temperatures, (4) the reaction order.",
        ),
        "id": (
            "model {model} tidak dapat dipaskan pada '{attribute}': {reason}.",
            "periksa (1) satuan dan skala waktu serta nilai, (2) apakah atribut berubah selama "
            "penyimpanan, (3) minimal tiga suhu, (4) orde reaksinya.",
        ),
    },
    # ------------------------------------------------------------ guardrails
    "too_few_temperatures": {
        "en": (
            "'{attribute}' was tested at only {n} temperatures; the Arrhenius line cannot be "
            "checked for straightness.",
            "Test at three or more temperatures.",
        ),
        "id": (
            "'{attribute}' hanya diuji pada {n} suhu; kelurusan garis Arrhenius tidak dapat "
            "diperiksa.",
            "Uji pada tiga suhu atau lebih.",
        ),
    },
    "ea_not_significant": {
        "en": (
            "the activation energy of '{attribute}' ({ea} kJ/mol, 95 % interval {low} to {high}) "
            "is not significantly above zero: this attribute barely depends on temperature.",
            "Something other than temperature (e.g. the package or humidity) may limit it; "
            "do not extrapolate it with Arrhenius.",
        ),
        "id": (
            "energi aktivasi '{attribute}' ({ea} kJ/mol, selang 95 % {low} sampai {high}) "
            "tidak nyata di atas nol: atribut ini hampir tidak bergantung pada suhu.",
            "Faktor lain (mis. kemasan atau kelembapan) mungkin membatasinya; jangan "
            "mengekstrapolasinya dengan Arrhenius.",
        ),
    },
    "extrapolation": {
        "en": (
            "{temperature} is {distance} °C {side} the tested range ({low} to {high}) for "
            "'{attribute}': the shelf life there is an extrapolation.",
            "Test closer to the storage temperature to confirm.",
        ),
        "id": (
            "{temperature} berada {distance} °C {side} rentang uji ({low} sampai {high}) untuk "
            "'{attribute}': umur simpan di sana merupakan ekstrapolasi.",
            "Lakukan uji lebih dekat ke suhu penyimpanan untuk memastikan.",
        ),
    },
    "limit_exceeded_at_start": {
        "en": (
            "'{attribute}' already starts beyond its limit ({initial} against a limit of "
            "{limit} {unit}).",
            "Check the limit, its direction and the unit.",
        ),
        "id": (
            "'{attribute}' sudah melewati batasnya sejak awal ({initial} terhadap batas "
            "{limit} {unit}).",
            "Periksa batas, arahnya, dan satuannya.",
        ),
    },
    "no_finite_shelf_life": {
        "en": (
            "'{attribute}' does not move towards its limit ({trend}); on this model it never "
            "reaches {limit} {unit}.",
            "Check the direction of the limit; otherwise this attribute does not limit the "
            "shelf life.",
        ),
        "id": (
            "'{attribute}' tidak bergerak menuju batasnya ({trend}); menurut model ini batas "
            "{limit} {unit} tidak pernah tercapai.",
            "Periksa arah batasnya; jika benar, atribut ini tidak membatasi umur simpan.",
        ),
    },
    "poor_fit": {
        "en": (
            "the {model} model fits '{attribute}' poorly (R² = {r2}).",
            "Look at the residual plot; another reaction order or an outlier may be the cause.",
        ),
        "id": (
            "model {model} kurang cocok untuk '{attribute}' (R² = {r2}).",
            "Lihat plot residual; orde reaksi lain atau pencilan mungkin penyebabnya.",
        ),
    },
    "fit_not_converged": {
        "en": (
            "the fit of '{attribute}' stopped before converging ({reason}).",
            "Treat the numbers with care; check units, scale and starting values.",
        ),
        "id": (
            "pemasangan model '{attribute}' berhenti sebelum konvergen ({reason}).",
            "Gunakan angkanya dengan hati-hati; periksa satuan, skala, dan nilai awal.",
        ),
    },
    "parameter_at_bound": {
        "en": (
            "parameter {parameter} of '{attribute}' sits at its bound ({value}).",
            "Its interval is not reliable.",
        ),
        "id": (
            "parameter {parameter} dari '{attribute}' berada di batasnya ({value}).",
            "Selang kepercayaannya tidak andal.",
        ),
    },
}
