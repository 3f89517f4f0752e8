/* The peer.* indicators counted ahead of time (schema version 5): the SQL of the two
 * derived tables, how they are filled and the triggers that keep them. Included by
 * opora-schema.c only.
 *
 * Why: an indicator read from its definition (opora-store-indicators-peer.c) visits every
 * person of its denominator — in a year of the million-contract demo a quarter of a
 * million contract holders, each looked up in the survey responses: 0.3–0.5 s for
 * peer.surveyed alone. Here the same sets are kept counted by day, so that a year is a
 * few thousand rows to add up.
 *
 * peer_event holds, for five peer.* indicators, every event that puts a person in the
 * indicator's denominator:
 * - peer.surveyed: a contract concluded (on_day = concluded_on);
 * - peer.participation: a wish, that is a response to the seed survey with Q2 = yes
 *   (on_day = responded_on) or a hand mark (on_day = marked_on);
 * - peer.followed_up, peer.improved, peer.satisfied: an attendance, as a participant, at
 *   a held peer meeting (on_day = meeting_on);
 * each with
 * - previous_on: the day of the person's previous event of the indicator ('' if none).
 *   A person with events in [from, to] is in the denominator once, by the first of them:
 *   the one with previous_on < from;
 * - due_on: for peer.followed_up the day the call is due (the meeting plus one calendar
 *   month), for the others on_day. Every reading adds due_on <= to, which only
 *   peer.followed_up needs: the call is due by `to` when the first attendance of the
 *   period is, since due_on grows with on_day;
 * - reached_on: the day from which this event, the first of the person's in a period,
 *   puts the person in the numerator ('never' if it cannot): counted when reached_on <= to.
 *   · peer.surveyed: the person's first response to the seed survey;
 *   · peer.participation: the first held peer meeting the person attended as a
 *     participant;
 *   · peer.followed_up: the earliest, over this attendance and the person's later ones,
 *     of max(due_on, called_on): an attendance of the period counts when its call was
 *     due and made by `to`, and a later one outside the period is due after `to`;
 *   · peer.improved, peer.satisfied: the same with max(on_day, called_on) of a call
 *     that says "better", or that the person is satisfied.
 *   For the first two the day is never earlier than on_day: every event read has
 *   on_day <= to, so "on or before `to`" is unchanged, and a day's events fall into
 *   fewer rows of peer_tally.
 *
 * peer_tally is peer_event counted by (indicator, on_day, previous_on, reached_on). An
 * indicator of [from, to] is then sum(n) over its rows with on_day in [from, to],
 * previous_on < from and due_on <= to, the numerator the part with reached_on <= to.
 * The sentinels '' and 'never' sort before and after every ISO date, and unlike NULL
 * they are equal to themselves, which the tally's key needs.
 *
 * Keeping them: a write to a table that an indicator reads deletes the events of the
 * persons it touches and inserts them again from the tables (PEER_RECOMPUTE_*), and
 * peer_event's own triggers count each row in or out of peer_tally. Neither table has a
 * foreign key: Delete and Undo go through the tables they derive from, and export never
 * sees them. A bulk load drops these triggers and fills both tables again at its end
 * with PEER_FILL (opora_schema_rebuild_derived()).
 *
 * Migration 5 made them from this text. A later change to what they hold is a new step
 * that drops and makes them again; this header then describes the latest.
 */
#pragma once

#include "opora-store-indicators-private.h"

#define PEER_INDICATORS_ATTENDED "('peer.followed_up', 'peer.improved', 'peer.satisfied')"

#define PEER_EVENT_COLUMNS                                                          \
  "(indicator, person_id, source_id, on_day, previous_on, reached_on, due_on)"

/* peer.surveyed, one event a contract. A person may hold many contracts, so each is
 * followed by itself (source_id): a contract saved changes its own event and the
 * previous_on of the next one, which the seeks below find; a response to the seed
 * survey changes the person's reached_on, on every contract of theirs. @contracts is a
 * condition on c, the contracts whose events are made. */
#define PEER_EVENTS_SURVEYED(contracts)                                             \
  "INSERT INTO peer_event " PEER_EVENT_COLUMNS                                      \
  " SELECT 'peer.surveyed', c.person_id, c.id, c.concluded_on,"                     \
  " CASE WHEN EXISTS (SELECT 1 FROM contract p WHERE p.person_id = c.person_id"     \
  " AND p.concluded_on = c.concluded_on AND p.id < c.id) THEN c.concluded_on"       \
  " ELSE coalesce ((SELECT max (p.concluded_on) FROM contract p"                    \
  " WHERE p.person_id = c.person_id AND p.concluded_on < c.concluded_on), '') END," \
  " max (c.concluded_on, coalesce ((SELECT min (r.responded_on) FROM survey_response r" \
  " WHERE r.person_id = c.person_id AND r.template_id IN " OPORA_SQL_SEED_SURVEY ")," \
  " 'never')), c.concluded_on"                                                      \
  " FROM contract c WHERE " contracts ";\n"

