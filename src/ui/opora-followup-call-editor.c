#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-contract-form.h"
#include "opora-date.h"
#include "opora-error.h"
#include "opora-followup-call-editor.h"
#include "opora-store-peer.h"

struct _OporaFollowupCallEditor
{
  AdwWindow          parent_instance;

  OporaStore        *store;
  OporaFollowupCall *call; /* the copy edited */
  OporaFormErrors   *errors;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkLabel          *general_error;
  AdwActionRow      *person_row;
  AdwActionRow      *phone_row;
  AdwActionRow      *meeting_row;
  AdwActionRow      *due_row;
  GtkWidget         *called_row;
  GtkWidget         *situation_row;
  GtkSwitch         *satisfied_switch;
  GtkWidget         *note_row;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaFollowupCallEditor, opora_followup_call_editor, ADW_TYPE_WINDOW)

static const char *
situation_name (int value)
{
  return opora_situation_display_name ((OporaSituation) value);
}

static void
load_fields (OporaFollowupCallEditor *self)
{
  OporaFollowupCall *call = self->call;
  gboolean is_new = opora_followup_call_get_id (call) == 0;
  g_autofree char *meeting = opora_date_iso_to_display (opora_followup_call_get_meeting_on (call));
  g_autofree char *due_iso = opora_followup_call_dup_due_on (call);
  g_autofree char *due = opora_date_iso_to_display (due_iso);
  g_autofree char *meeting_text = NULL;
  g_autoptr(GListModel) situations = NULL;
  const char *title = is_new ? _("Record a Follow-up Call") : _("Edit the Follow-up Call");

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, opora_followup_call_get_person_name (call));

  adw_action_row_set_subtitle (self->person_row, opora_followup_call_get_person_name (call) ?: "");
  adw_action_row_set_subtitle (self->phone_row, opora_followup_call_get_phone (call)
                                                ? opora_followup_call_get_phone (call)
                                                : _("No phone recorded"));
  /* Translators: the meeting's title and date, "Встреча «Равный – равному», 31.01.2024". */
  meeting_text = g_strdup_printf (_("%s, %s"), opora_followup_call_get_group_title (call) ?: "",
                                  meeting ? meeting : "");
  adw_action_row_set_subtitle (self->meeting_row, meeting_text);
  adw_action_row_set_subtitle (self->due_row, due ? due : "");

  situations = opora_form_enum_names (OPORA_SITUATION_NONE, OPORA_SITUATION_WORSE, situation_name);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->situation_row), situations);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->situation_row),
                              opora_followup_call_get_situation (call));
  gtk_switch_set_active (self->satisfied_switch, opora_followup_call_get_satisfied (call));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), opora_followup_call_get_note (call) ?: "");

  if (is_new && opora_followup_call_get_called_on (call) == NULL)
    {
      g_autofree char *today = opora_date_today_iso ();
      opora_form_set_date (GTK_EDITABLE (self->called_row), today);
    }
  else
    opora_form_set_date (GTK_EDITABLE (self->called_row),
                         opora_followup_call_get_called_on (call));

  self->errors = opora_form_errors_new ();
  opora_form_errors_attach (self->errors, NULL, "called-on", self->called_row);
  opora_form_errors_attach (self->errors, NULL, "situation", self->situation_row);
}

static void
save_button_clicked_cb (OporaFollowupCallEditor *self)
{
  opora_followup_call_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_followup_call_editor_save (OPORA_FOLLOWUP_CALL_EDITOR (widget));
}

static void
opora_followup_call_editor_dispose (GObject *object)
{
  OporaFollowupCallEditor *self = (OporaFollowupCallEditor *)object;

  g_clear_pointer (&self->errors, opora_form_errors_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_FOLLOWUP_CALL_EDITOR);
  g_clear_object (&self->call);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_followup_call_editor_parent_class)->dispose (object);
}

static void
opora_followup_call_editor_class_init (OporaFollowupCallEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_followup_call_editor_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, OPORA_TYPE_FOLLOWUP_CALL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-followup-call-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, called_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, situation_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, satisfied_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaFollowupCallEditor, note_row);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_followup_call_editor_init (OporaFollowupCallEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
opora_followup_call_editor_new (OporaStore        *store,
                                OporaFollowupCall *call)
{
  OporaFollowupCallEditor *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (call), NULL);

  self = g_object_new (OPORA_TYPE_FOLLOWUP_CALL_EDITOR, NULL);
  self->store = g_object_ref (store);
  /* A copy: Cancel must leave the caller's object (a list row) untouched. */
  self->call = opora_followup_call_copy (call);
  load_fields (self);
  return GTK_WIDGET (self);
}

gboolean
opora_followup_call_editor_save (OporaFollowupCallEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *called_on = NULL;
  g_autofree char *note = NULL;
  guint situation;
  gboolean valid = TRUE;

  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL_EDITOR (self), FALSE);

  opora_form_errors_clear (self->errors);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);

  situation = adw_combo_row_get_selected (ADW_COMBO_ROW (self->situation_row));
  opora_followup_call_set_situation (self->call, situation <= OPORA_SITUATION_WORSE
                                                 ? situation : OPORA_SITUATION_NONE);
  /* Every refused field shows its message; the later one first, so the focus lands on
   * the first. */
  if (!opora_followup_call_validate_field (self->call, "situation", &error))
    {
      opora_form_errors_show (self->errors, NULL, "situation", error->message);
      valid = FALSE;
      g_clear_error (&error);
    }
  if (opora_form_read_date (GTK_EDITABLE (self->called_row), &called_on, &error))
    {
      opora_followup_call_set_called_on (self->call, called_on);
      opora_followup_call_validate_field (self->call, "called-on", &error);
    }
  if (error != NULL)
    {
      opora_form_errors_show (self->errors, NULL, "called-on", error->message);
      valid = FALSE;
    }
  if (!valid)
    return FALSE;

  opora_followup_call_set_satisfied (self->call, gtk_switch_get_active (self->satisfied_switch));
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  opora_followup_call_set_note (self->call, note);

  if (!opora_store_save_followup_call (self->store, self->call, &error))
    {
      /* The store counts from the meeting date it has: a refusal of the day is the
       * day's. */
      if (!g_error_matches (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER)
          || !opora_form_errors_show (self->errors, NULL, "called-on", error->message))
        {
          gtk_label_set_label (self->general_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->call);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
