"""Messages of the routes topic (see :mod:`shelflife.msgcat`).

Export-route scenarios, ICH/WHO climatic zones and the Monte Carlo over route variability
(:mod:`shelflife.routes`).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ lookup
    "scenario_unknown": {
        "en": (
            "no route scenario named '{name}' (known: {names}).",
            "use one of {names}; aliases such as 'eu', 'japan', 'jeddah' or 'dubai' work too.",
        ),
        "id": (
            "tidak ada skenario rute bernama '{name}' (yang tersedia: {names}).",
            "gunakan salah satu dari {names}; alias seperti 'eu', 'japan', 'jeddah' atau "
            "'dubai' juga dapat dipakai.",
        ),
    },
    "climatic_zone_unknown": {
        "en": (
            "unknown ICH/WHO climatic zone '{name}'.",
            "use one of {names} (Indonesia is zone IVb, 30 °C / 75 % RH).",
        ),
        "id": (
            "zona iklim ICH/WHO '{name}' tidak dikenal.",
            "gunakan salah satu dari {names} (Indonesia termasuk zona IVb, 30 °C / 75 % RH).",
        ),
    },
    "route_season_unknown": {
        "en": (
            "unknown season '{value}'.",
            "use one of {choices}, or None for a departure month drawn over the whole year.",
        ),
        "id": (
            "musim '{value}' tidak dikenal.",
            "gunakan salah satu dari {choices}, atau None agar bulan keberangkatan diundi "
            "sepanjang tahun.",
        ),
    },
    "route_stowage_unknown": {
        "en": (
            "unknown stowage position '{value}'.",
            "use one of {choices}, or None for the mix of positions on a container ship.",
        ),
        "id": (
            "posisi muat (stowage) '{value}' tidak dikenal.",
            "gunakan salah satu dari {choices}, atau None untuk campuran posisi di kapal "
            "kontainer.",
        ),
    },
    # ------------------------------------------------------------------- data
    "route_data_invalid": {
        "en": (
            "the route data are not valid: {reason}.",
            "correct the value; the files shipped in shelflife/routes/data show the expected "
            "form.",
        ),
        "id": (
            "data rute tidak sah: {reason}.",
            "perbaiki nilainya; berkas bawaan di shelflife/routes/data menunjukkan bentuk "
            "yang diharapkan.",
        ),
    },
    "route_climate_unknown": {
        "en": (
            "leg '{leg}' refers to the climate '{value}', which is not defined.",
            "use one of {choices}, or give the leg its own temperature tables.",
        ),
        "id": (
            "ruas '{leg}' merujuk ke iklim '{value}' yang tidak didefinisikan.",
            "gunakan salah satu dari {choices}, atau beri ruas itu tabel suhunya sendiri.",
        ),
    },
    "route_template_unknown": {
        "en": (
            "the leg template '{value}' is not defined.",
            "use one of {choices}, or write the leg out in full.",
        ),
        "id": (
            "templat ruas '{value}' tidak didefinisikan.",
            "gunakan salah satu dari {choices}, atau tulis ruas itu selengkapnya.",
        ),
    },
    "route_leg_temperature": {
        "en": (
            "leg '{leg}' needs either a climate or its own temperature tables, not {found}.",
            'give climate = "<name>" or [temperature.annual] (summer and winter optional).',
        ),
        "id": (
            "ruas '{leg}' memerlukan iklim atau tabel suhunya sendiri, bukan {found}.",
            'berikan climate = "<nama>" atau [temperature.annual] (summer dan winter opsional).',
        ),
    },
    # -------------------------------------------------------------- simulation
    "route_runs_invalid": {
        "en": (
            "the number of simulated shipments must be a whole number of at least 1, got {value}.",
            "give e.g. n=10_000.",
        ),
        "id": (
            "jumlah pengiriman yang disimulasikan harus bilangan bulat minimal 1, "
            "diberikan {value}.",
            "berikan misalnya n=10_000.",
        ),
    },
    "route_steps_invalid": {
        "en": (
            "steps_per_day must be a whole number of at least 1, got {value}.",
            "use the default 24 (hourly steps of the daily temperature cycle).",
        ),
        "id": (
            "steps_per_day harus bilangan bulat minimal 1, diberikan {value}.",
            "pakai nilai bawaan 24 (langkah per jam dari siklus suhu harian).",
        ),
    },
    "route_rh_missing": {
        "en": (
            "the model of '{attribute}' needs relative humidity, but the route does not give "
            "it for every leg.",
            "pass rh='75 %' (one relative humidity for the route and the storage after arrival).",
        ),
        "id": (
            "model '{attribute}' memerlukan kelembapan relatif, tetapi rute tidak "
            "memberikannya untuk setiap ruas.",
            "berikan rh='75 %' (satu nilai kelembapan relatif untuk rute dan penyimpanan "
            "setelah tiba).",
        ),
    },
    # ----------------------------------------------------------------- notices
    "route_limit_en_route": {
        "en": (
            "{percent} % of the simulated shipments of '{attribute}' reach the limit before "
            "arriving ({scenario}).",
            "ship faster or cooler (below deck, insulated or reefer container), or shorten "
            "the storage before export.",
        ),
        "id": (
            "{percent} % pengiriman '{attribute}' yang disimulasikan sudah mencapai batas "
            "sebelum tiba ({scenario}).",
            "kirim lebih cepat atau lebih dingin (di bawah dek, kontainer berinsulasi atau "
            "reefer), atau persingkat penyimpanan sebelum ekspor.",
        ),
    },
    "route_extrapolation": {
        "en": (
            "temperatures along the route ({low} to {high} °C) go beyond the temperatures "
            "tested for '{attribute}' ({tested_low} to {tested_high} °C).",
            "rates there are extrapolated with the fitted temperature dependence; if those "
            "extremes matter, add a storage temperature closer to them.",
        ),
        "id": (
            "suhu sepanjang rute ({low} sampai {high} °C) melampaui suhu yang diuji untuk "
            "'{attribute}' ({tested_low} sampai {tested_high} °C).",
            "laju di sana diekstrapolasi dengan ketergantungan suhu hasil fitting; bila suhu "
            "ekstrem itu penting, tambahkan suhu penyimpanan yang lebih dekat dengannya.",
        ),
    },
}
