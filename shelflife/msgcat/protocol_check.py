"""Messages of checking a data sheet against its protocol (see :mod:`shelflife.msgcat`).

Findings (``check_*``) of :mod:`shelflife.protocols.check`, including those of the
chamber data loggers.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
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
