/* Enrollments of persons in the technologies of social work, in the database. */
#pragma once

#include <gio/gio.h>

#include "opora-enrollment.h"
#include "opora-store.h"

G_BEGIN_DECLS

/* Inserts or updates; on success a new enrollment gets its id. Refusals name the rule
 * (opora_enrollment_validate(), or OPORA_ERROR_NOT_FOUND when the person or the staff
 * member is gone) and @field the property at fault; nothing changes then. */
gboolean         opora_store_save_enrollment         (OporaStore       *self,
                                                      OporaEnrollment  *enrollment,
                                                      const char      **field,
                                                      GError          **error);
OporaEnrollment *opora_store_load_enrollment         (OporaStore       *self,
                                                      gint64            id,
                                                      GError          **error);
/* A person's enrollments, the latest first: a GListModel of OporaEnrollment with
 * "staff-name" filled. */
GListModel      *opora_store_list_person_enrollments (OporaStore       *self,
                                                      gint64            person_id,
                                                      GError          **error);

G_END_DECLS
