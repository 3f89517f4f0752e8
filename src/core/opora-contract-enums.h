/* The closed sets of values of social contracts (социальный контракт), their adaptation
 * programmes and the technologies of social work (технологии). Each has the text stored in
 * the database (to_string/from_string) and a translated name for people (display_name). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  OPORA_CONTRACT_STATUS_ACTIVE,
  OPORA_CONTRACT_STATUS_COMPLETED,
  OPORA_CONTRACT_STATUS_TERMINATED, /* ended early, with a reason */
} OporaContractStatus;

/* A measure of the programme of social adaptation. NONE: not chosen yet (refused on save). */
typedef enum
{
  OPORA_MEASURE_TYPE_NONE,
  OPORA_MEASURE_TYPE_EMPLOYMENT,
  OPORA_MEASURE_TYPE_TRAINING,
  OPORA_MEASURE_TYPE_ENTREPRENEURSHIP,
  OPORA_MEASURE_TYPE_SUBSIDIARY_FARM,
  OPORA_MEASURE_TYPE_FINANCIAL_LITERACY,
  OPORA_MEASURE_TYPE_ALIMONY,
  OPORA_MEASURE_TYPE_KINDERGARTEN,
  OPORA_MEASURE_TYPE_OTHER,
} OporaMeasureType;

typedef enum
{
  OPORA_MEASURE_STATUS_PLANNED,
  OPORA_MEASURE_STATUS_IN_PROGRESS,
  OPORA_MEASURE_STATUS_DONE,
  OPORA_MEASURE_STATUS_NOT_DONE,
} OporaMeasureStatus;

/* How the situation changed (фактическое изменение ситуации). NONE: not chosen yet. */
typedef enum
{
  OPORA_SITUATION_NONE,
  OPORA_SITUATION_BETTER,
  OPORA_SITUATION_UNCHANGED,
  OPORA_SITUATION_WORSE,
} OporaSituation;

/* The five technologies of social work. NONE: not chosen yet. */
typedef enum
{
  OPORA_TECHNOLOGY_NONE,
  OPORA_TECHNOLOGY_PEER,      /* «Равный – равному» */
  OPORA_TECHNOLOGY_AGENT,     /* «Социальный агент» */
  OPORA_TECHNOLOGY_LIFT,      /* «Социальный лифт» */
  OPORA_TECHNOLOGY_MEDIATION, /* социальное посредничество */
  OPORA_TECHNOLOGY_MENTORING, /* «Наставничество СО НКО» */
} OporaTechnology;

/* Whether a person who leaves a technology said they are satisfied. */
typedef enum
{
  OPORA_SATISFIED_UNKNOWN, /* not asked, or no answer */
  OPORA_SATISFIED_YES,
  OPORA_SATISFIED_NO,
} OporaSatisfied;

/* Money in roubles. An amount that was not given is OPORA_AMOUNT_NONE, the lowest double,
 * so that a negative amount typed by mistake stays visible to the rule that refuses it. */
#define OPORA_AMOUNT_NONE          (-G_MAXDOUBLE)
#define OPORA_AMOUNT_IS_SET(x)     ((x) > OPORA_AMOUNT_NONE)

#define OPORA_TYPE_CONTRACT_STATUS (opora_contract_status_get_type ())
#define OPORA_TYPE_MEASURE_TYPE    (opora_measure_type_get_type ())
#define OPORA_TYPE_MEASURE_STATUS  (opora_measure_status_get_type ())
#define OPORA_TYPE_SITUATION       (opora_situation_get_type ())
#define OPORA_TYPE_TECHNOLOGY      (opora_technology_get_type ())
#define OPORA_TYPE_SATISFIED       (opora_satisfied_get_type ())

GType       opora_contract_status_get_type      (void) G_GNUC_CONST;
GType       opora_measure_type_get_type         (void) G_GNUC_CONST;
GType       opora_measure_status_get_type       (void) G_GNUC_CONST;
GType       opora_situation_get_type            (void) G_GNUC_CONST;
GType       opora_technology_get_type           (void) G_GNUC_CONST;
GType       opora_satisfied_get_type            (void) G_GNUC_CONST;

/* to_string gives the stored text ("in_progress"), NULL for a NONE value.
 * from_string is FALSE for NULL or unknown text and leaves @out untouched. */
const char *opora_contract_status_to_string     (OporaContractStatus  status);
gboolean    opora_contract_status_from_string   (const char          *text,
                                                 OporaContractStatus *out);
const char *opora_contract_status_display_name  (OporaContractStatus  status);

const char *opora_measure_type_to_string        (OporaMeasureType     type);
gboolean    opora_measure_type_from_string      (const char          *text,
                                                 OporaMeasureType    *out);
const char *opora_measure_type_display_name     (OporaMeasureType     type);

const char *opora_measure_status_to_string      (OporaMeasureStatus   status);
gboolean    opora_measure_status_from_string    (const char          *text,
                                                 OporaMeasureStatus  *out);
const char *opora_measure_status_display_name   (OporaMeasureStatus   status);

const char *opora_situation_to_string           (OporaSituation       situation);
gboolean    opora_situation_from_string         (const char          *text,
                                                 OporaSituation      *out);
const char *opora_situation_display_name        (OporaSituation       situation);

const char *opora_technology_to_string          (OporaTechnology      technology);
gboolean    opora_technology_from_string        (const char          *text,
                                                 OporaTechnology     *out);
const char *opora_technology_display_name       (OporaTechnology      technology);

const char *opora_satisfied_display_name        (OporaSatisfied       satisfied);

G_END_DECLS
