/* The editor of a family (семья): its name, minor children, kind and settlement, and its
 * members with their relation to it, added by searching the registry of persons. Save
 * writes the family and its membership in one transaction; a refused field shows its
 * message under it and the editor stays open with everything typed. */
#pragma once

#include <adwaita.h>

#include "opora-family.h"
#include "opora-person.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_FAMILY_EDITOR (opora_family_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaFamilyEditor, opora_family_editor, OPORA, FAMILY_EDITOR, AdwWindow)

/* Edits a copy of @family and its members, or a new family when it is NULL. */
GtkWidget   *opora_family_editor_new         (OporaStore        *store,
                                              OporaFamily       *family);
/* The family as last saved (or as given, before any save). */
OporaFamily *opora_family_editor_get_family  (OporaFamilyEditor *self);
/* The members as edited (OporaPerson, each with the relation chosen), not yet saved. */
GListModel  *opora_family_editor_get_members (OporaFamilyEditor *self);

/* Adds a saved @person as a member, as choosing them in "Add Member" does; nothing when
 * they are a member already. The first member becomes the applicant. */
void         opora_family_editor_add_member  (OporaFamilyEditor *self,
                                              OporaPerson       *person);

/* Reads the fields and saves; TRUE when saved (the editor then emits "saved" and closes).
 * The Save button and Ctrl+S call it. */
gboolean     opora_family_editor_save        (OporaFamilyEditor *self);

/* signal: "saved" (OporaFamily *family) — after a successful save, with the id set */

G_END_DECLS
