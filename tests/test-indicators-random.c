/* The peer.* figures counted ahead of time (peer_tally, src/store/opora-schema-peer.h)
 * against their definitions (the sets the drill-down lists), on random databases: many
 * persons sharing a few months, so that contracts, wishes and meetings fall on the same
 * days, on the edges of periods and twice for one person. The database is built through
 * the store, then changed at random the ways the application and a user can change it —
 * saves, edits, deletes and their Undo, a bulk load — and after each stage every
 * indicator is compared over every period between a set of edge days, and the kept
 * tables with the same tables made again from nothing.
 *
 * A failure prints the seed: run again with `--seed R02S…` to see it again. */
#include <sqlite3.h>
#include <string.h>

#include "opora-error.h"
#include "opora-schema.h"
#include "opora-store-bulk.h"
#include "opora-store-indicators-private.h"
#include "opora-store-indicators.h"
#include "opora-store-private.h"
#include "opora-store-records.h"
#include "opora-test-util.h"
#include "test-indicators-scenario.h"

#define N_PERSONS 70
#define N_DAYS    150     /* from 2023-01-01 */

typedef struct
{
  Scenario  s;
  GRand    *rand;
  gint64    other_template;
} Fixture;

static char *
day (int n)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2023);
  if (n >= 0)
    g_date_add_days (&date, (guint) n);
  else
    g_date_subtract_days (&date, (guint) -n);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

static char *
random_day (Fixture *f)
{
  return day (g_rand_int_range (f->rand, 0, N_DAYS));
}

static gboolean
chance (Fixture *f,
        int      percent)
{
  return g_rand_int_range (f->rand, 0, 100) < percent;
}

static sqlite3 *
db_of (Fixture *f)
{
  return opora_store_get_db (f->s.store);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db_of (f), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* One id of @table picked at random, or 0 when it is empty. */
static gint64
random_id (Fixture    *f,
           const char *table,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY %s LIMIT 1 OFFSET"
                                          " abs (?1) %% max ((SELECT count(*) FROM %s), 1)",
                                          column, table, column, table);
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, g_rand_int (f->rand));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

/* A person still there: some are deleted on the way. */
static gint64
random_person (Fixture *f)
{
  return random_id (f, "person", "id");
}

static const char *
yes_no (Fixture *f)
{
  const char *values[] = { "yes", "no", NULL };
  return values[g_rand_int_range (f->rand, 0, 3)];
}

static void
add_contract (Fixture *f,
              gint64   person)
{
  g_autofree char *on = random_day (f);

  scenario_contract (&f->s, person, on, "2025-12-31");
}

static void
add_response (Fixture *f,
              gint64   person)
{
  g_autofree char *on = random_day (f);

  if (chance (f, 85))
    scenario_response (&f->s, person, on, yes_no (f), yes_no (f));
  else
    scenario_response_to (&f->s, f->other_template, person, on);
}

static gint64
add_group (Fixture *f)
{
  g_autofree char *formed = random_day (f);
  g_autofree char *meeting = random_day (f);
  gboolean has_date = chance (f, 85);

  if (strcmp (meeting, formed) < 0)
    {
      char *swap = meeting;
      meeting = formed;
      formed = swap;
    }
  return scenario_group (&f->s, chance (f, 85) ? "peer_meeting" : "psych_training", formed,
                         has_date ? meeting : NULL, has_date && chance (f, 80));
}

/* A call on any day from a week before the meeting to two months after: the definitions
 * count a call made too early as well, and so must the counts. */
static void
add_call (Fixture *f,
          gint64   group,
          gint64   person)
{
  const char *situations[] = { "better", "unchanged", "worse" };
  g_autofree char *on = day (g_rand_int_range (f->rand, -7, N_DAYS + 60));

  scenario_call (&f->s, group, person, on, situations[g_rand_int_range (f->rand, 0, 3)],
                 chance (f, 70));
}

