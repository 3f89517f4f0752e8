/* The dialog that prints survey forms (печать анкет): the survey, then a blank form, a form
 * for one person, or one form for every contract holder of a year who has not answered the
 * survey, with how many forms that makes; Print… through the system print dialog and Save
 * as PDF… draw the same A4 pages as `opora-cli print-survey`. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PRINT_SURVEY_DIALOG (opora_print_survey_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OporaPrintSurveyDialog, opora_print_survey_dialog,
                      OPORA, PRINT_SURVEY_DIALOG, AdwWindow)

/* For the person page (@person_id_or_0 the person shown: the dialog offers that person's
 * form) and the surveys page (0: blank, a person found by search, or a year's list). Modal
 * over @parent's window; closes itself once the forms are printed or saved, and tells the
 * main window in a toast. */
void                    opora_print_survey_dialog_present   (GtkWidget               *parent,
                                                             OporaStore              *store,
                                                             gint64                   person_id_or_0);

OporaPrintSurveyDialog *opora_print_survey_dialog_new       (OporaStore              *store,
                                                             gint64                   person_id_or_0);

/* How many forms the choices make now; 0 when nothing can be printed. */
guint                   opora_print_survey_dialog_get_n_forms (OporaPrintSurveyDialog *self);

/* The pages Print… sends, through GtkPrintOperation on A4, exported to a PDF at @path
 * without showing the print dialog (needs a display). */
gboolean                opora_print_survey_dialog_export    (OporaPrintSurveyDialog  *self,
                                                             const char              *path,
                                                             GError                 **error);

/* What Save as PDF… does once a file is chosen: the forms written in a worker thread. */
void                    opora_print_survey_dialog_save_async  (OporaPrintSurveyDialog *self,
                                                               GFile                  *file,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
/* TRUE with the number of forms written, or FALSE with @error. */
gboolean                opora_print_survey_dialog_save_finish (OporaPrintSurveyDialog *self,
                                                               GAsyncResult           *result,
                                                               guint                  *out_n_forms,
                                                               GError                **error);

G_END_DECLS
