#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-list-model.h"
#include "opora-store-private.h"
#include "opora-store-search.h"
#include "opora-store-staff.h"

static const char row_sql[] =
  "SELECT s.id, s.full_name, s.position, s.district, s.active FROM staff s WHERE s.id = ?";

static const char * const watched_tables[] = { "staff", NULL };

static GObject *
staff_from_stmt (sqlite3_stmt *stmt)
{
  OporaStaff *staff = opora_staff_new ();
  OporaPosition position = OPORA_POSITION_NONE;

  opora_staff_set_id (staff, sqlite3_column_int64 (stmt, 0));
  opora_staff_set_full_name (staff, (const char *) sqlite3_column_text (stmt, 1));
  opora_position_from_string ((const char *) sqlite3_column_text (stmt, 2), &position);
  opora_staff_set_position (staff, position);
  opora_staff_set_district (staff, (const char *) sqlite3_column_text (stmt, 3));
  opora_staff_set_active (staff, sqlite3_column_int (stmt, 4) != 0);
  return G_OBJECT (staff);
}

static gboolean
write_staff (OporaStore  *self,
             OporaStaff  *staff,
             gint64      *out_id,
             GError     **error)
{
  static const char insert_sql[] =
    "INSERT INTO staff (full_name, position, district, active, created_by, updated_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
  static const char update_sql[] =
    "UPDATE staff SET full_name = ?1, position = ?2, district = ?3, active = ?4,"
    " updated_by = ?5, updated_at = strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"
    " WHERE id = ?6";
  gint64 id = opora_staff_get_id (staff);
  sqlite3_stmt *stmt = opora_store_prepare (self, id == 0 ? insert_sql : update_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  opora_stmt_bind_text (stmt, 1, opora_staff_get_full_name (staff));
  opora_stmt_bind_text (stmt, 2, opora_position_to_string (opora_staff_get_position (staff)));
  opora_stmt_bind_text (stmt, 3, opora_staff_get_district (staff));
  sqlite3_bind_int (stmt, 4, opora_staff_get_active (staff) ? 1 : 0);
  opora_stmt_bind_id (stmt, 5, opora_store_author_or_zero (self));
  if (id != 0)
    sqlite3_bind_int64 (stmt, 6, id);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return opora_store_set_error (self, error);
  if (id != 0 && sqlite3_changes (opora_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                           _("This staff member no longer exists"));
      return FALSE;
    }
  *out_id = id != 0 ? id : sqlite3_last_insert_rowid (opora_store_get_db (self));
  opora_store_touch (self, "staff");
  return TRUE;
}

gboolean
opora_store_save_staff (OporaStore  *self,
                        OporaStaff  *staff,
                        GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_STAFF (staff), FALSE);

  if (!opora_staff_validate (staff, NULL, error))
    return FALSE;
  if (!opora_store_begin (self, error))
    return FALSE;
  if (!write_staff (self, staff, &id, error) || !opora_store_commit (self, error))
    {
      opora_store_rollback (self);
      return FALSE;
    }
  opora_staff_set_id (staff, id);
  return TRUE;
}

OporaStaff *
opora_store_load_staff (OporaStore  *self,
                        gint64       id,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  GObject *staff = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = opora_store_prepare (self, row_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    staff = staff_from_stmt (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                         _("This staff member no longer exists"));
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return OPORA_STAFF (staff);
}

OporaDeletion *
opora_store_delete_staff (OporaStore  *self,
                          gint64       id,
                          GError     **error)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  return opora_store_delete_record (self, "staff", id, error);
}

GListModel *
opora_store_list_staff (OporaStore *self,
                        gboolean    active_only)
{
  OporaStaffQuery query = { .active_only = active_only };
  OporaListModel *list;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  list = opora_list_model_new (self, OPORA_TYPE_STAFF, row_sql, staff_from_stmt,
                               watched_tables);
  opora_staff_list_set_query (G_LIST_MODEL (list), &query);
  return G_LIST_MODEL (list);
}

void
opora_staff_list_set_query (GListModel            *list,
                            const OporaStaffQuery *query)
{
  static const OporaStaffQuery everyone = { 0 };
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GString) from_where = g_string_new ("FROM staff s");
  g_autofree char *words = NULL;
  const char *conjunction = " WHERE ";

  g_return_if_fail (OPORA_IS_LIST_MODEL (list));

  if (query == NULL)
    query = &everyone;

  words = opora_search_like_words ("s.full_name", query->search, params);
  if (words != NULL)
    {
      g_string_append_printf (from_where, "%s%s", conjunction, words);
      conjunction = " AND ";
    }
  if (query->active_only)
    g_string_append_printf (from_where, "%ss.active = 1", conjunction);

  opora_list_model_set_query (OPORA_LIST_MODEL (list), from_where->str, params, "s.id",
                              query->descending ? "s.full_name DESC, s.id DESC"
                                                : "s.full_name, s.id",
                              query->descending ? "s.full_name, s.id"
                                                : "s.full_name DESC, s.id DESC");
}
