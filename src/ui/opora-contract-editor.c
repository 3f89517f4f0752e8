#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-contract-editor.h"
#include "opora-contract-editor-rows.h"
#include "opora-contract-form.h"
#include "opora-date.h"
#include "opora-person-page.h"
#include "opora-store-contracts.h"
#include "opora-store-persons.h"

struct _OporaContractEditor
{
  AdwWindow               parent_instance;

  OporaStore             *store;
  OporaContract          *contract;
  /* Kept whether or not they are filled in, so a refusal always has rows to land on;
   * the contract gets them only when they say something. */
  OporaProgrammeAnalysis *analysis;
  OporaOutcome           *outcome;
  OporaFormErrors        *errors;
  GListModel             *persons;

  AdwWindowTitle         *window_title;
  GtkRevealer            *banner_revealer;
  GtkLabel               *banner_label;
  GtkWidget              *save_button;
  AdwEntryRow            *number_row;
  AdwActionRow           *applicant_row;
  GtkMenuButton          *applicant_button;
  GtkPopover             *applicant_popover;
  GtkSearchEntry         *applicant_search;
  GtkListView            *applicant_list;
  GtkWidget              *show_person_button;
  AdwActionRow           *family_row;
  AdwEntryRow            *concluded_row;
  AdwEntryRow            *term_start_row;
  AdwEntryRow            *term_end_row;
  AdwComboRow            *status_row;
  AdwEntryRow            *reason_row;
  AdwComboRow            *curator_row;
  AdwEntryRow            *hardship_row;
  AdwEntryRow            *income_start_row;
  AdwEntryRow            *minimum_row;
  AdwEntryRow            *income_end_row;
  AdwActionRow           *analysis_done_row;
  GtkSwitch              *analysis_done_switch;
  AdwEntryRow            *analysis_date_row;
  AdwActionRow           *low_income_row;
  GtkSwitch              *low_income_switch;
  AdwEntryRow            *needs_row;
  AdwEntryRow            *proposals_row;
  AdwExpanderRow         *outcome_row;
  AdwActionRow           *completed_row;
  GtkSwitch              *completed_switch;
  AdwComboRow            *situation_row;
  AdwActionRow           *cause_row;
  GtkSwitch              *cause_switch;
  AdwActionRow           *status_raised_row;
  GtkSwitch              *status_raised_switch;
  AdwEntryRow            *recorded_row;
  GtkListBox             *measures_list;
  GtkListBox             *acts_list;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaContractEditor, opora_contract_editor, ADW_TYPE_WINDOW)

