"""Labels of the accelerated-study report's sections and plots.

Verdict, study design, model and parameter estimates, fit statistics, alternative models,
Q10, the two-step comparison, method, references and reproducibility, then the axes and
legends of the plots. Merged into :data:`shelflife.report.i18n.LABELS` (keys must be new
there).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
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
}
