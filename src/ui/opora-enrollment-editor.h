/* The editor of an enrollment (участие в технологии): which technology, from when until
 * when, the specialist responsible, and whether the person said they are satisfied. */
#pragma once

#include <adwaita.h>

#include "opora-enrollment.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_ENROLLMENT_EDITOR (opora_enrollment_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaEnrollmentEditor, opora_enrollment_editor,
                      OPORA, ENROLLMENT_EDITOR, AdwWindow)

/* Edits a copy of @enrollment, or a new enrollment of @person_id when it is NULL. Signal
 * "saved" (gint64 id) after a save; the window then closes. */
OporaEnrollmentEditor *opora_enrollment_editor_new  (OporaStore            *store,
                                                     OporaEnrollment       *enrollment,
                                                     gint64                 person_id);
/* What the Save button does: TRUE when saved. */
gboolean               opora_enrollment_editor_save (OporaEnrollmentEditor *self);

G_END_DECLS
