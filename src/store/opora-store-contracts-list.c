/* The registry of contracts as a lazy list, and the questions asked of it as a whole:
 * its districts and years, and the monitoring acts that are due. */
#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-store-contracts-private.h"
#include "opora-store-search.h"

static const char * const contract_list_tables[] = { "contract", "person", "staff", NULL };

/* Any text that starts with a prefix sorts before the prefix followed by the highest code
 * point, so a number prefix is a range that the number's index answers. */
#define MAX_CODE_POINT "\xf4\x8f\xbf\xbf"

/* Each order ends in the key so it is total, and has an index behind it: a million
 * contracts open at once in any of them. */
typedef struct
{
  const char *key;
  gboolean    needs_person;
  const char *ascending;
  const char *descending;
} SortOrder;

static const SortOrder sort_orders[] = {
  { "concluded_on", FALSE, "c.concluded_on, c.id", "c.concluded_on DESC, c.id DESC" },
  { "number", FALSE, "c.number, c.id", "c.number DESC, c.id DESC" },
  { "term_end", FALSE, "c.term_end, c.id", "c.term_end DESC, c.id DESC" },
  { "status", FALSE, "c.status, c.concluded_on, c.id",
    "c.status DESC, c.concluded_on DESC, c.id DESC" },
  { "applicant", TRUE, "p.surname, p.name, p.patronymic, p.id, c.id",
    "p.surname DESC, p.name DESC, p.patronymic DESC, p.id DESC, c.id DESC" },
};

static void
add_condition (GString    *where,
               const char *condition)
{
  g_string_append (where, where->len == 0 ? " WHERE " : " AND ");
  g_string_append (where, condition);
}

/* @condition, and the same with its indexed columns marked ("+c.status") in @scan_where,
 * so that SQLite walks the index of the order and tests the rows one by one. */
static void
add_conditions (GString    *where,
                GString    *scan_where,
                const char *condition,
                const char *scan_condition)
{
  add_condition (where, condition);
  add_condition (scan_where, scan_condition);
}

/* @condition for @where, the same marked for @scan_where and @quick_where alike. */
static void
add_filter (GString    *where,
            GString    *scan_where,
            GString    *quick_where,
            const char *condition,
            const char *scan_condition)
{
  add_conditions (where, scan_where, condition, scan_condition);
  add_condition (quick_where, scan_condition);
}

static void
apply_query (OporaListModel           *model,
             const OporaContractQuery *query)
{
  static const OporaContractQuery everything = { 0 };
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GString) scan_where = g_string_new (NULL);
  g_autoptr(GString) quick_where = g_string_new (NULL);
  g_autofree char *from_where = NULL;
  g_autofree char *scan_from_where = NULL;
  g_autofree char *quick_from_where = NULL;
  gboolean searching = FALSE;
  gboolean quick = FALSE;
  g_autofree char *search = NULL;
  const SortOrder *order = &sort_orders[0];
  const char *join = "";
  gboolean descending = TRUE; /* with no sort asked: newest first */

  if (query == NULL)
    query = &everything;

  if (query->sort != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (sort_orders); i++)
      if (g_str_equal (query->sort, sort_orders[i].key))
        {
          order = &sort_orders[i];
          descending = query->descending;
        }

  search = g_strstrip (g_strdup (query->search ? query->search : ""));
  /* A single letter is no search yet, as on the persons page; a single digit already
   * finds the numbers it begins. */
  if (g_utf8_strlen (search, -1) >= OPORA_SEARCH_MIN_CHARS ||
      g_unichar_isdigit (g_utf8_get_char (search)))
    {
      g_autofree char *match = opora_search_person_match (search);

      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (search)));
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_take_string (
                         g_strconcat (search, MAX_CODE_POINT, NULL))));
      searching = TRUE;
      if (match != NULL)
        {
          add_conditions (where, scan_where,
                          "((c.number >= ? AND c.number < ?) OR c.person_id IN"
                          " (SELECT rowid FROM person_search WHERE person_search MATCH ?))",
                          "((+c.number >= ? AND +c.number < ?) OR +c.person_id IN"
                          " (SELECT rowid FROM person_search WHERE person_search MATCH ?))");
          /* The brief walk of a search by names tests each holder's row itself: asked of
           * the index, it would first read every person «ив» matches (see
           * opora-store-search-match.c). */
          add_condition (quick_where,
                         "((+c.number >= ? AND +c.number < ?) OR opora_person_match (?,"
                         " p.surname, p.name, p.patronymic, p.snils, p.phone))");
          quick = opora_search_is_by_names (search);
          g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (match)));
        }
      else
        add_filter (where, scan_where, quick_where, "c.number >= ? AND c.number < ?",
                    "+c.number >= ? AND +c.number < ?");
    }
  if (query->status != NULL)
    {
      add_filter (where, scan_where, quick_where, "c.status = ?", "+c.status = ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (query->status)));
    }
  if (query->district != NULL)
    {
      add_filter (where, scan_where, quick_where,
                  "c.person_id IN (SELECT id FROM person WHERE district = ?)",
                  "+c.person_id IN (SELECT id FROM person WHERE district = ?)");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (query->district)));
    }
  if (query->year > 0)
    {
      add_filter (where, scan_where, quick_where, "c.concluded_on >= ? AND c.concluded_on < ?",
                  "+c.concluded_on >= ? AND +c.concluded_on < ?");
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_take_string (
                         g_strdup_printf ("%04d-01-01", query->year))));
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_take_string (
                         g_strdup_printf ("%04d-01-01", query->year + 1))));
    }

  if (order->needs_person)
    join = " JOIN person p ON p.id = c.person_id";
  from_where = g_strdup_printf ("FROM contract c%s%s", join, where->str);
  /* A search may match most of a million contracts («СК-»): its first page comes from
   * walking the order's index (see opora_list_model_set_scan_query). */
  if (searching)
    scan_from_where = g_strdup_printf ("FROM contract c%s%s", join, scan_where->str);
  /* CROSS JOIN: the contracts are walked in the order's index, their holders looked up. */
  if (quick)
    quick_from_where = g_strdup_printf ("FROM contract c%s%s",
                                        order->needs_person
                                        ? join : " CROSS JOIN person p ON p.id = c.person_id",
                                        quick_where->str);
  opora_list_model_set_scan_query (model, from_where, scan_from_where, quick_from_where,
                                   params, "c.id",
                                   descending ? order->descending : order->ascending,
                                   descending ? order->ascending : order->descending);
}

