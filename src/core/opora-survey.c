#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-error.h"
#include "opora-survey.h"
#include "opora-survey-private.h"

/* What a printed sentence shows where a detail of the institution is not set yet: a line
 * to write it in by hand. */
#define BLANK_LINE "________________"

struct _OporaSurveyTemplate
{
  GObject     parent_instance;

  gint64      id;
  char       *code;
  char       *title;
  char       *greeting;
  char       *introduction;
  char       *instructions;
  char       *closing;
  guint       n_responses;
  GListStore *questions;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_GREETING,
  PROP_INTRODUCTION,
  PROP_INSTRUCTIONS,
  PROP_CLOSING,
  PROP_N_RESPONSES,
  /* Read-only, for rows bound with <lookup>. */
  PROP_BUILTIN,
  PROP_BADGE,
  PROP_N_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaSurveyTemplate, opora_survey_template, G_TYPE_OBJECT)

/* Positions follow the order of the list, from 1: the number a question is printed with. */
static void
renumber (OporaSurveyTemplate *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaSurveyQuestion) question =
        g_list_model_get_item (G_LIST_MODEL (self->questions), i);

      opora_survey_question_set_position (question, i + 1);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_QUESTIONS]);
}

static void
set_text_property (OporaSurveyTemplate  *self,
                   char                **slot,
                   const char           *value,
                   guint                 prop_id)
{
  if (opora_survey_replace_text (slot, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
opora_survey_template_finalize (GObject *object)
{
  OporaSurveyTemplate *self = (OporaSurveyTemplate *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->greeting, g_free);
  g_clear_pointer (&self->introduction, g_free);
  g_clear_pointer (&self->instructions, g_free);
  g_clear_pointer (&self->closing, g_free);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (opora_survey_template_parent_class)->finalize (object);
}

static void
opora_survey_template_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OporaSurveyTemplate *self = OPORA_SURVEY_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_GREETING:
      g_value_set_string (value, self->greeting);
      break;
    case PROP_INTRODUCTION:
      g_value_set_string (value, self->introduction);
      break;
    case PROP_INSTRUCTIONS:
      g_value_set_string (value, self->instructions);
      break;
    case PROP_CLOSING:
      g_value_set_string (value, self->closing);
      break;
    case PROP_N_RESPONSES:
      g_value_set_uint (value, self->n_responses);
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, opora_survey_template_is_builtin (self));
      break;
    case PROP_BADGE:
      g_value_set_string (value, opora_survey_template_is_builtin (self)
                                 ? C_("survey", "built-in") : NULL);
      break;
    case PROP_N_QUESTIONS:
      g_value_set_uint (value, opora_survey_template_get_n_questions (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_template_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OporaSurveyTemplate *self = OPORA_SURVEY_TEMPLATE (object);
  const char *text = G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;

  switch (prop_id)
    {
    case PROP_ID:
      opora_survey_template_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      opora_survey_template_set_title (self, text);
      break;
    case PROP_GREETING:
      opora_survey_template_set_greeting (self, text);
      break;
    case PROP_INTRODUCTION:
      opora_survey_template_set_introduction (self, text);
      break;
    case PROP_INSTRUCTIONS:
      opora_survey_template_set_instructions (self, text);
      break;
    case PROP_CLOSING:
      opora_survey_template_set_closing (self, text);
      break;
    case PROP_N_RESPONSES:
      opora_survey_template_set_n_responses (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_template_class_init (OporaSurveyTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_survey_template_finalize;
  object_class->get_property = opora_survey_template_get_property;
  object_class->set_property = opora_survey_template_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_GREETING] = g_param_spec_string ("greeting", NULL, NULL, NULL, rw);
  properties[PROP_INTRODUCTION] = g_param_spec_string ("introduction", NULL, NULL, NULL, rw);
  properties[PROP_INSTRUCTIONS] = g_param_spec_string ("instructions", NULL, NULL, NULL, rw);
  properties[PROP_CLOSING] = g_param_spec_string ("closing", NULL, NULL, NULL, rw);
  properties[PROP_N_RESPONSES] =
    g_param_spec_uint ("n-responses", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, ro);
  /* «встроенная» beside the built-in survey's title in lists. */
  properties[PROP_BADGE] = g_param_spec_string ("badge", NULL, NULL, NULL, ro);
  properties[PROP_N_QUESTIONS] =
    g_param_spec_uint ("n-questions", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_survey_template_init (OporaSurveyTemplate *self)
{
  self->questions = g_list_store_new (OPORA_TYPE_SURVEY_QUESTION);
}

OporaSurveyTemplate *
opora_survey_template_new (void)
{
  return g_object_new (OPORA_TYPE_SURVEY_TEMPLATE, NULL);
}

OporaSurveyTemplate *
opora_survey_template_copy (OporaSurveyTemplate *self)
{
  OporaSurveyTemplate *copy;
  guint n;

  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);

  copy = opora_survey_template_new ();
  copy->id = self->id;
  copy->code = g_strdup (self->code);
  copy->title = g_strdup (self->title);
  copy->greeting = g_strdup (self->greeting);
  copy->introduction = g_strdup (self->introduction);
  copy->instructions = g_strdup (self->instructions);
  copy->closing = g_strdup (self->closing);
  copy->n_responses = self->n_responses;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaSurveyQuestion) question =
        g_list_model_get_item (G_LIST_MODEL (self->questions), i);
      g_autoptr(OporaSurveyQuestion) question_copy = opora_survey_question_copy (question);

      g_list_store_append (copy->questions, question_copy);
    }
  return copy;
}

gint64
opora_survey_template_get_id (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), 0);
  return self->id;
}

void
opora_survey_template_set_id (OporaSurveyTemplate *self,
                              gint64               id)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
opora_survey_template_get_code (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);
  return self->code;
}

void
opora_survey_template_set_code (OporaSurveyTemplate *self,
                                const char          *code)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));

  if (!opora_survey_replace_text (&self->code, code))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE]);
}

