"""Translations of report and plot labels, and locale-aware number formatting.

Every label that the report, the plain-text summary, the HTML tables and the plots show
lives in :data:`LABELS`, in English (``"en"``) and Bahasa Indonesia (``"id"``). Numbers
are formatted with Babel (CLDR data shipped with the package, so the output does not
depend on the operating system's locale): Indonesian uses the decimal comma and the
full stop as thousands separator.

Examples
--------
>>> t("shelf_life", "id")
'Umur simpan'
>>> format_number(1234.5, "id", 1)
'1.234,5'
>>> format_number(0.019534, "en", 3, significant=True)
'0.0195'
"""

from __future__ import annotations

import math
from typing import Any

__all__ = [
    "LANGUAGES",
    "LABELS",
    "check_lang",
    "t",
    "labels",
    "format_number",
    "format_date",
    "format_celsius",
    "format_days",
    "months_days_text",
    "unit_label",
    "sentence",
]

#: Supported languages.
LANGUAGES = ("en", "id")

#: key -> {"en": text, "id": text}. Texts may hold :meth:`str.format` fields.
LABELS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------- general words
    "report_title": {"en": "Shelf-life report", "id": "Laporan umur simpan"},
    "summary_title": {"en": "Shelf-life summary", "id": "Ringkasan umur simpan"},
    "product": {"en": "Product", "id": "Produk"},
    "study": {"en": "Study", "id": "Studi"},
    "attribute": {"en": "Attribute", "id": "Atribut"},
    "attributes": {"en": "Attributes", "id": "Atribut"},
    "unit": {"en": "Unit", "id": "Satuan"},
    "limit": {"en": "Limit", "id": "Batas kritis"},
    "direction": {"en": "Fails when", "id": "Gagal bila"},
    "direction_max": {"en": "rising above the limit", "id": "naik melewati batas"},
    "direction_min": {"en": "falling below the limit", "id": "turun melewati batas"},
    "model_choice": {"en": "Model requested", "id": "Model yang diminta"},
    "model_auto": {
        "en": "auto (zero or first order by AIC)",
        "id": "otomatis (orde nol atau satu menurut AIC)",
    },
    "temperature": {"en": "Temperature", "id": "Suhu"},
    "storage_temperature": {"en": "Storage temperature", "id": "Suhu penyimpanan"},
    "storage_temperatures": {"en": "Storage temperatures", "id": "Suhu penyimpanan"},
    "temperatures_tested": {"en": "Temperatures tested", "id": "Suhu pengujian"},
    "n_measurements": {"en": "Number of measurements", "id": "Jumlah pengukuran"},
    "n_measurements_by_attr": {
        "en": "Measurements per attribute",
        "id": "Pengukuran per atribut",
    },
    "storage_period": {"en": "Longest storage time", "id": "Waktu simpan terlama"},
    "shelf_life": {"en": "Shelf life", "id": "Umur simpan"},
    "estimate": {"en": "Estimate", "id": "Nilai dugaan"},
    "ci95": {"en": "95 % CI", "id": "SK 95 %"},
    "ci95_long": {"en": "95 % confidence interval", "id": "selang kepercayaan 95 %"},
    "conservative": {"en": "Conservative", "id": "Konservatif"},
    "conservative_long": {
        "en": "Conservative shelf life (ICH Q1E)",
        "id": "Umur simpan konservatif (ICH Q1E)",
    },
    "months_days": {"en": "Months and days", "id": "Bulan dan hari"},
    "day": {"en": "day", "id": "hari"},
    "days": {"en": "days", "id": "hari"},
    "never": {"en": "limit never reached", "id": "batas tidak pernah tercapai"},
    "exceeded_at_start": {
        "en": "limit exceeded at time zero",
        "id": "batas terlampaui sejak awal",
    },
    "limiting_attribute": {"en": "Limiting attribute", "id": "Atribut pembatas"},
    "limiting": {"en": "limiting", "id": "pembatas"},
    "none_limiting": {
        "en": "no attribute reaches its limit on this model",
        "id": "tidak ada atribut yang mencapai batasnya menurut model ini",
    },
    "smallest_ea_attribute": {
        "en": "Attribute with the smallest Ea (local convention, for comparison)",
        "id": "Atribut dengan Ea terkecil (kebiasaan setempat, sebagai pembanding)",
    },
    "warnings": {"en": "Warnings", "id": "Peringatan"},
    "no_warnings": {"en": "No warnings.", "id": "Tidak ada peringatan."},
    "to": {"en": "to", "id": "sampai"},
    "at": {"en": "at", "id": "pada"},
    "yes": {"en": "yes", "id": "ya"},
    "no": {"en": "no", "id": "tidak"},
    # ------------------------------- real-time ICH Q1E report (shelflife.realtime)
    "rt_report_title": {
        "en": "Real-time shelf-life report (ICH Q1E)",
        "id": "Laporan umur simpan waktu nyata (ICH Q1E)",
    },
    "rt_method_name": {
        "en": "ICH Q1E batch analysis of real-time data",
        "id": "analisis batch ICH Q1E atas data waktu nyata",
    },
    "rt_verdict_intro": {
        "en": "Shelf life at the storage condition tested, from the real-time data of the "
        "production batches: the earliest time at which the one-sided 95 % confidence bound "
        "of the mean reaches the specification limit (ICH Q1E), for the attribute that "
        "reaches it first.",
        "id": "Umur simpan pada kondisi simpan yang diuji, dari data waktu nyata batch "
        "produksi: waktu paling awal ketika batas kepercayaan satu sisi 95 % dari rata-rata "
        "mencapai batas spesifikasi (ICH Q1E), untuk atribut yang paling dahulu mencapainya.",
    },
    "rt_label_basis": {
        "en": "This value is already the conservative ICH Q1E estimate: the confidence bound, "
        "not the mean line, sets it. ICH Q1E limits how far beyond the period covered by the "
        "data it may be proposed (see the warnings).",
        "id": "Nilai ini sudah merupakan dugaan konservatif ICH Q1E: yang menentukannya adalah "
        "batas kepercayaan, bukan garis rata-rata. ICH Q1E membatasi seberapa jauh melewati "
        "periode data nilai ini boleh diusulkan (lihat peringatan).",
    },
    "rt_storage_condition": {"en": "Storage condition", "id": "Kondisi simpan"},
    "rt_worst_batch": {"en": "Worst-case batch", "id": "Batch terburuk"},
    "rt_pooled": {"en": "all batches pooled", "id": "semua batch digabung"},
    "rt_pooling": {"en": "Poolability model", "id": "Model penggabungan batch"},
    "rt_mean_crossing": {
        "en": "Mean line reaches the limit",
        "id": "Garis rata-rata mencapai batas",
    },
    "rt_mean_crossing_note": {
        "en": "for comparison only",
        "id": "hanya sebagai pembanding",
    },
    "rt_batches": {"en": "Batches", "id": "Batch"},
    "rt_batch": {"en": "Batch", "id": "Batch"},
    "rt_time_points": {"en": "Storage times", "id": "Waktu pengambilan sampel"},
    "rt_model_line": {
        "en": "Model chosen: {model} ({title}), {how}.",
        "id": "Model terpilih: {model} ({title}), {how}.",
    },
    "rt_selection_poolability": {
        "en": "by the poolability tests at significance level {alpha}",
        "id": "berdasarkan uji kesetaraan batch pada taraf nyata {alpha}",
    },
    "rt_selection_declared": {"en": "as declared", "id": "sesuai yang ditetapkan"},
    "rt_selection_single_batch": {
        "en": "because there is only one batch",
        "id": "karena hanya ada satu batch",
    },
    "rt_bound_text": {
        "en": "{sided} {level} % confidence bound of the mean",
        "id": "batas kepercayaan {sided} {level} % dari rata-rata",
    },
    "rt_one_sided": {"en": "one-sided", "id": "satu sisi"},
    "rt_two_sided": {"en": "two-sided", "id": "dua sisi"},
    "rt_basis": {"en": "Basis", "id": "Dasar"},
    "rt_poolability": {
        "en": "Poolability tests (analysis of covariance)",
        "id": "Uji kesetaraan batch (analisis kovarians)",
    },
    "rt_poolability_none": {
        "en": "Not possible with a single batch.",
        "id": "Tidak dapat dilakukan dengan satu batch.",
    },
    "rt_test": {"en": "Test", "id": "Uji"},
    "rt_p_value": {"en": "p-value", "id": "nilai p"},
    "rt_test_batch_time": {
        "en": "Equality of slopes (batch × time)",
        "id": "Kesamaan kemiringan (batch × waktu)",
    },
    "rt_test_batch": {"en": "Equality of intercepts (batch)", "id": "Kesamaan intersep (batch)"},
    "rt_test_dids_vs_cics": {
        "en": "Slopes and intercepts together",
        "id": "Kemiringan dan intersep sekaligus",
    },
    "rt_test_regression": {
        "en": "Regression of the chosen model",
        "id": "Regresi model terpilih",
    },
    "rt_test_slope": {"en": "Time trend (slope)", "id": "Tren waktu (kemiringan)"},
    "rt_decision": {"en": "At α = {alpha}", "id": "Pada α = {alpha}"},
    "rt_differ": {"en": "batches differ", "id": "batch berbeda"},
    "rt_poolable": {"en": "poolable", "id": "dapat digabung"},
    "rt_slopes_differ": {"en": "slopes differ", "id": "kemiringan berbeda"},
    "rt_slopes_common": {"en": "common slope", "id": "kemiringan sama"},
    "rt_intercepts_differ": {"en": "intercepts differ", "id": "intersep berbeda"},
    "rt_intercepts_common": {"en": "common intercept", "id": "intersep sama"},
    "rt_not_used": {
        "en": "not used, the slopes already differ",
        "id": "tidak dipakai, kemiringan sudah berbeda",
    },
    "rt_information": {"en": "for information", "id": "sebagai informasi"},
    "rt_sigma": {"en": "Residual SD", "id": "Simpangan baku residual"},
    "rt_variant_individual": {"en": "individual fits", "id": "pemasangan per batch"},
    "rt_variant_pooled_mse": {"en": "pooled residual variance", "id": "varians residual gabungan"},
    "rt_significant": {"en": "significant", "id": "nyata"},
    "rt_not_significant": {"en": "not significant", "id": "tidak nyata"},
    "rt_models": {"en": "Shelf life by model", "id": "Umur simpan menurut model"},
    "rt_lines": {
        "en": "Regression lines of the chosen model",
        "id": "Garis regresi model terpilih",
    },
    "rt_intercept": {"en": "Intercept", "id": "Intersep"},
    "rt_slope": {"en": "Slope", "id": "Kemiringan"},
    "rt_crossing": {"en": "Bound meets the limit", "id": "Batas kepercayaan mencapai batas"},
    "rt_data": {"en": "Measurements per batch", "id": "Data pengukuran per batch"},
    "rt_data_note": {
        "en": "Each cell holds the measurements of one batch at one storage time; replicates "
        "are separated by semicolons.",
        "id": "Setiap sel berisi pengukuran satu batch pada satu waktu simpan; ulangan "
        "dipisahkan dengan titik koma.",
    },
    "rt_fig_q1e": {
        "en": "Measurements per batch, the lines of the chosen model with their one-sided "
        "95 % confidence bounds (dashed), the specification limit and the shelf life.",
        "id": "Data per batch, garis model terpilih dengan batas kepercayaan satu sisi 95 % "
        "(putus-putus), batas spesifikasi dan umur simpan.",
    },
    "rt_settings": {"en": "Analysis settings", "id": "Pengaturan analisis"},
    "rt_alpha_pool": {
        "en": "Significance level of the poolability tests",
        "id": "Taraf nyata uji kesetaraan batch",
    },
    "rt_level": {"en": "Confidence level of the bound", "id": "Tingkat kepercayaan batas"},
    "rt_dids_variant": {
        "en": "Separate-slopes model evaluated with",
        "id": "Model kemiringan berbeda dievaluasi dengan",
    },
    "rt_dids_individual": {
        "en": "a fit of each batch on its own",
        "id": "pemasangan tiap batch secara terpisah",
    },
    "rt_dids_pooled_mse": {
        "en": "the pooled residual variance",
        "id": "varians residual gabungan",
    },
    "rt_scale": {"en": "Scale of the regression", "id": "Skala regresi"},
    "rt_scale_none": {"en": "linear (zero order)", "id": "linier (orde nol)"},
    "rt_scale_log": {"en": "logarithmic (first order)", "id": "logaritmik (orde satu)"},
    "rt_model_cics": {
        "en": "common intercept, common slope",
        "id": "intersep sama, kemiringan sama",
    },
    "rt_model_dics": {
        "en": "different intercepts, common slope",
        "id": "intersep berbeda, kemiringan sama",
    },
    "rt_model_dids": {
        "en": "different intercepts, different slopes",
        "id": "intersep berbeda, kemiringan berbeda",
    },
    "rt_unit_day": {"en": "days", "id": "hari"},
    "rt_unit_week": {"en": "weeks", "id": "minggu"},
    "rt_unit_month": {"en": "months", "id": "bulan"},
    "rt_unit_year": {"en": "years", "id": "tahun"},
    "rt_method_1": {
        "en": "Real-time data: samples of several production batches were stored at the "
        "intended storage condition and measured at planned times. Each attribute is "
        "evaluated as ICH Q1E describes for quantitative attributes that change with time: a "
        "linear regression of the attribute on storage time (on the logarithmic scale when "
        "the study declares first-order change), with batch as a fixed factor.",
        "id": "Data waktu nyata: sampel dari beberapa batch produksi disimpan pada kondisi "
        "simpan yang dimaksud dan diukur pada waktu yang direncanakan. Setiap atribut "
        "dievaluasi seperti diuraikan ICH Q1E untuk atribut kuantitatif yang berubah dengan "
        "waktu: regresi linier atribut terhadap waktu simpan (pada skala logaritma bila studi "
        "menyatakan perubahan orde satu), dengan batch sebagai faktor tetap.",
    },
    "rt_method_2": {
        "en": "Three models are fitted: a common intercept and slope (cics), different "
        "intercepts with a common slope (dics), and different intercepts and slopes (dids). "
        "Sequential analysis-of-covariance F tests at the significance level 0.25 decide "
        "whether the batches may be pooled: first the slopes (batch × time), then the "
        "intercepts (batch); both tests use the residual mean square of the dids model. The "
        "level 0.25, rather than 0.05, guards against pooling batches that really differ.",
        "id": "Tiga model dipasang: intersep dan kemiringan sama (cics), intersep berbeda "
        "dengan kemiringan sama (dics), serta intersep dan kemiringan berbeda (dids). Uji F "
        "analisis kovarians berurutan pada taraf nyata 0,25 menentukan apakah batch boleh "
        "digabung: pertama kemiringan (batch × waktu), lalu intersep (batch); kedua uji "
        "memakai kuadrat tengah residual model dids. Taraf 0,25, bukan 0,05, mencegah "
        "penggabungan batch yang sebenarnya berbeda.",
    },
    "rt_method_3": {
        "en": "The shelf life is the earliest time at which the one-sided 95 % confidence "
        "bound of the mean regression line meets the specification limit (a two-sided 95 % "
        "band when there are a lower and an upper limit). With separate lines the earliest "
        "batch sets it (the worst-case batch). When separate slopes are needed, each batch "
        "is fitted on its own with its own residual variance, as JMP and the R package "
        "expirest do. The crossing time is solved exactly, not read off a grid.",
        "id": "Umur simpan adalah waktu paling awal ketika batas kepercayaan satu sisi 95 % "
        "dari garis regresi rata-rata mencapai batas spesifikasi (pita dua sisi 95 % bila "
        "ada batas bawah dan batas atas). Dengan garis terpisah, batch yang paling awal "
        "menentukannya (batch terburuk). Bila kemiringan berbeda diperlukan, setiap batch "
        "dipasang sendiri dengan varians residualnya sendiri, seperti pada JMP dan paket R "
        "expirest. Waktu perpotongan dihitung secara eksak, bukan dibaca dari grid.",
    },
    "rt_method_4": {
        "en": "Because the bound already carries the uncertainty of the regression, the "
        "ICH Q1E value is itself the conservative estimate; the time at which the fitted mean "
        "line reaches the limit is shown for comparison only. ICH Q1E allows only limited "
        "extrapolation beyond the period covered by the real-time data; a warning flags "
        "estimates beyond twice that period or more than 12 months beyond it. Single packs "
        "scatter around the mean line; the bound does not describe them.",
        "id": "Karena batas kepercayaan sudah memuat ketidakpastian regresi, nilai ICH Q1E "
        "itu sendiri merupakan dugaan konservatif; waktu ketika garis rata-rata dugaan "
        "mencapai batas hanya ditampilkan sebagai pembanding. ICH Q1E hanya mengizinkan "
        "ekstrapolasi terbatas melewati periode data waktu nyata; peringatan muncul bila "
        "dugaan melebihi dua kali periode itu atau lebih dari 12 bulan setelahnya. Kemasan "
        "tunggal tersebar di sekitar garis rata-rata; batas kepercayaan tidak "
        "menggambarkannya.",
    },
    # ------------------------------------------------------------------ sections
    "verdict": {"en": "Verdict", "id": "Kesimpulan"},
    "verdict_intro": {
        "en": "Shelf life of the product at each storage temperature, set by the attribute "
        "that reaches its limit first.",
        "id": "Umur simpan produk pada setiap suhu penyimpanan, ditentukan oleh atribut "
        "yang paling dahulu mencapai batasnya.",
    },
    "verdict_line": {
        "en": "At {temperature}: shelf life {estimate} ({months}); 95 % CI {low} to {high}; "
        "conservative {conservative} ({conservative_months}). Limiting attribute: {attribute}.",
        "id": "Pada {temperature}: umur simpan {estimate} ({months}); SK 95 % {low} sampai "
        "{high}; konservatif {conservative} ({conservative_months}). Atribut pembatas: "
        "{attribute}.",
    },
    "label_basis": {
        "en": "The conservative value is the recommended basis for a label date.",
        "id": "Nilai konservatif adalah dasar yang dianjurkan untuk tanggal pada label.",
    },
    "all_attributes": {"en": "All attributes", "id": "Semua atribut"},
    "design": {"en": "Study design", "id": "Rancangan studi"},
    "results_for": {"en": "Results: {attribute}", "id": "Hasil: {attribute}"},
    "model": {"en": "Model", "id": "Model"},
    "model_line": {
        "en": "{order}, {temperature} temperature dependence, one-step global fit of all "
        "temperatures.",
        "id": "{order}, ketergantungan suhu {temperature}, pemasangan global satu tahap "
        "untuk semua suhu.",
    },
    "order_zero": {"en": "Zero order", "id": "Orde nol"},
    "order_first": {"en": "First order", "id": "Orde satu"},
    "order_second": {"en": "Second order", "id": "Orde dua"},
    "order_nth": {"en": "nth order", "id": "Orde ke-n"},
    "order_weibull": {"en": "Weibull", "id": "Weibull"},
    "order_equilibrium": {
        "en": "First-order approach to equilibrium",
        "id": "Orde satu menuju kesetimbangan",
    },
    "equation": {"en": "Equation", "id": "Persamaan"},
    "selection_aic": {
        "en": "Reaction order chosen by AIC.",
        "id": "Orde reaksi dipilih menurut AIC.",
    },
    "selection_declared": {
        "en": "Reaction order as declared in the study.",
        "id": "Orde reaksi sesuai yang ditetapkan dalam studi.",
    },
    "parameters": {"en": "Parameter estimates", "id": "Dugaan parameter"},
    "parameter": {"en": "Parameter", "id": "Parameter"},
    "stderr": {"en": "Std. error", "id": "Galat baku"},
    "param_activation_energy": {"en": "Activation energy Ea", "id": "Energi aktivasi Ea"},
    "param_rate_constant_ref": {
        "en": "Rate constant k_ref at T_ref",
        "id": "Konstanta laju k_ref pada T_ref",
    },
    "param_initial_value": {"en": "Initial value A0", "id": "Nilai awal A0"},
    "param_initial_value_at": {
        "en": "Initial value A0 at {temperature}",
        "id": "Nilai awal A0 pada {temperature}",
    },
    "param_initial_value_mean": {
        "en": "Initial value A0, mean of the temperatures",
        "id": "Nilai awal A0, rata-rata semua suhu",
    },
    "param_order": {"en": "Reaction order n", "id": "Orde reaksi n"},
    "param_shape": {"en": "Weibull shape β", "id": "Parameter bentuk Weibull β"},
    "param_final_value": {"en": "Final value A∞", "id": "Nilai akhir A∞"},
    "param_humidity_coefficient": {
        "en": "Humidity coefficient B",
        "id": "Koefisien kelembapan B",
    },
    "param_q10": {"en": "Temperature coefficient Q10", "id": "Koefisien suhu Q10"},
    "param_activation_enthalpy": {
        "en": "Activation enthalpy ΔH‡",
        "id": "Entalpi aktivasi ΔH‡",
    },
    "param_rate_constant": {"en": "Rate constant k", "id": "Konstanta laju k"},
    "reference_temperature": {
        "en": "Reference temperature T_ref",
        "id": "Suhu acuan T_ref",
    },
    "statistics": {"en": "Fit statistics", "id": "Statistik kecocokan"},
    "n": {"en": "Measurements n", "id": "Jumlah data n"},
    "rmse": {"en": "RMSE", "id": "RMSE"},
    "residual_se": {
        "en": "Residual standard deviation (scatter of single packs)",
        "id": "Simpangan baku residual (sebaran kemasan tunggal)",
    },
    "r_squared": {"en": "R²", "id": "R²"},
    "aic": {"en": "AIC", "id": "AIC"},
    "dof": {"en": "Degrees of freedom", "id": "Derajat bebas"},
    "converged": {"en": "Converged", "id": "Konvergen"},
    "alternatives": {"en": "Alternative models", "id": "Model alternatif"},
    "delta_aic": {"en": "ΔAIC", "id": "ΔAIC"},
    "no_alternatives": {
        "en": "No alternative reaction order was fitted.",
        "id": "Tidak ada orde reaksi alternatif yang dipasang.",
    },
    "chosen": {"en": "chosen", "id": "dipilih"},
    "q10": {"en": "Q10", "id": "Q10"},
    "q10_title": {"en": "Q10 at the storage temperature", "id": "Q10 pada suhu penyimpanan"},
    "plots": {"en": "Plots", "id": "Grafik"},
    "fig_fit": {
        "en": "Measurements and fitted mean per temperature; dashed line: limit.",
        "id": "Data pengukuran dan rata-rata dugaan per suhu; garis putus-putus: batas.",
    },
    "fig_residuals": {
        "en": "Residuals against fitted values.",
        "id": "Residual terhadap nilai dugaan.",
    },
    "fig_arrhenius": {
        "en": "Arrhenius plot: one-step line with 95 % confidence band; points: two-step "
        "rate constants.",
        "id": "Plot Arrhenius: garis satu tahap dengan pita kepercayaan 95 %; titik: "
        "konstanta laju dua tahap.",
    },
    "fig_shelf_life": {
        "en": "Shelf life against storage temperature (log scale); shaded: tested range.",
        "id": "Umur simpan terhadap suhu penyimpanan (skala log); arsiran: rentang uji.",
    },
    "sl_table": {
        "en": "Shelf life against temperature",
        "id": "Umur simpan terhadap suhu",
    },
    "two_step": {
        "en": "Comparison with the two-step method",
        "id": "Perbandingan dengan metode dua tahap",
    },
    "two_step_intro": {
        "en": "Step 1: a rate constant per temperature from a straight line on the "
        "{linear} scale; step 2: ln k against 1/T.",
        "id": "Tahap 1: konstanta laju per suhu dari garis lurus pada skala {linear}; "
        "tahap 2: ln k terhadap 1/T.",
    },
    "linear_zero": {"en": "original", "id": "asli"},
    "linear_first": {"en": "logarithmic", "id": "logaritma"},
    "rate_constant": {"en": "Rate constant k", "id": "Konstanta laju k"},
    "ea_two_step": {"en": "Ea, two-step", "id": "Ea, dua tahap"},
    "ea_one_step": {"en": "Ea, one-step (this report)", "id": "Ea, satu tahap (laporan ini)"},
    "method_col": {"en": "Method", "id": "Metode"},
    "not_available": {"en": "not available", "id": "tidak tersedia"},
    "excluded": {"en": "excluded (k ≤ 0)", "id": "tidak diikutkan (k ≤ 0)"},
    "method": {"en": "Method", "id": "Metode"},
    "references": {"en": "References", "id": "Pustaka"},
    "reproducibility": {"en": "Reproducibility", "id": "Reprodusibilitas"},
    "software": {"en": "Software", "id": "Perangkat lunak"},
    "input_files": {"en": "Input files (SHA-256)", "id": "Berkas masukan (SHA-256)"},
    "no_input_files": {
        "en": "No input files recorded (study built in Python).",
        "id": "Tidak ada berkas masukan tercatat (studi dibuat di Python).",
    },
    "study_name": {"en": "Study identifier", "id": "Identitas studi"},
    "repro_note": {
        "en": "The same input files and software versions give a byte-identical report.",
        "id": "Berkas masukan dan versi perangkat lunak yang sama menghasilkan laporan "
        "yang identik.",
    },
    # --------------------------------------------------------------------- plots
    "axis_time": {"en": "Storage time [{unit}]", "id": "Waktu simpan [{unit}]"},
    "axis_value": {"en": "{name} [{unit}]", "id": "{name} [{unit}]"},
    "axis_inv_temperature": {"en": "1000/T [1/K]", "id": "1000/T [1/K]"},
    "axis_ln_k": {"en": "ln k [ln({unit})]", "id": "ln k [ln({unit})]"},
    "axis_temperature": {"en": "Temperature [°C]", "id": "Suhu [°C]"},
    "axis_fitted": {"en": "Fitted value [{unit}]", "id": "Nilai dugaan [{unit}]"},
    "axis_residual": {"en": "Residual [{unit}]", "id": "Residual [{unit}]"},
    "axis_shelf_life": {"en": "Shelf life [{unit}]", "id": "Umur simpan [{unit}]"},
    "legend_limit": {"en": "limit", "id": "batas"},
    "legend_one_step": {"en": "one-step fit", "id": "pemasangan satu tahap"},
    "legend_band": {"en": "95 % confidence band", "id": "pita kepercayaan 95 %"},
    "legend_two_step": {"en": "two-step k per temperature", "id": "k dua tahap per suhu"},
    "legend_estimate": {"en": "estimate", "id": "nilai dugaan"},
    "legend_ci": {"en": "95 % CI", "id": "SK 95 %"},
    "legend_conservative": {"en": "conservative", "id": "konservatif"},
    "legend_tested": {"en": "tested range", "id": "rentang uji"},
    "legend_storage": {"en": "storage", "id": "penyimpanan"},
    # ------------------------------------------------ diagnostics (shelflife.diagnostics)
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
    # ------------------------------------------------------- method: fit options
    "method_error_model": {
        "en": "Error model for {attributes}: {model}.",
        "id": "Model galat untuk {attributes}: {model}.",
    },
    "error_model_constant": {
        "en": "constant variance, every measurement weighted equally (ordinary least squares)",
        "id": "varians konstan, setiap pengukuran berbobot sama (kuadrat terkecil biasa)",
    },
    "error_model_proportional": {
        "en": "scatter proportional to the level (constant coefficient of variation), fitted "
        "by iteratively reweighted least squares",
        "id": "sebaran sebanding dengan besarnya nilai (koefisien keragaman konstan), dipasang "
        "dengan kuadrat terkecil terboboti berulang",
    },
    "error_model_combined": {
        "en": "a constant plus a proportional part, variance σ²(1 + c²μ²) with c = {c} "
        "estimated from the data, fitted by iteratively reweighted least squares",
        "id": "bagian konstan ditambah bagian sebanding, varians σ²(1 + c²μ²) dengan c = {c} "
        "diduga dari data, dipasang dengan kuadrat terkecil terboboti berulang",
    },
    "error_model_replicates": {
        "en": "each measurement weighted by the inverse variance of its replicates at the "
        "same time and temperature",
        "id": "setiap pengukuran diboboti dengan kebalikan varians ulangannya pada waktu dan "
        "suhu yang sama",
    },
    "error_model_weights": {
        "en": "weights supplied by the user",
        "id": "bobot yang diberikan pengguna",
    },
    "method_initial_per_temperature": {
        "en": "For {attributes}, each test temperature has its own initial value A0 (for "
        "example when the samples of each chamber came from a different batch); the rate "
        "constant and Ea are common to all temperatures, and at any other temperature the "
        "mean of the initial values is used.",
        "id": "Untuk {attributes}, setiap suhu uji memiliki nilai awal A0 sendiri (misalnya "
        "bila sampel setiap ruang simpan berasal dari batch yang berbeda); konstanta laju dan "
        "Ea berlaku sama untuk semua suhu, dan pada suhu lain dipakai rata-rata nilai awal "
        "tersebut.",
    },
    "method_diagnostics": {
        "en": "Each fit is checked. Models are compared by AICc, the AIC corrected for small "
        "samples, with Akaike weights. Where measurements were replicated, a lack-of-fit F "
        "test compares the misfit of the curve with the scatter of the replicates. "
        "Internally studentised residuals (each residual divided by its own standard error, "
        "which accounts for leverage) beyond ±{threshold} mark suspected outliers; they are "
        "reported, never removed. With four or more temperatures, a quadratic term in 1/T "
        "tests the Arrhenius line for curvature.",
        "id": "Setiap hasil pemasangan diperiksa. Model dibandingkan dengan AICc, yaitu AIC "
        "yang dikoreksi untuk sampel kecil, beserta bobot Akaike. Bila pengukuran diulang, "
        "uji F ketidaksesuaian model membandingkan simpangan kurva dengan sebaran ulangan. "
        "Residual terstudentisasi internal (setiap residual dibagi galat bakunya sendiri, "
        "yang memperhitungkan leverage) di luar ±{threshold} menandai dugaan pencilan; "
        "pencilan dilaporkan, tidak pernah dibuang. Dengan empat suhu atau lebih, suku "
        "kuadrat dalam 1/T menguji kelengkungan garis Arrhenius.",
    },
    "method_isoconversion": {
        "en": "Isoconversion is a cross-check that assumes no reaction order: the time to "
        "reach the limit at each temperature, and a straight line of ln(1/time) against 1/T. "
        "It uses only the measurements near the limit and, with three temperatures, leaves "
        "one degree of freedom, so its intervals are wide; the one-step fit remains the basis "
        "of the shelf life.",
        "id": "Isokonversi adalah pemeriksaan silang tanpa asumsi orde reaksi: waktu "
        "mencapai batas pada setiap suhu, lalu garis lurus ln(1/waktu) terhadap 1/T. Metode "
        "ini hanya memakai pengukuran di dekat batas dan, dengan tiga suhu, hanya menyisakan "
        "satu derajat bebas, sehingga selangnya lebar; pemasangan satu tahap tetap menjadi "
        "dasar umur simpan.",
    },
    "param_fixed": {"en": "fixed", "id": "tetap"},
    "and": {"en": "and", "id": "dan"},
}


