#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-person.h"
#include "opora-store-families.h"
#include "opora-store-private.h"
#include "opora-store-search.h"

static const char row_sql[] =
  "SELECT f.id, f.name, f.minor_children, f.is_large, f.is_single_parent,"
  " f.has_disabled_child, f.is_living_alone, f.settlement, f.address, f.notes,"
  " (SELECT count(*) FROM person p WHERE p.family_id = f.id)"
  " FROM family f WHERE f.id = ?";

/* The member count changes with persons. */
static const char * const watched_tables[] = { "family", "person", NULL };

static const struct
{
  const char *forward;
  const char *backward;
} sort_orders[] = {
  [OPORA_FAMILY_SORT_NAME] = { "f.name, f.id", "f.name DESC, f.id DESC" },
  [OPORA_FAMILY_SORT_MINOR_CHILDREN] = {
    "f.minor_children, f.name, f.id",
    "f.minor_children DESC, f.name DESC, f.id DESC" },
};

static GObject *
family_from_stmt (sqlite3_stmt *stmt)
{
  OporaFamily *family = opora_family_new ();
  OporaSettlement settlement = OPORA_SETTLEMENT_URBAN;

  opora_family_set_id (family, sqlite3_column_int64 (stmt, 0));
  opora_family_set_name (family, (const char *) sqlite3_column_text (stmt, 1));
  opora_family_set_minor_children (family, sqlite3_column_int (stmt, 2));
  opora_family_set_is_large (family, sqlite3_column_int (stmt, 3) != 0);
  opora_family_set_is_single_parent (family, sqlite3_column_int (stmt, 4) != 0);
  opora_family_set_has_disabled_child (family, sqlite3_column_int (stmt, 5) != 0);
  opora_family_set_is_living_alone (family, sqlite3_column_int (stmt, 6) != 0);
  opora_settlement_from_string ((const char *) sqlite3_column_text (stmt, 7), &settlement);
  opora_family_set_settlement (family, settlement);
  opora_family_set_address (family, (const char *) sqlite3_column_text (stmt, 8));
  opora_family_set_notes (family, (const char *) sqlite3_column_text (stmt, 9));
  opora_family_set_member_count (family, (guint) sqlite3_column_int64 (stmt, 10));
  return G_OBJECT (family);
}

static gboolean
write_family (OporaStore   *self,
              OporaFamily  *family,
              gint64       *out_id,
              GError      **error)
{
  static const char insert_sql[] =
    "INSERT INTO family (name, minor_children, is_large, is_single_parent,"
    " has_disabled_child, is_living_alone, settlement, address, notes, created_by,"
    " updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)";
  static const char update_sql[] =
    "UPDATE family SET name = ?1, minor_children = ?2, is_large = ?3,"
    " is_single_parent = ?4, has_disabled_child = ?5, is_living_alone = ?6,"
    " settlement = ?7, address = ?8, notes = ?9, updated_by = ?10,"
    " updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?11";
  gint64 id = opora_family_get_id (family);
  sqlite3_stmt *stmt = opora_store_prepare (self, id == 0 ? insert_sql : update_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  opora_stmt_bind_text (stmt, 1, opora_family_get_name (family));
  sqlite3_bind_int (stmt, 2, opora_family_get_minor_children (family));
  sqlite3_bind_int (stmt, 3, opora_family_get_is_large (family));
  sqlite3_bind_int (stmt, 4, opora_family_get_is_single_parent (family));
  sqlite3_bind_int (stmt, 5, opora_family_get_has_disabled_child (family));
  sqlite3_bind_int (stmt, 6, opora_family_get_is_living_alone (family));
  opora_stmt_bind_text (stmt, 7,
                        opora_settlement_to_string (opora_family_get_settlement (family)));
  opora_stmt_bind_text (stmt, 8, opora_family_get_address (family));
  opora_stmt_bind_text (stmt, 9, opora_family_get_notes (family));
  opora_stmt_bind_id (stmt, 10, opora_store_author_or_zero (self));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 11, id);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return opora_store_set_error (self, error);
  if (id != 0 && sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("This family no longer exists"));
      return FALSE;
    }
  *out_id = id != 0 ? id : sqlite3_last_insert_rowid (opora_store_get_db (self));
  opora_store_touch (self, "family");
  return TRUE;
}

