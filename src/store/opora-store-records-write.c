/* Inserting whole records: from plain values in column order (import, the fast path) or
 * from an a{sv} record (undo, callers at large), through one prepared INSERT. */
#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-store-private.h"
#include "opora-store-records-private.h"

gboolean
opora_stmt_bind_variant (sqlite3_stmt *stmt,
                         int           index,
                         GVariant     *value)
{
  switch (g_variant_classify (value))
    {
    case G_VARIANT_CLASS_INT64:
      sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
      return TRUE;
    case G_VARIANT_CLASS_INT32:
      sqlite3_bind_int64 (stmt, index, g_variant_get_int32 (value));
      return TRUE;
    case G_VARIANT_CLASS_DOUBLE:
      sqlite3_bind_double (stmt, index, g_variant_get_double (value));
      return TRUE;
    case G_VARIANT_CLASS_STRING:
      sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1, SQLITE_TRANSIENT);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
column_error (GError     **error,
              char       **out_column,
              const char  *column,
              int          code,
              const char  *rule)
{
  if (out_column != NULL)
    {
      *out_column = g_strdup (column);
      g_set_error_literal (error, OPORA_ERROR, code, rule);
    }
  else
    g_set_error (error, OPORA_ERROR, code, "%s: %s", column, rule);
  return FALSE;
}

/* A record's values in column order; the variants that hold their text go in @holders. */
static gboolean
record_to_values (OporaTableMeta    *meta,
                  GVariant          *record,
                  OporaRecordValue  *values,
                  GVariant         **holders,
                  char             **out_column,
                  GError           **error)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  for (guint i = 0; i < meta->n_columns; i++)
    values[i].kind = OPORA_VALUE_DEFAULT;

  g_variant_iter_init (&iter, record);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      int i = opora_table_meta_column_index (meta, key);
      OporaRecordValue *v;

      if (i < 0)
        {
          g_autofree char *rule = g_strdup_printf (_("the table “%s” has no such column"),
                                                   meta->name);
          g_variant_unref (value);
          return column_error (error, out_column, key, OPORA_ERROR_INVALID_VALUE, rule);
        }
      v = &values[i];
      g_clear_pointer (&holders[i], g_variant_unref);
      holders[i] = value;
      switch (g_variant_classify (value))
        {
        case G_VARIANT_CLASS_INT64:
          v->kind = OPORA_VALUE_INTEGER;
          v->integer = g_variant_get_int64 (value);
          break;
        case G_VARIANT_CLASS_INT32:
          v->kind = OPORA_VALUE_INTEGER;
          v->integer = g_variant_get_int32 (value);
          break;
        case G_VARIANT_CLASS_BOOLEAN:
          v->kind = OPORA_VALUE_INTEGER;
          v->integer = g_variant_get_boolean (value) ? 1 : 0;
          break;
        case G_VARIANT_CLASS_DOUBLE:
          v->kind = OPORA_VALUE_REAL;
          v->real = g_variant_get_double (value);
          break;
        case G_VARIANT_CLASS_STRING:
          v->kind = OPORA_VALUE_TEXT;
          v->text = g_variant_get_string (value, NULL);
          break;
        default:
          {
            g_autofree char *rule = g_strdup_printf (_("a value of type “%s” cannot be stored"),
                                                     g_variant_get_type_string (value));
            return column_error (error, out_column, key, OPORA_ERROR_INVALID_VALUE, rule);
          }
        }
    }
  return TRUE;
}

