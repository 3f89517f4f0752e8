/* Delete with Undo. Before a row goes, everything SQLite will do to the database because
 * of it is read first: the rows ON DELETE CASCADE removes (followed down every level) and
 * the references ON DELETE SET NULL clears. Undo writes them all back as they were —
 * keys, audit times and authors included — in one transaction. */
#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-store-private.h"
#include "opora-store-records-private.h"

typedef struct
{
  OporaTableMeta *meta;
  gint64          rowid;
  GVariant       *record;
} DeletedRow;

typedef struct
{
  const char *table;   /* interned */
  const char *column;  /* interned */
  gint64      rowid;
  GVariant   *value;   /* what the column held */
} ClearedReference;

struct _OporaDeletion
{
  GArray     *rows;     /* DeletedRow: every parent before its children */
  GArray     *cleared;  /* ClearedReference */
  GHashTable *seen;     /* "table:rowid" of rows already captured */
};

#define CHILDREN_KEY "opora-records-children"

static void
deleted_row_clear (gpointer data)
{
  DeletedRow *row = data;
  g_clear_pointer (&row->record, g_variant_unref);
}

static void
cleared_reference_clear (gpointer data)
{
  ClearedReference *ref = data;
  g_clear_pointer (&ref->value, g_variant_unref);
}

/* Foreign keys by the table they point at, over every table of the database: a table a
 * later migration adds is followed without being listed anywhere. */
static GPtrArray *
references_to (OporaStore *self,
               const char *parent)
{
  GHashTable *children = g_object_get_data (G_OBJECT (self), CHILDREN_KEY);

  if (children == NULL)
    {
      g_autoptr(GPtrArray) tables = opora_store_list_tables (self);

      children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < tables->len; i++)
        {
          OporaTableMeta *meta = opora_store_table_meta (self, g_ptr_array_index (tables, i),
                                                         NULL);

          for (guint j = 0; meta != NULL && j < meta->references->len; j++)
            {
              OporaReference *ref = g_ptr_array_index (meta->references, j);
              GPtrArray *list = g_hash_table_lookup (children, ref->parent);

              if (list == NULL)
                {
                  list = g_ptr_array_new ();
                  g_hash_table_insert (children, (gpointer) ref->parent, list);
                }
              g_ptr_array_add (list, ref);
            }
        }
      g_object_set_data_full (G_OBJECT (self), CHILDREN_KEY, children,
                              (GDestroyNotify) g_hash_table_unref);
    }
  return g_hash_table_lookup (children, g_intern_string (parent));
}

/* The rowids of @ref's table whose reference equals @values. Read to the end before the
 * caller recurses: the recursion reuses the same cached statement. */
static GArray *
referring_rows (OporaStore      *self,
                OporaReference  *ref,
                GVariant       **values,
                GError         **error)
{
  g_autofree char *qt = opora_sql_quote_identifier (ref->table);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_string_printf (sql, "SELECT rowid FROM %s WHERE ", qt);
  for (guint k = 0; k < ref->n_columns; k++)
    {
      g_autofree char *qc = opora_sql_quote_identifier (ref->columns[k]);
      g_string_append_printf (sql, "%s%s = ?", k ? " AND " : "", qc);
    }
  stmt = opora_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  for (guint k = 0; k < ref->n_columns; k++)
    opora_stmt_bind_variant (stmt, (int) k + 1, values[k]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rowids);
}

static char *
human_name (const char *identifier)
{
  char *s = g_strdup (identifier);

  g_strdelimit (s, "_", ' ');
  return s;
}

