/* The institution's own details (учреждение): printed on every form. One per database. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OPORA_TYPE_INSTITUTION (opora_institution_get_type ())
G_DECLARE_FINAL_TYPE (OporaInstitution, opora_institution, OPORA, INSTITUTION, GObject)

OporaInstitution *opora_institution_new            (void);

/* Every field is text, never NULL: an unset field reads as "". */
const char       *opora_institution_get_full_name  (OporaInstitution *self);
void              opora_institution_set_full_name  (OporaInstitution *self,
                                                    const char       *full_name);
const char       *opora_institution_get_short_name (OporaInstitution *self);
void              opora_institution_set_short_name (OporaInstitution *self,
                                                    const char       *short_name);
const char       *opora_institution_get_address    (OporaInstitution *self);
void              opora_institution_set_address    (OporaInstitution *self,
                                                    const char       *address);
const char       *opora_institution_get_phone      (OporaInstitution *self);
void              opora_institution_set_phone      (OporaInstitution *self,
                                                    const char       *phone);
const char       *opora_institution_get_city       (OporaInstitution *self);
void              opora_institution_set_city       (OporaInstitution *self,
                                                    const char       *city);
/* The city in the locative, as printed after «в городе»: «Югорске». */
const char       *opora_institution_get_city_locative (OporaInstitution *self);
void              opora_institution_set_city_locative (OporaInstitution *self,
                                                       const char       *city_locative);

/* The name a form prints: the short name, or the full name when no short one is set. */
const char       *opora_institution_get_display_name (OporaInstitution *self);

G_END_DECLS
