#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "opora-column-sort.h"
#include "opora-date.h"
#include "opora-organisation-editor.h"
#include "opora-organisation.h"
#include "opora-organisations-page.h"
#include "opora-registry-page.h"
#include "opora-row-recycler.h"
#include "opora-store-organisations.h"
#include "opora-store-records.h"
#include "opora-text-column.h"

struct _OporaOrganisationsPage
{
  GtkWidget              parent_instance;

  OporaStore            *store;
  GListModel            *list;
  OporaOrganisationSort  sort;
  gboolean               descending;
  OporaUndoList         *undo;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkSearchEntry        *search_entry;
  GtkDropDown           *kind_dropdown;
  GtkToggleButton       *in_force_button;
  GtkStack              *stack;
  GtkColumnView         *column_view;
  GtkColumnViewColumn   *name_column;
  GtkColumnViewColumn   *profile_column;
  GtkColumnViewColumn   *contacts_column;
  GtkColumnViewColumn   *kind_column;
  GtkSingleSelection    *selection;
  AdwStatusPage         *empty_status;
  GtkWidget             *empty_new_button;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaOrganisationsPage, opora_organisations_page, GTK_TYPE_WIDGET)

static gboolean
has_filters (OporaOrganisationsPage *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (search));

  return *stripped != '\0'
         || gtk_drop_down_get_selected (self->kind_dropdown) > 0
         || gtk_toggle_button_get_active (self->in_force_button);
}

