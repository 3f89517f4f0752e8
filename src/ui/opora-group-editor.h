/* The editor of a group activity of any kind — a peer meeting, a social agents' training,
 * a psychological training — with its meeting, its members (each a peer who shares or a
 * participant who receives, added from the register of peers, from those who wish, or
 * from everyone), attendance once it is held, and the analysis. The seeds' rules of each
 * kind are checked on Save, each refusal shown under its field. */
#pragma once

#include <adwaita.h>

#include "opora-group.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_GROUP_EDITOR (opora_group_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaGroupEditor, opora_group_editor, OPORA, GROUP_EDITOR, AdwWindow)

/* Edits a copy of @group, or a new group of @kind formed today when @group is NULL. */
GtkWidget  *opora_group_editor_new        (OporaStore       *store,
                                           OporaGroup       *group,
                                           OporaGroupKind    kind);
/* The group as edited (saved or not yet). */
OporaGroup *opora_group_editor_get_group  (OporaGroupEditor *self);
/* Adds a copy of @candidate as a member, as the member chooser does; a person already in
 * the group is not added twice. In a training everyone is a participant. */
void        opora_group_editor_add_member (OporaGroupEditor *self,
                                           OporaGroupMember *candidate);
/* Reads the fields and saves; TRUE when saved (the editor then emits "saved" and closes).
 * The Save button and Ctrl+S call it. */
gboolean    opora_group_editor_save       (OporaGroupEditor *self);

/* signal: "saved" (OporaGroup *group) */

G_END_DECLS
