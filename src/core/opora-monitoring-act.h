/* Monitoring of living conditions after a social contract ends (мониторинг условий жизни):
 * for 12 months after the end, one act a month with the per-capita income, employment and
 * living conditions. OporaMonitoringDue is an act that is due and not yet written. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OPORA_MONITORING_MONTHS 12

#define OPORA_TYPE_MONITORING_ACT (opora_monitoring_act_get_type ())
G_DECLARE_FINAL_TYPE (OporaMonitoringAct, opora_monitoring_act, OPORA, MONITORING_ACT, GObject)

OporaMonitoringAct *opora_monitoring_act_new                   (void);
OporaMonitoringAct *opora_monitoring_act_copy                  (OporaMonitoringAct  *self);

gint64              opora_monitoring_act_get_id                (OporaMonitoringAct  *self);
void                opora_monitoring_act_set_id                (OporaMonitoringAct  *self,
                                                                gint64               id);
gint64              opora_monitoring_act_get_contract_id       (OporaMonitoringAct  *self);
void                opora_monitoring_act_set_contract_id       (OporaMonitoringAct  *self,
                                                                gint64               id);
/* 1–12: the month after the contract's end the act is for. */
int                 opora_monitoring_act_get_month_no          (OporaMonitoringAct  *self);
void                opora_monitoring_act_set_month_no          (OporaMonitoringAct  *self,
                                                                int                  month_no);
/* ISO 'YYYY-MM-DD' or NULL. */
const char         *opora_monitoring_act_get_act_on            (OporaMonitoringAct  *self);
void                opora_monitoring_act_set_act_on            (OporaMonitoringAct  *self,
                                                                const char          *iso);
/* OPORA_AMOUNT_NONE when not given. */
double              opora_monitoring_act_get_income_per_capita (OporaMonitoringAct  *self);
void                opora_monitoring_act_set_income_per_capita (OporaMonitoringAct  *self,
                                                                double               income);
const char         *opora_monitoring_act_get_employment        (OporaMonitoringAct  *self);
void                opora_monitoring_act_set_employment        (OporaMonitoringAct  *self,
                                                                const char          *text);
const char         *opora_monitoring_act_get_living_conditions (OporaMonitoringAct  *self);
void                opora_monitoring_act_set_living_conditions (OporaMonitoringAct  *self,
                                                                const char          *text);

/* The act's own rules (month 1–12, a real date, income not negative); the rules that need
 * the contract (after the term end, one act a month) are opora_contract_validate()'s.
 * @field gets the property at fault. */
gboolean            opora_monitoring_act_validate              (OporaMonitoringAct  *self,
                                                                const char         **field,
                                                                GError             **error);


#define OPORA_TYPE_MONITORING_DUE (opora_monitoring_due_get_type ())
G_DECLARE_FINAL_TYPE (OporaMonitoringDue, opora_monitoring_due, OPORA, MONITORING_DUE, GObject)

/* Act @month_no of the contract @contract_id, due on @due_on (ISO). Read-only properties:
 * "contract-id", "contract-number", "person-id", "person-name", "month-no", "due-on",
 * "due-on-display". */
OporaMonitoringDue *opora_monitoring_due_new                   (gint64               contract_id,
                                                                const char          *number,
                                                                gint64               person_id,
                                                                const char          *person_name,
                                                                int                  month_no,
                                                                const char          *due_on);
gint64              opora_monitoring_due_get_contract_id       (OporaMonitoringDue  *self);
const char         *opora_monitoring_due_get_contract_number   (OporaMonitoringDue  *self);
gint64              opora_monitoring_due_get_person_id         (OporaMonitoringDue  *self);
const char         *opora_monitoring_due_get_person_name       (OporaMonitoringDue  *self);
int                 opora_monitoring_due_get_month_no          (OporaMonitoringDue  *self);
const char         *opora_monitoring_due_get_due_on            (OporaMonitoringDue  *self);

G_END_DECLS