static void
show_refusal (OporaContractEditor *self,
              gpointer             object,
              const char          *field,
              const char          *message)
{
  if (opora_form_errors_show (self->errors, object, field, message))
    return;
  gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
update_title (OporaContractEditor *self)
{
  const char *number = opora_contract_get_number (self->contract);
  g_autofree char *title = NULL;

  if (opora_contract_get_id (self->contract) == 0)
    title = g_strdup (_("New Social Contract"));
  else
    title = g_strdup_printf (_("Social Contract No. %s"), number ? number : "");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title,
                                 opora_contract_get_person_name (self->contract));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_applicant (OporaContractEditor *self,
                  OporaPerson         *person)
{
  const char *family = person ? opora_person_get_family_name (person) : NULL;

  adw_action_row_set_subtitle (self->applicant_row,
                               opora_contract_get_person_name (self->contract)
                               ? opora_contract_get_person_name (self->contract)
                               : _("Not chosen"));
  adw_action_row_set_subtitle (self->family_row,
                               family ? family : _("The applicant belongs to no family"));
  gtk_widget_set_sensitive (self->show_person_button,
                            opora_contract_get_person_id (self->contract) > 0);
}

static void
remove_measure_cb (GtkWidget *row,
                   gpointer   user_data)
{
  OporaContractEditor *self = user_data;
  OporaMeasure *measure = opora_measure_row_get_measure (row);

  opora_form_errors_detach (self->errors, measure);
  opora_contract_remove_measure (self->contract, measure);
  gtk_list_box_remove (self->measures_list, row);
}

static void
remove_act_cb (GtkWidget *row,
               gpointer   user_data)
{
  OporaContractEditor *self = user_data;
  OporaMonitoringAct *act = opora_act_row_get_act (row);

  opora_form_errors_detach (self->errors, act);
  opora_contract_remove_monitoring_act (self->contract, act);
  gtk_list_box_remove (self->acts_list, row);
}

static void
attach_field_rows (OporaContractEditor *self)
{
  struct { gpointer object; const char *field; gpointer row; } places[] = {
    { self->contract, "number", self->number_row },
    { self->contract, "person-id", self->applicant_row },
    { self->contract, "family-id", self->family_row },
    { self->contract, "concluded-on", self->concluded_row },
    { self->contract, "term-start", self->term_start_row },
    { self->contract, "term-end", self->term_end_row },
    { self->contract, "status", self->status_row },
    { self->contract, "termination-reason", self->reason_row },
    { self->contract, "curator-id", self->curator_row },
    { self->contract, "hardship-causes", self->hardship_row },
    { self->contract, "income-start", self->income_start_row },
    { self->contract, "subsistence-minimum", self->minimum_row },
    { self->contract, "income-end", self->income_end_row },
    { self->analysis, "done", self->analysis_done_row },
    { self->analysis, "analysed-on", self->analysis_date_row },
    { self->analysis, "low-income", self->low_income_row },
    { self->analysis, "needs", self->needs_row },
    { self->analysis, "proposals", self->proposals_row },
    { self->outcome, "programme-completed", self->completed_row },
    { self->outcome, "situation", self->situation_row },
    { self->outcome, "cause-eliminated", self->cause_row },
    { self->outcome, "status-raised", self->status_raised_row },
    { self->outcome, "recorded-on", self->recorded_row },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    opora_form_errors_attach (self->errors, places[i].object, places[i].field,
                              GTK_WIDGET (places[i].row));
}

/* Shows the contract being edited in the form. */
static void
fill_form (OporaContractEditor *self)
{
  OporaContract *c = self->contract;
  GListModel *measures = opora_contract_get_measures (c);
  GListModel *acts = opora_contract_get_monitoring_acts (c);
  g_autoptr(OporaPerson) person = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->number_row),
                         opora_contract_get_number (c) ? opora_contract_get_number (c) : "");
  if (opora_contract_get_person_id (c) > 0)
    person = opora_store_load_person (self->store, opora_contract_get_person_id (c), NULL);
  update_applicant (self, person);
  opora_form_set_date (GTK_EDITABLE (self->concluded_row), opora_contract_get_concluded_on (c));
  opora_form_set_date (GTK_EDITABLE (self->term_start_row), opora_contract_get_term_start (c));
  opora_form_set_date (GTK_EDITABLE (self->term_end_row), opora_contract_get_term_end (c));
  adw_combo_row_set_selected (self->status_row, opora_contract_get_status (c));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row),
                         opora_contract_get_termination_reason (c)
                         ? opora_contract_get_termination_reason (c) : "");
  opora_form_setup_staff_row (self->curator_row, self->store, opora_contract_get_curator_id (c));
  gtk_editable_set_text (GTK_EDITABLE (self->hardship_row),
                         opora_contract_get_hardship_causes (c)
                         ? opora_contract_get_hardship_causes (c) : "");
  opora_form_set_amount (GTK_EDITABLE (self->income_start_row),
                         opora_contract_get_income_start (c));
  opora_form_set_amount (GTK_EDITABLE (self->minimum_row),
                         opora_contract_get_subsistence_minimum (c));
  opora_form_set_amount (GTK_EDITABLE (self->income_end_row), opora_contract_get_income_end (c));

  gtk_switch_set_active (self->analysis_done_switch,
                         opora_programme_analysis_get_done (self->analysis));
  opora_form_set_date (GTK_EDITABLE (self->analysis_date_row),
                       opora_programme_analysis_get_analysed_on (self->analysis));
  gtk_switch_set_active (self->low_income_switch,
                         opora_programme_analysis_get_low_income (self->analysis));
  gtk_editable_set_text (GTK_EDITABLE (self->needs_row),
                         opora_programme_analysis_get_needs (self->analysis)
                         ? opora_programme_analysis_get_needs (self->analysis) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->proposals_row),
                         opora_programme_analysis_get_proposals (self->analysis)
                         ? opora_programme_analysis_get_proposals (self->analysis) : "");

  adw_expander_row_set_enable_expansion (self->outcome_row,
                                         opora_contract_get_outcome (c) != NULL);
  gtk_switch_set_active (self->completed_switch,
                         opora_outcome_get_programme_completed (self->outcome));
  adw_combo_row_set_selected (self->situation_row, opora_outcome_get_situation (self->outcome));
  gtk_switch_set_active (self->cause_switch, opora_outcome_get_cause_eliminated (self->outcome));
  gtk_switch_set_active (self->status_raised_switch,
                         opora_outcome_get_status_raised (self->outcome));
  opora_form_set_date (GTK_EDITABLE (self->recorded_row),
                       opora_outcome_get_recorded_on (self->outcome));

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(OporaMeasure) measure = g_list_model_get_item (measures, i);
      GtkWidget *row = opora_measure_row_new (measure, self->errors, self->measures_list,
                                              remove_measure_cb, self);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
    }
  for (guint i = 0; i < g_list_model_get_n_items (acts); i++)
    {
      g_autoptr(OporaMonitoringAct) act = g_list_model_get_item (acts, i);
      GtkWidget *row = opora_act_row_new (act, self->errors, self->acts_list, remove_act_cb, self);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
    }
  update_title (self);
}

