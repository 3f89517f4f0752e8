/* The targets of a technology's indicators (целевые значения), as the head of department
 * sets them: a row per indicator with its target — a percentage, a number for a count,
 * or "no target" — and a way back to the default the seed set. Saving writes every
 * change in one transaction; a refused value is shown next to its field and nothing is
 * saved. */
#pragma once

#include <adwaita.h>

#include "opora-contract-enums.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_TARGETS_DIALOG (opora_targets_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OporaTargetsDialog, opora_targets_dialog, OPORA, TARGETS_DIALOG, AdwWindow)

GtkWidget   *opora_targets_dialog_new          (OporaStore         *store,
                                                OporaTechnology     technology);

/* The target field of @indicator_id (its text: "60" for 60 %, "4" for a count), and its
 * "No target" check button; NULL for an indicator not in the dialog. */
GtkEditable *opora_targets_dialog_get_entry    (OporaTargetsDialog *self,
                                                const char         *indicator_id);
GtkCheckButton *
             opora_targets_dialog_get_no_target (OporaTargetsDialog *self,
                                                const char         *indicator_id);
/* Puts the default back into the row of @indicator_id (saved with the rest). */
void         opora_targets_dialog_reset_row    (OporaTargetsDialog *self,
                                                const char         *indicator_id);
/* What Save does: TRUE when everything was saved (the dialog then closes and "saved"
 * is emitted); FALSE with the refusals shown next to their fields. */
gboolean     opora_targets_dialog_save         (OporaTargetsDialog *self);
/* The refusal shown next to the field of @indicator_id, or NULL. */
const char  *opora_targets_dialog_get_error    (OporaTargetsDialog *self,
                                                const char         *indicator_id);

G_END_DECLS
