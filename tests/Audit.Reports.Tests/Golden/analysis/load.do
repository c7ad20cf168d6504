* load.do: reads answers-wide.csv with labels and missing values. cd to this folder, then: do load.do
* Missing codes: -8 = not applicable (.a), -9 = not shown, hidden by an earlier answer (.b); an empty cell is unanswered (.).
* Text variables keep "-8" and "-9" as text; see the notes on each.
version 14
import delimited using "answers-wide.csv", varnames(1) case(preserve) encoding("utf-8") delimiters(",") ///
    bindquotes(strict) asdouble clear ///
    stringcols(1 2 3 4 5 15) ///
    numericcols(6 7 8 9 10 11 12 13 14)
mvdecode gov_policy gov_maturity gov_count gov_kind risk_done risk_topics_land risk_topics_profile_of_th_e3b3ae risk_outcomes_cn_ok risk_outcomes_cn_stop, mv(-8 = .a \ -9 = .b)
label variable gov_policy `"Is er een beleid, met 'aanhalingstekens'?"'
label define gov_policy ///
    1 `"Ja"' ///
    0 `"Nee"' ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values gov_policy gov_policy
label variable gov_maturity `"Hoe volwassen is het beleid?"'
label define gov_maturity ///
    0 `"0 Niet aanwezig"' ///
    1 `"1"' ///
    2 `"2"' ///
    3 `"3"' ///
    4 `"4"' ///
    5 `"5 Geoptimaliseerd"' ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values gov_maturity gov_maturity
label variable gov_count `"Hoeveel mensen?"'
label define gov_count ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values gov_count gov_count
label variable gov_kind `"Welke vorm?"'
label define gov_kind ///
    1 `"Centraal"' ///
    2 `"Decentraal"' ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values gov_kind gov_kind
label variable risk_done `"Is er een risicoanalyse?"'
label define risk_done ///
    1 `"Ja"' ///
    0 `"Nee"' ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values risk_done risk_done
label variable risk_topics_land `"Welke onderwerpen?: Land"'
label define risk_topics_land ///
    1 `"gekozen"' ///
    0 `"niet gekozen"' ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values risk_topics_land risk_topics_land
label variable risk_topics_profile_of_th_e3b3ae `"Welke onderwerpen?: Profiel"'
label define risk_topics_profile_of_th_e3b3ae ///
    1 `"gekozen"' ///
    0 `"niet gekozen"' ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values risk_topics_profile_of_th_e3b3ae risk_topics_profile_of_th_e3b3ae
label variable risk_outcomes_cn_ok `"Uitkomsten: China / Goed"'
label define risk_outcomes_cn_ok ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values risk_outcomes_cn_ok risk_outcomes_cn_ok
label variable risk_outcomes_cn_stop `"Uitkomsten: China / Gestopt"'
label define risk_outcomes_cn_stop ///
    .a `"niet van toepassing"' ///
    .b `"niet getoond (verborgen door een eerder antwoord)"', replace
label values risk_outcomes_cn_stop risk_outcomes_cn_stop
label variable risk_note `"Toelichting"'
notes risk_note: "-8" = not applicable, "-9" = not shown (hidden by an earlier answer)
compress
