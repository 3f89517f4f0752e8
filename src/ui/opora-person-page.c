#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "opora-contract-editor.h"
#include "opora-enrollment-editor.h"
#include "opora-family.h"
#include "opora-person-editor.h"
#include "opora-person-page.h"
#include "opora-person-surveys.h"
#include "opora-registry-page.h"
#include "opora-store-contracts.h"
#include "opora-store-enrollments.h"
#include "opora-store-families.h"
#include "opora-store-persons.h"

/* The tables whose changes can show on the page. */
static const char * const watched_tables[] = {
  "person", "family", "staff", "contract", "measure", "programme_analysis", "outcome",
  "monitoring_act", "enrollment", NULL
};

struct _OporaPersonPage
{
  GtkWidget        parent_instance;

  OporaStore      *store;
  gint64           person_id;
  OporaPerson     *person;
  OporaUndoList   *undo;
  guint            reload_source;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwAvatar       *avatar;
  GtkLabel        *name_label;
  GtkLabel        *summary_label;
  AdwActionRow    *snils_row;
  AdwActionRow    *birth_row;
  AdwActionRow    *phone_row;
  AdwActionRow    *address_row;
  AdwActionRow    *district_row;
  AdwActionRow    *notes_row;
  GtkListBox      *family_list;
  GtkListBox      *contracts_list;
  GtkListBox      *enrollments_list;
  OporaPersonSurveys *surveys_group;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaPersonPage, opora_person_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* The placeholder is a child too: only rows go. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_action_row_set_subtitle (row, value && *value ? value : _("Not given"));
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

static GtkWidget *
info_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static char *
join_parts (const char *first,
            ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != (const char *) 1; part = va_arg (args, const char *))
    if (part != NULL && *part != '\0')
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append (text, part);
      }
  va_end (args);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
#define JOIN(...) join_parts (__VA_ARGS__, (const char *) 1)

static void
member_row_activated_cb (AdwActionRow    *row,
                         OporaPersonPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "person-id"));

  opora_person_page_present (GTK_WIDGET (self), self->store, id);
}

static void
fill_family (OporaPersonPage *self)
{
  gint64 family_id = opora_person_get_family_id (self->person);
  g_autoptr(OporaFamily) family = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *subtitle = NULL;

  clear_list (self->family_list);
  if (family_id <= 0 || (family = opora_store_load_family (self->store, family_id, NULL)) == NULL)
    return;

  kind = opora_family_dup_kind_text (family);
  subtitle = opora_family_get_minor_children (family) > 0
             ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minor child",
                                             "%d minor children",
                                             opora_family_get_minor_children (family)),
                                opora_family_get_minor_children (family))
             : NULL;
  {
    g_autofree char *line = JOIN (kind, subtitle);
    GtkWidget *row = info_row_new (opora_family_get_name (family), line);

    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "opora-family-symbolic");
    gtk_list_box_append (self->family_list, row);
  }

  members = opora_store_list_family_members (self->store, family_id);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OporaPerson) member = g_list_model_get_item (members, i);
      g_autofree char *name = opora_person_dup_full_name (member);
      g_autofree char *relation = NULL, *birth = NULL, *line = NULL;
      GtkWidget *row;

      g_object_get (member, "relation-display", &relation, "birth-date-display", &birth, NULL);
      line = JOIN (relation, birth,
                   opora_person_get_id (member) == self->person_id ? _("this person") : NULL);
      row = info_row_new (name, line);
      if (opora_person_get_id (member) != self->person_id)
        {
          /* Another member: their own page is one click away. */
          g_object_set_data (G_OBJECT (row), "person-id",
                             GSIZE_TO_POINTER ((gsize) opora_person_get_id (member)));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect (row, "activated", G_CALLBACK (member_row_activated_cb), self);
        }
      gtk_list_box_append (self->family_list, row);
    }
}

