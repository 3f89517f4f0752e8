/* Surveys (анкетирование). A survey template (анкета) is data: a title, a greeting, an
 * introduction, instructions, questions and a closing line. A survey response is one
 * person's answers to a template on one day. A question that has answers is never
 * rewritten: the store retires it and puts a new question in its place, so an old response
 * still reads the question it answered. The seed survey of «Равный – равному» ships built
 * in with the code OPORA_SURVEY_BUILTIN_CODE. */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#include "opora-institution.h"

G_BEGIN_DECLS

/* The built-in seed survey and its two questions, as the indicators find them:
 * survey_template.code = 'peer_consent', survey_question.code = 'q1' / 'q2'. */
#define OPORA_SURVEY_BUILTIN_CODE "peer_consent"
#define OPORA_SURVEY_QUESTION_Q1  "q1" /* ready for psychological sessions */
#define OPORA_SURVEY_QUESTION_Q2  "q2" /* ready to use other families' experience */

/* The stored values of a yes/no answer. */
#define OPORA_SURVEY_ANSWER_YES "yes"
#define OPORA_SURVEY_ANSWER_NO  "no"

typedef enum
{
  OPORA_SURVEY_QUESTION_YES_NO,   /* «Да» / «Нет» */
  OPORA_SURVEY_QUESTION_SINGLE,   /* one of the options */
  OPORA_SURVEY_QUESTION_MULTIPLE, /* any of the options */
  OPORA_SURVEY_QUESTION_TEXT,     /* free text */
} OporaSurveyQuestionKind;

#define OPORA_SURVEY_QUESTION_KIND_LAST OPORA_SURVEY_QUESTION_TEXT

#define OPORA_TYPE_SURVEY_QUESTION_KIND (opora_survey_question_kind_get_type ())
GType        opora_survey_question_kind_get_type      (void) G_GNUC_CONST;
/* The text stored in the database: "yes_no", "single", "multiple", "text". */
const char  *opora_survey_question_kind_to_string     (OporaSurveyQuestionKind  kind);
/* FALSE for NULL or text that names no kind. */
gboolean     opora_survey_question_kind_from_string   (const char              *text,
                                                       OporaSurveyQuestionKind *kind);
/* The translated name for people («Да или нет»). */
const char  *opora_survey_question_kind_display_name  (OporaSurveyQuestionKind  kind);

/* One question of a template. */
#define OPORA_TYPE_SURVEY_QUESTION (opora_survey_question_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveyQuestion, opora_survey_question, OPORA, SURVEY_QUESTION, GObject)

OporaSurveyQuestion     *opora_survey_question_new          (OporaSurveyQuestionKind  kind,
                                                             const char              *text);
OporaSurveyQuestion     *opora_survey_question_copy         (OporaSurveyQuestion     *self);

/* 0 until the store saves it. */
gint64                   opora_survey_question_get_id       (OporaSurveyQuestion     *self);
void                     opora_survey_question_set_id       (OporaSurveyQuestion     *self,
                                                             gint64                   id);
/* Its number in the template, from 1; the template keeps it in step with the order. */
guint                    opora_survey_question_get_position (OporaSurveyQuestion     *self);
void                     opora_survey_question_set_position (OporaSurveyQuestion     *self,
                                                             guint                    position);
/* "q1", "q2" for the seed survey's questions, kept by a replacement; else NULL. */
const char              *opora_survey_question_get_code     (OporaSurveyQuestion     *self);
void                     opora_survey_question_set_code     (OporaSurveyQuestion     *self,
                                                             const char              *code);
OporaSurveyQuestionKind  opora_survey_question_get_kind     (OporaSurveyQuestion     *self);
void                     opora_survey_question_set_kind     (OporaSurveyQuestion     *self,
                                                             OporaSurveyQuestionKind  kind);