static void
add_members (Fixture *f,
             gint64   group,
             int      n)
{
  for (int i = 0; i < n; i++)
    {
      gint64 person = random_person (f);
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM group_member WHERE group_id ="
                                              " %" G_GINT64_FORMAT " AND person_id = %"
                                              G_GINT64_FORMAT, group, person);
      sqlite3_stmt *stmt = NULL;
      gboolean exists;
      gint64 held = 0;
      g_autoptr(GVariant) record = NULL;

      sqlite3_prepare_v2 (db_of (f), sql, -1, &stmt, NULL);
      exists = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_finalize (stmt);
      if (exists)
        continue;
      scenario_member (&f->s, group, person, chance (f, 75) ? "participant" : "peer",
                       chance (f, 80));
      record = opora_store_get_record (f->s.store, "group_activity", group, NULL);
      g_assert_true (g_variant_lookup (record, "held", "x", &held));
      if (held && chance (f, 70))
        add_call (f, group, person);
    }
}

static void
build (Fixture *f)
{
  scenario_begin (&f->s);
  for (int i = 0; i < N_PERSONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Лицо %d", i);
      gint64 person = scenario_person (&f->s, "Случайная", name);
      int n;

      n = g_rand_int_range (f->rand, 0, 4);
      for (int k = 0; k < n; k++)
        add_contract (f, person);
      n = g_rand_int_range (f->rand, 0, 3);
      for (int k = 0; k < n; k++)
        add_response (f, person);
      n = chance (f, 25) ? g_rand_int_range (f->rand, 1, 3) : 0;
      for (int k = 0; k < n; k++)
        {
          g_autofree char *on = random_day (f);
          scenario_wish (&f->s, person, on);
        }
    }
  for (int g = 0; g < 30; g++)
    add_members (f, add_group (f), g_rand_int_range (f->rand, 0, 8));
  scenario_commit (&f->s);
}

/* The figures of @query over [@from, @to] counted from its definition, as the drill-down
 * lists it. */
static void
definition_figures (Fixture                   *f,
                    const OporaIndicatorQuery *query,
                    const char                *from,
                    const char                *to,
                    guint                     *num,
                    guint                     *den)
{
  OporaIndicatorQuery plain = { .set_sql = query->set_sql };
  g_autofree char *sql = opora_indicator_query_figures_sql (&plain);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *den = (guint) sqlite3_column_int64 (stmt, 0);
  *num = (guint) sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
}

/* Every row of @sql, one a line. */
static char *
dump (Fixture    *f,
      const char *sql)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db_of (f), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ?: (guchar *) "∅");
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

#define EVENTS_SQL                                                                   \
  "SELECT indicator, person_id, source_id, on_day, previous_on, reached_on, due_on"  \
  " FROM peer_event ORDER BY 1, 2, 3, 4, 5, 6, 7"
#define TALLY_SQL "SELECT * FROM peer_tally ORDER BY 1, 2, 3, 4"

