#define G_LOG_DOMAIN "opora-ui"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "opora-column-sort.h"
#include "opora-person-editor.h"
#include "opora-person.h"
#include "opora-person-page.h"
#include "opora-persons-page.h"
#include "opora-registry-page.h"
#include "opora-store-persons.h"
#include "opora-text-column.h"

struct _OporaPersonsPage
{
  GtkWidget            parent_instance;

  OporaStore          *store;
  GListModel          *list;
  OporaUndoList       *undo;
  OporaPersonSort      sort;
  gboolean             descending;
  gboolean             filling_districts;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *district_dropdown;
  GtkStringList       *districts;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *snils_column;
  GtkColumnViewColumn *phone_column;
  GtkColumnViewColumn *family_column;
  GtkColumnViewColumn *birth_column;
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

G_DEFINE_FINAL_TYPE (OporaPersonsPage, opora_persons_page, GTK_TYPE_WIDGET)

/* The district chosen in the filter, or NULL for all (position 0). */
static const char *
chosen_district (OporaPersonsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->district_dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->districts, position);
}

static char *
dup_search (OporaPersonsPage *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
}

static void
update_actions (OporaPersonsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "persons.delete",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
update_view (OporaPersonsPage *self)
{
  g_autofree char *search = dup_search (self);
  const char *district = chosen_district (self);
  guint n = self->list ? g_list_model_get_n_items (self->list) : 0;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (*search != '\0' || district != NULL)
    {
      g_autofree char *description = NULL;

      if (*search != '\0' && district != NULL)
        description = g_strdup_printf (_("No persons of the district “%s” match “%s”"),
                                       district, search);
      else if (*search != '\0')
        description = g_strdup_printf (_("No persons match “%s”"), search);
      else
        description = g_strdup_printf (_("No persons in the district “%s”"), district);
      adw_status_page_set_title (self->empty_status, _("No Persons Found"));
      adw_status_page_set_description (self->empty_status, description);
      adw_status_page_set_icon_name (self->empty_status, "edit-find-symbolic");
      gtk_widget_set_visible (self->empty_new_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Persons Yet"));
      adw_status_page_set_description (self->empty_status,
                                       _("Add the citizens the department supports: contract "
                                         "holders and the members of their families."));
      adw_status_page_set_icon_name (self->empty_status, "opora-person-symbolic");
      gtk_widget_set_visible (self->empty_new_button, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_actions (self);
}

static void
requery (OporaPersonsPage *self)
{
  g_autofree char *search = NULL;
  OporaPersonQuery query = { 0 };

  /* Sorting changes while the page is disposed: nothing to query then. */
  if (self->list == NULL)
    return;
  search = dup_search (self);
  query.search = search;
  query.district = chosen_district (self);
  query.sort = self->sort;
  query.descending = self->descending;
  opora_person_list_set_query (self->list, &query);
  update_view (self);
}

/* The filter offers the districts in use; it keeps the one chosen while it still exists. */
static void
fill_districts (OporaPersonsPage *self)
{
  g_autofree char *chosen = g_strdup (chosen_district (self));
  g_auto(GStrv) districts = opora_store_list_districts (self->store);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->districts));
  guint position = 0;

  self->filling_districts = TRUE;
  gtk_string_list_splice (self->districts, 1, n_old > 0 ? n_old - 1 : 0,
                          (const char * const *) districts);
  for (guint i = 0; chosen != NULL && districts[i] != NULL; i++)
    if (g_str_equal (districts[i], chosen))
      position = i + 1;
  gtk_drop_down_set_selected (self->district_dropdown, position);
  self->filling_districts = FALSE;

  if (chosen != NULL && position == 0)
    requery (self);
}

static void
store_changed_cb (OporaPersonsPage *self,
                  const char       *table)
{
  /* After dispose the page has no widgets left to fill. */
  if (self->list == NULL)
    return;
  if (g_str_equal (table, "person") || g_str_equal (table, "staff"))
    fill_districts (self);
}

static void
search_entry_search_changed_cb (OporaPersonsPage *self)
{
  requery (self);
}

static void
district_dropdown_selected_cb (OporaPersonsPage *self)
{
  if (!self->filling_districts)
    requery (self);
}

static void
selection_selected_cb (OporaPersonsPage *self)
{
  update_actions (self);
}

static void
list_items_changed_cb (OporaPersonsPage *self)
{
  update_view (self);
}

static void
column_sort_changed_cb (GtkColumnView *view,
                        const char    *sort_key,
                        gboolean       descending,
                        gpointer       user_data)
{
  OporaPersonsPage *self = user_data;

  self->sort = opora_person_sort_from_key (sort_key);
  self->descending = sort_key != NULL && descending;
  requery (self);
}

static void
column_view_activate_cb (OporaPersonsPage *self,
                         guint             position)
{
  g_autoptr(OporaPerson) person = g_list_model_get_item (self->list, position);

  /* A person opens on everything about them; their page has the Edit button. */
  if (person != NULL)
    opora_person_page_present (GTK_WIDGET (self), self->store, opora_person_get_id (person));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  opora_persons_page_open_editor (OPORA_PERSONS_PAGE (widget), 0);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OporaPersonsPage *self = OPORA_PERSONS_PAGE (widget);
  OporaPerson *person = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *title = NULL;
  OporaDeletion *deletion;

  if (person == NULL)
    return;

  /* The name is read before the delete: the row goes with the list's reload. */
  full_name = opora_person_dup_full_name (person);
  title = g_strdup_printf (_("%s deleted"), full_name);
  deletion = opora_store_delete_person (self->store, opora_person_get_id (person), &error);
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
  opora_undo_list_undo_last (OPORA_PERSONS_PAGE (widget)->undo);
}

static void
opora_persons_page_constructed (GObject *object)
{
  OporaPersonsPage *self = (OporaPersonsPage *)object;

  G_OBJECT_CLASS (opora_persons_page_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  self->undo = opora_undo_list_new (GTK_WIDGET (self), self->toast_overlay, self->store,
                                    "persons.undo-delete");
  self->list = opora_store_list_persons (self->store, NULL);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  opora_registry_page_set_list (self->selection, self->list, self->column_view);

  opora_column_sort_add (self->name_column, "name");
  opora_column_sort_add (self->birth_column, "birth_date");
  opora_column_sort_add (self->district_column, "district");
  opora_column_sort_watch (self->column_view, column_sort_changed_cb, self);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  fill_districts (self);
  requery (self);
}

static void
opora_persons_page_dispose (GObject *object)
{
  OporaPersonsPage *self = (OporaPersonsPage *)object;

  g_clear_object (&self->list);
  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PERSONS_PAGE);
  g_clear_pointer (&self->undo, opora_undo_list_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_persons_page_parent_class)->dispose (object);
}

static void
opora_persons_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OporaPersonsPage *self = OPORA_PERSONS_PAGE (object);

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
opora_persons_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OporaPersonsPage *self = OPORA_PERSONS_PAGE (object);

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
opora_persons_page_class_init (OporaPersonsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_persons_page_constructed;
  object_class->dispose = opora_persons_page_dispose;
  object_class->get_property = opora_persons_page_get_property;
  object_class->set_property = opora_persons_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OPORA_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-persons-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, districts);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, snils_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, phone_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, family_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, birth_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, district_column);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonsPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, district_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "persons.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "persons.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "persons.undo-delete", NULL,
                                   undo_delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "persons.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "persons.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "persons.delete", NULL);
}

