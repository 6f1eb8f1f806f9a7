"""The message catalogue: every error and warning in English and Bahasa Indonesia.

Each entry maps a stable *code* to a pair of templates per language: what is wrong, and how
to fix it (the second may be empty). Templates use :meth:`str.format` fields.

A test checks that every code used in the package has both languages and that the fields of
the two templates agree.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MESSAGES", "render"]

#: code -> {"en": (what, fix), "id": (what, fix)}
MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ----------------------------------------------------------------- units
    "unit_unknown": {
        "en": ("unknown unit '{unit}'.", "write a unit such as {examples}."),
        "id": ("satuan '{unit}' tidak dikenal.", "tulis satuan seperti {examples}."),
    },
    "unit_wrong_dimension": {
        "en": (
            "'{unit}' is not a unit of {expected} (it is {actual}).",
            "use a unit of {expected}, e.g. {examples}.",
        ),
        "id": (
            "'{unit}' bukan satuan {expected} (melainkan {actual}).",
            "gunakan satuan {expected}, misalnya {examples}.",
        ),
    },
    "unit_missing": {
        "en": ("{what} has no unit.", "give the unit, e.g. {examples}."),
        "id": ("{what} tidak memiliki satuan.", "cantumkan satuannya, misalnya {examples}."),
    },
    "unit_conflict": {
        "en": (
            "the data header says '{header_unit}' but study.toml says '{toml_unit}'.",
            "make the two agree, or remove one of them.",
        ),
        "id": (
            "header data menyebut '{header_unit}' tetapi study.toml menyebut '{toml_unit}'.",
            "samakan keduanya, atau hapus salah satunya.",
        ),
    },
    "temperature_implausible": {
        "en": (
            "temperature {value} is outside the range of storage studies ({low} to {high}).",
            "check the unit of the temperature column (°C, K or °F).",
        ),
        "id": (
            "suhu {value} di luar rentang studi penyimpanan ({low} sampai {high}).",
            "periksa satuan kolom suhu (°C, K atau °F).",
        ),
    },
    "bare_number": {
        "en": (
            "{what} must carry a unit, got the bare number {value!r}.",
            "write e.g. {examples}.",
        ),
        "id": (
            "{what} harus bersatuan, diberikan angka tanpa satuan {value!r}.",
            "tulis misalnya {examples}.",
        ),
    },
    # ---------------------------------------------------- temperature histories
    "profile_time_not_increasing": {
        "en": (
            "the time of a history sample ({value}) is not after the one before it ({previous}).",
            "sort the samples by time and remove repeated timestamps.",
        ),
        "id": (
            "waktu sampel riwayat ({value}) tidak sesudah sampel sebelumnya ({previous}).",
            "urutkan sampel menurut waktu dan hapus cap waktu yang berulang.",
        ),
    },
    "profile_invalid": {
        "en": ("the temperature history is not valid: {reason}.", "{fix}"),
        "id": ("riwayat suhu tidak sah: {reason}.", "{fix}"),
    },
    "profile_order_not_kinetic_time": {
        "en": (
            "the {order} model does not depend on time only through k·t, so it cannot be "
            "integrated along a temperature history in closed form.",
            "choose a zero, first, second, nth-order, Weibull or equilibrium model.",
        ),
        "id": (
            "model {order} tidak bergantung pada waktu hanya melalui k·t, sehingga tidak dapat "
            "diintegrasikan sepanjang riwayat suhu dalam bentuk tertutup.",
            "pilih model orde nol, satu, dua, orde-n, Weibull atau kesetimbangan.",
        ),
    },
    "profile_after_outside": {
        "en": (
            "the point {after} day lies outside the history (0 to {duration} day).",
            "give a time between the start and the end of the history.",
        ),
        "id": (
            "titik {after} hari berada di luar riwayat (0 sampai {duration} hari).",
            "berikan waktu antara awal dan akhir riwayat.",
        ),
    },
    "activation_energy_not_positive": {
        "en": (
            "the activation energy must be positive, got {value} kJ/mol.",
            "give e.g. '83.144 kJ/mol'.",
        ),
        "id": (
            "energi aktivasi harus positif, diberikan {value} kJ/mol.",
            "berikan misalnya '83.144 kJ/mol'.",
        ),
    },
    # ------------------------------------------------------------ data files
    "file_not_found": {
        "en": ("file not found.", "check the path; it is read relative to {base}."),
        "id": ("berkas tidak ditemukan.", "periksa jalurnya; dibaca relatif terhadap {base}."),
    },
    "file_empty": {
        "en": ("the file is empty.", "export the measurements again with a header row."),
        "id": ("berkas kosong.", "ekspor ulang data pengukuran beserta baris header."),
    },
    "file_unreadable": {
        "en": ("the file cannot be read as {kind}: {reason}.", "save it again as {kind}."),
        "id": (
            "berkas tidak dapat dibaca sebagai {kind}: {reason}.",
            "simpan ulang sebagai {kind}.",
        ),
    },
    "column_missing": {
        "en": (
            "required column '{column}' is missing (found: {found}).",
            "add a column named '{column}'{suggestion}.",
        ),
        "id": (
            "kolom wajib '{column}' tidak ada (yang ada: {found}).",
            "tambahkan kolom bernama '{column}'{suggestion}.",
        ),
    },
    "column_duplicate": {
        "en": ("column '{column}' appears more than once.", "keep one column of that name."),
        "id": (
            "kolom '{column}' muncul lebih dari sekali.",
            "sisakan satu kolom dengan nama itu.",
        ),
    },
    "cell_not_numeric": {
        "en": ("'{value}' is not a number.", "enter a number (decimal point or decimal comma)."),
        "id": ("'{value}' bukan angka.", "isikan angka (titik atau koma desimal)."),
    },
    "cell_missing": {
        "en": ("the cell is empty.", "fill in the value or delete the row."),
        "id": ("sel kosong.", "isi nilainya atau hapus barisnya."),
    },
    "time_negative": {
        "en": ("time {value} is negative.", "count storage time from the start of storage (0)."),
        "id": (
            "waktu {value} bernilai negatif.",
            "hitung waktu simpan sejak awal penyimpanan (0).",
        ),
    },
    "value_not_positive": {
        "en": (
            "value {value} is zero or negative, but the {order} model takes its logarithm.",
            'check the value, or use model = "zero" for this attribute.',
        ),
        "id": (
            "nilai {value} nol atau negatif, padahal model {order} memakai logaritmanya.",
            'periksa nilainya, atau gunakan model = "zero" untuk atribut ini.',
        ),
    },
    "one_temperature": {
        "en": (
            "all measurements were made at one temperature ({temperature}); "
            "a temperature dependence cannot be estimated.",
            "store samples at three or more temperatures (e.g. 25, 35 and 45 °C).",
        ),
        "id": (
            "semua pengukuran dilakukan pada satu suhu ({temperature}); "
            "ketergantungan terhadap suhu tidak dapat diduga.",
            "simpan sampel pada tiga suhu atau lebih (mis. 25, 35 dan 45 °C).",
        ),
    },
    "values_constant": {
        "en": (
            "all values of '{attribute}' are identical ({value}); no change can be fitted.",
            "check that the right column was exported.",
        ),
        "id": (
            "semua nilai '{attribute}' sama ({value}); tidak ada perubahan yang dapat dimodelkan.",
            "periksa apakah kolom yang diekspor sudah benar.",
        ),
    },
    "no_data": {
        "en": (
            "no measurements for '{attribute}'.",
            "fill in the column or remove the attribute.",
        ),
        "id": ("tidak ada pengukuran untuk '{attribute}'.", "isi kolomnya atau hapus atributnya."),
    },
    "xlsx_sheet_ambiguous": {
        "en": (
            "the workbook has several sheets ({sheets}) and none is named.",
            'add sheet = "..." under [study] in study.toml.',
        ),
        "id": (
            "workbook memiliki beberapa sheet ({sheets}) dan tidak ada yang dipilih.",
            'tambahkan sheet = "..." di bawah [study] pada study.toml.',
        ),
    },
    "xlsx_sheet_missing": {
        "en": ("the workbook has no sheet '{sheet}' (sheets: {sheets}).", "name one of {sheets}."),
        "id": (
            "workbook tidak memiliki sheet '{sheet}' (sheet: {sheets}).",
            "pilih salah satu dari {sheets}.",
        ),
    },
    # ------------------------------------------------------------ study.toml
    "toml_syntax": {
        "en": ("not valid TOML: {reason}.", "fix the syntax at the line shown."),
        "id": ("bukan TOML yang sah: {reason}.", "perbaiki sintaks pada baris yang ditunjukkan."),
    },
    "toml_unknown_key": {
        "en": ("unknown key '{name}'.", "{suggestion}"),
        "id": ("kunci '{name}' tidak dikenal.", "{suggestion}"),
    },
    "toml_missing_key": {
        "en": ("required key '{name}' is missing.", "add it, e.g. {example}."),
        "id": ("kunci wajib '{name}' tidak ada.", "tambahkan, misalnya {example}."),
    },
    "toml_bad_value": {
        "en": ("invalid value {value!r}: {reason}.", "{fix}"),
        "id": ("nilai {value!r} tidak sah: {reason}.", "{fix}"),
    },
    "attribute_duplicate": {
        "en": ("attribute '{name}' is declared twice.", "give each attribute its own name."),
        "id": ("atribut '{name}' dideklarasikan dua kali.", "beri setiap atribut nama sendiri."),
    },
    "attribute_unknown": {
        "en": ("no attribute named '{name}' (attributes: {names}).", "use one of {names}."),
        "id": (
            "tidak ada atribut bernama '{name}' (atribut: {names}).",
            "gunakan salah satu dari {names}.",
        ),
    },
    "example_unknown": {
        "en": ("no bundled example named '{name}'.", "use one of {names}."),
        "id": ("tidak ada contoh bawaan bernama '{name}'.", "gunakan salah satu dari {names}."),
    },
    "option_unknown": {
        "en": ("unknown {what} '{value}'.", "use one of {choices}."),
        "id": ("{what} '{value}' tidak dikenal.", "gunakan salah satu dari {choices}."),
    },
    # ------------------------------------------------- readers (shelflife.io)
    "table_empty": {
        "en": (
            "the table has no rows of measurements.",
            "add one row per measurement below the header row.",
        ),
        "id": (
            "tabel tidak memiliki baris pengukuran.",
            "tambahkan satu baris per pengukuran di bawah baris header.",
        ),
    },
    "no_attributes": {
        "en": (
            "there is no attribute to analyse.",
            "declare at least one attribute with its name, limit and direction.",
        ),
        "id": (
            "tidak ada atribut untuk dianalisis.",
            "deklarasikan minimal satu atribut beserta name, limit dan direction-nya.",
        ),
    },
    "limit_invalid": {
        "en": (
            "the limit of '{attribute}' ({value!r}) is not a finite number.",
            "give the critical limit as a number in {unit}, e.g. 10.0, or as a quantity, e.g. "
            '"10 {unit}".',
        ),
        "id": (
            "batas '{attribute}' ({value!r}) bukan angka yang terhingga.",
            "berikan batas kritis sebagai angka dalam {unit}, mis. 10.0, atau sebagai besaran, "
            'mis. "10 {unit}".',
        ),
    },
    "rh_out_of_range": {
        "en": (
            "relative humidity {value} is outside 0 to 100 %.",
            "give RH in percent (0 to 100) and check the value.",
        ),
        "id": (
            "kelembapan relatif {value} di luar 0 sampai 100 %.",
            "tulis RH dalam persen (0 sampai 100) dan periksa nilainya.",
        ),
    },
    "storage_empty": {
        "en": (
            "no storage temperature is given.",
            'give at least one, e.g. storage = ["30 degC"].',
        ),
        "id": (
            "tidak ada suhu penyimpanan.",
            'berikan minimal satu, mis. storage = ["30 degC"].',
        ),
    },
    # Hints: parts of other messages (their {suggestion}, {reason}, {fix} or {what}),
    # rendered in the language of the message that contains them (see shelflife.io._hints).
    "hint_column": {
        "en": ("column '{column}'", ""),
        "id": ("kolom '{column}'", ""),
    },
    "hint_column_suggestion": {
        "en": (" (did you mean '{name}'?)", ""),
        "id": (" (maksud Anda '{name}'?)", ""),
    },
    "hint_did_you_mean": {
        "en": ("did you mean '{name}'?", ""),
        "id": ("Maksud Anda '{name}'?", ""),
    },
    "hint_valid_keys": {
        "en": ("valid keys here: {names}.", ""),
        "id": ("kunci yang sah di sini: {names}.", ""),
    },
    "hint_type_string": {
        "en": ("expected text in quotes", "write it in quotes, e.g. {example}."),
        "id": (
            "seharusnya teks dalam tanda kutip",
            "tulis dalam tanda kutip, misalnya {example}.",
        ),
    },
    "hint_type_integer": {
        "en": ("expected a whole number", "write e.g. {example}."),
        "id": ("seharusnya bilangan bulat", "tulis misalnya {example}."),
    },
    "hint_type_number": {
        "en": ("expected a number", "write e.g. {example}."),
        "id": ("seharusnya angka", "tulis misalnya {example}."),
    },
    "hint_type_list": {
        "en": ("expected a list", "write a list in square brackets, e.g. {example}."),
        "id": ("seharusnya daftar", "tulis daftar dalam kurung siku, misalnya {example}."),
    },
    "hint_type_table": {
        "en": ("expected a table", "write it as a table, e.g. {example}."),
        "id": ("seharusnya tabel", "tulis sebagai tabel, misalnya {example}."),
    },
    "hint_type_tables": {
        "en": (
            "expected one or more [[attributes]] tables",
            "write each attribute under its own [[attributes]] header (double brackets).",
        ),
        "id": (
            "seharusnya satu atau lebih tabel [[attributes]]",
            "tulis setiap atribut di bawah header [[attributes]] sendiri (kurung siku ganda).",
        ),
    },
    "hint_not_empty": {
        "en": ("it must not be empty", "fill it in, e.g. {example}."),
        "id": ("tidak boleh kosong", "isi, misalnya {example}."),
    },
    "hint_choice": {
        "en": ("it must be one of {choices}", "use one of {choices}."),
        "id": ("harus salah satu dari {choices}", "gunakan salah satu dari {choices}."),
    },
    "hint_limit_type": {
        "en": (
            'expected a number or a quantity such as "10 meq/kg"',
            'write e.g. limit = 10.0 or limit = "10 meq/kg".',
        ),
        "id": (
            'seharusnya angka atau besaran seperti "10 meq/kg"',
            'tulis misalnya limit = 10.0 atau limit = "10 meq/kg".',
        ),
    },
    "hint_schema_version": {
        "en": ("this version of shelflife reads schema_version = 1", "set schema_version = 1."),
        "id": ("versi shelflife ini membaca schema_version = 1", "tulis schema_version = 1."),
    },
    "hint_other": {
        "en": ("{reason}", "compare with the study.toml example in the documentation."),
        "id": ("{reason}", "bandingkan dengan contoh study.toml di dokumentasi."),
    },
    "hint_other_file": {
        "en": ("{reason}", "compare with the {kind} examples shipped with shelflife."),
        "id": ("{reason}", "bandingkan dengan contoh {kind} yang disertakan shelflife."),
    },
    "hint_type_bool": {
        "en": ("expected true or false", "write e.g. {example}."),
        "id": ("seharusnya true atau false", "tulis misalnya {example}."),
    },
    "hint_at_least": {
        "en": ("it must be at least {ge}", "write e.g. {example}."),
        "id": ("minimal harus {ge}", "tulis misalnya {example}."),
    },
    "hint_type_table_array": {
        "en": (
            "expected one or more {header} tables",
            "write each one under its own {header} header (double brackets).",
        ),
        "id": (
            "seharusnya satu atau lebih tabel {header}",
            "tulis masing-masing di bawah header {header} sendiri (kurung siku ganda).",
        ),
    },
    "hint_batches": {
        "en": (
            "expected a number of batches (1 or more) or a list of distinct batch labels",
            'write e.g. batches = 3 or batches = ["B1", "B2", "B3"].',
        ),
        "id": (
            "seharusnya jumlah batch (1 atau lebih) atau daftar label batch yang berbeda",
            'tulis misalnya batches = 3 atau batches = ["B1", "B2", "B3"].',
        ),
    },
    "hint_start_date": {
        "en": (
            "expected a date written year-month-day (YYYY-MM-DD)",
            "write e.g. start = 2027-01-04.",
        ),
        "id": (
            "seharusnya tanggal dengan urutan tahun-bulan-hari (YYYY-MM-DD)",
            "tulis misalnya start = 2027-01-04.",
        ),
    },
    "hint_signed_date": {
        "en": (
            "expected a date written year-month-day (YYYY-MM-DD)",
            "write e.g. signed = 2027-04-30, or leave the key out to sign by hand.",
        ),
        "id": (
            "seharusnya tanggal dengan urutan tahun-bulan-hari (YYYY-MM-DD)",
            "tulis misalnya signed = 2027-04-30, atau hapus kunci ini untuk diisi tangan.",
        ),
    },
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
    # ------------------------------------------- diagnostics (shelflife.diagnostics)
    "models_not_comparable": {
        "en": (
            "the models cannot be compared by AIC: {reason}.",
            "compare fits of the same measurements (same attribute, rows and units).",
        ),
        "id": (
            "model-model ini tidak dapat dibandingkan dengan AIC: {reason}.",
            "bandingkan hasil pemasangan pada data pengukuran yang sama (atribut, baris dan "
            "satuan yang sama).",
        ),
    },
    "lack_of_fit": {
        "en": (
            "the {model} model misses the replicate means of '{attribute}' by more than the "
            "replicates scatter (lack-of-fit F = {f} on {df1} and {df2} df, p = {p}).",
            "Another reaction order or temperature model may describe the data better; "
            "compare the models and look at the residual plot.",
        ),
        "id": (
            "model {model} meleset dari rata-rata ulangan '{attribute}' melebihi sebaran "
            "ulangannya (uji ketidaksesuaian F = {f} pada db {df1} dan {df2}, p = {p}).",
            "Orde reaksi atau model suhu lain mungkin lebih sesuai; bandingkan model-model "
            "tersebut dan lihat plot residualnya.",
        ),
    },
    "suspected_outliers": {
        "en": (
            "{count} measurement(s) of '{attribute}' lie more than {threshold} residual "
            "standard deviations from the fitted curve (studentised residual up to {max}), at "
            "row(s) {points}.",
            "Check these measurements (transcription, sample or instrument); do not delete "
            "them without a documented reason.",
        ),
        "id": (
            "{count} pengukuran '{attribute}' berjarak lebih dari {threshold} simpangan baku "
            "residual dari kurva dugaan (residual terstudentisasi hingga {max}), pada baris "
            "{points}.",
            "Periksa pengukuran tersebut (pencatatan, sampel atau alat); jangan menghapusnya "
            "tanpa alasan yang terdokumentasi.",
        ),
    },
    "arrhenius_curvature": {
        "en": (
            "the {model} plot of '{attribute}' is curved over the {n} tested temperatures "
            "(quadratic term in {axis}: p = {p}): the apparent {symbol} goes from {low}{unit} "
            "at {t_low} °C to {high}{unit} at {t_high} °C.",
            "A phase change (fat melting, glass transition), a change of reaction or a "
            "storage chamber off its set point may be the cause: check the chamber records, "
            "do not extrapolate across the bend, and test closer to the storage temperature.",
        ),
        "id": (
            "plot {model} '{attribute}' melengkung pada {n} suhu uji (suku kuadrat dalam "
            "{axis}: p = {p}): {symbol} semu berubah dari {low}{unit} pada {t_low} °C menjadi "
            "{high}{unit} pada {t_high} °C.",
            "Perubahan fase (lemak meleleh, transisi gelas), perubahan reaksi atau ruang "
            "penyimpanan yang menyimpang dari suhu setelannya dapat menjadi penyebab: periksa "
            "catatan ruang simpan, jangan mengekstrapolasi melewati lengkungan, dan lakukan "
            "uji lebih dekat ke suhu penyimpanan.",
        ),
    },
    "curvature_not_testable": {
        "en": (
            "with {n} temperatures the {model} line of '{attribute}' cannot be tested for "
            "curvature (a phase change or a change of reaction would go unnoticed).",
            "A fourth storage temperature allows this test.",
        ),
        "id": (
            "dengan {n} suhu, garis {model} '{attribute}' tidak dapat diuji kelengkungannya "
            "(perubahan fase atau perubahan reaksi tidak akan terdeteksi).",
            "Suhu penyimpanan keempat memungkinkan uji ini.",
        ),
    },
    "order_varies_with_temperature": {
        "en": (
            "at {low_temperature} °C the data of '{attribute}' follow {low_order} order "
            "clearly better, at {high_temperature} °C {high_order} order: one reaction order "
            "may not describe every temperature.",
            "Consider the nth-order or Weibull model, and check for a change of reaction "
            "between the temperatures.",
        ),
        "id": (
            "pada {low_temperature} °C data '{attribute}' jelas lebih sesuai dengan orde "
            "{low_order}, pada {high_temperature} °C dengan orde {high_order}: satu orde "
            "reaksi mungkin tidak berlaku untuk semua suhu.",
            "Pertimbangkan model orde-n atau Weibull, dan periksa kemungkinan perubahan reaksi "
            "di antara suhu-suhu tersebut.",
        ),
    },
    "order_ambiguous": {
        "en": (
            "zero and first order fit '{attribute}' almost equally well (ΔAIC = {delta}); "
            "the {chosen} order was chosen.",
            "Both fits are reported; more conversion towards the limit would tell them apart.",
        ),
        "id": (
            "orde nol dan orde satu sama baiknya untuk '{attribute}' (ΔAIC = {delta}); "
            "dipilih orde {chosen}.",
            "Kedua hasil dilaporkan; perubahan mutu yang lebih jauh menuju batas akan "
            "membedakannya.",
        ),
    },
    "limit_not_approached": {
        "en": (
            "the data of '{attribute}' cover at most {percent} % of the way to the limit; "
            "the shelf life relies on extending the curve well beyond the data.",
            "Continue storage until the limit is approached at the highest temperature.",
        ),
        "id": (
            "data '{attribute}' paling jauh baru mencapai {percent} % jarak menuju batas; "
            "umur simpan bergantung pada perpanjangan kurva jauh di luar data.",
            "Lanjutkan penyimpanan sampai batas hampir tercapai pada suhu tertinggi.",
        ),
    },
    "two_step_rate_sign": {
        "en": (
            "at {temperature} the two-step rate constant of '{attribute}' has the wrong sign; "
            "that temperature is left out of the two-step Arrhenius line.",
            "",
        ),
        "id": (
            "pada {temperature} konstanta laju dua-tahap '{attribute}' bertanda salah; suhu itu "
            "tidak diikutkan dalam garis Arrhenius dua-tahap.",
            "",
        ),
    },
    "internal_error": {
        "en": ("unexpected internal error ({reason}).", "please report it with the input files."),
        "id": (
            "kesalahan internal tak terduga ({reason}).",
            "mohon laporkan beserta berkas masukan.",
        ),
    },
    "output_error": {
        "en": ("cannot write output: {reason}.", "choose a writable output folder."),
        "id": (
            "keluaran tidak dapat ditulis: {reason}.",
            "pilih folder keluaran yang dapat ditulisi.",
        ),
    },
    "output_not_writable": {
        "en": (
            "the output cannot be written here: permission denied or a read-only disk "
            "({reason}). Files that were being written were removed; earlier outputs are "
            "unchanged.",
            "choose another output folder (--out), or ask whoever manages this computer for "
            "permission to write there.",
        ),
        "id": (
            "keluaran tidak dapat ditulis di sini: izin ditolak atau disk hanya-baca "
            "({reason}). Berkas yang sedang ditulis telah dihapus; keluaran sebelumnya tidak "
            "berubah.",
            "pilih folder keluaran lain (--out), atau minta izin menulis di sana kepada "
            "pengelola komputer ini.",
        ),
    },
    "output_disk_full": {
        "en": (
            "the disk is full ({reason}): the outputs could not be written. Files that were "
            "being written were removed; earlier outputs are unchanged.",
            "free some space on the disk, or choose an output folder on another disk (--out), "
            "and run the command again (a batch resumes where it stopped).",
        ),
        "id": (
            "disk penuh ({reason}): keluaran tidak dapat ditulis. Berkas yang sedang ditulis "
            "telah dihapus; keluaran sebelumnya tidak berubah.",
            "kosongkan sebagian ruang disk, atau pilih folder keluaran di disk lain (--out), "
            "lalu jalankan perintah itu lagi (batch melanjutkan dari titik berhentinya).",
        ),
    },
    "output_name_unsafe": {
        "en": (
            "{name} cannot be used as an output file name: it has a folder part, '..', a "
            "character some systems forbid, a reserved device name (CON, NUL, ...) or is too "
            "long. Nothing was written.",
            "use a plain file name of letters, digits, '-', '_' and '.'.",
        ),
        "id": (
            "{name} tidak dapat dipakai sebagai nama berkas keluaran: mengandung bagian "
            "folder, '..', karakter yang dilarang sebagian sistem, nama perangkat yang "
            "dicadangkan (CON, NUL, ...) atau terlalu panjang. Tidak ada yang ditulis.",
            "gunakan nama berkas biasa dari huruf, angka, '-', '_' dan '.'.",
        ),
    },
    # ------------------------------------------------- ICH Q1E (shelflife.q1e)
    "q1e_no_batch": {
        "en": (
            "'{attribute}': the data have no batch column, which the ICH Q1E batch analysis "
            "needs.",
            "add a column 'batch' with the batch (lot) label of every measurement; use one "
            "label if all samples come from one batch.",
        ),
        "id": (
            "'{attribute}': data tidak memiliki kolom batch, padahal analisis batch ICH Q1E "
            "memerlukannya.",
            "tambahkan kolom 'batch' berisi label batch (lot) setiap pengukuran; gunakan satu "
            "label bila semua sampel berasal dari satu batch.",
        ),
    },
    "q1e_several_temperatures": {
        "en": (
            "'{attribute}' was measured at {n} storage temperatures ({temperatures}); the "
            "ICH Q1E batch analysis is for one storage condition (real-time data).",
            'choose one, e.g. temperature="{first}", or use the Arrhenius analysis '
            "(shelflife.analyze) for accelerated data.",
        ),
        "id": (
            "'{attribute}' diukur pada {n} suhu simpan ({temperatures}); analisis batch "
            "ICH Q1E hanya untuk satu kondisi simpan (data waktu nyata).",
            'pilih salah satu, mis. temperature="{first}", atau gunakan analisis Arrhenius '
            "(shelflife.analyze) untuk data dipercepat.",
        ),
    },
    "q1e_temperature_absent": {
        "en": (
            "'{attribute}' has no measurements at {temperature} (tested: {temperatures}).",
            "choose one of the tested temperatures.",
        ),
        "id": (
            "'{attribute}' tidak memiliki pengukuran pada {temperature} (yang diuji: "
            "{temperatures}).",
            "pilih salah satu suhu yang diuji.",
        ),
    },
    "q1e_too_few_points": {
        "en": (
            "batch '{batch}' has {n} measurements at {times} different times; its own slope "
            "needs at least 3 measurements at 2 or more times.",
            "add pulls for this batch, or leave the batch out of the analysis.",
        ),
        "id": (
            "batch '{batch}' hanya memiliki {n} pengukuran pada {times} waktu berbeda; "
            "kemiringannya sendiri memerlukan minimal 3 pengukuran pada 2 waktu atau lebih.",
            "tambah pengambilan sampel untuk batch ini, atau keluarkan batch ini dari analisis.",
        ),
    },
    "q1e_no_limit": {
        "en": (
            "no specification limit is given for '{attribute}'.",
            "give lower=..., upper=... or both (a two-sided specification).",
        ),
        "id": (
            "tidak ada batas spesifikasi untuk '{attribute}'.",
            "berikan lower=..., upper=... atau keduanya (spesifikasi dua sisi).",
        ),
    },
    "q1e_limits_order": {
        "en": (
            "the lower limit {lower} is not below the upper limit {upper}.",
            "check the two specification limits.",
        ),
        "id": (
            "batas bawah {lower} tidak lebih kecil dari batas atas {upper}.",
            "periksa kedua batas spesifikasi.",
        ),
    },
    "q1e_lengths": {
        "en": (
            "time, value and batch have different lengths ({n_time}, {n_value}, {n_batch}).",
            "give one time, one value and one batch label per measurement.",
        ),
        "id": (
            "waktu, nilai dan batch memiliki panjang berbeda ({n_time}, {n_value}, {n_batch}).",
            "berikan satu waktu, satu nilai dan satu label batch untuk setiap pengukuran.",
        ),
    },
    "q1e_transform_domain": {
        "en": (
            "the {transform} transform cannot be applied to {value} ({what}).",
            "values and limits must be above zero for log, and zero or above for sqrt; use "
            "transform=None otherwise.",
        ),
        "id": (
            "transformasi {transform} tidak dapat diterapkan pada {value} ({what}).",
            "nilai dan batas harus di atas nol untuk log, dan nol atau lebih untuk sqrt; "
            "jika tidak, gunakan transform=None.",
        ),
    },
    "q1e_bad_setting": {
        "en": (
            "{name} = {value} is outside the open interval {low} to {high}.",
            "choose a value inside it, e.g. {example}.",
        ),
        "id": (
            "{name} = {value} di luar selang terbuka {low} sampai {high}.",
            "pilih nilai di dalamnya, mis. {example}.",
        ),
    },
    "q1e_single_batch": {
        "en": (
            "'{attribute}' has one batch only ({batch}); batch poolability could not be "
            "tested and the shelf life rests on a single regression line.",
            "Stability guidelines ask for at least three primary batches (ICH Q1A(R2)).",
        ),
        "id": (
            "'{attribute}' hanya memiliki satu batch ({batch}); kesetaraan antar batch tidak "
            "dapat diuji dan umur simpan bertumpu pada satu garis regresi.",
            "Pedoman stabilitas meminta minimal tiga batch utama (ICH Q1A(R2)).",
        ),
    },
    "q1e_extrapolation": {
        "en": (
            "the shelf life of '{attribute}' ({shelf_life} {unit}) goes beyond what ICH Q1E "
            "allows to extrapolate from data up to {last} {unit}: at most {allowed} {unit} "
            "(twice the period covered, and not more than 12 months beyond it).",
            "Propose at most {allowed} {unit} until longer real-time data confirm more.",
        ),
        "id": (
            "umur simpan '{attribute}' ({shelf_life} {unit}) melampaui ekstrapolasi yang "
            "diizinkan ICH Q1E dari data sampai {last} {unit}: paling lama {allowed} {unit} "
            "(dua kali periode data, dan tidak lebih dari 12 bulan setelahnya).",
            "Usulkan paling lama {allowed} {unit} sampai data waktu nyata yang lebih panjang "
            "memastikannya.",
        ),
    },
    "q1e_no_trend": {
        "en": (
            "'{attribute}' shows no significant trend over storage time (slope test "
            "p = {p}, {model} model).",
            "The shelf life then rests on the widening of the confidence band rather than on "
            "a trend; ICH Q1E allows only limited extrapolation for such data.",
        ),
        "id": (
            "'{attribute}' tidak menunjukkan tren nyata selama penyimpanan (uji kemiringan "
            "p = {p}, model {model}).",
            "Umur simpan lalu bertumpu pada melebarnya pita kepercayaan, bukan pada tren; "
            "ICH Q1E hanya mengizinkan ekstrapolasi terbatas untuk data seperti ini.",
        ),
    },
    "q1e_no_crossing": {
        "en": (
            "the confidence bound of '{attribute}' never reaches the specification limit; "
            "these data give no finite shelf life.",
            "State the shelf life from the period covered by the data, within the ICH Q1E "
            "limits on extrapolation.",
        ),
        "id": (
            "batas kepercayaan '{attribute}' tidak pernah mencapai batas spesifikasi; data ini "
            "tidak menghasilkan umur simpan yang terhingga.",
            "Tetapkan umur simpan dari periode yang dicakup data, dalam batas ekstrapolasi "
            "ICH Q1E.",
        ),
    },
    # ---------------------------------------------- kinetics library (shelflife.library)
    "ea_implausible": {
        "en": (
            "the activation energy of '{attribute}' ({ea} kJ/mol) is outside 0 to {high} "
            "kJ/mol, the span of food storage reactions.",
            "Check the temperature unit (°C, K or °F) and, for an energy entered by hand, its "
            "unit (1 kcal = 4.184 kJ; values in cal/mol or J/mol are about 1000 times larger); "
            "a negative value means the attribute changed faster at the lower temperatures.",
        ),
        "id": (
            "energi aktivasi '{attribute}' ({ea} kJ/mol) berada di luar 0 sampai {high} "
            "kJ/mol, rentang reaksi penyimpanan pangan.",
            "Periksa satuan suhu (°C, K atau °F) dan, untuk energi yang dimasukkan manual, "
            "satuannya (1 kkal = 4,184 kJ; nilai dalam kal/mol atau J/mol sekitar 1000 kali "
            "lebih besar); nilai negatif berarti atribut berubah lebih cepat pada suhu yang "
            "lebih rendah.",
        ),
    },
    "ea_outside_library_range": {
        "en": (
            "the 95 % interval of the activation energy of '{attribute}' ({low} to {high} "
            "kJ/mol) lies entirely {side} the range reported for '{reaction}' ({lib_low} to "
            "{lib_high} kJ/mol; {source}).",
            "This may be a unit mistake (the temperature unit; cal/mol or J/mol instead of "
            "kJ/mol where an energy was entered) or a different mechanism limiting this "
            "attribute; check the data and the reaction class chosen.",
        ),
        "id": (
            "selang 95 % energi aktivasi '{attribute}' ({low} sampai {high} kJ/mol) "
            "seluruhnya berada {side} rentang yang dilaporkan untuk '{reaction}' ({lib_low} "
            "sampai {lib_high} kJ/mol; {source}).",
            "Ini bisa berarti kesalahan satuan (satuan suhu; kal/mol atau J/mol alih-alih "
            "kJ/mol bila energi dimasukkan manual) atau mekanisme lain yang membatasi atribut "
            "ini; periksa data dan kelas reaksi yang dipilih.",
        ),
    },
    "hint_reaction_close": {
        "en": (
            "not a reaction class of the library (did you mean '{name}'?)",
            "write one of: {choices}; or leave 'reaction' out.",
        ),
        "id": (
            "bukan kelas reaksi dalam pustaka (maksud Anda '{name}'?)",
            "tulis salah satu dari: {choices}; atau hapus 'reaction'.",
        ),
    },
    "hint_reaction_unknown": {
        "en": (
            "not a reaction class of the library",
            "write one of: {choices}; or leave 'reaction' out.",
        ),
        "id": (
            "bukan kelas reaksi dalam pustaka",
            "tulis salah satu dari: {choices}; atau hapus 'reaction'.",
        ),
    },
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
    # ------------------------------------------- formulation comparison (shelflife.comparison)
    "compare_no_common_attribute": {
        "en": (
            "the two studies have no attribute in common ({study_a}: {names_a}; {study_b}: "
            "{names_b}).",
            "give the attribute to compare the same name in both studies (the same column "
            "name and [[attributes]] name, e.g. 'peroxide_value').",
        ),
        "id": (
            "kedua studi tidak memiliki atribut yang sama ({study_a}: {names_a}; {study_b}: "
            "{names_b}).",
            "beri atribut yang dibandingkan nama yang sama di kedua studi (nama kolom dan "
            "nama [[attributes]] yang sama, mis. 'peroxide_value').",
        ),
    },
    "compare_attribute_missing": {
        "en": (
            "attribute '{attribute}' is not in study '{study}' (its attributes: {names}).",
            "choose an attribute measured in both studies, or give it the same name in both.",
        ),
        "id": (
            "atribut '{attribute}' tidak ada dalam studi '{study}' (atributnya: {names}).",
            "pilih atribut yang diukur di kedua studi, atau beri nama yang sama di keduanya.",
        ),
    },
    "compare_attribute_mismatch": {
        "en": (
            "attribute '{attribute}' is not defined alike in the two studies: {differences}.",
            "use the same unit, limit, direction and temperature model in both study.toml "
            "files (convert the values if the units differ), so that both formulations are "
            "judged by one criterion; a different declared model (reaction order) can be "
            "overridden with --order (order= in Python).",
        ),
        "id": (
            "atribut '{attribute}' tidak didefinisikan sama di kedua studi: {differences}.",
            "gunakan satuan, batas, arah dan model suhu yang sama di kedua berkas study.toml "
            "(konversikan nilainya bila satuannya berbeda), agar kedua formulasi dinilai "
            "dengan satu kriteria; model (orde reaksi) yang berbeda dapat ditetapkan dengan "
            "--order (order= di Python).",
        ),
    },
    "compare_initial_unsupported": {
        "en": (
            "'{attribute}' declares initial = \"per_temperature\" (one initial value per "
            "storage temperature), which the formulation comparison does not support yet.",
            'compare with initial = "common" in both study.toml files, or analyse each study '
            "with shelflife analyze.",
        ),
        "id": (
            "'{attribute}' menyatakan initial = \"per_temperature\" (satu nilai awal per suhu "
            "simpan), yang belum didukung oleh perbandingan formulasi.",
            'bandingkan dengan initial = "common" di kedua berkas study.toml, atau analisis '
            "setiap studi dengan shelflife analyze.",
        ),
    },
    "compare_model_unsupported": {
        "en": (
            "'{attribute}' uses the humidity-dependent model '{model}', which the formulation "
            "comparison does not support yet.",
            'compare at one humidity with temperature_model = "arrhenius", or analyse each '
            "study with shelflife analyze.",
        ),
        "id": (
            "'{attribute}' memakai model bergantung kelembapan '{model}', yang belum didukung "
            "oleh perbandingan formulasi.",
            'bandingkan pada satu kelembapan dengan temperature_model = "arrhenius", atau '
            "analisis setiap studi dengan shelflife analyze.",
        ),
    },
    # ------------------------------------------------ study design (shelflife.design)
    "design_setting_invalid": {
        "en": (
            "{name} = {value} is outside the allowed range {low} to {high}.",
            "choose a value inside it.",
        ),
        "id": (
            "{name} = {value} berada di luar rentang yang diizinkan {low} sampai {high}.",
            "pilih nilai di dalam rentang itu.",
        ),
    },
    "design_ea_range_invalid": {
        "en": (
            "the activation energy (range) {low} to {high} {unit} is not valid.",
            "give one value or a (low, high) pair with 0 < low <= high, e.g. "
            '("60 kJ/mol", "100 kJ/mol").',
        ),
        "id": (
            "energi aktivasi (rentang) {low} sampai {high} {unit} tidak sah.",
            "berikan satu nilai atau pasangan (rendah, tinggi) dengan 0 < rendah <= tinggi, "
            'mis. ("60 kJ/mol", "100 kJ/mol").',
        ),
    },
    "design_ea_missing": {
        "en": (
            "Labuza's sampling rule needs the temperature sensitivity of the reaction.",
            'give q10=... (e.g. 2) or activation_energy=... (e.g. "80 kJ/mol").',
        ),
        "id": (
            "aturan frekuensi pengambilan sampel Labuza memerlukan kepekaan reaksi terhadap suhu.",
            'berikan q10=... (mis. 2) atau activation_energy=... (mis. "80 kJ/mol").',
        ),
    },
    "design_duration_missing": {
        "en": (
            "the design needs a duration to place the pulls.",
            'give duration="8 week" (or a list of pull times).',
        ),
        "id": (
            "rancangan memerlukan durasi untuk menempatkan waktu pengambilan sampel.",
            'berikan duration="8 week" (atau daftar waktu pengambilan).',
        ),
    },
    "design_temperatures_invalid": {
        "en": (
            "chamber temperatures must be distinct and between {low} and {high} °C; got "
            "{values} °C.",
            'give each chamber once, with its unit, e.g. ["30 degC", "40 degC", "50 degC"].',
        ),
        "id": (
            "suhu ruang simpan harus berbeda satu sama lain dan di antara {low} dan {high} "
            "°C; diberikan {values} °C.",
            'sebutkan setiap ruang simpan sekali, dengan satuannya, mis. ["30 degC", '
            '"40 degC", "50 degC"].',
        ),
    },
    "design_pulls_count": {
        "en": (
            "the design has {n} chamber temperatures but {m} lists of pull times.",
            "give one list of pull times per chamber, or one list for all.",
        ),
        "id": (
            "rancangan memiliki {n} suhu ruang simpan tetapi {m} daftar waktu pengambilan.",
            "berikan satu daftar waktu pengambilan per ruang simpan, atau satu daftar untuk "
            "semua.",
        ),
    },
    "design_pulls_invalid": {
        "en": (
            "the pull times of the chamber at {temperature} °C ({times} day) are not valid.",
            "give at least two times, starting at 0 or later and increasing.",
        ),
        "id": (
            "waktu pengambilan ruang simpan {temperature} °C ({times} hari) tidak sah.",
            "berikan minimal dua waktu, mulai dari 0 atau lebih dan terus meningkat.",
        ),
    },
    "design_replicates_invalid": {
        "en": (
            "replicates = {value} is not valid.",
            "give a whole number of samples per pull, 1 or more (3 is usual).",
        ),
        "id": (
            "replicates (ulangan) = {value} tidak sah.",
            "berikan bilangan bulat sampel per pengambilan, 1 atau lebih (biasanya 3).",
        ),
    },
    "design_rh_invalid": {
        "en": (
            "the relative humidities {values} do not fit the {n} chambers.",
            "give one value between 0 and 100 % per chamber, or one for all.",
        ),
        "id": (
            "kelembapan relatif {values} tidak sesuai dengan {n} ruang simpan.",
            "berikan satu nilai antara 0 dan 100 % per ruang simpan, atau satu untuk semua.",
        ),
    },
    "design_no_room": {
        "en": (
            "there is no room for accelerated chambers: the hottest allowed chamber "
            "({hottest} °C) is not above the coldest ({coldest} °C; storage {storage} °C).",
            "raise max_temperature or lower margin; if the product tolerates no higher "
            "temperature, run a real-time test at the storage temperature instead.",
        ),
        "id": (
            "tidak ada ruang untuk suhu dipercepat: ruang simpan terpanas yang diizinkan "
            "({hottest} °C) tidak lebih tinggi dari yang terdingin ({coldest} °C; suhu "
            "penyimpanan {storage} °C).",
            "naikkan max_temperature atau kecilkan margin; bila produk tidak tahan suhu lebih "
            "tinggi, lakukan uji waktu nyata pada suhu penyimpanan.",
        ),
    },
    "design_truth_missing": {
        "en": (
            "the assumed truth has no '{key}'.",
            "give {keys}.",
        ),
        "id": (
            "nilai sebenarnya yang diasumsikan tidak memiliki '{key}'.",
            "berikan {keys}.",
        ),
    },
    "design_truth_invalid": {
        "en": (
            "the assumed truth is inconsistent: starting at {initial}, an attribute that "
            "fails {side} its limit {limit} has already failed or must move away from it.",
            'check initial, limit and direction ("max": fails above the limit, "min": below).',
        ),
        "id": (
            "nilai sebenarnya yang diasumsikan tidak konsisten: mulai dari {initial}, atribut "
            "yang gagal {side} batas {limit} sudah gagal atau harus menjauhinya.",
            'periksa initial, limit dan direction ("max": gagal di atas batas, "min": di '
            "bawahnya).",
        ),
    },
    "design_few_temperatures": {
        "en": (
            "the design has only {n} chamber temperature(s); the straightness of the "
            "Arrhenius line cannot be checked.",
            "Use three or more temperatures (Labuza & Schmidl 1985).",
        ),
        "id": (
            "rancangan hanya memiliki {n} suhu ruang simpan; kelurusan garis Arrhenius tidak "
            "dapat diperiksa.",
            "Gunakan tiga suhu atau lebih (Labuza & Schmidl 1985).",
        ),
    },
    "design_above_max_temperature": {
        "en": (
            "chamber(s) at {temperatures} °C are at or above the product's maximum "
            "temperature {max} °C: a phase change (e.g. melting fat) changes the mechanism, "
            "and the rates there do not extrapolate to storage.",
            "Keep every chamber below {max} °C.",
        ),
        "id": (
            "ruang simpan pada {temperatures} °C berada pada atau di atas suhu maksimum "
            "produk {max} °C: perubahan fase (mis. lemak meleleh) mengubah mekanisme, dan "
            "laju di sana tidak dapat diekstrapolasi ke suhu penyimpanan.",
            "Jaga semua ruang simpan di bawah {max} °C.",
        ),
    },
    "design_span_narrow": {
        "en": (
            "the chambers span only {span} K ({inverse} in 1000/T); the activation energy "
            "will be poorly determined.",
            "Spread the temperatures over at least {minimum} K.",
        ),
        "id": (
            "rentang suhu ruang simpan hanya {span} K ({inverse} dalam 1000/T); energi "
            "aktivasi akan sulit ditentukan.",
            "Sebarkan suhu minimal {minimum} K.",
        ),
    },
    "design_far_extrapolation": {
        "en": (
            "the storage temperature {storage} °C is {distance} K {side} the nearest chamber "
            "({chamber} °C): the shelf life there is a far extrapolation.",
            "Add a chamber closer to the storage temperature, or confirm with a real-time test.",
        ),
        "id": (
            "suhu penyimpanan {storage} °C berada {distance} K {side} ruang simpan terdekat "
            "({chamber} °C): umur simpan di sana merupakan ekstrapolasi jauh.",
            "Tambahkan ruang simpan yang lebih dekat ke suhu penyimpanan, atau konfirmasi "
            "dengan uji waktu nyata.",
        ),
    },
    "design_few_pulls_before_limit": {
        "en": (
            "only {n} pull(s) at the hottest chamber ({temperature} °C) come before the limit "
            "may be reached there (day {time}).",
            "Pull at least {minimum} times before that day.",
        ),
        "id": (
            "hanya {n} pengambilan di ruang simpan terpanas ({temperature} °C) yang terjadi "
            "sebelum batas mungkin tercapai di sana (hari ke-{time}).",
            "Ambil sampel minimal {minimum} kali sebelum hari itu.",
        ),
    },
    "design_limit_not_approached": {
        "en": (
            "the hottest chamber ({temperature} °C) stops at day {last}, {percent} % of the "
            "time the limit is expected there (day {time}): the data may not get far enough "
            "towards the limit.",
            "Run it longer, or test hotter if the product allows.",
        ),
        "id": (
            "ruang simpan terpanas ({temperature} °C) berhenti pada hari ke-{last}, {percent} "
            "% dari waktu batas diperkirakan tercapai di sana (hari ke-{time}): data mungkin "
            "tidak cukup mendekati batas.",
            "Perpanjang penyimpanannya, atau uji pada suhu lebih tinggi bila produk mengizinkan.",
        ),
    },
    "design_fits_failed": {
        "en": (
            "{failed} of {n} simulated studies ({percent} %) could not be fitted.",
            "The design barely identifies the model: add temperatures, pulls or duration.",
        ),
        "id": (
            "{failed} dari {n} studi simulasi ({percent} %) tidak dapat dipasang.",
            "Rancangan hampir tidak dapat menentukan model: tambah suhu, pengambilan atau durasi.",
        ),
    },
    "design_coverage_low": {
        "en": (
            "with this design the {level} % intervals contained the true shelf life in only "
            "{coverage} % of the simulated studies: they are too narrow.",
            "Prefer profile-likelihood or bootstrap intervals for such data, or strengthen "
            "the design.",
        ),
        "id": (
            "dengan rancangan ini selang {level} % memuat umur simpan sebenarnya hanya pada "
            "{coverage} % studi simulasi: selangnya terlalu sempit.",
            "Gunakan selang profil-likelihood atau bootstrap untuk data seperti ini, atau "
            "perkuat rancangan.",
        ),
    },
    "design_why_ea_given": {
        "en": (
            "Activation energy assumed: {low} to {high} kJ/mol (as given). The schedule uses "
            "the lowest value, the slowest acceleration, so that the hottest chamber reaches "
            "the limit even then.",
            "",
        ),
        "id": (
            "Energi aktivasi yang diasumsikan: {low} sampai {high} kJ/mol (sesuai masukan). "
            "Jadwal memakai nilai terendah, percepatan paling lambat, agar ruang simpan "
            "terpanas tetap mencapai batas.",
            "",
        ),
    },
    "design_why_ea_given_one": {
        "en": (
            "Activation energy assumed: {ea} kJ/mol (as given).",
            'If it is uncertain, give a range, e.g. ("60 kJ/mol", "100 kJ/mol"): the '
            "schedule then covers the whole range.",
        ),
        "id": (
            "Energi aktivasi yang diasumsikan: {ea} kJ/mol (sesuai masukan).",
            'Bila belum pasti, berikan rentang, mis. ("60 kJ/mol", "100 kJ/mol"): '
            "jadwal lalu mencakup seluruh rentang itu.",
        ),
    },
    "design_why_ea_library": {
        "en": (
            "Activation energy assumed: {low} to {high} kJ/mol, the span reported for "
            "'{reaction}' in the parameter library ({source}). The schedule uses the lowest "
            "value, the slowest acceleration, so that the hottest chamber reaches the limit "
            "even then.",
            "",
        ),
        "id": (
            "Energi aktivasi yang diasumsikan: {low} sampai {high} kJ/mol, rentang yang "
            "dilaporkan untuk '{reaction}' dalam pustaka parameter ({source}). Jadwal memakai "
            "nilai terendah, percepatan paling lambat, agar ruang simpan terpanas tetap "
            "mencapai batas.",
            "",
        ),
    },
    "design_why_ea_assumed": {
        "en": (
            "No activation energy or reaction class was given, so {low} to {high} kJ/mol is "
            "assumed (the middle of the spans for lipid oxidation, vitamin C and pigment loss "
            "in the parameter library: a guess, not a measurement).",
            "Give activation_energy or reaction for a better plan.",
        ),
        "id": (
            "Energi aktivasi maupun kelas reaksi tidak diberikan, sehingga diasumsikan {low} "
            "sampai {high} kJ/mol (bagian tengah rentang oksidasi lemak, kehilangan vitamin C "
            "dan pigmen dalam pustaka parameter: perkiraan, bukan hasil pengukuran).",
            "Berikan activation_energy atau reaction untuk rencana yang lebih baik.",
        ),
    },
    "design_why_temperatures": {
        "en": (
            "{n} chambers at {temperatures} °C, evenly spaced in 1/T from {coldest} °C (close "
            "to the storage temperature {storage} °C, so the extrapolation is short) to "
            "{hottest} °C. The spread in 1/T determines how well Ea is known; a middle level "
            "checks that the Arrhenius line is straight (D-optimal plans use two levels, "
            "three-level compromise plans add one: Mariñas-Collado et al. 2021).",
            "",
        ),
        "id": (
            "{n} ruang simpan pada {temperatures} °C, berjarak sama dalam 1/T dari {coldest} "
            "°C (dekat dengan suhu penyimpanan {storage} °C, sehingga ekstrapolasinya "
            "pendek) sampai {hottest} °C. Sebaran dalam 1/T menentukan ketelitian Ea; suhu "
            "tengah memeriksa kelurusan garis Arrhenius (rancangan D-optimal memakai dua "
            "tingkat, rancangan kompromi tiga tingkat menambah satu: Mariñas-Collado dkk. "
            "2021).",
            "",
        ),
    },
    "design_why_hottest_max": {
        "en": (
            "Hottest chamber {hottest} °C: {margin} K below the product's maximum temperature "
            "{max} °C (a phase change above it would change the mechanism; chambers "
            "fluctuate by 1-2 K).",
            "",
        ),
        "id": (
            "Ruang simpan terpanas {hottest} °C: {margin} K di bawah suhu maksimum produk "
            "{max} °C (perubahan fase di atasnya mengubah mekanisme; suhu ruang simpan "
            "berfluktuasi 1-2 K).",
            "",
        ),
    },
    "design_why_hottest_default": {
        "en": (
            "Hottest chamber {hottest} °C: {above} K above storage, as in the common "
            "Indonesian sets 30/40/50 and 35/45/55 °C.",
            "Give max_temperature if the product melts, softens or browns differently above "
            "some temperature.",
        ),
        "id": (
            "Ruang simpan terpanas {hottest} °C: {above} K di atas suhu penyimpanan, seperti "
            "set umum di Indonesia 30/40/50 dan 35/45/55 °C.",
            "Berikan max_temperature bila produk meleleh, melunak atau mencoklat secara "
            "berbeda di atas suhu tertentu.",
        ),
    },
    "design_why_coldest_moved": {
        "en": (
            "The coldest chamber is moved down to {coldest} °C (storage: {storage} °C) because "
            "there is little room below the maximum temperature; chambers should span {minimum} "
            "K or more.",
            "",
        ),
        "id": (
            "Ruang simpan terdingin diturunkan ke {coldest} °C (suhu penyimpanan: {storage} °C) "
            "karena ruang di bawah suhu maksimum sempit; rentang suhu sebaiknya {minimum} K "
            "atau lebih.",
            "",
        ),
    },
    "design_why_duration": {
        "en": (
            "Duration {duration} days ({weeks} weeks): at Ea = {ea} kJ/mol the limit is "
            "expected after {t_hot} days at {hottest} °C and {t_cold} days at {coldest} °C; "
            "each chamber runs to {percent} % of that time.",
            "",
        ),
        "id": (
            "Durasi {duration} hari ({weeks} minggu): pada Ea = {ea} kJ/mol batas "
            "diperkirakan tercapai setelah {t_hot} hari pada {hottest} °C dan {t_cold} hari "
            "pada {coldest} °C; setiap ruang simpan berjalan sampai {percent} % dari waktu "
            "itu.",
            "",
        ),
    },
    "design_why_duration_capped": {
        "en": (
            "Duration {duration} days ({weeks} weeks): at Ea = {ea} kJ/mol the limit is "
            "expected after {t_hot} days at {hottest} °C but only after {t_cold} days at "
            "{coldest} °C, so the colder chambers stop early, at {fraction} % of the "
            "expected shelf life (an accelerated test that runs longer saves little over a "
            "real-time test).",
            "Give duration to choose another length.",
        ),
        "id": (
            "Durasi {duration} hari ({weeks} minggu): pada Ea = {ea} kJ/mol batas "
            "diperkirakan tercapai setelah {t_hot} hari pada {hottest} °C tetapi baru setelah "
            "{t_cold} hari pada {coldest} °C, sehingga ruang simpan yang lebih dingin "
            "berhenti lebih awal, pada {fraction} % dari umur simpan yang diperkirakan "
            "(uji dipercepat yang lebih lama hampir tidak menghemat dibanding uji waktu "
            "nyata).",
            "Berikan duration untuk memilih lama lain.",
        ),
    },
    "design_why_duration_given": {
        "en": (
            "Duration at most {duration} days ({weeks} weeks), as given: at Ea = {ea} kJ/mol "
            "the limit is expected after {t_hot} days at {hottest} °C and {t_cold} days at "
            "{coldest} °C; a chamber stops when the limit is expected there or at the end of "
            "the study.",
            "",
        ),
        "id": (
            "Durasi paling lama {duration} hari ({weeks} minggu), sesuai masukan: pada Ea = "
            "{ea} kJ/mol batas diperkirakan tercapai setelah {t_hot} hari pada {hottest} °C "
            "dan {t_cold} hari pada {coldest} °C; ruang simpan berhenti saat batas "
            "diperkirakan tercapai di sana atau di akhir studi.",
            "",
        ),
    },
    "design_why_pulls": {
        "en": (
            "{pulls} pulls per chamber (time zero included), closer together where the limit "
            "is expected. Intervals grow as the temperature falls, by Labuza & Schmidl's "
            "rule f2 = f1·Q10^(ΔT/10), so every chamber is sampled over the same share of "
            "its way to the limit (intervals at {temperatures} °C relative to the hottest "
            "chamber: {ratios}).",
            "",
        ),
        "id": (
            "{pulls} pengambilan per ruang simpan (termasuk waktu nol), lebih rapat di "
            "sekitar saat batas diperkirakan tercapai. Selang waktu membesar saat suhu turun, "
            "menurut aturan Labuza & Schmidl f2 = f1·Q10^(ΔT/10), sehingga setiap ruang "
            "simpan diambil sampelnya pada bagian yang sama dari jalannya menuju batas "
            "(selang pada {temperatures} °C relatif terhadap ruang simpan terpanas: "
            "{ratios}).",
            "",
        ),
    },
    "design_why_window": {
        "en": (
            "Because Ea is uncertain ({low} to {high} kJ/mol), the limit at {hottest} °C may "
            "come anywhere from day {start} to day {end}: half of the pulls are spread evenly "
            "in log time over that window, the rest evenly before it.",
            "",
        ),
        "id": (
            "Karena Ea belum pasti ({low} sampai {high} kJ/mol), batas pada {hottest} °C "
            "dapat tercapai antara hari ke-{start} dan hari ke-{end}: separuh pengambilan "
            "disebar merata dalam skala log waktu pada rentang itu, sisanya merata "
            "sebelumnya.",
            "",
        ),
    },
    "design_why_replicates": {
        "en": (
            "{replicates} replicate samples per pull: the scatter between replicates shows "
            "the measurement error at every pull and lets an outlier be spotted (Indonesian "
            "studies often use 2).",
            "Check the precision with evaluate_design before the study starts.",
        ),
        "id": (
            "{replicates} sampel ulangan per pengambilan: sebaran antar ulangan menunjukkan "
            "galat pengukuran pada setiap pengambilan dan membantu menemukan pencilan (studi "
            "di Indonesia sering memakai 2).",
            "Periksa ketelitiannya dengan evaluate_design sebelum studi dimulai.",
        ),
    },
    "design_why_labuza": {
        "en": (
            "Pull intervals follow Labuza & Schmidl's rule f2 = f1·Q10^(ΔT/10) ({rule}): "
            "intervals at {temperatures} °C relative to the hottest chamber: {ratios}; the "
            "coldest chamber runs the whole study, the hotter ones stop earlier.",
            "",
        ),
        "id": (
            "Selang pengambilan mengikuti aturan Labuza & Schmidl f2 = f1·Q10^(ΔT/10) "
            "({rule}): selang pada {temperatures} °C relatif terhadap ruang simpan terpanas: "
            "{ratios}; ruang simpan terdingin berjalan sepanjang studi, yang lebih panas "
            "berhenti lebih awal.",
            "",
        ),
    },
    "design_answer": {
        "en": (
            "Testing at {temperatures} °C for {duration} days ({pulls} pulls × {replicates} "
            "replicates), the {level} % interval of the shelf life at {storage} °C would "
            "typically run from {low} to {high} days (true value {true} days); its width "
            "would typically be {width} % of the true shelf life (median). It covered the true value in "
            "{coverage} % of {n} simulated studies, and {within} % of the estimates fell "
            "within ±20 % of it.",
            "",
        ),
        "id": (
            "Dengan uji pada {temperatures} °C selama {duration} hari ({pulls} pengambilan × "
            "{replicates} ulangan), selang {level} % umur simpan pada {storage} °C biasanya "
            "berkisar dari {low} sampai {high} hari (nilai sebenarnya {true} hari); lebarnya "
            "biasanya {width} % dari umur simpan sebenarnya (median). Selang itu memuat nilai "
            "sebenarnya pada {coverage} % dari {n} studi simulasi, dan {within} % estimasi "
            "berada dalam ±20 % darinya.",
            "",
        ),
    },
    "design_order_unsupported": {
        "en": (
            "the simulation supports the reaction orders {choices}, not '{order}'.",
            "simulate with one of them.",
        ),
        "id": (
            "simulasi mendukung orde reaksi {choices}, bukan '{order}'.",
            "lakukan simulasi dengan salah satunya.",
        ),
    },
    # ------------------------------------------------------- protocol check (issue 4)
    "check_column_missing": {
        "en": (
            "the data sheet has no {what} column (found: {found}).",
            "add a column headed '{example}', as in the blank sheet of "
            "'shelflife protocol sheet'.",
        ),
        "id": (
            "lembar data tidak memiliki kolom {what} (yang ada: {found}).",
            "tambahkan kolom berjudul '{example}', seperti pada lembar kosong dari "
            "'shelflife protocol sheet'.",
        ),
    },
    "check_column_duplicate": {
        "en": (
            "columns {names} both mean {what}; only the first is checked.",
            "keep one of them (the analysis refuses duplicate columns).",
        ),
        "id": (
            "kolom {names} sama-sama berarti {what}; hanya yang pertama yang diperiksa.",
            "sisakan salah satunya (analisis menolak kolom ganda).",
        ),
    },
    "check_column_ignored": {
        "en": ("columns {names} are not in the plan.", "the analysis ignores them."),
        "id": ("kolom {names} tidak ada dalam rencana.", "analisis mengabaikannya."),
    },
    "check_unit_missing": {
        "en": (
            "column '{column}' has no unit; {assumed} is assumed for this check.",
            "write the unit in the header, e.g. '{example}' (the analysis needs it).",
        ),
        "id": (
            "kolom '{column}' tidak bersatuan; pemeriksaan ini menganggap {assumed}.",
            "tulis satuannya di header, misalnya '{example}' (analisis memerlukannya).",
        ),
    },
    "check_unit_unknown": {
        "en": (
            "the unit '{unit}' of column '{column}' is not known; {assumed} is assumed.",
            "write a unit such as {example}.",
        ),
        "id": (
            "satuan '{unit}' pada kolom '{column}' tidak dikenal; dianggap {assumed}.",
            "tulis satuan seperti {example}.",
        ),
    },
    "check_unit_not_in_header": {
        "en": (
            "column '{column}' gives no unit; the plan's unit '{unit}' is assumed.",
            "write the header as '{example}' so that the sheet says what was measured.",
        ),
        "id": (
            "kolom '{column}' tidak mencantumkan satuan; satuan rencana '{unit}' dipakai.",
            "tulis header sebagai '{example}' agar lembar data menyebut apa yang diukur.",
        ),
    },
    "check_unit_mismatch": {
        "en": (
            "column '{column}' is in '{header_unit}', but the plan measures {attribute} in "
            "'{plan_unit}'.",
            "convert the values to '{plan_unit}' and correct the header, or change the unit "
            "in study.toml if the plan was wrong (the analysis refuses the mismatch).",
        ),
        "id": (
            "kolom '{column}' dalam '{header_unit}', tetapi rencana mengukur {attribute} "
            "dalam '{plan_unit}'.",
            "konversikan nilainya ke '{plan_unit}' dan perbaiki header, atau ubah satuan di "
            "study.toml bila rencananya keliru (analisis menolak ketidakcocokan ini).",
        ),
    },
    "check_time_unit_differs": {
        "en": (
            "storage times are in {header_unit}, the plan counts in {plan_unit}; they were "
            "converted for this check.",
            "",
        ),
        "id": (
            "waktu simpan dalam {header_unit}, rencana menghitung dalam {plan_unit}; "
            "nilainya dikonversi untuk pemeriksaan ini.",
            "",
        ),
    },
    "check_scale_fraction": {
        "en": (
            "every value of '{column}' is at most 1 while the limit is {limit} {unit}: were "
            "fractions entered instead of percent (0.035 for 3.5 %)?",
            "if so, multiply the values by 100.",
        ),
        "id": (
            "semua nilai '{column}' paling besar 1 padahal batasnya {limit} {unit}: apakah "
            "yang diisi pecahan, bukan persen (0,035 untuk 3,5 %)?",
            "bila ya, kalikan nilainya dengan 100.",
        ),
    },
    "check_scale_value_small": {
        "en": (
            "{attribute} {value} is about {factor} times smaller than the other values of "
            "the same pull ({typical}): a unit or decimal slip?",
            "check it against the lab notebook (fraction or percent, mg or g, a misplaced "
            "decimal mark).",
        ),
        "id": (
            "{attribute} {value} kira-kira {factor} kali lebih kecil daripada nilai lain "
            "pada pengambilan yang sama ({typical}): salah satuan atau salah koma?",
            "cocokkan dengan buku catatan lab (pecahan atau persen, mg atau g, letak koma "
            "desimal).",
        ),
    },
    "check_scale_value_large": {
        "en": (
            "{attribute} {value} is about {factor} times larger than the other values of "
            "the same pull ({typical}): a unit or decimal slip?",
            "check it against the lab notebook (fraction or percent, mg or g, a misplaced "
            "decimal mark).",
        ),
        "id": (
            "{attribute} {value} kira-kira {factor} kali lebih besar daripada nilai lain "
            "pada pengambilan yang sama ({typical}): salah satuan atau salah koma?",
            "cocokkan dengan buku catatan lab (pecahan atau persen, mg atau g, letak koma "
            "desimal).",
        ),
    },
    "check_implausible": {
        "en": (
            "{attribute} {value} {unit} is outside the plausible range {low} to {high} {unit}.",
            "check the value and the unit of the column.",
        ),
        "id": (
            "{attribute} {value} {unit} di luar rentang wajar {low} sampai {high} {unit}.",
            "periksa nilai dan satuan kolomnya.",
        ),
    },
    "check_replicate_invalid": {
        "en": (
            "replicate '{value}' is not a whole number from 1 to {n}.",
            "number the replicates 1 to {n} as in the blank sheet.",
        ),
        "id": (
            "ulangan '{value}' bukan bilangan bulat 1 sampai {n}.",
            "beri nomor ulangan 1 sampai {n} seperti pada lembar kosong.",
        ),
    },
    "check_unplanned_replicate": {
        "en": (
            "replicate {value} is not in the plan (replicates 1 to {n}).",
            "correct the number, or keep the row as an extra sample: the analysis uses it.",
        ),
        "id": (
            "ulangan {value} tidak ada dalam rencana (ulangan 1 sampai {n}).",
            "perbaiki nomornya, atau biarkan sebagai sampel tambahan: analisis memakainya.",
        ),
    },
    "check_unplanned_batch": {
        "en": (
            "batch '{value}' is not in the plan (batches: {batches}).",
            "correct the batch name, or add the batch to study.toml if it was planned.",
        ),
        "id": (
            "batch '{value}' tidak ada dalam rencana (batch: {batches}).",
            "perbaiki nama batch, atau tambahkan ke study.toml bila memang direncanakan.",
        ),
    },
    "check_unplanned_temperature": {
        "en": (
            "{n} row(s) at {temperature} °C: the plan has no chamber at that temperature "
            "(chambers: {chambers}).",
            "correct the temperature, or add the chamber to study.toml if it was planned; "
            "the analysis uses the rows as entered.",
        ),
        "id": (
            "{n} baris pada {temperature} °C: rencana tidak memiliki ruang simpan pada suhu "
            "itu (ruang simpan: {chambers}).",
            "perbaiki suhunya, atau tambahkan ruang simpan ke study.toml bila memang "
            "direncanakan; analisis memakai baris tersebut apa adanya.",
        ),
    },
    "check_temperature_offset": {
        "en": (
            "{n} row(s) of the {condition} chamber give {temperature} °C; the analysis uses "
            "the temperatures as written.",
            "write one temperature for the chamber (its set-point, or its logged mean) in "
            "every row.",
        ),
        "id": (
            "{n} baris dari ruang simpan {condition} menyebut {temperature} °C; analisis "
            "memakai suhu sebagaimana tertulis.",
            "tulis satu suhu untuk ruang simpan itu (set-point, atau rata-rata logger) di "
            "setiap baris.",
        ),
    },
    "check_unplanned_time": {
        "en": (
            "a pull at {time} {unit} ({condition}, replicate {replicate}) is not in the "
            "plan (nearest planned pull: {planned} {unit}).",
            "correct the time, or keep the row if it was an extra pull: the analysis uses it.",
        ),
        "id": (
            "pengambilan pada {time} {unit} ({condition}, ulangan {replicate}) tidak ada "
            "dalam rencana (rencana terdekat: {planned} {unit}).",
            "perbaiki waktunya, atau biarkan bila memang pengambilan tambahan: analisis "
            "memakainya.",
        ),
    },
    "check_out_of_window": {
        "en": (
            "pull {pull} at {condition} (replicate {replicate}) was entered at day {day}, "
            "outside its window, day {low} to {high} (planned {date}).",
            "check the time in the sheet; if it is right, the analysis uses it as entered.",
        ),
        "id": (
            "pengambilan {pull} pada {condition} (ulangan {replicate}) tercatat pada hari "
            "ke-{day}, di luar jendelanya, hari ke-{low} sampai ke-{high} (rencana {date}).",
            "periksa waktu di lembar data; bila benar, analisis memakainya apa adanya.",
        ),
    },
    "check_duplicate_row": {
        "en": (
            "rows {rows} are the same sample ({condition}, pull {pull}, replicate "
            "{replicate}) with identical values: a copied row.",
            "delete one of them; otherwise it counts twice in the fit.",
        ),
        "id": (
            "baris {rows} adalah sampel yang sama ({condition}, pengambilan {pull}, ulangan "
            "{replicate}) dengan nilai identik: baris tersalin.",
            "hapus salah satunya; bila tidak, sampel itu terhitung dua kali dalam fit.",
        ),
    },
    "check_duplicate_conflict": {
        "en": (
            "rows {rows} are the same sample ({condition}, pull {pull}, replicate "
            "{replicate}) with different values.",
            "keep the right row; if they were extra samples, give them their own replicate "
            "numbers.",
        ),
        "id": (
            "baris {rows} adalah sampel yang sama ({condition}, pengambilan {pull}, ulangan "
            "{replicate}) dengan nilai berbeda.",
            "pertahankan baris yang benar; bila memang sampel tambahan, beri nomor ulangan "
            "sendiri.",
        ),
    },
    "check_missing_pull": {
        "en": (
            "no values for pull {pull} at {condition} (day {day}, {date}).",
            "enter the results, or record why the pull was not made.",
        ),
        "id": (
            "tidak ada nilai untuk pengambilan {pull} pada {condition} (hari ke-{day}, {date}).",
            "isi hasilnya, atau catat mengapa pengambilan tidak dilakukan.",
        ),
    },
    "check_missing_sample": {
        "en": (
            "no values for replicate(s) {replicates} of pull {pull} at {condition} (day {day}).",
            "enter the results, or record why the samples are missing.",
        ),
        "id": (
            "tidak ada nilai untuk ulangan {replicates} pada pengambilan {pull} di "
            "{condition} (hari ke-{day}).",
            "isi hasilnya, atau catat mengapa sampel tersebut tidak ada.",
        ),
    },
    "check_missing_value": {
        "en": (
            "{attribute}: no value for replicate(s) {replicates} of pull {pull} at "
            "{condition} (day {day}).",
            "enter the result, or leave it empty if it was not measured.",
        ),
        "id": (
            "{attribute}: tidak ada nilai untuk ulangan {replicates} pada pengambilan {pull} "
            "di {condition} (hari ke-{day}).",
            "isi hasilnya, atau biarkan kosong bila memang tidak diukur.",
        ),
    },
    "check_pending": {
        "en": ("pull(s) {pulls} at {condition} (from {date}) have no data yet.", ""),
        "id": ("pengambilan {pulls} pada {condition} (mulai {date}) belum berisi data.", ""),
    },
    "check_outlier": {
        "en": (
            "{attribute} {value} (replicate {replicate}) is far from the other replicates "
            "of pull {pull} at {condition} ({others}; robust z = {z}).",
            "check the value; keep it only if the lab record explains it.",
        ),
        "id": (
            "{attribute} {value} (ulangan {replicate}) jauh dari ulangan lain pada "
            "pengambilan {pull} di {condition} ({others}; z robust = {z}).",
            "periksa nilainya; pertahankan hanya bila catatan lab menjelaskannya.",
        ),
    },
    "check_replicates_disagree": {
        "en": (
            "the replicates of {attribute} at pull {pull}, {condition} ({values}) differ far "
            "more than replicates usually do in this study (z = {z}).",
            "check both values.",
        ),
        "id": (
            "ulangan {attribute} pada pengambilan {pull}, {condition} ({values}) berbeda "
            "jauh lebih besar daripada biasanya dalam studi ini (z = {z}).",
            "periksa kedua nilai.",
        ),
    },
    "check_analysis_blocked": {
        "en": ("the analysis cannot read the data yet: {reason}", ""),
        "id": ("analisis belum dapat membaca data: {reason}", ""),
    },
    "check_internal": {
        "en": (
            "part of the check ({step}) failed unexpectedly: {reason}.",
            "the other checks ran; please report this together with the data file.",
        ),
        "id": (
            "sebagian pemeriksaan ({step}) gagal secara tak terduga: {reason}.",
            "pemeriksaan lain tetap berjalan; mohon laporkan ini beserta berkas datanya.",
        ),
    },
    "check_logger_summary": {
        "en": (
            "logger {logger} in the {condition} chamber: mean {mean} °C, min {low} °C, max "
            "{high} °C, mean kinetic temperature {mkt} °C; {n} readings every {interval} "
            "from {first} to {last}.",
            "",
        ),
        "id": (
            "logger {logger} di ruang simpan {condition}: rata-rata {mean} °C, min {low} °C, "
            "maks {high} °C, suhu kinetik rata-rata {mkt} °C; {n} pembacaan setiap "
            "{interval} dari {first} sampai {last}.",
            "",
        ),
    },
    "check_logger_excursion": {
        "en": (
            "the {condition} chamber (logger {logger}) was outside {setpoint} ± {tolerance} °C "
            "for {hours} h ({percent} % of the time) in {count} excursion(s); the longest "
            "lasted {longest} h from {start}, extreme {extreme} °C.",
            "record the cause; if the excursions are long, the chamber temperature in the "
            "data (or the logged mean) may not represent the storage.",
        ),
        "id": (
            "ruang simpan {condition} (logger {logger}) berada di luar {setpoint} ± "
            "{tolerance} °C selama {hours} jam ({percent} % waktu) dalam {count} kejadian; "
            "yang terpanjang {longest} jam mulai {start}, suhu ekstrem {extreme} °C.",
            "catat penyebabnya; bila penyimpangannya lama, suhu ruang di data (atau rata-rata "
            "logger) mungkin tidak mewakili penyimpanan.",
        ),
    },
    "check_logger_mean_off": {
        "en": (
            "the {condition} chamber (logger {logger}) averaged {mean} °C, {delta} °C away "
            "from its set-point.",
            "consider entering the logged mean as the chamber temperature in the data sheet.",
        ),
        "id": (
            "ruang simpan {condition} (logger {logger}) rata-rata {mean} °C, berbeda "
            "{delta} °C dari set-point.",
            "pertimbangkan memakai rata-rata logger sebagai suhu ruang simpan di lembar data.",
        ),
    },
    "check_logger_gap": {
        "en": (
            "logger {logger} ({condition}) has {count} gap(s) without readings, {hours} h in "
            "all; the longest lasted {longest} h from {start}.",
            "check the logger battery and memory; the chamber was not watched during the gaps.",
        ),
        "id": (
            "logger {logger} ({condition}) memiliki {count} celah tanpa pembacaan, total "
            "{hours} jam; yang terpanjang {longest} jam mulai {start}.",
            "periksa baterai dan memori logger; ruang simpan tidak terpantau selama celah itu.",
        ),
    },
    "check_logger_coverage": {
        "en": (
            "logger {logger} ({condition}) covers {first} to {last}, but the chamber's pulls "
            "run from {start} to {end}.",
            "add the logger files of the missing period, if there are any.",
        ),
        "id": (
            "logger {logger} ({condition}) mencakup {first} sampai {last}, tetapi "
            "pengambilan ruang simpan berlangsung dari {start} sampai {end}.",
            "tambahkan berkas logger untuk periode yang belum tercakup, bila ada.",
        ),
    },
    "check_logger_unmatched": {
        "en": (
            "logger {logger} averaged {mean} °C, which matches no chamber of the plan "
            "({chambers}).",
            "check that the file belongs to this study.",
        ),
        "id": (
            "logger {logger} rata-rata {mean} °C, tidak cocok dengan ruang simpan mana pun "
            "({chambers}).",
            "periksa apakah berkas itu milik studi ini.",
        ),
    },
    "check_logger_no_overlap": {
        "en": (
            "logger {logger} runs from {first} to {last}, outside the study ({start} to {end}).",
            "check the file and the logger clock.",
        ),
        "id": (
            "logger {logger} berjalan dari {first} sampai {last}, di luar masa studi "
            "({start} sampai {end}).",
            "periksa berkasnya dan jam logger.",
        ),
    },
    "check_logger_none": {
        "en": ("no logger file was given for the {condition} chamber.", ""),
        "id": ("tidak ada berkas logger untuk ruang simpan {condition}.", ""),
    },
}


def _merge_topics() -> None:
    """Merge the topic catalogues of :mod:`shelflife.msgcat` (codes must be unique)."""
    import importlib

    from .msgcat import TOPICS

    for topic in TOPICS:
        extra = importlib.import_module(f"shelflife.msgcat.{topic}").MESSAGES
        clash = sorted(set(extra) & set(MESSAGES))
        if clash:  # pragma: no cover - guarded by tests/test_messages.py
            raise RuntimeError(f"message codes defined twice: {clash}")
        MESSAGES.update(extra)


_merge_topics()

_WORDS = {
    "above": {"en": "above", "id": "di atas"},
    "below": {"en": "below", "id": "di bawah"},
    "rising": {"en": "it rises", "id": "nilainya naik"},
    "falling": {"en": "it falls", "id": "nilainya turun"},
    "zero": {"en": "zero", "id": "nol"},
    "first": {"en": "first", "id": "satu"},
}


def word(key: str, lang: str = "en") -> str:
    """Translate a short word used inside message parameters."""
    return _WORDS.get(key, {}).get(lang, key)


def _localise(value: Any, lang: str) -> Any:
    """Translate known words; write floats with 3 significant digits (decimal comma in id)."""
    if isinstance(value, str) and value in _WORDS:
        return word(value, lang)
    if isinstance(value, float):
        text = f"{value:.3g}"
        return text.replace(".", ",") if lang == "id" else text
    return value


def render(code: str, lang: str = "en", **params: Any) -> tuple[str, str]:
    """Return ``(what, fix)`` for message ``code`` in ``lang``.

    Unknown languages fall back to English; missing template fields are shown as ``?`` so
    that a message is never lost to a formatting error.
    """
    entry = MESSAGES.get(code)
    if entry is None:
        return (f"{code}: {params}", "")
    what, fix = entry.get(lang, entry["en"])
    params = {k: _localise(v, lang) for k, v in params.items()}

    class _Default(dict):
        def __missing__(self, key: str) -> str:
            return "?"

    fmt = _Default(params)
    return what.format_map(fmt), fix.format_map(fmt)
