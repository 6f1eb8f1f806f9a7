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
            "give RH in percent and check the column.",
        ),
        "id": (
            "kelembapan relatif {value} di luar 0 sampai 100 %.",
            "tulis RH dalam persen dan periksa kolomnya.",
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
}

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
