#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "opora-indicator-catalogue.h"
#include "opora-store-targets.h"
#include "opora-targets-dialog.h"

/* One indicator's row: its definition, the target in force when the dialog opened, and
 * the widgets that edit it. */
typedef struct
{
  const OporaIndicatorDef *def;
  double                   loaded;     /* the target in force, or OPORA_INDICATOR_NO_TARGET */
  gboolean                 overridden; /* whether @loaded is an override of the default */
  char                    *error;
  GtkWidget               *row;
  GtkEditable             *entry;
  GtkCheckButton          *no_target;
  GtkWidget               *reset;
  GtkLabel                *error_label;
  char                    *typed;      /* the text put aside while "No target" is on */
} TargetRow;

struct _OporaTargetsDialog
{
  AdwWindow             parent_instance;

  OporaStore           *store;
  OporaTechnology       technology;
  GPtrArray            *rows; /* TargetRow */

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  AdwPreferencesGroup  *group;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaTargetsDialog, opora_targets_dialog, ADW_TYPE_WINDOW)

static void
target_row_free (gpointer data)
{
  TargetRow *row = data;

  g_free (row->error);
  g_free (row->typed);
  g_free (row);
}

static gboolean
is_share (const TargetRow *row)
{
  return row->def->kind == OPORA_INDICATOR_KIND_SHARE;
}

static gboolean
same_target (double a,
             double b)
{
  if (!OPORA_INDICATOR_HAS_TARGET (a) || !OPORA_INDICATOR_HAS_TARGET (b))
    return OPORA_INDICATOR_HAS_TARGET (a) == OPORA_INDICATOR_HAS_TARGET (b);
  return fabs (a - b) < 1e-9;
}

/* "60" for a share of 0.6, "95,5" for 0.955 (the decimal comma of Russian), "4". */
static char *
format_target (const TargetRow *row,
               double           target)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double shown = is_share (row) ? target * 100 : target;

  g_ascii_formatd (buffer, sizeof buffer, "%.10g", round (shown * 1e6) / 1e6);
  g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

/* The text of a target field read back; FALSE with a message a user can act on. */
static gboolean
parse_target (const TargetRow  *row,
              const char       *text,
              double           *target,
              char            **message)
{
  g_autofree char *clean = g_strdup (text ? text : "");
  char *end = NULL;
  double value;

  g_strstrip (clean);
  if (g_str_has_suffix (clean, "%"))
    {
      clean[strlen (clean) - 1] = '\0';
      g_strstrip (clean);
    }
  g_strdelimit (clean, ",", '.');
  if (*clean == '\0')
    {
      *message = g_strdup (_("Type a target or choose “No target”"));
      return FALSE;
    }
  value = g_ascii_strtod (clean, &end);
  if (end == clean || *end != '\0' || isnan (value) || isinf (value))
    {
      *message = g_strdup_printf (_("“%s” is not a number"), text);
      return FALSE;
    }
  if (is_share (row) && (value < 0 || value > 100))
    {
      *message = g_strdup (_("A percentage must be from 0 to 100"));
      return FALSE;
    }
  if (!is_share (row) && (value < 0 || value != floor (value)))
    {
      *message = g_strdup (_("A count must be a whole number, 0 or more"));
      return FALSE;
    }
  *target = is_share (row) ? value / 100 : value;
  return TRUE;
}

