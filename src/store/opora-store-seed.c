/* What a new database starts with (the institution's blank row, and whatever seed rows
 * later migrations add): import accepts such a database as empty and replaces those rows
 * with the file's. The seed rows are learnt by migrating a database in memory, so no
 * list here has to follow the schema. */
#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-schema.h"
#include "opora-store-private.h"
#include "opora-store-records-private.h"

GPtrArray *
opora_store_list_tables (OporaStore *self)
{
  GPtrArray *tables = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;

  /* 'shadow' and 'virtual' are the search index and its storage: kept by triggers. */
  sqlite3_prepare_v2 (opora_store_get_db (self),
                      "SELECT name FROM pragma_table_list WHERE schema = 'main'"
                      " AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                      " ORDER BY name", -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      g_ptr_array_add (tables, (gpointer) g_intern_string (name));
    }
  sqlite3_finalize (stmt);
  return tables;
}

/* A record without the times it was written: a seed row is the same whenever made. */
static GVariant *
without_times (GVariant *record)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_iter_init (&iter, record);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      if (!g_str_equal (key, "created_at") && !g_str_equal (key, "updated_at"))
        g_variant_builder_add (&builder, "{sv}", key, value);
      g_variant_unref (value);
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static GPtrArray *
read_all (sqlite3    *db,
          const char *table,
          gint64      limit)
{
  g_autofree char *quoted = opora_sql_quote_identifier (table);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s LIMIT %" G_GINT64_FORMAT, quoted,
                                          limit);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GVariant) record = g_variant_ref_sink (opora_stmt_to_record (stmt, 0));
      g_ptr_array_add (records, without_times (record));
    }
  sqlite3_finalize (stmt);
  return records;
}

/* What the migrations put in a new database, table → records: made once in memory. */
static GHashTable *
seed_records (void)
{
  static GHashTable *seeds;

  if (g_once_init_enter (&seeds))
    {
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;
      g_autoptr(GError) error = NULL;

      sqlite3_open (":memory:", &db);
      if (!opora_schema_migrate (db, 0, opora_schema_latest_version (), &error))
        g_critical ("Cannot build a blank database in memory: %s", error->message);
      sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_list WHERE schema = 'main'"
                              " AND type = 'table'", -1, &stmt, NULL);
      while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          GPtrArray *records = read_all (db, name, -1);

          if (records->len > 0)
            g_hash_table_insert (table, g_strdup (name), records);
          else
            g_ptr_array_unref (records);
        }
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      g_once_init_leave (&seeds, table);
    }
  return seeds;
}

/* TRUE when @table holds nothing but rows a new database starts with (times aside). Fewer
 * is fine: clearing a seeded table cascades to the seed rows that refer to it (a built-in
 * survey's questions go with it), and the next table must still count as blank. */
static gboolean
table_is_blank (OporaStore *self,
                const char *table)
{
  GPtrArray *seeds = g_hash_table_lookup (seed_records (), table);
  guint n_seeds = seeds ? seeds->len : 0;
  /* One row more than the seeds is enough to say no: a registry of a million contracts
   * is not read to find that out. */
  g_autoptr(GPtrArray) rows = read_all (opora_store_get_db (self), table, n_seeds + 1);

  if (rows->len > n_seeds)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < seeds->len && !found; j++)
        found = g_variant_equal (g_ptr_array_index (rows, i), g_ptr_array_index (seeds, j));
      if (!found)
        return FALSE;
    }
  return TRUE;
}

gboolean
opora_store_records_empty (OporaStore *self)
{
  g_autoptr(GPtrArray) tables = NULL;
  sqlite3 *db;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  db = opora_store_get_db (self);
  tables = opora_store_list_tables (self);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *name = g_ptr_array_index (tables, i);
      g_autofree char *quoted = opora_sql_quote_identifier (name);
      g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", quoted);
      sqlite3_stmt *stmt = NULL;
      gboolean any = TRUE;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW)
        any = sqlite3_column_int (stmt, 0) != 0;
      sqlite3_finalize (stmt);
      /* Reading every row is for the few tables a new database fills. */
      if (any && !table_is_blank (self, name))
        return FALSE;
    }
  return TRUE;
}

gboolean
opora_store_clear_seed_records (OporaStore  *self,
                                const char  *table,
                                GError     **error)
{
  g_autofree char *quoted = NULL;
  g_autofree char *sql = NULL;
  OporaTableMeta *meta;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return FALSE;
  if (!table_is_blank (self, table))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_IN_USE,
                   _("The table “%s” holds more than a new database starts with"), table);
      return FALSE;
    }
  quoted = opora_sql_quote_identifier (table);
  sql = g_strdup_printf ("DELETE FROM %s", quoted);
  if (sqlite3_exec (opora_store_get_db (self), sql, NULL, NULL, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);
  opora_store_touch (self, meta->name);
  return TRUE;
}
