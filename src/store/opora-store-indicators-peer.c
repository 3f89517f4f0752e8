/* The indicators of «Равный – равному» (peer to peer, seed 000) in SQL.
 *
 * The words of SPEC.md "Indicators (KPIs)", as these queries read them (?1 = from,
 * ?2 = to):
 * - "in the period": dated from ?1 to ?2, both days included;
 * - everything else counts as of the end of the period: a fact dated on or before ?2
 *   (a survey response, a register entry, a follow-up call);
 * - "contract holders": persons whose social contract was concluded in the period, each
 *   person once however many contracts;
 * - "groups formed in the period": groups created (formed_on) in the period, whatever
 *   became of them;
 * - "attendees": group members who take part to receive help — role 'participant', never
 *   the peers who share — and attended (attended = 1) a peer meeting held in the period
 *   (held = 1, meeting_on in the period); each person once;
 * - "persons who wished": a Q2 = yes answer to the seed survey in a response dated in the
 *   period, or a hand mark (peer_wish.marked_on) in the period; a person with both is one
 *   person;
 * - "whose call was due by `to`": the meeting date plus one calendar month is on or
 *   before ?2 (OPORA_SQL_CALENDAR_MONTH_AFTER);
 * - "said they are satisfied": peer to peer asks it in the follow-up call.
 *
 * Each query below is the definition: the drill-down lists it. The figures of all but
 * peer.groups_held are read from the same sets counted ahead of time by day in
 * peer_tally (opora-schema-peer.h says how each is kept), a few thousand rows for a year
 * of a million contracts instead of a quarter of a million persons; tests compare the
 * two on every scenario and on random databases.
 */
#define G_LOG_DOMAIN "opora-store"

#include "opora-store-indicators-private.h"

/* Aliases g (group_activity) and m (group_member): m received help at a peer meeting
 * held in the period and was there. */
#define ATTENDED_IN_PERIOD                                                           \
  "g.kind = 'peer_meeting' AND g.held = 1 AND g.meeting_on BETWEEN ?1 AND ?2"        \
  " AND m.role = 'participant' AND m.attended = 1"

/* Every attended membership of the period (g, m) with the follow-up call made for it on
 * or before ?2, if any (f): a call made after the end of the period is not known yet. */
#define ATTENDANCE_WITH_CALLS                                                        \
  " FROM group_activity g JOIN group_member m ON m.group_id = g.id"                  \
  " LEFT JOIN followup_call f ON f.group_id = m.group_id"                            \
  " AND f.person_id = m.person_id AND f.called_on <= ?2"                             \
  " WHERE " ATTENDED_IN_PERIOD

/* The figures of @indicator from peer_tally: its persons with an event in the period,
 * each by the first one (previous_on < ?1), whose event is due by ?2, and those of them
 * who reached the numerator by ?2. */
#define TALLY(indicator)                                                             \
  "SELECT coalesce (sum (t.n), 0),"                                                  \
  " coalesce (sum (CASE WHEN t.reached_on <= ?2 THEN t.n END), 0)"                   \
  " FROM peer_tally t WHERE t.indicator = '" indicator "'"                           \
  " AND t.on_day BETWEEN ?1 AND ?2 AND t.previous_on < ?1 AND t.due_on <= ?2"

static const char * const survey_tables[] = {
  "contract", "survey_template", "survey_response", NULL
};
static const char * const group_tables[] = { "group_activity", NULL };
static const char * const wish_tables[] = {
  "survey_template", "survey_question", "survey_response", "survey_answer", "peer_wish",
  "group_activity", "group_member", NULL
};
static const char * const call_tables[] = {
  "group_activity", "group_member", "followup_call", NULL
};

