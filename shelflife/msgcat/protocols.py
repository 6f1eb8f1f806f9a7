"""Messages of study protocols and new study folders (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------- protocols
    "protocol_unknown": {
        "en": (
            "no protocol template named '{name}'.{suggestion}",
            "use one of {names}, or give the path of a protocol TOML file.",
        ),
        "id": (
            "tidak ada templat protokol bernama '{name}'.{suggestion}",
            "gunakan salah satu dari {names}, atau berikan jalur berkas TOML protokol.",
        ),
    },
    "product_unknown": {
        "en": (
            "no product preset named '{name}'.{suggestion}",
            "use one of {names}, or give the path of a product TOML file.",
        ),
        "id": (
            "tidak ada preset produk bernama '{name}'.{suggestion}",
            "gunakan salah satu dari {names}, atau berikan jalur berkas TOML produk.",
        ),
    },
    "hint_suggest_name": {
        "en": (" Did you mean '{name}'?", ""),
        "id": (" Maksud Anda '{name}'?", ""),
    },
    "pull_times_not_increasing": {
        "en": (
            "pull times must increase, but {value} follows {previous}.",
            "list the pulls in increasing order without repeats, e.g. pulls = [0, 7, 14, 21].",
        ),
        "id": (
            "waktu pengambilan sampel harus naik, tetapi {value} muncul setelah {previous}.",
            "tulis waktu pengambilan berurutan naik tanpa pengulangan, misalnya "
            "pulls = [0, 7, 14, 21].",
        ),
    },
    "pull_time_negative": {
        "en": (
            "pull time {value} is negative.",
            "storage time counts from the start of storage, which is 0.",
        ),
        "id": (
            "waktu pengambilan sampel {value} bernilai negatif.",
            "waktu simpan dihitung dari awal penyimpanan, yaitu 0.",
        ),
    },
    "chamber_duplicate": {
        "en": (
            "two chambers have the same condition ({condition}).",
            "remove one of them, or give them different temperatures or RH.",
        ),
        "id": (
            "dua ruang simpan memiliki kondisi yang sama ({condition}).",
            "hapus salah satunya, atau beri suhu atau RH yang berbeda.",
        ),
    },
    "start_date_invalid": {
        "en": (
            "start date {value!r} is not a date written year-month-day (YYYY-MM-DD).",
            "write e.g. 2027-01-04 for 4 January 2027.",
        ),
        "id": (
            "tanggal mulai {value!r} bukan tanggal dengan urutan tahun-bulan-hari (YYYY-MM-DD).",
            "tulis misalnya 2027-01-04 untuk 4 Januari 2027.",
        ),
    },
    "study_no_protocol": {
        "en": (
            "study.toml has no [protocol] table, so there is no plan to work from.",
            "create the study folder with shelflife protocol new, or add a [protocol] table "
            "(see protocols/README.md).",
        ),
        "id": (
            "study.toml tidak memiliki tabel [protocol], jadi tidak ada rencana yang bisa dipakai.",
            "buat folder studi dengan shelflife protocol new, atau tambahkan tabel [protocol] "
            "(lihat protocols/README.md).",
        ),
    },
    "study_folder_exists": {
        "en": (
            "the folder already holds {names}.",
            "choose a new folder with --out, or move those files away first; shelflife never "
            "overwrites a study.",
        ),
        "id": (
            "folder tersebut sudah berisi {names}.",
            "pilih folder baru dengan --out, atau pindahkan berkas itu lebih dulu; shelflife "
            "tidak pernah menimpa sebuah studi.",
        ),
    },
    "sheet_exists": {
        "en": (
            "the data sheet already exists and may hold the lab's measurements.",
            "write the blank sheet elsewhere with --out FILE, or add --force to replace it.",
        ),
        "id": (
            "lembar data sudah ada dan mungkin berisi hasil pengukuran laboratorium.",
            "tulis lembar kosong ke tempat lain dengan --out BERKAS, atau tambahkan --force "
            "untuk menggantinya.",
        ),
    },
    "protocol_screening": {
        "en": (
            "this is a two-temperature screening protocol ('{name}'): the Arrhenius line cannot "
            "be checked and the shelf life it gives is indicative only.",
            "Confirm with the aslt-arrhenius protocol (three or more temperatures) before a date "
            "goes on a label.",
        ),
        "id": (
            "ini protokol penapisan dua suhu ('{name}'): garis Arrhenius tidak dapat diperiksa "
            "dan umur simpan yang dihasilkan hanya indikatif.",
            "Konfirmasi dengan protokol aslt-arrhenius (tiga suhu atau lebih) sebelum tanggal "
            "dicantumkan pada label.",
        ),
    },
    "protocol_limit_placeholder": {
        "en": (
            "the limit of '{attribute}' is a placeholder, not taken from a standard.",
            "Replace it in study.toml with your product's limit (standard, buyer specification "
            "or sensory panel).",
        ),
        "id": (
            "batas '{attribute}' hanya nilai sementara, tidak diambil dari standar.",
            "Ganti di study.toml dengan batas produk Anda (standar, spesifikasi pembeli atau "
            "panel sensori).",
        ),
    },
    "protocol_limit_unverified": {
        "en": (
            "the limit of '{attribute}' comes from a secondary source ({source}) that was not "
            "checked against the official text.",
            "Check the official standard before relying on it, and edit study.toml if it differs.",
        ),
        "id": (
            "batas '{attribute}' berasal dari sumber sekunder ({source}) yang belum dicocokkan "
            "dengan naskah resminya.",
            "Periksa standar resminya sebelum mengandalkannya, dan ubah study.toml bila berbeda.",
        ),
    },
    "protocol_generic_attributes": {
        "en": (
            "no product preset matches '{product}': the attributes are the template's generic "
            "defaults.",
            "Edit the [[attributes]] in study.toml, or use --product with one of {names}.",
        ),
        "id": (
            "tidak ada preset produk yang cocok dengan '{product}': atributnya adalah bawaan "
            "umum templat.",
            "Ubah [[attributes]] di study.toml, atau gunakan --product dengan salah satu dari "
            "{names}.",
        ),
    },
    "protocol_temperatures_ignored": {
        "en": (
            "the product preset '{preset}' suggests {wanted}, but the template has {n} "
            "chambers; the template's temperatures are kept.",
            "Edit the chambers in study.toml if you want other temperatures.",
        ),
        "id": (
            "preset produk '{preset}' menyarankan {wanted}, tetapi templat memiliki {n} ruang "
            "simpan; suhu templat dipertahankan.",
            "Ubah ruang simpan di study.toml bila menginginkan suhu lain.",
        ),
    },
    "schedule_moved": {
        "en": ("moved from {planned_day} {planned} to {day} {date} (weekend).", ""),
        "id": ("dipindah dari {planned_day} {planned} ke {day} {date} (akhir pekan).", ""),
    },
    "schedule_moved_outside": {
        "en": (
            "moved from {planned_day} {planned} to {day} {date} (weekend); outside the pull "
            "window.",
            "",
        ),
        "id": (
            "dipindah dari {planned_day} {planned} ke {day} {date} (akhir pekan); di luar "
            "jendela pengambilan.",
            "",
        ),
    },
}
