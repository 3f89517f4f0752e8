#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-family-editor.h"
#include "opora-store-families.h"
#include "opora-store-persons.h"

struct _OporaFamilyEditor
{
  AdwWindow       parent_instance;

  OporaStore     *store;
  OporaFamily    *family;     /* as given or last saved; the fields hold the edits */
  GListStore     *members;    /* OporaPerson copies: a family is a handful of people */
  GListModel     *persons;    /* the "Add Member" list, made when first shown */
  GtkStringList  *relations;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkLabel       *general_error;
  AdwEntryRow    *name_row;
  GtkWidget      *name_error_row;
  GtkLabel       *name_error;
  GtkSpinButton  *minor_children_spin;
  GtkWidget      *minor_children_error_row;
  GtkLabel       *minor_children_error;
  AdwComboRow    *settlement_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *notes_row;
  GtkSwitch      *large_switch;
  GtkSwitch      *single_parent_switch;
  GtkSwitch      *disabled_child_switch;
  GtkSwitch      *living_alone_switch;
  GtkMenuButton  *add_member_button;
  GtkSearchEntry *person_search;
  GtkNoSelection *person_selection;
  GtkListView    *person_list_view;
  GtkWidget      *person_none_label;
  GtkListBox     *members_box;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FAMILY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaFamilyEditor, opora_family_editor, ADW_TYPE_WINDOW)

static void
clear_errors (OporaFamilyEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->minor_children_spin), "error");
  gtk_widget_set_visible (self->name_error_row, FALSE);
  gtk_widget_set_visible (self->minor_children_error_row, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

static void
show_error (OporaFamilyEditor *self,
            const char        *field,
            const char        *message)
{
  GtkWidget *input = NULL;
  GtkWidget *row = NULL;
  GtkLabel *label = self->general_error;

  if (g_strcmp0 (field, "name") == 0)
    {
      input = GTK_WIDGET (self->name_row);
      row = self->name_error_row;
      label = self->name_error;
    }
  else if (g_strcmp0 (field, "minor-children") == 0)
    {
      input = GTK_WIDGET (self->minor_children_spin);
      row = self->minor_children_error_row;
      label = self->minor_children_error;
    }

  gtk_label_set_label (label, message);
  gtk_widget_set_visible (row ? row : GTK_WIDGET (label), TRUE);
  if (input != NULL)
    {
      gtk_widget_add_css_class (input, "error");
      gtk_widget_grab_focus (input);
    }
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static gboolean
find_member (OporaFamilyEditor *self,
             gint64             person_id,
             guint             *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaPerson) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      if (opora_person_get_id (member) == person_id)
        {
          if (position)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
relation_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      OporaPerson *member)
{
  guint relation = gtk_drop_down_get_selected (dropdown);

  opora_person_set_relation (member, relation == GTK_INVALID_LIST_POSITION
                                     ? OPORA_RELATION_NONE : relation);
}

static void
remove_button_clicked_cb (GtkButton         *button,
                          OporaFamilyEditor *self)
{
  OporaPerson *member = g_object_get_data (G_OBJECT (button), "member");
  guint position;

  if (find_member (self, opora_person_get_id (member), &position))
    g_list_store_remove (self->members, position);
}

static GtkWidget *
create_member_row (gpointer item,
                   gpointer user_data)
{
  OporaFamilyEditor *self = user_data;
  OporaPerson *member = item;
  g_autofree char *full_name = opora_person_dup_full_name (member);
  g_autofree char *birth = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *relation_label = NULL;
  g_autofree char *remove_label = NULL;
  gint64 family_id = opora_family_get_id (self->family);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *relation = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->relations)), NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  g_object_get (member, "birth-date-display", &birth, NULL);
  /* Saving moves a member of another family here: say so before it happens. */
  if (opora_person_get_family_id (member) != 0 && opora_person_get_family_id (member) != family_id)
    subtitle = g_strdup_printf (_("Moves from the family “%s”"),
                                opora_person_get_family_name (member));
  else
    subtitle = g_strdup (birth);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), full_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (relation), opora_person_get_relation (member));
  gtk_widget_set_valign (relation, GTK_ALIGN_CENTER);
  g_signal_connect_object (relation, "notify::selected", G_CALLBACK (relation_selected_cb),
                           member, 0);
  relation_label = g_strdup_printf (_("Relation of %s"), full_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (relation), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  relation_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), relation);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the Family"));
  remove_label = g_strdup_printf (_("Remove %s from the family"), full_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "member", g_object_ref (member), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_button_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
fill_fields (OporaFamilyEditor *self)
{
  OporaFamily *f = self->family;

  adw_window_title_set_title (self->window_title, opora_family_get_id (f) == 0
                                                  ? _("New Family") : _("Edit Family"));
  adw_window_title_set_subtitle (self->window_title,
                                 opora_family_get_id (f) != 0 ? opora_family_get_name (f) : NULL);
  set_text (self->name_row, opora_family_get_name (f));
  gtk_spin_button_set_value (self->minor_children_spin, opora_family_get_minor_children (f));
  adw_combo_row_set_selected (self->settlement_row, opora_family_get_settlement (f));
  set_text (self->address_row, opora_family_get_address (f));
  set_text (self->notes_row, opora_family_get_notes (f));
  gtk_switch_set_active (self->large_switch, opora_family_get_is_large (f));
  gtk_switch_set_active (self->single_parent_switch, opora_family_get_is_single_parent (f));
  gtk_switch_set_active (self->disabled_child_switch, opora_family_get_has_disabled_child (f));
  gtk_switch_set_active (self->living_alone_switch, opora_family_get_is_living_alone (f));

  g_list_store_remove_all (self->members);
  if (opora_family_get_id (f) != 0)
    {
      g_autoptr(GListModel) saved = opora_store_list_family_members (self->store,
                                                                     opora_family_get_id (f));
      guint n = g_list_model_get_n_items (saved);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(OporaPerson) member = g_list_model_get_item (saved, i);
          g_autoptr(OporaPerson) copy = opora_person_copy (member);

          g_list_store_append (self->members, copy);
        }
    }
}

