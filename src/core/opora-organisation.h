/* A partner organisation (организация-партнёр): who it is, the help it gives (profile), how
 * to reach it and on what conditions, and its agreements on interaction (соглашения). */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "opora-agreement.h"

G_BEGIN_DECLS

/* What kind of organisation it is. NONE: not chosen yet (refused on save, never stored). */
typedef enum
{
  OPORA_ORGANISATION_KIND_NONE,
  OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE, /* центр занятости */
  OPORA_ORGANISATION_KIND_EDUCATION,         /* управление образования */
  OPORA_ORGANISATION_KIND_BAILIFFS,          /* служба судебных приставов */
  OPORA_ORGANISATION_KIND_COLLEGE,           /* колледж */
  OPORA_ORGANISATION_KIND_BUSINESS_FUND,     /* фонд поддержки предпринимательства */
  OPORA_ORGANISATION_KIND_YOUTH_CENTRE,      /* молодёжный центр */
  OPORA_ORGANISATION_KIND_NGO,               /* НКО */
  OPORA_ORGANISATION_KIND_OTHER,
} OporaOrganisationKind;

#define OPORA_ORGANISATION_KIND_LAST OPORA_ORGANISATION_KIND_OTHER

#define OPORA_TYPE_ORGANISATION_KIND (opora_organisation_kind_get_type ())
GType                  opora_organisation_kind_get_type     (void) G_GNUC_CONST;

/* The text stored in the database ("employment_centre"); NULL for NONE. */
const char            *opora_organisation_kind_to_string    (OporaOrganisationKind  kind);
/* NONE for NULL or text that names no kind. */
OporaOrganisationKind  opora_organisation_kind_from_string  (const char            *text);
/* The translated name for people («Центр занятости»). */
const char            *opora_organisation_kind_display_name (OporaOrganisationKind  kind);

#define OPORA_TYPE_ORGANISATION (opora_organisation_get_type ())
G_DECLARE_FINAL_TYPE (OporaOrganisation, opora_organisation, OPORA, ORGANISATION, GObject)

OporaOrganisation     *opora_organisation_new               (void);
/* A deep copy: the agreements are copied too, so an editor can change them freely. */
OporaOrganisation     *opora_organisation_copy              (OporaOrganisation     *self);

/* 0 until the store saves it. */
gint64                 opora_organisation_get_id            (OporaOrganisation     *self);
void                   opora_organisation_set_id            (OporaOrganisation     *self,
                                                             gint64                 id);
const char            *opora_organisation_get_name          (OporaOrganisation     *self);
void                   opora_organisation_set_name          (OporaOrganisation     *self,
                                                             const char            *name);
OporaOrganisationKind  opora_organisation_get_kind          (OporaOrganisation     *self);
void                   opora_organisation_set_kind          (OporaOrganisation     *self,
                                                             OporaOrganisationKind  kind);
/* The help it gives. Empty text is NULL for every text field. */
const char            *opora_organisation_get_profile       (OporaOrganisation     *self);
void                   opora_organisation_set_profile       (OporaOrganisation     *self,
                                                             const char            *profile);
const char            *opora_organisation_get_contacts      (OporaOrganisation     *self);
void                   opora_organisation_set_contacts      (OporaOrganisation     *self,
                                                             const char            *contacts);
const char            *opora_organisation_get_address       (OporaOrganisation     *self);
void                   opora_organisation_set_address       (OporaOrganisation     *self,
                                                             const char            *address);
/* Working hours. */
const char            *opora_organisation_get_hours         (OporaOrganisation     *self);
void                   opora_organisation_set_hours         (OporaOrganisation     *self,
                                                             const char            *hours);
/* The conditions on which it helps. */
const char            *opora_organisation_get_conditions    (OporaOrganisation     *self);
void                   opora_organisation_set_conditions    (OporaOrganisation     *self,
                                                             const char            *conditions);

/* The agreements, a list of OporaAgreement owned by @self. */
GListModel            *opora_organisation_get_agreements    (OporaOrganisation     *self);
void                   opora_organisation_add_agreement     (OporaOrganisation     *self,
                                                             OporaAgreement        *agreement);
void                   opora_organisation_remove_agreement  (OporaOrganisation     *self,
                                                             OporaAgreement        *agreement);
void                   opora_organisation_clear_agreements  (OporaOrganisation     *self);

/* The agreement in force on @iso_date that runs longest (open-ended first), or NULL. */
OporaAgreement        *opora_organisation_get_agreement_in_force (OporaOrganisation *self,
                                                                  const char        *iso_date);
gboolean               opora_organisation_has_agreement_in_force (OporaOrganisation *self,
                                                                  const char        *iso_date);
/* One line about the agreement that matters on @iso_date: the one in force, else the
 * latest signed, marked expired or not yet in force; NULL when there is none. */
char                  *opora_organisation_describe_agreement (OporaOrganisation    *self,
                                                              const char           *iso_date);

/* Checks one of the organisation's own fields ("name" or "kind"), so a form can show every
 * refused field at once; sets @error as opora_organisation_validate() does. */
gboolean               opora_organisation_validate_field    (OporaOrganisation     *self,
                                                             const char            *field,
                                                             GError               **error);

/* Checks the organisation and each of its agreements. On refusal sets @error
 * (OPORA_ERROR_REQUIRED, OPORA_ERROR_INVALID_DATE, OPORA_ERROR_DATE_ORDER), @field to the
 * property at fault ("name", "kind", or an agreement's "number", "signed-on",
 * "valid-until") and @agreement to the agreement at fault (NULL for the organisation's own
 * fields). @agreement and @field may be NULL. */
gboolean               opora_organisation_validate          (OporaOrganisation     *self,
                                                             OporaAgreement       **agreement,
                                                             const char           **field,
                                                             GError               **error);

G_END_DECLS
