/* The indicators of «Социальный лифт» (social lift, seed 002) and those of «Социальный
 * агент» (seed 001) whose data the schema already holds, in SQL.
 *
 * The words of SPEC.md "Indicators (KPIs)", as these queries read them (?1 = from,
 * ?2 = to):
 * - "in the period": dated from ?1 to ?2, both days included;
 * - everything else counts as of the end of the period: a fact dated on or before ?2 (a
 *   survey response, an analysis, an outcome recorded, an agreement in force on ?2);
 * - "contract holders": persons whose social contract was concluded in the period;
 * - "participants": persons enrolled in the technology at any time during the period
 *   (enrollment.from_on <= ?2 and not left before ?1);
 * - "ended contracts": contracts whose term ended in the period (term_end in the period);
 * - a measure "is done" when its status is 'done' with done_on on or before ?2;
 * - "said they are satisfied": recorded on the enrollment when the participant leaves.
 *
 * A participant's measures, analyses and outcomes are those of the social contracts they
 * hold as the applicant (contract.person_id), concluded on or before ?2. A person with
 * several such contracts is counted when one of them qualifies: the unit is the person.
 */
#define G_LOG_DOMAIN "opora-store"

#include "opora-store-indicators-private.h"

/* The participants (p) with their contracts concluded on or before ?2 (c) and the
 * measures of @type in those contracts' programmes (m): one row per measure. */
#define PARTICIPANT_MEASURES(type)                                                   \
  " FROM (" OPORA_SQL_PARTICIPANTS ("lift") ") p"                                    \
  " JOIN contract c ON c.person_id = p.person_id AND c.concluded_on <= ?2"           \
  " JOIN measure m ON m.contract_id = c.id AND m.type = '" type "'"

/* The share of participants with a measure of @type who have one that meets @rule (an
 * SQL condition on m). */
#define MEASURE_SHARE(type, rule)                                                    \
  "SELECT p.person_id AS id, max(CASE WHEN " rule " THEN 1 ELSE 0 END) AS counted"   \
  PARTICIPANT_MEASURES (type) " GROUP BY p.person_id"

/* A measure "is done": status done, done on or before ?2 (done later: not yet). */
#define MEASURE_DONE "m.status = 'done' AND m.done_on <= ?2"

/* The participants (p) with their contracts whose term ended in the period (c) and the
 * outcome of each, if any (o): one row per ended contract. */
#define PARTICIPANT_ENDED_CONTRACTS                                                  \
  " FROM (" OPORA_SQL_PARTICIPANTS ("lift") ") p"                                    \
  " JOIN contract c ON c.person_id = p.person_id AND c.term_end BETWEEN ?1 AND ?2"   \
  " LEFT JOIN outcome o ON o.contract_id = c.id"

/* The share of participants with an ended contract who have one whose outcome, recorded
 * on or before ?2, meets @rule (an SQL condition on o). */
#define ENDED_SHARE(rule)                                                            \
  "SELECT p.person_id AS id, max(CASE WHEN o.recorded_on <= ?2 AND " rule            \
  " THEN 1 ELSE 0 END) AS counted" PARTICIPANT_ENDED_CONTRACTS " GROUP BY p.person_id"

static const char * const analysis_tables[] = { "contract", "programme_analysis", NULL };
static const char * const agreement_tables[] = { "organisation", "agreement", NULL };
static const char * const measure_tables[] = { "enrollment", "contract", "measure", NULL };
static const char * const low_income_tables[] = {
  "enrollment", "contract", "programme_analysis", "survey_template", "survey_response", NULL
};
static const char * const training_tables[] = {
  "enrollment", "survey_template", "survey_question", "survey_response", "survey_answer",
  "group_activity", "group_member", NULL
};
static const char * const outcome_tables[] = { "enrollment", "contract", "outcome", NULL };
static const char * const enrollment_tables[] = { "enrollment", NULL };
static const char * const contract_outcome_tables[] = { "contract", "outcome", NULL };