/* Text is trimmed; blank text reads back as NULL. */
const char              *opora_survey_question_get_text     (OporaSurveyQuestion     *self);
void                     opora_survey_question_set_text     (OporaSurveyQuestion     *self,
                                                             const char              *text);
/* The options of a choice, one a line as typed (blank lines and spaces around are
 * dropped); NULL when there are none. */
const char              *opora_survey_question_get_options  (OporaSurveyQuestion     *self);
void                     opora_survey_question_set_options  (OporaSurveyQuestion     *self,
                                                             const char              *options);
/* The options as a NULL-terminated array (empty when there are none). */
char                   **opora_survey_question_dup_options  (OporaSurveyQuestion     *self);
/* Retired: replaced after an edit, kept only for the responses that answered it. */
gboolean                 opora_survey_question_get_retired  (OporaSurveyQuestion     *self);
void                     opora_survey_question_set_retired  (OporaSurveyQuestion     *self,
                                                             gboolean                 retired);
/* How many responses answered it, as the store read it; never saved. */
guint                    opora_survey_question_get_n_answers (OporaSurveyQuestion    *self);
void                     opora_survey_question_set_n_answers (OporaSurveyQuestion    *self,
                                                              guint                   n_answers);

/* TRUE when @a and @b ask the same: same kind, text and options. */
gboolean                 opora_survey_question_same_content (OporaSurveyQuestion     *a,
                                                             OporaSurveyQuestion     *b);
/* yes/no and single-choice questions must be answered; the others may be left blank. */
gboolean                 opora_survey_question_is_required  (OporaSurveyQuestion     *self);

/* The text must be given; a choice needs options. On refusal sets @error
 * (OPORA_ERROR_REQUIRED) and @field to "text" or "options"; the message names the
 * question by its position. */
gboolean                 opora_survey_question_validate     (OporaSurveyQuestion     *self,
                                                             const char             **field,
                                                             GError                 **error);

/* Reads an answer as typed on a quick-entry line into the stored value (NULL: no answer):
 * yes/no takes «Д»/«Н», «да»/«нет», 1/0, y/n, yes/no, +/-; a single choice takes the
 * option's number or its text; several choices take numbers (or texts) split by commas or
 * spaces; free text is kept as it is. On failure sets OPORA_ERROR_INVALID_VALUE with a
 * message saying what may be typed. */
gboolean                 opora_survey_question_parse_answer (OporaSurveyQuestion     *self,
                                                             const char              *typed,
                                                             char                   **value,
                                                             GError                 **error);
/* TRUE when @value is a stored answer this question accepts (an option of a choice, …). */
gboolean                 opora_survey_question_accepts      (OporaSurveyQuestion     *self,
                                                             const char              *value);
/* A stored answer for people: «Да», «Нет», the options joined by ", ", or the text. */
char                    *opora_survey_question_format_answer (OporaSurveyQuestion    *self,
                                                              const char             *value);

/* A survey template with its questions in order (the questions still asked; retired ones
 * are not in the list). */
#define OPORA_TYPE_SURVEY_TEMPLATE (opora_survey_template_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveyTemplate, opora_survey_template, OPORA, SURVEY_TEMPLATE, GObject)

OporaSurveyTemplate *opora_survey_template_new              (void);
/* A deep copy: the questions are copied too, so an editor can change them freely. */
OporaSurveyTemplate *opora_survey_template_copy             (OporaSurveyTemplate *self);

gint64               opora_survey_template_get_id           (OporaSurveyTemplate *self);
void                 opora_survey_template_set_id           (OporaSurveyTemplate *self,
                                                             gint64               id);
/* OPORA_SURVEY_BUILTIN_CODE for the built-in survey, NULL for those made by people. */
const char          *opora_survey_template_get_code         (OporaSurveyTemplate *self);
void                 opora_survey_template_set_code         (OporaSurveyTemplate *self,
                                                             const char          *code);
