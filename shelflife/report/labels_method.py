"""Texts of the method statement: fit-option sentences, fixed paragraphs, references.

:data:`LABELS` holds the sentences on the fit options (error model, initial values per
temperature, diagnostics, isoconversion) and two short words that close the table
(``param_fixed``, and ``and``, which joins attribute names in these sentences); it is merged
into :data:`shelflife.report.i18n.LABELS` (keys must be new there).
:data:`METHOD_PARAGRAPHS` are the fixed paragraphs in both languages and
:data:`REFERENCES` the references (not translated).
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "method_error_model": {
        "en": "Error model for {attributes}: {model}.",
        "id": "Model galat untuk {attributes}: {model}.",
    },
    "error_model_constant": {
        "en": "constant variance, every measurement weighted equally (ordinary least squares)",
        "id": "varians konstan, setiap pengukuran berbobot sama (kuadrat terkecil biasa)",
    },
    "error_model_proportional": {
        "en": "scatter proportional to the level (constant coefficient of variation), fitted "
        "by iteratively reweighted least squares",
        "id": "sebaran sebanding dengan besarnya nilai (koefisien keragaman konstan), dipasang "
        "dengan kuadrat terkecil terboboti berulang",
    },
    "error_model_combined": {
        "en": "a constant plus a proportional part, variance σ²(1 + c²μ²) with c = {c} "
        "estimated from the data, fitted by iteratively reweighted least squares",
        "id": "bagian konstan ditambah bagian sebanding, varians σ²(1 + c²μ²) dengan c = {c} "
        "diduga dari data, dipasang dengan kuadrat terkecil terboboti berulang",
    },
    "error_model_replicates": {
        "en": "each measurement weighted by the inverse variance of its replicates at the "
        "same time and temperature",
        "id": "setiap pengukuran diboboti dengan kebalikan varians ulangannya pada waktu dan "
        "suhu yang sama",
    },
    "error_model_weights": {
        "en": "weights supplied by the user",
        "id": "bobot yang diberikan pengguna",
    },
    "method_initial_per_temperature": {
        "en": "For {attributes}, each test temperature has its own initial value A0 (for "
        "example when the samples of each chamber came from a different batch); the rate "
        "constant and Ea are common to all temperatures, and at any other temperature the "
        "mean of the initial values is used.",
        "id": "Untuk {attributes}, setiap suhu uji memiliki nilai awal A0 sendiri (misalnya "
        "bila sampel setiap ruang simpan berasal dari batch yang berbeda); konstanta laju dan "
        "Ea berlaku sama untuk semua suhu, dan pada suhu lain dipakai rata-rata nilai awal "
        "tersebut.",
    },
    "method_diagnostics": {
        "en": "Each fit is checked. Models are compared by AICc, the AIC corrected for small "
        "samples, with Akaike weights. Where measurements were replicated, a lack-of-fit F "
        "test compares the misfit of the curve with the scatter of the replicates. "
        "Internally studentised residuals (each residual divided by its own standard error, "
        "which accounts for leverage) beyond ±{threshold} mark suspected outliers; they are "
        "reported, never removed. With four or more temperatures, a quadratic term in 1/T "
        "tests the Arrhenius line for curvature.",
        "id": "Setiap hasil pemasangan diperiksa. Model dibandingkan dengan AICc, yaitu AIC "
        "yang dikoreksi untuk sampel kecil, beserta bobot Akaike. Bila pengukuran diulang, "
        "uji F ketidaksesuaian model membandingkan simpangan kurva dengan sebaran ulangan. "
        "Residual terstudentisasi internal (setiap residual dibagi galat bakunya sendiri, "
        "yang memperhitungkan leverage) di luar ±{threshold} menandai dugaan pencilan; "
        "pencilan dilaporkan, tidak pernah dibuang. Dengan empat suhu atau lebih, suku "
        "kuadrat dalam 1/T menguji kelengkungan garis Arrhenius.",
    },
    "method_isoconversion": {
        "en": "Isoconversion is a cross-check that assumes no reaction order: the time to "
        "reach the limit at each temperature, and a straight line of ln(1/time) against 1/T. "
        "It uses only the measurements near the limit and, with three temperatures, leaves "
        "one degree of freedom, so its intervals are wide; the one-step fit remains the basis "
        "of the shelf life.",
        "id": "Isokonversi adalah pemeriksaan silang tanpa asumsi orde reaksi: waktu "
        "mencapai batas pada setiap suhu, lalu garis lurus ln(1/waktu) terhadap 1/T. Metode "
        "ini hanya memakai pengukuran di dekat batas dan, dengan tiga suhu, hanya menyisakan "
        "satu derajat bebas, sehingga selangnya lebar; pemasangan satu tahap tetap menjadi "
        "dasar umur simpan.",
    },
    "param_fixed": {"en": "fixed", "id": "tetap"},
    "and": {"en": "and", "id": "dan"},
}

#: The fixed paragraphs of the method statement per language (long texts, kept apart from
#: the short labels).
METHOD_PARAGRAPHS: dict[str, tuple[str, ...]] = {
    "en": (
        "All storage temperatures of an attribute are fitted at once by nonlinear least "
        "squares (a one-step global fit), with a zero- or first-order reaction whose rate "
        "constant follows the Arrhenius law. The law is written relative to a reference "
        "temperature T_ref in the middle of the tested range, "
        "k(T) = k_ref · exp[−(Ea/R)(1/T − 1/T_ref)], so that k_ref and Ea are estimated "
        "almost independently of each other. Where the study asks for it, the reaction "
        "order with the lower Akaike information criterion (AIC) is chosen, and the other "
        "order is reported for comparison.",
        "Standard errors come from the covariance matrix of the fit; intervals use "
        "Student's t on the residual degrees of freedom. Intervals for the rate constant "
        "and for the shelf life are computed with the delta method on the log scale, so "
        "they are positive and asymmetric.",
        "The shelf life is the time at which the fitted mean reaches the limit. Its 95 % "
        "confidence interval describes how well this mean time is known. The conservative "
        "shelf life follows ICH Q1E: it is the earliest time at which the one-sided 95 % "
        "confidence bound of the mean crosses the limit, and it is the recommended basis "
        "for a label date.",
        "Neither interval describes single packs. Individual packs scatter around the "
        "mean (the residual standard deviation in each attribute's statistics), so some "
        "packs reach the limit earlier than the mean does; the confidence interval of the "
        "mean narrows with more measurements, the scatter of packs does not.",
        "The classic two-step method (a rate constant per temperature, then a straight "
        "line of ln k against 1/T) is shown for comparison with laboratory spreadsheets; "
        "it uses the data less efficiently and usually gives wider intervals.",
    ),
    "id": (
        "Semua suhu penyimpanan suatu atribut dipasang sekaligus dengan kuadrat terkecil "
        "nonlinear (pemasangan global satu tahap), memakai reaksi orde nol atau orde satu "
        "yang konstanta lajunya mengikuti hukum Arrhenius. Hukum ini ditulis relatif "
        "terhadap suhu acuan T_ref di tengah rentang uji, "
        "k(T) = k_ref · exp[−(Ea/R)(1/T − 1/T_ref)], sehingga k_ref dan Ea diduga hampir "
        "saling bebas. Bila studi memintanya, orde reaksi dengan kriteria informasi "
        "Akaike (AIC) yang lebih kecil dipilih, dan orde lainnya dilaporkan sebagai "
        "pembanding.",
        "Galat baku diperoleh dari matriks kovarians hasil pemasangan; selang kepercayaan "
        "memakai sebaran t Student dengan derajat bebas residual. Selang untuk konstanta "
        "laju dan umur simpan dihitung dengan metode delta pada skala logaritma, sehingga "
        "selalu positif dan tidak simetris.",
        "Umur simpan adalah waktu ketika rata-rata dugaan mencapai batas kritis. Selang "
        "kepercayaan 95 %-nya menunjukkan seberapa teliti waktu rata-rata ini diketahui. "
        "Umur simpan konservatif mengikuti ICH Q1E: waktu paling awal ketika batas "
        "kepercayaan satu sisi 95 % dari rata-rata melewati batas kritis; nilai inilah "
        "yang dianjurkan sebagai dasar tanggal pada label.",
        "Kedua selang tersebut tidak menggambarkan kemasan tunggal. Setiap kemasan "
        "tersebar di sekitar rata-rata (simpangan baku residual pada statistik setiap "
        "atribut), sehingga sebagian kemasan mencapai batas lebih awal daripada "
        "rata-ratanya; selang kepercayaan rata-rata menyempit bila data bertambah, "
        "sebaran antarkemasan tidak.",
        "Metode dua tahap yang lazim (konstanta laju per suhu, lalu garis lurus ln k "
        "terhadap 1/T) ditampilkan sebagai pembanding dengan lembar kerja laboratorium; "
        "metode ini kurang efisien memanfaatkan data dan biasanya menghasilkan selang yang "
        "lebih lebar.",
    ),
}

#: References of the method statement (not translated).
REFERENCES: tuple[str, ...] = (
    "ICH Q1E, Evaluation for Stability Data. International Council for Harmonisation, 2003.",
    "M. A. J. S. van Boekel, “Statistical aspects of kinetic modeling for food science "
    "problems,” J. Food Sci., vol. 61, no. 3, pp. 477–486, 1996. "
    "doi:10.1111/j.1365-2621.1996.tb13138.x",
    "D. M. Bates and D. G. Watts, Nonlinear Regression Analysis and Its Applications. "
    "New York: Wiley, 1988.",
    "K. P. Burnham and D. R. Anderson, Model Selection and Multimodel Inference, 2nd ed. "
    "New York: Springer, 2002.",
    "N. R. Draper and H. Smith, Applied Regression Analysis, 3rd ed. New York: Wiley, 1998.",
    "K. C. Waterman, “The application of the Accelerated Stability Assessment Program "
    "(ASAP) to quality by design (QbD) for drug product stability,” AAPS PharmSciTech, "
    "vol. 12, no. 3, pp. 932–937, 2011. doi:10.1208/s12249-011-9657-3",
)
