/* What the indicator files of src/store/ share: each indicator as one SQL set.
 * Never included outside src/store/. */
#pragma once

#include <glib.h>

#include "opora-drilldown-item.h"

G_BEGIN_DECLS

/* One indicator in SQL. @set_sql selects one row per record behind the denominator —
 * `id` (the record's key) and `counted` (0 or 1: whether it is in the numerator too) —
 * with ?1 the first and ?2 the last day of the period (ISO text). The figures are
 * `SELECT count(*), sum(counted)` over it and the drill-down lists the same rows, so the
 * two can never disagree. For a count indicator (lift.agreements) the rows are the
 * records that might be counted and only sum(counted) is used.
 *
 * Where the figures are also counted ahead of time (opora-schema-peer.h), @count_sql
 * reads them: one row of the denominator and the numerator, with the same parameters.
 * @set_sql stays the definition, which the drill-down lists; tests compare the two on
 * every scenario (tests/test-indicators*.c) and on random databases.
 *
 * The SQL is standard but for SQLite's date() and strftime() in the calendar-month rule. */
typedef struct
{
  const char          *id;
  const char          *set_sql;
  OporaDrilldownKind   kind;       /* what `id` is the key of */
  const char * const  *tables;     /* what the figures depend on: NULL-terminated */
  const char          *count_sql;  /* NULL: the figures are counted over @set_sql */
} OporaIndicatorQuery;

/* The query that gives the figures of @query — denominator, numerator — as the store
 * runs it: @count_sql, or the count over @set_sql. */
char *opora_indicator_query_figures_sql (const OporaIndicatorQuery *query);

/* The indicators whose data the schema holds, technology by technology. */
const OporaIndicatorQuery *opora_indicator_queries_peer  (guint *n_queries);
const OporaIndicatorQuery *opora_indicator_queries_lift  (guint *n_queries);
const OporaIndicatorQuery *opora_indicator_queries_agent (guint *n_queries);

/* One calendar month after the date @d (an SQL expression), as
 * opora_date_add_calendar_month() computes it: the same day of the next month, or that
 * month's last day when it is shorter (31.01 → 28.02, 29.02 in a leap year). SQLite's
 * date(d, '+1 month') runs over into the month after instead (2024-01-31 → 2024-03-02):
 * when the day of the month changed, the last day of the next month is taken. */
#define OPORA_SQL_CALENDAR_MONTH_AFTER(d)                                            \
  "(CASE WHEN strftime('%d', date(" d ", '+1 month')) <> strftime('%d', " d ")"      \
  " THEN date(" d ", 'start of month', '+2 months', '-1 day')"                       \
  " ELSE date(" d ", '+1 month') END)"

/* "Contract holders": persons whose social contract was concluded in the period. */
#define OPORA_SQL_CONTRACT_HOLDERS                                                   \
  "SELECT DISTINCT c.person_id FROM contract c WHERE c.concluded_on BETWEEN ?1 AND ?2"

/* "Participants": persons enrolled in the technology @tech at any time during the
 * period — they started on or before its last day and had not left before its first. */
#define OPORA_SQL_PARTICIPANTS(tech)                                                 \
  "SELECT DISTINCT e.person_id FROM enrollment e WHERE e.technology = '" tech "'"    \
  " AND e.from_on <= ?2 AND (e.until_on IS NULL OR e.until_on >= ?1)"

/* The seed survey (survey_template.code 'peer_consent'): Q1 ready for psychological
 * sessions, Q2 ready to use others' experience. A question edited after it was answered
 * is retired and replaced by a new row with the same code, so codes, not ids, are matched
 * and old answers still count. */
#define OPORA_SQL_SEED_SURVEY                                                        \
  "(SELECT t.id FROM survey_template t WHERE t.code = 'peer_consent')"

/* The ids of the seed survey's question @q ('q1', 'q2'), retired or not. */
#define OPORA_SQL_SEED_QUESTION(q)                                                   \
  "(SELECT q.id FROM survey_question q WHERE q.code = '" q "'"                       \
  " AND q.template_id IN " OPORA_SQL_SEED_SURVEY ")"

/* Whether the response r answered the seed survey's question @q with "yes". */
#define OPORA_SQL_ANSWERED_YES(q)                                                    \
  "EXISTS (SELECT 1 FROM survey_answer a WHERE a.response_id = r.id"                 \
  " AND a.question_id IN " OPORA_SQL_SEED_QUESTION (q) " AND a.value = 'yes')"

/* Whether person @p answered the seed survey's question @q with "yes" in a response
 * dated by @date_rule (an SQL condition on r.responded_on). */
#define OPORA_SQL_SEED_ANSWER_YES(p, q, date_rule)                                   \
  "EXISTS (SELECT 1 FROM survey_response r WHERE r.person_id = " p                   \
  " AND r.template_id IN " OPORA_SQL_SEED_SURVEY " AND " date_rule                   \
  " AND " OPORA_SQL_ANSWERED_YES (q) ")"

/* Whether person @p attended, with @role_rule (an SQL condition on m.role), a group of
 * @kind held on or before ?2. Written as nested EXISTS so that the database starts
 * from the person's memberships, whatever it knows of the tables' sizes. */
#define OPORA_SQL_ATTENDED_BY_END(p, role_rule, kind)                                \
  "EXISTS (SELECT 1 FROM group_member m WHERE m.person_id = " p                      \
  " AND " role_rule " AND m.attended = 1 AND EXISTS (SELECT 1 FROM group_activity g" \
  " WHERE g.id = m.group_id AND g.kind = '" kind "' AND g.held = 1"                  \
  " AND g.meeting_on <= ?2))"

G_END_DECLS
