/* The survey forms written to a PDF file: every copy on its own pages, the file replaced only
 * once it is whole. */
#define G_LOG_DOMAIN "opora-survey-form"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-survey-form.h"

/* Cairo writes the PDF through this: the first failure is kept and the rest is skipped. */
typedef struct
{
  GOutputStream *out;
  GError        *error;
} Writer;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *bytes,
          unsigned int         length)
{
  Writer *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->out, bytes, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 GError      *cause)
{
  if (cause != NULL && (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                        || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
                        || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY)
                        || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY)))
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY,
                 _("Cannot write the forms file “%s”: check that its folder exists "
                   "and may be written to"), path);
  else
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_IO, _("Cannot write the forms file “%s”: %s"),
                 path, cause != NULL ? cause->message : _("the PDF could not be made"));
}

gboolean
opora_survey_form_write_pdf (const char                  *path,
                             const OporaSurveyFormData   *data,
                             const OporaSurveyFormPerson *persons,
                             guint                        n,
                             GError                     **error)
{
  g_autoptr(OporaSurveyForm) form = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = NULL;
  Writer writer = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  guint n_pages;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (n == 0 || persons != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A replacement appears under @path only when it is closed whole: a failure halfway
   * leaves no half-written file, and an older file of that name as it was. */
  file = g_file_new_for_path (path);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                           &writer.error);
  if (stream == NULL)
    {
      set_write_error (error, path, writer.error);
      g_error_free (writer.error);
      return FALSE;
    }
  writer.out = G_OUTPUT_STREAM (stream);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &writer, OPORA_SURVEY_FORM_WIDTH_PT,
                                                 OPORA_SURVEY_FORM_HEIGHT_PT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Opora");
  if (data->title != NULL && data->title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, data->title);

  form = opora_survey_form_new (data);
  n_pages = opora_survey_form_get_n_pages (form);
  cr = cairo_create (surface);
  for (guint copy = 0; copy < MAX (n, 1) && writer.error == NULL; copy++)
    for (guint page = 0; page < n_pages; page++)
      {
        opora_survey_form_draw_page (form, cr, page, n > 0 ? &persons[copy] : NULL);
        cairo_show_page (cr);
      }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && writer.error == NULL
      && g_output_stream_close (writer.out, NULL, &writer.error))
    return TRUE;

  /* Closing with a cancelled cancellable throws the new file away. */
  discard = g_cancellable_new ();
  g_cancellable_cancel (discard);
  g_output_stream_close (writer.out, discard, NULL);
  if (writer.error == NULL && status != CAIRO_STATUS_SUCCESS)
    writer.error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                        cairo_status_to_string (status));
  set_write_error (error, path, writer.error);
  g_clear_error (&writer.error);
  return FALSE;
}