gboolean
opora_survey_template_is_builtin (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), FALSE);
  return g_strcmp0 (self->code, OPORA_SURVEY_BUILTIN_CODE) == 0;
}

const char *
opora_survey_template_get_title (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);
  return self->title;
}

void
opora_survey_template_set_title (OporaSurveyTemplate *self,
                                 const char          *title)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  set_text_property (self, &self->title, title, PROP_TITLE);
}

const char *
opora_survey_template_get_greeting (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);
  return self->greeting;
}

void
opora_survey_template_set_greeting (OporaSurveyTemplate *self,
                                    const char          *greeting)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  set_text_property (self, &self->greeting, greeting, PROP_GREETING);
}

const char *
opora_survey_template_get_introduction (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);
  return self->introduction;
}

void
opora_survey_template_set_introduction (OporaSurveyTemplate *self,
                                        const char          *introduction)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  set_text_property (self, &self->introduction, introduction, PROP_INTRODUCTION);
}

const char *
opora_survey_template_get_instructions (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);
  return self->instructions;
}

void
opora_survey_template_set_instructions (OporaSurveyTemplate *self,
                                        const char          *instructions)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  set_text_property (self, &self->instructions, instructions, PROP_INSTRUCTIONS);
}

const char *
opora_survey_template_get_closing (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);
  return self->closing;
}

void
opora_survey_template_set_closing (OporaSurveyTemplate *self,
                                   const char          *closing)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  set_text_property (self, &self->closing, closing, PROP_CLOSING);
}

guint
opora_survey_template_get_n_responses (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), 0);
  return self->n_responses;
}

void
opora_survey_template_set_n_responses (OporaSurveyTemplate *self,
                                       guint                n_responses)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));

  if (self->n_responses == n_responses)
    return;
  self->n_responses = n_responses;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RESPONSES]);
}

GListModel *
opora_survey_template_get_questions (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);
  return G_LIST_MODEL (self->questions);
}

guint
opora_survey_template_get_n_questions (OporaSurveyTemplate *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->questions));
}

OporaSurveyQuestion *
opora_survey_template_get_question (OporaSurveyTemplate *self,
                                    guint                index)
{
  g_autoptr(OporaSurveyQuestion) question = NULL;

  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);

  /* The store holds a reference: the borrowed pointer stays valid while it is listed. */
  question = g_list_model_get_item (G_LIST_MODEL (self->questions), index);
  return question;
}

