#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "opora-column-sort.h"
#include "opora-registry-page.h"
#include "opora-row-recycler.h"
#include "opora-staff-editor.h"
#include "opora-staff-page.h"
#include "opora-staff.h"
#include "opora-store-staff.h"
#include "opora-text-column.h"

struct _OporaStaffPage
{
  GtkWidget            parent_instance;

  OporaStore          *store;
  GListModel          *list;
  OporaUndoList       *undo;
  gboolean             descending;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *active_button;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *position_column;
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

G_DEFINE_FINAL_TYPE (OporaStaffPage, opora_staff_page, GTK_TYPE_WIDGET)

static char *
dup_search (OporaStaffPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
update_actions (OporaStaffPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.delete",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
update_view (OporaStaffPage *self)
{
  g_autofree char *search = dup_search (self);
  guint n = self->list ? g_list_model_get_n_items (self->list) : 0;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (*search != '\0' || gtk_toggle_button_get_active (self->active_button))
    {
      g_autofree char *description = NULL;

      if (*search != '\0')
        description = g_strdup_printf (_("No staff members match “%s”"), search);
      else
        description = g_strdup (_("No staff member is marked active"));
      adw_status_page_set_title (self->empty_status, _("No Staff Members Found"));
      adw_status_page_set_description (self->empty_status, description);
      adw_status_page_set_icon_name (self->empty_status, "edit-find-symbolic");
      gtk_widget_set_visible (self->empty_new_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Staff Members Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Add the specialists of the department: they curate "
                                         "contracts, lead groups and sign what they enter."));
      adw_status_page_set_icon_name (self->empty_status, "opora-staff-symbolic");
      gtk_widget_set_visible (self->empty_new_button, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_actions (self);
}

static void
requery (OporaStaffPage *self)
{
  g_autofree char *search = NULL;
  OporaStaffQuery query = { 0 };

  /* Sorting changes while the page is disposed: nothing to query then. */
  if (self->list == NULL)
    return;
  search = dup_search (self);
  query.search = search;
  query.active_only = gtk_toggle_button_get_active (self->active_button);
  query.descending = self->descending;
  opora_staff_list_set_query (self->list, &query);
  update_view (self);
}

static void
search_entry_search_changed_cb (OporaStaffPage *self)
{
  requery (self);
}

static void
active_button_toggled_cb (OporaStaffPage *self)
{
  requery (self);
}

static void
selection_selected_cb (OporaStaffPage *self)
{
  update_actions (self);
}

static void
list_items_changed_cb (OporaStaffPage *self)
{
  update_view (self);
}

static void
column_sort_changed_cb (GtkColumnView *view,
                        const char    *sort_key,
                        gboolean       descending,
                        gpointer       user_data)
{
  OporaStaffPage *self = user_data;

  self->descending = sort_key != NULL && descending;
  requery (self);
}

static void
column_view_activate_cb (OporaStaffPage *self,
                         guint           position)
{
  g_autoptr(OporaStaff) staff = g_list_model_get_item (self->list, position);

  if (staff != NULL)
    opora_staff_page_open_editor (self, opora_staff_get_id (staff));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  opora_staff_page_open_editor (OPORA_STAFF_PAGE (widget), 0);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OporaStaffPage *self = OPORA_STAFF_PAGE (widget);
  OporaStaff *staff = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  OporaDeletion *deletion;

  if (staff == NULL)
    return;

  /* The name is read before the delete: the row goes with the list's reload. */
  title = g_strdup_printf (_("%s deleted"), opora_staff_get_full_name (staff));
  deletion = opora_store_delete_staff (self->store, opora_staff_get_id (staff), &error);
  if (deletion == NULL)
    {
      opora_registry_page_show_error (widget, self->toast_overlay, error);
      return;
    }
  opora_undo_list_push (self->undo, deletion, title);
}

static void
undo_delete_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  opora_undo_list_undo_last (OPORA_STAFF_PAGE (widget)->undo);
}

static void
opora_staff_page_constructed (GObject *object)
{
  OporaStaffPage *self = (OporaStaffPage *)object;

  G_OBJECT_CLASS (opora_staff_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  self->undo = opora_undo_list_new (GTK_WIDGET (self), self->toast_overlay, self->store,
                                    "staff.undo-delete");
  self->list = opora_store_list_staff (self->store, FALSE);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  opora_registry_page_set_list (self->selection, self->list, self->column_view);

  opora_column_sort_add (self->name_column, "name");
  opora_column_sort_watch (self->column_view, column_sort_changed_cb, self);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  requery (self);
}

static void
opora_staff_page_dispose (GObject *object)
{
  OporaStaffPage *self = (OporaStaffPage *)object;

  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_STAFF_PAGE);
  g_clear_pointer (&self->undo, opora_undo_list_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_staff_page_parent_class)->dispose (object);
}

static void
opora_staff_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OporaStaffPage *self = OPORA_STAFF_PAGE (object);

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
opora_staff_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OporaStaffPage *self = OPORA_STAFF_PAGE (object);

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
opora_staff_page_class_init (OporaStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_type_ensure (OPORA_TYPE_ROW); /* its rows' cells look up their record */

  object_class->constructed = opora_staff_page_constructed;
  object_class->dispose = opora_staff_page_dispose;
  object_class->get_property = opora_staff_page_get_property;
  object_class->set_property = opora_staff_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-staff-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, active_button);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, position_column);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, district_column);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, OporaStaffPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, active_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "staff.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "staff.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "staff.undo-delete", NULL,
                                   undo_delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "staff.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "staff.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "staff.delete", NULL);
}

static void
opora_staff_page_init (OporaStaffPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  opora_text_column_set (self->name_column, "full-name", "full-name");
  opora_text_column_set (self->position_column, "position-display", "position-display");
  opora_text_column_set (self->district_column, "district", NULL);

  update_actions (self);
}

GtkWidget *
opora_staff_page_new (OporaStore *store)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_STAFF_PAGE, "store", store, NULL);
}

OporaStore *
opora_staff_page_get_store (OporaStaffPage *self)
{
  g_return_val_if_fail (OPORA_IS_STAFF_PAGE (self), NULL);
  return self->store;
}

GtkWindow *
opora_staff_page_open_editor (OporaStaffPage *self,
                              gint64          id)
{
  g_autoptr(OporaStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  g_return_val_if_fail (OPORA_IS_STAFF_PAGE (self), NULL);

  if (id != 0)
    {
      /* Read afresh: the list's row may be older than the database. */
      staff = opora_store_load_staff (self->store, id, &error);
      if (staff == NULL)
        {
          opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
          return NULL;
        }
    }

  editor = opora_staff_editor_new (self->store, staff);
  opora_registry_page_present_editor (GTK_WIDGET (self), GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}
