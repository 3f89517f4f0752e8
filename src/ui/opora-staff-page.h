/* The section of staff (сотрудники): the department's specialists, searched by name, with
 * New (staff.new, Ctrl+N, and win.new-staff in the main window), Edit (row activation) and
 * Delete (staff.delete, Delete) with Undo (staff.undo-delete, and the toast's button).
 * Deleting a staff member clears what referred to them; Undo puts it back. */
#pragma once

#include <gtk/gtk.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_STAFF_PAGE (opora_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaStaffPage, opora_staff_page, OPORA, STAFF_PAGE, GtkWidget)

GtkWidget  *opora_staff_page_new         (OporaStore     *store);
OporaStore *opora_staff_page_get_store   (OporaStaffPage *self);

/* Opens the staff editor, transient for the page's window, on the saved staff member @id,
 * or on a new one when @id is 0. Returns the editor (owned by GTK), or NULL with a toast
 * when the staff member cannot be read. */
GtkWindow  *opora_staff_page_open_editor (OporaStaffPage *self,
                                          gint64          id);

G_END_DECLS
