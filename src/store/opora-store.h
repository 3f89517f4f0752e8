/* The database: one SQLite file (the connection, migrations, transactions, checks).
 * No SQLite type appears in a public header of src/store/, so the store can move to a
 * server later without touching its callers. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OPORA_TYPE_STORE (opora_store_get_type ())
G_DECLARE_FINAL_TYPE (OporaStore, opora_store, OPORA, STORE, GObject)

typedef enum
{
  OPORA_STORE_OPEN_DEFAULT   = 0,
  OPORA_STORE_OPEN_CREATE    = 1 << 0, /* create the file (and its folder) if missing */
  OPORA_STORE_OPEN_READ_ONLY = 1 << 1, /* never write, not even a migration */
} OporaStoreOpenFlags;

char       *opora_store_default_path     (void);
OporaStore *opora_store_open             (const char           *path,
                                          OporaStoreOpenFlags   flags,
                                          GError              **error);
const char *opora_store_get_path         (OporaStore           *self);
int         opora_store_get_schema_version (OporaStore         *self);
int         opora_store_get_latest_schema_version (void);

/* The staff member recorded as the author of every change; 0 for nobody. */
void        opora_store_set_author       (OporaStore           *self,
                                          gint64                staff_id);
gint64      opora_store_get_author       (OporaStore           *self);

/* One user action is one transaction. Transactions nest: only the outermost commits. */
gboolean    opora_store_begin            (OporaStore           *self,
                                          GError              **error);
gboolean    opora_store_commit           (OporaStore           *self,
                                          GError              **error);
void        opora_store_rollback         (OporaStore           *self);

/* TRUE when the registry holds no person, family, contract, organisation or staff. */
gboolean    opora_store_is_empty         (OporaStore           *self);

/* Integrity, foreign keys and schema version. Each problem found is appended to
 * @problems as a sentence; returns FALSE with @error only if the check could not run. */
gboolean    opora_store_check            (OporaStore           *self,
                                          GPtrArray            *problems,
                                          GError              **error);

/* Emitted after a commit with the tables that changed, so lists can refresh. */
/* signal: "changed" (const char *table) */

G_END_DECLS
