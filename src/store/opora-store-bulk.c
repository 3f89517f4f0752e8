/* Fast loading: see opora-store-bulk.h. */
#define G_LOG_DOMAIN "opora-store"

#include <string.h>

#include "opora-schema.h"
#include "opora-store-bulk.h"
#include "opora-store-private.h"
#include "opora-store-records-private.h"

/* 256 MiB of pages: a million rows' indexes stay in memory while they grow. */
#define BULK_CACHE_KIB 262144

#define SAVED_KEY "opora-bulk-saved"

typedef struct
{
  gint64     synchronous;
  gint64     cache_size;
  gboolean   left_wal;        /* the load runs with a rollback journal, WAL comes back */
  gboolean   unchecked;       /* foreign keys are off for the load */
  GPtrArray *search_tables;   /* FTS tables to rebuild at the end */
  GPtrArray *schema_sql;      /* CREATE INDEX statements of what was dropped for the load */
  GPtrArray *trigger_sql;     /* CREATE TRIGGER statements, made again after the rebuild */
} SavedSettings;

static void
saved_settings_free (gpointer data)
{
  SavedSettings *saved = data;

  g_clear_pointer (&saved->search_tables, g_ptr_array_unref);
  g_clear_pointer (&saved->schema_sql, g_ptr_array_unref);
  g_clear_pointer (&saved->trigger_sql, g_ptr_array_unref);
  g_free (saved);
}

struct _OporaBulkInsert
{
  OporaStore   *store;
  sqlite3_stmt *stmt;  /* our own, not the cache's: it lives for the whole load */
  const char   *table;
};

static gint64
pragma_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
restore_settings (OporaStore *self)
{
  SavedSettings *saved = g_object_steal_data (G_OBJECT (self), SAVED_KEY);
  g_autofree char *sql = NULL;

  if (saved == NULL)
    return;
  sql = g_strdup_printf ("PRAGMA synchronous = %" G_GINT64_FORMAT ";"
                         " PRAGMA cache_size = %" G_GINT64_FORMAT "; PRAGMA threads = 0;%s%s",
                         saved->synchronous, saved->cache_size,
                         saved->left_wal ? " PRAGMA journal_mode = WAL;" : "",
                         saved->unchecked ? " PRAGMA foreign_keys = ON;" : "");
  sqlite3_exec (opora_store_get_db (self), sql, NULL, NULL, NULL);
  saved_settings_free (saved);
}

/* Row by row, a search index costs more than the rows themselves (50 µs a person), and
 * each secondary index is a random write per row. So for the load the triggers that
 * feed search tables or derived tables (the indicators' counts, opora-schema-peer.h)
 * and the non-unique indexes are dropped, inside the load's own transaction, and made
 * again at the end in one sorted pass. Unique indexes stay: they are rules a row must
 * pass as it goes in. A rollback puts everything back. */
static gboolean
suspend_indexes (OporaStore     *self,
                 SavedSettings  *saved,
                 GError        **error)
{
  sqlite3 *db = opora_store_get_db (self);
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  saved->search_tables = g_ptr_array_new_with_free_func (g_free);
  saved->schema_sql = g_ptr_array_new_with_free_func (g_free);
  saved->trigger_sql = g_ptr_array_new_with_free_func (g_free);

  sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                          " AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%USING fts5%'",
                      -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (saved->search_tables, opora_stmt_dup_text (stmt, 0));
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "SELECT type, name, sql FROM sqlite_schema"
                          " WHERE (type = 'trigger' OR (type = 'index'"
                          "        AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'))"
                          " ORDER BY type, name", -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 2);
      const char * const *derived = opora_schema_derived_tables ();
      gboolean is_index = g_str_equal (type, "index");
      gboolean feeds = FALSE;
      g_autofree char *quoted = opora_sql_quote_identifier (name);

      for (guint i = 0; i < saved->search_tables->len; i++)
        feeds |= strstr (sql, g_ptr_array_index (saved->search_tables, i)) != NULL;
      for (guint i = 0; derived[i] != NULL; i++)
        feeds |= strstr (sql, derived[i]) != NULL;
      if (!is_index && !feeds)
        continue; /* a trigger with another purpose must keep running */
      g_ptr_array_add (is_index ? saved->schema_sql : saved->trigger_sql, g_strdup (sql));
      g_ptr_array_add (drops, g_strdup_printf ("DROP %s %s", is_index ? "INDEX" : "TRIGGER",
                                               quoted));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < drops->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (drops, i), NULL, NULL, NULL) != SQLITE_OK)
      return opora_store_set_error (self, error);
  return TRUE;
}