static void
check (Fixture    *f,
       const char *stage)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *events = dump (f, EVENTS_SQL);
  g_autofree char *tally = dump (f, TALLY_SQL);
  g_autofree char *counted = dump (f, "SELECT indicator, on_day, previous_on, reached_on,"
                                   " due_on, count(*) FROM peer_event"
                                   " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
  g_autofree char *events_again = NULL, *tally_again = NULL;
  const OporaIndicatorQuery *peer;
  guint n_peer, n_checked = 0;

  /* The triggers kept what a fill from nothing makes. */
  g_assert_cmpstr (tally, ==, counted);
  exec (f, "SAVEPOINT again");
  opora_schema_rebuild_derived (db_of (f), &error);
  g_assert_no_error (error);
  events_again = dump (f, EVENTS_SQL);
  tally_again = dump (f, TALLY_SQL);
  exec (f, "ROLLBACK TO again; RELEASE again");
  if (g_strcmp0 (events, events_again) != 0 || g_strcmp0 (tally, tally_again) != 0)
    g_error ("%s: the kept counts differ from counts made again:\n%s\n---\n%s", stage,
             events, events_again);

  /* Days on both sides of the edges: the first and last day of the months, the day
   * before the first, and days at random. */
  for (int n = -1; n <= N_DAYS + 45; n += 29)
    g_ptr_array_add (days, day (n));
  for (int i = 0; i < 6; i++)
    g_ptr_array_add (days, day (g_rand_int_range (f->rand, -3, N_DAYS + 40)));
  g_ptr_array_add (days, g_strdup ("2023-02-28"));
  g_ptr_array_add (days, g_strdup ("2023-03-31"));

  peer = opora_indicator_queries_peer (&n_peer);
  for (guint i = 0; i < n_peer; i++)
    for (guint a = 0; a < days->len; a++)
      for (guint b = 0; b < days->len; b++)
        {
          const char *from = g_ptr_array_index (days, a), *to = g_ptr_array_index (days, b);
          g_autoptr(OporaIndicatorResult) result = NULL;
          guint num, den;

          if (strcmp (from, to) > 0 || peer[i].count_sql == NULL)
            continue;
          result = opora_store_compute_indicator (f->s.store, peer[i].id, from, to, &error);
          g_assert_no_error (error);
          definition_figures (f, &peer[i], from, to, &num, &den);
          if (opora_indicator_result_get_numerator (result) != num ||
              opora_indicator_result_get_denominator (result) != den)
            g_error ("%s: %s over %s … %s is %u of %u, by its definition %u of %u", stage,
                     peer[i].id, from, to, opora_indicator_result_get_numerator (result),
                     opora_indicator_result_get_denominator (result), num, den);
          n_checked++;
        }
  g_test_message ("%s: %u figures agree", stage, n_checked);
  g_assert_cmpuint (n_checked, >, 0);
}

/* A delete through the store, the way the application deletes, and its Undo half the
 * time. */
static void
delete_some (Fixture    *f,
             const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaDeletion) deletion = NULL;
  gint64 id = random_id (f, table, "id");

  if (id == 0)
    return;
  deletion = opora_store_delete_record (f->s.store, table, id, &error);
  if (g_error_matches (error, OPORA_ERROR, OPORA_ERROR_IN_USE))
    return;  /* a person who still holds a contract */
  g_assert_no_error (error);
  if (chance (f, 50))
    {
      g_assert_true (opora_store_undo_deletion (f->s.store, deletion, &error));
      g_assert_no_error (error);
    }
}

/* An edit of one column of a random row, in plain SQL: what matters is which columns
 * change, and the triggers see that however it is written. */
static void
edit_some (Fixture    *f,
           const char *table,
           const char *key,
           const char *assignment)
{
  gint64 id = random_id (f, table, key);
  g_autofree char *sql = NULL;

  if (id == 0)
    return;
  sql = g_strdup_printf ("UPDATE %s SET %s WHERE %s = %" G_GINT64_FORMAT, table, assignment,
                         key, id);
  exec (f, sql);
}

