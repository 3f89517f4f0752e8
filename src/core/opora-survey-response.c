#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-survey.h"
#include "opora-survey-private.h"

/* Answers */

struct _OporaSurveyAnswer
{
  GObject              parent_instance;

  OporaSurveyQuestion *question;
  char                *value;
};

G_DEFINE_FINAL_TYPE (OporaSurveyAnswer, opora_survey_answer, G_TYPE_OBJECT)

static void
opora_survey_answer_finalize (GObject *object)
{
  OporaSurveyAnswer *self = (OporaSurveyAnswer *)object;

  g_clear_object (&self->question);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (opora_survey_answer_parent_class)->finalize (object);
}

static void
opora_survey_answer_class_init (OporaSurveyAnswerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = opora_survey_answer_finalize;
}

static void
opora_survey_answer_init (OporaSurveyAnswer *self)
{
}

OporaSurveyAnswer *
opora_survey_answer_new (OporaSurveyQuestion *question,
                         const char          *value)
{
  OporaSurveyAnswer *self;

  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (question), NULL);

  self = g_object_new (OPORA_TYPE_SURVEY_ANSWER, NULL);
  self->question = g_object_ref (question);
  self->value = g_strdup (value);
  return self;
}

OporaSurveyQuestion *
opora_survey_answer_get_question (OporaSurveyAnswer *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_ANSWER (self), NULL);
  return self->question;
}

const char *
opora_survey_answer_get_value (OporaSurveyAnswer *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_ANSWER (self), NULL);
  return self->value;
}

void
opora_survey_answer_set_value (OporaSurveyAnswer *self,
                               const char        *value)
{
  g_return_if_fail (OPORA_IS_SURVEY_ANSWER (self));

  if (self->value == value)
    return;
  g_free (self->value);
  self->value = g_strdup (value);
}

char *
opora_survey_answer_dup_display (OporaSurveyAnswer *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_ANSWER (self), NULL);
  return opora_survey_question_format_answer (self->question, self->value);
}

/* Responses */

struct _OporaSurveyResponse
{
  GObject     parent_instance;

  gint64      id;
  gint64      template_id;
  gint64      person_id;
  char       *responded_on;
  char       *note;
  char       *template_title;
  char       *person_name;
  GListStore *answers;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TEMPLATE_ID,
  PROP_PERSON_ID,
  PROP_RESPONDED_ON,
  PROP_NOTE,
  PROP_TEMPLATE_TITLE,
  PROP_PERSON_NAME,
  /* Read-only, for rows bound with <lookup>. */
  PROP_RESPONDED_ON_DISPLAY,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaSurveyResponse, opora_survey_response, G_TYPE_OBJECT)

