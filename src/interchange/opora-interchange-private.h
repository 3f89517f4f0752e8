/* Shared by the export and import halves of the interchange format. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for a table of exactly one row (the institution), written as one object rather
 * than an array of records. */
static inline gboolean
opora_interchange_table_is_single (const char *table)
{
  return g_strcmp0 (table, "institution") == 0;
}

G_END_DECLS