static void
change (Fixture *f,
        int      n)
{
  for (int i = 0; i < n; i++)
    {
      g_autofree char *on = random_day (f);
      g_autofree char *date = g_strdup_printf ("'%s'", on);
      g_autofree char *person = g_strdup_printf ("%" G_GINT64_FORMAT, random_person (f));
      g_autofree char *set = NULL;

      switch (g_rand_int_range (f->rand, 0, 20))
        {
        case 0: add_contract (f, random_person (f)); break;
        case 1: add_response (f, random_person (f)); break;
        case 2: scenario_wish (&f->s, random_person (f), on); break;
        case 3: add_members (f, add_group (f), g_rand_int_range (f->rand, 0, 6)); break;
        case 4: add_members (f, random_id (f, "group_activity", "id"), 2); break;
        case 5: delete_some (f, "contract"); break;
        case 6: delete_some (f, chance (f, 50) ? "survey_response" : "peer_wish"); break;
        case 7: delete_some (f, "group_activity"); break;
        case 8: delete_some (f, chance (f, 50) ? "followup_call" : "person"); break;
        case 9:
          if (chance (f, 30))
            set = g_strdup_printf ("concluded_on = %s, person_id = %s", date, person);
          else
            set = g_strdup_printf ("concluded_on = %s", date);
          edit_some (f, "contract", "id", set);
          break;
        case 10:
          if (chance (f, 70))
            set = g_strdup_printf ("responded_on = %s", date);
          else
            set = g_strdup_printf ("person_id = %s", person);
          edit_some (f, "survey_response", "id", set);
          break;
        case 11:
          edit_some (f, "survey_answer", "rowid",
                     "value = CASE value WHEN 'yes' THEN 'no' ELSE 'yes' END");
          break;
        case 12:
          set = g_strdup_printf ("marked_on = %s", date);
          edit_some (f, "peer_wish", "id", set);
          break;
        case 13:
          if (chance (f, 50))
            set = g_strdup_printf ("meeting_on = %s", date);
          else
            set = g_strdup ("held = CASE WHEN meeting_on IS NULL THEN 0 ELSE 1 - held END");
          edit_some (f, "group_activity", "id", set);
          break;
        case 14:
          edit_some (f, "group_activity", "id",
                     "kind = CASE kind WHEN 'peer_meeting' THEN 'psych_training'"
                     " ELSE 'peer_meeting' END");
          break;
        case 15:
          edit_some (f, "group_member", "rowid",
                     chance (f, 50) ? "attended = 1 - coalesce (attended, 0)"
                                    : "role = CASE role WHEN 'peer' THEN 'participant'"
                                      " ELSE 'peer' END");
          break;
        case 16:
          set = g_strdup_printf ("called_on = %s", date);
          edit_some (f, "followup_call", "id", set);
          break;
        case 17:
          edit_some (f, "followup_call", "id",
                     chance (f, 50) ? "satisfied = 1 - satisfied"
                                    : "situation = CASE situation WHEN 'better' THEN"
                                      " 'worse' ELSE 'better' END");
          break;
        case 18:
          /* The seed survey's Q2 edited: the old question retired, a new one answered. */
          exec (f, "UPDATE survey_question SET retired = 1 WHERE code = 'q2'");
          exec (f, "INSERT INTO survey_question (template_id, position, code, kind, text)"
                   " SELECT template_id, 2, 'q2', 'yes_no', 'Вопрос 2, правка'"
                   " FROM survey_question WHERE code = 'q2' LIMIT 1");
          f->s.q2_id = sqlite3_last_insert_rowid (db_of (f));
          break;
        default:
          edit_some (f, "survey_response", "id",
                     chance (f, 50) ? "template_id = (SELECT id FROM survey_template"
                                      " WHERE code = 'peer_consent')"
                                    : "template_id = (SELECT max (id) FROM survey_template)");
          break;
        }
    }
}

static void
test_random (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* GLib seeds every test case alike: each database mixes in its own number. */
  f->rand = g_rand_new_with_seed (g_test_rand_int () ^ (GPOINTER_TO_UINT (data) * 2654435761u));
  f->other_template = scenario_survey_template (&f->s, "Другая анкета");
  build (f);
  check (f, "built");

  change (f, 150);
  check (f, "changed");

  /* A bulk load (demo, import) drops the triggers and counts everything again at its
   * end; afterwards the triggers keep the counts again. */
  g_assert_true (opora_store_bulk_begin (f->s.store, OPORA_BULK_DEFAULT, &error));
  g_assert_no_error (error);
  change (f, 60);
  opora_store_bulk_commit (f->s.store, &error);
  g_assert_no_error (error);
  check (f, "loaded");

  change (f, 60);
  check (f, "changed after the load");

  /* The seed survey's code is how its responses are known. */
  exec (f, "UPDATE survey_template SET code = NULL WHERE code = 'peer_consent'");
  check (f, "seed survey without its code");
  exec (f, "UPDATE survey_template SET code = 'peer_consent' WHERE id ="
           " (SELECT min (id) FROM survey_template)");
  check (f, "seed survey with its code");

  g_rand_free (f->rand);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  scenario_set_up (&f->s, data);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  scenario_tear_down (&f->s, data);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Several databases, each from its own seed drawn from the test's. */
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *path = g_strdup_printf ("/indicators/peer/counted-ahead/random-%d", i);
      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_random,
                  fixture_tear_down);
    }

  return g_test_run ();
}
