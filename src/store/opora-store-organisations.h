/* Partner organisations (организации-партнёры) and their agreements on interaction
 * (соглашения): saving an organisation with its agreements, loading it, and the lazy list
 * with search, filters and sorting done by the database. */
#pragma once

#include <gio/gio.h>

#include "opora-organisation.h"
#include "opora-store.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_ORGANISATION_SORT_NAME,
  OPORA_ORGANISATION_SORT_KIND, /* in the order of OporaOrganisationKind, then by name */
} OporaOrganisationSort;

/* What the list shows. A zeroed struct (or NULL) means every organisation by name. */
typedef struct
{
  const char            *search;      /* words in the name, profile, contacts, address or an
                                       * agreement's number, any case; NULL or "" for all */
  OporaOrganisationKind  kind;        /* NONE for every kind */
  const char            *in_force_on; /* ISO date: only those with an agreement in force
                                       * then; NULL for all */
  OporaOrganisationSort  sort;
  gboolean               descending;
} OporaOrganisationQuery;

/* Writes @organisation and makes its agreements in the database match its list (new ones
 * inserted, changed ones updated, missing ones deleted), all in one transaction. The rules
 * of opora_organisation_validate() are checked first; on any refusal nothing is written and
 * @organisation is left as it was. On success the new ids are set on @organisation and its
 * agreements, and "changed" is emitted for "organisation" (and "agreement"). */
gboolean           opora_store_save_organisation   (OporaStore                   *self,
                                                    OporaOrganisation            *organisation,
                                                    GError                      **error);

/* The organisation with its agreements (by signing date); NULL with OPORA_ERROR_NOT_FOUND
 * when there is no such organisation. */
OporaOrganisation *opora_store_load_organisation   (OporaStore                   *self,
                                                    gint64                        id,
                                                    GError                      **error);

/* A lazy list of OporaOrganisation (each with its agreements) matching @query; it reloads
 * itself whenever organisations or agreements change. */
GListModel        *opora_store_list_organisations  (OporaStore                   *self,
                                                    const OporaOrganisationQuery *query);
/* Changes what a list from opora_store_list_organisations() shows. */
void               opora_store_query_organisations (GListModel                   *list,
                                                    const OporaOrganisationQuery *query);

/* How many organisations have an agreement in force on @iso_date: signed on or before it,
 * and open-ended or valid until that day or later. */
guint              opora_store_count_organisations_with_agreement_in_force
                                                   (OporaStore                   *self,
                                                    const char                   *iso_date);

G_END_DECLS
