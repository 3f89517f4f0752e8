#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-person.h"
#include "opora-print-survey-dialog.h"
#include "opora-store-persons.h"
#include "opora-store-survey-forms.h"
#include "opora-survey-print-job.h"
#include "opora-window.h"

#define MAX_MATCHES 8 /* persons shown for a search: enough to pick from, never a registry */
/* A year's count reads every contract of the year (a fifth of a second on a million): it
 * waits until the year stops changing under a held spin button. */
#define COUNT_DELAY_MS 250

typedef enum
{
  MODE_BLANK,
  MODE_PERSON,
  MODE_YEAR,
} Mode;

struct _OporaPrintSurveyDialog
{
  AdwWindow            parent_instance;

  OporaStore          *store;
  GPtrArray           *templates;     /* OporaSurveyFormTemplate */
  OporaSurveyFormData *data;          /* the chosen survey's form; NULL when unreadable */
  gint64               person_id;     /* the person chosen, or 0 */
  char                *person_name;
  gboolean             person_fixed;  /* opened for one person: no search */
  GListModel          *matches;       /* persons found by the search */
  char                *date_display;  /* the date to print, or NULL for a blank line */
  gboolean             date_valid;
  guint                n_forms;
  gboolean             busy;          /* a save is running */
  guint                count_source;  /* a year's count waiting for the year to settle */

  GtkWidget           *print_button;
  GtkWidget           *save_button;
  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  AdwComboRow         *template_row;
  GtkCheckButton      *blank_check;
  GtkCheckButton      *person_check;
  GtkCheckButton      *year_check;
  AdwActionRow        *person_row;
  GtkSpinButton       *year_spin;
  GtkWidget           *search_group;
  GtkSearchEntry      *search_entry;
  GtkListBox          *match_list;
  AdwEntryRow         *date_row;
  GtkLabel            *date_error;
  GtkLabel            *summary_label;
};

G_DEFINE_FINAL_TYPE (OporaPrintSurveyDialog, opora_print_survey_dialog, ADW_TYPE_WINDOW)

static GtkPrintSettings *last_print_settings; /* what the user chose last time, for the next */

static Mode
get_mode (OporaPrintSurveyDialog *self)
{
  if (gtk_check_button_get_active (self->person_check))
    return MODE_PERSON;
  if (gtk_check_button_get_active (self->year_check))
    return MODE_YEAR;
  return MODE_BLANK;
}

static gint64
get_template_id (OporaPrintSurveyDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);
  OporaSurveyFormTemplate *t;

  if (self->templates == NULL || selected >= self->templates->len)
    return 0;
  t = g_ptr_array_index (self->templates, selected);
  return t->id;
}

static int
get_year (OporaPrintSurveyDialog *self)
{
  return gtk_spin_button_get_value_as_int (self->year_spin);
}

static void
year_bounds (int    year,
             char **from,
             char **to)
{
  *from = g_strdup_printf ("%04d-01-01", year);
  *to = g_strdup_printf ("%04d-12-31", year);
}

static void
show_banner (OporaPrintSurveyDialog *self,
             const char             *message)
{
  if (message != NULL)
    gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

/* Counts the forms the choices make and says so; Print… and Save as PDF… are enabled only
 * when there is something to print. */
static void
update (OporaPrintSurveyDialog *self)
{
  g_autofree char *summary = NULL;
  Mode mode = get_mode (self);
  gboolean can_print;

  g_clear_handle_id (&self->count_source, g_source_remove);

  gtk_widget_set_visible (self->search_group, mode == MODE_PERSON && !self->person_fixed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_spin), mode == MODE_YEAR);
  adw_action_row_set_subtitle (self->person_row,
                               self->person_name != NULL
                               ? self->person_name
                               : _("Nobody chosen yet: find the person below"));

  self->n_forms = 0;
  if (self->data == NULL)
    summary = g_strdup ("");
  else if (mode == MODE_BLANK)
    {
      self->n_forms = 1;
      summary = g_strdup (_("One blank form"));
    }
  else if (mode == MODE_PERSON)
    {
      self->n_forms = self->person_id != 0 ? 1 : 0;
      summary = self->person_id != 0
                ? g_strdup_printf (_("One form for %s"), self->person_name)
                : g_strdup (_("Choose the person below"));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      int year = get_year (self);

      year_bounds (year, &from, &to);
      if (!opora_store_count_unsurveyed_contract_holders (self->store, get_template_id (self),
                                                          from, to, &self->n_forms, &error))
        summary = g_strdup (error->message);
      else if (self->n_forms == 0)
        summary = g_strdup_printf (_("Everyone who concluded a social contract in %d has "
                                     "answered this survey: there is nothing to print"), year);
      else
        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u form: one for each contract holder of %d "
                                                "who has not answered this survey",
                                                "%u forms: one for each contract holder of %d "
                                                "who has not answered this survey",
                                                self->n_forms),
                                   self->n_forms, year);
    }
  gtk_label_set_label (self->summary_label, summary);

  can_print = self->n_forms > 0 && self->date_valid && !self->busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survey-print.print", can_print);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survey-print.save-pdf", can_print);
}