static OporaFamily *
read_fields (OporaFamilyEditor *self)
{
  OporaFamily *f = opora_family_copy (self->family);
  g_autofree char *name = dup_stripped (self->name_row);
  g_autofree char *address = dup_stripped (self->address_row);
  g_autofree char *notes = dup_stripped (self->notes_row);
  guint settlement = adw_combo_row_get_selected (self->settlement_row);

  gtk_spin_button_update (self->minor_children_spin);
  opora_family_set_name (f, name);
  opora_family_set_minor_children (f,
                                   gtk_spin_button_get_value_as_int (self->minor_children_spin));
  opora_family_set_settlement (f, settlement == OPORA_SETTLEMENT_RURAL ? OPORA_SETTLEMENT_RURAL
                                                                       : OPORA_SETTLEMENT_URBAN);
  opora_family_set_address (f, address);
  opora_family_set_notes (f, notes);
  opora_family_set_is_large (f, gtk_switch_get_active (self->large_switch));
  opora_family_set_is_single_parent (f, gtk_switch_get_active (self->single_parent_switch));
  opora_family_set_has_disabled_child (f, gtk_switch_get_active (self->disabled_child_switch));
  opora_family_set_is_living_alone (f, gtk_switch_get_active (self->living_alone_switch));
  return f;
}

static void
save_button_clicked_cb (OporaFamilyEditor *self)
{
  opora_family_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_family_editor_save (OPORA_FAMILY_EDITOR (widget));
}

static void
person_search_changed_cb (OporaFamilyEditor *self)
{
  OporaPersonQuery query = {
    .search = gtk_editable_get_text (GTK_EDITABLE (self->person_search)),
  };

  if (self->persons == NULL)
    return;
  opora_person_list_set_query (self->persons, &query);
  gtk_widget_set_visible (self->person_none_label,
                          g_list_model_get_n_items (self->persons) == 0);
}

static void
person_popover_show_cb (OporaFamilyEditor *self)
{
  /* The list is made on first use: the registry may hold a million persons, and most
   * edits of a family never add one. */
  if (self->persons == NULL)
    {
      self->persons = opora_store_list_persons (self->store, NULL);
      gtk_no_selection_set_model (self->person_selection, self->persons);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->person_search), "");
  person_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_search));
}

static void
add_member_at (OporaFamilyEditor *self,
               guint              position)
{
  g_autoptr(OporaPerson) person = g_list_model_get_item (self->persons, position);

  if (person == NULL)
    return;
  opora_family_editor_add_member (self, person);
  gtk_menu_button_popdown (self->add_member_button);
}

static void
person_list_view_activate_cb (OporaFamilyEditor *self,
                              guint              position)
{
  add_member_at (self, position);
}

static void
person_search_activate_cb (OporaFamilyEditor *self)
{
  if (self->persons != NULL && g_list_model_get_n_items (self->persons) > 0)
    add_member_at (self, 0);
}