void
opora_survey_template_add_question (OporaSurveyTemplate *self,
                                    OporaSurveyQuestion *question)
{
  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (question));

  g_list_store_append (self->questions, question);
  renumber (self);
}

void
opora_survey_template_remove_question (OporaSurveyTemplate *self,
                                       OporaSurveyQuestion *question)
{
  guint position;

  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (question));

  if (!g_list_store_find (self->questions, question, &position))
    return;
  g_list_store_remove (self->questions, position);
  renumber (self);
}

void
opora_survey_template_move_question (OporaSurveyTemplate *self,
                                     OporaSurveyQuestion *question,
                                     guint                index)
{
  g_autoptr(OporaSurveyQuestion) held = NULL;
  guint position;
  guint n;

  g_return_if_fail (OPORA_IS_SURVEY_TEMPLATE (self));
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (question));

  if (!g_list_store_find (self->questions, question, &position))
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));
  index = MIN (index, n - 1);
  if (index == position)
    return;

  held = g_object_ref (question);
  g_list_store_remove (self->questions, position);
  g_list_store_insert (self->questions, index, held);
  renumber (self);
}

OporaSurveyQuestion *
opora_survey_template_find_question (OporaSurveyTemplate *self,
                                     gint64               id)
{
  guint n;

  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->questions));
  for (guint i = 0; i < n && id != 0; i++)
    {
      OporaSurveyQuestion *question = opora_survey_template_get_question (self, i);

      if (opora_survey_question_get_id (question) == id)
        return question;
    }
  return NULL;
}

gboolean
opora_survey_template_validate_field (OporaSurveyTemplate  *self,
                                      const char           *field,
                                      GError              **error)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "title") && self->title == NULL)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("A survey needs a title"));
      return FALSE;
    }
  if (g_str_equal (field, "questions") && opora_survey_template_get_n_questions (self) == 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("A survey needs at least one question"));
      return FALSE;
    }
  return TRUE;
}

gboolean
opora_survey_template_validate (OporaSurveyTemplate  *self,
                                OporaSurveyQuestion **question,
                                const char          **field,
                                GError              **error)
{
  static const char * const own_fields[] = { "title", "questions" };
  OporaSurveyQuestion *unused_question;
  const char *unused_field;
  guint n;

  g_return_val_if_fail (OPORA_IS_SURVEY_TEMPLATE (self), FALSE);

  if (question == NULL)
    question = &unused_question;
  if (field == NULL)
    field = &unused_field;
  *question = NULL;
  *field = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (own_fields); i++)
    if (!opora_survey_template_validate_field (self, own_fields[i], error))
      {
        *field = own_fields[i];
        return FALSE;
      }

  n = opora_survey_template_get_n_questions (self);
  for (guint i = 0; i < n; i++)
    {
      OporaSurveyQuestion *item = opora_survey_template_get_question (self, i);

      if (!opora_survey_question_validate (item, field, error))
        {
          *question = item;
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
or_blank (const char *text)
{
  return text != NULL && *text != '\0' ? text : BLANK_LINE;
}

char *
opora_survey_fill_text (const char       *text,
                        OporaInstitution *institution)
{
  const char *name;
  const char *city;
  const char *locative;
  GString *out;

  g_return_val_if_fail (institution == NULL || OPORA_IS_INSTITUTION (institution), NULL);

  if (text == NULL)
    return NULL;
  if (institution == NULL)
    return g_strdup (text);

  name = opora_institution_get_full_name (institution);
  if (*name == '\0')
    name = opora_institution_get_short_name (institution);
  city = opora_institution_get_city (institution);
  locative = opora_institution_get_city_locative (institution);
  if (*locative == '\0')
    locative = city;

  out = g_string_new (text);
  g_string_replace (out, "{institution}", or_blank (name), 0);
  g_string_replace (out, "{city_locative}", or_blank (locative), 0);
  g_string_replace (out, "{city}", or_blank (city), 0);
  return g_string_free (out, FALSE);
}