static void
opora_persons_page_init (OporaPersonsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  opora_text_column_set (self->name_column, "full-name", "full-name");
  opora_text_column_set (self->birth_column, "birth-date-display", NULL);
  opora_text_column_set (self->snils_column, "snils-display", NULL);
  opora_text_column_set (self->phone_column, "phone-display", NULL);
  opora_text_column_set (self->district_column, "district", NULL);
  opora_text_column_set (self->family_column, "family-name", "relation-display");

  gtk_string_list_append (self->districts, _("All Districts"));
  update_actions (self);
}

GtkWidget *
opora_persons_page_new (OporaStore *store)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_PERSONS_PAGE, "store", store, NULL);
}

OporaStore *
opora_persons_page_get_store (OporaPersonsPage *self)
{
  g_return_val_if_fail (OPORA_IS_PERSONS_PAGE (self), NULL);
  return self->store;
}

GtkWindow *
opora_persons_page_open_editor (OporaPersonsPage *self,
                                gint64            id)
{
  g_autoptr(OporaPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  g_return_val_if_fail (OPORA_IS_PERSONS_PAGE (self), NULL);

  if (id != 0)
    {
      /* Read afresh: the list's row may be older than the database. */
      person = opora_store_load_person (self->store, id, &error);
      if (person == NULL)
        {
          opora_registry_page_show_error (GTK_WIDGET (self), self->toast_overlay, error);
          return NULL;
        }
    }

  editor = opora_person_editor_new (self->store, person);
  opora_registry_page_present_editor (GTK_WIDGET (self), GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}
