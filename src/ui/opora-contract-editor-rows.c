#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-contract-editor-rows.h"
#include "opora-contract-enums.h"

typedef struct
{
  OporaMeasure       *measure;
  OporaFormErrors    *errors;
  AdwExpanderRow     *expander;
  AdwComboRow        *type_row;
  GtkEditable        *need_row;
  GtkEditable        *planned_row;
  AdwComboRow        *status_row;
  GtkEditable        *done_row;
  GtkEditable        *note_row;
  GtkWidget          *informed_row;
  GtkSwitch          *informed_switch;
  GtkEditable        *certificate_row;
  OporaRowRemoveFunc  remove;
  gpointer            user_data;
} MeasureRow;

typedef struct
{
  OporaMonitoringAct *act;
  OporaFormErrors    *errors;
  AdwExpanderRow     *expander;
  GtkSpinButton      *month_spin;
  GtkEditable        *date_row;
  GtkEditable        *income_row;
  GtkEditable        *employment_row;
  GtkEditable        *conditions_row;
  OporaRowRemoveFunc  remove;
  gpointer            user_data;
} ActRow;

static void
measure_row_free (gpointer data)
{
  MeasureRow *row = data;

  g_clear_object (&row->measure);
  g_free (row);
}

static void
act_row_free (gpointer data)
{
  ActRow *row = data;

  g_clear_object (&row->act);
  g_free (row);
}

GtkWidget *
opora_widget_find_named (GtkWidget  *root,
                         const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = opora_widget_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkEditable *
add_entry (AdwExpanderRow *expander,
           const char     *name,
           const char     *title,
           const char     *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_expander_row_add_row (expander, row);
  return GTK_EDITABLE (row);
}

static AdwComboRow *
add_combo (AdwExpanderRow *expander,
           const char     *name,
           const char     *title,
           GListModel     *model,
           guint           selected)
{
  GtkWidget *row = adw_combo_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_expander_row_add_row (expander, row);
  g_object_unref (model);
  return ADW_COMBO_ROW (row);
}

static GtkWidget *
remove_button_new (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
measure_row_update_title (MeasureRow *row)
{
  OporaMeasureType type = adw_combo_row_get_selected (row->type_row);
  OporaMeasureStatus status = adw_combo_row_get_selected (row->status_row);
  const char *need = gtk_editable_get_text (row->need_row);
  g_autofree char *subtitle = NULL;
  gboolean has_certificate = opora_measure_type_has_certificate (type);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander),
                                 type == OPORA_MEASURE_TYPE_NONE
                                 ? _("New measure") : opora_measure_type_display_name (type));
  if (*need != '\0')
    subtitle = g_strdup_printf ("%s · %s", opora_measure_status_display_name (status), need);
  else
    subtitle = g_strdup (opora_measure_status_display_name (status));
  adw_expander_row_set_subtitle (row->expander, subtitle);

  /* The online resources and the certificate belong to financial literacy only. */
  gtk_widget_set_visible (row->informed_row, has_certificate);
  gtk_widget_set_visible (GTK_WIDGET (row->certificate_row), has_certificate);
}

static void
measure_field_changed_cb (MeasureRow *row)
{
  measure_row_update_title (row);
}

static void
measure_remove_clicked_cb (MeasureRow *row)
{
  row->remove (GTK_WIDGET (row->expander), row->user_data);
}

