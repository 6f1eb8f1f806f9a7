"""Messages of batch runs (:mod:`shelflife.batch`): errors, notices, summary and help texts.

Codes starting ``batch_help_`` and ``batch_text_`` are not problems but the words of the
``shelflife batch`` command (help texts, summary lines); they live here so that every
user-facing text of the batch exists in English and Bahasa Indonesia.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ bad input
    "batch_root_not_found": {
        "en": (
            "the folder of studies '{path}' does not exist or is not a folder.",
            "give the folder that holds the study folders (each with a study.toml).",
        ),
        "id": (
            "folder studi '{path}' tidak ada atau bukan folder.",
            "berikan folder yang berisi folder-folder studi (masing-masing dengan study.toml).",
        ),
    },
    "batch_no_studies": {
        "en": (
            "no study folder found under '{path}' (a study folder holds a study.toml).",
            "check the path; each study needs its own folder with study.toml and its data "
            "file (e.g. made with 'shelflife protocol new').",
        ),
        "id": (
            "tidak ada folder studi di bawah '{path}' (folder studi berisi study.toml).",
            "periksa jalurnya; setiap studi perlu foldernya sendiri dengan study.toml dan "
            "berkas datanya (mis. dibuat dengan 'shelflife protocol new').",
        ),
    },
    "batch_out_overlaps_input": {
        "en": (
            "the output folder '{out}' contains the folder of studies '{root}'; results would "
            "be written among the input files.",
            "choose an output folder outside '{root}' and its parent folders, e.g. "
            "--out {suggestion}.",
        ),
        "id": (
            "folder keluaran '{out}' memuat folder studi '{root}'; hasil akan tertulis di "
            "antara berkas masukan.",
            "pilih folder keluaran di luar '{root}' dan folder induknya, mis. --out {suggestion}.",
        ),
    },
    "batch_out_other_input": {
        "en": (
            "the output folder '{out}' holds the results of a batch over another folder of "
            "studies ('{previous}', not '{root}').",
            "choose another --out folder, or pass --replace to discard those results and "
            "start again.",
        ),
        "id": (
            "folder keluaran '{out}' berisi hasil batch atas folder studi lain ('{previous}', "
            "bukan '{root}').",
            "pilih folder --out lain, atau tambahkan --replace untuk membuang hasil tersebut "
            "dan mulai dari awal.",
        ),
    },
    "batch_out_other_options": {
        "en": (
            "the output folder '{out}' holds the results of the same studies run with other "
            "options (before: {previous}; now: {current}).",
            "choose another --out folder, or pass --replace to discard those results and "
            "analyse every study again with the new options.",
        ),
        "id": (
            "folder keluaran '{out}' berisi hasil studi yang sama dengan opsi lain "
            "(sebelumnya: {previous}; sekarang: {current}).",
            "pilih folder --out lain, atau tambahkan --replace untuk membuang hasil tersebut "
            "dan menganalisis ulang setiap studi dengan opsi baru.",
        ),
    },
    "batch_out_unrelated": {
        "en": (
            "the output folder '{out}' is not empty and holds no shelflife batch results "
            "(found: {found}).",
            "choose a new or empty --out folder, or pass --replace to write the batch there "
            "anyway (files not made by shelflife batch are left alone).",
        ),
        "id": (
            "folder keluaran '{out}' tidak kosong dan tidak berisi hasil batch shelflife "
            "(ditemukan: {found}).",
            "pilih folder --out yang baru atau kosong, atau tambahkan --replace untuk tetap "
            "menulis batch di sana (berkas yang bukan buatan shelflife batch dibiarkan).",
        ),
    },
    "batch_out_holds_studies": {
        "en": (
            "'{path}' holds study folders (study.toml found), so the batch will not write "
            "or delete anything there, even with --replace.",
            "choose another --out folder.",
        ),
        "id": (
            "'{path}' berisi folder studi (ada study.toml), sehingga batch tidak akan menulis "
            "atau menghapus apa pun di sana, bahkan dengan --replace.",
            "pilih folder --out lain.",
        ),
    },
    "batch_manifest_unreadable": {
        "en": (
            "the batch manifest '{path}' cannot be read ({reason}), so it is unknown which "
            "results in the output folder are current.",
            "pass --replace to discard the results in that folder and start again, or "
            "choose another --out folder.",
        ),
        "id": (
            "manifes batch '{path}' tidak dapat dibaca ({reason}), sehingga tidak diketahui "
            "hasil mana di folder keluaran yang mutakhir.",
            "tambahkan --replace untuk membuang hasil di folder itu dan mulai dari awal, "
            "atau pilih folder --out lain.",
        ),
    },
    "batch_workers_invalid": {
        "en": (
            "the number of workers must be a whole number of 1 or more, got {value}.",
            "give e.g. --workers 4, or leave it out to use every processor core.",
        ),
        "id": (
            "jumlah worker harus bilangan bulat 1 atau lebih, diberikan {value}.",
            "berikan mis. --workers 4, atau hilangkan agar semua inti prosesor dipakai.",
        ),
    },
    "batch_scheduler_and_client": {
        "en": (
            "both a scheduler address and a Dask client were given.",
            "give only one of them.",
        ),
        "id": (
            "alamat scheduler dan klien Dask diberikan sekaligus.",
            "berikan salah satunya saja.",
        ),
    },
    "batch_dask_missing": {
        "en": (
            "running a batch on a Dask cluster needs the optional package dask.distributed, "
            "which is not installed ({reason}).",
            'install it with: pip install "shelflife[distributed]", or leave out '
            "--scheduler to run on this machine.",
        ),
        "id": (
            "menjalankan batch di klaster Dask memerlukan paket opsional dask.distributed, "
            "yang belum terpasang ({reason}).",
            'pasang dengan: pip install "shelflife[distributed]", atau hilangkan --scheduler '
            "untuk menjalankannya di komputer ini.",
        ),
    },
    "batch_scheduler_unreachable": {
        "en": (
            "cannot reach the Dask scheduler at '{address}' within {timeout} s ({reason}).",
            "check that 'dask scheduler' is running there and that the address and port are "
            "right (e.g. tcp://192.168.1.10:8786), or leave out --scheduler to run on this "
            "machine.",
        ),
        "id": (
            "scheduler Dask di '{address}' tidak dapat dihubungi dalam {timeout} detik "
            "({reason}).",
            "pastikan 'dask scheduler' berjalan di sana serta alamat dan port-nya benar "
            "(mis. tcp://192.168.1.10:8786), atau hilangkan --scheduler untuk menjalankannya "
            "di komputer ini.",
        ),
    },
    "batch_scheduler_no_workers": {
        "en": (
            "the Dask scheduler at '{address}' has no workers (waited {timeout} s).",
            "start workers on each machine with: dask worker {address}",
        ),
        "id": (
            "scheduler Dask di '{address}' tidak memiliki worker (ditunggu {timeout} detik).",
            "jalankan worker di setiap komputer dengan: dask worker {address}",
        ),
    },
    # ---------------------------------------------------------- per-study outcome
    "batch_worker_lost": {
        "en": (
            "the worker analysing this study stopped unexpectedly ({reason}).",
            "run the batch again (unfinished studies are redone); if it happens again, "
            "analyse this study alone with 'shelflife analyze'.",
        ),
        "id": (
            "worker yang menganalisis studi ini berhenti tiba-tiba ({reason}).",
            "jalankan batch lagi (studi yang belum selesai dikerjakan ulang); bila terulang, "
            "analisis studi ini sendiri dengan 'shelflife analyze'.",
        ),
    },
    # --------------------------------------------------------------- notices
    "batch_duplicate_name": {
        "en": (
            "the study name '{name}' is used by {count} folders ({folders}); each is "
            "analysed and listed under its own folder.",
            "give each study its own name under [study] in study.toml.",
        ),
        "id": (
            "nama studi '{name}' dipakai oleh {count} folder ({folders}); masing-masing "
            "dianalisis dan dicantumkan dengan foldernya sendiri.",
            "berikan nama tersendiri untuk setiap studi di bawah [study] pada study.toml.",
        ),
    },
    "batch_skipped_file": {
        "en": ("not part of a study folder; skipped.", ""),
        "id": ("bukan bagian dari folder studi; dilewati.", ""),
    },
    "batch_skipped_folder": {
        "en": ("holds no study.toml; skipped.", ""),
        "id": ("tidak berisi study.toml; dilewati.", ""),
    },
    "batch_skipped_link": {
        "en": ("a symbolic link to a folder; not followed.", ""),
        "id": ("tautan simbolik ke folder; tidak diikuti.", ""),
    },
    "batch_skipped_output": {
        "en": ("the output folder of this batch; skipped.", ""),
        "id": ("folder keluaran batch ini; dilewati.", ""),
    },
    # ------------------------------------------------------- summary lines (CLI)
    "batch_text_summary": {
        "en": (
            "{total} studies: {ok} analysed without error, {failed} failed; {reused} reused "
            "from the previous run, {removed} dropped (folder gone); {skipped} other files "
            "or folders skipped; {seconds} s.",
            "",
        ),
        "id": (
            "{total} studi: {ok} dianalisis tanpa galat, {failed} gagal; {reused} dipakai "
            "ulang dari proses sebelumnya, {removed} dihapus (folder hilang); {skipped} "
            "berkas atau folder lain dilewati; {seconds} detik.",
            "",
        ),
    },
    "batch_text_failed": {
        "en": ("Studies that failed (see {path}):", ""),
        "id": ("Studi yang gagal (lihat {path}):", ""),
    },
    "batch_text_more": {
        "en": ("... and {n} more.", ""),
        "id": ("... dan {n} lainnya.", ""),
    },
    "batch_text_notices": {
        "en": ("Please note:", ""),
        "id": ("Perhatikan:", ""),
    },
    "batch_text_skipped": {
        "en": ("Skipped:", ""),
        "id": ("Dilewati:", ""),
    },
    "batch_text_written": {
        "en": ("Written: {path}", ""),
        "id": ("Ditulis: {path}", ""),
    },
    "batch_text_progress": {
        "en": ("studies", ""),
        "id": ("studi", ""),
    },
    "batch_text_plot_x": {
        "en": ("shelf life at {temperature} [day]", ""),
        "id": ("umur simpan pada {temperature} [hari]", ""),
    },
    "batch_text_plot_y": {
        "en": ("number of studies", ""),
        "id": ("jumlah studi", ""),
    },
    # ------------------------------------------------------------ help texts
    "batch_help_batch": {
        "en": (
            "analyse every study folder under a folder (thousands at a time, on this machine "
            "or a Dask cluster): summary table, per-study result.json, optional reports; a "
            "second run redoes only changed studies. Exit code 0: all studies analysed; 1: "
            "some studies failed (listed in errors.csv); 2: unusable input.",
            "",
        ),
        "id": (
            "analisis setiap folder studi di bawah sebuah folder (ribuan sekaligus, di "
            "komputer ini atau klaster Dask): tabel ringkasan, result.json per studi, laporan "
            "bila diminta; proses berikutnya hanya mengulang studi yang berubah. Kode keluar "
            "0: semua studi teranalisis; 1: sebagian studi gagal (tercantum di errors.csv); "
            "2: masukan tidak dapat dipakai.",
            "",
        ),
    },
    "batch_help_dir": {
        "en": ("folder searched (recursively) for study folders, each with a study.toml", ""),
        "id": ("folder yang ditelusuri (rekursif) untuk folder studi berisi study.toml", ""),
    },
    "batch_help_out": {
        "en": (
            "output folder: summary.csv, summary.parquet, errors.csv, manifest.json and "
            "studies/<folder>/result.json",
            "",
        ),
        "id": (
            "folder keluaran: summary.csv, summary.parquet, errors.csv, manifest.json dan "
            "studies/<folder>/result.json",
            "",
        ),
    },
    "batch_help_workers": {
        "en": (
            "number of local worker processes (default: one per processor core; 1 runs "
            "in this process)",
            "",
        ),
        "id": (
            "jumlah proses worker lokal (bawaan: satu per inti prosesor; 1 berjalan di "
            "proses ini)",
            "",
        ),
    },
    "batch_help_scheduler": {
        "en": (
            "run on a Dask cluster: address of its scheduler, e.g. tcp://192.168.1.10:8786 "
            '(needs pip install "shelflife[distributed]")',
            "",
        ),
        "id": (
            "jalankan di klaster Dask: alamat scheduler-nya, mis. tcp://192.168.1.10:8786 "
            '(perlu pip install "shelflife[distributed]")',
            "",
        ),
    },
    "batch_help_reports": {
        "en": ("also write each study's report (studies/<folder>/report.html)", ""),
        "id": ("tulis juga laporan tiap studi (studies/<folder>/report.html)", ""),
    },
    "batch_help_lang": {
        "en": ("language of the reports and messages: en or id (Bahasa Indonesia)", ""),
        "id": ("bahasa laporan dan pesan: en atau id (Bahasa Indonesia)", ""),
    },
    "batch_help_format": {
        "en": ("report formats with --reports, comma-separated: html, pdf (default html)", ""),
        "id": ("format laporan dengan --reports, dipisah koma: html, pdf (bawaan html)", ""),
    },
    "batch_help_storage": {
        "en": (
            "storage temperature for every study, e.g. '30 degC' (repeat for several; "
            "default: each study's [conditions] storage)",
            "",
        ),
        "id": (
            "suhu penyimpanan untuk setiap studi, mis. '30 degC' (ulangi untuk beberapa; "
            "bawaan: [conditions] storage tiap studi)",
            "",
        ),
    },
    "batch_help_replace": {
        "en": (
            "discard the batch results already in the output folder (other inputs or "
            "options) and start again",
            "",
        ),
        "id": (
            "buang hasil batch yang sudah ada di folder keluaran (masukan atau opsi lain) "
            "dan mulai dari awal",
            "",
        ),
    },
    "batch_help_no_progress": {
        "en": ("do not show the progress bar", ""),
        "id": ("jangan tampilkan bilah kemajuan", ""),
    },
}