static void
show_row_error (TargetRow  *row,
                const char *message)
{
  g_free (row->error);
  row->error = g_strdup (message);
  gtk_label_set_text (row->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->entry), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/* What the row says now: FALSE (and the message) when its text is not a target. */
static gboolean
row_value (const TargetRow  *row,
           double           *target,
           char            **message)
{
  if (gtk_check_button_get_active (row->no_target))
    {
      *target = OPORA_INDICATOR_NO_TARGET;
      return TRUE;
    }
  return parse_target (row, gtk_editable_get_text (row->entry), target, message);
}

/* Reset is offered while the row says anything but the default. */
static void
update_row (TargetRow *row)
{
  double target;
  g_autofree char *message = NULL;
  gboolean is_default = row_value (row, &target, &message)
                        && same_target (target, row->def->default_target);

  gtk_widget_set_sensitive (row->reset, !is_default);
  gtk_widget_set_sensitive (GTK_WIDGET (row->entry),
                            !gtk_check_button_get_active (row->no_target));
}

static void
set_row (TargetRow *row,
         double     target)
{
  g_autofree char *text = OPORA_INDICATOR_HAS_TARGET (target) ? format_target (row, target)
                                                              : NULL;

  gtk_check_button_set_active (row->no_target, !OPORA_INDICATOR_HAS_TARGET (target));
  gtk_editable_set_text (row->entry, text ? text : "");
  show_row_error (row, NULL);
  update_row (row);
}

static void
entry_changed_cb (GtkEditable *entry,
                  TargetRow   *row)
{
  /* The field being corrected no longer looks wrong; its message stays until Save. */
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  update_row (row);
}

static void
no_target_toggled_cb (GtkCheckButton *button,
                      TargetRow      *row)
{
  if (gtk_check_button_get_active (button))
    {
      g_free (row->typed);
      row->typed = g_strdup (gtk_editable_get_text (row->entry));
      gtk_editable_set_text (row->entry, "");
      show_row_error (row, NULL);
    }
  else if (row->typed != NULL && *gtk_editable_get_text (row->entry) == '\0')
    {
      gtk_editable_set_text (row->entry, row->typed);
    }
  update_row (row);
}

static void
reset_clicked_cb (GtkButton *button,
                  TargetRow *row)
{
  set_row (row, row->def->default_target);
}

static char *
describe_default (const TargetRow *row)
{
  g_autofree char *text = NULL;

  if (!OPORA_INDICATOR_HAS_TARGET (row->def->default_target))
    return g_strdup (_("Default: no target"));
  text = format_target (row, row->def->default_target);
  if (is_share (row))
    /* TRANSLATORS: the seed's target of a share, e.g. "Default: at least 60 %" */
    return g_strdup_printf (_("Default: at least %s %%"), text);
  /* TRANSLATORS: the seed's target of a count, e.g. "Default: at least 4" */
  return g_strdup_printf (_("Default: at least %s"), text);
}

static TargetRow *
build_row (OporaTargetsDialog      *self,
           const OporaIndicatorDef *def)
{
  TargetRow *row = g_new0 (TargetRow, 1);
  g_autofree char *subtitle = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *field_box, *entry_box, *sign, *unit, *entry, *check, *reset, *error_label;

  row->def = def;
  if (!opora_store_get_target (self->store, def->id, &row->loaded, &row->overridden, &error))
    {
      g_warning ("Cannot read the target of %s: %s", def->id, error->message);
      row->loaded = def->default_target;
    }

  row->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row),
                                 opora_indicator_def_get_title (def));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  subtitle = describe_default (row);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row->row), 2);

  /* "≥ [ 60 ] %", the refusal under it. */
  field_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (field_box, GTK_ALIGN_CENTER);
  entry_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (entry_box, GTK_ALIGN_END);
  sign = gtk_label_new ("≥");
  entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  opora_indicator_def_get_title (def), -1);
  unit = gtk_label_new (is_share (row) ? "%" : "");
  gtk_label_set_width_chars (GTK_LABEL (unit), 1);
  gtk_box_append (GTK_BOX (entry_box), sign);
  gtk_box_append (GTK_BOX (entry_box), entry);
  gtk_box_append (GTK_BOX (entry_box), unit);
  error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error_label), 28);
  gtk_label_set_xalign (GTK_LABEL (error_label), 1);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_add_css_class (error_label, "caption");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (field_box), entry_box);
  gtk_box_append (GTK_BOX (field_box), error_label);

  check = gtk_check_button_new_with_label (C_("indicators", "No target"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset, "flat");
  gtk_widget_set_tooltip_text (reset, _("Reset to the Default"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reset to the default"), -1);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), field_box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), check);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), reset);

  row->entry = GTK_EDITABLE (entry);
  row->no_target = GTK_CHECK_BUTTON (check);
  row->reset = reset;
  row->error_label = GTK_LABEL (error_label);

  set_row (row, row->loaded);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), row);
  g_signal_connect (check, "toggled", G_CALLBACK (no_target_toggled_cb), row);
  g_signal_connect (reset, "clicked", G_CALLBACK (reset_clicked_cb), row);
  return row;
}

static TargetRow *
find_row (OporaTargetsDialog *self,
          const char         *indicator_id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TargetRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->def->id, indicator_id) == 0)
        return row;
    }
  return NULL;
}

static void
show_banner (OporaTargetsDialog *self,
             const char         *message)
{
  gtk_label_set_text (self->banner_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->banner_revealer, message != NULL);
}

/* Writes the rows that changed; inside the caller's transaction. */
static gboolean
write_rows (OporaTargetsDialog  *self,
            const double        *values,
            TargetRow          **failed,
            GError             **error)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TargetRow *row = g_ptr_array_index (self->rows, i);
      gboolean ok = TRUE;

      /* The default is never stored as an override: back to the default is a reset. */
      if (same_target (values[i], row->def->default_target))
        {
          if (row->overridden)
            ok = opora_store_reset_target (self->store, row->def->id, error);
        }
      else if (!same_target (values[i], row->loaded) || !row->overridden)
        {
          ok = opora_store_set_target (self->store, row->def->id, values[i], error);
        }
      if (!ok)
        {
          *failed = row;
          return FALSE;
        }
    }
  return TRUE;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_targets_dialog_save (OPORA_TARGETS_DIALOG (widget));
}

