/* Records as plain data: generic read and insert driven by the schema itself
 * (pragma_table_info, pragma_foreign_key_list), and what a new database starts with.
 * Deletion with undo lives in opora-store-deletion.c. */
#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-schema.h"
#include "opora-store-private.h"
#include "opora-store-records-private.h"

static const char * const record_tables[] = {
  "institution",
  "staff",
  "family",
  "person",
  "contract",
  "measure",
  "programme_analysis",
  "outcome",
  "monitoring_act",
  "enrollment",
  "organisation",
  "agreement",
  "survey_template",
  "survey_question",
  "survey_response",
  "survey_answer",
  "peer_register",
  "peer_wish",
  "group_activity",
  "group_member",
  "followup_call",
  "indicator_target",
  NULL
};

#define META_KEY "opora-records-meta"

static void
table_meta_free (gpointer data)
{
  OporaTableMeta *meta = data;

  g_free (meta->columns);
  g_free (meta->pk_columns);
  g_strfreev (meta->column_names);
  g_free (meta->order_by);
  g_free (meta->select_sql);
  g_ptr_array_unref (meta->references);
  g_hash_table_unref (meta->exists_stmts);
  g_hash_table_unref (meta->insert_stmts);
  g_free (meta);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
reference_free (gpointer data)
{
  g_free (data);
}

char *
opora_sql_quote_identifier (const char *name)
{
  GString *s = g_string_new ("\"");

  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

/* SQLite's affinity rules, reduced to the three kinds a record holds. */
static OporaRecordType
affinity_of (const char *declared)
{
  g_autofree char *up = g_ascii_strup (declared ? declared : "", -1);

  if (strstr (up, "INT") != NULL)
    return OPORA_RECORD_INTEGER;
  if (strstr (up, "CHAR") != NULL || strstr (up, "CLOB") != NULL || strstr (up, "TEXT") != NULL)
    return OPORA_RECORD_TEXT;
  return OPORA_RECORD_REAL;
}

static OporaReferenceAction
action_of (const char *text)
{
  if (g_strcmp0 (text, "CASCADE") == 0)
    return OPORA_REFERENCE_CASCADE;
  if (g_strcmp0 (text, "SET NULL") == 0 || g_strcmp0 (text, "SET DEFAULT") == 0)
    return OPORA_REFERENCE_SET_NULL;
  return OPORA_REFERENCE_RESTRICT; /* RESTRICT and NO ACTION both refuse the delete */
}

/* The columns the schema checks with date(x) = x: those hold ISO dates. */
static GHashTable *
date_columns_of (const char *create_sql)
{
  g_autoptr(GRegex) regex = g_regex_new ("date\\s*\\(\\s*(\\w+)\\s*\\)\\s*=\\s*(\\w+)",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_regex_match (regex, create_sql, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *a = g_match_info_fetch (match, 1);
      g_autofree char *b = g_match_info_fetch (match, 2);

      if (g_str_equal (a, b))
        g_hash_table_add (set, g_steal_pointer (&a));
      g_match_info_next (match, NULL);
    }
  return set;
}

static OporaTableMeta *
load_table_meta (OporaStore  *self,
                 const char  *table,
                 GError     **error)
{
  sqlite3 *db = opora_store_get_db (self);
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (OporaRecordColumn));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) dates = NULL;
  g_autofree char *create_sql = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *key_type = NULL;
  GString *order = NULL;
  OporaTableMeta *meta;
  int n_key = 0;

  if (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          -1, &stmt, NULL) != SQLITE_OK)
    return (gpointer) (gsize) opora_store_set_error (self, error);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    create_sql = opora_stmt_dup_text (stmt, 0);
  sqlite3_finalize (stmt);
  if (create_sql == NULL || g_str_has_prefix (table, "sqlite_"))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("There is no table “%s” in the database"), table);
      return NULL;
    }
  dates = date_columns_of (create_sql);

  meta = g_new0 (OporaTableMeta, 1);
  meta->name = g_intern_string (table);
  meta->references = g_ptr_array_new_with_free_func (reference_free);
  /* Statements of our own, reused for every row of an import: building the SQL and
   * hashing it for the store's cache cost more than the insert itself. */
  meta->exists_stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                              finalize_statement);
  meta->insert_stmts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                              finalize_statement);
  meta->has_rowid = strstr (create_sql, "WITHOUT ROWID") == NULL;

  sqlite3_prepare_v2 (db, "SELECT name, type, \"notnull\", dflt_value, pk"
                          " FROM pragma_table_info (?) ORDER BY cid", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      OporaRecordColumn column = { 0 };

      column.name = g_intern_string ((const char *) sqlite3_column_text (stmt, 0));
      column.type = affinity_of ((const char *) sqlite3_column_text (stmt, 1));
      column.not_null = sqlite3_column_int (stmt, 2) != 0;
      column.has_default = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      column.is_key = sqlite3_column_int (stmt, 4) > 0;
      column.is_date = g_hash_table_contains (dates, column.name);
      if (column.is_key)
        {
          n_key++;
          /* An INTEGER PRIMARY KEY is the rowid: NULL would mean "pick one". */
          g_free (key_type);
          key_type = g_ascii_strup ((const char *) sqlite3_column_text (stmt, 1), -1);
          if (g_str_equal (key_type, "INTEGER"))
            column.not_null = TRUE;
        }
      column.required = column.not_null && !column.has_default;
      g_array_append_val (columns, column);
      g_ptr_array_add (names, g_strdup (column.name));
    }
  sqlite3_finalize (stmt);

  /* Only a one-column key is a key a caller can name by a number. */
  if (n_key != 1)
    for (guint i = 0; i < columns->len; i++)
      g_array_index (columns, OporaRecordColumn, i).is_key = FALSE;

  /* Rows of one foreign key share its id and come in the order of its columns. */
  sqlite3_prepare_v2 (db, "SELECT id, \"table\", \"from\", \"to\", on_delete"
                          " FROM pragma_foreign_key_list (?) ORDER BY id, seq", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  {
    OporaReference *ref = NULL;
    int ref_id = -1;

    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        if (ref == NULL || sqlite3_column_int (stmt, 0) != ref_id)
          {
            ref = g_new0 (OporaReference, 1);
            ref_id = sqlite3_column_int (stmt, 0);
            ref->table = meta->name;
            ref->parent = g_intern_string ((const char *) sqlite3_column_text (stmt, 1));
            ref->on_delete = action_of ((const char *) sqlite3_column_text (stmt, 4));
            g_ptr_array_add (meta->references, ref);
          }
        if (ref->n_columns == OPORA_REFERENCE_MAX_COLUMNS)
          continue;
        ref->columns[ref->n_columns] =
          g_intern_string ((const char *) sqlite3_column_text (stmt, 2));
        ref->parent_columns[ref->n_columns] = sqlite3_column_type (stmt, 3) == SQLITE_NULL
          ? NULL : g_intern_string ((const char *) sqlite3_column_text (stmt, 3));
        ref->n_columns++;
      }
  }
  sqlite3_finalize (stmt);

  /* A column "refers to" a table only by a key of its own, not as part of a pair. */
  for (guint r = 0; r < meta->references->len; r++)
    {
      OporaReference *ref = g_ptr_array_index (meta->references, r);

      for (guint i = 0; ref->n_columns == 1 && i < columns->len; i++)
        if (g_array_index (columns, OporaRecordColumn, i).name == ref->columns[0])
          g_array_index (columns, OporaRecordColumn, i).references = ref->parent;
    }

  /* The key's columns in key order, for references that name no parent columns. */
  {
    g_autoptr(GPtrArray) pk = g_ptr_array_new ();

    sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?) WHERE pk > 0 ORDER BY pk",
                        -1, &stmt, NULL);
    sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *name = (const char *) sqlite3_column_text (stmt, 0);
        g_ptr_array_add (pk, (gpointer) g_intern_string (name));
      }
    sqlite3_finalize (stmt);
    g_ptr_array_add (pk, NULL);
    meta->pk_columns = (const char **) g_ptr_array_free (g_steal_pointer (&pk), FALSE);
  }

  meta->n_columns = columns->len;
  meta->columns = (OporaRecordColumn *) g_array_free (g_steal_pointer (&columns), FALSE);
  g_ptr_array_add (names, NULL);
  meta->column_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  order = g_string_new (NULL);
  for (guint i = 0; i < meta->n_columns; i++)
    if (meta->columns[i].is_key)
      {
        meta->key = meta->columns[i].name;
        meta->key_index = i;
      }
  quoted = opora_sql_quote_identifier (table);
  meta->key_is_rowid = meta->key != NULL && meta->has_rowid &&
                       g_strcmp0 (key_type, "INTEGER") == 0;
  if (meta->key != NULL)
    g_string_append (order, meta->key);
  else if (meta->has_rowid)
    g_string_append (order, "rowid");
  else
    g_string_append (order, "1");
  meta->order_by = g_string_free (order, FALSE);
  meta->select_sql = g_strdup_printf ("SELECT %s* FROM %s", meta->has_rowid ? "rowid, " : "",
                                      quoted);
  return meta;
}

