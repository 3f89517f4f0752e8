/* The editor of a social contract (социальный контракт): a wide window with the contract's
 * fields, its programme of measures edited in place, the programme analysis, the outcome
 * and the monitoring acts. Save writes everything with one store call; a refused field
 * says why right under it and nothing is written. */
#pragma once

#include <adwaita.h>

#include "opora-contract.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_CONTRACT_EDITOR (opora_contract_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaContractEditor, opora_contract_editor,
                      OPORA, CONTRACT_EDITOR, AdwWindow)

/* Edits a copy of @contract (as opora_store_load_contract() gives it), or a new contract
 * when @contract is NULL. Signal "saved" (gint64 id) is emitted after a save, and the
 * window closes. */
OporaContractEditor *opora_contract_editor_new           (OporaStore          *store,
                                                          OporaContract       *contract);
/* Makes @person_id the applicant (and the applicant's family the contract's family). */
void                 opora_contract_editor_set_applicant (OporaContractEditor *self,
                                                          gint64               person_id);
/* The contract being edited: what Save writes. */
OporaContract       *opora_contract_editor_get_contract  (OporaContractEditor *self);
/* What the Save button does: TRUE when saved (the window then closes). */
gboolean             opora_contract_editor_save          (OporaContractEditor *self);

G_END_DECLS
