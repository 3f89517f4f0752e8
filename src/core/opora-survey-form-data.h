/* The texts of a printed survey form as plain data: what the store reads and render/
 * draws, so neither needs the other. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OPORA_SURVEY_FORM_YES_NO,    /* «Да» / «Нет» to underline */
  OPORA_SURVEY_FORM_SINGLE,    /* one of the options to underline */
  OPORA_SURVEY_FORM_MULTIPLE,  /* any of the options to underline */
  OPORA_SURVEY_FORM_TEXT,      /* lines to write the answer on */
} OporaSurveyFormKind;

typedef struct
{
  char                 *text;
  OporaSurveyFormKind   kind;
  char                **options;  /* NULL-terminated; SINGLE and MULTIPLE only, else NULL */
} OporaSurveyFormQuestion;

/* The texts exactly as printed (placeholders already filled). Empty or NULL texts are left
 * out of the form. */
typedef struct
{
  char      *title;         /* the heading over the greeting */
  char      *institution;   /* the head: lines split by '\n', the first is the name */
  char      *greeting;      /* «Уважаемый респондент!» */
  char      *introduction;
  char      *instructions;
  GPtrArray *questions;     /* of OporaSurveyFormQuestion *, in order; numbered from 1 */
  char      *closing;       /* «Благодарим за сотрудничество!» */
} OporaSurveyFormData;

/* What differs from one printed copy to the next. NULL or "" leaves the line blank to be
 * filled in by hand. */
typedef struct
{
  const char *full_name;
  const char *date;       /* as printed: ДД.ММ.ГГГГ */
} OporaSurveyFormPerson;

OporaSurveyFormData *opora_survey_form_data_new          (void);
void                 opora_survey_form_data_free         (OporaSurveyFormData *data);
/* Appends a question; @options (NULL-terminated, may be NULL) are copied. */
void                 opora_survey_form_data_add_question (OporaSurveyFormData *data,
                                                          OporaSurveyFormKind  kind,
                                                          const char          *text,
                                                          const char * const  *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaSurveyFormData, opora_survey_form_data_free)

G_END_DECLS