def _merge_topic_labels() -> None:
    """Add the labels of the topic modules ``labels_*.py`` (keys must be new)."""
    from .labels_distribution import LABELS as distribution
    from .labels_moisture import LABELS as moisture
    from .labels_pdf import LABELS as pdf
    from .labels_report import LABELS as report

    for extra in (distribution, moisture, pdf, report):
        clash = sorted(set(extra) & set(LABELS))
        if clash:  # pragma: no cover - a programming error caught by any test run
            raise RuntimeError(f"labels defined twice: {clash}")
        LABELS.update(extra)


_merge_topic_labels()

# Method statement and references are long texts, kept apart from the short labels.
METHOD_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "en": (
        "All storage temperatures of an attribute are fitted at once by nonlinear least "
        "squares (a one-step global fit), with a zero- or first-order reaction whose rate "
        "constant follows the Arrhenius law. The law is written relative to a reference "
        "temperature T_ref in the middle of the tested range, "
        "k(T) = k_ref · exp[−(Ea/R)(1/T − 1/T_ref)], so that k_ref and Ea are estimated "
        "almost independently of each other. Where the study asks for it, the reaction "
        "order with the lower Akaike information criterion (AIC) is chosen, and the other "
        "order is reported for comparison.",
        "Standard errors come from the covariance matrix of the fit; intervals use "
        "Student's t on the residual degrees of freedom. Intervals for the rate constant "
        "and for the shelf life are computed with the delta method on the log scale, so "
        "they are positive and asymmetric.",
        "The shelf life is the time at which the fitted mean reaches the limit. Its 95 % "
        "confidence interval describes how well this mean time is known. The conservative "
        "shelf life follows ICH Q1E: it is the earliest time at which the one-sided 95 % "
        "confidence bound of the mean crosses the limit, and it is the recommended basis "
        "for a label date.",
        "Neither interval describes single packs. Individual packs scatter around the "
        "mean (the residual standard deviation in each attribute's statistics), so some "
        "packs reach the limit earlier than the mean does; the confidence interval of the "
        "mean narrows with more measurements, the scatter of packs does not.",
        "The classic two-step method (a rate constant per temperature, then a straight "
        "line of ln k against 1/T) is shown for comparison with laboratory spreadsheets; "
        "it uses the data less efficiently and usually gives wider intervals.",
    ),
    "id": (
        "Semua suhu penyimpanan suatu atribut dipasang sekaligus dengan kuadrat terkecil "
        "nonlinear (pemasangan global satu tahap), memakai reaksi orde nol atau orde satu "
        "yang konstanta lajunya mengikuti hukum Arrhenius. Hukum ini ditulis relatif "
        "terhadap suhu acuan T_ref di tengah rentang uji, "
        "k(T) = k_ref · exp[−(Ea/R)(1/T − 1/T_ref)], sehingga k_ref dan Ea diduga hampir "
        "saling bebas. Bila studi memintanya, orde reaksi dengan kriteria informasi "
        "Akaike (AIC) yang lebih kecil dipilih, dan orde lainnya dilaporkan sebagai "
        "pembanding.",
        "Galat baku diperoleh dari matriks kovarians hasil pemasangan; selang kepercayaan "
        "memakai sebaran t Student dengan derajat bebas residual. Selang untuk konstanta "
        "laju dan umur simpan dihitung dengan metode delta pada skala logaritma, sehingga "
        "selalu positif dan tidak simetris.",
        "Umur simpan adalah waktu ketika rata-rata dugaan mencapai batas kritis. Selang "
        "kepercayaan 95 %-nya menunjukkan seberapa teliti waktu rata-rata ini diketahui. "
        "Umur simpan konservatif mengikuti ICH Q1E: waktu paling awal ketika batas "
        "kepercayaan satu sisi 95 % dari rata-rata melewati batas kritis; nilai inilah "
        "yang dianjurkan sebagai dasar tanggal pada label.",
        "Kedua selang tersebut tidak menggambarkan kemasan tunggal. Setiap kemasan "
        "tersebar di sekitar rata-rata (simpangan baku residual pada statistik setiap "
        "atribut), sehingga sebagian kemasan mencapai batas lebih awal daripada "
        "rata-ratanya; selang kepercayaan rata-rata menyempit bila data bertambah, "
        "sebaran antarkemasan tidak.",
        "Metode dua tahap yang lazim (konstanta laju per suhu, lalu garis lurus ln k "
        "terhadap 1/T) ditampilkan sebagai pembanding dengan lembar kerja laboratorium; "
        "metode ini kurang efisien memanfaatkan data dan biasanya menghasilkan selang yang "
        "lebih lebar.",
    ),
}

