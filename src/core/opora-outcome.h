/* The outcome of a social contract (фактическое изменение ситуации), entered when it ends:
 * whether the programme was fully completed, how the situation changed, whether the cause
 * of the difficult life situation was eliminated and the social status raised. The income
 * at the end is the contract's own "income-end". At most one per contract. */
#pragma once

#include <glib-object.h>

#include "opora-contract-enums.h"

G_BEGIN_DECLS

#define OPORA_TYPE_OUTCOME (opora_outcome_get_type ())
G_DECLARE_FINAL_TYPE (OporaOutcome, opora_outcome, OPORA, OUTCOME, GObject)

OporaOutcome   *opora_outcome_new                     (void);
OporaOutcome   *opora_outcome_copy                    (OporaOutcome    *self);

gint64          opora_outcome_get_contract_id         (OporaOutcome    *self);
void            opora_outcome_set_contract_id         (OporaOutcome    *self,
                                                       gint64           id);
gboolean        opora_outcome_get_programme_completed (OporaOutcome    *self);
void            opora_outcome_set_programme_completed (OporaOutcome    *self,
                                                       gboolean         completed);
OporaSituation  opora_outcome_get_situation           (OporaOutcome    *self);
void            opora_outcome_set_situation           (OporaOutcome    *self,
                                                       OporaSituation   situation);
gboolean        opora_outcome_get_cause_eliminated    (OporaOutcome    *self);
void            opora_outcome_set_cause_eliminated    (OporaOutcome    *self,
                                                       gboolean         eliminated);
gboolean        opora_outcome_get_status_raised       (OporaOutcome    *self);
void            opora_outcome_set_status_raised       (OporaOutcome    *self,
                                                       gboolean         raised);
/* When the outcome was entered: ISO 'YYYY-MM-DD'. */
const char     *opora_outcome_get_recorded_on         (OporaOutcome    *self);
void            opora_outcome_set_recorded_on         (OporaOutcome    *self,
                                                       const char      *iso);

/* The situation and the date recorded are required. @field gets the property at fault. */
gboolean        opora_outcome_validate                (OporaOutcome    *self,
                                                       const char     **field,
                                                       GError         **error);

G_END_DECLS
