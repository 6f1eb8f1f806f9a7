"""Messages of temperature-history inputs (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ---------------------------------------------------- temperature histories
    "profile_time_not_increasing": {
        "en": (
            "the time of a history sample ({value}) is not after the one before it ({previous}).",
            "sort the samples by time and remove repeated timestamps.",
        ),
        "id": (
            "waktu sampel riwayat ({value}) tidak sesudah sampel sebelumnya ({previous}).",
            "urutkan sampel menurut waktu dan hapus cap waktu yang berulang.",
        ),
    },
    "profile_invalid": {
        "en": ("the temperature history is not valid: {reason}.", "{fix}"),
        "id": ("riwayat suhu tidak sah: {reason}.", "{fix}"),
    },
    "profile_order_not_kinetic_time": {
        "en": (
            "the {order} model does not depend on time only through k·t, so it cannot be "
            "integrated along a temperature history in closed form.",
            "choose a zero, first, second, nth-order, Weibull or equilibrium model.",
        ),
        "id": (
            "model {order} tidak bergantung pada waktu hanya melalui k·t, sehingga tidak dapat "
            "diintegrasikan sepanjang riwayat suhu dalam bentuk tertutup.",
            "pilih model orde nol, satu, dua, orde-n, Weibull atau kesetimbangan.",
        ),
    },
    "profile_after_outside": {
        "en": (
            "the point {after} day lies outside the history (0 to {duration} day).",
            "give a time between the start and the end of the history.",
        ),
        "id": (
            "titik {after} hari berada di luar riwayat (0 sampai {duration} hari).",
            "berikan waktu antara awal dan akhir riwayat.",
        ),
    },
    "activation_energy_not_positive": {
        "en": (
            "the activation energy must be positive, got {value} kJ/mol.",
            "give e.g. '83.144 kJ/mol'.",
        ),
        "id": (
            "energi aktivasi harus positif, diberikan {value} kJ/mol.",
            "berikan misalnya '83.144 kJ/mol'.",
        ),
    },
}
