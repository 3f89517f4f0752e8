/* The surveys of one person, as a group of the person's page: «Заполнить анкету» opens the
 * response editor on the built-in survey (its menu offers the others), and the list holds
 * the person's responses, the latest first — one opens in the response editor, and can be
 * deleted with Undo. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PERSON_SURVEYS (opora_person_surveys_get_type ())
G_DECLARE_FINAL_TYPE (OporaPersonSurveys, opora_person_surveys,
                      OPORA, PERSON_SURVEYS, AdwPreferencesGroup)

GtkWidget *opora_person_surveys_new        (OporaStore         *store,
                                            gint64              person_id);
/* Shows the surveys of @person_id in @store (a group made by a .ui has neither at first). */
void       opora_person_surveys_set_person (OporaPersonSurveys *self,
                                            OporaStore         *store,
                                            gint64              person_id);

G_END_DECLS
