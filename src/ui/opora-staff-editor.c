#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-staff-editor.h"
#include "opora-store-staff.h"

struct _OporaStaffEditor
{
  AdwWindow       parent_instance;

  OporaStore     *store;
  OporaStaff     *staff;   /* as given or last saved; the fields hold the edits */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkLabel       *general_error;
  AdwEntryRow    *full_name_row;
  GtkWidget      *full_name_error_row;
  GtkLabel       *full_name_error;
  AdwComboRow    *position_row;
  GtkWidget      *position_error_row;
  GtkLabel       *position_error;
  AdwEntryRow    *district_row;
  GtkSwitch      *active_switch;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_STAFF,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaStaffEditor, opora_staff_editor, ADW_TYPE_WINDOW)

static void
clear_errors (OporaStaffEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->full_name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->position_row), "error");
  gtk_widget_set_visible (self->full_name_error_row, FALSE);
  gtk_widget_set_visible (self->position_error_row, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

static void
show_error (OporaStaffEditor *self,
            const char       *field,
            const char       *message)
{
  GtkWidget *input = NULL;
  GtkWidget *row = NULL;
  GtkLabel *label = self->general_error;

  if (g_strcmp0 (field, "full-name") == 0)
    {
      input = GTK_WIDGET (self->full_name_row);
      row = self->full_name_error_row;
      label = self->full_name_error;
    }
  else if (g_strcmp0 (field, "position") == 0)
    {
      input = GTK_WIDGET (self->position_row);
      row = self->position_error_row;
      label = self->position_error;
    }

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (row ? row : GTK_WIDGET (label), TRUE);
  if (input != NULL)
    {
      gtk_widget_add_css_class (input, "error");
      gtk_widget_grab_focus (input);
    }
}

static void
fill_fields (OporaStaffEditor *self)
{
  OporaStaff *s = self->staff;
  const char *district = opora_staff_get_district (s);
  const char *full_name = opora_staff_get_full_name (s);

  adw_window_title_set_title (self->window_title, opora_staff_get_id (s) == 0
                                                  ? _("New Staff Member")
                                                  : _("Edit Staff Member"));
  adw_window_title_set_subtitle (self->window_title,
                                 opora_staff_get_id (s) != 0 ? full_name : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), full_name ? full_name : "");
  adw_combo_row_set_selected (self->position_row, opora_staff_get_position (s));
  gtk_editable_set_text (GTK_EDITABLE (self->district_row), district ? district : "");
  gtk_switch_set_active (self->active_switch, opora_staff_get_active (s));
}

static OporaStaff *
read_fields (OporaStaffEditor *self)
{
  OporaStaff *s = opora_staff_copy (self->staff);
  guint position = adw_combo_row_get_selected (self->position_row);

  opora_staff_set_full_name (s, gtk_editable_get_text (GTK_EDITABLE (self->full_name_row)));
  opora_staff_set_position (s, position == GTK_INVALID_LIST_POSITION ? OPORA_POSITION_NONE
                                                                      : position);
  opora_staff_set_district (s, gtk_editable_get_text (GTK_EDITABLE (self->district_row)));
  opora_staff_set_active (s, gtk_switch_get_active (self->active_switch));
  return s;
}

static void
save_button_clicked_cb (OporaStaffEditor *self)
{
  opora_staff_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_staff_editor_save (OPORA_STAFF_EDITOR (widget));
}

static void
opora_staff_editor_constructed (GObject *object)
{
  OporaStaffEditor *self = (OporaStaffEditor *)object;

  G_OBJECT_CLASS (opora_staff_editor_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  if (self->staff == NULL)
    self->staff = opora_staff_new ();
  fill_fields (self);
}

static void
opora_staff_editor_dispose (GObject *object)
{
  OporaStaffEditor *self = (OporaStaffEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_STAFF_EDITOR);
  g_clear_object (&self->staff);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_staff_editor_parent_class)->dispose (object);
}

static void
opora_staff_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OporaStaffEditor *self = OPORA_STAFF_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_staff_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OporaStaffEditor *self = OPORA_STAFF_EDITOR (object);
  OporaStaff *staff;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_STAFF:
      /* A copy: Cancel must leave the caller's object (a list row, say) untouched. */
      staff = g_value_get_object (value);
      self->staff = staff ? opora_staff_copy (staff) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_staff_editor_class_init (OporaStaffEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_staff_editor_constructed;
  object_class->dispose = opora_staff_editor_dispose;
  object_class->get_property = opora_staff_editor_get_property;
  object_class->set_property = opora_staff_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAFF] =
    g_param_spec_object ("staff", NULL, NULL, OPORA_TYPE_STAFF,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, OPORA_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-staff-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, full_name_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, full_name_error);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, position_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, position_error);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffEditor, active_switch);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_staff_editor_init (OporaStaffEditor *self)
{
  g_autoptr(GtkStringList) positions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Position N is the value N of the enum: NONE first, as "Not chosen". */
  for (int position = OPORA_POSITION_NONE; position <= OPORA_POSITION_DEPUTY_DIRECTOR; position++)
    gtk_string_list_append (positions, opora_position_display_name (position));
  adw_combo_row_set_model (self->position_row, G_LIST_MODEL (positions));
}

GtkWidget *
opora_staff_editor_new (OporaStore *store,
                        OporaStaff *staff)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (staff == NULL || OPORA_IS_STAFF (staff), NULL);

  return g_object_new (OPORA_TYPE_STAFF_EDITOR, "store", store, "staff", staff, NULL);
}

OporaStaff *
opora_staff_editor_get_staff (OporaStaffEditor *self)
{
  g_return_val_if_fail (OPORA_IS_STAFF_EDITOR (self), NULL);
  return self->staff;
}

gboolean
opora_staff_editor_save (OporaStaffEditor *self)
{
  g_autoptr(OporaStaff) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  g_return_val_if_fail (OPORA_IS_STAFF_EDITOR (self), FALSE);

  clear_errors (self);
  edited = read_fields (self);
  if (!opora_staff_validate (edited, &field, &error) ||
      !opora_store_save_staff (self->store, edited, &error))
    {
      show_error (self, field, error->message);
      return FALSE;
    }

  g_set_object (&self->staff, edited);
  g_signal_emit (self, signals[SAVED], 0, self->staff);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
