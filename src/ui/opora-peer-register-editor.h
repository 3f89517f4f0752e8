/* The editor of an entry of the register of peers (person, consent date, experience) and,
 * in the same shape, of a hand mark of a person who wishes to use others' experience
 * (person, date, note). Save goes through one store call; a refused field shows its
 * message under it and the editor stays open with what was typed. */
#pragma once

#include <adwaita.h>

#include "opora-peer.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PEER_REGISTER_EDITOR (opora_peer_register_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaPeerRegisterEditor, opora_peer_register_editor,
                      OPORA, PEER_REGISTER_EDITOR, AdwWindow)

/* Edits a copy of @entry, or a new entry (consented today) when it is NULL. */
GtkWidget *opora_peer_register_editor_new       (OporaStore              *store,
                                                 OporaPeerRegisterEntry  *entry);
/* Edits the hand mark @wish (its id, date and note), or a new mark made today when NULL. */
GtkWidget *opora_peer_register_editor_new_wish  (OporaStore              *store,
                                                 OporaPeerWish           *wish);
/* Chooses the person, as the chooser would. */
void       opora_peer_register_editor_set_person (OporaPeerRegisterEditor *self,
                                                  gint64                   person_id,
                                                  const char              *person_name);
/* Reads the fields and saves; TRUE when saved (the editor then emits "saved" and closes). */
gboolean   opora_peer_register_editor_save      (OporaPeerRegisterEditor *self);

/* signal: "saved" (GObject *entry_or_wish) */

G_END_DECLS
