/* The editor of a staff member (сотрудник): full name, position, district, and whether they
 * work in the department now. Save goes through one store call; a refused field shows its
 * message under it and the editor stays open with everything typed. */
#pragma once

#include <adwaita.h>

#include "opora-staff.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_STAFF_EDITOR (opora_staff_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaStaffEditor, opora_staff_editor, OPORA, STAFF_EDITOR, AdwWindow)

/* Edits a copy of @staff, or a new staff member when it is NULL. */
GtkWidget  *opora_staff_editor_new       (OporaStore       *store,
                                          OporaStaff       *staff);
/* The staff member as last saved (or as given, before any save). */
OporaStaff *opora_staff_editor_get_staff (OporaStaffEditor *self);

/* Reads the fields and saves; TRUE when saved (the editor then emits "saved" and closes).
 * The Save button and Ctrl+S call it. */
gboolean    opora_staff_editor_save      (OporaStaffEditor *self);

/* signal: "saved" (OporaStaff *staff) — after a successful save, with the id set */

G_END_DECLS
