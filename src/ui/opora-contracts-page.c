#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "opora-column-sort.h"
#include "opora-contract-editor.h"
#include "opora-contracts-page.h"
#include "opora-person-page.h"
#include "opora-registry-page.h"
#include "opora-store-contracts.h"
#include "opora-store-records.h"
#include "opora-text-column.h"

struct _OporaContractsPage
{
  GtkWidget            parent_instance;

  OporaStore          *store;
  GListModel          *list;
  OporaUndoList       *undo;
  char                *sort;
  gboolean             descending;
  gboolean             filling_filters;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkStringList       *statuses;
  GtkDropDown         *district_dropdown;
  GtkStringList       *districts;
  GtkDropDown         *year_dropdown;
  GtkStringList       *years;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *number_column;
  GtkColumnViewColumn *applicant_column;
  GtkColumnViewColumn *concluded_column;
  GtkColumnViewColumn *term_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *curator_column;
  GtkColumnViewColumn *district_column;
  GtkSingleSelection  *selection;
  AdwStatusPage       *empty_status;
  GtkWidget           *empty_new_button;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaContractsPage, opora_contracts_page, GTK_TYPE_WIDGET)

/* Position 0 of each filter is "any"; the statuses follow in the enum's order. */
static const char *
chosen_status (OporaContractsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->status_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return opora_contract_status_to_string (position - 1);
}

static const char *
chosen_district (OporaContractsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->district_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->districts, position);
}

static int
chosen_year (OporaContractsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->year_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return 0;
  return atoi (gtk_string_list_get_string (self->years, position));
}

static char *
dup_search (OporaContractsPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
update_actions (OporaContractsPage *self)
{
  gboolean selected = gtk_single_selection_get_selected_item (self->selection) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.show-applicant", selected);
}

static void
update_view (OporaContractsPage *self)
{
  g_autofree char *search = dup_search (self);
  gboolean filtered = chosen_status (self) != NULL || chosen_district (self) != NULL ||
                      chosen_year (self) != 0;
  guint n = self->list ? g_list_model_get_n_items (self->list) : 0;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (*search != '\0' || filtered)
    {
      g_autofree char *description = NULL;

      if (*search != '\0')
        description = g_strdup_printf (filtered
                                       ? _("No contracts with these filters match “%s”")
                                       : _("No contracts match “%s”"),
                                       search);
      else
        description = g_strdup (_("No contracts match these filters"));
      adw_status_page_set_title (self->empty_status, _("No Contracts Found"));
      adw_status_page_set_description (self->empty_status, description);
      adw_status_page_set_icon_name (self->empty_status, "edit-find-symbolic");
      gtk_widget_set_visible (self->empty_new_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Social Contracts Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Add the social contracts the department supports, "
                                         "with their programmes of social adaptation."));
      adw_status_page_set_icon_name (self->empty_status, "opora-contract-symbolic");
      gtk_widget_set_visible (self->empty_new_button, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_actions (self);
}

static void
requery (OporaContractsPage *self)
{
  g_autofree char *search = NULL;
  OporaContractQuery query = { 0 };

  /* Not yet constructed, or already disposed (the view's sorter changes as it goes). */
  if (self->list == NULL)
    return;

  search = dup_search (self);
  query.search = search;
  query.status = chosen_status (self);
  query.district = chosen_district (self);
  query.year = chosen_year (self);
  query.sort = self->sort;
  query.descending = self->descending;
  opora_contract_list_set_query (self->list, &query);
  update_view (self);
}

static guint
find_string (GtkStringList *list,
             const char    *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 1; text != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (list, i), text))
      return i;
  return 0;
}

/* The district and year filters offer what is in use; each keeps its choice while it
 * still exists. */
static void
fill_filters (OporaContractsPage *self)
{
  g_autofree char *district = g_strdup (chosen_district (self));
  g_autofree char *year = NULL;
  g_auto(GStrv) districts = opora_store_list_contract_districts (self->store);
  g_autoptr(GStrvBuilder) years = g_strv_builder_new ();
  g_auto(GStrv) year_strings = NULL;
  gboolean lost = FALSE;
  int first, last;
  guint n;

  if (chosen_year (self) != 0)
    year = g_strdup_printf ("%d", chosen_year (self));
  if (opora_store_get_contract_years (self->store, &first, &last))
    for (int y = last; y >= first; y--)
      {
        g_autofree char *text = g_strdup_printf ("%d", y);
        g_strv_builder_add (years, text);
      }
  year_strings = g_strv_builder_end (years);

  self->filling_filters = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  gtk_string_list_splice (self->districts, 1, n - 1, (const char * const *) districts);
  gtk_drop_down_set_selected (self->district_dropdown, find_string (self->districts, district));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->years));
  gtk_string_list_splice (self->years, 1, n - 1, (const char * const *) year_strings);
  gtk_drop_down_set_selected (self->year_dropdown, find_string (self->years, year));
  self->filling_filters = FALSE;

  lost = (district != NULL && chosen_district (self) == NULL) ||
         (year != NULL && chosen_year (self) == 0);
  if (lost)
    requery (self);
}

static void
store_changed_cb (OporaContractsPage *self,
                  const char         *table)
{
  if (self->list == NULL)
    return;
  if (g_str_equal (table, "contract") || g_str_equal (table, "person"))
    fill_filters (self);
}

static void
filter_changed_cb (OporaContractsPage *self)
{
  if (!self->filling_filters)
    requery (self);
}

static void
selection_selected_cb (OporaContractsPage *self)
{
  update_actions (self);
}

static void
list_items_changed_cb (OporaContractsPage *self)
{
  update_view (self);
}

