"""Messages of the critical-moisture protocol (see :mod:`shelflife.msgcat`).

Template checks (salts, water activities, the equilibrium rule, moisture values, package and
packaging options) and the notices of ``shelflife protocol show/new critical-moisture``.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ template errors
    "protocol_salt_unknown": {
        "en": (
            "no water activity is known for the salt '{salt}' at {temperature}.",
            "add it to [isotherm.aw] with its value at the isotherm temperature (Greenspan "
            "1977), or use a salt of the table: {names}.",
        ),
        "id": (
            "aktivitas air garam '{salt}' pada {temperature} tidak diketahui.",
            "tambahkan ke [isotherm.aw] dengan nilainya pada suhu isotermi (Greenspan 1977), "
            "atau gunakan garam dari tabel: {names}.",
        ),
    },
    "protocol_salt_duplicate": {
        "en": (
            "the salt '{salt}' is listed twice (or is empty).",
            "list each saturated salt once; its replicates are set by 'replicates'.",
        ),
        "id": (
            "garam '{salt}' tercantum dua kali (atau kosong).",
            "cantumkan setiap garam jenuh satu kali; ulangannya diatur oleh 'replicates'.",
        ),
    },
    "protocol_aw_out_of_range": {
        "en": (
            "the water activity {value} of '{salt}' is not between 0 and 1.",
            "write a_w as a fraction (0.7509), not as % RH (75.09).",
        ),
        "id": (
            "aktivitas air {value} untuk '{salt}' tidak di antara 0 dan 1.",
            "tulis a_w sebagai pecahan (0,7509), bukan sebagai % RH (75,09).",
        ),
    },
    "protocol_isotherm_duration": {
        "en": (
            "the weighings cannot run for {duration} at one weighing every {interval}.",
            "give an interval above zero and a max_duration at least one interval long, e.g. "
            'interval = "24 hour" and max_duration = "21 day".',
        ),
        "id": (
            "penimbangan tidak dapat berlangsung {duration} dengan satu penimbangan setiap "
            "{interval}.",
            "berikan interval lebih dari nol dan max_duration paling sedikit satu interval, "
            'misalnya interval = "24 hour" dan max_duration = "21 day".',
        ),
    },
    "protocol_isotherm_criterion": {
        "en": (
            "{value!r} is not a constant-mass criterion.",
            'give the largest mass change between two weighings per gram of sample ("2 mg/g", '
            '"0.2 %") or per dish ("2 mg").',
        ),
        "id": (
            "{value!r} bukan kriteria bobot tetap.",
            "berikan perubahan bobot terbesar antara dua penimbangan per gram sampel "
            '("2 mg/g", "0.2 %") atau per cawan ("2 mg").',
        ),
    },
    "protocol_moisture_negative": {
        "en": (
            "the moisture {value} is negative or not a number; a moisture content cannot be "
            "below zero (a published Me of -0.0537 g/g is such an impossible value).",
            "check the value and its basis (dry or wet) and unit (g/g or %).",
        ),
        "id": (
            "kadar air {value} negatif atau bukan angka; kadar air tidak mungkin di bawah nol "
            "(Me -0,0537 g/g yang pernah dipublikasikan adalah nilai mustahil seperti ini).",
            "periksa nilainya serta basis (kering atau basah) dan satuannya (g/g atau %).",
        ),
    },
    "protocol_moisture_unit_suspect": {
        "en": (
            "the moisture {value} is too large for unit '{unit}' on a {basis} basis.",
            'a value in % needs unit = "%"; on a wet basis a fraction is below 1 (g/g).',
        ),
        "id": (
            "kadar air {value} terlalu besar untuk satuan '{unit}' pada basis {basis}.",
            'nilai dalam % memerlukan unit = "%"; pada basis basah, pecahan selalu di bawah 1 '
            "(g/g).",
        ),
    },
    "protocol_moisture_critical_not_above_initial": {
        "en": (
            "the critical moisture {critical} is not above the initial moisture {initial}; the "
            "product would be rejected from the start.",
            "check both values, their unit and their basis (dry or wet).",
        ),
        "id": (
            "kadar air kritis {critical} tidak di atas kadar air awal {initial}; produk sudah "
            "ditolak sejak awal.",
            "periksa kedua nilai, satuan dan basisnya (kering atau basah).",
        ),
    },
    "protocol_packaging_empty": {
        "en": (
            "the packaging option '{name}' gives neither a film nor a WVTR.",
            'give film = "pp" (a key of the film library) with thickness, or wvtr with '
            "wvtr_temperature and wvtr_rh.",
        ),
        "id": (
            "pilihan kemasan '{name}' tidak menyebut film maupun WVTR.",
            'berikan film = "pp" (kunci pustaka film) dengan thickness, atau wvtr dengan '
            "wvtr_temperature dan wvtr_rh.",
        ),
    },
    "protocol_wvtr_condition_missing": {
        "en": (
            "the WVTR of '{name}' has no test condition; a WVTR without its temperature and "
            "humidity cannot be converted to the storage condition.",
            'add wvtr_temperature and wvtr_rh, e.g. "38 degC" and "90 %" (ASTM F1249 or E96 '
            "tropical condition), as printed on the supplier's data sheet.",
        ),
        "id": (
            "WVTR '{name}' tidak memiliki kondisi uji; WVTR tanpa suhu dan kelembapan ujinya "
            "tidak dapat dikonversi ke kondisi penyimpanan.",
            'tambahkan wvtr_temperature dan wvtr_rh, misalnya "38 degC" dan "90 %" (kondisi '
            "tropis ASTM F1249 atau E96), seperti tertulis pada lembar data pemasok.",
        ),
    },
    "protocol_package_mass_missing": {
        "en": (
            "[package] gives neither dry_mass nor net_mass.",
            'give dry_mass (dry solids per pack, e.g. "238 g") or net_mass (e.g. "250 g").',
        ),
        "id": (
            "[package] tidak memuat dry_mass maupun net_mass.",
            'berikan dry_mass (padatan kering per kemasan, mis. "238 g") atau net_mass (mis. '
            '"250 g").',
        ),
    },
    "protocol_moisture_unsupported": {
        "en": (
            "'{command}' does not apply to a critical-moisture study (it has no storage "
            "chambers or pulls).",
            "use 'shelflife protocol schedule' for the weighing calendar, 'shelflife protocol "
            "sheet' for a blank isotherm.csv, and 'shelflife analyze' for the analysis.",
        ),
        "id": (
            "'{command}' tidak berlaku untuk studi kadar air kritis (tidak ada ruang simpan atau "
            "pengambilan sampel).",
            "gunakan 'shelflife protocol schedule' untuk kalender penimbangan, 'shelflife "
            "protocol sheet' untuk isotherm.csv kosong, dan 'shelflife analyze' untuk analisis.",
        ),
    },
    "protocol_moisture_sheet_csv": {
        "en": (
            "the isotherm sheet of a critical-moisture study is a CSV file; there is no Excel "
            "version.",
            "run 'shelflife protocol sheet' without --xlsx, and open the CSV in Excel or "
            "LibreOffice if you like.",
        ),
        "id": (
            "lembar isotermi studi kadar air kritis berupa berkas CSV; tidak ada versi Excel.",
            "jalankan 'shelflife protocol sheet' tanpa --xlsx, dan buka CSV-nya di Excel atau "
            "LibreOffice bila perlu.",
        ),
    },
    # ------------------------------------------------------------------------- notices
    "protocol_isotherm_few_salts": {
        "en": (
            "the isotherm has only {n} salts: a three-parameter model such as GAB needs at least "
            "{minimum} water activities to be fitted and judged.",
            "Add salts that cover a_w 0.1 to 0.9 (e.g. LiCl, MgCl2, K2CO3, Mg(NO3)2, NaCl, KCl).",
        ),
        "id": (
            "isotermi hanya memakai {n} garam: model tiga parameter seperti GAB memerlukan paling "
            "sedikit {minimum} aktivitas air untuk di-fit dan dinilai.",
            "Tambahkan garam yang mencakup a_w 0,1 sampai 0,9 (mis. LiCl, MgCl2, K2CO3, "
            "Mg(NO3)2, NaCl, KCl).",
        ),
    },
    "protocol_isotherm_temperature": {
        "en": (
            "the isotherm is run at {isotherm} but the packs are stored at {storage}; water "
            "sorption depends on temperature.",
            "Run the isotherm at the storage temperature if you can.",
        ),
        "id": (
            "isotermi dijalankan pada {isotherm} sedangkan kemasan disimpan pada {storage}; "
            "sorpsi air bergantung pada suhu.",
            "Jalankan isotermi pada suhu penyimpanan bila memungkinkan.",
        ),
    },
    "protocol_moisture_placeholder": {
        "en": (
            "these values in study.toml are placeholders, not your product's: {keys}.",
            "Replace them (marked PLACEHOLDER) with your measured values before you analyse.",
        ),
        "id": (
            "nilai-nilai di study.toml ini hanya sementara, bukan milik produk Anda: {keys}.",
            "Ganti nilai bertanda PLACEHOLDER dengan hasil pengukuran Anda sebelum analisis.",
        ),
    },
    "protocol_moisture_unverified": {
        "en": (
            "the initial and critical moisture come from a secondary source ({source}), not from "
            "your product.",
            "Measure Mi and find Mc with your own panel (SOP), then edit [moisture] in study.toml.",
        ),
        "id": (
            "kadar air awal dan kritis berasal dari sumber sekunder ({source}), bukan dari produk "
            "Anda.",
            "Ukur Mi dan tentukan Mc dengan panel Anda sendiri (SOP), lalu ubah [moisture] di "
            "study.toml.",
        ),
    },
    "protocol_moisture_generic": {
        "en": (
            "no product preset matches '{product}': the moisture values are the template's "
            "generic placeholders.",
            "Edit [moisture] in study.toml, or use --product with one of {names}.",
        ),
        "id": (
            "tidak ada preset produk yang cocok dengan '{product}': nilai kadar air adalah nilai "
            "sementara umum dari templat.",
            "Ubah [moisture] di study.toml, atau gunakan --product dengan salah satu dari {names}.",
        ),
    },
    "protocol_moisture_xlsx_ignored": {
        "en": (
            "the isotherm sheet of a critical-moisture study is a CSV file; no workbook was made.",
            "Open isotherm.csv in Excel or LibreOffice and save it as CSV again.",
        ),
        "id": (
            "lembar isotermi studi kadar air kritis berupa berkas CSV; workbook tidak dibuat.",
            "Buka isotherm.csv di Excel atau LibreOffice dan simpan lagi sebagai CSV.",
        ),
    },
    "protocol_moisture_next_steps": {
        "en": (
            "next steps: weigh the isotherm dishes on the dates in {schedule}; enter the "
            "equilibrium moisture of each dish in {data}; replace the PLACEHOLDER values in "
            "{toml} (Mi, Mc, package area and dry mass) and check the packaging options.",
            "Then run: shelflife analyze {folder} --out {folder}/result",
        ),
        "id": (
            "langkah berikutnya: timbang cawan isotermi pada tanggal di {schedule}; catat kadar "
            "air kesetimbangan setiap cawan di {data}; ganti nilai PLACEHOLDER di {toml} (Mi, "
            "Mc, luas kemasan dan berat kering) dan periksa pilihan kemasan.",
            "Lalu jalankan: shelflife analyze {folder} --out {folder}/hasil --lang id",
        ),
    },
}