static void
opora_survey_response_finalize (GObject *object)
{
  OporaSurveyResponse *self = (OporaSurveyResponse *)object;

  g_clear_pointer (&self->responded_on, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->template_title, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_object (&self->answers);

  G_OBJECT_CLASS (opora_survey_response_parent_class)->finalize (object);
}

static void
opora_survey_response_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OporaSurveyResponse *self = OPORA_SURVEY_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TEMPLATE_ID:
      g_value_set_int64 (value, self->template_id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_RESPONDED_ON:
      g_value_set_string (value, self->responded_on);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_TEMPLATE_TITLE:
      g_value_set_string (value, self->template_title);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case PROP_RESPONDED_ON_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->responded_on));
      break;
    case PROP_SUMMARY:
      g_value_take_string (value, opora_survey_response_dup_summary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_response_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OporaSurveyResponse *self = OPORA_SURVEY_RESPONSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_survey_response_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TEMPLATE_ID:
      opora_survey_response_set_template_id (self, g_value_get_int64 (value));
      break;
    case PROP_PERSON_ID:
      opora_survey_response_set_person_id (self, g_value_get_int64 (value));
      break;
    case PROP_RESPONDED_ON:
      opora_survey_response_set_responded_on (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      opora_survey_response_set_note (self, g_value_get_string (value));
      break;
    case PROP_TEMPLATE_TITLE:
      opora_survey_response_set_template_title (self, g_value_get_string (value));
      break;
    case PROP_PERSON_NAME:
      opora_survey_response_set_person_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_response_class_init (OporaSurveyResponseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_survey_response_finalize;
  object_class->get_property = opora_survey_response_get_property;
  object_class->set_property = opora_survey_response_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TEMPLATE_ID] =
    g_param_spec_int64 ("template-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_RESPONDED_ON] = g_param_spec_string ("responded-on", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_TEMPLATE_TITLE] =
    g_param_spec_string ("template-title", NULL, NULL, NULL, rw);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, NULL, rw);
  properties[PROP_RESPONDED_ON_DISPLAY] =
    g_param_spec_string ("responded-on-display", NULL, NULL, NULL, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_survey_response_init (OporaSurveyResponse *self)
{
  self->answers = g_list_store_new (OPORA_TYPE_SURVEY_ANSWER);
}

OporaSurveyResponse *
opora_survey_response_new (void)
{
  return g_object_new (OPORA_TYPE_SURVEY_RESPONSE, NULL);
}

OporaSurveyResponse *
opora_survey_response_copy (OporaSurveyResponse *self)
{
  OporaSurveyResponse *copy;
  guint n;

  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);

  copy = opora_survey_response_new ();
  copy->id = self->id;
  copy->template_id = self->template_id;
  copy->person_id = self->person_id;
  copy->responded_on = g_strdup (self->responded_on);
  copy->note = g_strdup (self->note);
  copy->template_title = g_strdup (self->template_title);
  copy->person_name = g_strdup (self->person_name);

  /* Questions are shared: an answer's question is not edited through a response. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaSurveyAnswer) answer =
        g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      g_autoptr(OporaSurveyAnswer) answer_copy = opora_survey_answer_new (answer->question,
                                                                         answer->value);

      g_list_store_append (copy->answers, answer_copy);
    }
  return copy;
}

gint64
opora_survey_response_get_id (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), 0);
  return self->id;
}

void
opora_survey_response_set_id (OporaSurveyResponse *self,
                              gint64               id)
{
  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
opora_survey_response_get_template_id (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), 0);
  return self->template_id;
}

void
opora_survey_response_set_template_id (OporaSurveyResponse *self,
                                       gint64               template_id)
{
  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));

  if (self->template_id == template_id)
    return;
  self->template_id = template_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ID]);
}

gint64
opora_survey_response_get_person_id (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), 0);
  return self->person_id;
}

void
opora_survey_response_set_person_id (OporaSurveyResponse *self,
                                     gint64               person_id)
{
  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

const char *
opora_survey_response_get_responded_on (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);
  return self->responded_on;
}

void
opora_survey_response_set_responded_on (OporaSurveyResponse *self,
                                        const char          *responded_on)
{
  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));

  if (!opora_survey_replace_text (&self->responded_on, responded_on))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONDED_ON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESPONDED_ON_DISPLAY]);
}

const char *
opora_survey_response_get_note (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);
  return self->note;
}

void
opora_survey_response_set_note (OporaSurveyResponse *self,
                                const char          *note)
{
  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));

  if (opora_survey_replace_text (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
opora_survey_response_get_template_title (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);
  return self->template_title;
}

void
opora_survey_response_set_template_title (OporaSurveyResponse *self,
                                          const char          *title)
{
  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));

  if (opora_survey_replace_text (&self->template_title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_TITLE]);
}

const char *
opora_survey_response_get_person_name (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);
  return self->person_name;
}

void
opora_survey_response_set_person_name (OporaSurveyResponse *self,
                                       const char          *name)
{
  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));

  if (opora_survey_replace_text (&self->person_name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
}

GListModel *
opora_survey_response_get_answers (OporaSurveyResponse *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);
  return G_LIST_MODEL (self->answers);
}

/* The place of the answer to @question_id, or of the first answer to a question placed
 * after @position when there is none (where one would go), in *@index. */
static gboolean
find_answer (OporaSurveyResponse *self,
             gint64               question_id,
             guint                position,
             guint               *index)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  *index = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaSurveyAnswer) answer =
        g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      guint answer_position = opora_survey_question_get_position (answer->question);

      if (opora_survey_question_get_id (answer->question) == question_id && question_id != 0)
        {
          *index = i;
          return TRUE;
        }
      if (answer_position > position && *index == n)
        *index = i;
    }
  return FALSE;
}

