/* Loading many records at once into a new database (import, the demo centre): one
 * transaction, statements prepared once, and a page cache large enough that the indexes
 * are built in memory. Not for everyday edits, which go through the aggregate stores. */
#pragma once

#include "opora-store.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_BULK_DEFAULT            = 0,
  /* The caller vouches for every reference (the demo generator, whose output the tests
   * check): they are not looked up row by row, which saves a quarter of the time. */
  OPORA_BULK_TRUSTED_REFERENCES = 1 << 0,
} OporaBulkFlags;

/* Opens the load's transaction. Until it ends a power cut may lose the load (never what
 * was committed before); the usual durability comes back at the end. */
gboolean        opora_store_bulk_begin      (OporaStore      *self,
                                             OporaBulkFlags   flags,
                                             GError         **error);
/* Commits (FALSE and rolled back when the commit fails) and restores the settings. */
gboolean        opora_store_bulk_commit     (OporaStore  *self,
                                             GError     **error);
/* Rolls the load back and restores the settings. */
void            opora_store_bulk_rollback   (OporaStore  *self);

/* A prepared INSERT INTO @table (@columns…) for rows given by column number. */
typedef struct _OporaBulkInsert OporaBulkInsert;

OporaBulkInsert *opora_bulk_insert_new      (OporaStore          *self,
                                             const char          *table,
                                             const char * const  *columns,
                                             GError             **error);
void             opora_bulk_insert_int      (OporaBulkInsert     *insert,
                                             guint                column,
                                             gint64               value);
void             opora_bulk_insert_double   (OporaBulkInsert     *insert,
                                             guint                column,
                                             double               value);
/* NULL binds NULL; "" stays "". */
void             opora_bulk_insert_text     (OporaBulkInsert     *insert,
                                             guint                column,
                                             const char          *value);
/* Writes the row (columns not set since the last row are NULL). */
gboolean         opora_bulk_insert_run      (OporaBulkInsert     *insert,
                                             GError             **error);
void             opora_bulk_insert_free     (OporaBulkInsert     *insert);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaBulkInsert, opora_bulk_insert_free)

G_END_DECLS
