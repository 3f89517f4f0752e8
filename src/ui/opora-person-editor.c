#define G_LOG_DOMAIN "opora-ui"

#include <glib/gi18n.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-family.h"
#include "opora-person-editor.h"
#include "opora-store-families.h"
#include "opora-store-persons.h"

struct _OporaPersonEditor
{
  AdwWindow        parent_instance;

  OporaStore      *store;
  OporaPerson     *person;       /* as given or last saved; the fields hold the edits */
  GListModel      *families;     /* the chooser's list, made when first shown */
  gint64           family_id;    /* the family chosen in the editor */
  char            *family_name;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkLabel        *general_error;
  AdwEntryRow     *surname_row;
  GtkWidget       *surname_error_row;
  GtkLabel        *surname_error;
  AdwEntryRow     *name_row;
  GtkWidget       *name_error_row;
  GtkLabel        *name_error;
  AdwEntryRow     *patronymic_row;
  AdwEntryRow     *birth_date_row;
  GtkWidget       *birth_date_error_row;
  GtkLabel        *birth_date_error;
  AdwComboRow     *sex_row;
  GtkWidget       *sex_error_row;
  GtkLabel        *sex_error;
  AdwEntryRow     *snils_row;
  GtkWidget       *snils_error_row;
  GtkLabel        *snils_error;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *address_row;
  AdwEntryRow     *district_row;
  AdwActionRow    *family_row;
  GtkWidget       *clear_family_button;
  GtkMenuButton   *family_button;
  GtkSearchEntry  *family_search;
  GtkNoSelection  *family_selection;
  GtkWidget       *family_none_label;
  GtkWidget       *family_error_row;
  GtkLabel        *family_error;
  AdwComboRow     *relation_row;
  AdwEntryRow     *notes_row;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaPersonEditor, opora_person_editor, ADW_TYPE_WINDOW)

/* Where the message of each refusable field goes: the property validation names, the
 * input that gets the "error" style, and the row under it holding the message. */
