* Encoding: UTF-8.
* load.sps: reads answers-wide.csv with labels and missing values. Open it in this folder (or CD to it) and run all.
* Missing codes: -8 = not applicable, -9 = not shown (hidden by an earlier answer); an empty cell is unanswered.
SET UNICODE=ON.
GET DATA
  /TYPE=TXT
  /FILE='answers-wide.csv'
  /ENCODING='UTF8'
  /DELCASE=LINE
  /DELIMITERS=","
  /QUALIFIER='"'
  /ARRANGEMENT=DELIMITED
  /FIRSTCASE=2
  /VARIABLES=
    participation_id A8
    institution_id A8
    institution_name A12
    institution_type A12
    status A8
    gov_policy F3.0
    gov_maturity F3.0
    gov_count F20.4
    gov_kind F3.0
    risk_done F3.0
    risk_topics_land F3.0
    risk_topics_profile_of_th_e3b3ae F3.0
    risk_outcomes_cn_ok F12.0
    risk_outcomes_cn_stop F12.0
    risk_note A34.
VARIABLE LABELS
  gov_policy 'Is er een beleid, met ''aanhalingstekens''?'
  /gov_maturity 'Hoe volwassen is het beleid?'
  /gov_count 'Hoeveel mensen?'
  /gov_kind 'Welke vorm?'
  /risk_done 'Is er een risicoanalyse?'
  /risk_topics_land 'Welke onderwerpen?: Land'
  /risk_topics_profile_of_th_e3b3ae 'Welke onderwerpen?: Profiel'
  /risk_outcomes_cn_ok 'Uitkomsten: China / Goed'
  /risk_outcomes_cn_stop 'Uitkomsten: China / Gestopt'
  /risk_note 'Toelichting'.
VALUE LABELS
  gov_policy
    1 'Ja'
    0 'Nee'
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /gov_maturity
    0 '0 Niet aanwezig'
    1 '1'
    2 '2'
    3 '3'
    4 '4'
    5 '5 Geoptimaliseerd'
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /gov_count
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /gov_kind
    1 'Centraal'
    2 'Decentraal'
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /risk_done
    1 'Ja'
    0 'Nee'
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /risk_topics_land
    1 'gekozen'
    0 'niet gekozen'
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /risk_topics_profile_of_th_e3b3ae
    1 'gekozen'
    0 'niet gekozen'
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /risk_outcomes_cn_ok
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /risk_outcomes_cn_stop
    -8 'niet van toepassing'
    -9 'niet getoond (verborgen door een eerder antwoord)'
  /risk_note
    '-8' 'niet van toepassing'
    '-9' 'niet getoond (verborgen door een eerder antwoord)'.
MISSING VALUES
  gov_policy gov_maturity gov_count gov_kind risk_done risk_topics_land risk_topics_profile_of_th_e3b3ae risk_outcomes_cn_ok
   risk_outcomes_cn_stop (-8, -9)
  /risk_note ('-8', '-9').
EXECUTE.