/* Writes one person's membership, only when it changes, so that the audit columns of
 * persons whose membership stays do not say they were edited. */
static gboolean
write_membership (OporaStore     *self,
                  gint64          person_id,
                  gint64          family_id,
                  OporaRelation   relation,
                  GError        **error)
{
  const char *relation_text = family_id > 0 ? opora_relation_to_string (relation) : NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = opora_store_prepare (self,
                              "UPDATE person SET family_id = ?1, relation = ?2, updated_by = ?3,"
                              " updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
                              " WHERE id = ?4 AND (family_id IS NOT ?1 OR relation IS NOT ?2)",
                              error);
  if (stmt == NULL)
    return FALSE;
  opora_stmt_bind_id (stmt, 1, family_id);
  opora_stmt_bind_text (stmt, 2, relation_text);
  opora_stmt_bind_id (stmt, 3, opora_store_author_or_zero (self));
  sqlite3_bind_int64 (stmt, 4, person_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return opora_store_set_error (self, error);
  opora_store_touch (self, "person");
  return TRUE;
}

static gboolean
person_exists (OporaStore *self,
               gint64      id)
{
  sqlite3_stmt *stmt = opora_store_prepare (self, "SELECT 1 FROM person WHERE id = ?", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
write_members (OporaStore   *self,
               gint64        family_id,
               GListModel   *members,
               GError      **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) leaving = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (members);
  g_autofree gint64 *ids = g_new0 (gint64, n + 1);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaPerson) member = g_list_model_get_item (members, i);

      ids[i] = opora_person_get_id (member);
      if (ids[i] == 0 || !person_exists (self, ids[i]))
        {
          g_autofree char *name = opora_person_dup_full_name (member);

          g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                       _("%s is not in the registry: save the person first"), name);
          return FALSE;
        }
      g_hash_table_add (kept, &ids[i]);
      if (!write_membership (self, ids[i], family_id, opora_person_get_relation (member), error))
        return FALSE;
    }

  stmt = opora_store_prepare (self, "SELECT id FROM person WHERE family_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, family_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (kept, &id))
        g_array_append_val (leaving, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < leaving->len; i++)
    if (!write_membership (self, g_array_index (leaving, gint64, i), 0, OPORA_RELATION_NONE,
                           error))
      return FALSE;
  return TRUE;
}

static gboolean
save_family (OporaStore   *self,
             OporaFamily  *family,
             GListModel   *members,
             GError      **error)
{
  gint64 id = 0;

  if (!opora_family_validate (family, NULL, error))
    return FALSE;
  if (!opora_store_begin (self, error))
    return FALSE;
  if (!write_family (self, family, &id, error) ||
      (members != NULL && !write_members (self, id, members, error)) ||
      !opora_store_commit (self, error))
    {
      opora_store_rollback (self);
      return FALSE;
    }
  opora_family_set_id (family, id);
  if (members != NULL)
    {
      guint n = g_list_model_get_n_items (members);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(OporaPerson) member = g_list_model_get_item (members, i);

          opora_person_set_family_id (member, id);
          opora_person_set_family_name (member, opora_family_get_name (family));
        }
      opora_family_set_member_count (family, n);
    }
  return TRUE;
}

OporaFamilySort
opora_family_sort_from_key (const char *sort_key)
{
  if (g_strcmp0 (sort_key, "minor_children") == 0)
    return OPORA_FAMILY_SORT_MINOR_CHILDREN;
  return OPORA_FAMILY_SORT_NAME;
}

gboolean
opora_store_save_family (OporaStore   *self,
                         OporaFamily  *family,
                         GError      **error)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_FAMILY (family), FALSE);

  return save_family (self, family, NULL, error);
}