gboolean             opora_survey_template_is_builtin       (OporaSurveyTemplate *self);
/* The texts may hold {institution} (the institution's full name), {city_locative} (its
 * city after «в городе»: «Югорске») and {city}; see opora_survey_fill_text(). Text is
 * trimmed; blank text reads back as NULL. */
const char          *opora_survey_template_get_title        (OporaSurveyTemplate *self);
void                 opora_survey_template_set_title        (OporaSurveyTemplate *self,
                                                             const char          *title);
const char          *opora_survey_template_get_greeting     (OporaSurveyTemplate *self);
void                 opora_survey_template_set_greeting     (OporaSurveyTemplate *self,
                                                             const char          *greeting);
const char          *opora_survey_template_get_introduction (OporaSurveyTemplate *self);
void                 opora_survey_template_set_introduction (OporaSurveyTemplate *self,
                                                             const char          *introduction);
const char          *opora_survey_template_get_instructions (OporaSurveyTemplate *self);
void                 opora_survey_template_set_instructions (OporaSurveyTemplate *self,
                                                             const char          *instructions);
const char          *opora_survey_template_get_closing      (OporaSurveyTemplate *self);
void                 opora_survey_template_set_closing      (OporaSurveyTemplate *self,
                                                             const char          *closing);
/* How many responses it has, as the store read it; never saved. */
guint                opora_survey_template_get_n_responses  (OporaSurveyTemplate *self);
void                 opora_survey_template_set_n_responses  (OporaSurveyTemplate *self,
                                                             guint                n_responses);

/* The questions (OporaSurveyQuestion), owned by @self. Adding, removing and moving keep
 * every question's position equal to its place in the list, from 1. */
GListModel          *opora_survey_template_get_questions    (OporaSurveyTemplate *self);
guint                opora_survey_template_get_n_questions  (OporaSurveyTemplate *self);
OporaSurveyQuestion *opora_survey_template_get_question     (OporaSurveyTemplate *self,
                                                             guint                index);
void                 opora_survey_template_add_question     (OporaSurveyTemplate *self,
                                                             OporaSurveyQuestion *question);
void                 opora_survey_template_remove_question  (OporaSurveyTemplate *self,
                                                             OporaSurveyQuestion *question);
/* Moves @question to @index (clamped to the list). */
void                 opora_survey_template_move_question    (OporaSurveyTemplate *self,
                                                             OporaSurveyQuestion *question,
                                                             guint                index);
/* The question with @id, or NULL. */
OporaSurveyQuestion *opora_survey_template_find_question    (OporaSurveyTemplate *self,
                                                             gint64               id);

/* Checks one of the template's own fields ("title" or "questions"). */
gboolean             opora_survey_template_validate_field   (OporaSurveyTemplate *self,
                                                             const char          *field,
                                                             GError             **error);
/* A title is required, at least one question, each question's text, and options for a
 * choice. On refusal sets @error (OPORA_ERROR_REQUIRED), @field ("title", "questions", or
 * a question's "text" or "options") and @question (NULL for the template's own fields).
 * @question and @field may be NULL. */
gboolean             opora_survey_template_validate         (OporaSurveyTemplate  *self,
                                                             OporaSurveyQuestion **question,
                                                             const char          **field,
                                                             GError              **error);

/* @text with {institution} replaced by the institution's full name (its short name when
 * no full name is set), {city_locative} by its city in the locative (the city when that is
 * not set) and {city} by the city. A detail not set leaves a line to fill in by hand.
 * With a NULL @institution the placeholders are kept. NULL for NULL. */
char                *opora_survey_fill_text                 (const char          *text,
                                                             OporaInstitution    *institution);

/* One answer of a response, with the question it answers (which may be retired). */
#define OPORA_TYPE_SURVEY_ANSWER (opora_survey_answer_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveyAnswer, opora_survey_answer, OPORA, SURVEY_ANSWER, GObject)