static const OporaIndicatorQuery lift_queries[] = {
  /* lift.analysed — contract holders whose programme was analysed / contract holders:
   * the analysis of a contract concluded in the period is done, dated on or before ?2. */
  { "lift.analysed",
    "SELECT c.person_id AS id, max(CASE WHEN pa.done = 1 AND pa.analysed_on <= ?2"
    " THEN 1 ELSE 0 END) AS counted FROM contract c"
    " LEFT JOIN programme_analysis pa ON pa.contract_id = c.id"
    " WHERE c.concluded_on BETWEEN ?1 AND ?2 GROUP BY c.person_id",
    OPORA_DRILLDOWN_PERSON, analysis_tables },

  /* lift.agreements — a count: partner organisations with an agreement in force on ?2
   * (signed on or before it, valid until it or later, or open-ended). Every organisation
   * is a row, so the drill-down shows those without one too. */
  { "lift.agreements",
    "SELECT o.id AS id, EXISTS (SELECT 1 FROM agreement ag WHERE ag.organisation_id = o.id"
    " AND ag.signed_on <= ?2 AND (ag.valid_until IS NULL OR ag.valid_until >= ?2))"
    " AS counted FROM organisation o",
    OPORA_DRILLDOWN_ORGANISATION, agreement_tables },

  /* lift.employed — participants whose employment measure is done / participants with an
   * employment measure. */
  { "lift.employed", MEASURE_SHARE ("employment", MEASURE_DONE),
    OPORA_DRILLDOWN_PERSON, measure_tables },

  /* lift.retrained — participants whose training measure is done / participants with a
   * training measure. */
  { "lift.retrained", MEASURE_SHARE ("training", MEASURE_DONE),
    OPORA_DRILLDOWN_PERSON, measure_tables },

  /* lift.finlit_course — participants whose financial-literacy measure is done /
   * participants with a financial-literacy measure. */
  { "lift.finlit_course", MEASURE_SHARE ("financial_literacy", MEASURE_DONE),
    OPORA_DRILLDOWN_PERSON, measure_tables },

  /* lift.finlit_informed — participants with a financial-literacy measure who were
   * informed of online learning resources / participants with a financial-literacy
   * measure. The flag carries no date of its own. */
  { "lift.finlit_informed", MEASURE_SHARE ("financial_literacy", "m.informed_online = 1"),
    OPORA_DRILLDOWN_PERSON, measure_tables },

  /* lift.surveyed — participants with low income identified who have a survey response /
   * participants with low income identified. Low income is identified by the analysis of
   * a programme (programme_analysis.low_income = 1) of a contract concluded on or before
   * ?2, not analysed after ?2; the survey is the seed survey, which seed 002 uses too, a
   * response dated on or before ?2. */
  { "lift.surveyed",
    "SELECT p.person_id AS id, EXISTS (SELECT 1 FROM survey_response r"
    " WHERE r.person_id = p.person_id AND r.template_id IN " OPORA_SQL_SEED_SURVEY
    " AND r.responded_on <= ?2) AS counted"
    " FROM (" OPORA_SQL_PARTICIPANTS ("lift") ") p"
    " WHERE EXISTS (SELECT 1 FROM contract c JOIN programme_analysis pa"
    " ON pa.contract_id = c.id WHERE c.person_id = p.person_id AND c.concluded_on <= ?2"
    " AND pa.low_income = 1 AND (pa.analysed_on IS NULL OR pa.analysed_on <= ?2))",
    OPORA_DRILLDOWN_PERSON, low_income_tables },

  /* lift.trained — participants who answered Q1 = yes and attended a held psychological
   * training / participants who answered Q1 = yes. The answer and the training count as
   * of the end of the period (on or before ?2): neither is said to be in the period. Any
   * member who attended took part — a training has no peers who share. */
  { "lift.trained",
    "SELECT p.person_id AS id, "
    OPORA_SQL_ATTENDED_BY_END ("p.person_id", "1", "psych_training") " AS counted"
    " FROM (" OPORA_SQL_PARTICIPANTS ("lift") ") p"
    " WHERE " OPORA_SQL_SEED_ANSWER_YES ("p.person_id", "q1", "r.responded_on <= ?2"),
    OPORA_DRILLDOWN_PERSON, training_tables },

  /* lift.recorded — participants whose ended contract has its outcome entered /
   * participants with an ended contract. */
  { "lift.recorded", ENDED_SHARE ("1"), OPORA_DRILLDOWN_PERSON, outcome_tables },

  /* lift.programmes — ended contracts of participants fully completed / ended contracts
   * of participants: contracts (not persons) whose term ended in the period, of an
   * applicant who took part in the period, with an outcome recorded on or before ?2
   * saying the programme was completed in full. */
  { "lift.programmes",
    "SELECT c.id AS id, CASE WHEN o.programme_completed = 1 AND o.recorded_on <= ?2"
    " THEN 1 ELSE 0 END AS counted" PARTICIPANT_ENDED_CONTRACTS,
    OPORA_DRILLDOWN_CONTRACT, outcome_tables },

  /* lift.status — participants with an ended contract whose social status rose (outcome
   * status_raised, recorded on or before ?2) / participants with an ended contract. */
  { "lift.status", ENDED_SHARE ("o.status_raised = 1"),
    OPORA_DRILLDOWN_PERSON, outcome_tables },

  /* lift.satisfied — participants who said they are satisfied / participants. The answer
   * is on an enrollment of the period; it is given when the participant leaves, so one
   * who left after ?2 had not said it yet at the end of the period. An answer on an
   * enrollment without a last day has no date to place it after ?2 and counts. */
  { "lift.satisfied",
    "SELECT e.person_id AS id, max(CASE WHEN e.satisfied = 1"
    " AND (e.until_on IS NULL OR e.until_on <= ?2) THEN 1 ELSE 0 END) AS counted"
    " FROM enrollment e WHERE e.technology = 'lift' AND e.from_on <= ?2"
    " AND (e.until_on IS NULL OR e.until_on >= ?1) GROUP BY e.person_id",
    OPORA_DRILLDOWN_PERSON, enrollment_tables },
};

static const OporaIndicatorQuery agent_queries[] = {
  /* agent.programmes — ended contracts with the programme fully completed / ended
   * contracts. The SPEC does not narrow it to the technology's participants (unlike
   * lift.programmes): every contract whose term ended in the period, with an outcome
   * recorded on or before ?2 saying the programme was completed in full. */
  { "agent.programmes",
    "SELECT c.id AS id, CASE WHEN o.programme_completed = 1 AND o.recorded_on <= ?2"
    " THEN 1 ELSE 0 END AS counted FROM contract c"
    " LEFT JOIN outcome o ON o.contract_id = c.id WHERE c.term_end BETWEEN ?1 AND ?2",
    OPORA_DRILLDOWN_CONTRACT, contract_outcome_tables },
};

const OporaIndicatorQuery *
opora_indicator_queries_lift (guint *n_queries)
{
  *n_queries = G_N_ELEMENTS (lift_queries);
  return lift_queries;
}

const OporaIndicatorQuery *
opora_indicator_queries_agent (guint *n_queries)
{
  *n_queries = G_N_ELEMENTS (agent_queries);
  return agent_queries;
}
