"""Messages of writing outputs and of internal errors (see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
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
    "output_not_writable": {
        "en": (
            "the output cannot be written here: permission denied or a read-only disk "
            "({reason}). Files that were being written were removed; earlier outputs are "
            "unchanged.",
            "choose another output folder (--out), or ask whoever manages this computer for "
            "permission to write there.",
        ),
        "id": (
            "keluaran tidak dapat ditulis di sini: izin ditolak atau disk hanya-baca "
            "({reason}). Berkas yang sedang ditulis telah dihapus; keluaran sebelumnya tidak "
            "berubah.",
            "pilih folder keluaran lain (--out), atau minta izin menulis di sana kepada "
            "pengelola komputer ini.",
        ),
    },
    "output_disk_full": {
        "en": (
            "the disk is full ({reason}): the outputs could not be written. Files that were "
            "being written were removed; earlier outputs are unchanged.",
            "free some space on the disk, or choose an output folder on another disk (--out), "
            "and run the command again (a batch resumes where it stopped).",
        ),
        "id": (
            "disk penuh ({reason}): keluaran tidak dapat ditulis. Berkas yang sedang ditulis "
            "telah dihapus; keluaran sebelumnya tidak berubah.",
            "kosongkan sebagian ruang disk, atau pilih folder keluaran di disk lain (--out), "
            "lalu jalankan perintah itu lagi (batch melanjutkan dari titik berhentinya).",
        ),
    },
    "output_name_unsafe": {
        "en": (
            "{name} cannot be used as an output file name: it has a folder part, '..', a "
            "character some systems forbid, a reserved device name (CON, NUL, ...) or is too "
            "long. Nothing was written.",
            "use a plain file name of letters, digits, '-', '_' and '.'.",
        ),
        "id": (
            "{name} tidak dapat dipakai sebagai nama berkas keluaran: mengandung bagian "
            "folder, '..', karakter yang dilarang sebagian sistem, nama perangkat yang "
            "dicadangkan (CON, NUL, ...) atau terlalu panjang. Tidak ada yang ditulis.",
            "gunakan nama berkas biasa dari huruf, angka, '-', '_' dan '.'.",
        ),
    },
}
