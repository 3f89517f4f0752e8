/* What the record files of src/store/ share: the schema of a table as read from SQLite.
 * Never included outside src/store/. */
#pragma once

#include <sqlite3.h>

#include "opora-store-records.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_REFERENCE_RESTRICT, /* RESTRICT or NO ACTION: the parent cannot go */
  OPORA_REFERENCE_CASCADE,
  OPORA_REFERENCE_SET_NULL, /* SET NULL or SET DEFAULT: the reference is cleared */
} OporaReferenceAction;

#define OPORA_REFERENCE_MAX_COLUMNS 8

/* One foreign key: @table (@columns…) refers to @parent (@parent_columns…), one column
 * or several together. Strings interned. */
typedef struct
{
  const char           *table;
  const char           *parent;
  guint                 n_columns;
  const char           *columns[OPORA_REFERENCE_MAX_COLUMNS];
  const char           *parent_columns[OPORA_REFERENCE_MAX_COLUMNS]; /* the parent's key */
  OporaReferenceAction  on_delete;
} OporaReference;

typedef struct
{
  const char        *name;          /* interned */
  OporaRecordColumn *columns;
  guint              n_columns;
  char             **column_names;
  const char        *key;           /* the one-column primary key, or NULL */
  const char       **pk_columns;    /* the primary key's columns in key order, NULL-ended */
  guint              key_index;
  gboolean           key_is_rowid;  /* an INTEGER PRIMARY KEY: the key is the rowid */
  gboolean           has_rowid;
  char              *order_by;
  char              *select_sql;    /* "SELECT [rowid, ]* FROM table" */
  GPtrArray         *references;    /* OporaReference*: the foreign keys of this table */
  GHashTable        *exists_stmts;  /* column → "SELECT 1 … WHERE column = ?" */
  GHashTable        *insert_stmts;  /* columns written, as a bit mask → its INSERT */
} OporaTableMeta;

/* The schema of @table, cached on @self; NULL with OPORA_ERROR_NOT_FOUND if absent. */
OporaTableMeta *opora_store_table_meta        (OporaStore      *self,
                                               const char      *table,
                                               GError         **error);
int             opora_table_meta_column_index (OporaTableMeta  *meta,
                                               const char      *column);
char           *opora_sql_quote_identifier    (const char      *name);

/* The current row of @stmt from column @first on, as a record (a floating a{sv}). */
GVariant       *opora_stmt_to_record          (sqlite3_stmt    *stmt,
                                               int              first);

/* Binds a record value (integers, boolean, double, string, bytestring); FALSE for others. */
gboolean        opora_stmt_bind_variant       (sqlite3_stmt    *stmt,
                                               int              index,
                                               GVariant        *value);

/* Inserts @record; a non-zero @rowid is given to the row (Undo keeps row identity for
 * tables whose key is not the rowid). */
gboolean        opora_store_insert_row        (OporaStore      *self,
                                               const char      *table,
                                               GVariant        *record,
                                               gint64           rowid,
                                               char           **out_column,
                                               GError         **error);

/* Turns the connection's last constraint failure into the rule a person can read, with
 * the column it is about in *@out_column when there is one. Always returns FALSE. */
gboolean        opora_store_explain_constraint (OporaStore     *self,
                                                OporaTableMeta *meta,
                                                char          **out_column,
                                                GError        **error);

/* Every ordinary table of the database (search indexes and their shadows left out). */
GPtrArray      *opora_store_list_tables       (OporaStore      *self);

G_END_DECLS
