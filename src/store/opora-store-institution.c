#define G_LOG_DOMAIN "opora-store"

#include "opora-store-institution.h"
#include "opora-store-private.h"

/* The institution row always has id 1 (the schema checks it); an upsert puts it back if
 * something removed it, so saving never depends on the first migration's INSERT. */

static const char load_sql[] =
  "SELECT full_name, short_name, address, phone, city, city_locative FROM institution"
  " WHERE id = 1";

static const char save_sql[] =
  "INSERT INTO institution (id, full_name, short_name, address, phone, city,"
  "                         city_locative, created_by, updated_by)"
  " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?7, ?6, ?6)"
  " ON CONFLICT (id) DO UPDATE SET"
  "   full_name = excluded.full_name, short_name = excluded.short_name,"
  "   address = excluded.address, phone = excluded.phone, city = excluded.city,"
  "   city_locative = excluded.city_locative,"
  "   updated_by = excluded.updated_by,"
  "   updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

/* The columns are NOT NULL DEFAULT '': bind "" where opora_stmt_bind_text would bind NULL. */
static void
bind_field (sqlite3_stmt *stmt,
            int           index,
            const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

OporaInstitution *
opora_store_load_institution (OporaStore  *self,
                              GError     **error)
{
  g_autoptr(OporaInstitution) institution = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(stmt = opora_store_prepare (self, load_sql, error)))
    return NULL;

  institution = opora_institution_new ();
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_object_set (institution,
                  "full-name", (const char *) sqlite3_column_text (stmt, 0),
                  "short-name", (const char *) sqlite3_column_text (stmt, 1),
                  "address", (const char *) sqlite3_column_text (stmt, 2),
                  "phone", (const char *) sqlite3_column_text (stmt, 3),
                  "city", (const char *) sqlite3_column_text (stmt, 4),
                  "city-locative", (const char *) sqlite3_column_text (stmt, 5),
                  NULL);
  else if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  return g_steal_pointer (&institution);
}

gboolean
opora_store_save_institution (OporaStore        *self,
                              OporaInstitution  *institution,
                              GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (OPORA_IS_INSTITUTION (institution), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!opora_store_begin (self, error))
    return FALSE;

  if (!(stmt = opora_store_prepare (self, save_sql, error)))
    {
      opora_store_rollback (self);
      return FALSE;
    }
  bind_field (stmt, 1, opora_institution_get_full_name (institution));
  bind_field (stmt, 2, opora_institution_get_short_name (institution));
  bind_field (stmt, 3, opora_institution_get_address (institution));
  bind_field (stmt, 4, opora_institution_get_phone (institution));
  bind_field (stmt, 5, opora_institution_get_city (institution));
  opora_stmt_bind_id (stmt, 6, opora_store_author_or_zero (self));
  bind_field (stmt, 7, opora_institution_get_city_locative (institution));

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      opora_store_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);

  opora_store_touch (self, "institution");
  return opora_store_commit (self, error);
}
