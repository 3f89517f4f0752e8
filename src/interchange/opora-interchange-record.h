/* Checking and inserting the records of an interchange file, one at a time, with what
 * must be remembered between them: which tables were read, references still to settle. */
#pragma once

#include <json-glib/json-glib.h>

#include "opora-store.h"

G_BEGIN_DECLS

typedef struct _OporaImportTables OporaImportTables;

OporaImportTables *opora_import_tables_new     (OporaStore         *store);
void               opora_import_tables_free    (OporaImportTables  *tables);
/* TRUE when @name is a table of the format (opora_store_record_tables()). */
gboolean           opora_import_tables_knows   (OporaImportTables  *tables,
                                                const char         *name);
/* Marks the start and the end of @table's records in the file; a table given twice is
 * refused. */
gboolean           opora_import_tables_begin   (OporaImportTables  *tables,
                                                const char         *table,
                                                GError            **error);
gboolean           opora_import_tables_end     (OporaImportTables  *tables,
                                                const char         *table,
                                                GError            **error);
/* Checks one record, $.@table[@index] (or $.@table when @index < 0), and inserts it. */
gboolean           opora_import_record         (OporaImportTables  *tables,
                                                const char         *table,
                                                gint64              index,
                                                JsonNode           *node,
                                                GError            **error);
/* After the last record: every reference left open must now find its record. */
gboolean           opora_import_tables_finish  (OporaImportTables  *tables,
                                                GError            **error);

/* "an object", "text", "a number", … for messages. */
const char        *opora_import_describe_node  (JsonNode           *node);
/* $.person[3].snils, or $.person[3]["odd key"] when the key is not a plain name. */
char              *opora_import_member_path    (const char         *parent,
                                                const char         *key);

G_END_DECLS
