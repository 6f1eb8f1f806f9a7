"""Labels of the real-time ICH Q1E report (:mod:`shelflife.realtime`).

The verdict, the chosen model and its basis, the poolability tests, the shelf life by
model, the regression lines, the data per batch, the analysis settings and the method
statement of a real-time study. Merged into :data:`shelflife.report.i18n.LABELS` (keys must
be new there).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
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
}
