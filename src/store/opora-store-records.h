/* Whole records as plain data, table by table: what the interchange format reads and
 * writes, and what Undo puts back after a delete. A record is a GVariant dictionary
 * (a{sv}) of column → value: int64 'x', double 'd', string 's'; a NULL column is absent. */
#pragma once

#include <gio/gio.h>

#include "opora-store.h"

G_BEGIN_DECLS

/* The tables of the registry in an order where every reference points backwards
 * (staff before person, person before contract …). NULL-terminated, static. */
const char * const *opora_store_record_tables   (void);

/* Column names of @table in schema order, NULL-terminated; free with g_strfreev. */
char              **opora_store_record_columns  (OporaStore   *self,
                                                 const char   *table);

typedef gboolean (*OporaRecordFunc) (const char  *table,
                                     GVariant    *record,
                                     gpointer     user_data,
                                     GError     **error);

/* Calls @func for every row of @table in key order; stops at the first FALSE. */
gboolean            opora_store_foreach_record  (OporaStore       *self,
                                                 const char       *table,
                                                 OporaRecordFunc   func,
                                                 gpointer          user_data,
                                                 GError          **error);

/* Inserts one record as it is, keys and audit columns included (import, undo). */
gboolean            opora_store_insert_record   (OporaStore   *self,
                                                 const char   *table,
                                                 GVariant     *record,
                                                 GError      **error);

/* TRUE when every table of the registry is empty (import refuses to merge). */
gboolean            opora_store_records_empty   (OporaStore   *self);

/* What a delete took away: the record, the records that went with it (cascade), and the
 * references that were cleared (SET NULL), so Undo can put every one of them back. */
typedef struct _OporaDeletion OporaDeletion;

OporaDeletion      *opora_store_delete_record   (OporaStore   *self,
                                                 const char   *table,
                                                 gint64        id,
                                                 GError      **error);
gboolean            opora_store_undo_deletion   (OporaStore    *self,
                                                 OporaDeletion *deletion,
                                                 GError       **error);
void                opora_deletion_free         (OporaDeletion *deletion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaDeletion, opora_deletion_free)

G_END_DECLS
