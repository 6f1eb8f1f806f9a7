"""Labels of the model diagnostics, the model comparison and the isoconversion check.

The residual plots, the AICc comparison table, the lack-of-fit and curvature tests,
suspected outliers and parameters at a bound (:mod:`shelflife.diagnostics`), and the
isoconversion cross-check. Merged into :data:`shelflife.report.i18n.LABELS` (keys must be
new there).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "axis_normal_quantile": {
        "en": "Standard normal quantile [{unit}]",
        "id": "Kuantil normal baku [{unit}]",
    },
    "axis_studentized": {
        "en": "Studentised residual [{unit}]",
        "id": "Residual terstudentisasi [{unit}]",
    },
    "legend_normal_line": {"en": "standard normal (y = x)", "id": "normal baku (y = x)"},
    "legend_two_sd": {"en": "±2", "id": "±2"},
    "legend_three_sd": {
        "en": "±3.5 (suspected outlier beyond)",
        "id": "±3,5 (dugaan pencilan di luarnya)",
    },
    "fig_qq": {
        "en": "Normal Q-Q plot of the studentised residuals; points near the line mean "
        "normally distributed errors.",
        "id": "Plot Q-Q normal residual terstudentisasi; titik di dekat garis berarti galat "
        "menyebar normal.",
    },
    "fig_studentized": {
        "en": "Studentised residuals against fitted values; dotted: ±2, dashed: ±3.5, the "
        "outlier threshold (points beyond are labelled with their row).",
        "id": "Residual terstudentisasi terhadap nilai dugaan; titik-titik: ±2, putus-putus: "
        "±3,5, ambang pencilan (titik di luarnya diberi nomor baris).",
    },
    "fig_studentized_threshold": {
        "en": "The outlier check of this report uses ±{threshold}.",
        "id": "Pemeriksaan pencilan dalam laporan ini memakai ±{threshold}.",
    },
    "diagnostics": {"en": "Model diagnostics", "id": "Diagnostik model"},
    "model_comparison": {"en": "Model comparison", "id": "Perbandingan model"},
    "model_comparison_intro": {
        "en": "Models fitted to the same data, ranked by AICc; the Akaike weight is the "
        "weight of evidence that a model is the best of the set.",
        "id": "Model yang dipasang pada data yang sama, diurutkan menurut AICc; bobot Akaike "
        "adalah bobot bukti bahwa suatu model adalah yang terbaik dalam himpunan ini.",
    },
    "order_col": {"en": "Reaction order", "id": "Orde reaksi"},
    "temperature_model_col": {"en": "Temperature model", "id": "Model suhu"},
    "n_parameters": {"en": "Parameters p", "id": "Jumlah parameter p"},
    "sse": {"en": "SSE", "id": "JKG"},
    "aicc": {"en": "AICc", "id": "AICc"},
    "bic": {"en": "BIC", "id": "BIC"},
    "delta_aicc": {"en": "ΔAICc", "id": "ΔAICc"},
    "akaike_weight": {"en": "Akaike weight", "id": "Bobot Akaike"},
    "skipped_models": {
        "en": "Models that could not be fitted",
        "id": "Model yang tidak dapat dipasang",
    },
    "lack_of_fit": {"en": "Lack-of-fit test", "id": "Uji ketidaksesuaian model"},
    "lack_of_fit_line": {
        "en": "F = {f} on {df1} and {df2} degrees of freedom, {p}; replicate standard "
        "deviation {sd}.",
        "id": "F = {f} pada derajat bebas {df1} dan {df2}, {p}; simpangan baku ulangan {sd}.",
    },
    "lack_of_fit_none": {
        "en": "Not possible: no condition was measured more than once.",
        "id": "Tidak dapat dilakukan: tidak ada kondisi yang diukur lebih dari sekali.",
    },
    "curvature": {"en": "Curvature of the Arrhenius plot", "id": "Kelengkungan plot Arrhenius"},
    "curvature_line": {
        "en": "Quadratic term in {axis}: F = {f} on 1 and {dof} degrees of freedom, {p}; "
        "apparent {symbol} {low} near {t_low} and {high} near {t_high}.",
        "id": "Suku kuadrat dalam {axis}: F = {f} pada derajat bebas 1 dan {dof}, {p}; "
        "{symbol} semu {low} di sekitar {t_low} dan {high} di sekitar {t_high}.",
    },
    "curvature_untestable": {
        "en": "Not testable with fewer than four temperatures.",
        "id": "Tidak dapat diuji dengan kurang dari empat suhu.",
    },
    "p_value": {"en": "p-value", "id": "nilai p"},
    "outliers": {"en": "Suspected outliers", "id": "Dugaan pencilan"},
    "no_outliers": {
        "en": "No studentised residual beyond ±3.",
        "id": "Tidak ada residual terstudentisasi di luar ±3.",
    },
    "studentized_residual": {"en": "Studentised residual", "id": "Residual terstudentisasi"},
    "leverage": {"en": "Leverage", "id": "Leverage"},
    "row": {"en": "Row", "id": "Baris"},
    # ------------------------------------- report: diagnostics, comparison, isoconversion
    "lack_of_fit_no_dof": {
        "en": "Not possible: too few distinct storage conditions for the number of parameters.",
        "id": "Tidak dapat dilakukan: kondisi simpan yang berbeda terlalu sedikit untuk jumlah "
        "parameternya.",
    },
    "lack_of_fit_ok": {
        "en": "No evidence that the curve misses the replicate means (p ≥ 0.05).",
        "id": "Tidak ada bukti bahwa kurva meleset dari rata-rata ulangan (p ≥ 0,05).",
    },
    "lack_of_fit_significant": {
        "en": "The curve misses the replicate means by more than the replicates scatter "
        "(p < 0.05): another reaction order or temperature model may describe the data better.",
        "id": "Kurva meleset dari rata-rata ulangan melebihi sebaran ulangannya (p < 0,05): "
        "orde reaksi atau model suhu lain mungkin lebih sesuai dengan data.",
    },
    "curvature_ok": {
        "en": "No evidence of curvature (p ≥ 0.05).",
        "id": "Tidak ada bukti kelengkungan (p ≥ 0,05).",
    },
    "curvature_significant": {
        "en": "The line is curved (p < 0.05): do not extrapolate across the bend.",
        "id": "Garisnya melengkung (p < 0,05): jangan mengekstrapolasi melewati lengkungan.",
    },
    "curvature_untestable_n": {
        "en": "Not testable with {n} temperatures (at least four are needed).",
        "id": "Tidak dapat diuji dengan {n} suhu (diperlukan paling sedikit empat).",
    },
    "curvature_not_applicable": {
        "en": "Not applicable: the model has no temperature term.",
        "id": "Tidak berlaku: model tidak memiliki suku suhu.",
    },
    "curvature_fit_failed": {
        "en": "Not available: the model with a quadratic term could not be fitted.",
        "id": "Tidak tersedia: model dengan suku kuadrat tidak dapat dipasang.",
    },
    "no_outliers_threshold": {
        "en": "None: no studentised residual beyond ±{threshold}.",
        "id": "Tidak ada: tidak ada residual terstudentisasi di luar ±{threshold}.",
    },
    "outliers_intro": {
        "en": "Measurements with a studentised residual beyond ±{threshold}. Check them "
        "(transcription, sample, instrument); they were kept in the fit.",
        "id": "Pengukuran dengan residual terstudentisasi di luar ±{threshold}. Periksalah "
        "(pencatatan, sampel, alat); pengukuran ini tetap dipakai dalam pemasangan.",
    },
    "time_col": {"en": "Time", "id": "Waktu"},
    "measured": {"en": "Measured", "id": "Terukur"},
    "fitted": {"en": "Fitted", "id": "Dugaan"},
    "parameters_at_bounds": {"en": "Parameters at a bound", "id": "Parameter pada batasnya"},
    "no_parameters_at_bounds": {
        "en": "None: every parameter lies inside its allowed range.",
        "id": "Tidak ada: semua parameter berada di dalam rentang yang diizinkan.",
    },
    "parameter_at_bound_item": {
        "en": "{parameter} = {value}, at its bound: its interval is not reliable",
        "id": "{parameter} = {value}, pada batasnya: selang kepercayaannya tidak andal",
    },
    "no_model_comparison": {
        "en": "Only the declared model was fitted; there is nothing to compare it with.",
        "id": "Hanya model yang ditetapkan yang dipasang; tidak ada pembandingnya.",
    },
    "tmodel_arrhenius": {"en": "Arrhenius", "id": "Arrhenius"},
    "tmodel_eyring": {"en": "Eyring", "id": "Eyring"},
    "tmodel_q10": {"en": "Q10", "id": "Q10"},
    "tmodel_arrhenius_rh": {
        "en": "humidity-corrected Arrhenius",
        "id": "Arrhenius terkoreksi kelembapan",
    },
    "tmodel_isothermal": {"en": "single temperature", "id": "suhu tunggal"},
    "iso_title": {
        "en": "Isoconversion (no reaction order assumed)",
        "id": "Isokonversi (tanpa asumsi orde reaksi)",
    },
    "iso_intro": {
        "en": "At each temperature the time at which the attribute reaches its limit is read "
        "from the data: interpolated between the two pulls that bracket the limit, or "
        "extrapolated from a straight line of that temperature alone when the data stop short "
        "of it. ln(1/time) is then regressed on 1/T.",
        "id": "Pada setiap suhu, waktu ketika atribut mencapai batasnya dibaca dari data: "
        "diinterpolasi di antara dua pengambilan sampel yang mengapit batas, atau "
        "diekstrapolasi dari garis lurus suhu itu saja bila data belum mencapainya. "
        "Kemudian ln(1/waktu) diregresikan terhadap 1/T.",
    },
    "iso_time": {"en": "Time to the limit", "id": "Waktu mencapai batas"},
    "iso_how": {"en": "Obtained by", "id": "Diperoleh dengan"},
    "iso_interpolated": {
        "en": "interpolation between pulls",
        "id": "interpolasi antara pengambilan sampel",
    },
    "iso_extrapolated-zero": {
        "en": "extrapolation (zero-order line at this temperature)",
        "id": "ekstrapolasi (garis orde nol pada suhu ini)",
    },
    "iso_extrapolated-first": {
        "en": "extrapolation (first-order line at this temperature)",
        "id": "ekstrapolasi (garis orde satu pada suhu ini)",
    },
    "iso_none": {
        "en": "not reached: the data do not move towards the limit",
        "id": "tidak tercapai: data tidak bergerak menuju batas",
    },
    "ea_isoconversion": {"en": "Ea, isoconversion", "id": "Ea, isokonversi"},
    "iso_shelf_life": {
        "en": "Shelf life, isoconversion",
        "id": "Umur simpan, isokonversi",
    },
    "one_step_shelf_life": {
        "en": "Shelf life, one-step fit",
        "id": "Umur simpan, pemasangan satu tahap",
    },
    "iso_inside": {"en": "inside", "id": "di dalam"},
    "iso_outside": {"en": "outside", "id": "di luar"},
    "iso_comparison": {
        "en": "Isoconversion gives Ea = {iso} kJ/mol, {where} the 95 % CI of the one-step Ea "
        "({low} to {high} kJ/mol), and a shelf life of {iso_sl} at {temperature} against "
        "{one_sl} from the one-step fit.",
        "id": "Isokonversi menghasilkan Ea = {iso} kJ/mol, {where} SK 95 % Ea satu tahap "
        "({low} sampai {high} kJ/mol), dan umur simpan {iso_sl} pada {temperature} "
        "dibandingkan {one_sl} dari pemasangan satu tahap.",
    },
    "iso_no_ea": {
        "en": "The limit time is known at fewer than two temperatures, so isoconversion gives "
        "no activation energy and no shelf life.",
        "id": "Waktu mencapai batas hanya diketahui pada kurang dari dua suhu, sehingga "
        "isokonversi tidak menghasilkan energi aktivasi maupun umur simpan.",
    },
    "iso_summary_line": {
        "en": "Isoconversion (no order assumed): Ea = {ea} kJ/mol ({ci} {low} to {high}), "
        "outside the one-step 95 % CI",
        "id": "Isokonversi (tanpa asumsi orde): Ea = {ea} kJ/mol ({ci} {low} sampai {high}), "
        "di luar SK 95 % satu tahap",
    },
}
