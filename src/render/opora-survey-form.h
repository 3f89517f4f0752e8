/* The printed survey form (анкета) on A4: the institution's details at the head, the greeting,
 * the introduction and the instructions, the «Фамилия, имя, отчество» and «Дата заполнения»
 * lines, each question with its answers to underline or lines to write on, and the thanks —
 * laid out like the form in the appendix of seed 000. Plain data in, drawn on any cairo_t in
 * points: a PDF, a print job, an image. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* A4 in PostScript points. */
#define OPORA_SURVEY_FORM_WIDTH_PT  595.2756
#define OPORA_SURVEY_FORM_HEIGHT_PT 841.8898

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

/* A form laid out once for many copies: its texts are shaped and its pages are broken when
 * it is made; each copy then only sets the person's name and date. The page breaks do not
 * depend on the surface drawn on, so a print job has the pages of the PDF. Not thread-safe:
 * use a form in the thread that made it. */
typedef struct _OporaSurveyForm OporaSurveyForm;

/* Lays out @data (which may be freed afterwards). */
OporaSurveyForm     *opora_survey_form_new               (const OporaSurveyFormData *data);
void                 opora_survey_form_free              (OporaSurveyForm           *form);
/* How many A4 pages one copy takes (at least 1). */
guint                opora_survey_form_get_n_pages       (OporaSurveyForm           *form);
/* Draws page @page (from 0) of the copy for @person (NULL: blank) on @cr, whose user space
 * is one A4 page in points with the origin at its top left corner. Paints no background. */
void                 opora_survey_form_draw_page         (OporaSurveyForm             *form,
                                                          cairo_t                     *cr,
                                                          guint                        page,
                                                          const OporaSurveyFormPerson *person);

/* One copy per person of @persons, each starting on a new page, written to an A4 PDF at
 * @path (replaced only once the new file is whole); with @n = 0 one blank copy. Safe to call
 * from a worker thread. On failure sets OPORA_ERROR_READ_ONLY (no such folder, no right to
 * write) or OPORA_ERROR_IO, and leaves the disk as it was. */
gboolean             opora_survey_form_write_pdf         (const char                  *path,
                                                          const OporaSurveyFormData   *data,
                                                          const OporaSurveyFormPerson *persons,
                                                          guint                        n,
                                                          GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaSurveyFormData, opora_survey_form_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaSurveyForm, opora_survey_form_free)

G_END_DECLS