static const struct
{
  const char *field;
  gsize       input;
  gsize       error_row;
  gsize       error_label;
} field_widgets[] = {
#define FIELD(name, prefix)                                                     \
  { name, G_STRUCT_OFFSET (OporaPersonEditor, prefix##_row),                    \
    G_STRUCT_OFFSET (OporaPersonEditor, prefix##_error_row),                    \
    G_STRUCT_OFFSET (OporaPersonEditor, prefix##_error) }
  FIELD ("surname", surname),
  FIELD ("name", name),
  FIELD ("birth-date", birth_date),
  FIELD ("sex", sex),
  FIELD ("snils", snils),
  FIELD ("family-id", family),
#undef FIELD
};

#define MEMBER(self, offset) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (offset)))

static void
clear_errors (OporaPersonEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_widgets); i++)
    {
      gtk_widget_remove_css_class (MEMBER (self, field_widgets[i].input), "error");
      gtk_widget_set_visible (MEMBER (self, field_widgets[i].error_row), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

static void
show_error (OporaPersonEditor *self,
            const char        *field,
            const char        *message)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (field_widgets); i++)
    {
      GtkWidget *input;

      if (!g_str_equal (field_widgets[i].field, field))
        continue;
      input = MEMBER (self, field_widgets[i].input);
      gtk_widget_add_css_class (input, "error");
      gtk_label_set_label (GTK_LABEL (MEMBER (self, field_widgets[i].error_label)), message);
      gtk_widget_set_visible (MEMBER (self, field_widgets[i].error_row), TRUE);
      gtk_widget_grab_focus (input);
      return;
    }
  gtk_label_set_label (self->general_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
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

static void
update_family (OporaPersonEditor *self)
{
  gboolean has_family = self->family_id > 0;

  adw_action_row_set_subtitle (self->family_row,
                               has_family ? self->family_name : _("Not in a family"));
  gtk_widget_set_visible (self->clear_family_button, has_family);
  gtk_widget_set_sensitive (GTK_WIDGET (self->relation_row), has_family);
  if (!has_family)
    adw_combo_row_set_selected (self->relation_row, OPORA_RELATION_NONE);
}

static void
set_family (OporaPersonEditor *self,
            gint64             family_id,
            const char        *family_name)
{
  self->family_id = family_id;
  g_free (self->family_name);
  self->family_name = g_strdup (family_name);
  update_family (self);
}

static GtkStringList *
enum_names (int          n_values,
            const char *(*display_name) (int))
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (int value = 0; value < n_values; value++)
    gtk_string_list_append (names, display_name (value));
  return names;
}

static void
fill_fields (OporaPersonEditor *self)
{
  OporaPerson *p = self->person;
  g_autofree char *birth = opora_date_iso_to_display (opora_person_get_birth_date (p));
  g_autofree char *snils = NULL;
  g_autofree char *phone = NULL;

  g_object_get (p, "snils-display", &snils, "phone-display", &phone, NULL);
  adw_window_title_set_title (self->window_title, opora_person_get_id (p) == 0
                                                  ? _("New Person") : _("Edit Person"));
  if (opora_person_get_id (p) != 0)
    {
      g_autofree char *full_name = opora_person_dup_full_name (p);
      adw_window_title_set_subtitle (self->window_title, full_name);
    }
  set_text (self->surname_row, opora_person_get_surname (p));
  set_text (self->name_row, opora_person_get_name (p));
  set_text (self->patronymic_row, opora_person_get_patronymic (p));
  set_text (self->birth_date_row, birth ? birth : opora_person_get_birth_date (p));
  adw_combo_row_set_selected (self->sex_row, opora_person_get_sex (p));
  set_text (self->snils_row, snils);
  set_text (self->phone_row, phone);
  set_text (self->address_row, opora_person_get_address (p));
  set_text (self->district_row, opora_person_get_district (p));
  set_text (self->notes_row, opora_person_get_notes (p));
  set_family (self, opora_person_get_family_id (p), opora_person_get_family_name (p));
  adw_combo_row_set_selected (self->relation_row, opora_person_get_relation (p));
}

/* The person as the fields say. A birth date that cannot even be read is left out, and
 * why goes to @date_error. */
static OporaPerson *
read_fields (OporaPersonEditor  *self,
             GError            **date_error)
{
  g_autoptr(OporaPerson) p = opora_person_copy (self->person);
  g_autofree char *surname = dup_stripped (self->surname_row);
  g_autofree char *name = dup_stripped (self->name_row);
  g_autofree char *patronymic = dup_stripped (self->patronymic_row);
  g_autofree char *birth = dup_stripped (self->birth_date_row);
  g_autofree char *snils = dup_stripped (self->snils_row);
  g_autofree char *phone = dup_stripped (self->phone_row);
  g_autofree char *address = dup_stripped (self->address_row);
  g_autofree char *district = dup_stripped (self->district_row);
  g_autofree char *notes = dup_stripped (self->notes_row);
  g_autofree char *birth_iso = NULL;
  guint sex = adw_combo_row_get_selected (self->sex_row);
  guint relation = adw_combo_row_get_selected (self->relation_row);

  if (*birth != '\0')
    birth_iso = opora_date_display_to_iso (birth, date_error);

  opora_person_set_surname (p, surname);
  opora_person_set_name (p, name);
  opora_person_set_patronymic (p, patronymic);
  opora_person_set_birth_date (p, birth_iso);
  opora_person_set_sex (p, sex == GTK_INVALID_LIST_POSITION ? OPORA_SEX_NONE : sex);
  opora_person_set_snils (p, snils);
  opora_person_set_phone (p, phone);
  opora_person_set_address (p, address);
  opora_person_set_district (p, district);
  opora_person_set_notes (p, notes);
  opora_person_set_family_id (p, self->family_id);
  opora_person_set_family_name (p, self->family_name);
  opora_person_set_relation (p, self->family_id > 0 && relation != GTK_INVALID_LIST_POSITION
                                ? relation : OPORA_RELATION_NONE);
  return g_steal_pointer (&p);
}

static void
save_button_clicked_cb (OporaPersonEditor *self)
{
  opora_person_editor_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  opora_person_editor_save (OPORA_PERSON_EDITOR (widget));
}

static void
clear_family_button_clicked_cb (OporaPersonEditor *self)
{
  set_family (self, 0, NULL);
}

static void
update_family_chooser (OporaPersonEditor *self)
{
  gtk_widget_set_visible (self->family_none_label,
                          g_list_model_get_n_items (self->families) == 0);
}

static void
family_search_changed_cb (OporaPersonEditor *self)
{
  OporaFamilyQuery query = {
    .search = gtk_editable_get_text (GTK_EDITABLE (self->family_search)),
  };

  if (self->families == NULL)
    return;
  opora_family_list_set_query (self->families, &query);
  update_family_chooser (self);
}

static void
family_popover_show_cb (OporaPersonEditor *self)
{
  /* The list is made on first use: most edits never open the chooser. */
  if (self->families == NULL)
    {
      self->families = opora_store_list_families (self->store, NULL);
      gtk_no_selection_set_model (self->family_selection, self->families);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->family_search), "");
  family_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->family_search));
}

static void
choose_family_at (OporaPersonEditor *self,
                  guint              position)
{
  g_autoptr(OporaFamily) family = g_list_model_get_item (self->families, position);

  if (family == NULL)
    return;
  set_family (self, opora_family_get_id (family), opora_family_get_name (family));
  gtk_menu_button_popdown (self->family_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->relation_row));
}

static void
family_list_view_activate_cb (OporaPersonEditor *self,
                              guint              position)
{
  choose_family_at (self, position);
}

