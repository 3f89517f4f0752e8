/* Whole records as plain data, table by table: what the interchange format reads and
 * writes, and what Undo puts back after a delete. A record is a GVariant dictionary
 * (a{sv}) of column → value: int64 'x', double 'd', string 's'; a NULL column is absent.
 * Columns come from the schema itself, so a table added by a later migration works
 * without code here. */
#pragma once

#include <gio/gio.h>

#include "opora-store.h"

G_BEGIN_DECLS

/* The tables of the registry in an order where every reference points backwards
 * (staff before person, person before contract …), apart from the audit columns
 * created_by/updated_by, which may name any staff member. NULL-terminated, static.
 * Search indexes kept by triggers (person_search) are not records and are not listed. */
const char * const *opora_store_record_tables   (void);

/* Column names of @table in schema order, NULL-terminated; free with g_strfreev.
 * NULL when there is no such table. */
char              **opora_store_record_columns  (OporaStore   *self,
                                                 const char   *table);

typedef enum
{
  OPORA_RECORD_INTEGER,
  OPORA_RECORD_REAL,
  OPORA_RECORD_TEXT,
} OporaRecordType;

/* What the schema says about one column. */
typedef struct
{
  const char      *name;
  OporaRecordType  type;
  const char      *references;     /* the table it refers to, or NULL */
  guint            not_null : 1;
  guint            has_default : 1;
  guint            required : 1;   /* NOT NULL without a default: a record must give it */
  guint            is_key : 1;     /* the table's one-column primary key */
  guint            is_date : 1;    /* the schema checks it is an ISO date */
} OporaRecordColumn;

/* The columns of @table, owned by @self (valid while it lives); NULL with
 * OPORA_ERROR_NOT_FOUND when there is no such table. */
const OporaRecordColumn *opora_store_record_column_info (OporaStore  *self,
                                                         const char  *table,
                                                         guint       *n_columns,
                                                         GError     **error);

typedef gboolean (*OporaRecordFunc) (const char  *table,
                                     GVariant    *record,
                                     gpointer     user_data,
                                     GError     **error);

/* Calls @func for every row of @table in key order; stops at the first FALSE.
 * @record is floating-free and owned by the caller of @func only for the call. */
gboolean            opora_store_foreach_record  (OporaStore       *self,
                                                 const char       *table,
                                                 OporaRecordFunc   func,
                                                 gpointer          user_data,
                                                 GError          **error);

/* The same records as plain values in column order (opora_store_record_column_info()),
 * without a GVariant per record: for reading millions of them (export). */
typedef enum
{
  OPORA_VALUE_DEFAULT, /* left out: NULL, or the default of a NOT NULL column (insert only) */
  OPORA_VALUE_NULL,
  OPORA_VALUE_INTEGER,
  OPORA_VALUE_REAL,
  OPORA_VALUE_TEXT,
} OporaValueKind;

typedef struct
{
  OporaValueKind  kind;
  gint64          integer;
  double          real;
  const char     *text;    /* valid during the call, or until the insert returns */
} OporaRecordValue;

typedef gboolean (*OporaRowFunc) (const char              *table,
                                  const OporaRecordValue  *values,
                                  guint                    n_values,
                                  gpointer                 user_data,
                                  GError                 **error);

gboolean            opora_store_foreach_row     (OporaStore       *self,
                                                 const char       *table,
                                                 OporaRowFunc      func,
                                                 gpointer          user_data,
                                                 GError          **error);

/* Reads one record by its one-column key; NULL with OPORA_ERROR_NOT_FOUND if absent. */
GVariant           *opora_store_get_record      (OporaStore   *self,
                                                 const char   *table,
                                                 gint64        key,
                                                 GError      **error);

/* TRUE when @table has a row whose @column equals @value (import checks references). */
gboolean            opora_store_record_exists   (OporaStore   *self,
                                                 const char   *table,
                                                 const char   *column,
                                                 gint64        value);

/* Inserts one record as it is, keys and audit columns included (import, undo). A column
 * the record leaves out is NULL, except a NOT NULL column with a default, which gets the
 * default. A broken rule gives OPORA_ERROR_INVALID_VALUE, _REQUIRED, _DATE_ORDER or
 * _DUPLICATE with a readable message "column: rule". */
gboolean            opora_store_insert_record   (OporaStore   *self,
                                                 const char   *table,
                                                 GVariant     *record,
                                                 GError      **error);
/* The same; when the rule broken is about one column, *@out_column names it and the
 * message is the rule alone ("must be one of: active, completed, terminated"). */
gboolean            opora_store_insert_record_full (OporaStore   *self,
                                                    const char   *table,
                                                    GVariant     *record,
                                                    char        **out_column,
                                                    GError      **error);

/* Inserts one record given as @n_values values in column order (import); otherwise as
 * opora_store_insert_record_full(). */
gboolean            opora_store_insert_values   (OporaStore              *self,
                                                 const char              *table,
                                                 const OporaRecordValue  *values,
                                                 guint                    n_values,
                                                 char                   **out_column,
                                                 GError                 **error);

/* TRUE when the registry holds nothing but what a new database starts with (the
 * institution's blank row): import refuses to merge into anything else. */
gboolean            opora_store_records_empty   (OporaStore   *self);

/* Deletes every row of @table that a new database starts with, so that import can put
 * the file's rows in their place. Only for a database that opora_store_records_empty()
 * accepts; FALSE with OPORA_ERROR_IN_USE otherwise. */
gboolean            opora_store_clear_seed_records (OporaStore  *self,
                                                    const char  *table,
                                                    GError     **error);

/* Within the open transaction, references are checked when it commits instead of at
 * each insert, so records may come in any order (import, undo). */
void                opora_store_defer_references (OporaStore  *self);

/* A consistent view for a long read (export): every read between begin and end sees the
 * database as it was at the first. Inside an open transaction it does nothing more. */
gboolean            opora_store_snapshot_begin  (OporaStore  *self,
                                                 GError     **error);
void                opora_store_snapshot_end    (OporaStore  *self);

/* What a delete took away: the record, the records that went with it (cascade), and the
 * references that were cleared (SET NULL), so Undo can put every one of them back.
 * A record that others refer to with ON DELETE RESTRICT is not deleted:
 * OPORA_ERROR_IN_USE says who refers to it. */
typedef struct _OporaDeletion OporaDeletion;

OporaDeletion      *opora_store_delete_record   (OporaStore   *self,
                                                 const char   *table,
                                                 gint64        id,
                                                 GError      **error);
gboolean            opora_store_undo_deletion   (OporaStore    *self,
                                                 OporaDeletion *deletion,
                                                 GError       **error);
/* How many records the delete removed, the one asked for included. */
guint               opora_deletion_get_n_records (OporaDeletion *deletion);
void                opora_deletion_free         (OporaDeletion *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaDeletion, opora_deletion_free)

G_END_DECLS
