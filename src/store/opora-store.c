#define G_LOG_DOMAIN "opora-store"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "opora-error.h"
#include "opora-schema.h"
#include "opora-store-private.h"
#include "opora-store-search.h"

/* How long a statement waits for another program's lock before it gives up. */
#define BUSY_TIMEOUT_MS 3000

struct _OporaStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;     /* SQL text → sqlite3_stmt */
  GHashTable *touched_tables; /* table names changed in the open transaction */
  gint64      author_id;
  guint       depth;          /* transaction nesting: 0 none, 1 BEGIN, >1 savepoints */
  guint       read_only : 1;

  /* A second, read-only connection for reading off the main thread (opora_store_reader_*),
   * opened when first asked for; one reader at a time. */
  GMutex      reader_lock;
  sqlite3    *reader;
  gboolean    reader_failed;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_AUTHOR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaStore, opora_store, G_TYPE_OBJECT)

static gboolean
exec_sql (OporaStore  *self,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);
  return TRUE;
}

/* Reads one integer (a PRAGMA or a count); FALSE with @error when the file refuses. */
static gboolean
query_int (OporaStore  *self,
           const char  *sql,
           gint64      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return opora_store_set_error (self, error);
  return TRUE;
}

/* Looks at the first bytes of an existing file without letting SQLite touch it, so a
 * document that is not a database is refused and left exactly as it was. */
static gboolean
file_looks_like_sqlite (const char  *path,
                        GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16] = { 0 };
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, OPORA_ERROR,
                   saved_errno == EACCES ? OPORA_ERROR_READ_ONLY : OPORA_ERROR_IO,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == 0)
    return TRUE; /* an empty file becomes a new database */
  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_OPORA_DATABASE,
                   _("“%s” is not an Opora database"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  /* WAL keeps two files beside the database: the folder must be writable too. */
  if (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY,
                   _("“%s” is read-only: Opora needs to write the file and its folder"), path);
      return FALSE;
    }
  return TRUE;
}

/* Decides whether the open file is an Opora database this build can use, and brings an
 * older one up to date. Nothing is written before every check has passed. */
static gboolean
prepare_schema (OporaStore  *self,
                GError     **error)
{
  gint64 app_id = 0, version = 0, objects = 0;
  int latest = opora_schema_latest_version ();

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &objects, error))
    return FALSE;

  if (app_id != OPORA_SQLITE_APPLICATION_ID && !(app_id == 0 && version == 0 && objects == 0))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_OPORA_DATABASE,
                   _("“%s” is a database of another program, not of Opora"), self->path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Opora (schema %d; this version "
                     "knows up to %d). Update Opora to open it."),
                   self->path, (int) version, latest);
      return FALSE;
    }

  if (version == latest)
    return TRUE;

  if (self->read_only)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY,
                   _("“%s” needs an upgrade to schema %d, which a read-only open cannot do"),
                   self->path, latest);
      return FALSE;
    }

  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!opora_schema_migrate (self->db, (int) version, latest, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                            OPORA_SQLITE_APPLICATION_ID);
    if (!exec_sql (self, sql, error) || !exec_sql (self, "COMMIT", error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }
  return TRUE;
}

static gboolean
open_connection (OporaStore           *self,
                 OporaStoreOpenFlags   flags,
                 GError              **error)
{
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  int sqlite_flags = SQLITE_OPEN_NOMUTEX;

  self->read_only = (flags & OPORA_STORE_OPEN_READ_ONLY) != 0;

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (!(flags & OPORA_STORE_OPEN_CREATE) || self->read_only)
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_IO,
                       _("“%s” does not exist"), self->path);
          return FALSE;
        }
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return FALSE;
        }
    }
  else
    {
      if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_NOT_OPORA_DATABASE,
                       _("“%s” is a folder, not an Opora database"), self->path);
          return FALSE;
        }
      if (!file_looks_like_sqlite (self->path, error))
        return FALSE;
      if (!self->read_only && !check_writable (self->path, error))
        return FALSE;
    }

  sqlite_flags |= self->read_only ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2 (self->path, &self->db, sqlite_flags, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!prepare_schema (self, error))
    return FALSE;

  /* Only now, with an Opora database in hand, may settings that write be applied.
   * synchronous=FULL: a power cut must not lose a committed change. */
  /* Sorting a search's matches makes temporary B-trees: keep them off the disk. */
  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  if (!self->read_only &&
      (!exec_sql (self, "PRAGMA journal_mode = WAL", error) ||
       !exec_sql (self, "PRAGMA synchronous = FULL", error)))
    return FALSE;

  /* The lists' searches call opora_fold() and opora_person_match() from the first query. */
  opora_fold_register (self->db);
  return TRUE;
}

