"""Messages of confidence intervals and the bootstrap (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------ uncertainty
    "bootstrap_not_converged": {
        "en": (
            "{failed} of {n} bootstrap refits of '{attribute}' ({percent} %) did not "
            "converge and were left out of the intervals.",
            "A few are harmless; many mean the model is barely identifiable from these data "
            "(check the fit, or try another reaction order).",
        ),
        "id": (
            "{failed} dari {n} pemasangan ulang bootstrap '{attribute}' ({percent} %) tidak "
            "konvergen dan tidak dipakai dalam selang.",
            "Sedikit tidak masalah; banyak berarti model hampir tidak dapat ditentukan dari "
            "data ini (periksa pemasangan, atau coba orde reaksi lain).",
        ),
    },
    "uncertainty_no_covariance": {
        "en": (
            "the covariance of the parameters of '{attribute}' could not be computed, so "
            "the {method} cannot be used.",
            "The model is not identifiable from these data: fix a parameter, choose a "
            "simpler model, or add data; the bootstrap still works.",
        ),
        "id": (
            "kovarians parameter '{attribute}' tidak dapat dihitung, sehingga {method} "
            "tidak dapat digunakan.",
            "Model tidak dapat ditentukan dari data ini: tetapkan satu parameter, pilih "
            "model yang lebih sederhana, atau tambah data; bootstrap tetap dapat dipakai.",
        ),
    },
    "uncertainty_no_dof": {
        "en": (
            "'{attribute}' has no residual degrees of freedom ({n} measurements, {p} "
            "parameters), so the {method} has nothing to estimate the scatter from.",
            "add measurements or fit fewer parameters.",
        ),
        "id": (
            "'{attribute}' tidak memiliki derajat bebas sisa ({n} pengukuran, {p} "
            "parameter), sehingga {method} tidak dapat memperkirakan sebaran.",
            "tambah pengukuran atau pasang lebih sedikit parameter.",
        ),
    },
    "uncertainty_parameter_fixed": {
        "en": (
            "parameter '{name}' of '{attribute}' was held fixed in the fit, so it has no "
            "interval.",
            "ask for a fitted parameter: {choices}.",
        ),
        "id": (
            "parameter '{name}' dari '{attribute}' ditetapkan (tidak dipasang), sehingga "
            "tidak memiliki selang.",
            "pilih parameter yang dipasang: {choices}.",
        ),
    },
    "profile_open": {
        "en": (
            "the profile-likelihood interval of {quantity} for '{attribute}' does not "
            "close on one side: the data are compatible with values up to {bound}.",
            "Report that end as unbounded; data closer to the limit, or at more "
            "temperatures, would bound it.",
        ),
        "id": (
            "selang profil-likelihood {quantity} untuk '{attribute}' tidak tertutup di "
            "satu sisi: data sesuai dengan nilai hingga {bound}.",
            "Laporkan ujung itu sebagai tak terbatas; data yang lebih dekat ke batas, atau "
            "pada lebih banyak suhu, akan membatasinya.",
        ),
    },
    "interval_undercovers": {
        "en": (
            "in simulated studies with a design like that of '{attribute}' ({temperatures} "
            "temperatures × {pulls} pulls × {replicates} replicates, {order}-order model, "
            "{error_model} error), the 95 % {method} interval of {quantity} contained the "
            "true value in only {coverage} ± {se} % of {runs} studies (docs/validation.md, "
            "'Coverage of the 95 % intervals').",
            "Report the {alternative} interval instead ({alternative_coverage} % in the same "
            "simulations), or add pulls and replicates.",
        ),
        "id": (
            "dalam studi simulasi dengan rancangan seperti '{attribute}' ({temperatures} "
            "suhu × {pulls} pengambilan sampel × {replicates} ulangan, model orde {order}, "
            "galat {error_model}), selang 95 % {method} untuk {quantity} hanya mencakup "
            "nilai sebenarnya pada {coverage} ± {se} % dari {runs} studi "
            "(docs/validation.md, 'Coverage of the 95 % intervals').",
            "Laporkan selang {alternative} sebagai gantinya ({alternative_coverage} % dalam "
            "simulasi yang sama), atau tambah jumlah pengambilan sampel dan ulangan.",
        ),
    },
}
