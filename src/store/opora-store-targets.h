/* Targets of the indicators (целевые значения), set by the head of department. The
 * catalogue (opora-indicator-catalogue.h) holds the seeds' defaults; a target changed here
 * overrides its default until it is reset, and travels in the interchange format with the
 * rest of the registry (table indicator_target). */
#pragma once

#include "opora-store.h"

G_BEGIN_DECLS

/* The target in force for @indicator_id: the override if there is one, else the
 * catalogue's default. *@target gets a share in [0, 1] (a number for a count indicator) or
 * OPORA_INDICATOR_NO_TARGET; *@overridden (may be NULL) whether it is an override.
 * FALSE with OPORA_ERROR_NOT_FOUND for an id the catalogue does not know. */
gboolean opora_store_get_target   (OporaStore  *self,
                                   const char  *indicator_id,
                                   double      *target,
                                   gboolean    *overridden,
                                   GError     **error);

/* Overrides the target, in one transaction: a share from 0 to 1 for a share indicator
 * (0.6 for 60 %), a count of at least 0 for a count indicator, or
 * OPORA_INDICATOR_NO_TARGET (any negative value) for "no target". Refusals:
 * OPORA_ERROR_NOT_FOUND (unknown id), OPORA_ERROR_INVALID_VALUE (a share above 100 %,
 * not a number); nothing changes then. */
gboolean opora_store_set_target   (OporaStore  *self,
                                   const char  *indicator_id,
                                   double       target,
                                   GError     **error);

/* Back to the catalogue's default, in one transaction. Resetting a target that was never
 * changed is not an error. */
gboolean opora_store_reset_target (OporaStore  *self,
                                   const char  *indicator_id,
                                   GError     **error);

G_END_DECLS
