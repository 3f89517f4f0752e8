#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-contract-form.h"
#include "opora-enrollment-editor.h"
#include "opora-store-enrollments.h"

struct _OporaEnrollmentEditor
{
  AdwWindow        parent_instance;

  OporaStore      *store;
  OporaEnrollment *enrollment;
  OporaFormErrors *errors;

  AdwWindowTitle  *window_title;
  GtkRevealer     *banner_revealer;
  GtkLabel        *banner_label;
  GtkWidget       *save_button;
  AdwComboRow     *technology_row;
  AdwEntryRow     *from_row;
  AdwEntryRow     *until_row;
  AdwComboRow     *staff_row;
  AdwComboRow     *satisfied_row;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaEnrollmentEditor, opora_enrollment_editor, ADW_TYPE_WINDOW)

static void
show_refusal (OporaEnrollmentEditor *self,
              const char            *field,
              const char            *message)
{
  if (opora_form_errors_show (self->errors, self->enrollment, field, message))
    return;
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static gboolean
read_date (OporaEnrollmentEditor  *self,
           const char             *field,
           AdwEntryRow            *row,
           char                  **iso)
{
  g_autoptr(GError) error = NULL;

  if (opora_form_read_date (GTK_EDITABLE (row), iso, &error))
    return TRUE;
  show_refusal (self, field, error->message);
  return FALSE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_enrollment_editor_save (OPORA_ENROLLMENT_EDITOR (widget));
}

static void
opora_enrollment_editor_dispose (GObject *object)
{
  OporaEnrollmentEditor *self = (OporaEnrollmentEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_ENROLLMENT_EDITOR);
  g_clear_pointer (&self->errors, opora_form_errors_free);

  G_OBJECT_CLASS (opora_enrollment_editor_parent_class)->dispose (object);
}

static void
opora_enrollment_editor_finalize (GObject *object)
{
  OporaEnrollmentEditor *self = (OporaEnrollmentEditor *)object;

  g_clear_object (&self->enrollment);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_enrollment_editor_parent_class)->finalize (object);
}

static void
opora_enrollment_editor_class_init (OporaEnrollmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_enrollment_editor_dispose;
  object_class->finalize = opora_enrollment_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-enrollment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, technology_row);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, until_row);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, staff_row);
  gtk_widget_class_bind_template_child (widget_class, OporaEnrollmentEditor, satisfied_row);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_enrollment_editor_init (OporaEnrollmentEditor *self)
{
  g_autoptr(GListModel) technologies = NULL;
  g_autoptr(GListModel) answers = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  technologies = opora_form_enum_names (OPORA_TECHNOLOGY_NONE, OPORA_TECHNOLOGY_MENTORING,
                                        (gpointer) opora_technology_display_name);
  adw_combo_row_set_model (self->technology_row, technologies);
  answers = opora_form_enum_names (OPORA_SATISFIED_UNKNOWN, OPORA_SATISFIED_NO,
                                   (gpointer) opora_satisfied_display_name);
  adw_combo_row_set_model (self->satisfied_row, answers);
  self->errors = opora_form_errors_new ();
}

OporaEnrollmentEditor *
opora_enrollment_editor_new (OporaStore      *store,
                             OporaEnrollment *enrollment,
                             gint64           person_id)
{
  OporaEnrollmentEditor *self;
  OporaEnrollment *e;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (enrollment == NULL || OPORA_IS_ENROLLMENT (enrollment), NULL);

  self = g_object_new (OPORA_TYPE_ENROLLMENT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->enrollment = enrollment ? opora_enrollment_copy (enrollment) : opora_enrollment_new ();
  e = self->enrollment;
  if (enrollment == NULL)
    opora_enrollment_set_person_id (e, person_id);

  opora_form_errors_attach (self->errors, e, "technology", GTK_WIDGET (self->technology_row));
  opora_form_errors_attach (self->errors, e, "from-on", GTK_WIDGET (self->from_row));
  opora_form_errors_attach (self->errors, e, "until-on", GTK_WIDGET (self->until_row));
  opora_form_errors_attach (self->errors, e, "staff-id", GTK_WIDGET (self->staff_row));
  opora_form_errors_attach (self->errors, e, "satisfied", GTK_WIDGET (self->satisfied_row));

  adw_combo_row_set_selected (self->technology_row, opora_enrollment_get_technology (e));
  opora_form_set_date (GTK_EDITABLE (self->from_row), opora_enrollment_get_from_on (e));
  opora_form_set_date (GTK_EDITABLE (self->until_row), opora_enrollment_get_until_on (e));
  opora_form_setup_staff_row (self->staff_row, store, opora_enrollment_get_staff_id (e));
  adw_combo_row_set_selected (self->satisfied_row, opora_enrollment_get_satisfied (e));
  if (opora_enrollment_get_id (e) == 0)
    adw_window_title_set_title (self->window_title, _("Enroll in a Technology"));
  return self;
}

gboolean
opora_enrollment_editor_save (OporaEnrollmentEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from_on = NULL;
  g_autofree char *until_on = NULL;
  const char *field = NULL;

  g_return_val_if_fail (OPORA_IS_ENROLLMENT_EDITOR (self), FALSE);

  opora_form_errors_clear (self->errors);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  if (!read_date (self, "from-on", self->from_row, &from_on) ||
      !read_date (self, "until-on", self->until_row, &until_on))
    return FALSE;

  opora_enrollment_set_technology (self->enrollment,
                                   adw_combo_row_get_selected (self->technology_row));
  opora_enrollment_set_from_on (self->enrollment, from_on);
  opora_enrollment_set_until_on (self->enrollment, until_on);
  opora_enrollment_set_staff_id (self->enrollment, opora_form_staff_id (self->staff_row));
  opora_enrollment_set_satisfied (self->enrollment,
                                  adw_combo_row_get_selected (self->satisfied_row));

  if (!opora_store_save_enrollment (self->store, self->enrollment, &field, &error))
    {
      show_refusal (self, field, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, opora_enrollment_get_id (self->enrollment));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