#: References of the method statement (not translated).
REFERENCES: tuple[str, ...] = (
    "ICH Q1E, Evaluation for Stability Data. International Council for Harmonisation, 2003.",
    "M. A. J. S. van Boekel, “Statistical aspects of kinetic modeling for food science "
    "problems,” J. Food Sci., vol. 61, no. 3, pp. 477–486, 1996. "
    "doi:10.1111/j.1365-2621.1996.tb13138.x",
    "D. M. Bates and D. G. Watts, Nonlinear Regression Analysis and Its Applications. "
    "New York: Wiley, 1988.",
    "K. P. Burnham and D. R. Anderson, Model Selection and Multimodel Inference, 2nd ed. "
    "New York: Springer, 2002.",
    "N. R. Draper and H. Smith, Applied Regression Analysis, 3rd ed. New York: Wiley, 1998.",
    "K. C. Waterman, “The application of the Accelerated Stability Assessment Program "
    "(ASAP) to quality by design (QbD) for drug product stability,” AAPS PharmSciTech, "
    "vol. 12, no. 3, pp. 932–937, 2011. doi:10.1208/s12249-011-9657-3",
)


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported.

    Raises
    ------
    shelflife.errors.InputError
        ``option_unknown`` for a language other than ``"en"`` or ``"id"``.
    """
    if lang not in LANGUAGES:
        from ..errors import InputError

        raise InputError("option_unknown", what="language", value=lang, choices="en, id")
    return lang


def t(key: str, lang: str = "en", **params: Any) -> str:
    """Translate label ``key`` into ``lang``, filling in ``params``.

    Parameters
    ----------
    key : str
        A key of :data:`LABELS`.
    lang : {"en", "id"}
        Language.
    **params
        Values for the label's :meth:`str.format` fields.
    """
    text = LABELS[key][check_lang(lang)]
    return text.format(**params) if params else text


def labels(lang: str = "en") -> dict[str, str]:
    """All labels in one language, as a dict (for templates)."""
    check_lang(lang)
    return {k: v[lang] for k, v in LABELS.items()}


def format_number(
    x: float, lang: str = "en", digits: int = 2, *, significant: bool = False, trim: bool = False
) -> str:
    """Format a number for ``lang`` with Babel (decimal comma in Indonesian).

    Parameters
    ----------
    x : float
        The number.
    lang : {"en", "id"}
        Language (CLDR locale ``en`` or ``id``).
    digits : int
        Decimal places, or significant digits when ``significant`` is true.
    significant : bool
        Interpret ``digits`` as significant digits (whole-number digits are never
        dropped: 12345 with 3 significant digits is ``12,345``).
    trim : bool
        Drop trailing zeros of the decimals (``10`` rather than ``10.00``).

    Returns
    -------
    str
        ``"∞"`` for infinity, ``"–"`` for nan or ``None``.
    """
    check_lang(lang)
    if x is None:
        return "–"
    x = float(x)
    if math.isnan(x):
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if significant:
        magnitude = math.floor(math.log10(abs(x))) if x != 0 else 0
        decimals = max(0, digits - 1 - magnitude)
    else:
        decimals = max(0, int(digits))
    x = round(x, decimals)
    if x == 0:
        x = 0.0  # no "-0.0"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + ("#" if trim else "0") * decimals if decimals else "")
    text = format_decimal(x, format=pattern, locale=lang)
    return text.replace("-", "−")


def format_date(date: Any, lang: str = "en", fmt: str = "long") -> str:
    """Format a :class:`datetime.date` for ``lang`` with Babel (``17 Agustus 2026``)."""
    check_lang(lang)
    from babel.dates import format_date as _format_date

    return _format_date(date, format=fmt, locale=lang)


_UNIT_WORDS_ID = (("days", "hari"), ("day", "hari"), ("weeks", "minggu"), ("week", "minggu"))


def unit_label(unit: str, lang: str = "en") -> str:
    """A unit as shown in labels: ``-`` for dimensionless, time words translated.

    Examples
    --------
    >>> unit_label("meq/kg/day", "id")
    'meq/kg/hari'
    >>> unit_label("", "en")
    '-'
    """
    check_lang(lang)
    text = unit if unit and unit != "dimensionless" else "-"
    if lang == "id":
        import re

        for en, word in _UNIT_WORDS_ID:
            text = re.sub(rf"\b{en}\b", word, text)
    return text


def format_celsius(T_K: float, lang: str = "en") -> str:
    """A temperature given in kelvin, shown in °C (``30 °C``, ``27,5 °C``)."""
    c = float(T_K) - 273.15
    digits = 0 if abs(c - round(c)) < 0.005 else 1
    return f"{format_number(c, lang, digits)} °C"


def format_days(days: float, lang: str = "en", digits: int = 1) -> str:
    """A duration in days with its unit word, or a phrase when it is 0 or infinite.

    Examples
    --------
    >>> format_days(58.04, "id")
    '58,0 hari'
    >>> format_days(float("inf"), "en")
    'limit never reached'
    """
    check_lang(lang)
    if days is None or math.isnan(days):
        return "–"
    if math.isinf(days):
        return t("never", lang)
    text = f"{format_number(days, lang, digits)} {t('days', lang)}"
    if days == 0:
        text += f" ({t('exceeded_at_start', lang)})"
    return text


def months_days_text(days: float, lang: str = "en") -> str:
    """Say a duration as "x months y days" / "x bulan y hari" (``–`` when undefined)."""
    from ..units import format_duration

    if days is None or math.isnan(days):
        return "–"
    return format_duration(days, lang)


def sentence(text: str) -> str:
    """Capitalise the first letter of a message."""
    return text[:1].upper() + text[1:] if text else text
