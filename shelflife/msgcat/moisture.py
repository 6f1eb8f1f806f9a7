"""Messages of the moisture topic (see :mod:`shelflife.msgcat`).

Moisture bases, water activity, sorption isotherm fits and saturated salt solutions
(:mod:`shelflife.moisture`). Indonesian terms follow lab usage: *kadar air* (moisture
content), *basis kering*/*basis basah* (dry/wet basis), *aktivitas air* (water activity),
*kadar air kesetimbangan* (equilibrium moisture), *larutan garam jenuh* (saturated salt
solution), *isoterm sorpsi* (sorption isotherm).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ basis
    "moisture_basis_missing": {
        "en": (
            "the moisture basis is not given: dry basis (g water per g dry solids) and wet "
            "basis (g water per g product) differ.",
            "pass basis='wet' for a value from an oven or moisture analyser (per g of "
            "product) or basis='dry' (per g of dry solids), or write it in the column "
            "header, e.g. 'kadar air [% bb]' or 'moisture [% db]'.",
        ),
        "id": (
            "basis kadar air tidak disebutkan: basis kering (g air per g padatan kering) dan "
            "basis basah (g air per g bahan) berbeda.",
            "berikan basis='wet' untuk nilai dari oven atau moisture analyzer (per g bahan) "
            "atau basis='dry' (per g padatan kering), atau tuliskan pada header kolom, "
            "misalnya 'kadar air [% bb]' atau 'kadar air [% bk]'.",
        ),
    },
    "moisture_basis_unknown": {
        "en": (
            "unknown moisture basis '{value}'.",
            "use 'dry' (also 'db', 'bk') or 'wet' (also 'wb', 'bb').",
        ),
        "id": (
            "basis kadar air '{value}' tidak dikenal.",
            "gunakan 'dry' (juga 'db', 'bk') atau 'wet' (juga 'wb', 'bb').",
        ),
    },
    "moisture_basis_conflict": {
        "en": (
            "the moisture is written on {written} basis but basis='{given}' was given.",
            "make the two agree: remove the basis argument or correct the header.",
        ),
        "id": (
            "kadar air tertulis pada basis {written} tetapi diberikan basis='{given}'.",
            "samakan keduanya: hapus argumen basis atau perbaiki header.",
        ),
    },
    "moisture_negative": {
        "en": (
            "a moisture content of {value} g/g is impossible: moisture is always above zero.",
            "check the number and its sign. A negative equilibrium moisture (such as "
            "Me = -0.0537 g/g) comes from an isotherm model used outside its range (e.g. "
            "Chen-Clayton at low water activity) or from a wrong linearisation: refit the "
            "isotherm or use a model that fits the data at that water activity.",
        ),
        "id": (
            "kadar air sebesar {value} g/g tidak mungkin: kadar air selalu lebih dari nol.",
            "periksa angka dan tandanya. Kadar air kesetimbangan negatif (seperti "
            "Me = -0,0537 g/g) berasal dari model isoterm yang dipakai di luar rentangnya "
            "(mis. Chen-Clayton pada aktivitas air rendah) atau dari linearisasi yang keliru: "
            "cocokkan ulang isotermnya atau gunakan model yang sesuai dengan data pada aktivitas "
            "air tersebut.",
        ),
    },
    "moisture_wet_basis_impossible": {
        "en": (
            "a wet-basis moisture of {percent} % is impossible: water cannot make up all of "
            "the product.",
            "plain numbers are read as g/g (write '5.2 %' for percent); a value above 100 % "
            "may be on dry basis (then give basis='dry').",
        ),
        "id": (
            "kadar air basis basah {percent} % tidak mungkin: air tidak dapat menjadi seluruh "
            "bahan.",
            "angka tanpa satuan dibaca sebagai g/g (tulis '5,2 %' untuk persen); nilai di atas "
            "100 % mungkin berbasis kering (berikan basis='dry').",
        ),
    },
    "moisture_dry_basis_high": {
        "en": (
            "a dry-basis moisture of {value} g/g (more than {limit} g/g, i.e. over half of "
            "the product is water) is unusual for a dry food.",
            "check that the value is not a percentage given as a plain number and that wet "
            "and dry basis are not swapped.",
        ),
        "id": (
            "kadar air basis kering {value} g/g (lebih dari {limit} g/g, artinya lebih dari "
            "separuh bahan adalah air) tidak lazim untuk pangan kering.",
            "pastikan nilainya bukan persen yang ditulis tanpa satuan dan basis basah dan "
            "kering tidak tertukar.",
        ),
    },
    "moisture_unit_invalid": {
        "en": (
            "'{value}' is not a unit of moisture content.",
            "use a ratio: '%', 'g/g', 'g/100 g' or 'kg/kg', with the basis given separately.",
        ),
        "id": (
            "'{value}' bukan satuan kadar air.",
            "gunakan rasio: '%', 'g/g', 'g/100 g' atau 'kg/kg', dengan basis disebutkan terpisah.",
        ),
    },
    # ---------------------------------------------------------- water activity
    "water_activity_above_one": {
        "en": (
            "water activity {value} is above 1: water activity is a fraction between 0 and 1, so "
            "this is probably a relative humidity in percent.",
            "divide by 100 (a_w = {fraction}) or write it with its unit, e.g. '75 %'; in a "
            "data sheet name the column 'RH [%]' or 'aw [%]'.",
        ),
        "id": (
            "aktivitas air {value} lebih dari 1: aktivitas air adalah pecahan antara 0 dan 1, jadi "
            "nilai ini kemungkinan kelembaban relatif dalam persen.",
            "bagi dengan 100 (a_w = {fraction}) atau tuliskan dengan satuannya, misalnya "
            "'75 %'; pada lembar data beri nama kolom 'RH [%]' atau 'aw [%]'.",
        ),
    },
    "water_activity_negative": {
        "en": ("water activity {value} is negative.", "water activity lies between 0 and 1."),
        "id": ("aktivitas air {value} bernilai negatif.", "aktivitas air berada antara 0 dan 1."),
    },
    "water_activity_not_inside": {
        "en": (
            "water activity {value} cannot be used to fit an isotherm (0 and 1 are limits, not "
            "measurements).",
            "use only samples equilibrated strictly between a_w 0 and 1.",
        ),
        "id": (
            "aktivitas air {value} tidak dapat dipakai untuk mencocokkan isoterm (0 dan 1 adalah batas, "
            "bukan hasil pengukuran).",
            "gunakan hanya sampel yang setimbang di antara a_w 0 dan 1.",
        ),
    },
    "water_activity_unit_invalid": {
        "en": (
            "'{value}' is not a water activity.",
            "give a fraction (0.75) or a percentage ('75 %').",
        ),
        "id": (
            "'{value}' bukan aktivitas air.",
            "berikan pecahan (0,75) atau persen ('75 %').",
        ),
    },
    # ---------------------------------------------------------------- isotherms
    "isotherm_model_unknown": {
        "en": ("no isotherm model named '{name}'.{suggestion}", "use one of {names}."),
        "id": (
            "tidak ada model isoterm bernama '{name}'.{suggestion}",
            "gunakan salah satu dari {names}.",
        ),
    },
    "isotherm_parameters_invalid": {
        "en": (
            "the parameters of the {model} model are not valid: {reason}.",
            "give {names} in this order (or as a dict).",
        ),
        "id": (
            "parameter model {model} tidak sah: {reason}.",
            "berikan {names} dengan urutan ini (atau sebagai dict).",
        ),
    },
    "isotherm_lengths_differ": {
        "en": (
            "{n_aw} water activities but {n_m} moisture values.",
            "give one moisture value per water activity.",
        ),
        "id": (
            "ada {n_aw} nilai aktivitas air tetapi {n_m} nilai kadar air.",
            "berikan satu nilai kadar air untuk setiap aktivitas air.",
        ),
    },
    "isotherm_value_missing": {
        "en": ("value number {position} is missing (NaN).", "fill it in or remove the point."),
        "id": ("nilai ke-{position} kosong (NaN).", "isi nilainya atau hapus titik tersebut."),
    },
    "isotherm_rows_without_moisture": {
        "en": (
            "{n} rows have no moisture value and were left out (rows {rows}).",
            "fill them in when the jars have been weighed, or delete the rows.",
        ),
        "id": (
            "{n} baris tidak memiliki nilai kadar air dan tidak diikutkan (baris {rows}).",
            "isi nilainya setelah desikator ditimbang, atau hapus baris tersebut.",
        ),
    },
    "isotherm_one_water_activity": {
        "en": (
            "all points are at one water activity ({value}): an isotherm needs several.",
            "equilibrate samples over several saturated salts (e.g. MgCl2, K2CO3, Mg(NO3)2, "
            "NaCl, KCl, K2SO4).",
        ),
        "id": (
            "semua titik berada pada satu aktivitas air ({value}): isoterm memerlukan beberapa.",
            "setimbangkan sampel di atas beberapa larutan garam jenuh (mis. MgCl2, K2CO3, "
            "Mg(NO3)2, NaCl, KCl, K2SO4).",
        ),
    },
    "isotherm_columns_missing": {
        "en": (
            "no water activity (or salt) column or no moisture column was found (found: {found}).",
            "name the columns e.g. 'aw' (or 'RH [%]', or 'garam') and 'kadar air [% bk]', or "
            "pass columns={{'aw': ..., 'moisture': ...}}.",
        ),
        "id": (
            "kolom aktivitas air (atau garam) atau kolom kadar air tidak ditemukan (yang ada: "
            "{found}).",
            "beri nama kolom misalnya 'aw' (atau 'RH [%]', atau 'garam') dan "
            "'kadar air [% bk]', atau berikan columns={{'aw': ..., 'moisture': ...}}.",
        ),
    },
    "isotherm_moisture_unit_missing": {
        "en": (
            "the moisture column '{column}' has no unit and values above 1: percent or g/g?",
            "write the unit and basis in the header, e.g. 'kadar air [% bk]' or "
            "'moisture [g/g db]'.",
        ),
        "id": (
            "kolom kadar air '{column}' tidak bersatuan dan berisi nilai di atas 1: persen "
            "atau g/g?",
            "tuliskan satuan dan basisnya di header, misalnya 'kadar air [% bk]' atau "
            "'kadar air [g/g bk]'.",
        ),
    },
    "isotherm_salt_needs_temperature": {
        "en": (
            "the water activity over the salts in column '{column}' depends on temperature, "
            "which is not given.",
            "pass temperature='30 °C' (the temperature of the desiccators).",
        ),
        "id": (
            "aktivitas air di atas garam pada kolom '{column}' bergantung pada suhu, yang "
            "tidak diberikan.",
            "berikan temperature='30 °C' (suhu desikator).",
        ),
    },
    "isotherm_too_few_points": {
        "en": (
            "the {model} model has {p} parameters but there are only {n} points.",
            "measure at least {needed} water activities, or choose a model with fewer parameters.",
        ),
        "id": (
            "model {model} memiliki {p} parameter tetapi hanya ada {n} titik data.",
            "ukur sedikitnya {needed} aktivitas air, atau pilih model dengan parameter lebih "
            "sedikit.",
        ),
    },
    "isotherm_linearised_unavailable": {
        "en": (
            "the {model} model cannot be fitted through its linear form with these data.",
            "use method='nonlinear'.",
        ),
        "id": (
            "model {model} tidak dapat dicocokkan melalui bentuk liniernya dengan data ini.",
            "gunakan method='nonlinear'.",
        ),
    },
    "isotherm_linearised_unphysical": {
        "en": (
            "the linear form of the {model} model gives {parameter} = {value}, outside its "
            "physical range ({low} to {high}).",
            "the data probably go beyond the model's range (BET above a_w 0.5) or do not "
            "follow it; use method='nonlinear', fewer points, or another model.",
        ),
        "id": (
            "bentuk linier model {model} menghasilkan {parameter} = {value}, di luar rentang "
            "fisiknya ({low} sampai {high}).",
            "data kemungkinan melampaui rentang model (BET di atas a_w 0,5) atau tidak "
            "mengikutinya; gunakan method='nonlinear', lebih sedikit titik, atau model lain.",
        ),
    },
    "isotherm_fit_failed": {
        "en": ("the {model} model could not be fitted: {reason}.", "try another model."),
        "id": ("model {model} tidak dapat dicocokkan: {reason}.", "coba model lain."),
    },
    "isotherm_no_models_fitted": {
        "en": ("no isotherm model could be fitted ({reasons}).", "add points or choose models."),
        "id": (
            "tidak ada model isoterm yang dapat dicocokkan ({reasons}).",
            "tambahkan titik data atau pilih model lain.",
        ),
    },
    "isotherm_not_monotone": {
        "en": (
            "the moisture falls from {m_low} to {m_high} g/g while water activity rises from "
            "{aw_low} to {aw_high}.",
            "check those samples (not yet at equilibrium, mislabelled jar, weighing error): an "
            "isotherm rises with water activity.",
        ),
        "id": (
            "kadar air turun dari {m_low} ke {m_high} g/g sementara aktivitas air naik dari "
            "{aw_low} ke {aw_high}.",
            "periksa sampel tersebut (belum setimbang, label desikator tertukar, kesalahan "
            "penimbangan): isoterm naik seiring aktivitas air.",
        ),
    },
    "isotherm_outside_validity": {
        "en": (
            "the data reach a_w {aw_max} but the {model} model holds only up to about {limit}.",
            "fit it to the points in its range only, or use a model valid over the whole "
            "range such as GAB.",
        ),
        "id": (
            "data mencapai a_w {aw_max} tetapi model {model} hanya berlaku sampai sekitar "
            "{limit}.",
            "cocokkan hanya pada titik di dalam rentangnya, atau gunakan model yang berlaku di "
            "seluruh rentang seperti GAB.",
        ),
    },
    "isotherm_parameter_at_bound": {
        "en": (
            "parameter {parameter} of the {model} model sits at its bound ({value}).",
            "its interval is not reliable; the model may not suit these data.",
        ),
        "id": (
            "parameter {parameter} model {model} berada di batasnya ({value}).",
            "selang kepercayaannya tidak andal; model mungkin tidak cocok untuk data ini.",
        ),
    },
    "isotherm_not_converged": {
        "en": (
            "the fit of the {model} model did not converge.",
            "treat its parameters with caution or compare with other models.",
        ),
        "id": (
            "pencocokan model {model} tidak konvergen.",
            "perlakukan parameternya dengan hati-hati atau bandingkan dengan model lain.",
        ),
    },
    "isotherm_negative_prediction": {
        "en": (
            "the fitted {model} model predicts zero or negative moisture up to a_w {aw}.",
            "do not use it there: an equilibrium moisture below zero is impossible.",
        ),
        "id": (
            "model {model} hasil pencocokan memprediksi kadar air nol atau negatif sampai a_w "
            "{aw}.",
            "jangan gunakan model pada rentang itu: kadar air kesetimbangan di bawah nol tidak "
            "mungkin.",
        ),
    },
    "isotherm_poor_fit": {
        "en": (
            "the {model} model fits poorly (MRD {mrd} %, above 10 %: not accurate).",
            "prefer a model with MRD below 5 % (very accurate) or 5-10 % (fairly accurate).",
        ),
        "id": (
            "model {model} kurang sesuai (MRD {mrd} %, di atas 10 %: tidak tepat).",
            "utamakan model dengan MRD di bawah 5 % (sangat tepat) atau 5-10 % (agak tepat).",
        ),
    },
    "isotherm_moisture_not_positive": {
        "en": (
            "the {model} model gives {value} g/g at a_w {aw}: zero or negative moisture is "
            "impossible.",
            "the model is outside its range there; use another model or stay within the "
            "range of the data.",
        ),
        "id": (
            "model {model} menghasilkan {value} g/g pada a_w {aw}: kadar air nol atau negatif "
            "tidak mungkin.",
            "model berada di luar rentangnya di sana; gunakan model lain atau tetap di dalam "
            "rentang data.",
        ),
    },
    "isotherm_moisture_outside_range": {
        "en": (
            "the {model} isotherm never reaches {value} g/g between a_w 0 and 1 (it spans "
            "{low} to {high} g/g).",
            "check the moisture and its basis (isotherms are on dry basis).",
        ),
        "id": (
            "isoterm {model} tidak pernah mencapai {value} g/g antara a_w 0 dan 1 (rentangnya "
            "{low} sampai {high} g/g).",
            "periksa kadar air dan basisnya (isoterm berbasis kering).",
        ),
    },
    "isotherm_secant_invalid": {
        "en": (
            "a secant needs two points with rising water activity and moisture (a_w {aw_low} "
            "to {aw_high}, m {m_low} to {m_high} g/g).",
            "give the initial moisture below the critical one, or the lower water activity first.",
        ),
        "id": (
            "garis sekan memerlukan dua titik dengan aktivitas air dan kadar air yang naik "
            "(a_w {aw_low} sampai {aw_high}, m {m_low} sampai {m_high} g/g).",
            "berikan kadar air awal di bawah kadar air kritis, atau aktivitas air yang lebih "
            "rendah lebih dahulu.",
        ),
    },
    "isotherm_linear_invalid": {
        "en": (
            "a linear isotherm needs a positive, finite slope (got slope {slope}, intercept "
            "{intercept}).",
            "check the two points the line is drawn through.",
        ),
        "id": (
            "isoterm linier memerlukan kemiringan positif dan terhingga (diberikan kemiringan "
            "{slope}, intersep {intercept}).",
            "periksa dua titik yang dilalui garis tersebut.",
        ),
    },
    # -------------------------------------------------------------------- salts
    "salt_unknown": {
        "en": (
            "no saturated salt solution '{name}' in the table.{suggestion}",
            "use one of {names}.",
        ),
        "id": (
            "larutan garam jenuh '{name}' tidak ada dalam tabel.{suggestion}",
            "gunakan salah satu dari {names}.",
        ),
    },
    "salt_temperature_out_of_range": {
        "en": (
            "{value} °C is outside the tabulated range of {salt} ({low} to {high} °C).",
            "the table is not extrapolated: measure the jar's humidity or choose another salt.",
        ),
        "id": (
            "{value} °C di luar rentang tabel untuk {salt} ({low} sampai {high} °C).",
            "tabel tidak diekstrapolasi: ukur kelembaban desikator atau pilih garam lain.",
        ),
    },
    "salt_none_at_temperature": {
        "en": (
            "no salt in the table is tabulated at {value} °C.",
            "use a temperature between 0 and 50 °C.",
        ),
        "id": (
            "tidak ada garam dalam tabel pada {value} °C.",
            "gunakan suhu antara 0 dan 50 °C.",
        ),
    },
    "salt_data_invalid": {
        "en": ("the saturated salt table is not valid: {reason}.", "reinstall shelflife."),
        "id": ("tabel larutan garam jenuh tidak sah: {reason}.", "instal ulang shelflife."),
    },
}
