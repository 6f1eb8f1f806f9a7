"""Report and summary labels of critical-moisture studies (merged into ``LABELS``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "cm_report_title": {
        "en": "Moisture-limited shelf-life report",
        "id": "Laporan umur simpan berdasarkan kadar air kritis",
    },
    "cm_summary_title": {
        "en": "Moisture-limited shelf life: {product}",
        "id": "Umur simpan berdasarkan kadar air kritis: {product}",
    },
    "cm_isotherm_line": {
        "en": "isotherm: {model} (MRD {mrd} %, {accuracy})",
        "id": "isoterm: {model} (MRD {mrd} %, {accuracy})",
    },
    "cm_condition_line": {
        "en": "outside {T} °C / {rh} % RH; initial {mi}, critical {mc}, equilibrium {me} g/g "
        "(dry basis)",
        "id": "lingkungan {T} °C / RH {rh} %; awal {mi}, kritis {mc}, kesetimbangan {me} g/g "
        "(basis kering)",
    },
    "cm_option_line": {
        "en": "{name}: {days} days ({md}); Labuza closed form {closed} days",
        "id": "{name}: {days} hari ({md}); rumus tertutup Labuza {closed} hari",
    },
    "cm_target_line": {"en": "target: {target}", "id": "target: {target}"},
    "cm_verdict_intro": {
        "en": "Time for the product to take up water through its package from the initial to "
        "the critical moisture at the outside condition, for each packaging option "
        "(numerical solution with the fitted isotherm). * marks the longest.",
        "id": "Waktu hingga produk menyerap air melalui kemasannya dari kadar air awal sampai "
        "kadar air kritis pada kondisi lingkungan, untuk setiap opsi kemasan (solusi numerik "
        "dengan isoterm hasil pemasangan). * menandai yang terpanjang.",
    },
    "cm_card_closed": {"en": "Labuza closed form: {days}", "id": "Rumus tertutup Labuza: {days}"},
    "cm_card_target_met": {"en": "meets the target", "id": "memenuhi target"},
    "cm_card_target_missed": {
        "en": "misses the target; needs WVTR ≤ {wvtr} g/(m²·day) at 38 °C/90 % RH",
        "id": "tidak memenuhi target; perlu WVTR ≤ {wvtr} g/(m²·hari) pada 38 °C/RH 90 %",
    },
    "cm_isotherm_title": {"en": "Sorption isotherm", "id": "Isoterm sorpsi"},
    "cm_isotherm_intro": {
        "en": "{n} points at {T}; every model fitted by nonlinear least squares on a dry basis and "
        "ranked by AICc. MRD < 5 % is read as very accurate, 5–10 % fairly accurate, > 10 % not "
        "accurate (Indonesian practice). Used: {model}.",
        "id": "{n} titik pada {T}; setiap model dipasang dengan kuadrat terkecil nonlinear pada "
        "basis kering dan diurutkan menurut AICc. MRD < 5 % dibaca sangat tepat, 5–10 % cukup "
        "tepat, > 10 % tidak tepat (praktik di Indonesia). Dipakai: {model}.",
    },
    "cm_col_model": {"en": "Model", "id": "Model"},
    "cm_col_params": {"en": "Parameters", "id": "Parameter"},
    "cm_col_mrd": {"en": "MRD [%]", "id": "MRD [%]"},
    "cm_col_accuracy": {"en": "Accuracy", "id": "Ketepatan"},
    "cm_col_rmse": {"en": "RMSE [g/g]", "id": "RMSE [g/g]"},
    "cm_col_aicc": {"en": "AICc", "id": "AICc"},
    "cm_isotherm_figure": {
        "en": "Equilibrium moisture against water activity with the fitted isotherm.",
        "id": "Kadar air kesetimbangan terhadap aktivitas air dengan isoterm hasil pemasangan.",
    },
    "cm_packages_title": {"en": "Packaging options", "id": "Opsi kemasan"},
    "cm_packages_intro": {
        "en": "Pack area {area} m² (both faces), product dry solids {dry} g, outside {cond}. "
        "Film values from the library are typical: measure your own film.",
        "id": "Luas kemasan {area} m² (kedua sisi), padatan kering produk {dry} g, lingkungan "
        "{cond}. Nilai film dari pustaka adalah nilai tipikal: ukur film Anda sendiri.",
    },
    "cm_col_option": {"en": "Option", "id": "Opsi"},
    "cm_col_wvtr": {
        "en": "WVTR [g/(m²·day)] (test)",
        "id": "WVTR [g/(m²·hari)] (uji)",
    },
    "cm_col_numerical": {"en": "Shelf life [day]", "id": "Umur simpan [hari]"},
    "cm_col_closed": {"en": "Labuza closed form [day]", "id": "Rumus tertutup Labuza [hari]"},
    "cm_col_required": {
        "en": "WVTR needed [g/(m²·day)]",
        "id": "WVTR diperlukan [g/(m²·hari)]",
    },
    "cm_packages_figure": {
        "en": "Shelf life per packaging option; the line is the target.",
        "id": "Umur simpan per opsi kemasan; garis adalah target.",
    },
    "cm_uptake_title": {"en": "Moisture uptake over time", "id": "Penyerapan air sepanjang waktu"},
    "cm_uptake_intro": {
        "en": "Internal water activity of the product in each package, integrated with the "
        "fitted isotherm; the product fails when it reaches the water activity of the critical "
        "moisture ({aw_c}).",
        "id": "Aktivitas air di dalam kemasan untuk setiap kemasan, diintegrasikan dengan isoterm "
        "hasil pemasangan; produk gagal saat mencapai aktivitas air dari kadar air kritis "
        "({aw_c}).",
    },
    "cm_uptake_figure": {
        "en": "Internal water activity against storage time; dashed: critical.",
        "id": "Aktivitas air di dalam kemasan terhadap waktu simpan; putus-putus: kritis.",
    },
    "cm_plot_time": {"en": "Storage time [day]", "id": "Waktu simpan [hari]"},
    "cm_plot_aw": {"en": "Internal water activity [-]", "id": "Aktivitas air di dalam [-]"},
    "cm_method_1": {
        "en": "Water passes the package at a rate proportional to its permeance, its area and "
        "the difference of water-vapour pressure between outside (RH × p0(T)) and inside "
        "(aw(m) × p0(T)), where aw(m) follows the product's sorption isotherm: dm/dt = (k/x)"
        "(A/Ws) p0 [RH/100 − aw(m)]. The time from the initial to the critical moisture is "
        "integrated numerically with the fitted (nonlinear) isotherm.",
        "id": "Air melewati kemasan dengan laju sebanding dengan permeansnya, luasnya, dan "
        "selisih tekanan uap air antara luar (RH × p0(T)) dan dalam (aw(m) × p0(T)), dengan "
        "aw(m) mengikuti isoterm sorpsi produk: dm/dt = (k/x)(A/Ws) p0 [RH/100 − aw(m)]. Waktu "
        "dari kadar air awal sampai kritis diintegrasikan secara numerik dengan isoterm "
        "(nonlinear) hasil pemasangan.",
    },
    "cm_method_2": {
        "en": "Labuza's closed form, ln[(me − mi)/(me − mc)] = (k/x)(A/Ws)(p0/b) t, uses a "
        "straight isotherm of slope b between mi and mc, as laboratory spreadsheets do; it is "
        "shown beside the numerical result. WVTR values measured at another condition (e.g. "
        "38 °C/90 % RH) are converted to permeance at that condition and, where an activation "
        "energy of permeation is known, to the storage temperature.",
        "id": "Rumus tertutup Labuza, ln[(me − mi)/(me − mc)] = (k/x)(A/Ws)(p0/b) t, memakai "
        "isoterm garis lurus dengan kemiringan b antara mi dan mc, seperti lembar kerja "
        "laboratorium; ditampilkan di samping hasil numerik. Nilai WVTR yang diukur pada "
        "kondisi lain (mis. 38 °C/RH 90 %) diubah menjadi permeans pada kondisi itu dan, bila "
        "energi aktivasi permeasi diketahui, ke suhu penyimpanan.",
    },
    "cm_best_figure": {
        "en": "Moisture and internal water activity in '{name}' against time.",
        "id": "Kadar air dan aktivitas air di dalam '{name}' terhadap waktu.",
    },
    "cm_col_thickness": {
        "en": "Thickness needed [µm]",
        "id": "Ketebalan yang diperlukan [µm]",
    },
}
