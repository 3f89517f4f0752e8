/* Enrollment (участие в технологии): a person takes part in one technology of social work
 * from a date until a date, with the staff member responsible; when the person leaves,
 * whether they said they are satisfied. A person may take part in several technologies. */
#pragma once

#include <glib-object.h>

#include "opora-contract-enums.h"

G_BEGIN_DECLS

#define OPORA_TYPE_ENROLLMENT (opora_enrollment_get_type ())
G_DECLARE_FINAL_TYPE (OporaEnrollment, opora_enrollment, OPORA, ENROLLMENT, GObject)

OporaEnrollment *opora_enrollment_new            (void);
OporaEnrollment *opora_enrollment_copy           (OporaEnrollment  *self);

gint64           opora_enrollment_get_id         (OporaEnrollment  *self);
void             opora_enrollment_set_id         (OporaEnrollment  *self,
                                                  gint64            id);
gint64           opora_enrollment_get_person_id  (OporaEnrollment  *self);
void             opora_enrollment_set_person_id  (OporaEnrollment  *self,
                                                  gint64            id);
OporaTechnology  opora_enrollment_get_technology (OporaEnrollment  *self);
void             opora_enrollment_set_technology (OporaEnrollment  *self,
                                                  OporaTechnology   technology);
/* ISO 'YYYY-MM-DD'; "until-on" NULL while the person still takes part. */
const char      *opora_enrollment_get_from_on    (OporaEnrollment  *self);
void             opora_enrollment_set_from_on    (OporaEnrollment  *self,
                                                  const char       *iso);
const char      *opora_enrollment_get_until_on   (OporaEnrollment  *self);
void             opora_enrollment_set_until_on   (OporaEnrollment  *self,
                                                  const char       *iso);
/* The staff member responsible; 0 for none. */
gint64           opora_enrollment_get_staff_id   (OporaEnrollment  *self);
void             opora_enrollment_set_staff_id   (OporaEnrollment  *self,
                                                  gint64            id);
OporaSatisfied   opora_enrollment_get_satisfied  (OporaEnrollment  *self);
void             opora_enrollment_set_satisfied  (OporaEnrollment  *self,
                                                  OporaSatisfied    satisfied);

/* Filled by the store for lists ("staff-name"); read-only "technology-display",
 * "from-on-display", "until-on-display", "period-display", "satisfied-display". */
const char      *opora_enrollment_get_staff_name (OporaEnrollment  *self);
void             opora_enrollment_set_staff_name (OporaEnrollment  *self,
                                                  const char       *name);

/* The person, the technology and the first day are required; the last day, when given, is
 * not before the first. @field gets the property at fault. */
gboolean         opora_enrollment_validate       (OporaEnrollment  *self,
                                                  const char      **field,
                                                  GError          **error);

G_END_DECLS
