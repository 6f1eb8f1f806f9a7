"""Messages for hostile and damaged input found by fuzzing the readers (issue 10).

Codes ``hint_reason_*`` are the translated ``{reason}`` of ``file_unreadable`` (see
:mod:`shelflife.io._hints`); the others are errors of their own.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    "hint_reason_utf16": {
        "en": ("it starts with a UTF-16 byte-order mark but is not valid UTF-16 text", ""),
        "id": (
            "berkas diawali penanda urutan byte (BOM) UTF-16 tetapi isinya bukan teks UTF-16 "
            "yang sah",
            "",
        ),
    },
    "hint_reason_xlsx_damaged": {
        "en": ("the workbook is damaged ({detail})", ""),
        "id": ("buku kerja rusak ({detail})", ""),
    },
    "hint_reason_xlsx_no_sheet": {
        "en": ("the workbook has no worksheet", ""),
        "id": ("buku kerja tidak memiliki lembar kerja", ""),
    },
    "hint_reason_too_many_columns": {
        "en": ("the table has {n} columns, more than a spreadsheet can hold ({limit})", ""),
        "id": (
            "tabel memiliki {n} kolom, lebih dari yang dapat dimuat lembar kerja ({limit})",
            "",
        ),
    },
    "hint_reason_too_many_rows": {
        "en": ("the sheet reaches beyond row {limit}, the last row of a spreadsheet", ""),
        "id": ("lembar kerja melewati baris {limit}, baris terakhir sebuah lembar kerja", ""),
    },
    "logger_line_too_wide": {
        "en": (
            "the line has {n} cells; no logger export has more than {limit}.",
            "the file is damaged: export it again from the logger software.",
        ),
        "id": (
            "baris ini memiliki {n} sel; tidak ada ekspor logger yang lebih dari {limit}.",
            "berkas rusak: ekspor ulang dari perangkat lunak logger.",
        ),
    },
    "market_locale_unknown": {
        "en": (
            "'{locale}' is not a locale the date formatter knows.",
            "use a language code such as en, id, ja, zh, ar or ms, optionally with a region "
            "(en_AU).",
        ),
        "id": (
            "'{locale}' bukan lokal yang dikenal pemformat tanggal.",
            "gunakan kode bahasa seperti en, id, ja, zh, ar atau ms, boleh dengan wilayah "
            "(en_AU).",
        ),
    },
    "market_pattern_invalid": {
        "en": (
            "the date pattern '{pattern}' cannot format a date.",
            "write a CLDR date pattern of day, month and year fields only, e.g. dd.MM.yyyy, "
            "MM/yyyy or yyyy.",
        ),
        "id": (
            "pola tanggal '{pattern}' tidak dapat memformat tanggal.",
            "tulis pola tanggal CLDR yang hanya memuat hari, bulan dan tahun, mis. dd.MM.yyyy, "
            "MM/yyyy atau yyyy.",
        ),
    },
    "market_template_invalid": {
        "en": (
            "the template '{template}' cannot be filled in.",
            "write {{n}} where the number goes and no other braces, e.g. '{{n}} months'.",
        ),
        "id": (
            "templat '{template}' tidak dapat diisi.",
            "tulis {{n}} di tempat angka dan jangan memakai kurung kurawal lain, mis. "
            "'{{n}} bulan'.",
        ),
    },
    "plan_too_large": {
        "en": (
            "the plan asks for {samples} samples (pulls x replicates x batches), more than "
            "{limit}: not a lab study.",
            "check replicates, batches and the number of pulls.",
        ),
        "id": (
            "rencana ini meminta {samples} sampel (pengambilan x ulangan x batch), lebih dari "
            "{limit}: bukan studi laboratorium.",
            "periksa replicates, batches dan jumlah pengambilan.",
        ),
    },
    "pull_time_too_late": {
        "en": (
            "pull time {value} {unit} is more than {years} years after the start of storage.",
            "check the pull time and the plan's time_unit.",
        ),
        "id": (
            "waktu pengambilan {value} {unit} lebih dari {years} tahun setelah awal penyimpanan.",
            "periksa waktu pengambilan dan time_unit rencana.",
        ),
    },
    "start_date_out_of_range": {
        "en": (
            "start date {value} is outside the years {low} to {high}.",
            "write the date the samples go into the chambers, e.g. 2027-01-04.",
        ),
        "id": (
            "tanggal mulai {value} di luar tahun {low} sampai {high}.",
            "tulis tanggal sampel masuk ruang simpan, mis. 2027-01-04.",
        ),
    },
    "time_overflow": {
        "en": (
            "storage time {value} is too large to be counted in days.",
            "check the value and the unit of the time column.",
        ),
        "id": (
            "waktu simpan {value} terlalu besar untuk dihitung dalam hari.",
            "periksa nilai dan satuan kolom waktu.",
        ),
    },
    "duration_too_long": {
        "en": ("{value!r} is longer than {years} years.", "check the number and its unit."),
        "id": ("{value!r} lebih lama dari {years} tahun.", "periksa angka dan satuannya."),
    },
    "pull_time_not_finite": {
        "en": (
            "pull time {value} is not a finite number.",
            "write the pull times as ordinary numbers in the plan's time unit, e.g. "
            "[0, 7, 14, 21].",
        ),
        "id": (
            "waktu pengambilan {value} bukan angka terhingga.",
            "tulis waktu pengambilan sebagai angka biasa dalam satuan waktu rencana, mis. "
            "[0, 7, 14, 21].",
        ),
    },
    "quantity_not_positive": {
        "en": (
            "{value!r} must be greater than zero.",
            'write a positive quantity, e.g. "{example}".',
        ),
        "id": (
            "{value!r} harus lebih besar dari nol.",
            'tulis besaran positif, mis. "{example}".',
        ),
    },
    "quantity_not_finite": {
        "en": (
            "{value!r} is not a finite quantity (nan, inf and numbers beyond 1e308 are not "
            "measurements).",
            'write an ordinary number with its unit, e.g. "{example}".',
        ),
        "id": (
            "{value!r} bukan besaran terhingga (nan, inf dan angka di atas 1e308 bukan hasil "
            "pengukuran).",
            'tulis angka biasa beserta satuannya, mis. "{example}".',
        ),
    },
}
