"""Messages of fit diagnostics (:mod:`shelflife.diagnostics`; see :mod:`shelflife.msgcat`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
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
}
