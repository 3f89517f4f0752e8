/* Schema migrations, keyed by PRAGMA user_version. Internal to src/store/. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The schema version this build writes. */
#define OPORA_SCHEMA_VERSION (opora_schema_latest_version ())

/* The application_id stamped in every Opora database ('OPRA'). */
#define OPORA_SQLITE_APPLICATION_ID 0x4f505241

int      opora_schema_latest_version (void);
gboolean opora_schema_migrate        (sqlite3  *db,
                                      int       from_version,
                                      int       to_version,
                                      GError  **error);

/* Tables derived from the others and kept by triggers (what the indicators count ahead
 * of time): never exported, never written but by their triggers. NULL-terminated. */
const char * const *opora_schema_derived_tables (void);

/* Fills the derived tables again from the tables they derive from, in one pass each:
 * for a bulk load, which drops the triggers that keep them. */
gboolean opora_schema_rebuild_derived (sqlite3  *db,
                                       GError  **error);

G_END_DECLS