static void
open_contract_clicked_cb (GtkButton       *button,
                          OporaPersonPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "contract-id"));
  g_autoptr(OporaContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  OporaContractEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  contract = opora_store_load_contract (self->store, id, &error);
  if (contract == NULL)
    {
      opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
      return;
    }
  editor = opora_contract_editor_new (self->store, contract);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static GtkWidget *
contract_row_new (OporaPersonPage *self,
                  OporaContract   *contract)
{
  GListModel *measures = opora_contract_get_measures (contract);
  OporaOutcome *outcome = opora_contract_get_outcome (contract);
  g_autofree char *concluded = NULL, *term = NULL, *status = NULL;
  g_autofree char *title = NULL, *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));

  g_object_get (contract, "concluded-on-display", &concluded, "term-display", &term,
                "status-display", &status, NULL);
  title = g_strdup_printf (_("No. %s of %s"), opora_contract_get_number (contract),
                           concluded ? concluded : "");
  subtitle = JOIN (term, status, opora_contract_get_curator_name (contract));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (row), "opora-contract-symbolic");

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, _("Open the contract in its editor"));
  g_object_set_data (G_OBJECT (open), "contract-id",
                     GSIZE_TO_POINTER ((gsize) opora_contract_get_id (contract)));
  g_signal_connect (open, "clicked", G_CALLBACK (open_contract_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), open);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(OporaMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *type = NULL, *state = NULL, *done = NULL, *planned = NULL, *line = NULL;
      g_autofree char *state_text = NULL;
      GtkWidget *measure_row;
      GtkWidget *state_label;

      g_object_get (measure, "type-display", &type, "status-display", &state,
                    "done-on-display", &done, "planned-on-display", &planned, NULL);
      line = JOIN (opora_measure_get_need (measure), opora_measure_get_note (measure));
      measure_row = info_row_new (type, line);
      state_text = done ? JOIN (state, done) : JOIN (state, planned);
      state_label = gtk_label_new (state_text);
      gtk_widget_add_css_class (state_label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (measure_row), state_label);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), measure_row);
    }
  if (g_list_model_get_n_items (measures) == 0)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              info_row_new (_("The programme has no measures yet"), NULL));
  if (outcome != NULL)
    {
      g_autofree char *situation = NULL, *line = NULL;

      g_object_get (outcome, "situation-display", &situation, NULL);
      line = JOIN (opora_outcome_get_programme_completed (outcome)
                   ? _("programme fully completed") : _("programme not fully completed"),
                   opora_outcome_get_status_raised (outcome) ? _("social status raised") : NULL);
      {
        g_autofree char *title_text = g_strdup_printf (_("Outcome: the situation — %s"),
                                                       situation);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), info_row_new (title_text, line));
      }
    }
  return row;
}

