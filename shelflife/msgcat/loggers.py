"""Messages of the loggers topic (see :mod:`shelflife.msgcat`).

Errors and notices of :mod:`shelflife.loggers` (reading temperature/RH data-logger
exports). Line numbers are those a text editor shows (1-based).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------ the file itself
    "logger_binary_format": {
        "en": (
            "the file is in {kind} format, not a text export.",
            "export the logger data as text or CSV (in Excel: File > Save As > CSV), whatever "
            "the file extension says.",
        ),
        "id": (
            "berkas ini berformat {kind}, bukan ekspor teks.",
            "ekspor data logger sebagai teks atau CSV (di Excel: File > Save As > CSV), apa "
            "pun ekstensi berkasnya.",
        ),
    },
    "logger_not_text": {
        "en": (
            "the file is not text (it holds binary data).",
            "export the logger data again as text or CSV from the logger software.",
        ),
        "id": (
            "berkas ini bukan teks (berisi data biner).",
            "ekspor ulang data logger sebagai teks atau CSV dari perangkat lunak logger.",
        ),
    },
    "logger_no_header": {
        "en": (
            "no line of the file has both a time and a temperature column (first line: "
            "'{first}').",
            "export the logger as text or CSV with its table header (e.g. 'Time' and '°C').",
        ),
        "id": (
            "tidak ada baris berkas yang memiliki kolom waktu dan kolom suhu sekaligus "
            "(baris pertama: '{first}').",
            "ekspor logger sebagai teks atau CSV beserta header tabelnya (mis. 'Time' dan '°C').",
        ),
    },
    "logger_no_time_column": {
        "en": (
            "the table has no date/time column (headers: {headers}).",
            "export the readings with their timestamps, or add a column named 'Time' with the "
            "date and time of each reading.",
        ),
        "id": (
            "tabel tidak memiliki kolom tanggal/waktu (header: {headers}).",
            "ekspor pembacaan beserta cap waktunya, atau tambahkan kolom bernama 'Time' berisi "
            "tanggal dan jam setiap pembacaan.",
        ),
    },
    "logger_no_temperature_column": {
        "en": (
            "the table has no temperature column (headers: {headers}).",
            "export the temperature channel too, with its unit in the header "
            "(e.g. 'Temperature (°C)').",
        ),
        "id": (
            "tabel tidak memiliki kolom suhu (header: {headers}).",
            "ekspor juga kanal suhu, dengan satuannya di header (mis. 'Suhu (°C)').",
        ),
    },
    # ------------------------------------------------------------------- units
    "logger_unit_missing": {
        "en": (
            "the temperature column (header on line {line}) gives no unit.",
            "write the unit in the header, e.g. 'Temperature (°C)' or 'Temperature (°F)'.",
        ),
        "id": (
            "kolom suhu (header di baris {line}) tidak mencantumkan satuan.",
            "tulis satuannya di header, mis. 'Suhu (°C)' atau 'Suhu (°F)'.",
        ),
    },
    "logger_unit_unknown": {
        "en": (
            "the temperature column (header on line {line}) is in '{unit}', which is not °C, "
            "°F or K.",
            "export the logger in °C or °F, or correct the unit in the header "
            "(e.g. 'Temperature (°C)').",
        ),
        "id": (
            "kolom suhu (header di baris {line}) bersatuan '{unit}', bukan °C, °F atau K.",
            "ekspor logger dalam °C atau °F, atau perbaiki satuan di header (mis. 'Suhu (°C)').",
        ),
    },
    # -------------------------------------------------------------- time zones
    "logger_timezone_unknown": {
        "en": (
            "time zone '{value}' is not understood.",
            "write an offset such as 'UTC+07:00', an abbreviation such as 'WIB', or a name such "
            "as 'Asia/Jakarta'.",
        ),
        "id": (
            "zona waktu '{value}' tidak dikenali.",
            "tulis selisih waktu seperti 'UTC+07:00', singkatan seperti 'WIB', atau nama "
            "seperti 'Asia/Jakarta'.",
        ),
    },
    "logger_timezone_convert": {
        "en": (
            "the file's clock follows daylight saving time ({source}), so it cannot be "
            "converted to {target}.",
            "export the file in UTC or in standard time, or read it without timezone=.",
        ),
        "id": (
            "jam berkas mengikuti waktu musim panas ({source}), sehingga tidak dapat diubah "
            "ke {target}.",
            "ekspor berkas dalam UTC atau waktu standar, atau baca tanpa timezone=.",
        ),
    },
    "logger_timezone_converted": {
        "en": (
            "the timestamps were converted from {source} (stated in the file) to {target}.",
            "",
        ),
        "id": (
            "cap waktu diubah dari {source} (tertulis di berkas) ke {target}.",
            "",
        ),
    },
    # --------------------------------------------------------------- timestamps
    "logger_time_missing": {
        "en": ("a reading has no timestamp.", "export the file again from the logger software."),
        "id": (
            "sebuah pembacaan tidak memiliki waktu.",
            "ekspor ulang berkas dari perangkat lunak logger.",
        ),
    },
    "logger_time_invalid": {
        "en": (
            "'{value}' is not a date and time.",
            "export the file again with a standard date format (e.g. 2027-01-04 08:00:00).",
        ),
        "id": (
            "'{value}' bukan tanggal dan waktu.",
            "ekspor ulang berkas dengan format tanggal baku (mis. 2027-01-04 08:00:00).",
        ),
    },
    "logger_time_format_changes": {
        "en": (
            "timestamp '{value}' is written in another format than the first reading ('{first}').",
            "the file may join exports from different software or computers: export it again "
            "in one go, or write every date the same way.",
        ),
        "id": (
            "cap waktu '{value}' ditulis dengan format lain daripada pembacaan pertama "
            "('{first}').",
            "berkas mungkin menggabungkan ekspor dari perangkat lunak atau komputer berbeda: "
            "ekspor ulang sekaligus, atau tulis semua tanggal dengan cara yang sama.",
        ),
    },
    "logger_time_not_increasing": {
        "en": (
            "time '{value}' is not after the previous reading ('{previous}').",
            "the file may join two exports or the logger clock was reset: split it, or "
            "export it again.",
        ),
        "id": (
            "waktu '{value}' tidak sesudah pembacaan sebelumnya ('{previous}').",
            "berkas mungkin menggabungkan dua ekspor atau jam logger disetel ulang: pisahkan, "
            "atau ekspor ulang.",
        ),
    },
    "logger_time_dst_repeat": {
        "en": (
            "time goes back {minutes} min, from '{previous}' to '{value}': this looks like the "
            "autumn change from daylight saving to standard time, when the logger's clock "
            "repeats one hour and the wall-clock times no longer give the order of the "
            "readings.",
            "export the file in UTC/GMT or in standard time without daylight saving (HOBOware: "
            "turn daylight saving off in the export time zone), or split the file at this line.",
        ),
        "id": (
            "waktu mundur {minutes} menit, dari '{previous}' ke '{value}': ini tampaknya "
            "pergantian dari waktu musim panas ke waktu standar di musim gugur, saat jam logger "
            "mengulang satu jam sehingga jam dinding tidak lagi menunjukkan urutan pembacaan.",
            "ekspor berkas dalam UTC/GMT atau waktu standar tanpa waktu musim panas (HOBOware: "
            "matikan daylight saving pada zona waktu ekspor), atau pisahkan berkas di baris ini.",
        ),
    },
    "logger_date_order_ambiguous": {
        "en": (
            "every date in the file can be read day first or month first (e.g. '{example}'); "
            "day first was assumed, so the readings run from {first} to {last}.",
            "check these dates against the logging period; if they are wrong, export the file "
            "with a four-digit year first (2027-01-04) or with a day above 12.",
        ),
        "id": (
            "semua tanggal di berkas dapat dibaca hari dulu atau bulan dulu (mis. '{example}'); "
            "dianggap hari dulu, sehingga pembacaan berlangsung dari {first} sampai {last}.",
            "cocokkan tanggal ini dengan masa pencatatan; bila keliru, ekspor berkas dengan "
            "tahun empat digit di depan (2027-01-04) atau dengan tanggal di atas 12.",
        ),
    },
    # ----------------------------------------------------------- mixed exports
    "logger_exports_overlap": {
        "en": (
            "the export that starts on this line goes back to '{value}', before the end of the "
            "previous export ('{previous}').",
            "the file joins overlapping exports: keep one of them, or delete the readings the "
            "two have in common.",
        ),
        "id": (
            "ekspor yang dimulai di baris ini mundur ke '{value}', sebelum akhir ekspor "
            "sebelumnya ('{previous}').",
            "berkas menggabungkan ekspor yang tumpang tindih: simpan salah satunya, atau hapus "
            "pembacaan yang ada di keduanya.",
        ),
    },
    "logger_mixed_formats": {
        "en": (
            "a table header of another layout starts on this line ('{header}'): the file mixes "
            "exports of different formats.",
            "split the file into one file per export and read each one on its own.",
        ),
        "id": (
            "header tabel dengan susunan lain dimulai di baris ini ('{header}'): berkas "
            "mencampur ekspor dengan format berbeda.",
            "pisahkan berkas menjadi satu berkas per ekspor dan baca masing-masing.",
        ),
    },
    "logger_extra_cells": {
        "en": (
            "this reading has {cells} cells but the header has {header}, and so do most "
            "readings: the columns are shifted (a decimal comma in a comma-separated file?).",
            "export the file with ';' as the separator, or with a decimal point, or put the "
            "numbers in double quotes.",
        ),
        "id": (
            "pembacaan ini memiliki {cells} sel padahal header memiliki {header}, begitu pula "
            "sebagian besar pembacaan: kolomnya bergeser (koma desimal di berkas yang "
            "dipisahkan koma?).",
            "ekspor berkas dengan ';' sebagai pemisah, atau dengan titik desimal, atau beri "
            "tanda kutip ganda pada angkanya.",
        ),
    },
    "logger_table_broken": {
        "en": (
            "the table cannot be read one line at a time (a double quote opens a cell and is "
            "never closed?).",
            "open the file in a text editor, remove the stray double quotes, or export the "
            "file again.",
        ),
        "id": (
            "tabel tidak dapat dibaca baris demi baris (ada tanda kutip ganda yang membuka sel "
            "dan tidak pernah ditutup?).",
            "buka berkas di penyunting teks, hapus tanda kutip ganda yang tersesat, atau ekspor "
            "ulang berkasnya.",
        ),
    },
    "logger_two_loggers": {
        "en": (
            "a second logger ({second}) starts on this line, after logger {first}.",
            "give each logger its own file.",
        ),
        "id": (
            "logger kedua ({second}) dimulai di baris ini, setelah logger {first}.",
            "simpan setiap logger dalam berkasnya sendiri.",
        ),
    },
    "logger_concatenated": {
        "en": (
            "the file joins {count} exports of the same logger (further headers on lines "
            "{rows}); they were read as one series.",
            "",
        ),
        "id": (
            "berkas menggabungkan {count} ekspor dari logger yang sama (header berikutnya di "
            "baris {rows}); semuanya dibaca sebagai satu deret.",
            "",
        ),
    },
    "logger_duplicates_dropped": {
        "en": (
            "{count} reading(s) repeat an earlier timestamp with the same values and were "
            "dropped (lines {rows}).",
            "",
        ),
        "id": (
            "{count} pembacaan mengulang cap waktu sebelumnya dengan nilai yang sama dan "
            "dibuang (baris {rows}).",
            "",
        ),
    },
    # ------------------------------------------------------------------ values
    "logger_no_readings": {
        "en": ("the file has a header but no readings.", "export the logger data again."),
        "id": ("berkas memiliki header tetapi tanpa pembacaan.", "ekspor ulang data logger."),
    },
    "logger_no_valid_readings": {
        "en": (
            "none of the {count} readings is a valid temperature ({implausible} implausible, the "
            "others missing).",
            "check the sensor and the unit of the temperature column, and export the data again.",
        ),
        "id": (
            "tidak satu pun dari {count} pembacaan merupakan suhu yang sah ({implausible} tidak "
            "masuk akal, sisanya hilang).",
            "periksa sensor dan satuan kolom suhu, lalu ekspor ulang datanya.",
        ),
    },
    "logger_sentinel_values": {
        "en": (
            "{count} temperature reading(s) hold the logger's no-data code {values} (lines "
            "{rows}); they are treated as missing.",
            "check the sensor connection and battery for those times.",
        ),
        "id": (
            "{count} pembacaan suhu berisi kode tanpa-data logger {values} (baris {rows}); "
            "pembacaan itu dianggap hilang.",
            "periksa sambungan sensor dan baterai pada waktu-waktu itu.",
        ),
    },
    "logger_temperature_absurd": {
        "en": (
            "{count} temperature reading(s) lie outside {low} to {high} (lines {rows}; e.g. "
            "{example}); they are treated as missing.",
            "check the sensor and the unit of the temperature column.",
        ),
        "id": (
            "{count} pembacaan suhu berada di luar {low} sampai {high} (baris {rows}; mis. "
            "{example}); pembacaan itu dianggap hilang.",
            "periksa sensor dan satuan kolom suhu.",
        ),
    },
    "logger_rh_out_of_range": {
        "en": (
            "{count} relative-humidity reading(s) lie outside 0-100 % (lines {rows}; e.g. "
            "{example}); they are treated as missing.",
            "check the humidity sensor (condensation, a loose probe).",
        ),
        "id": (
            "{count} pembacaan kelembapan relatif berada di luar 0-100 % (baris {rows}; mis. "
            "{example}); pembacaan itu dianggap hilang.",
            "periksa sensor kelembapan (pengembunan, probe yang longgar).",
        ),
    },
    "logger_value_unreadable": {
        "en": (
            "{count} cell(s) of column '{column}' are not numbers (lines {rows}); they are "
            "treated as missing.",
            "check those lines; write a missing reading as NC or leave the cell empty.",
        ),
        "id": (
            "{count} sel kolom '{column}' bukan angka (baris {rows}); sel itu dianggap hilang.",
            "periksa baris-baris itu; tulis pembacaan yang hilang sebagai NC atau kosongkan "
            "selnya.",
        ),
    },
    "logger_extra_temperature_columns": {
        "en": (
            "the file has several temperature columns: '{used}' was read, {ignored} ignored.",
            "to use another probe, export it alone or put it first.",
        ),
        "id": (
            "berkas memiliki beberapa kolom suhu: '{used}' dibaca, {ignored} diabaikan.",
            "untuk memakai probe lain, ekspor probe itu saja atau letakkan di depan.",
        ),
    },
    # --------------------------------------------------------------- histories
    "logger_gap": {
        "en": (
            "logger {logger} has {count} gap(s) longer than {limit} without a valid reading, "
            "{hours} h in all (the longest {longest} h; between lines {rows}); each gap is "
            "bridged by holding the reading before it.",
            "check the logger battery and memory; give a larger max_gap if the gaps are expected.",
        ),
        "id": (
            "logger {logger} memiliki {count} celah lebih dari {limit} tanpa pembacaan sah, "
            "total {hours} jam (terpanjang {longest} jam; di antara baris {rows}); setiap celah "
            "dijembatani dengan menahan pembacaan sebelumnya.",
            "periksa baterai dan memori logger; berikan max_gap yang lebih besar bila celah itu "
            "memang diperkirakan.",
        ),
    },
    "logger_window_invalid": {
        "en": (
            "{what} = '{value}' is not a date and time.",
            "write it like '2027-01-04 08:00'.",
        ),
        "id": (
            "{what} = '{value}' bukan tanggal dan waktu.",
            "tulis seperti '2027-01-04 08:00'.",
        ),
    },
    "logger_profile_empty": {
        "en": (
            "fewer than two valid readings between start = {start} and end = {end} (the "
            "readings run from {first} to {last}).",
            "choose a window inside the logging period.",
        ),
        "id": (
            "kurang dari dua pembacaan sah antara start = {start} dan end = {end} (pembacaan "
            "berlangsung dari {first} sampai {last}).",
            "pilih rentang di dalam masa pencatatan.",
        ),
    },
}
