/* The editor of a partner organisation (организация-партнёр) with its agreements on
 * interaction (соглашения) edited in place. Save goes through one store call; a refused
 * field shows its message under it and the editor stays open with what was typed. */
#pragma once

#include <adwaita.h>

#include "opora-organisation.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_ORGANISATION_EDITOR (opora_organisation_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaOrganisationEditor, opora_organisation_editor,
                      OPORA, ORGANISATION_EDITOR, AdwWindow)

/* Edits a copy of @organisation, or a new organisation when it is NULL. */
GtkWidget         *opora_organisation_editor_new              (OporaStore              *store,
                                                               OporaOrganisation       *org);
/* The organisation as edited (saved or not yet). */
OporaOrganisation *opora_organisation_editor_get_organisation (OporaOrganisationEditor *self);

/* Reads the fields and saves; TRUE when saved (the editor then emits "saved" and closes).
 * The Save button and Ctrl+S call it. */
gboolean           opora_organisation_editor_save             (OporaOrganisationEditor *self);

/* signal: "saved" (OporaOrganisation *organisation) — after a successful save */

G_END_DECLS
