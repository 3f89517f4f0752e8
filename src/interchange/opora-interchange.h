/* The JSON interchange format (docs/interchange.md): a whole registry in one file, to
 * move it between computers, keep a readable copy, or load it into a new database. */
#pragma once

#include <gio/gio.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_INTERCHANGE_FORMAT  "opora"
/* The version of the file format this build writes and the newest it reads. */
#define OPORA_INTERCHANGE_VERSION 1

/* Writes every record of @store to @out, record by record: memory does not grow with the
 * size of the registry. Reads one consistent snapshot. */
gboolean opora_interchange_export       (OporaStore     *store,
                                         GOutputStream  *out,
                                         GCancellable   *cancellable,
                                         GError        **error);
/* The same into @file, which is replaced only when the whole export has succeeded. */
gboolean opora_interchange_export_file  (OporaStore     *store,
                                         GFile          *file,
                                         GCancellable   *cancellable,
                                         GError        **error);

/* Loads a file into @store, which must hold no records yet (opora_store_records_empty()).
 * All or nothing: on any problem nothing is changed, and @error (OPORA_ERROR_IMPORT for
 * a problem of the file) names the first bad place by its JSON path, e.g.
 * "$.person[3].snils: SNILS check number is wrong: expected 95". */
gboolean opora_interchange_import       (OporaStore     *store,
                                         GInputStream   *in,
                                         GCancellable   *cancellable,
                                         GError        **error);
gboolean opora_interchange_import_file  (OporaStore     *store,
                                         GFile          *file,
                                         GCancellable   *cancellable,
                                         GError        **error);

G_END_DECLS