GtkWidget *
opora_measure_row_new (OporaMeasure       *measure,
                       OporaFormErrors    *errors,
                       GtkListBox         *list,
                       OporaRowRemoveFunc  remove,
                       gpointer            user_data)
{
  MeasureRow *row = g_new0 (MeasureRow, 1);
  GtkWidget *remove_button;

  row->measure = g_object_ref (measure);
  row->errors = errors;
  row->remove = remove;
  row->user_data = user_data;
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (row->expander), "measure");
  g_object_set_data_full (G_OBJECT (row->expander), "opora-measure-row", row, measure_row_free);
  gtk_list_box_append (list, GTK_WIDGET (row->expander));

  remove_button = remove_button_new (_("Remove the measure"));
  g_signal_connect_swapped (remove_button, "clicked", G_CALLBACK (measure_remove_clicked_cb), row);
  adw_expander_row_add_action (row->expander, remove_button);

  row->type_row = add_combo (row->expander, "type", _("Type"),
                             opora_form_enum_names (OPORA_MEASURE_TYPE_NONE,
                                                    OPORA_MEASURE_TYPE_OTHER,
                                                    (gpointer) opora_measure_type_display_name),
                             opora_measure_get_measure_type (measure));
  row->need_row = add_entry (row->expander, "need", _("Declared need"),
                             opora_measure_get_need (measure));
  row->planned_row = add_entry (row->expander, "planned-on", _("Planned for (DD.MM.YYYY)"), NULL);
  opora_form_set_date (row->planned_row, opora_measure_get_planned_on (measure));
  row->status_row = add_combo (row->expander, "status", _("Status"),
                               opora_form_enum_names (OPORA_MEASURE_STATUS_PLANNED,
                                                      OPORA_MEASURE_STATUS_NOT_DONE,
                                                      (gpointer)
                                                      opora_measure_status_display_name),
                               opora_measure_get_status (measure));
  row->done_row = add_entry (row->expander, "done-on", _("Done on (DD.MM.YYYY)"), NULL);
  opora_form_set_date (row->done_row, opora_measure_get_done_on (measure));
  row->note_row = add_entry (row->expander, "note", _("Note"), opora_measure_get_note (measure));

  row->informed_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->informed_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (row->informed_switch, opora_measure_get_informed_online (measure));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->informed_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Informed of online learning resources"), -1);
  row->informed_row = adw_action_row_new ();
  gtk_widget_set_name (row->informed_row, "informed-online");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->informed_row),
                                 _("Informed of online learning resources"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row->informed_row),
                             GTK_WIDGET (row->informed_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->informed_row),
                                         GTK_WIDGET (row->informed_switch));
  adw_expander_row_add_row (row->expander, row->informed_row);
  row->certificate_row = add_entry (row->expander, "certificate", _("Social certificate issued"),
                                    opora_measure_get_certificate (measure));

  opora_form_errors_attach (errors, measure, "type", GTK_WIDGET (row->type_row));
  opora_form_errors_attach (errors, measure, "need", GTK_WIDGET (row->need_row));
  opora_form_errors_attach (errors, measure, "planned-on", GTK_WIDGET (row->planned_row));
  opora_form_errors_attach (errors, measure, "status", GTK_WIDGET (row->status_row));
  opora_form_errors_attach (errors, measure, "done-on", GTK_WIDGET (row->done_row));
  opora_form_errors_attach (errors, measure, "note", GTK_WIDGET (row->note_row));
  opora_form_errors_attach (errors, measure, "informed-online", row->informed_row);
  opora_form_errors_attach (errors, measure, "certificate", GTK_WIDGET (row->certificate_row));

  g_signal_connect_swapped (row->type_row, "notify::selected",
                            G_CALLBACK (measure_field_changed_cb), row);
  g_signal_connect_swapped (row->status_row, "notify::selected",
                            G_CALLBACK (measure_field_changed_cb), row);
  g_signal_connect_swapped (row->need_row, "changed", G_CALLBACK (measure_field_changed_cb), row);
  measure_row_update_title (row);

  /* A new measure opens, so its fields can be filled in at once. */
  if (opora_measure_get_id (measure) == 0)
    adw_expander_row_set_expanded (row->expander, TRUE);
  return GTK_WIDGET (row->expander);
}

OporaMeasure *
opora_measure_row_get_measure (GtkWidget *widget)
{
  MeasureRow *row = g_object_get_data (G_OBJECT (widget), "opora-measure-row");

  return row ? row->measure : NULL;
}

static gboolean
read_date (OporaFormErrors *errors,
           gpointer         object,
           const char      *field,
           GtkEditable     *editable,
           char           **iso)
{
  g_autoptr(GError) error = NULL;

  if (opora_form_read_date (editable, iso, &error))
    return TRUE;
  opora_form_errors_show (errors, object, field, error->message);
  return FALSE;
}

gboolean
opora_measure_row_collect (GtkWidget       *widget,
                           OporaFormErrors *errors)
{
  MeasureRow *row = g_object_get_data (G_OBJECT (widget), "opora-measure-row");
  g_autofree char *planned_on = NULL;
  g_autofree char *done_on = NULL;

  g_return_val_if_fail (row != NULL, FALSE);

  if (!read_date (errors, row->measure, "planned-on", row->planned_row, &planned_on) ||
      !read_date (errors, row->measure, "done-on", row->done_row, &done_on))
    return FALSE;

  opora_measure_set_measure_type (row->measure, adw_combo_row_get_selected (row->type_row));
  opora_measure_set_need (row->measure, gtk_editable_get_text (row->need_row));
  opora_measure_set_planned_on (row->measure, planned_on);
  opora_measure_set_status (row->measure, adw_combo_row_get_selected (row->status_row));
  opora_measure_set_done_on (row->measure, done_on);
  opora_measure_set_note (row->measure, gtk_editable_get_text (row->note_row));
  opora_measure_set_informed_online (row->measure, gtk_switch_get_active (row->informed_switch));
  opora_measure_set_certificate (row->measure, gtk_editable_get_text (row->certificate_row));
  return TRUE;
}

static void
act_row_update_title (ActRow *row)
{
  int month = gtk_spin_button_get_value_as_int (row->month_spin);
  g_autofree char *title = g_strdup_printf (_("Month %d after the end"), month);
  const char *date = gtk_editable_get_text (row->date_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title);
  adw_expander_row_set_subtitle (row->expander, *date ? date : _("Not written yet"));
}