OporaTableMeta *
opora_store_table_meta (OporaStore  *self,
                        const char  *table,
                        GError     **error)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (self), META_KEY);
  OporaTableMeta *meta;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_meta_free);
      g_object_set_data_full (G_OBJECT (self), META_KEY, cache,
                              (GDestroyNotify) g_hash_table_unref);
    }
  meta = g_hash_table_lookup (cache, table);
  if (meta == NULL)
    {
      meta = load_table_meta (self, table, error);
      if (meta != NULL)
        g_hash_table_insert (cache, (gpointer) meta->name, meta);
    }
  return meta;
}

int
opora_table_meta_column_index (OporaTableMeta *meta,
                               const char     *column)
{
  for (guint i = 0; i < meta->n_columns; i++)
    if (g_str_equal (meta->columns[i].name, column))
      return (int) i;
  return -1;
}

GVariant *
opora_stmt_to_record (sqlite3_stmt *stmt,
                      int           first)
{
  GVariantBuilder builder;
  int n = sqlite3_column_count (stmt);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (int i = first; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);
      GVariant *value = NULL;

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          value = g_variant_new_int64 (sqlite3_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          value = g_variant_new_double (sqlite3_column_double (stmt, i));
          break;
        case SQLITE_TEXT:
          {
            const char *text = (const char *) sqlite3_column_text (stmt, i);

            if (g_utf8_validate (text, -1, NULL))
              value = g_variant_new_string (text);
            else
              value = g_variant_new_take_string (g_utf8_make_valid (text, -1));
          }
          break;
        case SQLITE_BLOB:
          value = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, sqlite3_column_blob (stmt, i),
                                             sqlite3_column_bytes (stmt, i), 1);
          break;
        default:
          continue; /* NULL: absent */
        }
      g_variant_builder_add (&builder, "{sv}", name, value);
    }
  return g_variant_builder_end (&builder);
}

