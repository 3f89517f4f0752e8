/* The section of persons (граждане): the registry searched, filtered by district and
 * sorted by the store, with New (persons.new, Ctrl+N, and win.new-person in the main
 * window), Edit (row activation) and Delete (persons.delete, Delete) with Undo
 * (persons.undo-delete, and the toast's button). */
#pragma once

#include <gtk/gtk.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PERSONS_PAGE (opora_persons_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaPersonsPage, opora_persons_page, OPORA, PERSONS_PAGE, GtkWidget)

GtkWidget  *opora_persons_page_new         (OporaStore       *store);
OporaStore *opora_persons_page_get_store   (OporaPersonsPage *self);

/* Opens the person editor, transient for the page's window, on the saved person @id, or
 * on a new person when @id is 0. Returns the editor (owned by GTK), or NULL with a toast
 * when the person cannot be read. */
GtkWindow  *opora_persons_page_open_editor (OporaPersonsPage *self,
                                            gint64            id);

G_END_DECLS
