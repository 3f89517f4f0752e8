/* Sorting a GtkColumnView whose rows are sorted by SQL, not by GTK.
 *
 * A header click should re-run the store's query with another ORDER BY: a
 * GtkSortListModel over a million rows takes seconds. GTK 4.8 has no public way to ask the
 * column view which column is the primary sort and in which direction
 * (gtk_column_view_sorter_get_primary_sort_column and column ids arrived in 4.10), so each
 * sortable column gets a probe sorter that knows its sort key, and the view's sorter is asked
 * to compare two items: the first probe it consults is the primary column, and the sign of
 * the answer is the direction. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @sort_key is NULL when no column is sorted. */
typedef void (*OporaColumnSortFunc) (GtkColumnView *view,
                                     const char    *sort_key,
                                     gboolean       descending,
                                     gpointer       user_data);

/* Makes @column sortable; @sort_key is what the page hands the store ("surname"). */
void     opora_column_sort_add   (GtkColumnViewColumn *column,
                                  const char          *sort_key);

/* Calls @func whenever the user changes the sort of @view. */
void     opora_column_sort_watch (GtkColumnView       *view,
                                  OporaColumnSortFunc  func,
                                  gpointer             user_data);

/* The current primary sort key (or NULL) and direction; FALSE when unsorted. */
gboolean opora_column_sort_get   (GtkColumnView       *view,
                                  const char         **sort_key,
                                  gboolean            *descending);

G_END_DECLS
