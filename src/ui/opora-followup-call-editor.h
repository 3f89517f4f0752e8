/* The editor of a follow-up call (опрос по телефону) after a peer meeting: who, their
 * phone, the meeting, the first day the call may be made, and what the person said —
 * the day of the call, how the situation changed, whether they are satisfied, a note.
 * A day earlier than one calendar month after the meeting is refused under its field. */
#pragma once

#include <adwaita.h>

#include "opora-peer.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_FOLLOWUP_CALL_EDITOR (opora_followup_call_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaFollowupCallEditor, opora_followup_call_editor,
                      OPORA, FOLLOWUP_CALL_EDITOR, AdwWindow)

/* Edits a copy of @call: a recorded one, or one not yet made (id 0) as the store hands it
 * out (opora_store_get_followup_call(), the calls-due list); the day of a new call is
 * today. */
GtkWidget *opora_followup_call_editor_new  (OporaStore              *store,
                                            OporaFollowupCall       *call);
/* Reads the fields and saves; TRUE when saved (the editor then emits "saved" and closes). */
gboolean   opora_followup_call_editor_save (OporaFollowupCallEditor *self);

/* signal: "saved" (OporaFollowupCall *call) */

G_END_DECLS
