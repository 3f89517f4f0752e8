/* The demo centre's peer-to-peer workflow: every peer.* indicator live with plausible
 * shares, every rule of groups and calls kept, the same centre for the same seed, and all
 * of it carried through export and import. */
#include <sqlite3.h>
#include <string.h>

#include "opora-date.h"
#include "opora-demo.h"
#include "opora-group.h"
#include "opora-interchange.h"
#include "opora-peer.h"
#include "opora-store-groups.h"
#include "opora-store-indicators.h"
#include "opora-store-peer.h"
#include "opora-store-private.h"
#include "opora-test-util.h"

/* A few thousand contracts: a year holds about 750 holders, enough for every share to
 * settle near what the generator aims at. */
#define DEMO_SIZE 3000
#define DEMO_SEED 11

/* The tables the peer workflow fills. */
static const char * const peer_tables[] = {
  "survey_response", "survey_answer", "peer_register", "peer_wish", "group_activity",
  "group_member", "followup_call",
};

typedef struct
{
  char       *dir;
  OporaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = opora_test_open_store (&f->dir);
  g_assert_true (opora_demo_generate (f->store, DEMO_SIZE, DEMO_SEED, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static OporaStore *
open_second (Fixture    *f,
             const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  OporaStore *store = opora_store_open (path, OPORA_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static gint64
query_int (OporaStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static double
query_double (OporaStore *store,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
count_rows (OporaStore *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return query_int (store, sql);
}

/* The export without its one line that depends on the clock. */
static char *
export_without_time (OporaStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GRegex) stamp = g_regex_new ("\n  \"exported_at\": \"[^\"]*\",", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_assert_true (opora_interchange_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  json = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (json, "\"exported_at\": \""));
  return g_regex_replace_literal (stamp, json, -1, 0, "", 0, NULL);
}

/* 2022 lies inside the practical stage of seed 000: every peer.* indicator has data and a
 * share a real centre could show. */
static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *id; double low, high; } expected[] = {
    { "peer.surveyed", 0.80, 1.00 },
    { "peer.groups_held", 0.70, 1.00 },
    { "peer.participation", 0.40, 0.90 },
    { "peer.followed_up", 0.70, 1.00 },
    { "peer.improved", 0.40, 0.85 },
    { "peer.satisfied", 0.60, 1.00 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(OporaIndicatorResult) trained = NULL;

  results = opora_store_compute_indicators (f->store, OPORA_TECHNOLOGY_PEER,
                                            "2022-01-01", "2022-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < results->len; i++)
    {
      OporaIndicatorResult *r = g_ptr_array_index (results, i);
      const char *id = opora_indicator_result_get_id (r);
      guint k = 0;
      double share = -1;

      while (k < G_N_ELEMENTS (expected) && !g_str_equal (expected[k].id, id))
        k++;
      g_assert_cmpuint (k, <, G_N_ELEMENTS (expected));
      g_test_message ("%s: %u of %u", id, opora_indicator_result_get_numerator (r),
                      opora_indicator_result_get_denominator (r));
      g_assert_true (opora_indicator_result_has_data (r));
      g_assert_cmpuint (opora_indicator_result_get_denominator (r), >, 0);
      g_assert_true (opora_indicator_result_get_value (r, &share));
      g_assert_cmpfloat (share, >=, expected[k].low);
      g_assert_cmpfloat (share, <=, expected[k].high);
    }

  /* A year's contract holders are surveyed by the hundred, not by the dozen. */
  g_assert_cmpuint (opora_indicator_result_get_denominator (g_ptr_array_index (results, 0)),
                    >, 500);

  /* The social lift's psychological trainings give its indicator data too. */
  trained = opora_store_compute_indicator (f->store, "lift.trained", "2022-01-01", "2022-12-31",
                                           &error);
  g_assert_no_error (error);
  g_assert_true (opora_indicator_result_has_data (trained));
  g_assert_cmpuint (opora_indicator_result_get_numerator (trained), >, 0);
}

/* The survey's answers in the shares the generator aims at. */
static void
test_survey_shares (Fixture       *f,
                    gconstpointer  data)
{
  double q1, q2;

  q1 = query_double (f->store, "SELECT avg(a.value = 'yes') FROM survey_answer a"
                               " JOIN survey_question q ON q.id = a.question_id"
                               " WHERE q.code = 'q1'");
  q2 = query_double (f->store, "SELECT avg(a.value = 'yes') FROM survey_answer a"
                               " JOIN survey_question q ON q.id = a.question_id"
                               " WHERE q.code = 'q2'");
  g_assert_cmpfloat (q1, >=, 0.42);
  g_assert_cmpfloat (q1, <=, 0.58);
  g_assert_cmpfloat (q2, >=, 0.33);
  g_assert_cmpfloat (q2, <=, 0.47);

  /* Every response answers both questions, yes or no, and no response comes before the
   * respondent's contract or after the demo's reference day. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey_response"), >, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey_answer"), ==,
                   2 * query_int (f->store, "SELECT count(*) FROM survey_response"));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey_answer"
                                        " WHERE value NOT IN ('yes', 'no')"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey_response r"
                                        " WHERE r.responded_on >= '" OPORA_DEMO_REFERENCE_DATE "'"
                                        " OR NOT EXISTS (SELECT 1 FROM contract c"
                                        " WHERE c.person_id = r.person_id"
                                        " AND c.concluded_on <= r.responded_on)"), ==, 0);
  /* A few per cent are peers, a few more are marked by hand. */
  g_assert_cmpint (count_rows (f->store, "peer_register"), >=, DEMO_SIZE / 100);
  g_assert_cmpint (count_rows (f->store, "peer_register"), <=, DEMO_SIZE / 20);
  g_assert_cmpint (count_rows (f->store, "peer_wish"), >, 0);
  g_assert_cmpint (count_rows (f->store, "peer_wish"), <=, DEMO_SIZE / 20);
}

/* Nothing a user could not have entered: the database checks out, every group passes the
 * rules of opora-group.h, every call those of opora-peer.h and, counted in SQL apart from
 * both, none comes earlier than a calendar month after its meeting. */
static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = opora_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  guint n_groups = 0, n_calls = 0;

  g_assert_true (opora_store_check (f->store, problems, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);

  /* A call is early when it is in the meeting's month or before, or in the next month on
   * an earlier day of it than the meeting's, unless that month is too short for the
   * meeting's day and the call is on its last day. */
  g_assert_cmpint (query_int (f->store,
    "SELECT count(*) FROM (SELECT f.called_on AS c, g.meeting_on AS m,"
    " (strftime('%Y', f.called_on) * 12 + strftime('%m', f.called_on))"
    " - (strftime('%Y', g.meeting_on) * 12 + strftime('%m', g.meeting_on)) AS months"
    " FROM followup_call f JOIN group_activity g ON g.id = f.group_id)"
    " WHERE months < 1 OR (months = 1 AND strftime('%d', c) < strftime('%d', m)"
    " AND c <> date(c, 'start of month', '+1 month', '-1 day'))"), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM followup_call f"
                                        " JOIN group_activity g ON g.id = f.group_id"
                                        " WHERE g.meeting_on IS NULL OR g.held <> 1"), ==, 0);
  /* Peers share what they consented to share before the group was formed. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM group_member m"
                                        " JOIN group_activity g ON g.id = m.group_id"
                                        " LEFT JOIN peer_register r ON r.person_id = m.person_id"
                                        " WHERE m.role = 'peer'"
                                        " AND (r.id IS NULL OR r.consent_on > g.formed_on)"),
                   ==, 0);

  /* Every group through the store and the rules a form would apply; the peer meetings
   * of 6–10 with 1–3 peers, every meeting of 60–90 minutes. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM group_activity ORDER BY id", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(OporaGroup) group = opora_store_load_group (f->store,
                                                            sqlite3_column_int64 (stmt, 0),
                                                            &error);
      GListModel *members;
      guint n, peers;

      g_assert_no_error (error);
      g_assert_true (opora_group_validate (group, NULL, NULL, &error));
      g_assert_no_error (error);
      members = opora_group_get_members (group);
      n = g_list_model_get_n_items (members);
      peers = opora_group_count_members (group, OPORA_MEMBER_ROLE_PEER);
      if (opora_group_get_kind (group) == OPORA_GROUP_KIND_PEER_MEETING)
        {
          g_assert_cmpuint (n, >=, 6);
          g_assert_cmpuint (n, <=, 10);
          g_assert_cmpuint (peers, >=, 1);
          g_assert_cmpuint (peers, <=, 3);
        }
      else
        g_assert_cmpint (opora_group_get_kind (group), ==, OPORA_GROUP_KIND_PSYCH_TRAINING);
      if (opora_group_get_meeting_on (group) != NULL)
        {
          g_assert_cmpuint (opora_group_get_duration (group), >=, 60);
          g_assert_cmpuint (opora_group_get_duration (group), <=, 90);
          g_assert_nonnull (opora_group_get_start_time (group));
          g_assert_cmpint (opora_group_get_facilitator_id (group), >, 0);
        }
      n_groups++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_groups, >, 0);

  /* Every call is one the store would hand out and the rules would let through. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT group_id, person_id FROM followup_call"
                                           " ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(OporaFollowupCall) call = NULL;
      g_autofree char *due = NULL;
      GDate meeting, month_after;

      call = opora_store_get_followup_call (f->store, sqlite3_column_int64 (stmt, 0),
                                            sqlite3_column_int64 (stmt, 1), &error);
      g_assert_no_error (error);
      g_assert_cmpint (opora_followup_call_get_id (call), >, 0);
      g_assert_true (opora_followup_call_validate (call, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (opora_date_parse (opora_followup_call_get_meeting_on (call), &meeting,
                                       &error));
      opora_date_add_calendar_month (&meeting, &month_after);
      due = opora_date_to_iso (&month_after);
      g_assert_cmpstr (opora_followup_call_get_called_on (call), >=, due);
      n_calls++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (n_calls, >, 0);
}

/* The same seed gives the same centre, peers and meetings included; another seed another
 * one; and the whole workflow survives export and import. */
static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OporaStore) same = open_second (f, "same.db");
  g_autoptr(OporaStore) other = open_second (f, "other.db");
  g_autoptr(OporaStore) copy = open_second (f, "copy.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *different = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GInputStream) in = NULL;

  g_assert_true (opora_demo_generate (same, DEMO_SIZE, DEMO_SEED, &error));
  g_assert_no_error (error);
  g_assert_true (opora_demo_generate (other, DEMO_SIZE, DEMO_SEED + 1, &error));
  g_assert_no_error (error);

  first = export_without_time (f->store);
  again = export_without_time (same);
  different = export_without_time (other);
  g_assert_true (g_str_equal (first, again));
  g_assert_false (g_str_equal (first, different));

  in = g_memory_input_stream_new_from_data (g_strdup (first), -1, g_free);
  g_assert_true (opora_interchange_import (copy, in, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (peer_tables); i++)
    {
      g_assert_cmpint (count_rows (f->store, peer_tables[i]), >, 0);
      g_assert_cmpint (count_rows (copy, peer_tables[i]), ==,
                       count_rows (f->store, peer_tables[i]));
    }
  copied = export_without_time (copy);
  g_assert_true (g_str_equal (first, copied));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/peer/indicators", Fixture, NULL, fixture_set_up, test_indicators,
              fixture_tear_down);
  g_test_add ("/demo/peer/survey-shares", Fixture, NULL, fixture_set_up, test_survey_shares,
              fixture_tear_down);
  g_test_add ("/demo/peer/rules", Fixture, NULL, fixture_set_up, test_rules,
              fixture_tear_down);
  g_test_add ("/demo/peer/deterministic", Fixture, NULL, fixture_set_up, test_deterministic,
              fixture_tear_down);

  return g_test_run ();
}