static gboolean
read_date_field (OporaContractEditor  *self,
                 gpointer              object,
                 const char           *field,
                 AdwEntryRow          *row,
                 char                **iso)
{
  g_autoptr(GError) error = NULL;

  if (opora_form_read_date (GTK_EDITABLE (row), iso, &error))
    return TRUE;
  show_refusal (self, object, field, error->message);
  return FALSE;
}

static gboolean
read_amount_field (OporaContractEditor *self,
                   const char          *field,
                   AdwEntryRow         *row,
                   double              *amount)
{
  g_autoptr(GError) error = NULL;

  if (opora_form_read_amount (GTK_EDITABLE (row), amount, &error))
    return TRUE;
  show_refusal (self, self->contract, field, error->message);
  return FALSE;
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Puts what the form shows into the contract; a date or amount that cannot be read is
 * refused under its field. */
static gboolean
collect_form (OporaContractEditor *self)
{
  OporaContract *c = self->contract;
  g_autofree char *concluded_on = NULL, *term_start = NULL, *term_end = NULL;
  g_autofree char *analysed_on = NULL, *recorded_on = NULL;
  double income_start, minimum, income_end;
  gboolean has_analysis;

  if (!read_date_field (self, c, "concluded-on", self->concluded_row, &concluded_on) ||
      !read_date_field (self, c, "term-start", self->term_start_row, &term_start) ||
      !read_date_field (self, c, "term-end", self->term_end_row, &term_end) ||
      !read_amount_field (self, "income-start", self->income_start_row, &income_start) ||
      !read_amount_field (self, "subsistence-minimum", self->minimum_row, &minimum) ||
      !read_amount_field (self, "income-end", self->income_end_row, &income_end) ||
      !read_date_field (self, self->analysis, "analysed-on", self->analysis_date_row,
                        &analysed_on))
    return FALSE;
  if (adw_expander_row_get_enable_expansion (self->outcome_row) &&
      !read_date_field (self, self->outcome, "recorded-on", self->recorded_row, &recorded_on))
    return FALSE;

  opora_contract_set_number (c, text_of (self->number_row));
  opora_contract_set_concluded_on (c, concluded_on);
  opora_contract_set_term_start (c, term_start);
  opora_contract_set_term_end (c, term_end);
  opora_contract_set_status (c, adw_combo_row_get_selected (self->status_row));
  opora_contract_set_termination_reason (c, text_of (self->reason_row));
  opora_contract_set_curator_id (c, opora_form_staff_id (self->curator_row));
  opora_contract_set_hardship_causes (c, text_of (self->hardship_row));
  opora_contract_set_income_start (c, income_start);
  opora_contract_set_subsistence_minimum (c, minimum);
  opora_contract_set_income_end (c, income_end);

  opora_programme_analysis_set_done (self->analysis,
                                     gtk_switch_get_active (self->analysis_done_switch));
  opora_programme_analysis_set_analysed_on (self->analysis, analysed_on);
  opora_programme_analysis_set_low_income (self->analysis,
                                           gtk_switch_get_active (self->low_income_switch));
  opora_programme_analysis_set_needs (self->analysis, text_of (self->needs_row));
  opora_programme_analysis_set_proposals (self->analysis, text_of (self->proposals_row));
  has_analysis = opora_programme_analysis_get_done (self->analysis) ||
                 opora_programme_analysis_get_analysed_on (self->analysis) != NULL ||
                 opora_programme_analysis_get_low_income (self->analysis) ||
                 opora_programme_analysis_get_needs (self->analysis) != NULL ||
                 opora_programme_analysis_get_proposals (self->analysis) != NULL;
  opora_contract_set_analysis (c, has_analysis ? self->analysis : NULL);

  opora_outcome_set_programme_completed (self->outcome,
                                         gtk_switch_get_active (self->completed_switch));
  opora_outcome_set_situation (self->outcome, adw_combo_row_get_selected (self->situation_row));
  opora_outcome_set_cause_eliminated (self->outcome, gtk_switch_get_active (self->cause_switch));
  opora_outcome_set_status_raised (self->outcome,
                                   gtk_switch_get_active (self->status_raised_switch));
  opora_outcome_set_recorded_on (self->outcome, recorded_on);
  opora_contract_set_outcome (c, adw_expander_row_get_enable_expansion (self->outcome_row)
                                 ? self->outcome : NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->measures_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (opora_measure_row_get_measure (row) != NULL &&
        !opora_measure_row_collect (row, self->errors))
      return FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->acts_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (opora_act_row_get_act (row) != NULL && !opora_act_row_collect (row, self->errors))
      return FALSE;
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_contract_editor_save (OPORA_CONTRACT_EDITOR (widget));
}

static void
add_measure_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  OporaContractEditor *self = OPORA_CONTRACT_EDITOR (widget);
  g_autoptr(OporaMeasure) measure = opora_measure_new ();
  GtkWidget *row;

  opora_contract_add_measure (self->contract, measure);
  row = opora_measure_row_new (measure, self->errors, self->measures_list, remove_measure_cb,
                               self);
  gtk_widget_grab_focus (row);
}

static void
add_act_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  OporaContractEditor *self = OPORA_CONTRACT_EDITOR (widget);
  GListModel *acts = opora_contract_get_monitoring_acts (self->contract);
  g_autoptr(OporaMonitoringAct) act = opora_monitoring_act_new ();
  guint taken = 0;
  int month = 1;
  GtkWidget *row;

  /* The first month not written yet. */
  for (guint i = 0; i < g_list_model_get_n_items (acts); i++)
    {
      g_autoptr(OporaMonitoringAct) other = g_list_model_get_item (acts, i);
      int m = opora_monitoring_act_get_month_no (other);

      if (m >= 1 && m <= OPORA_MONITORING_MONTHS)
        taken |= 1u << m;
    }
  while (month < OPORA_MONITORING_MONTHS && (taken & (1u << month)))
    month++;
  opora_monitoring_act_set_month_no (act, month);
  opora_contract_add_monitoring_act (self->contract, act);
  row = opora_act_row_new (act, self->errors, self->acts_list, remove_act_cb, self);
  gtk_widget_grab_focus (row);
}