static void
family_search_activate_cb (OporaPersonEditor *self)
{
  if (self->families != NULL && g_list_model_get_n_items (self->families) > 0)
    choose_family_at (self, 0);
}

static void
opora_person_editor_constructed (GObject *object)
{
  OporaPersonEditor *self = (OporaPersonEditor *)object;

  G_OBJECT_CLASS (opora_person_editor_parent_class)->constructed (object);

  g_return_if_fail (OPORA_IS_STORE (self->store));

  if (self->person == NULL)
    self->person = opora_person_new ();
  fill_fields (self);
}

static void
opora_person_editor_dispose (GObject *object)
{
  OporaPersonEditor *self = (OporaPersonEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_PERSON_EDITOR);
  g_clear_object (&self->families);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  g_clear_pointer (&self->family_name, g_free);

  G_OBJECT_CLASS (opora_person_editor_parent_class)->dispose (object);
}

static void
opora_person_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OporaPersonEditor *self = OPORA_PERSON_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_person_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  OporaPersonEditor *self = OPORA_PERSON_EDITOR (object);
  OporaPerson *person;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PERSON:
      /* A copy: Cancel must leave the caller's object (a list row, say) untouched. */
      person = g_value_get_object (value);
      self->person = person ? opora_person_copy (person) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_person_editor_class_init (OporaPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = opora_person_editor_constructed;
  object_class->dispose = opora_person_editor_dispose;
  object_class->get_property = opora_person_editor_get_property;
  object_class->set_property = opora_person_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, OPORA_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, OPORA_TYPE_PERSON);

  g_type_ensure (OPORA_TYPE_FAMILY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/ru/opora/Opora/opora-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, surname_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, surname_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, surname_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, patronymic_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, birth_date_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, birth_date_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, sex_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, sex_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, sex_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, snils_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, snils_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, snils_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, clear_family_button);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, family_button);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, family_search);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, family_selection);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, family_none_label);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, family_error_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, family_error);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, relation_row);
  gtk_widget_class_bind_template_child (widget_class, OporaPersonEditor, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_family_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, family_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, family_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, family_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, family_list_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
opora_person_editor_init (OporaPersonEditor *self)
{
  g_autoptr(GtkStringList) sexes = NULL;
  g_autoptr(GtkStringList) relations = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Position N is the value N of the enum: NONE first, as "Not chosen" / "Not set". */
  sexes = enum_names (OPORA_SEX_FEMALE + 1, (const char *(*) (int)) opora_sex_display_name);
  relations = enum_names (OPORA_RELATION_OTHER + 1,
                          (const char *(*) (int)) opora_relation_display_name);
  adw_combo_row_set_model (self->sex_row, G_LIST_MODEL (sexes));
  adw_combo_row_set_model (self->relation_row, G_LIST_MODEL (relations));
}

GtkWidget *
opora_person_editor_new (OporaStore  *store,
                         OporaPerson *person)
{
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || OPORA_IS_PERSON (person), NULL);

  return g_object_new (OPORA_TYPE_PERSON_EDITOR, "store", store, "person", person, NULL);
}

void
opora_person_editor_present (GtkWidget   *parent,
                             OporaStore  *store,
                             OporaPerson *person)
{
  GtkWidget *editor;
  GtkRoot *root;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  editor = opora_person_editor_new (store, person);
  root = parent ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

OporaPerson *
opora_person_editor_get_person (OporaPersonEditor *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON_EDITOR (self), NULL);
  return self->person;
}

gboolean
opora_person_editor_save (OporaPersonEditor *self)
{
  g_autoptr(OporaPerson) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) date_error = NULL;
  const char *field = NULL;

  g_return_val_if_fail (OPORA_IS_PERSON_EDITOR (self), FALSE);

  clear_errors (self);
  edited = read_fields (self, &date_error);

  /* Validation first, for the field it names; the store checks the same rules again. The
   * first refusal in the order of the form is shown: a name left out before a bad date. */
  if (!opora_person_validate (edited, &field, &error) &&
      (date_error == NULL || g_str_equal (field, "surname") || g_str_equal (field, "name")))
    {
      show_error (self, field, error->message);
      return FALSE;
    }
  if (date_error != NULL)
    {
      show_error (self, "birth-date", date_error->message);
      return FALSE;
    }
  if (!opora_store_save_person (self->store, edited, &error))
    {
      if (g_error_matches (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE_SNILS))
        field = "snils";
      else if (g_error_matches (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND) &&
               self->family_id > 0)
        {
          g_autoptr(OporaFamily) family = opora_store_load_family (self->store,
                                                                   self->family_id, NULL);

          /* Deleted while the editor was open: the message belongs under the family. */
          if (family == NULL)
            field = "family-id";
        }
      show_error (self, field, error->message);
      return FALSE;
    }

  g_set_object (&self->person, edited);
  g_signal_emit (self, signals[SAVED], 0, self->person);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
