/* Measures the indicators on a large database (made by `opora-cli demo`): every peer.*
 * indicator for a year through the store, the same SQL run alone on a bare connection,
 * the definitions (the drill-down's sets) counted alone, all 29 indicators, and the first
 * rows of each peer.* drill-down. Prints figures; never fails on time.
 *
 *   build/tests/bench/bench-indicators DB [--year YYYY]
 *
 * A database of an older schema is brought up to date first, and the time that took is
 * printed: the only write the benchmark makes.
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
#define DEFINITION_RUNS 3

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

/* Opens the file for writing once, which migrates an older schema; says how long that
 * took. */
static int
bring_up_to_date (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStore) store = NULL;
  sqlite3 *db = NULL;
  gint64 version, start;

  sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  version = count (db, "PRAGMA user_version");
  sqlite3_close (db);
  if (version == opora_store_get_latest_schema_version ())
    return 0;
  start = g_get_monotonic_time ();
  store = opora_store_open (path, OPORA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("schema %" G_GINT64_FORMAT " → %d in %.1f s\n", version,
          opora_store_get_latest_schema_version (), ms_since (start) / 1000);
  return 0;
}

/* @sql, a query of the denominator and the numerator, on a bare connection, prepared
 * and run as the sqlite3 shell would. */
static double
run_alone (sqlite3    *db,
           const char *sql,
           const char *from,
           const char *to,
           gint64     *num,
           gint64     *den)
{
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
  double one[6][RUNS], bare[6][RUNS], definition[6][DEFINITION_RUNS];
  char *figures_sql[6], *definition_sql[6];
  guint n_peer;
  sqlite3 *db = NULL;
  gint64 start;
  int year = 2023;

  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--year") && i + 1 < argc)
        year = atoi (argv[++i]);
      else
        argc = 0;
    }
  if (argc < 2)
    {
      g_printerr ("usage: bench-indicators DB [--year YYYY]\n");
      return 2;
    }
  if (bring_up_to_date (argv[1]) != 0)
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
  for (guint i = 0; i < n_peer; i++)
    {
      OporaIndicatorQuery plain = { .set_sql = peer[i].set_sql };

      figures_sql[i] = opora_indicator_query_figures_sql (&peer[i]);
      definition_sql[i] = opora_indicator_query_figures_sql (&plain);
    }

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

          bare[i][run] = run_alone (db, figures_sql[i], from, to, &num, &den);
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
      /* The definitions, which the drill-down lists, give the same figures. */
      for (guint i = 0; run < DEFINITION_RUNS && i < n_peer; i++)
        {
          gint64 num = -1, den = -1;
          OporaIndicatorResult *r = g_ptr_array_index (results, i);

          definition[i][run] = run_alone (db, definition_sql[i], from, to, &num, &den);
          g_assert_cmpint (num, ==, opora_indicator_result_get_numerator (r));
          g_assert_cmpint (den, ==, opora_indicator_result_get_denominator (r));
        }
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

  printf ("\nmedian of %d runs (the first, with a cold cache, included; definitions: %d)\n",
          RUNS, DEFINITION_RUNS);
  for (guint i = 0; i < n_peer; i++)
    printf ("  %-20s store %7.2f ms   SQL alone %7.2f ms   definition alone %7.2f ms\n",
            peer[i].id, median (one[i], RUNS), median (bare[i], RUNS),
            median (definition[i], DEFINITION_RUNS));
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

  for (guint i = 0; i < n_peer; i++)
    {
      g_free (figures_sql[i]);
      g_free (definition_sql[i]);
    }
  sqlite3_close (db);
  return 0;
}
