/* Staff members (сотрудники): saving, loading, deleting with undo, and the lazy lists the
 * staff page and every "who" chooser (curator, coordinator, "Who I am") show. */
#pragma once

#include <gio/gio.h>

#include "opora-staff.h"
#include "opora-store-records.h"
#include "opora-store.h"

G_BEGIN_DECLS

/* What a staff list shows. A zeroed struct (or NULL) means everyone by name. */
typedef struct
{
  const char *search;      /* words in the full name, any case; NULL or "" for all */
  gboolean    active_only;
  gboolean    descending;  /* by full name */
} OporaStaffQuery;

/* Inserts @staff when its id is 0 (and sets the new id), else updates it; one
 * transaction. The rules of opora_staff_validate() are checked first; on any refusal
 * nothing is written. */
gboolean       opora_store_save_staff       (OporaStore             *self,
                                             OporaStaff             *staff,
                                             GError                **error);

/* NULL with OPORA_ERROR_NOT_FOUND when there is no such staff member. */
OporaStaff    *opora_store_load_staff       (OporaStore             *self,
                                             gint64                  id,
                                             GError                **error);

/* Deletes the staff member; what referred to them (curator, author, …) is cleared, and
 * Undo (opora_store_undo_deletion()) puts it back. */
OporaDeletion *opora_store_delete_staff     (OporaStore             *self,
                                             gint64                  id,
                                             GError                **error);

/* A lazy list of OporaStaff by full name, only the active ones when @active_only; it
 * reloads itself when staff change. */
GListModel    *opora_store_list_staff       (OporaStore             *self,
                                             gboolean                active_only);
/* Changes what a list from opora_store_list_staff() shows, in place. */
void           opora_staff_list_set_query   (GListModel             *list,
                                             const OporaStaffQuery  *query);

G_END_DECLS