static gboolean
capture (OporaStore      *self,
         OporaDeletion   *deletion,
         OporaTableMeta  *meta,
         gint64           rowid,
         GError         **error)
{
  g_autofree char *seen_key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, meta->name, rowid);
  g_autofree char *sql = NULL;
  GPtrArray *refs;
  sqlite3_stmt *stmt;
  DeletedRow row = { meta, rowid, NULL };
  GVariant *record;
  int rc;

  if (g_hash_table_contains (deletion->seen, seen_key))
    return TRUE;
  g_hash_table_add (deletion->seen, g_steal_pointer (&seen_key));

  sql = g_strdup_printf ("%s WHERE rowid = ?", meta->select_sql);
  stmt = opora_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                     _("The record to delete no longer exists"));
      else
        opora_store_set_error (self, error);
      return FALSE;
    }
  record = g_variant_ref_sink (opora_stmt_to_record (stmt, 1));
  sqlite3_reset (stmt);
  row.record = record;
  g_array_append_val (deletion->rows, row);

  refs = references_to (self, meta->name);
  for (guint i = 0; refs != NULL && i < refs->len; i++)
    {
      OporaReference *ref = g_ptr_array_index (refs, i);
      GVariant *values[OPORA_REFERENCE_MAX_COLUMNS] = { NULL };
      g_autoptr(GArray) rowids = NULL;
      gboolean complete = TRUE, ok = TRUE;
      OporaTableMeta *child;

      /* A reference with a NULL in it matches nothing. */
      for (guint k = 0; k < ref->n_columns && complete; k++)
        {
          const char *parent_column = ref->parent_columns[k];

          if (parent_column == NULL)
            parent_column = meta->pk_columns[k]; /* NULL past the key's end */
          values[k] = parent_column ? g_variant_lookup_value (record, parent_column, NULL)
                                    : NULL;
          complete = values[k] != NULL;
        }
      child = complete ? opora_store_table_meta (self, ref->table, error) : NULL;
      if (complete && child != NULL && !child->has_rowid)
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                       _("Records of “%s” cannot be put back after a delete"), ref->table);
          child = NULL;
        }
      if (complete && child != NULL)
        rowids = referring_rows (self, ref, values, error);
      if (!complete || rowids == NULL || rowids->len == 0)
        {
          gboolean failed = complete && (child == NULL || rowids == NULL);

          for (guint k = 0; k < ref->n_columns; k++)
            g_clear_pointer (&values[k], g_variant_unref);
          if (failed)
            return FALSE;
          continue;
        }

      switch (ref->on_delete)
        {
        case OPORA_REFERENCE_RESTRICT:
          ok = FALSE;
          {
            g_autofree char *noun = human_name (meta->name);
            g_autofree char *other = human_name (ref->table);

            g_set_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "This %s cannot be deleted: %u %s record refers to it. "
                                      "Delete it or change it first.",
                                      "This %s cannot be deleted: %u %s records refer to it. "
                                      "Delete them or change them first.",
                                      rowids->len),
                         noun, rowids->len, other);
          }
          break;
        case OPORA_REFERENCE_CASCADE:
          for (guint j = 0; ok && j < rowids->len; j++)
            ok = capture (self, deletion, child, g_array_index (rowids, gint64, j), error);
          break;
        case OPORA_REFERENCE_SET_NULL:
          for (guint j = 0; j < rowids->len; j++)
            for (guint k = 0; k < ref->n_columns; k++)
              {
                ClearedReference cleared = {
                  ref->table, ref->columns[k], g_array_index (rowids, gint64, j),
                  g_variant_ref (values[k])
                };
                g_array_append_val (deletion->cleared, cleared);
              }
          break;
        default:
          g_assert_not_reached ();
        }
      for (guint k = 0; k < ref->n_columns; k++)
        g_clear_pointer (&values[k], g_variant_unref);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static OporaDeletion *
deletion_new (void)
{
  OporaDeletion *deletion = g_new0 (OporaDeletion, 1);

  deletion->rows = g_array_new (FALSE, FALSE, sizeof (DeletedRow));
  g_array_set_clear_func (deletion->rows, deleted_row_clear);
  deletion->cleared = g_array_new (FALSE, FALSE, sizeof (ClearedReference));
  g_array_set_clear_func (deletion->cleared, cleared_reference_clear);
  deletion->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return deletion;
}