static gboolean
restore_indexes (OporaStore     *self,
                 SavedSettings  *saved,
                 GError        **error)
{
  sqlite3 *db = opora_store_get_db (self);
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < saved->schema_sql->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (saved->schema_sql, i), NULL, NULL, NULL)
        != SQLITE_OK)
      return opora_store_set_error (self, error);
  g_debug ("Bulk load: indexes made again in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < saved->search_tables->len; i++)
    {
      const char *table = g_ptr_array_index (saved->search_tables, i);
      g_autofree char *quoted = opora_sql_quote_identifier (table);
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('rebuild')",
                                              quoted, quoted);

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return opora_store_set_error (self, error);
    }
  g_debug ("Bulk load: search indexes rebuilt in %.1f s",
           (g_get_monotonic_time () - start) / 1e6);
  /* With the indexes back, which the counting reads, and before the triggers, which
   * would count every row a second time. */
  start = g_get_monotonic_time ();
  if (!opora_schema_rebuild_derived (db, error))
    return FALSE;
  for (guint i = 0; i < saved->trigger_sql->len; i++)
    if (sqlite3_exec (db, g_ptr_array_index (saved->trigger_sql, i), NULL, NULL, NULL)
        != SQLITE_OK)
      return opora_store_set_error (self, error);
  g_debug ("Bulk load: indicators counted again in %.1f s",
           (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

gboolean
opora_store_bulk_begin (OporaStore      *self,
                        OporaBulkFlags   flags,
                        GError         **error)
{
  sqlite3 *db;
  g_autofree char *sql = NULL;
  SavedSettings *saved;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  db = opora_store_get_db (self);
  if (g_object_get_data (G_OBJECT (self), SAVED_KEY) == NULL)
    {
      saved = g_new0 (SavedSettings, 1);
      saved->synchronous = pragma_int (db, "PRAGMA synchronous");
      saved->cache_size = pragma_int (db, "PRAGMA cache_size");
      g_object_set_data_full (G_OBJECT (self), SAVED_KEY, saved, saved_settings_free);

      /* WAL would write every page twice, into the log and then into the file. Into a
       * new database a rollback journal holds next to nothing (pages past the old end
       * of the file are not journaled), so the load goes straight into the file, as
       * safely. Only where no other program has the file open, and not inside a
       * transaction. */
      if (sqlite3_get_autocommit (db))
        {
          sqlite3_stmt *stmt = NULL;

          if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL)
              == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
            saved->left_wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0),
                                                  "delete") == 0;
          sqlite3_finalize (stmt);
        }
      /* With WAL, one commit at the end: syncing on the way only slows the load down.
       * A rollback journal keeps its syncs: they are few, and they guard the file. */
      saved->unchecked = (flags & OPORA_BULK_TRUSTED_REFERENCES) &&
                         sqlite3_get_autocommit (db);
      sql = g_strdup_printf ("PRAGMA synchronous = %s; PRAGMA cache_size = -%d;"
                             " PRAGMA threads = 2;%s", saved->left_wal ? "FULL" : "OFF",
                             BULK_CACHE_KIB,
                             saved->unchecked ? " PRAGMA foreign_keys = OFF" : "");
      sqlite3_exec (db, sql, NULL, NULL, NULL);
    }
  if (!opora_store_begin (self, error))
    {
      restore_settings (self);
      return FALSE;
    }
  saved = g_object_get_data (G_OBJECT (self), SAVED_KEY);
  if (saved->schema_sql == NULL && !suspend_indexes (self, saved, error))
    {
      opora_store_bulk_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
opora_store_bulk_commit (OporaStore  *self,
                         GError     **error)
{
  SavedSettings *saved;
  gint64 start;
  gboolean ok;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  saved = g_object_get_data (G_OBJECT (self), SAVED_KEY);
  if (saved != NULL && saved->schema_sql != NULL && !restore_indexes (self, saved, error))
    {
      opora_store_bulk_rollback (self);
      return FALSE;
    }
  start = g_get_monotonic_time ();
  ok = opora_store_commit (self, error);
  g_debug ("Bulk load: committed in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  start = g_get_monotonic_time ();
  restore_settings (self);
  g_debug ("Bulk load: settings restored in %.1f s", (g_get_monotonic_time () - start) / 1e6);
  return ok;
}

void
opora_store_bulk_rollback (OporaStore *self)
{
  g_return_if_fail (OPORA_IS_STORE (self));

  opora_store_rollback (self);
  restore_settings (self);
}

OporaBulkInsert *
opora_bulk_insert_new (OporaStore          *self,
                       const char          *table,
                       const char * const  *columns,
                       GError             **error)
{
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autofree char *quoted = NULL;
  OporaTableMeta *meta;
  OporaBulkInsert *insert;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return NULL;
  quoted = opora_sql_quote_identifier (table);
  g_string_append_printf (sql, "%s (", quoted);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      g_autofree char *column = opora_sql_quote_identifier (columns[i]);
      g_string_append_printf (sql, "%s%s", i ? ", " : "", column);
    }
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");

  insert = g_new0 (OporaBulkInsert, 1);
  insert->store = g_object_ref (self);
  insert->table = meta->name;
  if (sqlite3_prepare_v3 (opora_store_get_db (self), sql->str, -1, SQLITE_PREPARE_PERSISTENT,
                          &insert->stmt, NULL) != SQLITE_OK)
    {
      opora_store_set_error (self, error);
      opora_bulk_insert_free (insert);
      return NULL;
    }
  return insert;
}

void
opora_bulk_insert_int (OporaBulkInsert *insert,
                       guint            column,
                       gint64           value)
{
  sqlite3_bind_int64 (insert->stmt, (int) column + 1, value);
}

void
opora_bulk_insert_double (OporaBulkInsert *insert,
                          guint            column,
                          double           value)
{
  sqlite3_bind_double (insert->stmt, (int) column + 1, value);
}

void
opora_bulk_insert_text (OporaBulkInsert *insert,
                        guint            column,
                        const char      *value)
{
  if (value == NULL)
    sqlite3_bind_null (insert->stmt, (int) column + 1);
  else
    sqlite3_bind_text (insert->stmt, (int) column + 1, value, -1, SQLITE_TRANSIENT);
}

gboolean
opora_bulk_insert_run (OporaBulkInsert  *insert,
                       GError          **error)
{
  int rc = sqlite3_step (insert->stmt);

  if (rc != SQLITE_DONE)
    {
      OporaTableMeta *meta = opora_store_table_meta (insert->store, insert->table, NULL);

      opora_store_explain_constraint (insert->store, meta, NULL, error);
      sqlite3_reset (insert->stmt);
      sqlite3_clear_bindings (insert->stmt);
      return FALSE;
    }
  sqlite3_reset (insert->stmt);
  sqlite3_clear_bindings (insert->stmt);
  opora_store_touch (insert->store, insert->table);
  return TRUE;
}

void
opora_bulk_insert_free (OporaBulkInsert *insert)
{
  if (insert == NULL)
    return;
  sqlite3_finalize (insert->stmt);
  g_object_unref (insert->store);
  g_free (insert);
}