static void
reset_all_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  OporaTargetsDialog *self = OPORA_TARGETS_DIALOG (widget);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TargetRow *row = g_ptr_array_index (self->rows, i);

      set_row (row, row->def->default_target);
    }
}

static void
opora_targets_dialog_dispose (GObject *object)
{
  OporaTargetsDialog *self = (OporaTargetsDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_TARGETS_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_targets_dialog_parent_class)->dispose (object);
}

static void
opora_targets_dialog_class_init (OporaTargetsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_targets_dialog_dispose;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-targets-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaTargetsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaTargetsDialog, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, OporaTargetsDialog, banner_label);
  gtk_widget_class_bind_template_child (widget_class, OporaTargetsDialog, group);

  gtk_widget_class_install_action (widget_class, "targets.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "targets.reset-all", NULL,
                                   reset_all_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "targets.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_targets_dialog_init (OporaTargetsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (target_row_free);
}

GtkWidget *
opora_targets_dialog_new (OporaStore      *store,
                          OporaTechnology  technology)
{
  OporaTargetsDialog *self;
  const OporaIndicatorDef *defs;
  guint n;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  self = g_object_new (OPORA_TYPE_TARGETS_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->technology = technology;

  adw_window_title_set_subtitle (self->window_title, opora_technology_display_name (technology));
  adw_preferences_group_set_title (self->group, opora_technology_display_name (technology));
  defs = opora_indicator_catalogue_list (technology, &n);
  for (guint i = 0; i < n; i++)
    {
      TargetRow *row = build_row (self, &defs[i]);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->group, row->row);
    }
  return GTK_WIDGET (self);
}

GtkEditable *
opora_targets_dialog_get_entry (OporaTargetsDialog *self,
                                const char         *indicator_id)
{
  TargetRow *row;

  g_return_val_if_fail (OPORA_IS_TARGETS_DIALOG (self), NULL);

  row = find_row (self, indicator_id);
  return row ? row->entry : NULL;
}

GtkCheckButton *
opora_targets_dialog_get_no_target (OporaTargetsDialog *self,
                                    const char         *indicator_id)
{
  TargetRow *row;

  g_return_val_if_fail (OPORA_IS_TARGETS_DIALOG (self), NULL);

  row = find_row (self, indicator_id);
  return row ? row->no_target : NULL;
}

void
opora_targets_dialog_reset_row (OporaTargetsDialog *self,
                                const char         *indicator_id)
{
  TargetRow *row;

  g_return_if_fail (OPORA_IS_TARGETS_DIALOG (self));

  if ((row = find_row (self, indicator_id)) != NULL)
    set_row (row, row->def->default_target);
}

gboolean
opora_targets_dialog_save (OporaTargetsDialog *self)
{
  g_autofree double *values = NULL;
  g_autoptr(GError) error = NULL;
  TargetRow *failed = NULL;
  gboolean valid = TRUE;

  g_return_val_if_fail (OPORA_IS_TARGETS_DIALOG (self), FALSE);

  show_banner (self, NULL);
  /* Every field is read first, so that every refusal shows at once. */
  values = g_new0 (double, self->rows->len);
  for (guint i = 0; i < self->rows->len; i++)
    {
      TargetRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *message = NULL;

      if (row_value (row, &values[i], &message))
        show_row_error (row, NULL);
      else
        {
          show_row_error (row, message);
          if (valid)
            gtk_widget_grab_focus (GTK_WIDGET (row->entry));
          valid = FALSE;
        }
    }
  if (!valid)
    return FALSE;

  if (!opora_store_begin (self->store, &error))
    {
      show_banner (self, error->message);
      return FALSE;
    }
  if (!write_rows (self, values, &failed, &error))
    {
      opora_store_rollback (self->store);
      show_row_error (failed, error->message);
      return FALSE;
    }
  /* A commit that fails has rolled back already. */
  if (!opora_store_commit (self->store, &error))
    {
      show_banner (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

const char *
opora_targets_dialog_get_error (OporaTargetsDialog *self,
                                const char         *indicator_id)
{
  TargetRow *row;

  g_return_val_if_fail (OPORA_IS_TARGETS_DIALOG (self), NULL);

  row = find_row (self, indicator_id);
  return row ? row->error : NULL;
}
