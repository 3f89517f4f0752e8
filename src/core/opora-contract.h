/* Social contract (социальный контракт) and its programme of social adaptation (программа
 * социальной адаптации): the applicant and family, the number, the date concluded, the term,
 * the status, the curator, the per-capita income at the start and at the end, the
 * subsistence minimum in force and the causes of the difficult life situation (причины ТЖС).
 *
 * A contract owns its measures, its programme analysis and outcome (each optional) and the
 * monitoring acts written after it ended; the store saves them all together. */
#pragma once

#include <gio/gio.h>

#include "opora-contract-enums.h"
#include "opora-measure.h"
#include "opora-monitoring-act.h"
#include "opora-outcome.h"
#include "opora-programme-analysis.h"

G_BEGIN_DECLS

#define OPORA_TYPE_CONTRACT (opora_contract_get_type ())
G_DECLARE_FINAL_TYPE (OporaContract, opora_contract, OPORA, CONTRACT, GObject)

OporaContract          *opora_contract_new                     (void);
/* A deep copy (measures, analysis, outcome and acts copied too), for an editor to work on. */
OporaContract          *opora_contract_copy                    (OporaContract          *self);

/* 0 until the store saves it. */
gint64                  opora_contract_get_id                  (OporaContract          *self);
void                    opora_contract_set_id                  (OporaContract          *self,
                                                                gint64                  id);
const char             *opora_contract_get_number              (OporaContract          *self);
void                    opora_contract_set_number              (OporaContract          *self,
                                                                const char             *number);
/* The applicant (a person); 0 for none. */
gint64                  opora_contract_get_person_id           (OporaContract          *self);
void                    opora_contract_set_person_id           (OporaContract          *self,
                                                                gint64                  id);
gint64                  opora_contract_get_family_id           (OporaContract          *self);
void                    opora_contract_set_family_id           (OporaContract          *self,
                                                                gint64                  id);
/* Dates are ISO 'YYYY-MM-DD' or NULL; empty text is NULL. */
const char             *opora_contract_get_concluded_on        (OporaContract          *self);
void                    opora_contract_set_concluded_on        (OporaContract          *self,
                                                                const char             *iso);
const char             *opora_contract_get_term_start          (OporaContract          *self);
void                    opora_contract_set_term_start          (OporaContract          *self,
                                                                const char             *iso);
const char             *opora_contract_get_term_end            (OporaContract          *self);
void                    opora_contract_set_term_end            (OporaContract          *self,
                                                                const char             *iso);
OporaContractStatus     opora_contract_get_status              (OporaContract          *self);
void                    opora_contract_set_status              (OporaContract          *self,
                                                                OporaContractStatus     status);
const char             *opora_contract_get_termination_reason  (OporaContract          *self);
void                    opora_contract_set_termination_reason  (OporaContract          *self,
                                                                const char             *reason);
/* The curator (a staff member); 0 for none. */
gint64                  opora_contract_get_curator_id          (OporaContract          *self);
void                    opora_contract_set_curator_id          (OporaContract          *self,
                                                                gint64                  id);
/* Roubles a month per person; OPORA_AMOUNT_NONE when not given. */
double                  opora_contract_get_income_start        (OporaContract          *self);
void                    opora_contract_set_income_start        (OporaContract          *self,
                                                                double                  amount);
double                  opora_contract_get_income_end          (OporaContract          *self);
void                    opora_contract_set_income_end          (OporaContract          *self,
                                                                double                  amount);
double                  opora_contract_get_subsistence_minimum (OporaContract          *self);
void                    opora_contract_set_subsistence_minimum (OporaContract          *self,
                                                                double                  amount);
const char             *opora_contract_get_hardship_causes     (OporaContract          *self);
void                    opora_contract_set_hardship_causes     (OporaContract          *self,
                                                                const char             *causes);

/* Filled by the store when it reads a contract, for lists: the applicant's full name and
 * district, the curator's name. Also properties "person-name", "district",
 * "curator-name"; read-only "concluded-on-display", "term-start-display",
 * "term-end-display", "term-display" ("01.02.2023 – 31.01.2024"), "status-display". */
const char             *opora_contract_get_person_name         (OporaContract          *self);
void                    opora_contract_set_person_name         (OporaContract          *self,
                                                                const char             *name);
const char             *opora_contract_get_district            (OporaContract          *self);
void                    opora_contract_set_district            (OporaContract          *self,
                                                                const char             *district);
const char             *opora_contract_get_curator_name        (OporaContract          *self);
void                    opora_contract_set_curator_name        (OporaContract          *self,
                                                                const char             *name);

/* The programme: a GListModel of OporaMeasure, in the order of the programme. */
GListModel             *opora_contract_get_measures            (OporaContract          *self);
void                    opora_contract_add_measure             (OporaContract          *self,
                                                                OporaMeasure           *measure);
void                    opora_contract_remove_measure          (OporaContract          *self,
                                                                OporaMeasure           *measure);

/* NULL when none was entered; setting NULL removes it on the next save. */
OporaProgrammeAnalysis *opora_contract_get_analysis            (OporaContract          *self);
void                    opora_contract_set_analysis            (OporaContract          *self,
                                                                OporaProgrammeAnalysis *analysis);
OporaOutcome           *opora_contract_get_outcome             (OporaContract          *self);
void                    opora_contract_set_outcome             (OporaContract          *self,
                                                                OporaOutcome           *outcome);

/* A GListModel of OporaMonitoringAct, by month. */
GListModel             *opora_contract_get_monitoring_acts     (OporaContract          *self);
void                    opora_contract_add_monitoring_act      (OporaContract          *self,
                                                                OporaMonitoringAct     *act);
void                    opora_contract_remove_monitoring_act   (OporaContract          *self,
                                                                OporaMonitoringAct     *act);

/* The contract's own fields only. On refusal sets @error with the code naming the rule
 * (OPORA_ERROR_REQUIRED, _INVALID_DATE, _DATE_ORDER, _INVALID_VALUE) and @field to the
 * property at fault ("number", "person-id", "term-end", …). */
gboolean                opora_contract_validate_fields         (OporaContract          *self,
                                                                const char            **field,
                                                                GError                **error);

/* The contract and everything it owns. On refusal @object is the one at fault (the
 * contract, one of its measures, its analysis, its outcome or one of its acts; borrowed)
 * and @field its property. Rules between them: a monitoring act is dated after the term
 * end, and there is one act per month. */
gboolean                opora_contract_validate                (OporaContract          *self,
                                                                GObject               **object,
                                                                const char            **field,
                                                                GError                **error);

G_END_DECLS
