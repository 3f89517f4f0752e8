/* What the files of src/store/ share: the raw connection and statement helpers.
 * Never included outside src/store/. */
#pragma once

#include <sqlite3.h>

#include "opora-store.h"

G_BEGIN_DECLS

sqlite3      *opora_store_get_db        (OporaStore  *self);

/* A second, read-only connection to the same file for one thread at a time: NULL when
 * it cannot be opened (then read on the main connection). Every acquire that returns a
 * connection is followed by a release; interrupt stops what it runs now, from any thread. */
sqlite3      *opora_store_reader_acquire   (OporaStore *self);
void          opora_store_reader_release   (OporaStore *self);
void          opora_store_reader_interrupt (OporaStore *self);

/* A prepared statement from the store's cache, reset and unbound; NULL with @error set
 * on a syntax error. The store owns it: never finalize it. */
sqlite3_stmt *opora_store_prepare       (OporaStore  *self,
                                         const char  *sql,
                                         GError     **error);

/* Sets @error from the connection's last error, mapping SQLite codes to OPORA_ERROR codes
 * (constraint failures to the rule they name where it is known). Returns FALSE. */
gboolean      opora_store_set_error     (OporaStore  *self,
                                         GError     **error);

/* Marks @table changed; "changed" is emitted for it when the outermost transaction commits. */
void          opora_store_touch         (OporaStore  *self,
                                         const char  *table);

/* Binding helpers: NULL or empty text binds SQL NULL. */
void          opora_stmt_bind_text      (sqlite3_stmt *stmt,
                                         int           index,
                                         const char   *text);
void          opora_stmt_bind_id        (sqlite3_stmt *stmt,
                                         int           index,
                                         gint64        id); /* 0 binds NULL */
/* Column helpers: SQL NULL reads as NULL. */
char         *opora_stmt_dup_text       (sqlite3_stmt *stmt,
                                         int           column);

/* Binds the audit columns for an INSERT or UPDATE (the author; times are set in SQL). */
gint64        opora_store_author_or_zero (OporaStore *self);

G_END_DECLS