gboolean
opora_store_save_family_members (OporaStore   *self,
                                 OporaFamily  *family,
                                 GListModel   *members,
                                 GError      **error)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_FAMILY (family), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (members), FALSE);

  return save_family (self, family, members, error);
}

OporaFamily *
opora_store_load_family (OporaStore  *self,
                         gint64       id,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *family = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self, row_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    family = family_from_stmt (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("This family no longer exists"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return OPORA_FAMILY (family);
}

OporaDeletion *
opora_store_delete_family (OporaStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  return opora_store_delete_record (self, "family", id, error);
}

GListModel *
opora_store_list_families (OporaStore             *self,
                           const OporaFamilyQuery *query)
{
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_FAMILY, row_sql, family_from_stmt,
                               watched_tables);
  /* A family's row is tested with its members' (3 on average): the brief walk for «ив»
   * takes 10–40 ms of a million families, where counting them, or walking with the
   * index's matches, reads 126,000 persons first and takes 0.3–4 s. A family search
   * that matches a few percent («сид»: 6,590) is counted in ~40 ms. */
  opora_list_model_set_budgets (list, 50 * 1000, 100 * 1000, 150 * 1000);
  opora_family_list_set_query (G_LIST_MODEL (list), query);
  return G_LIST_MODEL (list);
}

void
opora_family_list_set_query (GListModel             *list,
                             const OporaFamilyQuery *query)
{
  static const OporaFamilyQuery every = { 0 };
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) from_where = g_string_new ("FROM family f");
  g_autoptr(GString) scan_from_where = g_string_new ("FROM family f");
  g_autoptr(GString) quick_from_where = g_string_new ("FROM family f");
  g_autofree char *by_name = NULL;
  g_autofree char *by_member = NULL;
  gboolean searching;
  guint sort;

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));

  if (query == NULL)
    query = &every;

  /* The beginning of a word of the family's name, or any member found as the persons page
   * finds them. One letter is no search yet. The two sets of ids are joined (UNION) so
   * that SQLite looks up the families they name, instead of testing a million against
   * each (75 → 41 ms for «сид»). */
  by_name = opora_search_family_match (query->search);
  by_member = opora_search_person_match (query->search);
  searching = by_member != NULL;
  if (searching)
    {
      g_autoptr(GString) ids = g_string_new ("SELECT p.family_id FROM person p WHERE p.id IN"
                                             " (SELECT rowid FROM person_search"
                                             " WHERE person_search MATCH ?)");

      if (by_name != NULL)
        {
          g_string_prepend (ids, "SELECT rowid FROM family_search WHERE family_search"
                                 " MATCH ? UNION ");
          g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (by_name)));
          /* The brief walk of a search by names tests each family's own row and its
           * members' (opora-store-search-match.c); such a search asks nothing of a SNILS
           * or a phone. */
          g_string_append (quick_from_where, " WHERE (opora_person_match (?, NULL, f.name,"
                                             " NULL, NULL, NULL) OR EXISTS (SELECT 1"
                                             " FROM person p WHERE p.family_id = f.id"
                                             " AND opora_person_match (?, p.surname, p.name,"
                                             " p.patronymic, NULL, NULL)))");
        }
      g_string_append_printf (from_where, " WHERE f.id IN (%s)", ids->str);
      g_string_append_printf (scan_from_where, " WHERE +f.id IN (%s)", ids->str);
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string (by_member)));
    }

  sort = query->sort < G_N_ELEMENTS (sort_orders) ? query->sort : OPORA_FAMILY_SORT_NAME;
  /* «ив» finds a family in ten by its members: its first page comes from walking the
   * order's index (see opora_list_model_set_scan_query). */
  opora_list_model_set_scan_query (OPORA_LIST_MODEL (list), from_where->str,
                                   searching ? scan_from_where->str : NULL,
                                   by_name != NULL && opora_search_is_by_names (query->search)
                                   ? quick_from_where->str : NULL,
                                   params, "f.id",
                                   query->descending ? sort_orders[sort].backward
                                                     : sort_orders[sort].forward,
                                   query->descending ? sort_orders[sort].forward
                                                     : sort_orders[sort].backward);
}
