/* An agreement on interaction (соглашение о взаимодействии) between the centre and a partner
 * organisation: its number, the day it was signed and the day it ends (none: open-ended). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OPORA_TYPE_AGREEMENT (opora_agreement_get_type ())
G_DECLARE_FINAL_TYPE (OporaAgreement, opora_agreement, OPORA, AGREEMENT, GObject)

OporaAgreement *opora_agreement_new                 (void);
OporaAgreement *opora_agreement_copy                (OporaAgreement  *self);

/* 0 until the store saves it. */
gint64          opora_agreement_get_id              (OporaAgreement  *self);
void            opora_agreement_set_id              (OporaAgreement  *self,
                                                     gint64           id);
gint64          opora_agreement_get_organisation_id (OporaAgreement  *self);
void            opora_agreement_set_organisation_id (OporaAgreement  *self,
                                                     gint64           organisation_id);
const char     *opora_agreement_get_number          (OporaAgreement  *self);
void            opora_agreement_set_number          (OporaAgreement  *self,
                                                     const char      *number);
/* Dates are ISO 'YYYY-MM-DD' or NULL; empty text is NULL. */
const char     *opora_agreement_get_signed_on       (OporaAgreement  *self);
void            opora_agreement_set_signed_on       (OporaAgreement  *self,
                                                     const char      *signed_on);
const char     *opora_agreement_get_valid_until     (OporaAgreement  *self);
void            opora_agreement_set_valid_until     (OporaAgreement  *self,
                                                     const char      *valid_until);

/* In force on @iso_date: signed on or before it and not ended before it. */
gboolean        opora_agreement_is_in_force         (OporaAgreement  *self,
                                                     const char      *iso_date);

/* "No. 12 of 01.02.2023, until 31.12.2024" (translated), for lists and summaries. */
char           *opora_agreement_describe            (OporaAgreement  *self);

/* Checks the agreement's own rules. On refusal sets @error (OPORA_ERROR_REQUIRED,
 * OPORA_ERROR_INVALID_DATE, OPORA_ERROR_DATE_ORDER) and @field to the property at fault
 * ("number", "signed-on", "valid-until"). */
gboolean        opora_agreement_validate            (OporaAgreement  *self,
                                                     const char     **field,
                                                     GError         **error);

G_END_DECLS