static void
opora_store_finalize (GObject *object)
{
  OporaStore *self = (OporaStore *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->touched_tables, g_hash_table_unref);
  if (self->reader != NULL)
    sqlite3_close_v2 (self->reader);
  g_mutex_clear (&self->reader_lock);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (opora_store_parent_class)->finalize (object);
}

static void
opora_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OporaStore *self = OPORA_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_AUTHOR:
      g_value_set_int64 (value, self->author_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_store_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OporaStore *self = OPORA_STORE (object);

  switch (prop_id)
    {
    case PROP_AUTHOR:
      opora_store_set_author (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_store_class_init (OporaStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = opora_store_finalize;
  object_class->get_property = opora_store_get_property;
  object_class->set_property = opora_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_int64 ("author", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The table a committed transaction changed; lists reload on it. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
opora_store_init (OporaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->touched_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

char *
opora_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "opora", "opora.db", NULL);
}

OporaStore *
opora_store_open (const char           *path,
                  OporaStoreOpenFlags   flags,
                  GError              **error)
{
  g_autoptr(OporaStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (OPORA_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_connection (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
opora_store_get_path (OporaStore *self)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  return self->path;
}

int
opora_store_get_schema_version (OporaStore *self)
{
  gint64 version = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), 0);
  query_int (self, "PRAGMA user_version", &version, NULL);
  return (int) version;
}

int
opora_store_get_latest_schema_version (void)
{
  return opora_schema_latest_version ();
}

void
opora_store_set_author (OporaStore *self,
                        gint64      staff_id)
{
  g_return_if_fail (OPORA_IS_STORE (self));

  if (self->author_id == staff_id)
    return;
  self->author_id = staff_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

gint64
opora_store_get_author (OporaStore *self)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), 0);
  return self->author_id;
}

gint64
opora_store_author_or_zero (OporaStore *self)
{
  gint64 exists = 0;

  /* A "who I am" left over from another database must not break a foreign key. */
  if (self->author_id > 0)
    {
      sqlite3_stmt *stmt = opora_store_prepare (self,
                                                "SELECT EXISTS (SELECT 1 FROM staff WHERE id = ?)",
                                                NULL);
      sqlite3_bind_int64 (stmt, 1, self->author_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        exists = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return exists ? self->author_id : 0;
}

gboolean
opora_store_begin (OporaStore  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY,
                   _("“%s” is open read-only"), self->path);
      return FALSE;
    }

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT s%u", self->depth);
  if (!exec_sql (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
opora_store_commit (OporaStore  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer table;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE s%u", self->depth - 1);
  if (!exec_sql (self, sql, error))
    {
      opora_store_rollback (self);
      return FALSE;
    }
  self->depth--;
  if (self->depth > 0)
    return TRUE;

  /* Handlers may start a new transaction: hand them a list, not the live set. */
  g_hash_table_iter_init (&iter, self->touched_tables);
  while (g_hash_table_iter_next (&iter, &table, NULL))
    {
      g_ptr_array_add (tables, table);
      g_hash_table_iter_steal (&iter);
    }
  for (guint i = 0; i < tables->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, g_ptr_array_index (tables, i));
  return TRUE;
}

void
opora_store_rollback (OporaStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (OPORA_IS_STORE (self));

  if (self->depth == 0)
    return;
  if (self->depth == 1)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_hash_table_remove_all (self->touched_tables);
    }
  else
    {
      sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
}

gboolean
opora_store_is_empty (OporaStore *self)
{
  gint64 any = 0;

  g_return_val_if_fail (OPORA_IS_STORE (self), TRUE);

  query_int (self,
             "SELECT EXISTS (SELECT 1 FROM person) OR EXISTS (SELECT 1 FROM family)"
             " OR EXISTS (SELECT 1 FROM contract) OR EXISTS (SELECT 1 FROM organisation)"
             " OR EXISTS (SELECT 1 FROM staff)",
             &any, NULL);
  return any == 0;
}

gboolean
opora_store_check (OporaStore  *self,
                   GPtrArray   *problems,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = 0, app_id = 0;
  int rc;

  g_return_val_if_fail (OPORA_IS_STORE (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;
  if (app_id != OPORA_SQLITE_APPLICATION_ID)
    g_ptr_array_add (problems, g_strdup (_("The file is not marked as an Opora database")));
  if (version != opora_schema_latest_version ())
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Schema version is %d, expected %d"),
                                      (int) version, opora_schema_latest_version ()));

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup_printf (_("Integrity: %s"), line));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return opora_store_set_error (self, error);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL) != SQLITE_OK)
    return opora_store_set_error (self, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("Foreign key: %s row %lld refers to a missing %s"),
                                      sqlite3_column_text (stmt, 0),
                                      (long long) sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_text (stmt, 2)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return opora_store_set_error (self, error);

  return TRUE;
}

sqlite3 *
opora_store_reader_acquire (OporaStore *self)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  g_mutex_lock (&self->reader_lock);
  if (self->reader == NULL && !self->reader_failed)
    {
      sqlite3 *reader = NULL;

      /* The same file, read only; WAL lets it read while the window's connection writes. */
      if (sqlite3_open_v2 (self->path, &reader, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
          || sqlite3_exec (reader, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL) != SQLITE_OK)
        {
          g_debug ("No reader for %s: %s", self->path,
                   reader ? sqlite3_errmsg (reader) : "out of memory");
          sqlite3_close_v2 (reader);
          self->reader_failed = TRUE;
        }
      else
        {
          sqlite3_busy_timeout (reader, BUSY_TIMEOUT_MS);
          opora_fold_register (reader);
          g_atomic_pointer_set (&self->reader, reader);
        }
    }
  if (self->reader == NULL)
    {
      g_mutex_unlock (&self->reader_lock);
      return NULL;
    }
  return self->reader;
}

void
opora_store_reader_release (OporaStore *self)
{
  g_return_if_fail (OPORA_IS_STORE (self));
  g_mutex_unlock (&self->reader_lock);
}

void
opora_store_reader_interrupt (OporaStore *self)
{
  sqlite3 *reader;

  g_return_if_fail (OPORA_IS_STORE (self));

  reader = g_atomic_pointer_get (&self->reader);
  if (reader != NULL)
    sqlite3_interrupt (reader);
}

sqlite3 *
opora_store_get_db (OporaStore *self)
{
  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);
  return self->db;
}

sqlite3_stmt *
opora_store_prepare (OporaStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OPORA_IS_STORE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      opora_store_set_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
opora_store_set_error (OporaStore  *self,
                       GError     **error)
{
  int code = self->db ? sqlite3_extended_errcode (self->db) : SQLITE_CANTOPEN;
  const char *message = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (code);
  OporaErrorCode opora_code;

  switch (code)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      opora_code = OPORA_ERROR_DUPLICATE;
      break;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      opora_code = OPORA_ERROR_IN_USE;
      break;
    case SQLITE_CONSTRAINT_NOTNULL:
      opora_code = OPORA_ERROR_REQUIRED;
      break;
    case SQLITE_CONSTRAINT_CHECK:
      opora_code = OPORA_ERROR_INVALID_VALUE;
      break;
    default:
      switch (code & 0xff)
        {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
          opora_code = OPORA_ERROR_LOCKED;
          message = _("the database is locked by another program; close it and try again");
          break;
        case SQLITE_READONLY:
        case SQLITE_PERM:
          opora_code = OPORA_ERROR_READ_ONLY;
          break;
        case SQLITE_NOTADB:
          opora_code = OPORA_ERROR_NOT_OPORA_DATABASE;
          message = _("the file is not an Opora database");
          break;
        case SQLITE_CORRUPT:
          opora_code = OPORA_ERROR_CORRUPT;
          break;
        case SQLITE_CANTOPEN:
        case SQLITE_IOERR:
          opora_code = OPORA_ERROR_IO;
          break;
        default:
          opora_code = OPORA_ERROR_FAILED;
        }
    }

  if (self->path != NULL && opora_code != OPORA_ERROR_DUPLICATE && opora_code != OPORA_ERROR_IN_USE
      && opora_code != OPORA_ERROR_REQUIRED && opora_code != OPORA_ERROR_INVALID_VALUE)
    g_set_error (error, OPORA_ERROR, opora_code, "“%s”: %s", self->path, message);
  else
    g_set_error_literal (error, OPORA_ERROR, opora_code, message);
  return FALSE;
}

void
opora_store_touch (OporaStore *self,
                   const char *table)
{
  g_return_if_fail (OPORA_IS_STORE (self));

  if (!g_hash_table_contains (self->touched_tables, table))
    g_hash_table_add (self->touched_tables, g_strdup (table));
}

void
opora_stmt_bind_text (sqlite3_stmt *stmt,
                      int           index,
                      const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
opora_stmt_bind_id (sqlite3_stmt *stmt,
                    int           index,
                    gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
opora_stmt_dup_text (sqlite3_stmt *stmt,
                     int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return text ? g_strdup ((const char *) text) : NULL;
}