static void
status_row_selected_cb (OporaContractEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          adw_combo_row_get_selected (self->status_row)
                          == OPORA_CONTRACT_STATUS_TERMINATED);
}

static void
outcome_row_enabled_cb (OporaContractEditor *self)
{
  /* An outcome is entered when the contract ends: today is the likely date. */
  if (adw_expander_row_get_enable_expansion (self->outcome_row) &&
      *gtk_editable_get_text (GTK_EDITABLE (self->recorded_row)) == '\0')
    {
      g_autofree char *today = opora_date_today_iso ();
      opora_form_set_date (GTK_EDITABLE (self->recorded_row), today);
    }
}

static void
applicant_popover_show_cb (OporaContractEditor *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->applicant_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->applicant_search));
}

static void
applicant_search_changed_cb (OporaContractEditor *self)
{
  OporaPersonQuery query = { 0 };

  query.search = gtk_editable_get_text (GTK_EDITABLE (self->applicant_search));

  opora_person_list_set_query (self->persons, &query);
}

static void
choose_applicant_at (OporaContractEditor *self,
                     guint                position)
{
  g_autoptr(OporaPerson) person = g_list_model_get_item (self->persons, position);

  if (person == NULL)
    return;
  opora_contract_editor_set_applicant (self, opora_person_get_id (person));
  gtk_popover_popdown (self->applicant_popover);
}

static void
applicant_list_activate_cb (OporaContractEditor *self,
                            guint                position)
{
  choose_applicant_at (self, position);
}

static void
applicant_search_activate_cb (OporaContractEditor *self)
{
  choose_applicant_at (self, 0);
}

static void
show_person_button_clicked_cb (OporaContractEditor *self)
{
  gint64 person_id = opora_contract_get_person_id (self->contract);

  if (person_id > 0)
    opora_person_page_present (GTK_WIDGET (self), self->store, person_id);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
opora_contract_editor_dispose (GObject *object)
{
  OporaContractEditor *self = (OporaContractEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_CONTRACT_EDITOR);
  g_clear_pointer (&self->errors, opora_form_errors_free);
  g_clear_object (&self->persons);

  G_OBJECT_CLASS (opora_contract_editor_parent_class)->dispose (object);
}

static void
opora_contract_editor_finalize (GObject *object)
{
  OporaContractEditor *self = (OporaContractEditor *)object;

  g_clear_object (&self->contract);
  g_clear_object (&self->analysis);
  g_clear_object (&self->outcome);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_contract_editor_parent_class)->finalize (object);
}