static void
opora_family_editor_constructed (GObject *object)
{
  OporaFamilyEditor *self = (OporaFamilyEditor *)object;

  G_OBJECT_CLASS (opora_family_editor_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  if (self->family == NULL)
    self->family = opora_family_new ();
  fill_fields (self);
}

static void
opora_family_editor_dispose (GObject *object)
{
  OporaFamilyEditor *self = (OporaFamilyEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_FAMILY_EDITOR);
  g_clear_object (&self->persons);
  g_clear_object (&self->members);
  g_clear_object (&self->relations);
  g_clear_object (&self->family);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_family_editor_parent_class)->dispose (object);
}

static void
opora_family_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OporaFamilyEditor *self = OPORA_FAMILY_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FAMILY:
      g_value_set_object (value, self->family);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_family_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OporaFamilyEditor *self = OPORA_FAMILY_EDITOR (object);
  OporaFamily *family;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FAMILY:
      /* A copy: Cancel must leave the caller's object (a list row, say) untouched. */
      family = g_value_get_object (value);
      self->family = family ? opora_family_copy (family) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_family_editor_class_init (OporaFamilyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_family_editor_constructed;
  object_class->dispose = opora_family_editor_dispose;
  object_class->get_property = opora_family_editor_get_property;
  object_class->set_property = opora_family_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAMILY] =
    g_param_spec_object ("family", NULL, NULL, OPORA_TYPE_FAMILY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, OPORA_TYPE_FAMILY);

  g_type_ensure (OPORA_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-family-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, minor_children_spin);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor,
                                        minor_children_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, minor_children_error);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, settlement_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, large_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, single_parent_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, disabled_child_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, living_alone_switch);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, person_search);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, person_selection);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, person_list_view);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, person_none_label);
  gtk_widget_class_bind_template_child (widget_class, OporaFamilyEditor, members_box);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_family_editor_init (OporaFamilyEditor *self)
{
  g_autoptr(GtkStringList) settlements = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Position N is the value N of the enum. */
  gtk_string_list_append (settlements, opora_settlement_display_name (OPORA_SETTLEMENT_URBAN));
  gtk_string_list_append (settlements, opora_settlement_display_name (OPORA_SETTLEMENT_RURAL));
  adw_combo_row_set_model (self->settlement_row, G_LIST_MODEL (settlements));
  self->relations = gtk_string_list_new (NULL);
  for (int relation = OPORA_RELATION_NONE; relation <= OPORA_RELATION_OTHER; relation++)
    gtk_string_list_append (self->relations, opora_relation_display_name (relation));

  self->members = g_list_store_new (OPORA_TYPE_PERSON);
  gtk_list_box_bind_model (self->members_box, G_LIST_MODEL (self->members), create_member_row,
                           self, NULL);
  placeholder = gtk_label_new (_("No members yet: add the persons of the household"));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->members_box, placeholder);
}

GtkWidget *
opora_family_editor_new (OporaStore  *store,
                         OporaFamily *family)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (family == NULL || OPORA_IS_FAMILY (family), NULL);

  return g_object_new (OPORA_TYPE_FAMILY_EDITOR, "store", store, "family", family, NULL);
}

OporaFamily *
opora_family_editor_get_family (OporaFamilyEditor *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY_EDITOR (self), NULL);
  return self->family;
}

GListModel *
opora_family_editor_get_members (OporaFamilyEditor *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY_EDITOR (self), NULL);
  return G_LIST_MODEL (self->members);
}

void
opora_family_editor_add_member (OporaFamilyEditor *self,
                                OporaPerson       *person)
{
  g_autoptr(OporaPerson) member = NULL;
  gboolean first;

  g_return_if_fail (OPORA_IS_FAMILY_EDITOR (self));
  g_return_if_fail (OPORA_IS_PERSON (person));

  if (find_member (self, opora_person_get_id (person), NULL))
    return;

  first = g_list_model_get_n_items (G_LIST_MODEL (self->members)) == 0;
  member = opora_person_copy (person);
  /* A relation to another family means nothing here. */
  if (opora_person_get_family_id (person) != opora_family_get_id (self->family) ||
      opora_family_get_id (self->family) == 0)
    opora_person_set_relation (member, first ? OPORA_RELATION_APPLICANT : OPORA_RELATION_NONE);
  g_list_store_append (self->members, member);
}

gboolean
opora_family_editor_save (OporaFamilyEditor *self)
{
  g_autoptr(OporaFamily) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  g_return_val_if_fail (OPORA_IS_FAMILY_EDITOR (self), FALSE);

  clear_errors (self);
  edited = read_fields (self);
  if (!opora_family_validate (edited, &field, &error) ||
      !opora_store_save_family_members (self->store, edited, G_LIST_MODEL (self->members),
                                        &error))
    {
      show_error (self, field, error->message);
      return FALSE;
    }

  g_set_object (&self->family, edited);
  g_signal_emit (self, signals[SAVED], 0, self->family);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
