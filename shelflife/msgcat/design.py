"""Messages of study design (:mod:`shelflife.design`; see :mod:`shelflife.msgcat`).

Errors and warnings of the planner, and the sentences (``design_why_*``,
``design_answer``) that explain its choices.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
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
}