static void
opora_contract_editor_class_init (OporaContractEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = opora_contract_editor_dispose;
  object_class->finalize = opora_contract_editor_finalize;

  /* After a save, with the contract's id; the window closes right after. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-contract-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, applicant_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, applicant_button);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, applicant_popover);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, applicant_search);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, applicant_list);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, show_person_button);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, concluded_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, term_start_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, term_end_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, curator_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, hardship_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, income_start_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, minimum_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, income_end_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, analysis_done_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, analysis_done_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, analysis_date_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, low_income_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, low_income_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, needs_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, proposals_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, completed_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, completed_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, situation_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, cause_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, cause_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, status_raised_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, status_raised_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, recorded_row);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, measures_list);
  gtk_widget_class_bind_template_child (widget_class, OporaContractEditor, acts_list);
  gtk_widget_class_bind_template_callback (widget_class, status_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_row_enabled_cb);
  gtk_widget_class_bind_template_callback (widget_class, applicant_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, applicant_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, applicant_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, applicant_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_person_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_install_action (widget_class, "editor.add-measure", NULL,
                                   add_measure_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-act", NULL, add_act_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_contract_editor_init (OporaContractEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->status_row,
                           opora_form_enum_names (OPORA_CONTRACT_STATUS_ACTIVE,
                                                  OPORA_CONTRACT_STATUS_TERMINATED,
                                                  (gpointer) opora_contract_status_display_name));
  g_object_unref (adw_combo_row_get_model (self->status_row));
  adw_combo_row_set_model (self->situation_row,
                           opora_form_enum_names (OPORA_SITUATION_NONE, OPORA_SITUATION_WORSE,
                                                  (gpointer) opora_situation_display_name));
  g_object_unref (adw_combo_row_get_model (self->situation_row));
  gtk_list_box_set_placeholder (self->measures_list,
                                placeholder_new (_("No measures in the programme yet")));
  gtk_list_box_set_placeholder (self->acts_list, placeholder_new (_("No monitoring acts yet")));
  self->errors = opora_form_errors_new ();
}

OporaContractEditor *
opora_contract_editor_new (OporaStore    *store,
                           OporaContract *contract)
{
  OporaContractEditor *self;
  g_autoptr(GtkSingleSelection) selection = NULL;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (contract == NULL || OPORA_IS_CONTRACT (contract), NULL);

  self = g_object_new (OPORA_TYPE_CONTRACT_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->contract = contract ? opora_contract_copy (contract) : opora_contract_new ();
  self->analysis = opora_contract_get_analysis (self->contract)
                   ? g_object_ref (opora_contract_get_analysis (self->contract))
                   : opora_programme_analysis_new ();
  self->outcome = opora_contract_get_outcome (self->contract)
                  ? g_object_ref (opora_contract_get_outcome (self->contract))
                  : opora_outcome_new ();

  self->persons = opora_store_list_persons (store, NULL);
  selection = gtk_single_selection_new (g_object_ref (self->persons));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->applicant_list, GTK_SELECTION_MODEL (selection));

  attach_field_rows (self);
  fill_form (self);
  status_row_selected_cb (self);
  return self;
}

void
opora_contract_editor_set_applicant (OporaContractEditor *self,
                                     gint64               person_id)
{
  g_autoptr(OporaPerson) person = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (OPORA_IS_CONTRACT_EDITOR (self));

  person = opora_store_load_person (self->store, person_id, NULL);
  if (person == NULL)
    return;
  name = opora_person_dup_full_name (person);
  opora_contract_set_person_id (self->contract, person_id);
  opora_contract_set_person_name (self->contract, name);
  /* A contract is concluded with the applicant's household. */
  opora_contract_set_family_id (self->contract, opora_person_get_family_id (person));
  update_applicant (self, person);
  update_title (self);
}

OporaContract *
opora_contract_editor_get_contract (OporaContractEditor *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACT_EDITOR (self), NULL);
  return self->contract;
}

gboolean
opora_contract_editor_save (OporaContractEditor *self)
{
  g_autoptr(GError) error = NULL;
  GObject *object = NULL;
  const char *field = NULL;

  g_return_val_if_fail (OPORA_IS_CONTRACT_EDITOR (self), FALSE);

  opora_form_errors_clear (self->errors);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  if (!collect_form (self))
    return FALSE;
  if (!opora_store_save_contract_full (self->store, self->contract, &object, &field, &error))
    {
      show_refusal (self, object, field, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, opora_contract_get_id (self->contract));
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
