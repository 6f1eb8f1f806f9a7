"""Report and summary labels of the distribution features (histories, routes, labels).

Merged into :data:`shelflife.report.i18n.LABELS`; kept apart so the topic can grow without
touching the main label table. Same shape: ``key -> {"en": text, "id": text}``.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "history_title": {
        "en": "Along the temperature history: {source}",
        "id": "Sepanjang riwayat suhu: {source}",
    },
    "history_span": {
        "en": "  {duration}; mean {mean} (min {low}, max {high}); USP mean kinetic "
        "temperature {mkt}",
        "id": "  {duration}; rata-rata {mean} (min {low}, maks {high}); suhu kinetik rata-rata "
        "USP {mkt}",
    },
    "history_reached": {
        "en": "limit reached on day {day}",
        "id": "batas kritis tercapai pada hari ke-{day}",
    },
    "history_not_reached": {
        "en": "limit not reached during the history",
        "id": "batas kritis tidak tercapai selama riwayat",
    },
    "history_used": {
        "en": "{used} % of the shelf life used (effective temperature {teff})",
        "id": "{used} % umur simpan terpakai (suhu efektif {teff})",
    },
    "history_left": {
        "en": "{left} left at {at} (95 % CI {low}–{high} days)",
        "id": "sisa {left} pada {at} (SK 95 % {low}–{high} hari)",
    },
    "history_never": {
        "en": "the limit is never reached afterwards",
        "id": "batas kritis tidak pernah tercapai sesudahnya",
    },
    "history_limiting": {
        "en": "limiting attribute: the least shelf life left after the history",
        "id": "atribut pembatas: sisa umur simpan paling pendek setelah riwayat",
    },
    "history_plot_x": {
        "en": "Time along the history [day]",
        "id": "Waktu sepanjang riwayat [hari]",
    },
    "history_plot_y": {"en": "Shelf life used [%]", "id": "Umur simpan terpakai [%]"},
    "history_plot_t": {"en": "Temperature [°C]", "id": "Suhu [°C]"},
    "history_section_intro": {
        "en": "Each attribute is integrated exactly along the history with its own fitted "
        "kinetics. The shelf life left is the time to the limit at {at} after the history, "
        "with its 95 % confidence interval from the fit's uncertainty (not the history's).",
        "id": "Setiap atribut diintegrasikan secara eksak sepanjang riwayat dengan kinetikanya "
        "sendiri. Sisa umur simpan adalah waktu hingga batas kritis pada {at} setelah "
        "riwayat, dengan selang kepercayaan 95 % dari ketidakpastian pemasangan model (bukan "
        "dari riwayat).",
    },
    "history_col_reached": {"en": "Limit reached [day]", "id": "Batas tercapai [hari]"},
    "history_col_used": {"en": "Used [%]", "id": "Terpakai [%]"},
    "history_col_left": {"en": "Left at {at} [day]", "id": "Sisa pada {at} [hari]"},
    "history_col_teff": {"en": "Effective temperature", "id": "Suhu efektif"},
    "history_figure": {
        "en": "Share of the shelf life used along the history (lines) and the temperature "
        "(grey steps, right axis); 100 % is the limit.",
        "id": "Bagian umur simpan yang terpakai sepanjang riwayat (garis) dan suhu (tangga "
        "abu-abu, sumbu kanan); 100 % adalah batas kritis.",
    },
    "history_mkt_note": {
        "en": "The effective temperature uses each attribute's own activation energy; the USP "
        "mean kinetic temperature assumes 83.144 kJ/mol for every product and is shown for "
        "comparison only.",
        "id": "Suhu efektif memakai energi aktivasi masing-masing atribut; suhu kinetik "
        "rata-rata USP mengasumsikan 83,144 kJ/mol untuk semua produk dan hanya ditampilkan "
        "sebagai pembanding.",
    },
    "history_dash_note": {
        "en": "–: the limit is not reached during the history.",
        "id": "–: batas kritis tidak tercapai selama riwayat.",
    },
    "route_title": {
        "en": "Shipping to {market}: {scenario}",
        "id": "Pengiriman ke {market}: {scenario}",
    },
    "route_runs": {
        "en": "  {n} simulated shipments, departure: {season}",
        "id": "  {n} pengiriman tersimulasi, keberangkatan: {season}",
    },
    "route_any_season": {
        "en": "any month of the year",
        "id": "bulan mana pun sepanjang tahun",
    },
    "route_transit": {
        "en": "Production to arrival: {mid} days (90 % of shipments {low}–{high} days).",
        "id": "Dari produksi sampai tiba: {mid} hari (90 % pengiriman {low}–{high} hari).",
    },
    "route_labelled": {
        "en": "Labelled shelf life for this market: {text} (conservative shelf life at {at} "
        "after the market's safety factor, rounded down).",
        "id": "Umur simpan berlabel untuk pasar ini: {text} (umur simpan konservatif pada {at} "
        "setelah faktor keamanan pasar, dibulatkan ke bawah).",
    },
    "route_attribute": {
        "en": "{attribute}: {mid} days left on arrival (90 %: {low}–{high}); limit reached "
        "en route in {p} % of shipments",
        "id": "{attribute}: sisa {mid} hari saat tiba (90 %: {low}–{high}); batas kritis "
        "tercapai di perjalanan pada {p} % pengiriman",
    },
    "route_delivered": {
        "en": "Shelf life the buyer receives (the smaller of quality life left and the printed "
        "date): {mid} days (90 %: {low}–{high}); {p} % of shipments meet the required {req} "
        "days.",
        "id": "Umur simpan yang diterima pembeli (yang lebih kecil antara sisa umur mutu dan "
        "tanggal pada label): {mid} hari (90 %: {low}–{high}); {p} % pengiriman memenuhi "
        "syarat {req} hari.",
    },
    "route_section_intro": {
        "en": "{n} shipments were simulated along the route: leg durations, delays, weather of "
        "the departure month, container stowage and the uncertainty of the fitted kinetics. "
        "Shelf life left on arrival is at the destination's retail temperature.",
        "id": "{n} pengiriman disimulasikan sepanjang rute: lama setiap tahap, keterlambatan, "
        "cuaca bulan keberangkatan, posisi kontainer, dan ketidakpastian kinetika hasil "
        "pemasangan model. Sisa umur simpan saat tiba dihitung pada suhu ritel di negara "
        "tujuan.",
    },
    "route_col_median": {
        "en": "Left on arrival, median [day]",
        "id": "Sisa saat tiba, median [hari]",
    },
    "route_col_interval": {"en": "90 % of shipments [day]", "id": "90 % pengiriman [hari]"},
    "route_col_used": {"en": "Used en route [%]", "id": "Terpakai di perjalanan [%]"},
    "route_col_en_route": {
        "en": "Limit reached en route [%]",
        "id": "Batas tercapai di perjalanan [%]",
    },
    "route_figure": {
        "en": "Shelf life left on arrival over the simulated shipments (limiting attribute).",
        "id": "Sisa umur simpan saat tiba pada pengiriman tersimulasi (atribut pembatas).",
    },
    "route_assumptions": {
        "en": "Route assumptions, with their sources and which are verified: see "
        "'shelflife route --list' and docs/routes.md (scenario '{scenario}').",
        "id": "Asumsi rute beserta sumbernya dan mana yang sudah terverifikasi: lihat "
        "'shelflife route --list' dan docs/routes.md (skenario '{scenario}').",
    },
    "season_summer": {"en": "northern summer", "id": "musim panas belahan utara"},
    "season_winter": {"en": "northern winter", "id": "musim dingin belahan utara"},
    "season_annual": {"en": "annual mean", "id": "rata-rata tahunan"},
    "label_title": {"en": "Label for {market}", "id": "Label untuk {market}"},
    "study_label_basis": {
        "en": "Based on {attribute}, the attribute with the shortest conservative shelf life "
        "at {at}: {days} days (ICH Q1E, lower one-sided 95 % bound).",
        "id": "Berdasarkan {attribute}, atribut dengan umur simpan konservatif terpendek pada "
        "{at}: {days} hari (ICH Q1E, batas bawah satu sisi 95 %).",
    },
    "label_printed": {"en": "Printed on the pack", "id": "Tercetak pada kemasan"},
    "label_col_printed": {"en": "Text", "id": "Teks"},
    "kind_microbial": {"en": "microbial growth", "id": "pertumbuhan mikroba"},
    "kind_sensory": {"en": "consumer rejection", "id": "penolakan konsumen"},
    "microbial_section_intro": {
        "en": "All growth curves are fitted at once (one step) with the Baranyi model, a "
        "constant physiological state h0 = μmax·λ, and the {secondary} model of the growth "
        "rate against temperature. Shelf life is the time for the mean count to reach "
        "{limit} log10 CFU/g; the conservative value is the lower one-sided 95 % bound.",
        "id": "Semua kurva pertumbuhan dipasang sekaligus (satu tahap) dengan model Baranyi, "
        "keadaan fisiologis tetap h0 = μmax·λ, dan model {secondary} untuk laju pertumbuhan "
        "terhadap suhu. Umur simpan adalah waktu hingga jumlah rata-rata mencapai {limit} "
        "log10 CFU/g; nilai konservatif adalah batas bawah satu sisi 95 %.",
    },
    "microbial_figure": {
        "en": "Counts per storage temperature with the global fit.",
        "id": "Jumlah mikroba per suhu penyimpanan dengan hasil pemasangan global.",
    },
    "sensory_summary_head": {
        "en": "{name} ({kind}: {share} % of {n} consumers reject), {distribution} survival model",
        "id": "{name} ({kind}: {share} % dari {n} konsumen menolak), model survival {distribution}",
    },
    "sensory_section_intro": {
        "en": "{n} consumers judged samples of different storage times; each one's rejection "
        "time is censored between the last accepted and the first rejected sample (Hough's "
        "method). A {distribution} model is fitted by maximum likelihood; the shelf life is the "
        "time at which {share} % of consumers reject, with its 95 % confidence interval and the "
        "lower one-sided bound as the conservative value.",
        "id": "{n} konsumen menilai sampel dengan lama simpan berbeda; waktu penolakan setiap "
        "konsumen tersensor antara sampel terakhir yang diterima dan sampel pertama yang ditolak "
        "(metode Hough). Model {distribution} dipasang dengan kemungkinan maksimum; umur simpan "
        "adalah waktu ketika {share} % konsumen menolak, dengan selang kepercayaan 95 % dan batas "
        "bawah satu sisi sebagai nilai konservatif.",
    },
    "sensory_figure": {
        "en": "Share of consumers rejecting against storage time: nonparametric steps and the "
        "fitted curve.",
        "id": "Bagian konsumen yang menolak terhadap waktu simpan: tangga nonparametrik dan kurva "
        "hasil pemasangan.",
    },
}