static void
column_sort_changed_cb (GtkColumnView *view,
                        const char    *sort_key,
                        gboolean       descending,
                        gpointer       user_data)
{
  OporaContractsPage *self = user_data;

  g_free (self->sort);
  self->sort = g_strdup (sort_key);
  self->descending = sort_key != NULL && descending;
  requery (self);
}

static void
column_view_activate_cb (OporaContractsPage *self,
                         guint               position)
{
  g_autoptr(OporaContract) contract = g_list_model_get_item (self->list, position);

  if (contract != NULL)
    opora_contracts_page_open_editor (self, opora_contract_get_id (contract));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  opora_contracts_page_open_editor (OPORA_CONTRACTS_PAGE (widget), 0);
}

static void
show_applicant_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  OporaContractsPage *self = OPORA_CONTRACTS_PAGE (widget);
  OporaContract *contract = gtk_single_selection_get_selected_item (self->selection);

  if (contract != NULL)
    opora_person_page_present (widget, self->store, opora_contract_get_person_id (contract));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OporaContractsPage *self = OPORA_CONTRACTS_PAGE (widget);
  OporaContract *contract = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *title = NULL;

  if (contract == NULL)
    return;

  /* The number is read before the delete: the row goes with the list's reload. */
  title = g_strdup_printf (_("Contract No. %s deleted"), opora_contract_get_number (contract));
  opora_undo_list_delete_record (self->undo, "contract", opora_contract_get_id (contract), title);
}

static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  opora_undo_list_undo_last (OPORA_CONTRACTS_PAGE (widget)->undo);
}

static void
opora_contracts_page_constructed (GObject *object)
{
  OporaContractsPage *self = (OporaContractsPage *)object;

  G_OBJECT_CLASS (opora_contracts_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  self->undo = opora_undo_list_new (GTK_WIDGET (self), self->toast_overlay, self->store,
                                    "contracts.undo-delete");
  self->list = opora_store_list_contracts (self->store, NULL);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  opora_registry_page_set_list (self->selection, self->list, self->column_view);

  opora_column_sort_add (self->number_column, "number");
  opora_column_sort_add (self->applicant_column, "applicant");
  opora_column_sort_add (self->concluded_column, "concluded_on");
  opora_column_sort_add (self->term_column, "term_end");
  opora_column_sort_add (self->status_column, "status");
  opora_column_sort_watch (self->column_view, column_sort_changed_cb, self);
  /* Newest first, as the registry is read: the index on the date answers it. */
  gtk_column_view_sort_by_column (self->column_view, self->concluded_column,
                                  GTK_SORT_DESCENDING);

  fill_filters (self);
  requery (self);
}

static void
opora_contracts_page_dispose (GObject *object)
{
  OporaContractsPage *self = (OporaContractsPage *)object;

  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_CONTRACTS_PAGE);
  g_clear_pointer (&self->undo, opora_undo_list_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->sort, g_free);

  G_OBJECT_CLASS (opora_contracts_page_parent_class)->dispose (object);
}

static void
opora_contracts_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OporaContractsPage *self = OPORA_CONTRACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_contracts_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OporaContractsPage *self = OPORA_CONTRACTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_contracts_page_class_init (OporaContractsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_contracts_page_constructed;
  object_class->dispose = opora_contracts_page_dispose;
  object_class->get_property = opora_contracts_page_get_property;
  object_class->set_property = opora_contracts_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_CONTRACT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-contracts-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, statuses);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, districts);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, years);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, number_column);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, applicant_column);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, concluded_column);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, term_column);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, curator_column);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, district_column);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, OporaContractsPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "contracts.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "contracts.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "contracts.undo-delete", NULL,
                                   undo_delete_action_cb);
  gtk_widget_class_install_action (widget_class, "contracts.show-applicant", NULL,
                                   show_applicant_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "contracts.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "contracts.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "contracts.delete", NULL);
}

static void
opora_contracts_page_init (OporaContractsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->statuses, _("Any Status"));
  for (int s = OPORA_CONTRACT_STATUS_ACTIVE; s <= OPORA_CONTRACT_STATUS_TERMINATED; s++)
    gtk_string_list_append (self->statuses, opora_contract_status_display_name (s));
  opora_text_column_set (self->number_column, "number", "number");
  opora_text_column_set (self->applicant_column, "person-name", "person-name");
  opora_text_column_set (self->concluded_column, "concluded-on-display", "concluded-on-display");
  opora_text_column_set (self->term_column, "term-display", "term-display");
  opora_text_column_set (self->status_column, "status-display", "status-display");
  opora_text_column_set (self->curator_column, "curator-name", "curator-name");
  opora_text_column_set (self->district_column, "district", "district");
  gtk_string_list_append (self->districts, _("All Districts"));
  gtk_string_list_append (self->years, _("All Years"));
  update_actions (self);
}

GtkWidget *
opora_contracts_page_new (OporaStore *store)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_CONTRACTS_PAGE, "store", store, NULL);
}

OporaStore *
opora_contracts_page_get_store (OporaContractsPage *self)
{
  g_return_val_if_fail (OPORA_IS_CONTRACTS_PAGE (self), NULL);
  return self->store;
}

GtkWindow *
opora_contracts_page_open_editor (OporaContractsPage *self,
                                  gint64              id)
{
  g_autoptr(OporaContract) contract = NULL;
  g_autoptr(GError) error = NULL;
  OporaContractEditor *editor;

  g_return_val_if_fail (OPORA_IS_CONTRACTS_PAGE (self), NULL);

  if (id != 0)
    {
      /* Read afresh, with the programme: the list's row has neither. */
      contract = opora_store_load_contract (self->store, id, &error);
      if (contract == NULL)
        {
          opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
          return NULL;
        }
    }

  editor = opora_contract_editor_new (self->store, contract);
  opora_registry_page_present_editor (GTK_WIDGET (self), GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}
