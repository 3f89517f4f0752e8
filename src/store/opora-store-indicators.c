/* Indicators computed in SQL (see opora-store-indicators.h): the figures of one
 * indicator are one query, `SELECT count(*), sum(counted)` over the indicator's set
 * (opora-store-indicators-private.h), and its drill-down lists the same set
 * (opora-store-indicators-drilldown.c). */
#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-indicator-catalogue.h"
#include "opora-organisation.h"
#include "opora-store-indicators-drilldown.h"
#include "opora-store-indicators-private.h"
#include "opora-store-indicators.h"
#include "opora-store-private.h"
#include "opora-store-records.h"
#include "opora-store-targets.h"

static const OporaIndicatorQuery *
find_query (const char *id)
{
  const OporaIndicatorQuery *(*lists[]) (guint *) = {
    opora_indicator_queries_peer,
    opora_indicator_queries_agent,
    opora_indicator_queries_lift,
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n;
      const OporaIndicatorQuery *queries = lists[l] (&n);

      for (guint i = 0; i < n; i++)
        if (g_str_equal (queries[i].id, id))
          return &queries[i];
    }
  return NULL;
}

gboolean
opora_store_indicator_is_available (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  return opora_indicator_catalogue_get (id) != NULL && find_query (id) != NULL;
}

static gboolean
check_period (const char  *from,
              const char  *to,
              GError     **error)
{
  const char *bad = !opora_date_is_valid_iso (from) ? from
                    : !opora_date_is_valid_iso (to) ? to : NULL;

  if (from == NULL || to == NULL || bad != NULL)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("“%s” is not a date of the form YYYY-MM-DD"),
                   bad != NULL ? bad : "");
      return FALSE;
    }
  /* ISO dates compare as text. */
  if (strcmp (from, to) > 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                           _("The period must not end before it begins"));
      return FALSE;
    }
  return TRUE;
}

static const OporaIndicatorDef *
lookup_def (const char  *id,
            GError     **error)
{
  const OporaIndicatorDef *def = opora_indicator_catalogue_get (id);

  if (def == NULL)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                 _("There is no indicator “%s”"), id);
  return def;
}

char *
opora_indicator_query_figures_sql (const OporaIndicatorQuery *query)
{
  if (query->count_sql != NULL)
    return g_strdup (query->count_sql);
  return g_strdup_printf ("SELECT count(*), coalesce(sum(d.counted), 0) FROM (%s) d",
                          query->set_sql);
}

