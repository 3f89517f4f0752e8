/* A measure (мероприятие) of the programme of social adaptation of a social contract:
 * what the person needs, when it is planned, whether it was done. A financial-literacy
 * measure also records whether the person was informed of online learning resources and
 * the social certificate (сертификат на социальные услуги) issued, if any. */
#pragma once

#include <glib-object.h>

#include "opora-contract-enums.h"

G_BEGIN_DECLS

#define OPORA_TYPE_MEASURE (opora_measure_get_type ())
G_DECLARE_FINAL_TYPE (OporaMeasure, opora_measure, OPORA, MEASURE, GObject)

OporaMeasure       *opora_measure_new                 (void);
OporaMeasure       *opora_measure_copy                (OporaMeasure        *self);

gint64              opora_measure_get_id              (OporaMeasure        *self);
void                opora_measure_set_id              (OporaMeasure        *self,
                                                       gint64               id);
gint64              opora_measure_get_contract_id     (OporaMeasure        *self);
void                opora_measure_set_contract_id     (OporaMeasure        *self,
                                                       gint64               contract_id);
OporaMeasureType    opora_measure_get_measure_type    (OporaMeasure        *self);
void                opora_measure_set_measure_type    (OporaMeasure        *self,
                                                       OporaMeasureType     type);
const char         *opora_measure_get_need            (OporaMeasure        *self);
void                opora_measure_set_need            (OporaMeasure        *self,
                                                       const char          *need);
/* Dates are ISO 'YYYY-MM-DD' or NULL. */
const char         *opora_measure_get_planned_on      (OporaMeasure        *self);
void                opora_measure_set_planned_on      (OporaMeasure        *self,
                                                       const char          *planned_on);
OporaMeasureStatus  opora_measure_get_status          (OporaMeasure        *self);
void                opora_measure_set_status          (OporaMeasure        *self,
                                                       OporaMeasureStatus   status);
const char         *opora_measure_get_done_on         (OporaMeasure        *self);
void                opora_measure_set_done_on         (OporaMeasure        *self,
                                                       const char          *done_on);
const char         *opora_measure_get_note            (OporaMeasure        *self);
void                opora_measure_set_note            (OporaMeasure        *self,
                                                       const char          *note);
/* Financial literacy only; ignored (and stored as nothing) for other types. */
gboolean            opora_measure_get_informed_online (OporaMeasure        *self);
void                opora_measure_set_informed_online (OporaMeasure        *self,
                                                       gboolean             informed);
const char         *opora_measure_get_certificate     (OporaMeasure        *self);
void                opora_measure_set_certificate     (OporaMeasure        *self,
                                                       const char          *certificate);

/* TRUE when the type keeps the online-resources flag and the social certificate. */
gboolean            opora_measure_type_has_certificate (OporaMeasureType    type);

/* Checks the measure's own rules. On refusal sets @error (OPORA_ERROR_REQUIRED,
 * OPORA_ERROR_INVALID_DATE) and @field to the property at fault ("done-on"). */
gboolean            opora_measure_validate            (OporaMeasure        *self,
                                                       const char         **field,
                                                       GError             **error);

G_END_DECLS
