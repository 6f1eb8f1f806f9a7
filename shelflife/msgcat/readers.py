"""Messages of the readers' size bounds and plausibility checks (issue 10, bad inputs).

Errors and notices found by the catalogue of bad inputs (``tests/bad_inputs``): files too
big for a lab, zip bombs, mixed encodings, decimal marks and header rows that would give a
silently wrong number, values whose unit is plausibly another one (°F written as °C, kelvin
as °C, a water activity as % RH), and data files outside the study folder. Codes
``hint_*`` are translated parameters of other messages (see :mod:`shelflife.io._hints`).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # --------------------------------------------------------------- size bounds
    "file_too_large": {
        "en": (
            "the file is too large: {size} MB, while a {kind} may have at most {limit} MB.",
            "check that this is the right file: a {kind} of a food study is far smaller.",
        ),
        "id": (
            "berkas terlalu besar: {size} MB, padahal {kind} paling besar {limit} MB.",
            "periksa apakah berkasnya benar: {kind} studi pangan jauh lebih kecil.",
        ),
    },
    "hint_kind_sheet": {
        "en": ("data sheet", ""),
        "id": ("lembar data", ""),
    },
    "hint_kind_logger": {
        "en": ("logger export", ""),
        "id": ("ekspor logger", ""),
    },
    "hint_kind_toml": {
        "en": ("TOML file", ""),
        "id": ("berkas TOML", ""),
    },
    "xlsx_too_large": {
        "en": (
            "the workbook part '{member}' unpacks to {size} MB, more than the {limit} MB a "
            "data sheet can need: the file is damaged or a 'zip bomb'.",
            "open the workbook in Excel, copy the table into a new workbook and save that, or "
            "export the sheet as CSV.",
        ),
        "id": (
            "bagian workbook '{member}' mengembang menjadi {size} MB, lebih dari {limit} MB "
            "yang mungkin diperlukan lembar data: berkas rusak atau berupa 'zip bomb'.",
            "buka workbook di Excel, salin tabelnya ke workbook baru lalu simpan, atau ekspor "
            "lembarnya sebagai CSV.",
        ),
    },
    "xlsx_compression_ratio": {
        "en": (
            "the workbook part '{member}' unpacks to {ratio} times its packed size; a sheet "
            "of measurements packs at most about {limit} times: the file is a 'zip bomb' or "
            "damaged.",
            "open the workbook in Excel, copy the table into a new workbook and save that, or "
            "export the sheet as CSV.",
        ),
        "id": (
            "bagian workbook '{member}' mengembang {ratio} kali ukuran terkemasnya; lembar "
            "pengukuran paling banyak sekitar {limit} kali: berkas berupa 'zip bomb' atau "
            "rusak.",
            "buka workbook di Excel, salin tabelnya ke workbook baru lalu simpan, atau ekspor "
            "lembarnya sebagai CSV.",
        ),
    },
    "table_too_large": {
        "en": (
            "the sheet holds more than {limit} cells ({detail}); a data sheet of a food study "
            "holds far fewer.",
            "check that this is the right file; delete the empty or unrelated rows and "
            "columns, or split the data into several studies.",
        ),
        "id": (
            "lembar ini memuat lebih dari {limit} sel ({detail}); lembar data studi pangan "
            "memuat jauh lebih sedikit.",
            "periksa apakah berkasnya benar; hapus baris dan kolom kosong atau yang tidak "
            "terkait, atau bagi datanya menjadi beberapa studi.",
        ),
    },
    "hint_detail_counted": {
        "en": ("{cells} cells up to row {row}", ""),
        "id": ("{cells} sel sampai baris {row}", ""),
    },
    "hint_detail_dimension": {
        "en": ("the sheet declares the range {range}", ""),
        "id": ("lembar menyatakan rentang {range}", ""),
    },
    # ------------------------------------------------------------ file contents
    "hint_reason_xls": {
        "en": ("it is an old Excel 97-2003 workbook (.xls)", ""),
        "id": ("berkas ini workbook Excel 97-2003 lama (.xls)", ""),
    },
    "hint_reason_not_text": {
        "en": ("it is not a text file", ""),
        "id": ("berkas ini bukan berkas teks", ""),
    },
    "hint_reason_binary_kind": {
        "en": ("it is a {kind} file, not a table", ""),
        "id": ("berkas ini berformat {kind}, bukan tabel", ""),
    },
    "text_mixed_encoding": {
        "en": (
            "the file mixes two text encodings: this line is not UTF-8, although other lines "
            "are (e.g. text pasted from another program).",
            "save the file again as 'CSV UTF-8' (Excel: File > Save As) or as UTF-8 in your "
            "text editor.",
        ),
        "id": (
            "berkas mencampur dua pengodean teks: baris ini bukan UTF-8, padahal baris lain "
            "UTF-8 (mis. teks yang ditempel dari program lain).",
            "simpan ulang berkas sebagai 'CSV UTF-8' (Excel: File > Save As) atau sebagai "
            "UTF-8 di penyunting teks.",
        ),
    },
    "row_wider_than_header": {
        "en": (
            "the row has {n} cells but the header only {width}: '{value}' stands in a column "
            "without a header. In a comma-separated file a decimal comma splits a number "
            "(1,15 becomes 1 and 15).",
            "save the file with semicolons as separator (or with decimal points), or give the "
            "extra column a header.",
        ),
        "id": (
            "baris ini memiliki {n} sel tetapi header hanya {width}: '{value}' berada di kolom "
            "tanpa header. Pada berkas berpemisah koma, koma desimal memecah angka (1,15 "
            "menjadi 1 dan 15).",
            "simpan berkas dengan titik koma sebagai pemisah (atau dengan titik desimal), "
            "atau beri header pada kolom tambahan itu.",
        ),
    },
    "header_two_rows": {
        "en": (
            "this row holds only units ({units}) below the header row: the header spans two "
            "rows, so the units would be read as measurements.",
            "write each unit into the header, e.g. '{example}', and delete this row.",
        ),
        "id": (
            "baris ini hanya berisi satuan ({units}) di bawah baris header: header terbagi "
            "dua baris, sehingga satuan akan terbaca sebagai pengukuran.",
            "tulis setiap satuan di header, mis. '{example}', lalu hapus baris ini.",
        ),
    },
    "header_not_first_row": {
        "en": (
            "this row ('{title}') is read as the header, but the table's header seems to be "
            "row {header_row} ({found}).",
            "delete the rows above the header (titles, notes, merged cells) so that the "
            "header is the first filled row.",
        ),
        "id": (
            "baris ini ('{title}') terbaca sebagai header, padahal header tabel tampaknya "
            "baris {header_row} ({found}).",
            "hapus baris di atas header (judul, catatan, sel gabungan) agar header menjadi "
            "baris terisi pertama.",
        ),
    },
    "xlsx_formula_no_value": {
        "en": (
            "the cell holds a formula ({formula}) saved without its result (the workbook was "
            "written by a program that does not calculate, or never recalculated).",
            "open the workbook in Excel, recalculate (F9) and save it; or copy the sheet and "
            "use Paste Special > Values.",
        ),
        "id": (
            "sel berisi rumus ({formula}) yang disimpan tanpa hasilnya (workbook ditulis "
            "program yang tidak menghitung, atau tidak pernah dihitung ulang).",
            "buka workbook di Excel, hitung ulang (F9) lalu simpan; atau salin lembarnya dan "
            "gunakan Paste Special > Values.",
        ),
    },
    # ---------------------------------------------------------------- the cells
    "cell_decimal_ambiguous": {
        "en": (
            "'{value}' can be a decimal number or the whole number {other} (with a thousands "
            "separator): the file does not use one decimal mark throughout.",
            "write the number without a thousands separator and with the decimal mark of the "
            "rest of the file.",
        ),
        "id": (
            "'{value}' dapat berupa angka desimal atau bilangan bulat {other} (dengan pemisah "
            "ribuan): berkas tidak memakai satu tanda desimal secara konsisten.",
            "tulis angka tanpa pemisah ribuan dan dengan tanda desimal yang sama dengan bagian "
            "lain berkas.",
        ),
    },
    "cell_unit_in_cell": {
        "en": (
            "'{value}' holds a unit; a cell must hold only the number.",
            "write the unit once in the header, e.g. '{example}', and only numbers in the cells.",
        ),
        "id": (
            "'{value}' memuat satuan; sel hanya boleh berisi angka.",
            "tulis satuannya sekali di header, mis. '{example}', dan hanya angka di sel.",
        ),
    },
    "temperature_looks_kelvin": {
        "en": (
            "every temperature of the column ({values}) is above 100 °C; read as kelvin "
            "they are {celsius} °C: the column seems to hold kelvin.",
            "write the unit K in the header ('{example}'), or convert the values to °C.",
        ),
        "id": (
            "semua suhu pada kolom ({values}) di atas 100 °C; dibaca sebagai kelvin nilainya "
            "{celsius} °C: kolom tampaknya berisi kelvin.",
            "tulis satuan K di header ('{example}'), atau ubah nilainya ke °C.",
        ),
    },
    "no_pulls_after_start": {
        "en": (
            "every measurement is at storage time 0: no change over time can be estimated.",
            "enter the measurements of the later pulls (time above 0) before analysing.",
        ),
        "id": (
            "semua pengukuran pada waktu simpan 0: perubahan terhadap waktu tidak dapat diduga.",
            "isikan pengukuran pengambilan berikutnya (waktu di atas 0) sebelum analisis.",
        ),
    },
    "data_path_outside": {
        "en": (
            "the data file '{value}' lies outside the study folder ({folder}).",
            "put the file into the study folder and name it relative to the folder, e.g. "
            'data = "data.csv".',
        ),
        "id": (
            "berkas data '{value}' berada di luar folder studi ({folder}).",
            "letakkan berkas di folder studi dan tulis namanya relatif terhadap folder itu, "
            'mis. data = "data.csv".',
        ),
    },
    # ------------------------------------------------- plausibility notices (warnings)
    "temperature_maybe_fahrenheit": {
        "en": (
            "every storage temperature ({values}) is 55 °C or hotter, unusual for a food "
            "storage study; read as °F they would be {celsius} °C.",
            "check the unit in the temperature header; if the chambers were set in °F, "
            "write 'temperature [°F]'.",
        ),
        "id": (
            "semua suhu simpan ({values}) 55 °C atau lebih panas, tidak lazim untuk studi "
            "penyimpanan pangan; bila dibaca sebagai °F nilainya {celsius} °C.",
            "periksa satuan di header suhu; bila ruang simpan diatur dalam °F, tulis "
            "'temperature [°F]'.",
        ),
    },
    "rh_looks_like_fraction": {
        "en": (
            "the relative humidity '{source}' is at most {high} %: values between 0 and 1 are "
            "water activities (fractions), not percent.",
            "write the percentage (75 % for a water activity of 0.75).",
        ),
        "id": (
            "kelembapan relatif '{source}' paling tinggi {high} %: nilai antara 0 dan 1 adalah "
            "aktivitas air (pecahan), bukan persen.",
            "tulis persentasenya (75 % untuk aktivitas air 0,75).",
        ),
    },
    "data_duplicate_rows": {
        "en": (
            "{n} rows repeat an earlier row exactly (rows {rows}); each is fitted as another "
            "measurement.",
            "delete rows that were pasted twice; true replicates get their own number in a "
            "replicate column.",
        ),
        "id": (
            "{n} baris mengulang persis baris sebelumnya (baris {rows}); masing-masing "
            "dihitung sebagai pengukuran tersendiri.",
            "hapus baris yang tertempel dua kali; ulangan yang sebenarnya diberi nomor "
            "sendiri di kolom ulangan.",
        ),
    },
    "decimal_mixed": {
        "en": (
            "the data sheet mixes decimal commas ({comma} in row {comma_row}) and decimal "
            "points ({point} in row {point_row}); each cell was read with its own mark.",
            "check these values and use one decimal mark throughout the sheet.",
        ),
        "id": (
            "lembar data mencampur koma desimal ({comma} pada baris {comma_row}) dan titik "
            "desimal ({point} pada baris {point_row}); setiap sel dibaca dengan tandanya "
            "sendiri.",
            "periksa nilai-nilai ini dan gunakan satu tanda desimal di seluruh lembar.",
        ),
    },
    "logger_maybe_fahrenheit": {
        "en": (
            "the readings under '{column}' are mostly 65 °C or hotter (median {median} °C), "
            "unusual for storage or transport; read as °F they would be {celsius} °C.",
            "check the unit of the temperature column; if the logger records °F, write °F in "
            "its header.",
        ),
        "id": (
            "pembacaan pada '{column}' sebagian besar 65 °C atau lebih panas (median {median} "
            "°C), tidak lazim untuk penyimpanan atau pengiriman; bila dibaca sebagai °F "
            "nilainya {celsius} °C.",
            "periksa satuan kolom suhu; bila logger mencatat °F, tulis °F di header-nya.",
        ),
    },
    # ------------------------------------------------------- TOML value bounds
    "hint_at_most": {
        "en": ("it must be at most {le}", "write e.g. {example}."),
        "id": ("paling besar harus {le}", "tulis misalnya {example}."),
    },
    "hint_above": {
        "en": ("it must be greater than {gt}", "write e.g. {example}."),
        "id": ("harus lebih besar dari {gt}", "tulis misalnya {example}."),
    },
    "hint_below": {
        "en": ("it must be less than {lt}", "write e.g. {example}."),
        "id": ("harus lebih kecil dari {lt}", "tulis misalnya {example}."),
    },
    # ------------------------------------------------------------------ markets
    "market_pattern_field": {
        "en": (
            "the date pattern '{pattern}' uses '{field}', which is not a calendar day, month "
            "or year (D is the day of the year, Y the week-based year, m the minutes).",
            "use d for the day, M for the month and y for the year, e.g. dd.MM.yyyy.",
        ),
        "id": (
            "pola tanggal '{pattern}' memakai '{field}', yang bukan hari, bulan atau tahun "
            "kalender (D adalah hari ke-n dalam tahun, Y tahun berbasis minggu, m menit).",
            "gunakan d untuk hari, M untuk bulan dan y untuk tahun, mis. dd.MM.yyyy.",
        ),
    },
}
