# load.R: reads answers-wide.csv into the data frame `answers`, with factor labels and missing values.
# Use: setwd() to this folder, then source("load.R", encoding = "UTF-8"). Set analysis_language <- "en" first for English labels.
# Missing codes: -8 = not applicable, -9 = not shown (hidden by an earlier answer). Both become NA;
# `missing_reasons` (same columns) says which. An empty cell is a question left unanswered.
analysis_language <- if (exists("analysis_language")) analysis_language else "nl"
analysis_labels <- function(nl, en) if (identical(analysis_language, "en")) en else nl
answers <- utils::read.csv("answers-wide.csv", fileEncoding = "UTF-8", na.strings = "", check.names = FALSE,
  stringsAsFactors = FALSE, colClasses = c(
    participation_id = "character",
    institution_id = "character",
    institution_name = "character",
    institution_type = "character",
    status = "character",
    gov_policy = "numeric",
    gov_maturity = "numeric",
    gov_count = "numeric",
    gov_kind = "numeric",
    risk_done = "numeric",
    risk_topics_land = "numeric",
    risk_topics_profile_of_th_e3b3ae = "numeric",
    risk_outcomes_cn_ok = "numeric",
    risk_outcomes_cn_stop = "numeric",
    risk_note = "character"))
missing_codes <- c(not_applicable = -8, not_shown = -9)
analysis_variables <- c("gov_policy", "gov_maturity", "gov_count", "gov_kind", "risk_done", "risk_topics_land", "risk_topics_profile_of_th_e3b3ae", "risk_outcomes_cn_ok", "risk_outcomes_cn_stop", "risk_note")
missing_reasons <- answers[analysis_variables]
for (name in analysis_variables) {
  x <- answers[[name]]
  reason <- rep(NA_character_, length(x))
  reason[!is.na(x) & as.character(x) == "-8"] <- "not_applicable"
  reason[!is.na(x) & as.character(x) == "-9"] <- "not_shown"
  missing_reasons[[name]] <- reason
  x[!is.na(reason)] <- NA
  answers[[name]] <- x
}
answers$gov_policy <- factor(answers$gov_policy, levels = c(1, 0),
  labels = analysis_labels(c("Ja", "Nee"), c("Yes", "No")))
attr(answers$gov_policy, "label") <- analysis_labels("Is er een beleid, met 'aanhalingstekens'?", "Is there a policy?")
attr(answers$gov_maturity, "labels") <- stats::setNames(c(0, 1, 2, 3, 4, 5), analysis_labels(c("0 Niet aanwezig", "1", "2", "3", "4", "5 Geoptimaliseerd"), c("0 Not in place", "1", "2", "3", "4", "5 Optimised")))
attr(answers$gov_maturity, "label") <- analysis_labels("Hoe volwassen is het beleid?", "How mature is the policy?")
attr(answers$gov_count, "label") <- analysis_labels("Hoeveel mensen?", "How many people?")
answers$gov_kind <- factor(answers$gov_kind, levels = c(1, 2),
  labels = analysis_labels(c("Centraal", "Decentraal"), c("Central", "Decentralised")))
attr(answers$gov_kind, "label") <- analysis_labels("Welke vorm?", "Which form?")
answers$risk_done <- factor(answers$risk_done, levels = c(1, 0),
  labels = analysis_labels(c("Ja", "Nee"), c("Yes", "No")))
attr(answers$risk_done, "label") <- analysis_labels("Is er een risicoanalyse?", "Is there a risk analysis?")
attr(answers$risk_topics_land, "labels") <- stats::setNames(c(1, 0), analysis_labels(c("gekozen", "niet gekozen"), c("chosen", "not chosen")))
attr(answers$risk_topics_land, "label") <- analysis_labels("Welke onderwerpen?: Land", "Which topics?: Country")
attr(answers$risk_topics_profile_of_th_e3b3ae, "labels") <- stats::setNames(c(1, 0), analysis_labels(c("gekozen", "niet gekozen"), c("chosen", "not chosen")))
attr(answers$risk_topics_profile_of_th_e3b3ae, "label") <- analysis_labels("Welke onderwerpen?: Profiel", "Which topics?: Profile")
attr(answers$risk_outcomes_cn_ok, "label") <- analysis_labels("Uitkomsten: China / Goed", "Outcomes: China / Fine")
attr(answers$risk_outcomes_cn_stop, "label") <- analysis_labels("Uitkomsten: China / Gestopt", "Outcomes: China / Stopped")
attr(answers$risk_note, "label") <- analysis_labels("Toelichting", "Note")
attr(answers, "missing_codes") <- missing_codes
rm(list = intersect(c("name", "x", "reason"), ls()))