/* The events of the contracts of person @p (an SQL expression) concluded on @day and on
 * the next day the person concluded one after it: those whose previous_on a contract
 * of @p on @day, come or gone, may change. */
#define PEER_SURVEYED_AROUND(p, day)                                                \
  " IN (SELECT n.id FROM contract n WHERE n.person_id = " p " AND (n.concluded_on = " day \
  " OR n.concluded_on = (SELECT min (x.concluded_on) FROM contract x"               \
  " WHERE x.person_id = " p " AND x.concluded_on > " day ")))"

#define PEER_RESURVEY_AROUND(p, day)                                                \
  "DELETE FROM peer_event WHERE indicator = 'peer.surveyed' AND person_id = " p     \
  " AND source_id" PEER_SURVEYED_AROUND (p, day) ";\n"                              \
  PEER_EVENTS_SURVEYED ("c.id" PEER_SURVEYED_AROUND (p, day))

#define PEER_FORGET_CONTRACT(row)                                                   \
  "DELETE FROM peer_event WHERE indicator = 'peer.surveyed'"                        \
  " AND person_id = " row ".person_id AND source_id = " row ".id;\n"

/* The events of the persons whose id satisfies @who, a condition on it without its
 * column: " IN (new.person_id)", or " IS NOT NULL" for everyone. Window functions order
 * each person's events; person_id leads every partition. */

#define PEER_EVENTS_PARTICIPATION(who)                                              \
  "INSERT INTO peer_event " PEER_EVENT_COLUMNS                                      \
  " SELECT 'peer.participation', w.person_id, NULL, w.on_day,"                      \
  " coalesce (lag (w.on_day) OVER v, ''),"                                          \
  " max (w.on_day, coalesce ((SELECT min (g.meeting_on) FROM group_member m"        \
  " JOIN group_activity g ON g.id = m.group_id WHERE m.person_id = w.person_id"     \
  " AND m.role = 'participant' AND m.attended = 1 AND g.kind = 'peer_meeting'"      \
  " AND g.held = 1), 'never')), w.on_day"                                           \
  " FROM (SELECT r.person_id, r.responded_on AS on_day FROM survey_response r"      \
  " WHERE r.person_id" who " AND r.template_id IN " OPORA_SQL_SEED_SURVEY           \
  " AND " OPORA_SQL_ANSWERED_YES ("q2")                                             \
  " UNION ALL SELECT pw.person_id, pw.marked_on FROM peer_wish pw"                  \
  " WHERE pw.person_id" who ") w"                                                   \
  " WINDOW v AS (PARTITION BY w.person_id ORDER BY w.on_day);\n"

/* Attendances as a participant at held peer meetings, with the follow-up call if any. */
#define PEER_ATTENDANCES(who)                                                       \
  "(SELECT m.person_id, g.id AS group_id, g.meeting_on AS on_day, "                 \
  OPORA_SQL_CALENDAR_MONTH_AFTER ("g.meeting_on") " AS due_on,"                     \
  " f.called_on, f.situation, f.satisfied"                                          \
  " FROM group_member m JOIN group_activity g ON g.id = m.group_id"                 \
  " LEFT JOIN followup_call f ON f.group_id = m.group_id AND f.person_id = m.person_id" \
  " WHERE m.person_id" who " AND m.role = 'participant' AND m.attended = 1"         \
  " AND g.kind = 'peer_meeting' AND g.held = 1)"

/* The three indicators of attendees at once; "the earliest over this attendance and the
 * later ones" is a minimum over the rest of the person's window. */
#define PEER_EVENTS_ATTENDED(who)                                                   \
  "INSERT INTO peer_event " PEER_EVENT_COLUMNS                                      \
  " SELECT k.indicator, a.person_id, NULL, a.on_day,"                               \
  " coalesce (lag (a.on_day) OVER w, ''),"                                          \
  " min (CASE k.indicator"                                                          \
  " WHEN 'peer.followed_up' THEN max (a.due_on, coalesce (a.called_on, 'never'))"   \
  " WHEN 'peer.improved' THEN (CASE WHEN a.situation = 'better'"                    \
  " THEN max (a.on_day, a.called_on) ELSE 'never' END)"                             \
  " ELSE (CASE WHEN a.satisfied = 1 THEN max (a.on_day, a.called_on) ELSE 'never' END)" \
  " END) OVER (w ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING),"                \
  " CASE k.indicator WHEN 'peer.followed_up' THEN a.due_on ELSE a.on_day END"       \
  " FROM " PEER_ATTENDANCES (who) " a,"                                             \
  " (SELECT 'peer.followed_up' AS indicator UNION ALL SELECT 'peer.improved'"       \
  " UNION ALL SELECT 'peer.satisfied') k"                                           \
  " WINDOW w AS (PARTITION BY a.person_id, k.indicator ORDER BY a.on_day, a.group_id);\n"