static void
load_form (OporaPrintSurveyDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->data, opora_survey_form_data_free);
  self->data = opora_store_load_survey_form (self->store, get_template_id (self), &error);
  show_banner (self, self->data == NULL ? error->message : NULL);
}

static void
load_templates (OporaPrintSurveyDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint builtin = 0;

  self->templates = opora_store_list_survey_form_templates (self->store, &error);
  if (self->templates == NULL)
    {
      show_banner (self, error->message);
      return;
    }
  for (guint i = 0; i < self->templates->len; i++)
    {
      OporaSurveyFormTemplate *t = g_ptr_array_index (self->templates, i);

      gtk_string_list_append (titles, t->title);
      if (g_strcmp0 (t->code, "peer_consent") == 0)
        builtin = i;
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->template_row, builtin);
}

static void
set_person (OporaPrintSurveyDialog *self,
            gint64                  person_id,
            const char             *full_name)
{
  self->person_id = person_id;
  g_free (self->person_name);
  self->person_name = g_strdup (full_name);
}

/* Ticks the row of the person chosen. */
static void
show_ticks (OporaPrintSurveyDialog *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->match_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      OporaPerson *person = g_object_get_data (G_OBJECT (row), "person");
      GtkWidget *tick = g_object_get_data (G_OBJECT (row), "tick");

      if (person != NULL && tick != NULL)
        gtk_widget_set_visible (tick, opora_person_get_id (person) == self->person_id);
    }
}

/* The first few persons the search finds, a row each; the chosen one is ticked. */
static void
fill_matches (OporaPrintSurveyDialog *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->match_list))) != NULL)
    gtk_list_box_remove (self->match_list, child);
  if (self->matches == NULL)
    return;

  n = g_list_model_get_n_items (self->matches);
  for (guint i = 0; i < MIN (n, MAX_MATCHES); i++)
    {
      g_autoptr(OporaPerson) person = g_list_model_get_item (self->matches, i);
      g_autofree char *name = opora_person_dup_full_name (person);
      g_autofree char *born = opora_date_iso_to_display (opora_person_get_birth_date (person));
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *tick;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (born != NULL)
        {
          /* TRANSLATORS: the birth date under a person's name in a list to choose from */
          g_autofree char *subtitle = g_strdup_printf (_("born %s"), born);

          adw_action_row_set_subtitle (row, subtitle);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      tick = gtk_image_new_from_icon_name ("object-select-symbolic");
      adw_action_row_add_suffix (row, tick);
      g_object_set_data (G_OBJECT (row), "tick", tick);
      g_object_set_data_full (G_OBJECT (row), "person",
                              g_object_ref (person), g_object_unref);
      gtk_list_box_append (self->match_list, GTK_WIDGET (row));
    }
  if (n > MAX_MATCHES)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more: type more of the name",
                                                            "and %u more: type more of the name",
                                                            n - MAX_MATCHES),
                                               n - MAX_MATCHES);
      GtkWidget *label = gtk_label_new (more);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->match_list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)),
                                        FALSE);
    }
  show_ticks (self);
}

static void
search_changed_cb (OporaPrintSurveyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  OporaPersonQuery query = { .search = text };

  if (text == NULL || *text == '\0')
    g_clear_object (&self->matches);
  else if (self->matches == NULL)
    self->matches = opora_store_list_persons (self->store, &query);
  else
    opora_person_list_set_query (self->matches, &query);
  fill_matches (self);
}

static void
match_activated_cb (OporaPrintSurveyDialog *self,
                    GtkListBoxRow          *row)
{
  OporaPerson *person = g_object_get_data (G_OBJECT (row), "person");
  g_autofree char *name = NULL;

  if (person == NULL)
    return;
  name = opora_person_dup_full_name (person);
  set_person (self, opora_person_get_id (person), name);
  show_ticks (self);
  update (self);
}

