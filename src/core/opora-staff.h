/* A staff member (сотрудник) of the department: who keeps the registries, curates contracts,
 * forms groups. Referred to as curator, coordinator, facilitator and as the author of every
 * change; deleting one clears those references. */
#pragma once

#include <glib-object.h>

#include "opora-people-enums.h"

G_BEGIN_DECLS

#define OPORA_TYPE_STAFF (opora_staff_get_type ())
G_DECLARE_FINAL_TYPE (OporaStaff, opora_staff, OPORA, STAFF, GObject)

OporaStaff    *opora_staff_new              (void);
OporaStaff    *opora_staff_copy             (OporaStaff    *self);

/* 0 for a staff member not saved yet. */
gint64         opora_staff_get_id           (OporaStaff    *self);
void           opora_staff_set_id           (OporaStaff    *self,
                                             gint64         id);
/* Text is trimmed; blank text reads back as NULL. */
const char    *opora_staff_get_full_name    (OporaStaff    *self);
void           opora_staff_set_full_name    (OporaStaff    *self,
                                             const char    *full_name);
OporaPosition  opora_staff_get_position     (OporaStaff    *self);
void           opora_staff_set_position     (OporaStaff    *self,
                                             OporaPosition  position);
const char    *opora_staff_get_district     (OporaStaff    *self);
void           opora_staff_set_district     (OporaStaff    *self,
                                             const char    *district);
/* TRUE for a new staff member; an inactive one stays in history but is not offered. */
gboolean       opora_staff_get_active       (OporaStaff    *self);
void           opora_staff_set_active       (OporaStaff    *self,
                                             gboolean       active);

/* Full name and position are required. On refusal sets @error (OPORA_ERROR_REQUIRED)
 * and @field to the property at fault ("full-name", "position"). */
gboolean       opora_staff_validate         (OporaStaff    *self,
                                             const char   **field,
                                             GError       **error);

G_END_DECLS
