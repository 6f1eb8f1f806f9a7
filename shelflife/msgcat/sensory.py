"""Messages of sensory shelf life by survival analysis (see :mod:`shelflife.sensory`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "sensory_answer_unknown": {
        "en": (
            "'{value}' is not an accept/reject answer.",
            "write yes/no, accept/reject, 1/0, ya/tidak or terima/tolak.",
        ),
        "id": (
            "'{value}' bukan jawaban terima/tolak.",
            "tulis ya/tidak, terima/tolak, 1/0, yes/no atau accept/reject.",
        ),
    },
    "sensory_column_missing": {
        "en": (
            "the panel sheet has no '{column}' column (found: {found}).",
            "name the columns consumer, time [day], temperature [°C] (optional) and answer "
            "(or konsumen, waktu [hari], suhu [°C], jawaban).",
        ),
        "id": (
            "lembar panel tidak memiliki kolom '{column}' (yang ada: {found}).",
            "beri nama kolom konsumen, waktu [hari], suhu [°C] (opsional) dan jawaban "
            "(atau consumer, time [day], temperature [°C], answer).",
        ),
    },
    "sensory_duplicate_answer": {
        "en": (
            "consumer '{consumer}' has two answers for the sample stored {time} days.",
            "keep one answer per consumer and storage time (and temperature).",
        ),
        "id": (
            "konsumen '{consumer}' memiliki dua jawaban untuk sampel yang disimpan {time} hari.",
            "simpan satu jawaban per konsumen dan waktu simpan (dan suhu).",
        ),
    },
    "sensory_time_negative": {
        "en": (
            "storage time {value} is negative.",
            "enter the age of the sample (0 for the fresh sample).",
        ),
        "id": (
            "waktu simpan {value} bernilai negatif.",
            "isikan umur sampel (0 untuk sampel segar).",
        ),
    },
    "sensory_bounds_order": {
        "en": (
            "the rejection interval of consumer '{consumer}' is in the wrong order "
            "(lower {lower} days is not below upper {upper} days).",
            "give the last accepted time as the lower bound and the first rejected time as "
            "the upper bound.",
        ),
        "id": (
            "interval penolakan konsumen '{consumer}' terbalik (batas bawah {lower} hari tidak "
            "lebih kecil daripada batas atas {upper} hari).",
            "isikan waktu terakhir diterima sebagai batas bawah dan waktu pertama ditolak "
            "sebagai batas atas.",
        ),
    },
    "sensory_fresh_rejected": {
        "en": (
            "{n} consumer(s) rejected the fresh sample (time 0) and were left out: {consumers}.",
            "these consumers dislike the product itself, not its ageing (Hough 2010); check "
            "that the fresh sample was served correctly.",
        ),
        "id": (
            "{n} konsumen menolak sampel segar (waktu 0) dan tidak diikutkan: {consumers}.",
            "konsumen ini tidak menyukai produknya, bukan penuaannya (Hough 2010); periksa "
            "bahwa sampel segar disajikan dengan benar.",
        ),
    },
    "sensory_inconsistent": {
        "en": (
            "{n} consumer(s) accepted a sample older than one they had rejected: {consumers}.",
            "their rejection time was taken as {rule}; check the sample coding if there are "
            "many such consumers.",
        ),
        "id": (
            "{n} konsumen menerima sampel yang lebih tua daripada sampel yang telah mereka "
            "tolak: {consumers}.",
            "waktu penolakan mereka diambil sebagai {rule}; periksa pengodean sampel bila "
            "konsumen seperti ini banyak.",
        ),
    },
    "sensory_few_consumers": {
        "en": (
            "only {n} consumers remain in the panel; the rejection times are uncertain.",
            "use at least {minimum} consumers (Hough 2010 recommends 50 or more).",
        ),
        "id": (
            "hanya {n} konsumen tersisa dalam panel; waktu penolakan tidak pasti.",
            "gunakan sedikitnya {minimum} konsumen (Hough 2010 menganjurkan 50 atau lebih).",
        ),
    },
    "sensory_empty_panel": {
        "en": (
            "no consumer is left to analyse ({reason}).",
            "check the answers column and the storage times.",
        ),
        "id": (
            "tidak ada konsumen yang tersisa untuk dianalisis ({reason}).",
            "periksa kolom jawaban dan waktu simpan.",
        ),
    },
    "sensory_no_rejections": {
        "en": (
            "every consumer accepted every sample up to {last} days: no rejection time and no "
            "shelf life can be estimated (the shelf life is longer than the study).",
            "store the product longer (or at a higher temperature) until some consumers "
            "reject it.",
        ),
        "id": (
            "semua konsumen menerima semua sampel hingga {last} hari: waktu penolakan dan umur "
            "simpan tidak dapat diperkirakan (umur simpan lebih panjang daripada studi).",
            "simpan produk lebih lama (atau pada suhu lebih tinggi) sampai sebagian konsumen "
            "menolaknya.",
        ),
    },
    "sensory_all_reject_first": {
        "en": (
            "every consumer rejected the product at the first storage time tested: the "
            "rejection time is shorter than the study can resolve.",
            "test earlier storage times (between 0 and {first} days).",
        ),
        "id": (
            "semua konsumen menolak produk pada waktu simpan pertama yang diuji: waktu "
            "penolakan lebih pendek daripada yang dapat diukur studi ini.",
            "uji waktu simpan yang lebih awal (antara 0 dan {first} hari).",
        ),
    },
    "sensory_distribution_unknown": {
        "en": ("unknown distribution '{name}'.", "choose one of {known}."),
        "id": ("distribusi '{name}' tidak dikenal.", "pilih salah satu dari {known}."),
    },
    "sensory_fraction_invalid": {
        "en": (
            "the fraction of consumers rejecting must be between 0 and 1, got {value}.",
            "write e.g. 0.25 or 0.5 (not 25 or 50).",
        ),
        "id": (
            "proporsi konsumen yang menolak harus antara 0 dan 1, diberikan {value}.",
            "tulis mis. 0,25 atau 0,5 (bukan 25 atau 50).",
        ),
    },
    "sensory_no_temperature_model": {
        "en": (
            "this fit has no temperature dependence; it describes only {tested}.",
            "store the product at two or more temperatures and fit again, or ask at the "
            "temperature tested.",
        ),
        "id": (
            "pendugaan ini tidak memiliki ketergantungan suhu; hanya berlaku untuk {tested}.",
            "simpan produk pada dua suhu atau lebih lalu duga ulang, atau gunakan suhu yang "
            "diuji.",
        ),
    },
    "sensory_temperature_needed": {
        "en": (
            "the fit covers several storage temperatures; say at which temperature.",
            "pass temperature=, e.g. '30 °C'.",
        ),
        "id": (
            "pendugaan mencakup beberapa suhu simpan; sebutkan pada suhu berapa.",
            "berikan temperature=, mis. '30 °C'.",
        ),
    },
    "sensory_degenerate": {
        "en": (
            "the survival fit is poorly determined (scale {sigma}); its intervals are not "
            "reliable.",
            "test more storage times between the last accepted and first rejected samples, or "
            "add consumers.",
        ),
        "id": (
            "pendugaan survival kurang tertentu (skala {sigma}); selang kepercayaannya tidak "
            "dapat diandalkan.",
            "uji lebih banyak waktu simpan antara sampel terakhir diterima dan pertama ditolak, "
            "atau tambah konsumen.",
        ),
    },
    "sensory_outside_tested": {
        "en": (
            "{temperature} °C is outside the temperatures the panel tasted ({low}–{high} °C); "
            "the consumer shelf life there is an Arrhenius extrapolation of the rejection "
            "times.",
            "read it with care, or run a panel at that temperature.",
        ),
        "id": (
            "{temperature} °C berada di luar suhu yang dicicipi panelis ({low}–{high} °C); "
            "umur simpan konsumen pada suhu itu adalah ekstrapolasi Arrhenius dari waktu "
            "penolakan.",
            "baca dengan hati-hati, atau lakukan uji panel pada suhu tersebut.",
        ),
    },
    "q1e_other_kinds": {
        "en": (
            'the ICH Q1E real-time analysis (method = "ich_q1e") fits chemical and '
            "physical attributes by batch regression; it has no growth or consumer-panel "
            "model, so {names} would be left out of the verdict.",
            "analyse the microbial counts and consumer panels in a study with method = "
            '"kinetics" (the default), or remove them from this study.',
        ),
        "id": (
            'analisis waktu nyata ICH Q1E (method = "ich_q1e") mencocokkan atribut kimia '
            "dan fisik dengan regresi per batch; analisis ini tidak memiliki model "
            "pertumbuhan atau panel konsumen, sehingga {names} akan tertinggal dari "
            "kesimpulan.",
            "analisis jumlah mikroba dan panel konsumen dalam studi dengan method = "
            '"kinetics" (bawaan), atau hapus dari studi ini.',
        ),
    },
}
