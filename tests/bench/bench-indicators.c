/* Measures the indicators on a large database (made by `opora-cli demo`): every peer.*
 * indicator for a year through the store, the same SQL run alone on a bare connection,
 * all 29 indicators, and the first rows of each peer.* drill-down. Prints figures; never
 * fails on time.
 *
 *   build/tests/bench/bench-indicators DB [--add-peer-workflow] [--year YYYY]
 *
 * --add-peer-workflow fills the peer workflow (seed-survey responses, hand marks, groups,
 * attendance, follow-up calls) in proportion to the contracts, for a demo centre made
 * before the demo generator filled it itself; it writes only to a database whose
 * group_activity is empty. This is a benchmark's stand-in, in plain SQL on its own
 * connection; the application itself speaks SQL only in src/store/.
 */
#include <glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "opora-indicator-catalogue.h"
#include "opora-store-indicators-private.h"
#include "opora-store-indicators.h"
#include "opora-store.h"

#define RUNS 9

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time this process has used, in ms: on a busy machine the wall clock
 * also counts the time other programs had the processor. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *samples,
        guint   n)
{
  qsort (samples, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return samples[n / 2];
}

/* Proportions of a plausible centre: 85 % of contract holders answer the seed survey
 * within 40 days, a third say Q2 = yes, 3 % more are marked by hand; 60 % of those who
 * wish come to a group of about 8 formed in the month after, with 2 peers; 95 % of groups
 * meet; 85 % of the participants attend; 90 % of attendees are called a calendar month
 * later, plus up to 10 days. */
static const char fill_sql[] =
  "BEGIN;"
  "INSERT INTO survey_response (template_id, person_id, responded_on)"
  " SELECT (SELECT id FROM survey_template WHERE code = 'peer_consent'), person_id,"
  "  date(first_on, '+' || (abs(random()) % 40) || ' days')"
  " FROM (SELECT person_id, min(concluded_on) AS first_on FROM contract GROUP BY person_id)"
  " WHERE abs(random()) % 100 < 85;"
  "INSERT INTO survey_answer (response_id, question_id, value)"
  " SELECT r.id, q.id, CASE WHEN abs(random()) % 100 < (CASE q.code WHEN 'q1' THEN 40"
  "  ELSE 33 END) THEN 'yes' ELSE 'no' END"
  " FROM survey_response r JOIN survey_question q ON q.template_id = r.template_id"
  " AND q.code IN ('q1', 'q2');"
  "INSERT INTO peer_wish (person_id, marked_on)"
  " SELECT person_id, date(min(concluded_on), '+20 days') FROM contract GROUP BY person_id"
  " HAVING abs(random()) % 100 < 3;"
  "CREATE TEMP TABLE wished AS"
  " SELECT person_id, min(on_day) AS on_day FROM ("
  "  SELECT r.person_id, r.responded_on AS on_day FROM survey_response r"
  "  JOIN survey_answer a ON a.response_id = r.id JOIN survey_question q ON q.id = a.question_id"
  "  WHERE q.code = 'q2' AND a.value = 'yes'"
  "  UNION ALL SELECT person_id, marked_on FROM peer_wish)"
  " GROUP BY person_id HAVING abs(random()) % 100 < 60;"
  "CREATE TEMP TABLE placed AS"
  " SELECT person_id, substr(on_day, 1, 7) AS month,"
  "  (row_number() OVER (PARTITION BY substr(on_day, 1, 7) ORDER BY person_id) - 1) / 8 AS n"
  " FROM wished;"
  "CREATE TEMP TABLE grp AS"
  " SELECT row_number() OVER (ORDER BY month, n) + coalesce((SELECT max(id) FROM"
  "  group_activity), 0) AS id, month, n,"
  "  date(month || '-01', '+1 month', '+' || (n % 20) || ' days') AS formed_on"
  " FROM (SELECT DISTINCT month, n FROM placed);"
  "INSERT INTO group_activity (id, kind, title, formed_on, meeting_on, start_time,"
  " duration_min, held)"
  " SELECT id, 'peer_meeting', NULL, formed_on, date(formed_on, '+10 days'), '15:00', 90,"
  "  CASE WHEN date(formed_on, '+10 days') <= '2024-12-31' AND abs(random()) % 100 < 95"
  "  THEN 1 ELSE 0 END FROM grp;"
  "INSERT INTO group_member (group_id, person_id, role, attended)"
  " SELECT g.id, p.person_id, 'participant',"
  "  CASE WHEN ga.held = 1 THEN (abs(random()) % 100 < 85) END"
  " FROM placed p JOIN grp g ON g.month = p.month AND g.n = p.n"
  " JOIN group_activity ga ON ga.id = g.id;"
  "INSERT OR IGNORE INTO group_member (group_id, person_id, role, attended)"
  " SELECT g.id, (SELECT person_id FROM contract WHERE id = 1 + abs(random() + g.id * k)"
  "  % (SELECT max(id) FROM contract)), 'peer', CASE WHEN ga.held = 1 THEN 1 END"
  " FROM grp g JOIN group_activity ga ON ga.id = g.id, (SELECT 1 AS k UNION SELECT 2);"
  "INSERT INTO followup_call (group_id, person_id, called_on, situation, satisfied)"
  " SELECT m.group_id, m.person_id,"
  "  date(" OPORA_SQL_CALENDAR_MONTH_AFTER ("g.meeting_on") ", '+' || (abs(random()) % 10)"
  "  || ' days'),"
  "  CASE WHEN abs(random()) % 100 < 65 THEN 'better' WHEN abs(random()) % 100 < 85"
  "  THEN 'unchanged' ELSE 'worse' END, abs(random()) % 100 < 96"
  " FROM group_member m JOIN group_activity g ON g.id = m.group_id"
  " WHERE g.held = 1 AND m.role = 'participant' AND m.attended = 1"
  " AND abs(random()) % 100 < 90;"
  "DROP TABLE wished; DROP TABLE placed; DROP TABLE grp;"
  "COMMIT;";

static gint64
count (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static int
add_peer_workflow (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStore) store = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;
  gint64 start;

  /* Through the store once, so that the file is at the latest schema. */
  store = opora_store_open (path, OPORA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_clear_object (&store);

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF;"
                " PRAGMA cache_size = -500000; PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  if (count (db, "SELECT count(*) FROM group_activity") != 0)
    {
      printf ("the database already has groups: the peer workflow is left as it is\n");
      sqlite3_close (db);
      return 0;
    }
  start = g_get_monotonic_time ();
  if (sqlite3_exec (db, fill_sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("filling the peer workflow failed: %s\n", message);
      sqlite3_free (message);
      sqlite3_close (db);
      return 1;
    }
  printf ("peer workflow added in %.1f s: %" G_GINT64_FORMAT " responses, %" G_GINT64_FORMAT
          " hand marks, %" G_GINT64_FORMAT " groups, %" G_GINT64_FORMAT " members, %"
          G_GINT64_FORMAT " calls\n", ms_since (start) / 1000,
          count (db, "SELECT count(*) FROM survey_response"),
          count (db, "SELECT count(*) FROM peer_wish"),
          count (db, "SELECT count(*) FROM group_activity"),
          count (db, "SELECT count(*) FROM group_member"),
          count (db, "SELECT count(*) FROM followup_call"));
  sqlite3_close (db);
  return 0;
}

/* The count query of one indicator on a bare connection, prepared and run, as the
 * sqlite3 shell would: what the store's figure costs without the store. */
static double
run_alone (sqlite3    *db,
           const char *set_sql,
           const char *from,
           const char *to,
           gint64     *num,
           gint64     *den)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*), coalesce(sum(d.counted), 0)"
                                          " FROM (%s) d", set_sql);
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  double t;

  sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *den = sqlite3_column_int64 (stmt, 0);
      *num = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  t = ms_since (start);
  return t;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const OporaIndicatorQuery *peer;
  double api[RUNS], api_cpu[RUNS], alone[RUNS], alone_cpu[RUNS], all[RUNS];
  double one[6][RUNS], bare[6][RUNS];
  guint n_peer;
  sqlite3 *db = NULL;
  gint64 start;
  int year = 2023;
  gboolean add = FALSE;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--add-peer-workflow"))
        add = TRUE;
      else if (g_str_equal (argv[i], "--year") && i + 1 < argc)
        year = atoi (argv[++i]);
      else
        argc = 0;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-indicators DB [--add-peer-workflow] [--year YYYY]\n");
      return 2;
    }
  if (add && add_peer_workflow (argv[1]) != 0)
    return 1;

  from = g_strdup_printf ("%d-01-01", year);
  to = g_strdup_printf ("%d-12-31", year);
  store = opora_store_open (argv[1], OPORA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL);
  peer = opora_indicator_queries_peer (&n_peer);
  g_assert (n_peer == 6);

  printf ("period %s … %s\n", from, to);
  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) results = NULL;
      g_autoptr(GPtrArray) every = NULL;

      double cpu = cpu_ms ();

      start = g_get_monotonic_time ();
      results = opora_store_compute_indicators (store, OPORA_TECHNOLOGY_PEER, from, to,
                                                &error);
      api[run] = ms_since (start);
      api_cpu[run] = cpu_ms () - cpu;
      g_assert_no_error (error);

      alone[run] = 0;
      cpu = cpu_ms ();
      for (guint i = 0; i < n_peer; i++)
        {
          gint64 num = -1, den = -1;
          OporaIndicatorResult *r = g_ptr_array_index (results, i);

          bare[i][run] = run_alone (db, peer[i].set_sql, from, to, &num, &den);
          alone[run] += bare[i][run];
          g_assert_cmpint (num, ==, opora_indicator_result_get_numerator (r));
          g_assert_cmpint (den, ==, opora_indicator_result_get_denominator (r));
          if (run == 0)
            {
              g_autofree char *label = opora_indicator_result_format_label (r);
              printf ("  %-20s %s\n", peer[i].id, label);
            }
        }
      alone_cpu[run] = cpu_ms () - cpu;
      for (guint i = 0; i < n_peer; i++)
        {
          g_autoptr(OporaIndicatorResult) r = NULL;

          start = g_get_monotonic_time ();
          r = opora_store_compute_indicator (store, peer[i].id, from, to, &error);
          one[i][run] = ms_since (start);
        }

      start = g_get_monotonic_time ();
      every = opora_store_compute_indicators (store, OPORA_TECHNOLOGY_NONE, from, to, &error);
      all[run] = ms_since (start);
    }

  printf ("\nmedian of %d runs (the first, with a cold cache, included)\n", RUNS);
  for (guint i = 0; i < n_peer; i++)
    printf ("  %-20s store %7.2f ms   SQL alone %7.2f ms\n", peer[i].id,
            median (one[i], RUNS), median (bare[i], RUNS));
  {
    double a = median (api, RUNS), b = median (alone, RUNS);
    double ac = median (api_cpu, RUNS), bc = median (alone_cpu, RUNS);

    printf ("all peer.* for a year        %8.2f ms  (same SQL alone %.2f ms, ratio %.2f)\n",
            a, b, a / b);
    printf ("  processor time             %8.2f ms  (same SQL alone %.2f ms, ratio %.2f)\n",
            ac, bc, ac / bc);
  }
  printf ("all 29 indicators for a year %8.2f ms\n", median (all, RUNS));
  {
    guint n_defs;
    const OporaIndicatorDef *defs = opora_indicator_catalogue_all (&n_defs);

    for (guint i = 0; i < n_defs; i++)
      {
        double t[RUNS];

        if (!opora_store_indicator_is_available (defs[i].id) ||
            g_str_has_prefix (defs[i].id, "peer."))
          continue;
        for (int run = 0; run < RUNS; run++)
          {
            g_autoptr(OporaIndicatorResult) r = NULL;

            start = g_get_monotonic_time ();
            r = opora_store_compute_indicator (store, defs[i].id, from, to, &error);
            t[run] = ms_since (start);
          }
        printf ("  %-20s store %7.2f ms\n", defs[i].id, median (t, RUNS));
      }
  }

  for (guint i = 0; i < n_peer; i++)
    {
      g_autoptr(GListModel) list = NULL;
      guint n;

      start = g_get_monotonic_time ();
      list = opora_store_indicator_drilldown (store, peer[i].id, from, to, &error);
      n = g_list_model_get_n_items (list);
      for (guint k = 0; k < MIN (n, 30); k++)
        g_object_unref (g_list_model_get_item (list, k));
      printf ("drill-down %-18s %8.2f ms  (%u rows, the first 30 read)\n", peer[i].id,
              ms_since (start), n);
    }

  sqlite3_close (db);
  return 0;
}