static void
mode_toggled_cb (OporaPrintSurveyDialog *self,
                 GtkCheckButton         *check)
{
  if (!gtk_check_button_get_active (check))
    return; /* the button that became active updates */
  update (self);
  if (get_mode (self) == MODE_PERSON && !self->person_fixed && self->person_id == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static gboolean
count_timeout_cb (gpointer user_data)
{
  OporaPrintSurveyDialog *self = user_data;

  self->count_source = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
year_changed_cb (OporaPrintSurveyDialog *self)
{
  if (get_mode (self) != MODE_YEAR)
    return;
  g_clear_handle_id (&self->count_source, g_source_remove);
  self->count_source = g_timeout_add (COUNT_DELAY_MS, count_timeout_cb, self);
  gtk_label_set_label (self->summary_label, _("Counting the forms…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survey-print.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survey-print.save-pdf", FALSE);
}

static void
template_selected_cb (OporaPrintSurveyDialog *self)
{
  load_form (self);
  update (self);
}

static void
date_changed_cb (OporaPrintSurveyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  g_clear_pointer (&self->date_display, g_free);
  self->date_valid = TRUE;
  /* Empty is allowed: the date is then written on the paper by hand. */
  iso = opora_date_display_to_iso (text, &error);
  if (iso != NULL)
    self->date_display = opora_date_iso_to_display (iso);
  else if (error != NULL)
    self->date_valid = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->date_error), !self->date_valid);
  if (!self->date_valid)
    {
      gtk_label_set_label (self->date_error, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  update (self);
}

/* The forms the choices make: the data, and a person per copy (none for a blank form). */
static OporaSurveyPrintJob *
make_job (OporaPrintSurveyDialog  *self,
          GError                 **error)
{
  g_autoptr(OporaSurveyFormData) data = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  gint64 template_id = get_template_id (self);

  /* A copy of its own: a save runs in a thread while the dialog may change its choice. */
  if (!(data = opora_store_load_survey_form (self->store, template_id, error)))
    return NULL;

  switch (get_mode (self))
    {
    case MODE_BLANK:
      recipients = g_ptr_array_new ();
      break;

    case MODE_PERSON:
      recipients = opora_store_list_survey_recipients (self->store, &self->person_id, 1,
                                                       error);
      break;

    case MODE_YEAR:
    default:
      {
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;

        year_bounds (get_year (self), &from, &to);
        recipients = opora_store_list_unsurveyed_contract_holders (self->store, template_id,
                                                                   from, to, error);
      }
      break;
    }
  if (recipients == NULL)
    return NULL;
  return opora_survey_print_job_new (g_steal_pointer (&data), g_steal_pointer (&recipients),
                                     self->date_display);
}

/* Closes the dialog and says what happened in the main window, which outlives it. */
static void
finish_with_toast (OporaPrintSurveyDialog *self,
                   const char             *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (OPORA_IS_WINDOW (parent))
    opora_window_add_toast (OPORA_WINDOW (parent), adw_toast_new (message));
  gtk_window_close (GTK_WINDOW (self));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               OporaPrintSurveyDialog  *self)
{
  OporaSurveyPrintJob *job = g_object_get_data (G_OBJECT (operation),
                                                 "opora-survey-print-job");

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_banner (self, error != NULL ? error->message : _("The forms could not be printed"));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      guint n = opora_survey_print_job_get_n_forms (job);
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u survey form sent to print",
                                                               "%u survey forms sent to print",
                                                               n), n);

      g_set_object (&last_print_settings, gtk_print_operation_get_print_settings (operation));
      finish_with_toast (self, message);
    }
  g_object_unref (self);
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  OporaPrintSurveyDialog *self = OPORA_PRINT_SURVEY_DIALOG (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  OporaSurveyPrintJob *job;

  if (!(job = make_job (self, &error)))
    {
      show_banner (self, error->message);
      return;
    }
  show_banner (self, NULL);
  operation = opora_survey_print_job_to_operation (job, last_print_settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_banner (self, error->message);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OporaSurveyPrintJob *job = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (opora_survey_print_job_write_pdf (job, path, &error))
    g_task_return_int (task, opora_survey_print_job_get_n_forms (job));
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  OporaPrintSurveyDialog *self = OPORA_PRINT_SURVEY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!opora_print_survey_dialog_save_finish (self, result, &n, &error))
    {
      show_banner (self, error->message);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u survey form saved to PDF",
                                                             "%u survey forms saved to PDF",
                                                             n), n);

    finish_with_toast (self, message);
  }
}

static void
chooser_response_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     OporaPrintSurveyDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      opora_print_survey_dialog_save_async (self, file, NULL, save_done_cb, NULL);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_pdf_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OporaPrintSurveyDialog *self = OPORA_PRINT_SURVEY_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Survey Forms"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdelimit (g_strdup_printf ("%s.pdf", self->data != NULL ? self->data->title
                                                                       : _("Survey forms")),
                       "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
