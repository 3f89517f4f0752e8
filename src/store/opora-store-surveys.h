/* Surveys (анкетирование): templates with their questions, and responses with their
 * answers. A question that has answers is never rewritten: saving an edit of it retires it
 * and inserts a new question in its place, so an old response still reads the question it
 * answered. The built-in seed survey is found by code: in SQL, join on
 * survey_template.code = 'peer_consent' and survey_question.code = 'q1' / 'q2' (a question
 * that replaces one of these keeps its code, the retired one keeps it too, so its old
 * answers still count). */
#pragma once

#include <gio/gio.h>

#include "opora-person.h"
#include "opora-store.h"
#include "opora-survey.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_SURVEY_TEMPLATE_SORT_TITLE,     /* the built-in survey first, then by title */
  OPORA_SURVEY_TEMPLATE_SORT_RESPONSES, /* by the number of responses, then by title */
} OporaSurveyTemplateSort;

/* What the list of templates shows. A zeroed struct (or NULL) means all of them. */
typedef struct
{
  const char              *search;     /* words in the title, any case; NULL or "" for all */
  OporaSurveyTemplateSort  sort;
  gboolean                 descending;
} OporaSurveyTemplateQuery;

/* The sort a column asks for by its key ("title", "responses"); TITLE for anything else. */
OporaSurveyTemplateSort  opora_survey_template_sort_from_key (const char *sort_key);

/* Inserts @survey when its id is 0, else updates it, and makes its questions in the
 * database match its list in one transaction: a new question is inserted; a changed one is
 * updated in place while it has no answers, else retired and replaced by a new one (with
 * the same code); a question no longer listed is deleted, or retired when it has answers.
 * The built-in survey keeps its code. The rules of opora_survey_template_validate() are
 * checked first; on any refusal nothing is written. On success the ids of the template and
 * its questions are set (a replaced question gets the new id). "changed" is emitted for
 * "survey_template" and "survey_question". */
gboolean             opora_store_save_survey_template      (OporaStore                     *self,
                                                            OporaSurveyTemplate            *survey,
                                                            GError                        **error);

/* The template with its questions in use (not the retired ones) in order, each with its
 * number of answers, and the number of responses; NULL with OPORA_ERROR_NOT_FOUND. */
OporaSurveyTemplate *opora_store_load_survey_template      (OporaStore                     *self,
                                                            gint64                          id,
                                                            GError                        **error);

/* A lazy list of OporaSurveyTemplate (each with its questions and its number of
 * responses) matching @query; it reloads itself when surveys or responses change. */
GListModel          *opora_store_list_survey_templates     (OporaStore                     *self,
                                                            const OporaSurveyTemplateQuery *query);
/* Changes what a list from opora_store_list_survey_templates() shows, in place. */
void                 opora_store_query_survey_templates    (GListModel                     *list,
                                                            const OporaSurveyTemplateQuery *query);

/* The id of the built-in seed survey, 0 if it was deleted. */
gint64               opora_store_get_builtin_survey_id     (OporaStore                     *self);
/* The id of the question in use with @code ("q1", "q2") in the built-in survey, or 0. */
gint64               opora_store_get_builtin_question_id   (OporaStore                     *self,
                                                            const char                     *code);

/* Inserts @response when its id is 0, else updates it, with its answers, in one
 * transaction. Checked first: the template and the person exist (OPORA_ERROR_NOT_FOUND);
 * opora_survey_response_validate() against the template's questions in use (for a response
 * saved before, those added after it was first entered may stay unanswered); each answer
 * is to a question of this template, in use or already answered by this response
 * (OPORA_ERROR_INVALID_VALUE); the person has no other response to the same survey on the
 * same day (OPORA_ERROR_DUPLICATE: a form keyed in twice). On any refusal nothing is
 * written. "changed" is emitted for "survey_response" and "survey_answer". */
gboolean             opora_store_save_survey_response      (OporaStore          *self,
                                                            OporaSurveyResponse *response,
                                                            GError             **error);

/* The response with its answers, each with the question it answered (retired or not),
 * the template's title and the person's name; NULL with OPORA_ERROR_NOT_FOUND. */
OporaSurveyResponse *opora_store_load_survey_response      (OporaStore                     *self,
                                                            gint64                          id,
                                                            GError                        **error);

/* Lazy lists of OporaSurveyResponse (with answers, template title and person name), the
 * latest first; they reload themselves when responses change. */
GListModel          *opora_store_list_person_survey_responses   (OporaStore *self,
                                                                 gint64      person_id);
GListModel          *opora_store_list_template_survey_responses (OporaStore *self,
                                                                 gint64      template_id);

/* How many responses template @template_id has; every response for 0. */
guint                opora_store_count_survey_responses    (OporaStore *self,
                                                            gint64      template_id);

/* The one person @text names as a form's respondent is written: a SNILS (digits, with or
 * without dashes and spaces), or a surname followed by initials or names («Иванов И.И.»,
 * «иванов иван»), any case, «е» for «ё». NULL with OPORA_ERROR_NOT_FOUND when nobody
 * matches, or OPORA_ERROR_INVALID_VALUE when several do (the message says how many and
 * what to type instead); OPORA_ERROR_REQUIRED for blank text. */
OporaPerson         *opora_store_resolve_respondent        (OporaStore                     *self,
                                                            const char                     *text,
                                                            GError                        **error);

G_END_DECLS