GListModel *
opora_store_list_contracts (OporaStore               *self,
                            const OporaContractQuery *query)
{
  OporaListModel *model;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  model = opora_list_model_new (self, OPORA_TYPE_CONTRACT, OPORA_CONTRACT_ROW_SQL,
                                opora_contract_read_row, contract_list_tables);
  apply_query (model, query);
  return G_LIST_MODEL (model);
}

void
opora_contract_list_set_query (GListModel               *list,
                               const OporaContractQuery *query)
{
  g_return_if_fail (OPORA_IS_LIST_MODEL (list));
  g_return_if_fail (g_list_model_get_item_type (list) == OPORA_TYPE_CONTRACT);

  apply_query (OPORA_LIST_MODEL (list), query);
}

char **
opora_store_list_contract_districts (OporaStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  /* A handful of districts among millions of persons: step from one district to the next
   * down the district index (a seek each), then ask each for one contract holder. Asked of
   * every person, as DISTINCT … WHERE EXISTS does, it took seconds on a million contracts,
   * and it runs when the contracts page opens and after every save. */
  stmt = opora_store_prepare (self,
                              "WITH RECURSIVE districts (d) AS ("
                              " SELECT min(district) FROM person WHERE district > ''"
                              " UNION ALL"
                              " SELECT (SELECT min(district) FROM person WHERE district > d)"
                              " FROM districts WHERE d IS NOT NULL)"
                              " SELECT d FROM districts WHERE d IS NOT NULL"
                              " AND EXISTS (SELECT 1 FROM person p JOIN contract c"
                              " ON c.person_id = p.id WHERE p.district = d)"
                              " ORDER BY d",
                              NULL);
  if (stmt != NULL)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return g_strv_builder_end (builder);
}

gboolean
opora_store_get_contract_years (OporaStore *self,
                                int        *first,
                                int        *last)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  /* Two subqueries: each of min() and max() alone is one step down the index. */
  stmt = opora_store_prepare (self,
                              "SELECT (SELECT min(concluded_on) FROM contract),"
                              " (SELECT max(concluded_on) FROM contract)",
                              NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      if (first != NULL)
        *first = atoi ((const char *) sqlite3_column_text (stmt, 0));
      if (last != NULL)
        *last = atoi ((const char *) sqlite3_column_text (stmt, 1));
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  OporaMonitoringDue *x = *(OporaMonitoringDue **) a;
  OporaMonitoringDue *y = *(OporaMonitoringDue **) b;
  int by_date = strcmp (opora_monitoring_due_get_due_on (x), opora_monitoring_due_get_due_on (y));

  if (by_date != 0)
    return by_date;
  if (opora_monitoring_due_get_contract_id (x) != opora_monitoring_due_get_contract_id (y))
    return opora_monitoring_due_get_contract_id (x) < opora_monitoring_due_get_contract_id (y)
           ? -1 : 1;
  return opora_monitoring_due_get_month_no (x) - opora_monitoring_due_get_month_no (y);
}

GListModel *
opora_store_list_due_monitoring (OporaStore  *self,
                                 const char  *today,
                                 GError     **error)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = g_list_store_new (OPORA_TYPE_MONITORING_DUE);
  GDate today_date;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (!opora_date_parse (today, &today_date, error))
    return NULL;

  /* The months written are a bit mask, so each contract is one row; the calendar
   * arithmetic (31 January + 1 month = 28 February) is opora_date_add_months()'s. */
  stmt = opora_store_prepare (self,
                              "SELECT c.id, c.number, c.person_id,"
                              " p.surname || ' ' || p.name || coalesce(' ' || p.patronymic, ''),"
                              " c.term_end,"
                              " (SELECT coalesce(sum(1 << m.month_no), 0) FROM monitoring_act m"
                              "  WHERE m.contract_id = c.id)"
                              " FROM contract c JOIN person p ON p.id = c.person_id"
                              " WHERE c.term_end < ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *term_end = (const char *) sqlite3_column_text (stmt, 4);
      gint64 written = sqlite3_column_int64 (stmt, 5);
      GDate end;

      if (!opora_date_parse (term_end, &end, NULL))
        continue;
      for (int k = 1; k <= OPORA_MONITORING_MONTHS; k++)
        {
          g_autofree char *due_on = NULL;
          GDate due_date;

          opora_date_add_months (&end, k, &due_date);
          if (g_date_compare (&due_date, &today_date) > 0)
            break;
          if (written & ((gint64) 1 << k))
            continue;
          due_on = opora_date_to_iso (&due_date);
          g_ptr_array_add (due,
                           opora_monitoring_due_new (sqlite3_column_int64 (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1),
                                                     sqlite3_column_int64 (stmt, 2),
                                                     (const char *) sqlite3_column_text (stmt, 3),
                                                     k, due_on));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      return NULL;
    }

  g_ptr_array_sort (due, compare_due);
  g_list_store_splice (list, 0, 0, due->pdata, due->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}
