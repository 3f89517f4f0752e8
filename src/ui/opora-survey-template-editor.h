/* The editor of a survey template: its title and the texts of the form (greeting,
 * introduction, instructions, closing line), and its questions — added, removed, moved up
 * and down, each with its kind and, for a choice, its options one a line. A question that
 * already has answers says so: changing it keeps the old wording for those answers and
 * asks the new one from then on. Save goes through one store call; a refused field shows
 * its message under it and nothing is saved. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"
#include "opora-survey.h"

G_BEGIN_DECLS

#define OPORA_TYPE_SURVEY_TEMPLATE_EDITOR (opora_survey_template_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveyTemplateEditor, opora_survey_template_editor,
                      OPORA, SURVEY_TEMPLATE_EDITOR, AdwWindow)

/* Edits a copy of @survey (the caller's object is never changed), or a new template with
 * one yes/no question when @survey is NULL. */
GtkWidget           *opora_survey_template_editor_new          (OporaStore                *store,
                                                                OporaSurveyTemplate       *survey);
/* The copy being edited. */
OporaSurveyTemplate *opora_survey_template_editor_get_template (OporaSurveyTemplateEditor *self);
/* Saves as the Save button does: TRUE and closes when saved, else shows why and stays. */
gboolean             opora_survey_template_editor_save         (OporaSurveyTemplateEditor *self);

/* signal: "saved" (OporaSurveyTemplate *survey) */

G_END_DECLS