static void
fill_contracts (OporaPersonPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) contracts = opora_store_list_person_contracts (self->store,
                                                                       self->person_id, &error);

  clear_list (self->contracts_list);
  if (contracts == NULL)
    {
      opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (contracts); i++)
    {
      g_autoptr(OporaContract) contract = g_list_model_get_item (contracts, i);
      GtkWidget *row = contract_row_new (self, contract);

      /* The programme in force is what a visitor asks about. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     opora_contract_get_status (contract)
                                     == OPORA_CONTRACT_STATUS_ACTIVE);
      gtk_list_box_append (self->contracts_list, row);
    }
}

static void
delete_enrollment_clicked_cb (GtkButton       *button,
                              OporaPersonPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "enrollment-id"));
  g_autofree char *title = g_strdup (g_object_get_data (G_OBJECT (button), "title"));

  opora_undo_list_delete_record (self->undo, "enrollment", id, title);
}

static GtkWidget *
enrollment_row_new (OporaPersonPage *self,
                    OporaEnrollment *enrollment)
{
  g_autofree char *technology = NULL, *period = NULL, *satisfied = NULL, *line = NULL;
  g_autofree char *satisfied_text = NULL;
  GtkWidget *row;
  GtkWidget *delete;

  g_object_get (enrollment, "technology-display", &technology, "period-display", &period,
                "satisfied-display", &satisfied, NULL);
  if (opora_enrollment_get_satisfied (enrollment) != OPORA_SATISFIED_UNKNOWN)
    satisfied_text = g_strdup_printf (_("satisfied: %s"), satisfied);
  line = JOIN (period, opora_enrollment_get_staff_name (enrollment), satisfied_text);
  row = info_row_new (technology, line);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "enrollment-id",
                     GSIZE_TO_POINTER ((gsize) opora_enrollment_get_id (enrollment)));

  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete the Enrollment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete the enrollment"), -1);
  g_object_set_data (G_OBJECT (delete), "enrollment-id",
                     GSIZE_TO_POINTER ((gsize) opora_enrollment_get_id (enrollment)));
  g_object_set_data_full (G_OBJECT (delete), "title",
                          g_strdup_printf (_("Enrollment in “%s” deleted"), technology), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_enrollment_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
fill_enrollments (OporaPersonPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) enrollments =
    opora_store_list_person_enrollments (self->store, self->person_id, &error);

  clear_list (self->enrollments_list);
  if (enrollments == NULL)
    {
      opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (enrollments); i++)
    {
      g_autoptr(OporaEnrollment) enrollment = g_list_model_get_item (enrollments, i);
      gtk_list_box_append (self->enrollments_list, enrollment_row_new (self, enrollment));
    }
}

static void
reload (OporaPersonPage *self)
{
  g_autofree char *name = NULL, *birth = NULL, *snils = NULL, *phone = NULL;
  g_autofree char *summary = NULL, *born = NULL;
  gboolean found;

  g_clear_object (&self->person);
  self->person = opora_store_load_person (self->store, self->person_id, NULL);
  found = self->person != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.new-contract", found);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add-enrollment", found);
  gtk_stack_set_visible_child_name (self->stack, found ? "person" : "missing");
  if (!found)
    return;

  name = opora_person_dup_full_name (self->person);
  g_object_get (self->person, "birth-date-display", &birth, "snils-display", &snils,
                "phone-display", &phone, NULL);
  gtk_label_set_label (self->name_label, name);
  adw_avatar_set_text (self->avatar, name);
  if (birth != NULL)
    born = g_strdup_printf (_("born %s"), birth);
  summary = JOIN (born, opora_person_get_district (self->person),
                  opora_person_get_family_name (self->person));
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), *summary != '\0');

  set_value (self->snils_row, snils);
  set_value (self->birth_row, birth);
  set_value (self->phone_row, phone);
  set_value (self->address_row, opora_person_get_address (self->person));
  set_value (self->district_row, opora_person_get_district (self->person));
  set_value (self->notes_row, opora_person_get_notes (self->person));

  fill_family (self);
  fill_contracts (self);
  fill_enrollments (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  OporaPersonPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* One save touches several tables: reload once, after all of them. */
static void
store_changed_cb (OporaPersonPage *self,
                  const char      *table)
{
  if (self->reload_source == 0 && g_strv_contains (watched_tables, table))
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

static void
open_enrollment_editor (OporaPersonPage *self,
                        OporaEnrollment *enrollment)
{
  OporaEnrollmentEditor *editor = opora_enrollment_editor_new (self->store, enrollment,
                                                               self->person_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
enrollments_list_row_activated_cb (OporaPersonPage *self,
                                   GtkListBoxRow   *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "enrollment-id"));
  g_autoptr(OporaEnrollment) enrollment = NULL;
  g_autoptr(GError) error = NULL;

  if (id <= 0)
    return;
  enrollment = opora_store_load_enrollment (self->store, id, &error);
  if (enrollment == NULL)
    {
      opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
      return;
    }
  open_enrollment_editor (self, enrollment);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OporaPersonPage *self = OPORA_PERSON_PAGE (widget);

  if (self->person != NULL)
    opora_person_editor_present (widget, self->store, self->person);
}

static void
new_contract_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  OporaPersonPage *self = OPORA_PERSON_PAGE (widget);
  OporaContractEditor *editor = opora_contract_editor_new (self->store, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  opora_contract_editor_set_applicant (editor, self->person_id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_enrollment_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  open_enrollment_editor (OPORA_PERSON_PAGE (widget), NULL);
}

static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  opora_undo_list_undo_last (OPORA_PERSON_PAGE (widget)->undo);
}

static void
opora_person_page_constructed (GObject *object)
{
  OporaPersonPage *self = (OporaPersonPage *)object;

  G_OBJECT_CLASS (opora_person_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  self->undo = opora_undo_list_new (GTK_WIDGET (self), self->toast_overlay, self->store,
                                    "person.undo-delete");
  opora_person_surveys_set_person (self->surveys_group, self->store, self->person_id);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

static void
opora_person_page_dispose (GObject *object)
{
  OporaPersonPage *self = (OporaPersonPage *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PERSON_PAGE);
  g_clear_pointer (&self->undo, opora_undo_list_free);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_person_page_parent_class)->dispose (object);
}

static void
opora_person_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OporaPersonPage *self = OPORA_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_person_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OporaPersonPage *self = OPORA_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_person_page_class_init (OporaPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_person_page_constructed;
  object_class->dispose = opora_person_page_dispose;
  object_class->get_property = opora_person_page_get_property;
  object_class->set_property = opora_person_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_PERSON_SURVEYS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-person-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, snils_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, birth_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, district_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, family_list);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, contracts_list);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, enrollments_list);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonPage, surveys_group);
  gtk_widget_class_bind_template_callback (widget_class, enrollments_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "person.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "person.new-contract", NULL,
                                   new_contract_action_cb);
  gtk_widget_class_install_action (widget_class, "person.add-enrollment", NULL,
                                   add_enrollment_action_cb);
  gtk_widget_class_install_action (widget_class, "person.undo-delete", NULL,
                                   undo_delete_action_cb);
}

static void
opora_person_page_init (OporaPersonPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->family_list,
                                placeholder_new (_("The person belongs to no family")));
  gtk_list_box_set_placeholder (self->contracts_list,
                                placeholder_new (_("No social contracts")));
  gtk_list_box_set_placeholder (self->enrollments_list,
                                placeholder_new (_("Takes part in no technology")));
}

GtkWidget *
opora_person_page_new (OporaStore *store,
                       gint64      person_id)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_PERSON_PAGE, "store", store, "person-id", person_id, NULL);
}

gint64
opora_person_page_get_person_id (OporaPersonPage *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON_PAGE (self), 0);
  return self->person_id;
}

GtkWindow *
opora_person_page_present (GtkWidget  *from,
                           OporaStore *store,
                           gint64      person_id)
{
  GtkWidget *page = opora_person_page_new (store, person_id);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkRoot *root = from ? gtk_widget_get_root (from) : NULL;
  OporaPerson *person = OPORA_PERSON_PAGE (page)->person;
  g_autofree char *name = person ? opora_person_dup_full_name (person) : NULL;

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), name ? name : _("Person"));
  gtk_window_set_default_size (GTK_WINDOW (window), 860, 780);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      /* Opened from a modal editor, it must take the input too. */
      gtk_window_set_modal (GTK_WINDOW (window), gtk_window_get_modal (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
