/* A lazy GListModel over a SELECT: the row count comes from one COUNT(*), rows are fetched
 * a page at a time as the view asks, and only a bounded number of pages is kept. Sorting,
 * filtering and search stay in SQL. Internal to src/store/: each aggregate builds its
 * queries and hands out the result as a plain GListModel. */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_LIST_MODEL (opora_list_model_get_type ())
G_DECLARE_FINAL_TYPE (OporaListModel, opora_list_model, OPORA, LIST_MODEL, GObject)

/* Builds one item from the current row of the statement made from @row_sql. */
typedef GObject *(*OporaListRowFunc) (sqlite3_stmt *stmt);

/* @row_sql selects one row by its key, bound as parameter 1 ("… WHERE c.id = ?").
 * @watched_tables: NULL-terminated; a commit touching any of them reloads the model. */
OporaListModel *opora_list_model_new       (OporaStore          *store,
                                            GType                item_type,
                                            const char          *row_sql,
                                            OporaListRowFunc     read_row,
                                            const char * const  *watched_tables);

/* @from_where: "FROM contract c WHERE …" with ? parameters taken from @params, an array of
 * GVariant (int64 'x', double 'd' or string 's'), or NULL. @key: the unique key expression
 * ("c.id"). @order_by must end in the key so the order is total; @reverse_order_by is the
 * same order backwards, used to reach the end of a long list without skipping every row.
 * Asked for the query it already has, it does nothing (rows change by @watched_tables). */
void            opora_list_model_set_query (OporaListModel      *self,
                                            const char          *from_where,
                                            GPtrArray           *params,
                                            const char          *key,
                                            const char          *order_by,
                                            const char          *reverse_order_by);

/* Like opora_list_model_set_query(), with @scan_from_where: the same rows, written so
 * that SQLite finds them by walking the index of @order_by and testing each row (its
 * conditions' indexed columns marked "+c.number", say), or NULL. With it, a list that
 * matches many rows shows its first page at once and is counted in a worker thread.
 * @quick_scan_from_where, or NULL: the same again, tested row by row without reading
 * everything the conditions match first (opora_person_match() instead of the full-text
 * index), walked briefly before the count — for a search by names, whose count cannot be
 * cut short while the index reads the persons a short prefix matches. */
void            opora_list_model_set_scan_query (OporaListModel *self,
                                                 const char     *from_where,
                                                 const char     *scan_from_where,
                                                 const char     *quick_scan_from_where,
                                                 GPtrArray      *params,
                                                 const char     *key,
                                                 const char     *order_by,
                                                 const char     *reverse_order_by);

/* Forgets every cached row and counts again; emits items-changed for the whole list. */
void            opora_list_model_reload    (OporaListModel      *self);

/* The time a reload of a search may spend on a first, brief walk for its first rows; then
 * counting; then walking for the first rows again (10, 10 and 150 ms; a list whose rows
 * cost more to test gives the brief walk longer, tests set them to take one path). */
void            opora_list_model_set_budgets (OporaListModel *self,
                                              gint64          quick_scan_us,
                                              gint64          count_us,
                                              gint64          first_rows_us);
/* The longest list whose keys are all kept (100,000; tests make it short to read a list
 * page by page as a million are read). Takes effect at the next reload. */
void            opora_list_model_set_max_kept_keys (OporaListModel *self,
                                                    guint           max_kept_keys);
/* FALSE while the rows past the first ones are still being counted in a worker thread. */
gboolean        opora_list_model_is_counted  (OporaListModel *self);

/* Binds GVariant parameters (int64, double, string) from position 1 onwards. */
void            opora_stmt_bind_params     (sqlite3_stmt        *stmt,
                                            GPtrArray           *params,
                                            int                  first_index);

G_END_DECLS
