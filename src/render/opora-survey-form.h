/* The printed survey form (анкета) on A4: the institution's details at the head, the greeting,
 * the introduction and the instructions, the «Фамилия, имя, отчество» and «Дата заполнения»
 * lines, each question with its answers to underline or lines to write on, and the thanks —
 * laid out like the form in the appendix of seed 000. Plain data in, drawn on any cairo_t in
 * points: a PDF, a print job, an image. */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "opora-survey-form-data.h"

G_BEGIN_DECLS

/* A4 in PostScript points. */
#define OPORA_SURVEY_FORM_WIDTH_PT  595.2756
#define OPORA_SURVEY_FORM_HEIGHT_PT 841.8898

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaSurveyForm, opora_survey_form_free)

G_END_DECLS