static void
update_actions (OporaOrganisationsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisations.delete",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
update_view (OporaOrganisationsPage *self)
{
  guint n = self->list ? g_list_model_get_n_items (self->list) : 0;

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (has_filters (self))
    {
      const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      g_autofree char *stripped = g_strstrip (g_strdup (search));
      g_autofree char *description = NULL;

      if (*stripped != '\0')
        description = g_strdup_printf (_("No organisations match “%s”"), stripped);
      else
        description = g_strdup (_("No organisations match the chosen filters"));
      adw_status_page_set_title (self->empty_status, _("No Organisations Found"));
      adw_status_page_set_description (self->empty_status, description);
      adw_status_page_set_icon_name (self->empty_status, "edit-find-symbolic");
      gtk_widget_set_visible (self->empty_new_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Partner Organisations Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Add the organisations the centre works with: the "
                                         "employment centre, colleges, NGOs and others, with "
                                         "their agreements on interaction."));
      adw_status_page_set_icon_name (self->empty_status, "opora-organisation-symbolic");
      gtk_widget_set_visible (self->empty_new_button, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_actions (self);
}

static void
requery (OporaOrganisationsPage *self)
{
  g_autofree char *today = NULL;
  OporaOrganisationQuery query = { 0 };

  if (self->list == NULL)
    return;

  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query.kind = (OporaOrganisationKind) gtk_drop_down_get_selected (self->kind_dropdown);
  if (query.kind > OPORA_ORGANISATION_KIND_LAST)
    query.kind = OPORA_ORGANISATION_KIND_NONE;
  if (gtk_toggle_button_get_active (self->in_force_button))
    query.in_force_on = today = opora_date_today_iso ();
  query.sort = self->sort;
  query.descending = self->descending;

  opora_store_query_organisations (self->list, &query);
  update_view (self);
}

static void
search_entry_search_changed_cb (OporaOrganisationsPage *self)
{
  requery (self);
}

static void
filter_changed_cb (OporaOrganisationsPage *self)
{
  requery (self);
}

static void
selection_changed_cb (OporaOrganisationsPage *self)
{
  update_actions (self);
}

static void
list_items_changed_cb (OporaOrganisationsPage *self)
{
  update_view (self);
}

static void
column_sort_changed_cb (GtkColumnView *view,
                        const char    *sort_key,
                        gboolean       descending,
                        gpointer       user_data)
{
  OporaOrganisationsPage *self = user_data;

  self->sort = g_strcmp0 (sort_key, "kind") == 0 ? OPORA_ORGANISATION_SORT_KIND
                                                 : OPORA_ORGANISATION_SORT_NAME;
  self->descending = sort_key != NULL && descending;
  requery (self);
}

static void
column_view_activate_cb (OporaOrganisationsPage *self,
                         guint                   position)
{
  g_autoptr(OporaOrganisation) organisation = g_list_model_get_item (self->list, position);

  if (organisation != NULL)
    opora_organisations_page_open_editor (self, opora_organisation_get_id (organisation));
}

static void
delete_selected (OporaOrganisationsPage *self)
{
  OporaOrganisation *organisation = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *title = NULL;

  if (organisation == NULL)
    return;

  /* The name is read before the delete: the row goes with the list's reload. */
  title = g_strdup_printf (_("Organisation “%s” deleted"),
                           opora_organisation_get_name (organisation));
  opora_undo_list_delete_record (self->undo, "organisation",
                                 opora_organisation_get_id (organisation), title);
}

static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  opora_undo_list_undo_last (OPORA_ORGANISATIONS_PAGE (widget)->undo);
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  opora_organisations_page_open_editor (OPORA_ORGANISATIONS_PAGE (widget), 0);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  delete_selected (OPORA_ORGANISATIONS_PAGE (widget));
}

static void
fill_kind_dropdown (OporaOrganisationsPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  /* Position 0 is every kind; position N is the kind N of OporaOrganisationKind. */
  gtk_string_list_append (kinds, _("All Kinds"));
  for (int kind = OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE; kind <= OPORA_ORGANISATION_KIND_LAST;
       kind++)
    gtk_string_list_append (kinds, opora_organisation_kind_display_name (kind));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
}

static void
opora_organisations_page_constructed (GObject *object)
{
  OporaOrganisationsPage *self = (OporaOrganisationsPage *)object;

  G_OBJECT_CLASS (opora_organisations_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  self->undo = opora_undo_list_new (GTK_WIDGET (self), self->toast_overlay, self->store,
                                    "organisations.undo-delete");
  self->list = opora_store_list_organisations (self->store, NULL);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  opora_registry_page_set_list (self->selection, self->list, self->column_view);

  opora_column_sort_add (self->name_column, "name");
  opora_column_sort_add (self->kind_column, "kind");
  opora_column_sort_watch (self->column_view, column_sort_changed_cb, self);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  requery (self);
}

static void
opora_organisations_page_dispose (GObject *object)
{
  OporaOrganisationsPage *self = (OporaOrganisationsPage *)object;

  /* Without a list, the sort reported as the column view goes away re-queries nothing. */
  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_ORGANISATIONS_PAGE);
  g_clear_pointer (&self->undo, opora_undo_list_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_organisations_page_parent_class)->dispose (object);
}

static void
opora_organisations_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  OporaOrganisationsPage *self = OPORA_ORGANISATIONS_PAGE (object);

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
opora_organisations_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  OporaOrganisationsPage *self = OPORA_ORGANISATIONS_PAGE (object);

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
opora_organisations_page_class_init (OporaOrganisationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_type_ensure (OPORA_TYPE_ROW); /* its rows' cells look up their record */

  object_class->constructed = opora_organisations_page_constructed;
  object_class->dispose = opora_organisations_page_dispose;
  object_class->get_property = opora_organisations_page_get_property;
  object_class->set_property = opora_organisations_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_ORGANISATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-organisations-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, in_force_button);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, profile_column);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, contacts_column);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, kind_column);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, OporaOrganisationsPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "organisations.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "organisations.undo-delete", NULL,
                                   undo_delete_action_cb);
  gtk_widget_class_install_action (widget_class, "organisations.delete", NULL, delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "organisations.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "organisations.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "organisations.delete", NULL);
}

static void
opora_organisations_page_init (OporaOrganisationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  opora_text_column_set (self->name_column, "name", "name");
  opora_text_column_set (self->kind_column, "kind-display", NULL);
  opora_text_column_set (self->profile_column, "profile", "profile");
  opora_text_column_set (self->contacts_column, "contacts", "contacts");

  fill_kind_dropdown (self);
  update_actions (self);
}

GtkWidget *
opora_organisations_page_new (OporaStore *store)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_ORGANISATIONS_PAGE, "store", store, NULL);
}

OporaStore *
opora_organisations_page_get_store (OporaOrganisationsPage *self)
{
  g_return_val_if_fail (OPORA_IS_ORGANISATIONS_PAGE (self), NULL);
  return self->store;
}

GtkWindow *
opora_organisations_page_open_editor (OporaOrganisationsPage *self,
                                      gint64                  id)
{
  g_autoptr(OporaOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  g_return_val_if_fail (OPORA_IS_ORGANISATIONS_PAGE (self), NULL);

  if (id != 0)
    {
      /* Read afresh: the list's row may be older than the database. */
      organisation = opora_store_load_organisation (self->store, id, &error);
      if (organisation == NULL)
        {
          opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
          return NULL;
        }
    }

  editor = opora_organisation_editor_new (self->store, organisation);
  opora_registry_page_present_editor (GTK_WIDGET (self), GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}
