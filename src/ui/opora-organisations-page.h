/* The section of partner organisations (организации-партнёры): a list searched, filtered
 * and sorted by the store, with New, Edit (row activation) and Delete with Undo. */
#pragma once

#include <gtk/gtk.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_ORGANISATIONS_PAGE (opora_organisations_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaOrganisationsPage, opora_organisations_page,
                      OPORA, ORGANISATIONS_PAGE, GtkWidget)

GtkWidget  *opora_organisations_page_new         (OporaStore             *store);
OporaStore *opora_organisations_page_get_store   (OporaOrganisationsPage *self);

/* Opens the editor, transient for the page's window, on the saved organisation @id, or on
 * a new one when @id is 0. Returns the editor (owned by GTK), or NULL with a toast when
 * the organisation cannot be read. */
GtkWindow  *opora_organisations_page_open_editor (OporaOrganisationsPage *self,
                                                  gint64                  id);

G_END_DECLS
