/* A person (гражданин, получатель социальных услуг): who a contract, an enrollment, a
 * survey response is about. May belong to a family, with a relation to it. */
#pragma once

#include <glib-object.h>

#include "opora-people-enums.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PERSON (opora_person_get_type ())
G_DECLARE_FINAL_TYPE (OporaPerson, opora_person, OPORA, PERSON, GObject)

OporaPerson   *opora_person_new                 (void);
OporaPerson   *opora_person_copy                (OporaPerson   *self);

/* 0 for a person not saved yet. */
gint64         opora_person_get_id              (OporaPerson   *self);
void           opora_person_set_id              (OporaPerson   *self,
                                                 gint64         id);
/* Text is trimmed; blank text reads back as NULL. */
const char    *opora_person_get_surname         (OporaPerson   *self);
void           opora_person_set_surname         (OporaPerson   *self,
                                                 const char    *surname);
const char    *opora_person_get_name            (OporaPerson   *self);
void           opora_person_set_name            (OporaPerson   *self,
                                                 const char    *name);
const char    *opora_person_get_patronymic      (OporaPerson   *self);
void           opora_person_set_patronymic      (OporaPerson   *self,
                                                 const char    *patronymic);
/* ISO 'YYYY-MM-DD' or NULL; kept as given so that validation can refuse a bad one. */
const char    *opora_person_get_birth_date      (OporaPerson   *self);
void           opora_person_set_birth_date      (OporaPerson   *self,
                                                 const char    *birth_date);
OporaSex       opora_person_get_sex             (OporaPerson   *self);
void           opora_person_set_sex             (OporaPerson   *self,
                                                 OporaSex       sex);
/* Accepts "112-233-445 95" as typed; a valid number reads back as its 11 digits, anything
 * else is kept as typed for validation to refuse. NULL: no SNILS. */
const char    *opora_person_get_snils           (OporaPerson   *self);
void           opora_person_set_snils           (OporaPerson   *self,
                                                 const char    *snils);
/* Kept in the form opora_person_normalize_phone() gives. */
const char    *opora_person_get_phone           (OporaPerson   *self);
void           opora_person_set_phone           (OporaPerson   *self,
                                                 const char    *phone);
const char    *opora_person_get_address         (OporaPerson   *self);
void           opora_person_set_address         (OporaPerson   *self,
                                                 const char    *address);
const char    *opora_person_get_district        (OporaPerson   *self);
void           opora_person_set_district        (OporaPerson   *self,
                                                 const char    *district);
const char    *opora_person_get_notes           (OporaPerson   *self);
void           opora_person_set_notes           (OporaPerson   *self,
                                                 const char    *notes);
/* 0: no family. The relation is only stored along with a family. */
gint64         opora_person_get_family_id       (OporaPerson   *self);
void           opora_person_set_family_id       (OporaPerson   *self,
                                                 gint64         family_id);
OporaRelation  opora_person_get_relation        (OporaPerson   *self);
void           opora_person_set_relation        (OporaPerson   *self,
                                                 OporaRelation  relation);
/* The family's name, filled by the store when it reads the person; never saved. */
const char    *opora_person_get_family_name     (OporaPerson   *self);
void           opora_person_set_family_name     (OporaPerson   *self,
                                                 const char    *family_name);

/* "Иванов Иван Иванович": the parts that are set, in that order. */
char          *opora_person_dup_full_name       (OporaPerson   *self);

/* Surname, name and sex are required; the birth date must be a calendar date from 1900 to
 * today; a SNILS must pass its checksum. On refusal sets @error and @field to the
 * property at fault ("surname", "name", "sex", "birth-date", "snils"). */
gboolean       opora_person_validate            (OporaPerson   *self,
                                                 const char   **field,
                                                 GError       **error);

/* A Russian number typed in any usual way ("8 (912) 345-67-89", "9123456789",
 * "+7 912 345 67 89") becomes "+79123456789"; other text is only trimmed (a local
 * landline, an extension). NULL for blank text. */
char          *opora_person_normalize_phone     (const char    *text);
/* "+79123456789" → "+7 912 345-67-89"; other text as it is. */
char          *opora_person_format_phone        (const char    *phone);

G_END_DECLS
