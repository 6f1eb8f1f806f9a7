"""Labels of the report's data appendix, uncertainty summary, sign-off and reproducibility.

Merged into :data:`shelflife.report.i18n.LABELS` (keys must be new there).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # ------------------------------------------------------------ data appendix
    "data_title": {"en": "Data", "id": "Data pengamatan"},
    "data_intro": {
        "en": "The measurements as analysed, one table per attribute: one row per storage "
        "time, one column per storage condition. With replicates, a cell gives their mean "
        "and number n, then the single values.",
        "id": "Pengukuran sebagaimana dianalisis, satu tabel per atribut: satu baris per "
        "waktu simpan, satu kolom per kondisi simpan. Bila ada ulangan, sel berisi "
        "rata-ratanya dan jumlahnya n, lalu nilai-nilai tunggalnya.",
    },
    "data_time": {"en": "Time", "id": "Waktu"},
    "data_n_each": {
        "en": "Each cell: the mean of {n} replicates, then the single values.",
        "id": "Setiap sel: rata-rata {n} ulangan, lalu nilai-nilai tunggalnya.",
    },
    "data_caption": {"en": "{attribute} [{unit}]", "id": "{attribute} [{unit}]"},
    "data_condition_rh": {"en": "{temperature}, {rh} % RH", "id": "{temperature}, RH {rh} %"},
    "data_panel_caption": {
        "en": "{panel}: consumers per rejection interval",
        "id": "{panel}: jumlah konsumen per selang penolakan",
    },
    "data_panel_intro": {
        "en": "Each consumer counts once, in the interval between the last storage time at "
        "which they accepted the product and the first at which they rejected it [day]; "
        "“≤” rejected at the first tasting, “>” never rejected.",
        "id": "Setiap konsumen dihitung sekali, pada selang antara waktu simpan terakhir saat "
        "ia masih menerima produk dan waktu pertama saat ia menolaknya [hari]; “≤” menolak "
        "pada pencicipan pertama, “>” tidak pernah menolak.",
    },
    "data_consumers": {"en": "Consumers", "id": "Konsumen"},
    "data_rejected_between": {"en": "Rejected between [day]", "id": "Ditolak antara [hari]"},
    "data_isotherm_caption": {
        "en": "Sorption isotherm: equilibrium moisture [g/g, dry basis]",
        "id": "Isoterm sorpsi: kadar air kesetimbangan [g/g, basis kering]",
    },
    "data_isotherm_intro": {
        "en": "Equilibrium moisture of the samples over each saturated salt, as analysed "
        "(dry basis). With replicates, a cell gives their mean and number n, then the single "
        "values.",
        "id": "Kadar air kesetimbangan sampel di atas setiap larutan garam jenuh, sebagaimana "
        "dianalisis (basis kering). Bila ada ulangan, sel berisi rata-ratanya dan jumlahnya "
        "n, lalu nilai-nilai tunggalnya.",
    },
    "data_aw": {"en": "Water activity a_w", "id": "Aktivitas air a_w"},
    "data_moisture": {"en": "Moisture [g/g]", "id": "Kadar air [g/g]"},
    "data_rows": {"en": "Rows in the data file", "id": "Baris pada berkas data"},
    # ------------------------------------------------ uncertainty in plain words
    "unc_title": {"en": "What the numbers mean", "id": "Arti angka-angka ini"},
    "unc_numbers": {
        "en": "At {temperature}, {attribute} sets the shelf life: {estimate}, with a 95 % "
        "confidence interval of {low} to {high} days and a conservative value of "
        "{conservative}.",
        "id": "Pada {temperature}, {attribute} menentukan umur simpan: {estimate}, dengan "
        "selang kepercayaan 95 % {low} sampai {high} hari dan nilai konservatif "
        "{conservative}.",
    },
    "unc_meaning": {
        "en": "The 95 % confidence interval is the range in which the true mean shelf life "
        "lies with 95 % confidence. It describes the average pack; single packs scatter "
        "around it. The conservative value is the lower one-sided 95 % confidence bound: up "
        "to then we are 95 % confident that the average pack is still within the limit. Use "
        "it for the label. The estimate is a midpoint: the true shelf life is about as likely "
        "to be shorter as longer.",
        "id": "Selang kepercayaan 95 % adalah rentang tempat umur simpan rata-rata yang "
        "sebenarnya berada dengan kepercayaan 95 %. Selang ini berlaku untuk kemasan "
        "rata-rata; kemasan tunggal tersebar di sekitarnya. Nilai konservatif adalah batas "
        "kepercayaan bawah satu sisi 95 %: sampai saat itu kita 95 % yakin kemasan rata-rata "
        "masih dalam batas. Pakailah nilai ini untuk label. Nilai dugaan adalah titik tengah: "
        "umur simpan sebenarnya kira-kira sama mungkin lebih pendek atau lebih panjang.",
    },
    "unc_inside": {
        "en": "{temperature} lies inside the tested range ({low} to {high}): no extrapolation "
        "in temperature. The interval spans {width} % of the estimate.",
        "id": "{temperature} berada di dalam rentang uji ({low} sampai {high}): tidak ada "
        "ekstrapolasi suhu. Lebar selangnya {width} % dari nilai dugaan.",
    },
    "unc_outside": {
        "en": "{temperature} lies {distance} {side} the tested range ({low} to {high}). The "
        "interval spans {width} % of the estimate.",
        "id": "{temperature} berada {distance} {side} rentang uji ({low} sampai {high}). "
        "Lebar selangnya {width} % dari nilai dugaan.",
    },
    "unc_below": {"en": "below", "id": "di bawah"},
    "unc_above": {"en": "above", "id": "di atas"},
    "unc_wider": {
        "en": "At {near}, inside the tested range, it spans {width} %: extrapolation widens "
        "the interval.",
        "id": "Pada {near}, di dalam rentang uji, lebarnya {width} %: ekstrapolasi "
        "melebarkan selang.",
    },
    "unc_ratio_beyond": {
        "en": "The shelf life is {ratio} times the longest storage time tested ({longest}): "
        "the model extends the measured curves beyond the data.",
        "id": "Umur simpan ini {ratio} kali waktu simpan terlama yang diuji ({longest}): "
        "model memperpanjang kurva pengukuran melampaui data.",
    },
    "unc_ratio_within": {
        "en": "The limit is reached within the longest storage time tested ({longest}): no "
        "extrapolation in time.",
        "id": "Batas tercapai dalam waktu simpan terlama yang diuji ({longest}): tidak ada "
        "ekstrapolasi waktu.",
    },
    "unc_assumption": {
        "en": "The interval assumes that the same reaction goes on outside the tested "
        "conditions; it cannot show whether it does. The further the extrapolation, the less "
        "it can be trusted: confirm the label date with real-time storage.",
        "id": "Selang ini menganggap reaksi yang sama tetap berlangsung di luar kondisi uji; "
        "selang tidak dapat menunjukkan apakah memang demikian. Makin jauh ekstrapolasinya, "
        "makin kurang dapat dipercaya: pastikan tanggal label dengan penyimpanan waktu nyata.",
    },
    "unc_none": {
        "en": "At {temperature} no attribute reaches its limit on this model, so there is no "
        "shelf life to put an interval on.",
        "id": "Pada {temperature} tidak ada atribut yang mencapai batasnya menurut model ini, "
        "sehingga tidak ada umur simpan yang diberi selang.",
    },
    "rt_unc_bound": {
        "en": "At {condition}, {attribute} sets the shelf life: {shelf_life}. This is where "
        "the {bound} line{worst} reaches the limit (ICH Q1E); the mean line itself reaches "
        "it at {mean}. Use {shelf_life} for the label: up to then we are {level} % confident "
        "that the average pack is still within the limit.",
        "id": "Pada {condition}, {attribute} menentukan umur simpan: {shelf_life}. Di sinilah "
        "garis {bound}{worst} mencapai batas (ICH Q1E); garis rata-ratanya sendiri "
        "mencapainya pada {mean}. Pakailah {shelf_life} untuk label: sampai saat itu kita "
        "{level} % yakin kemasan rata-rata masih dalam batas.",
    },
    "rt_unc_worst": {
        "en": " of the worst batch ({batch})",
        "id": " pada batch terburuk ({batch})",
    },
    "rt_unc_condition": {
        "en": "The data come from the storage condition itself: no extrapolation in temperature.",
        "id": "Data berasal dari kondisi simpan itu sendiri: tidak ada ekstrapolasi suhu.",
    },
    "rt_unc_beyond": {
        "en": "The shelf life is {ratio} times the longest storage time ({longest}). ICH Q1E "
        "allows a shelf life beyond the period covered by the data only when the data support "
        "it, and then at most twice that period and no more than 12 months beyond it.",
        "id": "Umur simpan ini {ratio} kali waktu simpan terlama ({longest}). ICH Q1E hanya "
        "mengizinkan umur simpan melampaui periode data bila data mendukungnya, dan itu pun "
        "paling lama dua kali periode tersebut dan tidak lebih dari 12 bulan sesudahnya.",
    },
    "rt_unc_within": {
        "en": "The shelf life lies within the storage time covered by the data ({longest}): "
        "no extrapolation in time.",
        "id": "Umur simpan ini berada dalam waktu simpan yang dicakup data ({longest}): tidak "
        "ada ekstrapolasi waktu.",
    },
    # ---------------------------------------------------------------- sign-off
    "signoff_title": {"en": "Sign-off", "id": "Pengesahan"},
    "signoff_intro": {
        "en": "Analysed, checked and released by the persons below. Blank lines are filled in "
        "and signed by hand on the printed report.",
        "id": "Dianalisis, diperiksa dan disahkan oleh orang-orang di bawah ini. Baris kosong "
        "diisi dan ditandatangani dengan tangan pada laporan cetak.",
    },
    "signoff_role": {"en": "Role", "id": "Peran"},
    "signoff_name": {"en": "Name", "id": "Nama"},
    "signoff_signature": {"en": "Signature", "id": "Tanda tangan"},
    "signoff_analyst": {"en": "Analyst", "id": "Analis"},
    "signoff_reviewer": {"en": "Reviewer", "id": "Pemeriksa"},
    "signoff_laboratory": {"en": "Laboratory", "id": "Laboratorium"},
    "signoff_date": {"en": "Date", "id": "Tanggal"},
    # --------------------------------------------------------- reproducibility
    "repro_generated": {"en": "Report generated", "id": "Laporan dibuat"},
    "repro_seeds": {"en": "Random seeds", "id": "Seed acak"},
    "repro_deterministic": {
        "en": "none: the analysis uses no random numbers, so the same input always gives the "
        "same result",
        "id": "tidak ada: analisis tidak memakai bilangan acak, sehingga masukan yang sama "
        "selalu memberi hasil yang sama",
    },
    "repro_confidence": {"en": "Confidence level", "id": "Tingkat kepercayaan"},
    "repro_confidence_value": {
        "en": "{level} % (two-sided intervals; one-sided bound for the conservative value)",
        "id": "{level} % (selang dua sisi; batas satu sisi untuk nilai konservatif)",
    },
    "repro_storage_rh": {"en": "Storage relative humidity", "id": "Kelembapan relatif simpan"},
    "repro_models": {"en": "Model per attribute", "id": "Model per atribut"},
    "repro_model_item": {
        "en": "{attribute}: requested {requested}, used {order}; {temperature}; {initial}",
        "id": "{attribute}: diminta {requested}, dipakai {order}; {temperature}; {initial}",
    },
    "repro_initial_common": {"en": "one initial value", "id": "satu nilai awal"},
    "repro_initial_per_temperature": {
        "en": "initial value per temperature",
        "id": "nilai awal per suhu",
    },
    "repro_aic_tie": {
        "en": "Orders called equally supported below",
        "id": "Orde dianggap sama baiknya di bawah",
    },
    "repro_outlier_threshold": {
        "en": "Suspected outliers above",
        "id": "Dugaan pencilan di atas",
    },
    "repro_studentized": {
        "en": "|studentised residual| {threshold}",
        "id": "|residual terstudentkan| {threshold}",
    },
    "repro_microbial_item": {
        "en": "{attribute}: primary model {model}, secondary model {secondary}, detection "
        "limit {detection}",
        "id": "{attribute}: model primer {model}, model sekunder {secondary}, batas deteksi "
        "{detection}",
    },
    "repro_sensory_item": {
        "en": "{panel}: rejection share {share} %, {distribution} distribution",
        "id": "{panel}: bagian penolakan {share} %, sebaran {distribution}",
    },
    "repro_other_models": {"en": "Microbes and consumers", "id": "Mikroba dan konsumen"},
    "repro_seed_item": {"en": "{what}: {seed}", "id": "{what}: {seed}"},
    "repro_cm_isotherm": {"en": "Isotherm model", "id": "Model isoterm"},
    "repro_cm_isotherm_value": {
        "en": "requested {requested}, used {used}",
        "id": "diminta {requested}, dipakai {used}",
    },
    "repro_cm_condition": {"en": "Outside condition", "id": "Kondisi lingkungan"},
    "repro_cm_history": {"en": "history {history}", "id": "riwayat {history}"},
    "repro_cm_moisture": {
        "en": "Initial and critical moisture",
        "id": "Kadar air awal dan kritis",
    },
    "repro_cm_target": {"en": "Target shelf life", "id": "Target umur simpan"},
    "limit_source": {"en": "Source of the limit", "id": "Sumber batas"},
    "limit_source_not_stated": {"en": "not stated", "id": "tidak disebutkan"},
    "package_stored": {"en": "Package", "id": "Kemasan"},
}