opora_print_survey_dialog_dispose (GObject *object)
{
  OporaPrintSurveyDialog *self = (OporaPrintSurveyDialog *)object;

  g_clear_handle_id (&self->count_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PRINT_SURVEY_DIALOG);
  g_clear_object (&self->matches);

  G_OBJECT_CLASS (opora_print_survey_dialog_parent_class)->dispose (object);
}

static void
opora_print_survey_dialog_finalize (GObject *object)
{
  OporaPrintSurveyDialog *self = (OporaPrintSurveyDialog *)object;

  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->data, opora_survey_form_data_free);
  g_free (self->person_name);
  g_free (self->date_display);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_print_survey_dialog_parent_class)->finalize (object);
}

static void
opora_print_survey_dialog_class_init (OporaPrintSurveyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_print_survey_dialog_dispose;
  object_class->finalize = opora_print_survey_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-print-survey-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, blank_check);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, person_check);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, year_check);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, search_group);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, match_list);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, date_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPrintSurveyDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, year_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, match_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);

  gtk_widget_class_install_action (widget_class, "survey-print.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "survey-print.save-pdf", NULL,
                                   save_pdf_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "survey-print.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "survey-print.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_print_survey_dialog_init (OporaPrintSurveyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->date_valid = TRUE;
}

OporaPrintSurveyDialog *
opora_print_survey_dialog_new (OporaStore *store,
                               gint64      person_id_or_0)
{
  OporaPrintSurveyDialog *self;
  int year;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  self = g_object_new (OPORA_TYPE_PRINT_SURVEY_DIALOG, NULL);
  self->store = g_object_ref (store);

  load_templates (self);
  load_form (self);
  g_signal_connect_swapped (self->template_row, "notify::selected",
                            G_CALLBACK (template_selected_cb), self);

  /* The year of the latest contracts is the one still to survey; a new registry has
   * none, and then this year is offered. */
  year = opora_store_latest_contract_year (store);
  if (year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  gtk_spin_button_set_value (self->year_spin, year);

  if (person_id_or_0 != 0)
    {
      g_autoptr(GPtrArray) found = opora_store_list_survey_recipients (store, &person_id_or_0,
                                                                       1, NULL);

      if (found != NULL && found->len == 1)
        {
          OporaSurveyRecipient *r = g_ptr_array_index (found, 0);

          set_person (self, r->person_id, r->full_name);
          self->person_fixed = TRUE;
          gtk_check_button_set_active (self->person_check, TRUE);
        }
    }
  update (self);
  return self;
}

void
opora_print_survey_dialog_present (GtkWidget  *parent,
                                   OporaStore *store,
                                   gint64      person_id_or_0)
{
  OporaPrintSurveyDialog *self;
  GtkRoot *root;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (OPORA_IS_STORE (store));

  self = opora_print_survey_dialog_new (store, person_id_or_0);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self));
}

guint
opora_print_survey_dialog_get_n_forms (OporaPrintSurveyDialog *self)
{
  g_return_val_if_fail (OPORA_IS_PRINT_SURVEY_DIALOG (self), 0);

  if (self->count_source != 0)
    update (self); /* the count the user is waiting for, now */
  return self->n_forms;
}

gboolean
opora_print_survey_dialog_export (OporaPrintSurveyDialog  *self,
                                  const char              *path,
                                  GError                 **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  OporaSurveyPrintJob *job;

  g_return_val_if_fail (OPORA_IS_PRINT_SURVEY_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(job = make_job (self, error)))
    return FALSE;
  operation = opora_survey_print_job_to_operation (job, last_print_settings);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  GTK_WINDOW (self), error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
opora_print_survey_dialog_save_async (OporaPrintSurveyDialog *self,
                                      GFile                  *file,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  OporaSurveyPrintJob *job;
  char *path;

  g_return_if_fail (OPORA_IS_PRINT_SURVEY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, opora_print_survey_dialog_save_async);
  if (!(job = make_job (self, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      opora_survey_print_job_free (job);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot write the forms file “%s”: choose a folder on this "
                                 "computer"), uri);
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) opora_survey_print_job_free);
  g_object_set_data_full (G_OBJECT (task), "path", path, g_free);
  self->busy = TRUE;
  show_banner (self, NULL);
  update (self);
  g_task_run_in_thread (task, save_thread);
}

gboolean
opora_print_survey_dialog_save_finish (OporaPrintSurveyDialog  *self,
                                       GAsyncResult            *result,
                                       guint                   *out_n_forms,
                                       GError                 **error)
{
  gssize n;

  g_return_val_if_fail (OPORA_IS_PRINT_SURVEY_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->busy = FALSE;
  update (self);
  n = g_task_propagate_int (G_TASK (result), error);
  if (out_n_forms != NULL)
    *out_n_forms = n > 0 ? (guint) n : 0;
  return n > 0;
}