static void
act_field_changed_cb (ActRow *row)
{
  act_row_update_title (row);
}

static void
act_remove_clicked_cb (ActRow *row)
{
  row->remove (GTK_WIDGET (row->expander), row->user_data);
}

GtkWidget *
opora_act_row_new (OporaMonitoringAct *act,
                   OporaFormErrors    *errors,
                   GtkListBox         *list,
                   OporaRowRemoveFunc  remove,
                   gpointer            user_data)
{
  ActRow *row = g_new0 (ActRow, 1);
  GtkWidget *remove_button;
  GtkWidget *month_row;
  g_autofree char *income = NULL;

  row->act = g_object_ref (act);
  row->errors = errors;
  row->remove = remove;
  row->user_data = user_data;
  row->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (row->expander), "monitoring-act");
  g_object_set_data_full (G_OBJECT (row->expander), "opora-act-row", row, act_row_free);
  gtk_list_box_append (list, GTK_WIDGET (row->expander));

  remove_button = remove_button_new (_("Remove the act"));
  g_signal_connect_swapped (remove_button, "clicked", G_CALLBACK (act_remove_clicked_cb), row);
  adw_expander_row_add_action (row->expander, remove_button);

  /* Any number may be typed: a month outside 1–12 is refused by the rule that names it. */
  row->month_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 12, 1));
  gtk_spin_button_set_value (row->month_spin, MAX (1, opora_monitoring_act_get_month_no (act)));
  gtk_widget_set_valign (GTK_WIDGET (row->month_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->month_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Month after the end"), -1);
  month_row = adw_action_row_new ();
  gtk_widget_set_name (month_row, "month-no");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (month_row), _("Month after the end"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (month_row), GTK_WIDGET (row->month_spin));
  adw_expander_row_add_row (row->expander, month_row);

  row->date_row = add_entry (row->expander, "act-on", _("Act dated (DD.MM.YYYY)"), NULL);
  opora_form_set_date (row->date_row, opora_monitoring_act_get_act_on (act));
  income = opora_form_format_amount (opora_monitoring_act_get_income_per_capita (act));
  row->income_row = add_entry (row->expander, "income-per-capita",
                               _("Per-capita income, ₽"), income);
  row->employment_row = add_entry (row->expander, "employment", _("Employment"),
                                   opora_monitoring_act_get_employment (act));
  row->conditions_row = add_entry (row->expander, "living-conditions", _("Living conditions"),
                                   opora_monitoring_act_get_living_conditions (act));

  opora_form_errors_attach (errors, act, "month-no", month_row);
  opora_form_errors_attach (errors, act, "act-on", GTK_WIDGET (row->date_row));
  opora_form_errors_attach (errors, act, "income-per-capita", GTK_WIDGET (row->income_row));
  opora_form_errors_attach (errors, act, "employment", GTK_WIDGET (row->employment_row));
  opora_form_errors_attach (errors, act, "living-conditions", GTK_WIDGET (row->conditions_row));

  g_signal_connect_swapped (row->month_spin, "value-changed",
                            G_CALLBACK (act_field_changed_cb), row);
  g_signal_connect_swapped (row->date_row, "changed", G_CALLBACK (act_field_changed_cb), row);
  act_row_update_title (row);
  if (opora_monitoring_act_get_id (act) == 0)
    adw_expander_row_set_expanded (row->expander, TRUE);
  return GTK_WIDGET (row->expander);
}

OporaMonitoringAct *
opora_act_row_get_act (GtkWidget *widget)
{
  ActRow *row = g_object_get_data (G_OBJECT (widget), "opora-act-row");

  return row ? row->act : NULL;
}

gboolean
opora_act_row_collect (GtkWidget       *widget,
                       OporaFormErrors *errors)
{
  ActRow *row = g_object_get_data (G_OBJECT (widget), "opora-act-row");
  g_autofree char *act_on = NULL;
  g_autoptr(GError) error = NULL;
  double income;

  g_return_val_if_fail (row != NULL, FALSE);

  if (!read_date (errors, row->act, "act-on", row->date_row, &act_on))
    return FALSE;
  if (!opora_form_read_amount (row->income_row, &income, &error))
    {
      opora_form_errors_show (errors, row->act, "income-per-capita", error->message);
      return FALSE;
    }
  gtk_spin_button_update (row->month_spin);
  opora_monitoring_act_set_month_no (row->act, gtk_spin_button_get_value_as_int (row->month_spin));
  opora_monitoring_act_set_act_on (row->act, act_on);
  opora_monitoring_act_set_income_per_capita (row->act, income);
  opora_monitoring_act_set_employment (row->act, gtk_editable_get_text (row->employment_row));
  opora_monitoring_act_set_living_conditions (row->act,
                                              gtk_editable_get_text (row->conditions_row));
  return TRUE;
}
