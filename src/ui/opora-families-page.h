/* The section of families (семьи): the list searched and sorted by the store, with New
 * (families.new, Ctrl+N, and win.new-family in the main window), Edit (row activation)
 * and Delete (families.delete, Delete) with Undo (families.undo-delete, and the toast's
 * button). Deleting a family keeps its members, without a family. */
#pragma once

#include <gtk/gtk.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_FAMILIES_PAGE (opora_families_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaFamiliesPage, opora_families_page, OPORA, FAMILIES_PAGE, GtkWidget)

GtkWidget  *opora_families_page_new         (OporaStore        *store);
OporaStore *opora_families_page_get_store   (OporaFamiliesPage *self);

/* Opens the family editor, transient for the page's window, on the saved family @id, or
 * on a new family when @id is 0. Returns the editor (owned by GTK), or NULL with a toast
 * when the family cannot be read. */
GtkWindow  *opora_families_page_open_editor (OporaFamiliesPage *self,
                                             gint64             id);

G_END_DECLS
