/* The model a registry page's column view shows: the page's selection, each of its rows
 * wrapped in an OporaRow that keeps its place in the list.
 *
 * GTK 4.8 keeps the widgets of ~200 rows of a long list. When a search replaces the list,
 * the store says "all gone, then all new" and GTK unmakes those widgets and makes new ones,
 * a row of seven cells costing about a millisecond each way: most of a keystroke's time.
 * A widget whose row is removed is kept only when the same object comes back in the same
 * change. So this model hands the view one OporaRow per place, keeps it while the view
 * does, and tells the view of a new list as the rows in those places having changed: GTK
 * keeps the widgets and binds them to what the rows now hold. The rows below the first
 * screenful of a list that is being replaced may keep their old records for a moment after
 * the first frame (never more than STALE_ROWS of them, never on screen); they are brought
 * up to date, or removed, at the model's next change, when the view scrolls, or STALE_MS
 * later. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OPORA_TYPE_ROW (opora_row_get_type ())
G_DECLARE_FINAL_TYPE (OporaRow, opora_row, OPORA, ROW, GObject)

/* What the row shows: an item of the page's list, or NULL for a moment while the list is
 * replaced. Notified ("record") when it changes. */
GObject *opora_row_get_record (OporaRow *self);

/* The record behind @item, an item of a view: @item's if it is an OporaRow, else @item. */
GObject *opora_row_record_of  (gpointer  item);

#define OPORA_TYPE_ROW_RECYCLER (opora_row_recycler_get_type ())
G_DECLARE_FINAL_TYPE (OporaRowRecycler, opora_row_recycler, OPORA, ROW_RECYCLER, GObject)

/* @model: the page's selection (its positions are the rows'); @view: the view that shows
 * the recycler (not referenced; its height tells how many rows are on screen). */
OporaRowRecycler  *opora_row_recycler_new       (GtkSelectionModel *model,
                                                 GtkWidget         *view);
/* The page's selection the recycler shows: its items are the records. */
GtkSelectionModel *opora_row_recycler_get_model (OporaRowRecycler  *self);

G_END_DECLS
