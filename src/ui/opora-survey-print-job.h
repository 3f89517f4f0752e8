/* The survey forms of one print or save: the form laid out once and a person per copy. A
 * print operation and a PDF file get the same A4 pages from it. */
#pragma once

#include <gtk/gtk.h>

#include "opora-survey-form.h"

G_BEGIN_DECLS

typedef struct _OporaSurveyPrintJob OporaSurveyPrintJob;

/* Takes @data and @recipients (OporaSurveyRecipient; empty for one blank form). @date is
 * printed on every form, or NULL to leave the line blank. */
OporaSurveyPrintJob *opora_survey_print_job_new         (OporaSurveyFormData *data,
                                                         GPtrArray           *recipients,
                                                         const char          *date);
void                 opora_survey_print_job_free        (OporaSurveyPrintJob *job);
guint                opora_survey_print_job_get_n_forms (OporaSurveyPrintJob *job);
const char          *opora_survey_print_job_get_title   (OporaSurveyPrintJob *job);

/* A print operation that takes @job: A4 portrait, the whole sheet in points, a page for each
 * page of each form, drawn by src/render/ as the PDF is. @settings (may be NULL) are the
 * user's last choices. */
GtkPrintOperation   *opora_survey_print_job_to_operation (OporaSurveyPrintJob *job,
                                                          GtkPrintSettings    *settings);

/* The forms to an A4 PDF at @path; safe in a worker thread (the job is then the thread's). */
gboolean             opora_survey_print_job_write_pdf   (OporaSurveyPrintJob *job,
                                                         const char          *path,
                                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaSurveyPrintJob, opora_survey_print_job_free)

G_END_DECLS