OporaSurveyAnswer   *opora_survey_answer_new                (OporaSurveyQuestion *question,
                                                             const char          *value);
OporaSurveyQuestion *opora_survey_answer_get_question       (OporaSurveyAnswer   *self);
/* The stored value: "yes"/"no", an option, options one a line, or text. */
const char          *opora_survey_answer_get_value          (OporaSurveyAnswer   *self);
void                 opora_survey_answer_set_value          (OporaSurveyAnswer   *self,
                                                             const char          *value);
/* The value for people («Да»). */
char                *opora_survey_answer_dup_display        (OporaSurveyAnswer   *self);

/* A survey response: who answered which template on which day, and the answers. */
#define OPORA_TYPE_SURVEY_RESPONSE (opora_survey_response_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveyResponse, opora_survey_response, OPORA, SURVEY_RESPONSE, GObject)

OporaSurveyResponse *opora_survey_response_new              (void);
OporaSurveyResponse *opora_survey_response_copy             (OporaSurveyResponse *self);

gint64               opora_survey_response_get_id           (OporaSurveyResponse *self);
void                 opora_survey_response_set_id           (OporaSurveyResponse *self,
                                                             gint64               id);
gint64               opora_survey_response_get_template_id  (OporaSurveyResponse *self);
void                 opora_survey_response_set_template_id  (OporaSurveyResponse *self,
                                                             gint64               template_id);
gint64               opora_survey_response_get_person_id    (OporaSurveyResponse *self);
void                 opora_survey_response_set_person_id    (OporaSurveyResponse *self,
                                                             gint64               person_id);
/* ISO 'YYYY-MM-DD' or NULL; kept as given so that validation can refuse a bad one. */
const char          *opora_survey_response_get_responded_on (OporaSurveyResponse *self);
void                 opora_survey_response_set_responded_on (OporaSurveyResponse *self,
                                                             const char          *responded_on);
const char          *opora_survey_response_get_note         (OporaSurveyResponse *self);
void                 opora_survey_response_set_note         (OporaSurveyResponse *self,
                                                             const char          *note);
/* Filled by the store when it reads a response, for lists; never saved. */
const char          *opora_survey_response_get_template_title (OporaSurveyResponse *self);
void                 opora_survey_response_set_template_title (OporaSurveyResponse *self,
                                                               const char          *title);
const char          *opora_survey_response_get_person_name  (OporaSurveyResponse *self);
void                 opora_survey_response_set_person_name  (OporaSurveyResponse *self,
                                                             const char          *name);

/* The answers (OporaSurveyAnswer) by question position, owned by @self. */
GListModel          *opora_survey_response_get_answers      (OporaSurveyResponse *self);
/* Sets the answer to @question (a ref is kept); NULL or "" removes it. */
void                 opora_survey_response_set_answer       (OporaSurveyResponse *self,
                                                             OporaSurveyQuestion *question,
                                                             const char          *value);
/* The stored value answering question @question_id, or NULL. */
const char          *opora_survey_response_get_answer       (OporaSurveyResponse *self,
                                                             gint64               question_id);
/* "1 — Да; 2 — Нет": each answer after its question's number, for lists. */
char                *opora_survey_response_dup_summary      (OporaSurveyResponse *self);

/* A response needs a person and a date, a calendar date not after today; each of
 * @required (OporaSurveyQuestion: the questions it must answer, normally the template's)
 * that is yes/no or single choice needs an answer, and every answer must be one its
 * question accepts. On refusal sets @error (OPORA_ERROR_REQUIRED, _INVALID_DATE,
 * _INVALID_VALUE), @field ("person", "responded-on" or "answer") and @question_id (the
 * question at fault, else 0). @field and @question_id may be NULL. */
gboolean             opora_survey_response_validate         (OporaSurveyResponse *self,
                                                             GListModel          *required,
                                                             const char         **field,
                                                             gint64              *question_id,
                                                             GError             **error);

G_END_DECLS
