#define G_LOG_DOMAIN "opora-ui"

#include <math.h>

#include "opora-store-survey-forms.h"
#include "opora-survey-print-job.h"

struct _OporaSurveyPrintJob
{
  OporaSurveyFormData *data;
  OporaSurveyForm     *form;        /* made by the thread that draws: Pango is per thread */
  GPtrArray           *recipients;  /* the persons point into it */
  GArray              *persons;     /* OporaSurveyFormPerson; empty for one blank form */
  char                *date;
};

OporaSurveyPrintJob *
opora_survey_print_job_new (OporaSurveyFormData *data,
                            GPtrArray           *recipients,
                            const char          *date)
{
  OporaSurveyPrintJob *job;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (recipients != NULL, NULL);

  job = g_new0 (OporaSurveyPrintJob, 1);
  job->data = data;
  job->recipients = recipients;
  job->date = g_strdup (date);
  job->persons = opora_survey_recipients_to_persons (recipients, job->date);
  if (job->persons->len == 0 && job->date != NULL)
    {
      OporaSurveyFormPerson dated = { NULL, job->date };

      g_array_append_val (job->persons, dated); /* a blank form with the date */
    }
  return job;
}

void
opora_survey_print_job_free (OporaSurveyPrintJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->form, opora_survey_form_free);
  g_clear_pointer (&job->data, opora_survey_form_data_free);
  g_clear_pointer (&job->persons, g_array_unref);
  g_clear_pointer (&job->recipients, g_ptr_array_unref);
  g_free (job->date);
  g_free (job);
}

guint
opora_survey_print_job_get_n_forms (OporaSurveyPrintJob *job)
{
  g_return_val_if_fail (job != NULL, 0);

  return MAX (job->persons->len, 1);
}

const char *
opora_survey_print_job_get_title (OporaSurveyPrintJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);

  return job->data->title;
}

static void
draw_page_cb (GtkPrintOperation   *operation,
              GtkPrintContext     *context,
              int                  page_nr,
              OporaSurveyPrintJob *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint per_form = opora_survey_form_get_n_pages (job->form);
  guint copy = (guint) page_nr / per_form;
  double scale = MIN (gtk_print_context_get_width (context) / OPORA_SURVEY_FORM_WIDTH_PT,
                      gtk_print_context_get_height (context) / OPORA_SURVEY_FORM_HEIGHT_PT);

  /* The form is laid out for A4; another paper gets it shrunk to fit, never cut. */
  if (fabs (scale - 1) > 0.005)
    cairo_scale (cr, scale, scale);
  opora_survey_form_draw_page (job->form, cr, (guint) page_nr % per_form,
                               job->persons->len > 0
                               ? &g_array_index (job->persons, OporaSurveyFormPerson, copy)
                               : NULL);
}

GtkPrintOperation *
opora_survey_print_job_to_operation (OporaSurveyPrintJob *job,
                                     GtkPrintSettings    *settings)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPaperSize *a4;

  g_return_val_if_fail (job != NULL, NULL);

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  /* The form keeps its own margins: the whole sheet, measured in points. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job->data->title);

  job->form = opora_survey_form_new (job->data);
  gtk_print_operation_set_n_pages (operation,
                                   (int) (opora_survey_print_job_get_n_forms (job)
                                          * opora_survey_form_get_n_pages (job->form)));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "opora-survey-print-job", job,
                          (GDestroyNotify) opora_survey_print_job_free);
  return operation;
}

gboolean
opora_survey_print_job_write_pdf (OporaSurveyPrintJob  *job,
                                  const char           *path,
                                  GError              **error)
{
  g_return_val_if_fail (job != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return opora_survey_form_write_pdf (path, job->data,
                                      (const OporaSurveyFormPerson *) job->persons->data,
                                      job->persons->len, error);
}
