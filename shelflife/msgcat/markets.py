"""Messages of the markets topic (see :mod:`shelflife.msgcat`).

Errors and notes of :mod:`shelflife.markets`, the sentences of its summaries
(``markets_text_*``, ``markets_step_*``, ``markets_readiness_*``) and short words
(``markets_word_*``), each in English and Bahasa Indonesia with the same fields. Only the
first part of a ``markets_text_*`` / ``markets_word_*`` pair is used.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------ market files
    "market_unknown": {
        "en": (
            "unknown market '{name}'.{suggestion}",
            "use one of {codes}, a country or port such as 'Rotterdam' or 'Jeddah', "
            "or the path of a market TOML file.",
        ),
        "id": (
            "pasar '{name}' tidak dikenal.{suggestion}",
            "gunakan salah satu dari {codes}, nama negara atau pelabuhan seperti 'Rotterdam' "
            "atau 'Jeddah', atau jalur berkas TOML pasar.",
        ),
    },
    "market_phrase_missing": {
        "en": (
            "no phrase for '{mark}' in language '{language}', which the label prints.",
            'add a [[phrases]] table with mark = "{mark}" and lang = "{language}", or remove '
            "the language from languages.",
        ),
        "id": (
            "tidak ada frasa untuk '{mark}' dalam bahasa '{language}', padahal label mencetaknya.",
            'tambahkan tabel [[phrases]] dengan mark = "{mark}" dan lang = "{language}", atau '
            "hapus bahasa itu dari languages.",
        ),
    },
    "market_bands_order": {
        "en": (
            "the precision bands must have increasing up_to_months and only the last band "
            "without a limit.",
            'write e.g. bands = [{{ up_to_months = 3, precision = "day" }}, '
            '{{ precision = "month" }}].',
        ),
        "id": (
            "pita ketelitian harus memiliki up_to_months yang naik dan hanya pita terakhir "
            "tanpa batas.",
            'tulis misalnya bands = [{{ up_to_months = 3, precision = "day" }}, '
            '{{ precision = "month" }}].',
        ),
    },
    "market_pattern_missing": {
        "en": (
            "a precision band uses '{precision}' but [date_format] has no pattern for it.",
            'add e.g. {precision} = "MM.yyyy" to [date_format].',
        ),
        "id": (
            "sebuah pita ketelitian memakai '{precision}' tetapi [date_format] tidak punya "
            "polanya.",
            'tambahkan misalnya {precision} = "MM.yyyy" ke [date_format].',
        ),
    },
    "market_safety_factor_range": {
        "en": (
            "the default safety factor {default} must lie within typical = [{low}, {high}], "
            "inside (0, 1].",
            "correct default or typical.",
        ),
        "id": (
            "faktor keamanan bawaan {default} harus berada dalam typical = [{low}, {high}], "
            "di dalam (0, 1].",
            "perbaiki default atau typical.",
        ),
    },
    "hint_market_practice_verified": {
        "en": (
            "a trade practice or assumption is never verified",
            "write verified = false and explain the source in note.",
        ),
        "id": (
            "kebiasaan dagang atau asumsi tidak pernah terverifikasi",
            "tulis verified = false dan jelaskan sumbernya di note.",
        ),
    },
    "hint_market_source_url": {
        "en": ("every source must be a URL, not '{url}'", "write the address, e.g. {example}."),
        "id": (
            "setiap sumber harus berupa URL, bukan '{url}'",
            "tulis alamatnya, misalnya {example}.",
        ),
    },
    "hint_market_note_required": {
        "en": (
            "an unverified rule needs a note saying why",
            'add e.g. note = "read from a secondary summary; official text not retrieved".',
        ),
        "id": (
            "aturan yang belum terverifikasi memerlukan catatan alasannya",
            'tambahkan misalnya note = "dibaca dari ringkasan sekunder; teks resmi belum '
            'diperoleh".',
        ),
    },
    "hint_market_duration_n": {
        "en": ("the template must contain {{n}}", 'write e.g. duration_month = "{{n}} months".'),
        "id": ("templat harus memuat {{n}}", 'tulis misalnya duration_month = "{{n}} bulan".'),
    },
    # ------------------------------------------------------ recommendation
    "market_shelf_life_infinite": {
        "en": (
            "the study found no finite shelf life, so there is no date to put on a label.",
            "check the limit and the fit, or give the shelf life to declare, e.g. '12 month'.",
        ),
        "id": (
            "studi tidak menemukan umur simpan yang terbatas, jadi tidak ada tanggal untuk label.",
            "periksa batas kritis dan hasil fit, atau berikan umur simpan yang akan "
            "dicantumkan, misalnya '12 month'.",
        ),
    },
    "market_shelf_life_not_positive": {
        "en": (
            "the shelf life must be more than zero days, got {value}.",
            "check the study (the limit may be exceeded at time zero).",
        ),
        "id": (
            "umur simpan harus lebih dari nol hari, diberikan {value}.",
            "periksa studinya (batas kritis mungkin sudah terlampaui pada waktu nol).",
        ),
    },
    "market_shelf_life_too_short": {
        "en": (
            "after the safety factor only {value} days remain, less than one whole day.",
            "check the shelf life and the safety factor.",
        ),
        "id": (
            "setelah faktor keamanan hanya tersisa {value} hari, kurang dari satu hari penuh.",
            "periksa umur simpan dan faktor keamanannya.",
        ),
    },
    "market_safety_factor_invalid": {
        "en": (
            "the safety factor must be a number above 0 and at most 1, got {value}.",
            "write e.g. safety_factor=0.8.",
        ),
        "id": (
            "faktor keamanan harus angka di atas 0 dan paling besar 1, diberikan {value}.",
            "tulis misalnya safety_factor=0.8.",
        ),
    },
    # ------------------------------------------------------------- labels
    "label_kind_unavailable": {
        "en": ("this market has no date mark '{kind}'.", "use one of {kinds}."),
        "id": (
            "pasar ini tidak punya tanda tanggal '{kind}'.",
            "gunakan salah satu dari {kinds}.",
        ),
    },
    "label_produced_invalid": {
        "en": (
            "the production date {value} is not a date.",
            "write it as YYYY-MM-DD, e.g. '2026-01-15', or give a datetime.date.",
        ),
        "id": (
            "tanggal produksi {value} bukan tanggal.",
            "tulis sebagai YYYY-MM-DD, misalnya '2026-01-15', atau berikan datetime.date.",
        ),
    },
    "label_lang_unavailable": {
        "en": ("the market has no label phrase in language '{language}'.", "use one of {langs}."),
        "id": (
            "pasar ini tidak punya frasa label dalam bahasa '{language}'.",
            "gunakan salah satu dari {langs}.",
        ),
    },
    "label_precision_too_coarse": {
        "en": (
            "precision '{precision}' is not allowed for this shelf life; the coarsest "
            "allowed is '{allowed}'.",
            "use '{allowed}' or a finer precision ('day' is always allowed).",
        ),
        "id": (
            "ketelitian '{precision}' tidak diizinkan untuk umur simpan ini; yang paling kasar "
            "diizinkan adalah '{allowed}'.",
            "gunakan '{allowed}' atau yang lebih rinci ('day' selalu diizinkan).",
        ),
    },
    "label_precision_unavailable": {
        "en": (
            "the market's date format has no pattern for precision '{precision}'.",
            "use precision='day'.",
        ),
        "id": (
            "format tanggal pasar ini tidak punya pola untuk ketelitian '{precision}'.",
            "gunakan precision='day'.",
        ),
    },
    "label_safety_factor_twice": {
        "en": (
            "the shelf life was already recommended (with its safety factor); a second "
            "safety factor is not applied.",
            "give the safety factor to recommended_shelf_life(), or pass the tested shelf life.",
        ),
        "id": (
            "umur simpan sudah direkomendasikan (dengan faktor keamanannya); faktor keamanan "
            "kedua tidak diterapkan.",
            "berikan faktor keamanan ke recommended_shelf_life(), atau berikan umur simpan "
            "hasil uji.",
        ),
    },
    # ---------------------------------------------------------- readiness
    "readiness_min_remaining_invalid": {
        "en": (
            "the minimum remaining shelf life {value} is neither a fraction in (0, 1] nor a "
            "positive time.",
            "write e.g. 0.5, '50 %' or '120 day'.",
        ),
        "id": (
            "sisa umur simpan minimum {value} bukan pecahan dalam (0, 1] dan bukan waktu positif.",
            "tulis misalnya 0.5, '50 %' atau '120 day'.",
        ),
    },
    "readiness_remaining_invalid": {
        "en": (
            "the remaining shelf life and its interval ({value}) must be non-negative with "
            "low <= estimate <= high.",
            "check the remaining shelf life and the interval.",
        ),
        "id": (
            "sisa umur simpan dan intervalnya ({value}) harus tidak negatif dengan "
            "bawah <= dugaan <= atas.",
            "periksa sisa umur simpan dan intervalnya.",
        ),
    },
    "markets_readiness_ready": {
        "en": (
            "Ready: {remaining} days of shelf life remain on arrival{interval}, at least the "
            "{required} days required ({basis}).",
            "",
        ),
        "id": (
            "Siap: tersisa {remaining} hari umur simpan saat tiba{interval}, tidak kurang dari "
            "{required} hari yang disyaratkan ({basis}).",
            "",
        ),
    },
    "markets_readiness_marginal": {
        "en": (
            "Marginal: the estimate of {remaining} days on arrival{interval} meets the "
            "{required} days required ({basis}), but the lower bound of {low} days does not.",
            "Shorten the transit, improve packaging or storage, or agree the requirement "
            "with the buyer.",
        ),
        "id": (
            "Meragukan: dugaan {remaining} hari saat tiba{interval} memenuhi {required} hari "
            "yang disyaratkan ({basis}), tetapi batas bawah {low} hari tidak.",
            "Persingkat pengiriman, perbaiki kemasan atau penyimpanan, atau sepakati "
            "persyaratannya dengan pembeli.",
        ),
    },
    "markets_readiness_not_ready": {
        "en": (
            "Not ready: only {remaining} days of shelf life remain on arrival{interval}, less "
            "than the {required} days required ({basis}).",
            "Shorten the transit, improve packaging or storage, or agree the requirement "
            "with the buyer.",
        ),
        "id": (
            "Belum siap: hanya tersisa {remaining} hari umur simpan saat tiba{interval}, "
            "kurang dari {required} hari yang disyaratkan ({basis}).",
            "Persingkat pengiriman, perbaiki kemasan atau penyimpanan, atau sepakati "
            "persyaratannya dengan pembeli.",
        ),
    },
    # --------------------------------------------------------------- notes
    "markets_note_unverified": {
        "en": ("Unverified rule, {rule}: {note}", ""),
        "id": ("Aturan belum terverifikasi, {rule}: {note}", ""),
    },
    "markets_note_general": {
        "en": ("{text} ({status})", ""),
        "id": ("{text} ({status})", ""),
    },
    "markets_note_factor_outside": {
        "en": (
            "The safety factor {factor} lies outside the range usual in this market "
            "({low} to {high}).",
            "Keep the data that justify it with the shelf-life file.",
        ),
        "id": (
            "Faktor keamanan {factor} berada di luar rentang yang lazim di pasar ini "
            "({low} sampai {high}).",
            "Simpan data pendukungnya bersama berkas umur simpan.",
        ),
    },
    "markets_note_factor_not_applied": {
        "en": (
            "The shelf life was used as given, without the safety factor {factor} usual in "
            "this market.",
            "To apply it, pass the tested shelf life with recommended_shelf_life() or "
            "safety_factor=.",
        ),
        "id": (
            "Umur simpan dipakai apa adanya, tanpa faktor keamanan {factor} yang lazim di "
            "pasar ini.",
            "Untuk menerapkannya, berikan umur simpan hasil uji lewat "
            "recommended_shelf_life() atau safety_factor=.",
        ),
    },
    "markets_note_other_market": {
        "en": ("The shelf life was recommended with the rules of market '{other}'.", ""),
        "id": ("Umur simpan direkomendasikan dengan aturan pasar '{other}'.", ""),
    },
    "markets_note_production_not_printed": {
        "en": (
            "The production date is required on the label but not printed here.",
            "Print it with your production code.",
        ),
        "id": (
            "Tanggal produksi wajib ada pada label tetapi tidak dicetak di sini.",
            "Cetak bersama kode produksi Anda.",
        ),
    },
    "markets_note_truncated": {
        "en": (
            "The computed end is {end}; printed as {precision}, the label means {effective}, "
            "{lost} days earlier, so that it never extends the shelf life.",
            "Print a finer date ({finer}) to keep those days.",
        ),
        "id": (
            "Akhir hasil hitungan adalah {end}; dicetak sebagai {precision}, label berarti "
            "{effective}, {lost} hari lebih awal, agar tidak pernah memperpanjang umur simpan.",
            "Cetak tanggal yang lebih rinci ({finer}) untuk mempertahankan hari-hari itu.",
        ),
    },
    "markets_note_label_remaining": {
        "en": (
            "After {transit} days of transit the printed date leaves only {left} days, "
            "less than the remaining quality life; the printed date is used.",
            "",
        ),
        "id": (
            "Setelah {transit} hari pengiriman, tanggal pada label hanya menyisakan {left} "
            "hari, kurang dari sisa umur mutu; tanggal pada label yang dipakai.",
            "",
        ),
    },
    # --------------------------------------------------------------- steps
    "markets_step_tested": {
        "en": ("Tested shelf life (conservative, one-sided 95 % bound): {value} days.", ""),
        "id": ("Umur simpan hasil uji (konservatif, batas satu sisi 95 %): {value} hari.", ""),
    },
    "markets_step_given": {
        "en": ("Shelf life given: {shelf_life}.", ""),
        "id": ("Umur simpan yang diberikan: {shelf_life}.", ""),
    },
    "markets_step_safety_factor": {
        "en": ("Times the safety factor {factor} ({origin}): {value} days.", ""),
        "id": ("Dikali faktor keamanan {factor} ({origin}): {value} hari.", ""),
    },
    "markets_step_round_days": {
        "en": ("Rounded down to whole days: {n} days.", ""),
        "id": ("Dibulatkan ke bawah menjadi hari penuh: {n} hari.", ""),
    },
    "markets_step_round_months": {
        "en": (
            "Rounded down to whole months: {n} months (no run of {n} calendar months is "
            "longer than {longest} days).",
            "",
        ),
        "id": (
            "Dibulatkan ke bawah menjadi bulan penuh: {n} bulan ({n} bulan kalender "
            "berturut-turut tidak pernah lebih dari {longest} hari).",
            "",
        ),
    },
    # --------------------------------------------------------- rule names
    "markets_rule_phrase": {
        "en": ("phrase '{text}' ({language})", ""),
        "id": ("frasa '{text}' ({language})", ""),
    },
    "markets_rule_date_format": {"en": ("date format", ""), "id": ("format tanggal", "")},
    "markets_rule_precision": {
        "en": ("date precision", ""),
        "id": ("ketelitian tanggal", ""),
    },
    "markets_rule_production_date": {
        "en": ("production date", ""),
        "id": ("tanggal produksi", ""),
    },
    "markets_rule_safety_factor": {
        "en": ("safety factor", ""),
        "id": ("faktor keamanan", ""),
    },
    "markets_rule_shelf_life_unit": {
        "en": ("unit of the declared shelf life", ""),
        "id": ("satuan umur simpan yang dicantumkan", ""),
    },
    "markets_rule_readiness": {
        "en": ("minimum remaining shelf life on arrival", ""),
        "id": ("sisa umur simpan minimum saat tiba", ""),
    },
    # ---------------------------------------------------------- sentences
    "markets_text_market_head": {
        "en": ("{name} ({market_code}): date-marking rules {version}, reviewed {reviewed}", ""),
        "id": (
            "{name} ({market_code}): aturan penandaan tanggal {version}, ditinjau {reviewed}",
            "",
        ),
    },
    "markets_text_precision": {
        "en": ("Coarsest date allowed: {bands}", ""),
        "id": ("Tanggal paling kasar yang diizinkan: {bands}", ""),
    },
    "markets_text_safety_factor": {
        "en": ("Safety factor: {factor} (usual range {low} to {high})", ""),
        "id": ("Faktor keamanan: {factor} (rentang lazim {low} sampai {high})", ""),
    },
    "markets_text_readiness": {
        "en": ("Remaining shelf life on arrival: at least {percent} % ({kind})", ""),
        "id": ("Sisa umur simpan saat tiba: minimal {percent} % ({kind})", ""),
    },
    "markets_text_production": {
        "en": ("Production date required: {required}", ""),
        "id": ("Tanggal produksi wajib: {required}", ""),
    },
    "markets_text_recommend_head": {
        "en": ("Shelf life to declare in {market}: {shelf_life}", ""),
        "id": ("Umur simpan yang dicantumkan untuk {market}: {shelf_life}", ""),
    },
    "markets_text_label_head": {
        "en": ("Label for {market} ({kind}), rules {version}:", ""),
        "id": ("Label untuk {market} ({kind}), aturan {version}:", ""),
    },
    "markets_text_label_dates": {
        "en": (
            "Produced {produced}; shelf life {shelf_life}, to {end}. Printed as {precision}, "
            "the date stands for {effective}.",
            "",
        ),
        "id": (
            "Diproduksi {produced}; umur simpan {shelf_life}, sampai {end}. Dicetak sebagai "
            "{precision}, tanggalnya berarti {effective}.",
            "",
        ),
    },
    "markets_text_notes": {"en": ("Notes:", ""), "id": ("Catatan:", "")},
    "markets_text_interval": {
        "en": (" (interval {low} to {high} days)", ""),
        "id": (" (interval {low} sampai {high} hari)", ""),
    },
    "markets_text_basis_market": {
        "en": ("{percent} % of the labelled {labelled} days; {kind}, {status}", ""),
        "id": ("{percent} % dari {labelled} hari umur simpan berlabel; {kind}, {status}", ""),
    },
    "markets_text_basis_user_fraction": {
        "en": ("{percent} % of the labelled {labelled} days, set by you", ""),
        "id": ("{percent} % dari {labelled} hari umur simpan berlabel, ditetapkan Anda", ""),
    },
    "markets_text_basis_user_days": {
        "en": ("set by you", ""),
        "id": ("ditetapkan Anda", ""),
    },
    "markets_text_readiness_head": {
        "en": ("Export readiness for {market}: {verdict}", ""),
        "id": ("Kesiapan ekspor ke {market}: {verdict}", ""),
    },
    # --------------------------------------------------------------- words
    "markets_word_day": {
        "en": ("day, month and year", ""),
        "id": ("tanggal, bulan dan tahun", ""),
    },
    "markets_word_month": {"en": ("month and year", ""), "id": ("bulan dan tahun", "")},
    "markets_word_year": {"en": ("year only", ""), "id": ("tahun saja", "")},
    "markets_word_months": {"en": ("months", ""), "id": ("bulan", "")},
    "markets_word_longer": {"en": ("longer", ""), "id": ("lebih lama", "")},
    "markets_word_best_before": {"en": ("best before", ""), "id": ("baik digunakan sebelum", "")},
    "markets_word_use_by": {"en": ("use by", ""), "id": ("gunakan sebelum", "")},
    "markets_word_expiry": {"en": ("expiry date", ""), "id": ("tanggal kedaluwarsa", "")},
    "markets_word_yes": {"en": ("yes", ""), "id": ("ya", "")},
    "markets_word_no": {"en": ("no", ""), "id": ("tidak", "")},
    "markets_word_verified": {"en": ("verified", ""), "id": ("terverifikasi", "")},
    "markets_word_unverified": {"en": ("unverified", ""), "id": ("belum terverifikasi", "")},
    "markets_word_origin_market": {"en": ("market default", ""), "id": ("bawaan pasar", "")},
    "markets_word_origin_user": {"en": ("set by you", ""), "id": ("ditetapkan Anda", "")},
    "markets_word_ready": {"en": ("ready", ""), "id": ("siap", "")},
    "markets_word_marginal": {"en": ("marginal", ""), "id": ("meragukan", "")},
    "markets_word_not_ready": {"en": ("not ready", ""), "id": ("belum siap", "")},
    "markets_word_kind_regulation": {"en": ("regulation", ""), "id": ("peraturan", "")},
    "markets_word_kind_standard": {"en": ("standard", ""), "id": ("standar", "")},
    "markets_word_kind_guideline": {"en": ("guideline", ""), "id": ("pedoman", "")},
    "markets_word_kind_trade_practice": {
        "en": ("trade practice", ""),
        "id": ("kebiasaan dagang", ""),
    },
    "markets_word_kind_assumption": {"en": ("assumption", ""), "id": ("asumsi", "")},
}
