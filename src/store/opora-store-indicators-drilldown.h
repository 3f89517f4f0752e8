/* The list behind an indicator's drill-down: the computed set's keys read once, its rows
 * read by key as the view shows them. Internal to src/store/. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "opora-drilldown-item.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_DRILLDOWN_LIST (opora_drilldown_list_get_type ())
G_DECLARE_FINAL_TYPE (OporaDrilldownList, opora_drilldown_list, OPORA, DRILLDOWN_LIST, GObject)

/* Builds the item of the current row of @row_sql; NULL to skip it. */
typedef OporaDrilldownItem *(*OporaDrilldownRowFunc) (sqlite3_stmt *stmt,
                                                      gboolean      counted);

/* @keys_sql selects one integer per row, in the list's order: the record's id * 2 +
 * counted, with ?1 and ?2 the period's first and last day (@from, @to). @row_sql reads
 * one record by its id, bound as ?1. A commit touching one of @watched_tables
 * (NULL-terminated) runs @keys_sql again. */
OporaDrilldownList *opora_drilldown_list_new (OporaStore             *store,
                                              const char             *keys_sql,
                                              const char             *row_sql,
                                              OporaDrilldownRowFunc   read_row,
                                              const char             *from,
                                              const char             *to,
                                              const char * const     *watched_tables);

G_END_DECLS
