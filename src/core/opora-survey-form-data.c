#define G_LOG_DOMAIN "opora-survey-form"

#include "opora-survey-form-data.h"

OporaSurveyFormData *
opora_survey_form_data_new (void)
{
  OporaSurveyFormData *data = g_new0 (OporaSurveyFormData, 1);

  data->questions = g_ptr_array_new ();
  return data;
}

static void
question_free (OporaSurveyFormQuestion *question)
{
  g_free (question->text);
  g_strfreev (question->options);
  g_free (question);
}

void
opora_survey_form_data_free (OporaSurveyFormData *data)
{
  if (data == NULL)
    return;
  g_free (data->title);
  g_free (data->institution);
  g_free (data->greeting);
  g_free (data->introduction);
  g_free (data->instructions);
  g_free (data->closing);
  if (data->questions != NULL)
    {
      for (guint i = 0; i < data->questions->len; i++)
        question_free (g_ptr_array_index (data->questions, i));
      g_ptr_array_unref (data->questions);
    }
  g_free (data);
}

void
opora_survey_form_data_add_question (OporaSurveyFormData *data,
                                     OporaSurveyFormKind  kind,
                                     const char          *text,
                                     const char * const  *options)
{
  OporaSurveyFormQuestion *question;

  g_return_if_fail (data != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (kind >= OPORA_SURVEY_FORM_YES_NO && kind <= OPORA_SURVEY_FORM_TEXT);

  question = g_new0 (OporaSurveyFormQuestion, 1);
  question->text = g_strdup (text);
  question->kind = kind;
  question->options = options != NULL ? g_strdupv ((char **) options) : NULL;
  if (data->questions == NULL)
    data->questions = g_ptr_array_new ();
  g_ptr_array_add (data->questions, question);
}
