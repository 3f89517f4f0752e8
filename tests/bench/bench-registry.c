/* Measures the store on a large database (made by `opora-cli demo`): opening, the
 * contracts list (first rows, the end of the list), search keystrokes, filters and saving
 * one edit. Prints figures; never fails on time.
 *
 *   build/tests/bench/bench-registry DB
 */
#include <glib.h>
#include <stdio.h>

#include "opora-contract.h"
#include "opora-store-contracts.h"
#include "opora-store.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

/* Reads rows [from, to) as a view does when it shows them. */
static void
read_rows (GListModel *list,
           guint       from,
           guint       to)
{
  for (guint i = from; i < to; i++)
    g_object_unref (g_list_model_get_item (list, i));
}

/* Re-queries the list and reads the rows a window shows first, as a keystroke does. */
static double
query_and_show (GListModel               *list,
                const OporaContractQuery *query,
                guint                    *n_out)
{
  gint64 start = g_get_monotonic_time ();
  guint n;

  opora_contract_list_set_query (list, query);
  n = g_list_model_get_n_items (list);
  read_rows (list, 0, MIN (n, 30));
  *n_out = n;
  return ms_since (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GArray) saves = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *keystrokes[] = { "с", "см", "сми", "смир", "смирн", "смирнова" };
  OporaContractQuery query = { 0 };
  gint64 start;
  double t;
  guint n;

  if (argc != 2)
    {
      g_printerr ("usage: bench-registry DB\n");
      return 2;
    }

  start = g_get_monotonic_time ();
  store = opora_store_open (argv[1], OPORA_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("open                          %8.2f ms\n", ms_since (start));

  start = g_get_monotonic_time ();
  list = opora_store_list_contracts (store, NULL);
  n = g_list_model_get_n_items (list);
  printf ("contracts list, count         %8.2f ms  (%u contracts)\n", ms_since (start), n);

  start = g_get_monotonic_time ();
  read_rows (list, 0, MIN (n, 30));
  printf ("first 30 rows                 %8.2f ms\n", ms_since (start));

  start = g_get_monotonic_time ();
  read_rows (list, n > 30 ? n - 30 : 0, n);
  printf ("jump to the end, 30 rows      %8.2f ms\n", ms_since (start));

  start = g_get_monotonic_time ();
  read_rows (list, n / 2, MIN (n, n / 2 + 30));
  printf ("jump to the middle, 30 rows   %8.2f ms\n", ms_since (start));

  for (guint k = 0; k < G_N_ELEMENTS (keystrokes); k++)
    {
      guint found;

      query.search = keystrokes[k];
      t = query_and_show (list, &query, &found);
      printf ("search “%s”%*s %8.2f ms  (%u found)\n", keystrokes[k],
              (int) (18 - g_utf8_strlen (keystrokes[k], -1)), "", t, found);
    }

  query.search = NULL;
  query.status = "completed";
  t = query_and_show (list, &query, &n);
  printf ("filter status=completed       %8.2f ms  (%u)\n", t, n);
  query.status = NULL;
  query.year = 2023;
  t = query_and_show (list, &query, &n);
  printf ("filter year=2023              %8.2f ms  (%u)\n", t, n);
  query.year = 0;
  query.sort = "number";
  t = query_and_show (list, &query, &n);
  printf ("sort by number                %8.2f ms\n", t);
  query.sort = NULL;
  query_and_show (list, &query, &n);

  /* Saving one edit: a contract from the middle, one field changed, one transaction. */
  for (int i = 0; i < 20; i++)
    {
      g_autoptr(OporaContract) contract = NULL;
      g_autofree char *causes = g_strdup_printf ("Benchmark edit %d", i);
      g_autoptr(GObject) row = g_list_model_get_item (list, n / 2 + i);
      double t;

      contract = opora_store_load_contract (store,
                                            opora_contract_get_id (OPORA_CONTRACT (row)),
                                            &error);
      g_assert_no_error (error);
      opora_contract_set_hardship_causes (contract, causes);
      start = g_get_monotonic_time ();
      if (!opora_store_save_contract (store, contract, &error))
        {
          g_printerr ("save failed: %s\n", error->message);
          return 1;
        }
      t = ms_since (start);
      g_array_append_val (saves, t);
    }
  printf ("save one edit (median of 20)  %8.2f ms  (list reload included)\n", median (saves));

  return 0;
}