static const OporaIndicatorQuery queries[] = {
  /* peer.surveyed — contract holders with a response to the seed survey / contract
   * holders. The response may be older than the period (a person surveyed under an
   * earlier contract is surveyed), but not later than its end. */
  { "peer.surveyed",
    "SELECT h.person_id AS id, EXISTS (SELECT 1 FROM survey_response r"
    " WHERE r.person_id = h.person_id AND r.template_id IN " OPORA_SQL_SEED_SURVEY
    " AND r.responded_on <= ?2) AS counted"
    " FROM (" OPORA_SQL_CONTRACT_HOLDERS ") h",
    OPORA_DRILLDOWN_PERSON, survey_tables, TALLY ("peer.surveyed") },

  /* peer.groups_held — peer groups formed in the period whose meeting was held / peer
   * groups formed in the period. A meeting held after ?2 is not held yet at the end of
   * the period: the group stays in the denominator only. */
  { "peer.groups_held",
    "SELECT g.id AS id, coalesce(g.held = 1 AND g.meeting_on <= ?2, 0) AS counted"
    " FROM group_activity g WHERE g.kind = 'peer_meeting' AND g.formed_on BETWEEN ?1 AND ?2",
    OPORA_DRILLDOWN_GROUP, group_tables },

  /* peer.participation — persons who wished to use others' experience and attended a
   * held meeting / persons who wished. The SPEC's numerator says "attended a held
   * meeting", not "attendees": like every fact not said to be in the period, the meeting
   * counts when held on or before ?2, also before the wish or the period (a person who
   * already took part has taken part). Attended to receive — role 'participant': a
   * person who wished to use others' experience and came only as a peer who shares did
   * not use it. */
  { "peer.participation",
    "SELECT w.person_id AS id, "
    OPORA_SQL_ATTENDED_BY_END ("w.person_id", "m.role = 'participant'", "peer_meeting")
    " AS counted FROM (SELECT r.person_id FROM survey_response r"
    " WHERE r.template_id IN " OPORA_SQL_SEED_SURVEY
    " AND r.responded_on BETWEEN ?1 AND ?2 AND " OPORA_SQL_ANSWERED_YES ("q2")
    " UNION SELECT pw.person_id FROM peer_wish pw WHERE pw.marked_on BETWEEN ?1 AND ?2) w",
    OPORA_DRILLDOWN_PERSON, wish_tables, TALLY ("peer.participation") },

  /* peer.followed_up — meeting attendees with a follow-up call recorded / meeting
   * attendees whose call was due by ?2. An attendee is due when one of the meetings they
   * attended in the period was at least one calendar month before ?2, and followed up
   * when a call for such a meeting was made on or before ?2 (a call made after the end
   * of the period is not counted). */
  { "peer.followed_up",
    "SELECT m.person_id AS id, max(CASE WHEN f.id IS NULL THEN 0 ELSE 1 END) AS counted"
    ATTENDANCE_WITH_CALLS
    " AND " OPORA_SQL_CALENDAR_MONTH_AFTER ("g.meeting_on") " <= ?2"
    " GROUP BY m.person_id",
    OPORA_DRILLDOWN_PERSON, call_tables, TALLY ("peer.followed_up") },

  /* peer.improved — attendees whose follow-up says "better" / attendees. Every attendee
   * of the period is in the denominator, called yet or not. One who attended two
   * meetings counts when a call for either says "better". */
  { "peer.improved",
    "SELECT m.person_id AS id,"
    " max(CASE WHEN f.situation = 'better' THEN 1 ELSE 0 END) AS counted"
    ATTENDANCE_WITH_CALLS " GROUP BY m.person_id",
    OPORA_DRILLDOWN_PERSON, call_tables, TALLY ("peer.improved") },

  /* peer.satisfied — attendees who said they are satisfied (in a follow-up call) /
   * attendees. */
  { "peer.satisfied",
    "SELECT m.person_id AS id,"
    " max(CASE WHEN f.satisfied = 1 THEN 1 ELSE 0 END) AS counted"
    ATTENDANCE_WITH_CALLS " GROUP BY m.person_id",
    OPORA_DRILLDOWN_PERSON, call_tables, TALLY ("peer.satisfied") },
};

const OporaIndicatorQuery *
opora_indicator_queries_peer (guint *n_queries)
{
  *n_queries = G_N_ELEMENTS (queries);
  return queries;
}