static void
touch_all (OporaStore    *self,
           OporaDeletion *deletion)
{
  for (guint i = 0; i < deletion->rows->len; i++)
    opora_store_touch (self, g_array_index (deletion->rows, DeletedRow, i).meta->name);
  for (guint i = 0; i < deletion->cleared->len; i++)
    opora_store_touch (self, g_array_index (deletion->cleared, ClearedReference, i).table);
}

OporaDeletion *
opora_store_delete_record (OporaStore  *self,
                           const char  *table,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(OporaDeletion) deletion = NULL;
  g_autofree char *sql = NULL;
  OporaTableMeta *meta;
  sqlite3_stmt *stmt;
  gint64 rowid = 0;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return NULL;
  if (meta->key == NULL || !meta->has_rowid)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("Records of “%s” cannot be deleted by a key"), table);
      return NULL;
    }
  if (!opora_store_begin (self, error))
    return NULL;

  sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s = ?", meta->name, meta->key);
  stmt = opora_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rowid = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_autofree char *noun = human_name (table);

      if (rc == SQLITE_DONE)
        g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                     _("There is no %s %lld to delete"), noun, (long long) id);
      else
        opora_store_set_error (self, error);
      goto failed;
    }

  deletion = deletion_new ();
  if (!capture (self, deletion, meta, rowid, error))
    goto failed;

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM %s WHERE rowid = ?", meta->name);
  stmt = opora_store_prepare (self, sql, error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      opora_store_explain_constraint (self, meta, NULL, error);
      goto failed;
    }

  touch_all (self, deletion);
  if (!opora_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&deletion);

failed:
  opora_store_rollback (self);
  return NULL;
}

gboolean
opora_store_undo_deletion (OporaStore     *self,
                           OporaDeletion  *deletion,
                           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);

  if (!opora_store_begin (self, error))
    return FALSE;
  opora_store_defer_references (self);

  for (guint i = 0; i < deletion->rows->len; i++)
    {
      DeletedRow *row = &g_array_index (deletion->rows, DeletedRow, i);

      /* Where the key is the rowid the record carries it; elsewhere the rowid is kept
       * so that cleared references below find their rows again. */
      if (!opora_store_insert_row (self, row->meta->name, row->record,
                                   row->meta->key_is_rowid ? 0 : row->rowid, NULL,
                                   &local_error))
        goto failed;
    }

  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedReference *ref = &g_array_index (deletion->cleared, ClearedReference, i);
      g_autofree char *qt = opora_sql_quote_identifier (ref->table);
      g_autofree char *qc = opora_sql_quote_identifier (ref->column);
      g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE rowid = ?", qt, qc);
      sqlite3_stmt *stmt = opora_store_prepare (self, sql, &local_error);
      int rc;

      if (stmt == NULL)
        goto failed;
      opora_stmt_bind_variant (stmt, 1, ref->value);
      sqlite3_bind_int64 (stmt, 2, ref->rowid);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          OporaTableMeta *meta = opora_store_table_meta (self, ref->table, NULL);
          opora_store_explain_constraint (self, meta, NULL, &local_error);
          sqlite3_reset (stmt);
          goto failed;
        }
      sqlite3_reset (stmt);
    }

  touch_all (self, deletion);
  if (!opora_store_commit (self, &local_error))
    {
      g_set_error (error, OPORA_ERROR, local_error->code,
                   _("The deleted record cannot be put back: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;

failed:
  opora_store_rollback (self);
  g_set_error (error, OPORA_ERROR, local_error->code,
               _("The deleted record cannot be put back: %s"), local_error->message);
  return FALSE;
}

guint
opora_deletion_get_n_records (OporaDeletion *deletion)
{
  g_return_val_if_fail (deletion != NULL, 0);
  return deletion->rows->len;
}

void
opora_deletion_free (OporaDeletion *deletion)
{
  if (deletion == NULL)
    return;
  g_array_unref (deletion->rows);
  g_array_unref (deletion->cleared);
  g_hash_table_unref (deletion->seen);
  g_free (deletion);
}
