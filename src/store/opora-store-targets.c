#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <math.h>

#include "opora-error.h"
#include "opora-indicator-catalogue.h"
#include "opora-store-private.h"
#include "opora-store-targets.h"

static const OporaIndicatorDef *
lookup_def (const char  *indicator_id,
            GError     **error)
{
  const OporaIndicatorDef *def = opora_indicator_catalogue_get (indicator_id);

  if (def == NULL)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                 _("There is no indicator “%s”"), indicator_id);
  return def;
}

gboolean
opora_store_get_target (OporaStore  *self,
                        const char  *indicator_id,
                        double      *target,
                        gboolean    *overridden,
                        GError     **error)
{
  const OporaIndicatorDef *def;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (indicator_id != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if ((def = lookup_def (indicator_id, error)) == NULL)
    return FALSE;
  stmt = opora_store_prepare (self,
                              "SELECT target FROM indicator_target WHERE indicator_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  opora_stmt_bind_text (stmt, 1, indicator_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* A row with NULL is an override too: the head of department removed the target. */
      *target = sqlite3_column_type (stmt, 0) == SQLITE_NULL
                ? OPORA_INDICATOR_NO_TARGET : sqlite3_column_double (stmt, 0);
      if (overridden != NULL)
        *overridden = TRUE;
    }
  else if (rc == SQLITE_DONE)
    {
      *target = def->default_target;
      if (overridden != NULL)
        *overridden = FALSE;
    }
  else
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
opora_store_set_target (OporaStore  *self,
                        const char  *indicator_id,
                        double       target,
                        GError     **error)
{
  static const char upsert_sql[] =
    "INSERT INTO indicator_target (indicator_id, target, created_by, updated_by)"
    " VALUES (?1, ?2, ?3, ?3)"
    " ON CONFLICT (indicator_id) DO UPDATE SET target = excluded.target,"
    " updated_by = excluded.updated_by,"
    " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
  const OporaIndicatorDef *def;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (indicator_id != NULL, FALSE);

  if ((def = lookup_def (indicator_id, error)) == NULL)
    return FALSE;
  if (isnan (target) || isinf (target))
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                           _("A target must be a number"));
      return FALSE;
    }
  if (def->kind == OPORA_INDICATOR_KIND_SHARE && target > 1.0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                           _("A share’s target cannot be above 100 percent"));
      return FALSE;
    }

  if (!opora_store_begin (self, error))
    return FALSE;
  stmt = opora_store_prepare (self, upsert_sql, error);
  if (stmt == NULL)
    {
      opora_store_rollback (self);
      return FALSE;
    }
  opora_stmt_bind_text (stmt, 1, indicator_id);
  if (OPORA_INDICATOR_HAS_TARGET (target))
    sqlite3_bind_double (stmt, 2, target);
  else
    sqlite3_bind_null (stmt, 2);
  opora_stmt_bind_id (stmt, 3, opora_store_author_or_zero (self));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      opora_store_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);
  opora_store_touch (self, "indicator_target");
  return opora_store_commit (self, error);
}

gboolean
opora_store_reset_target (OporaStore  *self,
                          const char  *indicator_id,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (indicator_id != NULL, FALSE);

  if (lookup_def (indicator_id, error) == NULL)
    return FALSE;
  if (!opora_store_begin (self, error))
    return FALSE;
  stmt = opora_store_prepare (self, "DELETE FROM indicator_target WHERE indicator_id = ?",
                              error);
  if (stmt == NULL)
    {
      opora_store_rollback (self);
      return FALSE;
    }
  opora_stmt_bind_text (stmt, 1, indicator_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      sqlite3_reset (stmt);
      opora_store_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);
  opora_store_touch (self, "indicator_target");
  return opora_store_commit (self, error);
}