void
opora_survey_response_set_answer (OporaSurveyResponse *self,
                                  OporaSurveyQuestion *question,
                                  const char          *value)
{
  g_autoptr(OporaSurveyAnswer) answer = NULL;
  gint64 question_id;
  guint index;

  g_return_if_fail (OPORA_IS_SURVEY_RESPONSE (self));
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (question));

  question_id = opora_survey_question_get_id (question);
  g_return_if_fail (question_id != 0);

  if (find_answer (self, question_id, opora_survey_question_get_position (question), &index))
    g_list_store_remove (self->answers, index);
  if (value != NULL && *value != '\0')
    {
      answer = opora_survey_answer_new (question, value);
      g_list_store_insert (self->answers, index, answer);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
opora_survey_response_get_answer (OporaSurveyResponse *self,
                                  gint64               question_id)
{
  guint index;
  g_autoptr(OporaSurveyAnswer) answer = NULL;

  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);

  if (!find_answer (self, question_id, G_MAXUINT, &index))
    return NULL;
  /* The list holds a reference: the value stays valid while the answer is listed. */
  answer = g_list_model_get_item (G_LIST_MODEL (self->answers), index);
  return answer->value;
}

char *
opora_survey_response_dup_summary (OporaSurveyResponse *self)
{
  GString *summary = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaSurveyAnswer) answer =
        g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      g_autofree char *display = opora_survey_answer_dup_display (answer);

      if (summary->len > 0)
        g_string_append (summary, "; ");
      /* Translators: one answer in a summary of a response: the question's number and the
       * answer, e.g. «1 — Да». */
      g_string_append_printf (summary, _("%u — %s"),
                              opora_survey_question_get_position (answer->question), display);
    }
  return g_string_free (summary, FALSE);
}

gboolean
opora_survey_response_validate (OporaSurveyResponse  *self,
                                GListModel           *required,
                                const char          **field,
                                gint64               *question_id,
                                GError              **error)
{
  g_autofree char *today = NULL;
  const char *unused_field;
  gint64 unused_id;
  guint n;

  g_return_val_if_fail (OPORA_IS_SURVEY_RESPONSE (self), FALSE);
  g_return_val_if_fail (required == NULL || G_IS_LIST_MODEL (required), FALSE);

  if (field == NULL)
    field = &unused_field;
  if (question_id == NULL)
    question_id = &unused_id;
  *field = NULL;
  *question_id = 0;

  if (self->person_id == 0)
    {
      *field = "person";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("A survey response needs the person who answered"));
      return FALSE;
    }

  *field = "responded-on";
  if (self->responded_on == NULL)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("The date the survey was filled in is required"));
      return FALSE;
    }
  if (!opora_date_is_valid_iso (self->responded_on))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("The date the survey was filled in, “%s”, is not a calendar date"),
                   self->responded_on);
      return FALSE;
    }
  today = opora_date_today_iso ();
  if (strcmp (self->responded_on, today) > 0)
    {
      g_autofree char *shown = opora_date_iso_to_display (self->responded_on);

      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("The date the survey was filled in (%s) cannot be in the future"), shown);
      return FALSE;
    }

  *field = "answer";
  n = required ? g_list_model_get_n_items (required) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaSurveyQuestion) question = g_list_model_get_item (required, i);
      gint64 id = opora_survey_question_get_id (question);

      if (opora_survey_question_is_required (question)
          && opora_survey_response_get_answer (self, id) == NULL)
        {
          *question_id = id;
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                       _("Question %u needs an answer: every yes/no and single-choice "
                         "question must be answered"),
                       opora_survey_question_get_position (question));
          return FALSE;
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaSurveyAnswer) answer =
        g_list_model_get_item (G_LIST_MODEL (self->answers), i);

      if (!opora_survey_question_accepts (answer->question, answer->value))
        {
          *question_id = opora_survey_question_get_id (answer->question);
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                       _("Question %u: “%s” is not one of its answers"),
                       opora_survey_question_get_position (answer->question), answer->value);
          return FALSE;
        }
    }

  *field = NULL;
  return TRUE;
}