#define PEER_FORGET(indicators, who)                                                \
  "DELETE FROM peer_event WHERE indicator IN " indicators " AND person_id" who ";\n"

#define PEER_RECOMPUTE_SURVEYED(who)                                                \
  PEER_FORGET ("('peer.surveyed')", who) PEER_EVENTS_SURVEYED ("c.person_id" who)
#define PEER_RECOMPUTE_PARTICIPATION(who)                                           \
  PEER_FORGET ("('peer.participation')", who) PEER_EVENTS_PARTICIPATION (who)
#define PEER_RECOMPUTE_ATTENDED(who)                                                \
  PEER_FORGET (PEER_INDICATORS_ATTENDED, who) PEER_EVENTS_ATTENDED (who)

#define PEER_TABLES                                                                 \
  "CREATE TABLE peer_event (\n"                                                     \
  "  indicator    TEXT NOT NULL,\n"                                                 \
  "  person_id    INTEGER NOT NULL,\n"                                              \
  "  source_id    INTEGER,\n"                                                       \
  "  on_day       TEXT NOT NULL,\n"                                                 \
  "  previous_on  TEXT NOT NULL,\n"                                                 \
  "  reached_on   TEXT NOT NULL,\n"                                                 \
  "  due_on       TEXT NOT NULL\n"                                                  \
  ");\n"                                                                            \
  "CREATE TABLE peer_tally (\n"                                                     \
  "  indicator    TEXT NOT NULL,\n"                                                 \
  "  on_day       TEXT NOT NULL,\n"                                                 \
  "  previous_on  TEXT NOT NULL,\n"                                                 \
  "  reached_on   TEXT NOT NULL,\n"                                                 \
  "  due_on       TEXT NOT NULL,\n"                                                 \
  "  n            INTEGER NOT NULL CHECK (n > 0),\n"                                \
  "  PRIMARY KEY (indicator, on_day, previous_on, reached_on)\n"                    \
  ") WITHOUT ROWID;\n"

/* Everything again from the tables, peer_tally in one sorted pass: meant to run without
 * the triggers below (a bulk load drops them), right with them too. */
#define PEER_FILL                                                                   \
  "DELETE FROM peer_event;\n"                                                       \
  PEER_EVENTS_SURVEYED ("c.person_id IS NOT NULL")                                  \
  PEER_EVENTS_PARTICIPATION (" IS NOT NULL")                                        \
  PEER_EVENTS_ATTENDED (" IS NOT NULL")                                             \
  "DELETE FROM peer_tally;\n"                                                       \
  "INSERT INTO peer_tally (indicator, on_day, previous_on, reached_on, due_on, n)"  \
  " SELECT indicator, on_day, previous_on, reached_on, due_on, count(*) FROM peer_event" \
  " GROUP BY indicator, on_day, previous_on, reached_on;\n"

#define PEER_TRIGGER(name, event, table, body)                                      \
  "CREATE TRIGGER " name " AFTER " event " ON " table " BEGIN\n" body "END;\n"

/* Three triggers, after insert, delete and update of @columns, that run @recompute for
 * the person of the new row, of the old one, and of both. */
#define PEER_KEEP(table, columns, recompute, person)                                \
  PEER_TRIGGER ("peer_event_" table "_ai", "INSERT", table,                         \
                recompute (" IN (new." person ")"))                                 \
  PEER_TRIGGER ("peer_event_" table "_ad", "DELETE", table,                         \
                recompute (" IN (old." person ")"))                                 \
  PEER_TRIGGER ("peer_event_" table "_au", "UPDATE OF " columns, table,             \
                recompute (" IN (old." person ", new." person ")"))

#define PEER_RECOMPUTE_WISHES_ATTENDED(who)                                         \
  PEER_RECOMPUTE_PARTICIPATION (who) PEER_RECOMPUTE_ATTENDED (who)
#define PEER_RECOMPUTE_SURVEYED_WISHES(who)                                         \
  PEER_RECOMPUTE_SURVEYED (who) PEER_RECOMPUTE_PARTICIPATION (who)

/* The person of an answer is that of its response. */
#define PEER_ANSWER_PERSONS(ids)                                                    \
  " IN (SELECT r.person_id FROM survey_response r WHERE r.id IN " ids ")"