/* Runs the indicator's one query; no query (no data in the schema yet) is 0 of 0. */
static gboolean
count_set (OporaStore                *self,
           const OporaIndicatorQuery *query,
           const char                *from,
           const char                *to,
           guint                     *numerator,
           guint                     *denominator,
           GError                   **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  *numerator = *denominator = 0;
  if (query == NULL)
    return TRUE;

  sql = opora_indicator_query_figures_sql (query);
  stmt = opora_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  opora_stmt_bind_text (stmt, 1, from);
  opora_stmt_bind_text (stmt, 2, to);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *denominator = (guint) sqlite3_column_int64 (stmt, 0);
  *numerator = (guint) sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

static OporaIndicatorResult *
compute_def (OporaStore              *self,
             const OporaIndicatorDef *def,
             const char              *from,
             const char              *to,
             GError                 **error)
{
  guint numerator, denominator;
  double target;

  if (!opora_store_get_target (self, def->id, &target, NULL, error) ||
      !count_set (self, find_query (def->id), from, to, &numerator, &denominator, error))
    return NULL;
  return opora_indicator_result_new (def->id, def->kind, def->direction, from, to,
                                     numerator, denominator, target);
}

OporaIndicatorResult *
opora_store_compute_indicator (OporaStore  *self,
                               const char  *id,
                               const char  *from,
                               const char  *to,
                               GError     **error)
{
  const OporaIndicatorDef *def;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((def = lookup_def (id, error)) == NULL || !check_period (from, to, error))
    return NULL;
  return compute_def (self, def, from, to, error);
}

GPtrArray *
opora_store_compute_indicators (OporaStore       *self,
                                OporaTechnology   technology,
                                const char       *from,
                                const char       *to,
                                GError          **error)
{
  g_autoptr(GPtrArray) results = NULL;
  const OporaIndicatorDef *defs;
  guint n_defs;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  if (!check_period (from, to, error))
    return NULL;
  if (technology == OPORA_TECHNOLOGY_NONE)
    defs = opora_indicator_catalogue_all (&n_defs);
  else
    defs = opora_indicator_catalogue_list (technology, &n_defs);

  /* One read transaction: a change committed meanwhile by another program cannot make
   * one chart disagree with the next. */
  if (!opora_store_snapshot_begin (self, error))
    return NULL;
  results = g_ptr_array_new_full (n_defs, (GDestroyNotify) opora_indicator_result_unref);
  for (guint i = 0; i < n_defs; i++)
    {
      OporaIndicatorResult *result = compute_def (self, &defs[i], from, to, error);

      if (result == NULL)
        {
          opora_store_snapshot_end (self);
          return NULL;
        }
      g_ptr_array_add (results, result);
    }
  opora_store_snapshot_end (self);
  return g_steal_pointer (&results);
}

/* The drill-down: each kind of record read by its id, for OporaDrilldownList. */

static char *
join_nonempty (const char *a,
               const char *b)
{
  if (a == NULL || *a == '\0')
    return g_strdup (b);
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strdup_printf ("%s · %s", a, b);
}

/* "Surname Name Patronymic" from three columns starting at @first. */
static char *
full_name (sqlite3_stmt *stmt,
           int           first)
{
  const char *patronymic = (const char *) sqlite3_column_text (stmt, first + 2);

  if (patronymic == NULL || *patronymic == '\0')
    return g_strdup_printf ("%s %s", sqlite3_column_text (stmt, first),
                            sqlite3_column_text (stmt, first + 1));
  return g_strdup_printf ("%s %s %s", sqlite3_column_text (stmt, first),
                          sqlite3_column_text (stmt, first + 1), patronymic);
}

static OporaDrilldownItem *
read_person (sqlite3_stmt *stmt,
             gboolean      counted)
{
  g_autofree char *title = full_name (stmt, 1);
  g_autofree char *birth =
    opora_date_iso_to_display ((const char *) sqlite3_column_text (stmt, 4));
  g_autofree char *subtitle =
    join_nonempty (birth, (const char *) sqlite3_column_text (stmt, 5));

  return opora_drilldown_item_new (OPORA_DRILLDOWN_PERSON, sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_int64 (stmt, 0), title, subtitle, counted);
}

static OporaDrilldownItem *
read_group (sqlite3_stmt *stmt,
            gboolean      counted)
{
  const char *name = (const char *) sqlite3_column_text (stmt, 1);
  g_autofree char *formed =
    opora_date_iso_to_display ((const char *) sqlite3_column_text (stmt, 2));
  g_autofree char *meeting =
    opora_date_iso_to_display ((const char *) sqlite3_column_text (stmt, 3));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (name != NULL && *name != '\0')
    title = g_strdup (name);
  else
    /* TRANSLATORS: a group activity without a title, by the day it was formed */
    title = g_strdup_printf (_("Group formed on %s"), formed);
  if (meeting == NULL)
    subtitle = g_strdup (_("No meeting date yet"));
  else if (sqlite3_column_int (stmt, 4))
    subtitle = g_strdup_printf (_("Held on %s"), meeting);
  else
    subtitle = g_strdup_printf (_("Meeting planned on %s"), meeting);

  return opora_drilldown_item_new (OPORA_DRILLDOWN_GROUP, sqlite3_column_int64 (stmt, 0), 0,
                                   title, subtitle, counted);
}

static OporaDrilldownItem *
read_organisation (sqlite3_stmt *stmt,
                   gboolean      counted)
{
  OporaOrganisationKind kind =
    opora_organisation_kind_from_string ((const char *) sqlite3_column_text (stmt, 2));

  return opora_drilldown_item_new (OPORA_DRILLDOWN_ORGANISATION,
                                   sqlite3_column_int64 (stmt, 0), 0,
                                   (const char *) sqlite3_column_text (stmt, 1),
                                   opora_organisation_kind_display_name (kind), counted);
}

static OporaDrilldownItem *
read_contract (sqlite3_stmt *stmt,
               gboolean      counted)
{
  g_autofree char *concluded =
    opora_date_iso_to_display ((const char *) sqlite3_column_text (stmt, 3));
  g_autofree char *title = g_strdup_printf (_("No. %s of %s"),
                                            sqlite3_column_text (stmt, 2), concluded);
  g_autofree char *applicant = full_name (stmt, 4);

  return opora_drilldown_item_new (OPORA_DRILLDOWN_CONTRACT, sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_int64 (stmt, 1), title, applicant, counted);
}

/* How each kind of record is read, shown and sorted. Every order begins with counted, so
 * those not counted come first, and ends in the record's key, so it is total. */
typedef struct
{
  const char            *row_sql;
  OporaDrilldownRowFunc  read_row;
  const char            *join;          /* "JOIN person p ON p.id = d.id" */
  const char            *key;           /* the record's id * 2 + counted */
  const char            *order_by;
  const char * const     tables[3];     /* what the rows show */
} DrilldownShape;

static const DrilldownShape shapes[] = {
  [OPORA_DRILLDOWN_PERSON] = {
    "SELECT p.id, p.surname, p.name, p.patronymic, p.birth_date, p.district"
    " FROM person p WHERE p.id = ?1",
    read_person,
    "JOIN person p ON p.id = d.id", "p.id * 2 + d.counted",
    "d.counted, p.surname, p.name, p.patronymic, p.id",
    { "person", NULL } },
  [OPORA_DRILLDOWN_GROUP] = {
    "SELECT g.id, g.title, g.formed_on, g.meeting_on, g.held"
    " FROM group_activity g WHERE g.id = ?1",
    read_group,
    "JOIN group_activity g ON g.id = d.id", "g.id * 2 + d.counted",
    "d.counted, g.formed_on, g.id",
    { "group_activity", NULL } },
  [OPORA_DRILLDOWN_ORGANISATION] = {
    "SELECT o.id, o.name, o.kind FROM organisation o WHERE o.id = ?1",
    read_organisation,
    "JOIN organisation o ON o.id = d.id", "o.id * 2 + d.counted",
    "d.counted, o.name, o.id",
    { "organisation", NULL } },
  [OPORA_DRILLDOWN_CONTRACT] = {
    "SELECT c.id, c.person_id, c.number, c.concluded_on, p.surname, p.name, p.patronymic"
    " FROM contract c JOIN person p ON p.id = c.person_id WHERE c.id = ?1",
    read_contract,
    "JOIN contract c ON c.id = d.id JOIN person p ON p.id = c.person_id",
    "c.id * 2 + d.counted",
    "d.counted, p.surname, p.name, p.patronymic, c.number, c.id",
    { "contract", "person", NULL } },
};

GListModel *
opora_store_indicator_drilldown (OporaStore  *self,
                                 const char  *id,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  const OporaIndicatorQuery *query;
  const DrilldownShape *shape;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *keys_sql = NULL;
  OporaDrilldownList *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (lookup_def (id, error) == NULL || !check_period (from, to, error))
    return NULL;
  if ((query = find_query (id)) == NULL)
    return G_LIST_MODEL (g_list_store_new (OPORA_TYPE_DRILLDOWN_ITEM));

  g_assert (query->kind < G_N_ELEMENTS (shapes));
  shape = &shapes[query->kind];

  tables = g_ptr_array_new ();
  for (guint i = 0; query->tables[i] != NULL; i++)
    g_ptr_array_add (tables, (gpointer) query->tables[i]);
  for (guint i = 0; shape->tables[i] != NULL; i++)
    if (!g_strv_contains (query->tables, shape->tables[i]))
      g_ptr_array_add (tables, (gpointer) shape->tables[i]);
  g_ptr_array_add (tables, NULL);

  /* Materialized: flattened into the outer query, the set's "counted" would be computed
   * twice, for the key and for the order. */
  keys_sql = g_strdup_printf ("WITH d AS MATERIALIZED (%s) SELECT %s FROM d %s ORDER BY %s",
                              query->set_sql, shape->key, shape->join, shape->order_by);
  list = opora_drilldown_list_new (self, keys_sql, shape->row_sql, shape->read_row, from, to,
                                   (const char * const *) tables->pdata);
  return G_LIST_MODEL (list);
}
