"""Messages of reading a study: data sheets and study.toml (see :mod:`shelflife.msgcat`).

Errors of the data files, of ``study.toml`` and of the readers (:mod:`shelflife.io`), and
the ``hint_*`` parts that other messages carry (see :mod:`shelflife.io._hints`).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
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
}