#define PEER_KEEPERS                                                                \
  "CREATE INDEX peer_event_person_idx ON peer_event (indicator, person_id, source_id);\n" \
  PEER_TRIGGER ("peer_event_ai", "INSERT", "peer_event",                            \
    "INSERT INTO peer_tally (indicator, on_day, previous_on, reached_on, due_on, n)" \
    " VALUES (new.indicator, new.on_day, new.previous_on, new.reached_on, new.due_on, 1)" \
    " ON CONFLICT (indicator, on_day, previous_on, reached_on) DO UPDATE SET n = n + 1;\n") \
  /* The last of a count takes its row with it; any other is subtracted. */         \
  PEER_TRIGGER ("peer_event_ad", "DELETE", "peer_event",                            \
    "DELETE FROM peer_tally WHERE indicator = old.indicator AND on_day = old.on_day" \
    " AND previous_on = old.previous_on AND reached_on = old.reached_on AND n = 1;\n" \
    "UPDATE peer_tally SET n = n - 1 WHERE indicator = old.indicator"               \
    " AND on_day = old.on_day AND previous_on = old.previous_on"                    \
    " AND reached_on = old.reached_on;\n")                                          \
  PEER_TRIGGER ("peer_event_contract_ai", "INSERT", "contract",                     \
    PEER_RESURVEY_AROUND ("new.person_id", "new.concluded_on"))                     \
  PEER_TRIGGER ("peer_event_contract_ad", "DELETE", "contract",                     \
    PEER_FORGET_CONTRACT ("old")                                                    \
    PEER_RESURVEY_AROUND ("old.person_id", "old.concluded_on"))                     \
  PEER_TRIGGER ("peer_event_contract_au", "UPDATE OF person_id, concluded_on", "contract", \
    PEER_FORGET_CONTRACT ("old")                                                    \
    PEER_RESURVEY_AROUND ("old.person_id", "old.concluded_on")                      \
    PEER_RESURVEY_AROUND ("new.person_id", "new.concluded_on"))                     \
  PEER_KEEP ("survey_response", "template_id, person_id, responded_on",             \
             PEER_RECOMPUTE_SURVEYED_WISHES, "person_id")                           \
  PEER_TRIGGER ("peer_event_survey_answer_ai", "INSERT", "survey_answer",           \
    PEER_RECOMPUTE_PARTICIPATION (PEER_ANSWER_PERSONS ("(new.response_id)")))       \
  PEER_TRIGGER ("peer_event_survey_answer_ad", "DELETE", "survey_answer",           \
    PEER_RECOMPUTE_PARTICIPATION (PEER_ANSWER_PERSONS ("(old.response_id)")))       \
  PEER_TRIGGER ("peer_event_survey_answer_au",                                      \
    "UPDATE OF response_id, question_id, value", "survey_answer",                   \
    PEER_RECOMPUTE_PARTICIPATION (                                                  \
      PEER_ANSWER_PERSONS ("(old.response_id, new.response_id)")))                  \
  /* Which survey and question are the seed's is known by code. */                  \
  PEER_TRIGGER ("peer_event_survey_question_au", "UPDATE OF template_id, code",     \
    "survey_question",                                                              \
    PEER_RECOMPUTE_PARTICIPATION (" IN (SELECT r.person_id FROM survey_answer a"    \
      " JOIN survey_response r ON r.id = a.response_id WHERE a.question_id = new.id)")) \
  PEER_TRIGGER ("peer_event_survey_template_au", "UPDATE OF code", "survey_template", \
    PEER_RECOMPUTE_SURVEYED_WISHES (" IN (SELECT r.person_id FROM survey_response r" \
      " WHERE r.template_id = new.id)"))                                            \
  PEER_KEEP ("peer_wish", "person_id, marked_on", PEER_RECOMPUTE_PARTICIPATION,     \
             "person_id")                                                           \
  PEER_KEEP ("group_member", "group_id, person_id, role, attended",                 \
             PEER_RECOMPUTE_WISHES_ATTENDED, "person_id")                           \
  /* A group gains and loses members through group_member; what else changes the    \
   * meeting changes it for every member. */                                        \
  PEER_TRIGGER ("peer_event_group_activity_au", "UPDATE OF kind, held, meeting_on", \
    "group_activity",                                                               \
    PEER_RECOMPUTE_WISHES_ATTENDED (" IN (SELECT m.person_id FROM group_member m"   \
      " WHERE m.group_id = new.id)"))                                               \
  PEER_KEEP ("followup_call", "group_id, person_id, called_on, situation, satisfied", \
             PEER_RECOMPUTE_ATTENDED, "person_id")