static gboolean
insert_values (OporaStore              *self,
               OporaTableMeta          *meta,
               const OporaRecordValue  *values,
               gint64                   rowid,
               char                   **out_column,
               GError                 **error)
{
  guint64 mask = 0;
  sqlite3_stmt *stmt;
  int index = 1;
  int rc;

  for (guint i = 0; i < meta->n_columns; i++)
    {
      const OporaRecordColumn *column = &meta->columns[i];

      /* Left out means NULL, except where NULL is impossible and a default exists. */
      if (values[i].kind == OPORA_VALUE_DEFAULT && column->not_null && column->has_default)
        continue;
      /* SQLite's date() takes 30 February: the calendar is checked here. */
      if (values[i].kind == OPORA_VALUE_TEXT && column->is_date &&
          !opora_date_is_valid_iso (values[i].text))
        return column_error (error, out_column, column->name, OPORA_ERROR_INVALID_DATE,
                             _("must be a calendar date written as YYYY-MM-DD"));
      if (i < 63)
        mask |= G_GUINT64_CONSTANT (1) << i;
    }
  if (rowid != 0)
    mask |= G_GUINT64_CONSTANT (1) << 63;

  /* One statement per set of columns written: a table's records share one or two. */
  stmt = meta->n_columns <= 63 ? g_hash_table_lookup (meta->insert_stmts, &mask) : NULL;
  if (stmt == NULL)
    {
      g_autoptr(GString) sql = g_string_sized_new (256);
      g_autoptr(GString) marks = g_string_sized_new (64);

      g_string_append_printf (sql, "INSERT INTO \"%s\" (", meta->name);
      if (rowid != 0)
        {
          g_string_append (sql, "rowid");
          g_string_append_c (marks, '?');
        }
      for (guint i = 0; i < meta->n_columns; i++)
        {
          if (values[i].kind == OPORA_VALUE_DEFAULT && meta->columns[i].not_null &&
              meta->columns[i].has_default)
            continue;
          g_string_append_printf (sql, marks->len ? ", \"%s\"" : "\"%s\"",
                                  meta->columns[i].name);
          g_string_append (marks, marks->len ? ", ?" : "?");
        }
      g_string_append_printf (sql, ") VALUES (%s)", marks->str);
      if (sqlite3_prepare_v3 (opora_store_get_db (self), sql->str, -1,
                              SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        return opora_store_set_error (self, error);
      if (meta->n_columns <= 63)
        g_hash_table_insert (meta->insert_stmts, g_memdup2 (&mask, sizeof mask), stmt);
    }

  if (rowid != 0)
    sqlite3_bind_int64 (stmt, index++, rowid);
  for (guint i = 0; i < meta->n_columns; i++)
    {
      const OporaRecordValue *v = &values[i];

      if (v->kind == OPORA_VALUE_DEFAULT && meta->columns[i].not_null &&
          meta->columns[i].has_default)
        continue;
      switch (v->kind)
        {
        case OPORA_VALUE_INTEGER:
          sqlite3_bind_int64 (stmt, index, v->integer);
          break;
        case OPORA_VALUE_REAL:
          sqlite3_bind_double (stmt, index, v->real);
          break;
        case OPORA_VALUE_TEXT:
          /* "" stays "": the institution's blank fields are NOT NULL DEFAULT ''. The
           * text outlives the step, and the bindings are cleared right after it. */
          sqlite3_bind_text (stmt, index, v->text, -1, SQLITE_STATIC);
          break;
        case OPORA_VALUE_DEFAULT:
        case OPORA_VALUE_NULL:
        default:
          break; /* an unbound parameter is NULL */
        }
      index++;
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    opora_store_explain_constraint (self, meta, out_column, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (meta->n_columns > 63)
    sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  opora_store_touch (self, meta->name);
  return TRUE;
}

gboolean
opora_store_insert_values (OporaStore              *self,
                           const char              *table,
                           const OporaRecordValue  *values,
                           guint                    n_values,
                           char                   **out_column,
                           GError                 **error)
{
  OporaTableMeta *meta;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL && values != NULL, FALSE);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return FALSE;
  g_return_val_if_fail (n_values == meta->n_columns, FALSE);
  return insert_values (self, meta, values, 0, out_column, error);
}

gboolean
opora_store_insert_row (OporaStore  *self,
                        const char  *table,
                        GVariant    *record,
                        gint64       rowid,
                        char       **out_column,
                        GError     **error)
{
  OporaTableMeta *meta = opora_store_table_meta (self, table, error);
  g_autofree OporaRecordValue *values = NULL;
  g_autofree GVariant **holders = NULL;
  gboolean ok;

  if (meta == NULL)
    return FALSE;
  values = g_new0 (OporaRecordValue, meta->n_columns);
  holders = g_new0 (GVariant *, meta->n_columns);
  ok = record_to_values (meta, record, values, holders, out_column, error) &&
       insert_values (self, meta, values, rowid, out_column, error);
  for (guint i = 0; i < meta->n_columns; i++)
    g_clear_pointer (&holders[i], g_variant_unref);
  return ok;
}

gboolean
opora_store_insert_record_full (OporaStore  *self,
                                const char  *table,
                                GVariant    *record,
                                char       **out_column,
                                GError     **error)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (record != NULL && g_variant_is_of_type (record, G_VARIANT_TYPE_VARDICT),
                        FALSE);

  return opora_store_insert_row (self, table, record, 0, out_column, error);
}

gboolean
opora_store_insert_record (OporaStore  *self,
                           const char  *table,
                           GVariant    *record,
                           GError     **error)
{
  g_autofree char *column = NULL;
  g_autoptr(GError) local_error = NULL;

  if (opora_store_insert_record_full (self, table, record, &column, &local_error))
    return TRUE;
  if (column != NULL)
    g_set_error (error, local_error->domain, local_error->code, "%s.%s: %s",
                 table, column, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
