/* The editor of one survey response (анкета), filled in from a person's page: the date the
 * form was filled in and an answer to each question — «Да» / «Нет» buttons, a choice, check
 * boxes or text — under the survey's greeting and introduction. Save goes through one store
 * call; a refused field shows its message under it and nothing is saved. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"
#include "opora-survey.h"

G_BEGIN_DECLS

#define OPORA_TYPE_SURVEY_RESPONSE_EDITOR (opora_survey_response_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveyResponseEditor, opora_survey_response_editor,
                      OPORA, SURVEY_RESPONSE_EDITOR, AdwWindow)

/* Edits a copy of @response (its template id and person id set; its id 0 for a new one)
 * with the questions of @survey, the template it answers. @person_name is shown at the
 * top. */
GtkWidget           *opora_survey_response_editor_new      (OporaStore          *store,
                                                            OporaSurveyTemplate *survey,
                                                            OporaSurveyResponse *response,
                                                            const char          *person_name);

/* Opens a new response of @person_id to template @template_id (0: the built-in survey),
 * dated today, transient for @parent's window. When the person or the template cannot be
 * read, says so in a message dialog instead and returns NULL. */
GtkWindow           *opora_survey_response_editor_present  (GtkWidget           *parent,
                                                            OporaStore          *store,
                                                            gint64               person_id,
                                                            gint64               template_id);
/* Opens the saved response @response_id in the same way. */
GtkWindow           *opora_survey_response_editor_present_response
                                                           (GtkWidget           *parent,
                                                            OporaStore          *store,
                                                            gint64               response_id);

OporaSurveyResponse *opora_survey_response_editor_get_response
                                                           (OporaSurveyResponseEditor *self);
/* Saves as the Save button does: TRUE and closes when saved, else shows why and stays. */
gboolean             opora_survey_response_editor_save     (OporaSurveyResponseEditor *self);

/* signal: "saved" (OporaSurveyResponse *response) */

G_END_DECLS