const char * const *
opora_store_record_tables (void)
{
  return record_tables;
}

char **
opora_store_record_columns (OporaStore *self,
                            const char *table)
{
  OporaTableMeta *meta;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  meta = opora_store_table_meta (self, table, NULL);
  return meta ? g_strdupv (meta->column_names) : NULL;
}

const OporaRecordColumn *
opora_store_record_column_info (OporaStore  *self,
                                const char  *table,
                                guint       *n_columns,
                                GError     **error)
{
  OporaTableMeta *meta;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return NULL;
  if (n_columns != NULL)
    *n_columns = meta->n_columns;
  return meta->columns;
}

gboolean
opora_store_foreach_record (OporaStore       *self,
                            const char       *table,
                            OporaRecordFunc   func,
                            gpointer          user_data,
                            GError          **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  OporaTableMeta *meta;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return FALSE;

  /* A statement of its own, not the cache's: @func may run other queries meanwhile. */
  sql = g_strdup_printf ("%s ORDER BY %s", meta->select_sql, meta->order_by);
  if (sqlite3_prepare_v2 (opora_store_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GVariant) record = g_variant_ref_sink (
        opora_stmt_to_record (stmt, meta->has_rowid ? 1 : 0));

      ok = func (meta->name, record, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = opora_store_set_error (self, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
opora_store_foreach_row (OporaStore    *self,
                         const char    *table,
                         OporaRowFunc   func,
                         gpointer       user_data,
                         GError       **error)
{
  g_autofree char *sql = NULL;
  g_autofree OporaRecordValue *values = NULL;
  sqlite3_stmt *stmt = NULL;
  OporaTableMeta *meta;
  gboolean ok = TRUE;
  int first, rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return FALSE;

  sql = g_strdup_printf ("%s ORDER BY %s", meta->select_sql, meta->order_by);
  if (sqlite3_prepare_v2 (opora_store_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);
  first = meta->has_rowid ? 1 : 0;
  values = g_new0 (OporaRecordValue, meta->n_columns);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; ok && i < meta->n_columns; i++)
        {
          OporaRecordValue *v = &values[i];
          int column = first + (int) i;

          switch (sqlite3_column_type (stmt, column))
            {
            case SQLITE_INTEGER:
              v->kind = OPORA_VALUE_INTEGER;
              v->integer = sqlite3_column_int64 (stmt, column);
              break;
            case SQLITE_FLOAT:
              v->kind = OPORA_VALUE_REAL;
              v->real = sqlite3_column_double (stmt, column);
              break;
            case SQLITE_TEXT:
              v->kind = OPORA_VALUE_TEXT;
              v->text = (const char *) sqlite3_column_text (stmt, column);
              break;
            case SQLITE_NULL:
              v->kind = OPORA_VALUE_NULL;
              break;
            default:
              g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                           _("%s.%s holds binary data, which a record cannot carry"),
                           meta->name, meta->columns[i].name);
              ok = FALSE;
            }
        }
      if (ok)
        ok = func (meta->name, values, meta->n_columns, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = opora_store_set_error (self, error);
  sqlite3_finalize (stmt);
  return ok;
}

GVariant *
opora_store_get_record (OporaStore  *self,
                        const char  *table,
                        gint64       key,
                        GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  OporaTableMeta *meta;
  GVariant *record = NULL;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  meta = opora_store_table_meta (self, table, error);
  if (meta == NULL)
    return NULL;
  if (meta->key == NULL)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                   _("The table “%s” has no one-column key"), table);
      return NULL;
    }
  sql = g_strdup_printf ("%s WHERE %s = ?", meta->select_sql, meta->key);
  stmt = opora_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = g_variant_ref_sink (opora_stmt_to_record (stmt, meta->has_rowid ? 1 : 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND,
                 _("There is no %s %lld"), table, (long long) key);
  else
    opora_store_set_error (self, error);
  sqlite3_reset (stmt);
  return record;
}

gboolean
opora_store_record_exists (OporaStore *self,
                           const char *table,
                           const char *column,
                           gint64      value)
{
  OporaTableMeta *meta;
  sqlite3_stmt *stmt;
  gboolean exists;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  meta = opora_store_table_meta (self, table, NULL);
  if (meta == NULL || opora_table_meta_column_index (meta, column) < 0)
    return FALSE;
  /* Import asks this for every reference: one statement per column. */
  stmt = g_hash_table_lookup (meta->exists_stmts, column);
  if (stmt == NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE \"%s\" = ?",
                                              meta->name, column);

      if (sqlite3_prepare_v3 (opora_store_get_db (self), sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        return FALSE;
      g_hash_table_insert (meta->exists_stmts, (gpointer) g_intern_string (column), stmt);
    }
  sqlite3_bind_int64 (stmt, 1, value);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

void
opora_store_defer_references (OporaStore *self)
{
  g_return_if_fail (OPORA_IS_STORE (self));

  /* SQLite resets this at the end of the transaction by itself. */
  sqlite3_exec (opora_store_get_db (self), "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL);
}

#define SNAPSHOT_KEY "opora-records-snapshot"

gboolean
opora_store_snapshot_begin (OporaStore  *self,
                            GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  db = opora_store_get_db (self);
  if (!sqlite3_get_autocommit (db))
    return TRUE; /* a transaction is open: it is the snapshot */

  /* A deferred transaction takes its snapshot at the first read, so read at once. */
  if (sqlite3_exec (db, "BEGIN; SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL)
      != SQLITE_OK)
    {
      opora_store_set_error (self, error);
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  g_object_set_data (G_OBJECT (self), SNAPSHOT_KEY, GINT_TO_POINTER (1));
  return TRUE;
}

void
opora_store_snapshot_end (OporaStore *self)
{
  g_return_if_fail (OPORA_IS_STORE (self));

  if (g_object_get_data (G_OBJECT (self), SNAPSHOT_KEY) == NULL)
    return;
  g_object_set_data (G_OBJECT (self), SNAPSHOT_KEY, NULL);
  sqlite3_exec (opora_store_get_db (self), "COMMIT", NULL, NULL, NULL);
}
