/* The institution's details: the single row of the `institution` table. */
#pragma once

#include "opora-institution.h"
#include "opora-store.h"

G_BEGIN_DECLS

/* A new object with the saved details (empty fields read as ""); NULL with @error when the
 * database cannot be read. */
OporaInstitution *opora_store_load_institution (OporaStore        *self,
                                                GError           **error);

/* Writes every field of @institution in one transaction and emits "changed"
 * ("institution") on commit; the author of the change is recorded. */
gboolean          opora_store_save_institution (OporaStore        *self,
                                                OporaInstitution  *institution,
                                                GError           **error);

G_END_DECLS
