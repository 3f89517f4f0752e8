#define G_LOG_DOMAIN "opora-window"

#include <glib/gi18n.h>

#include "opora-application.h"
#include "opora-store-institution.h"
#include "opora-window.h"

struct _OporaWindow
{
  AdwApplicationWindow  parent_instance;

  OporaStore           *store;
  GSettings            *settings;    /* NULL when the schema is not installed */
  GHashTable           *rows;        /* section name → its GtkListBoxRow (borrowed) */
  gboolean              section_chosen; /* by the user or a caller, not by default */

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  GtkListBox           *sidebar_list;
  GtkLabel             *institution_label;
  AdwWindowTitle       *content_title;
  GtkLabel             *database_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkWidget            *new_person_button;
  GtkWidget            *load_demo_button;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaWindow, opora_window, ADW_TYPE_APPLICATION_WINDOW)

/* What the window knows of the registry's own sections, so their titles are translated in
 * one place and a page can be added with its name alone. */
static const struct
{
  const char *name;
  const char *title;
  const char *icon_name;
} known_sections[] = {
  { "persons",       N_("Persons"),               "opora-person-symbolic" },
  { "families",      N_("Families"),              "opora-family-symbolic" },
  { "contracts",     N_("Social contracts"),      "opora-contract-symbolic" },
  { "organisations", N_("Partner organisations"), "opora-organisation-symbolic" },
  { "staff",         N_("Staff"),                 "opora-staff-symbolic" },
};

/* The stack children that are not sections. */
#define EMPTY_PAGE       "empty"
#define NO_SECTIONS_PAGE "no-sections"

static const char *
row_get_name (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "opora-section");
}

static gboolean
is_section (const char *name)
{
  return name != NULL && g_strcmp0 (name, EMPTY_PAGE) != 0
         && g_strcmp0 (name, NO_SECTIONS_PAGE) != 0;
}

static void
set_content_title (OporaWindow *self,
                   const char  *name)
{
  GtkWidget *child = name ? gtk_stack_get_child_by_name (self->stack, name) : NULL;
  const char *title = NULL;

  if (child != NULL && is_section (name))
    title = gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child));
  adw_window_title_set_title (self->content_title, title ? title : "");
}

#define PAGE_FACTORY_KEY "opora-page-factory"

/* A page added with opora_window_add_lazy_page() waits in an empty AdwBin until it is
 * first mapped or asked for: pages hold lists and charts, and building them all before the
 * first frame cost seconds on a real registry. Built on map rather than when made visible,
 * the section a window opens on is built once, even when the sections are added one by
 * one before it is chosen. Returns the page itself. */
static GtkWidget *
build_page (OporaWindow *self,
            GtkWidget   *child)
{
  OporaPageFactory factory;

  if (child == NULL || !ADW_IS_BIN (child))
    return child;
  factory = g_object_get_data (G_OBJECT (child), PAGE_FACTORY_KEY);
  if (factory == NULL)
    return child;
  if (adw_bin_get_child (ADW_BIN (child)) == NULL)
    adw_bin_set_child (ADW_BIN (child), factory (self->store));
  return adw_bin_get_child (ADW_BIN (child));
}

static void
holder_map_cb (GtkWidget   *holder,
               OporaWindow *self)
{
  build_page (self, holder);
}

/* Shows the section @name, or with NULL the status page that fits the registry: a
 * welcome while it is empty, a plain one when no section has been built into Opora. */
static void
show_section (OporaWindow *self,
              const char  *name)
{
  if (name == NULL)
    {
      name = opora_store_is_empty (self->store) ? EMPTY_PAGE : NO_SECTIONS_PAGE;
      gtk_list_box_unselect_all (self->sidebar_list);
    }
  else
    {
      gtk_list_box_select_row (self->sidebar_list, g_hash_table_lookup (self->rows, name));
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  set_content_title (self, name);
}

static GtkListBoxRow *
first_row (OporaWindow *self)
{
  return gtk_list_box_get_row_at_index (self->sidebar_list, 0);
}

/* The section the window was left on, if it has been added; else the first one. */
static const char *
default_section (OporaWindow *self)
{
  g_autofree char *last = NULL;
  GtkListBoxRow *row;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-section");
  if (last != NULL && g_hash_table_contains (self->rows, last))
    return row_get_name (g_hash_table_lookup (self->rows, last));
  row = first_row (self);
  return row != NULL ? row_get_name (row) : NULL;
}

/* A non-empty registry shows a section as soon as there is one, the one it was left on
 * once that is added; an empty one greets the user until they pick a section themselves. */
static void
update_view (OporaWindow *self)
{
  const char *visible = opora_window_get_visible_page (self);
  const char *section;

  if (visible != NULL && self->section_chosen)
    return;
  if (opora_store_is_empty (self->store))
    {
      if (visible == NULL)
        show_section (self, NULL);
      return;
    }
  section = default_section (self);
  if (section != NULL && g_strcmp0 (section, visible) != 0)
    show_section (self, section);
  else if (section == NULL)
    show_section (self, NULL);
}

static void
update_institution (OporaWindow *self)
{
  g_autoptr(OporaInstitution) institution = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  institution = opora_store_load_institution (self->store, &error);
  if (institution == NULL)
    {
      g_warning ("Cannot read the institution: %s", error->message);
      return;
    }
  name = opora_institution_get_display_name (institution);
  gtk_label_set_label (self->institution_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->institution_label),
                               opora_institution_get_full_name (institution));
  gtk_widget_set_visible (GTK_WIDGET (self->institution_label), *name != '\0');
}

/* The welcome's buttons show only when someone installed their actions: a section not
 * built yet must not offer a dead button. */
static void
update_empty_buttons (OporaWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  gtk_widget_set_visible (self->new_person_button,
                          g_action_group_has_action (G_ACTION_GROUP (self), "new-person"));
  gtk_widget_set_visible (self->load_demo_button,
                          app != NULL
                          && g_action_group_has_action (G_ACTION_GROUP (app), "load-demo"));
}

static void
show_database_path (OporaWindow *self)
{
  g_autofree char *default_path = opora_store_default_path ();
  const char *path = opora_store_get_path (self->store);
  g_autofree char *basename = g_path_get_basename (path);

  /* The usual database needs no mention; another one is named so nobody enters
   * a real family into a test file by mistake. */
  gtk_widget_set_visible (GTK_WIDGET (self->database_label), g_strcmp0 (path, default_path) != 0);
  gtk_label_set_label (self->database_label, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), path);
}

static void
restore_window_state (OporaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (OporaWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size follows the window's size while it is not maximized, so it is what
   * the window should come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (opora_window_get_visible_page (self) != NULL)
    g_settings_set_string (self->settings, "last-section",
                           opora_window_get_visible_page (self));
  g_settings_apply (self->settings);
}

static void
sidebar_row_activated_cb (OporaWindow   *self,
                          GtkListBoxRow *row)
{
  self->section_chosen = TRUE;
  show_section (self, row_get_name (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_button_clicked_cb (OporaWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
store_changed_cb (OporaWindow *self,
                  const char  *table)
{
  if (g_strcmp0 (table, "institution") == 0)
    update_institution (self);
  update_view (self);
}

static void
action_added_cb (OporaWindow *self)
{
  update_empty_buttons (self);
}

/* Emitted while the action is still there: asking the group would find it. Also emitted
 * while the window is disposed, after the template's widgets are gone. */
static void
action_removed_cb (OporaWindow *self)
{
  if (self->new_person_button != NULL)
    gtk_widget_set_visible (self->new_person_button, FALSE);
}

static gboolean
opora_window_close_request (GtkWindow *window)
{
  save_window_state (OPORA_WINDOW (window));
  return GTK_WINDOW_CLASS (opora_window_parent_class)->close_request (window);
}

static void
opora_window_constructed (GObject *object)
{
  OporaWindow *self = (OporaWindow *)object;

  G_OBJECT_CLASS (opora_window_parent_class)->constructed (object);

  g_assert (OPORA_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  restore_window_state (self);
  show_database_path (self);
  update_institution (self);
  update_empty_buttons (self);
  update_view (self);

  /* An empty registry opens on its welcome even on a narrow screen. */
  if (opora_window_get_visible_page (self) == NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
opora_window_dispose (GObject *object)
{
  OporaWindow *self = (OporaWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), OPORA_TYPE_WINDOW);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (opora_window_parent_class)->dispose (object);
}

static void
opora_window_finalize (GObject *object)
{
  OporaWindow *self = (OporaWindow *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (opora_window_parent_class)->finalize (object);
}

static void
opora_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OporaWindow *self = OPORA_WINDOW (object);

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
opora_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OporaWindow *self = OPORA_WINDOW (object);

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
opora_window_class_init (OporaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = opora_window_constructed;
  object_class->dispose = opora_window_dispose;
  object_class->finalize = opora_window_finalize;
  object_class->get_property = opora_window_get_property;
  object_class->set_property = opora_window_set_property;

  window_class->close_request = opora_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, OPORA_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/ru/opora/Opora/opora-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, content);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, institution_label);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, new_person_button);
  gtk_widget_class_bind_template_child (widget_class, OporaWindow, load_demo_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_button_clicked_cb);
}

static void
opora_window_init (OporaWindow *self)
{
  static gsize icons_added = 0;

  /* The section icons live in the resource. GtkApplication adds its icon folder by itself,
   * but a window made without one (a test, a tool) must show them too. */
  if (g_once_init_enter (&icons_added))
    {
      gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                        "/ru/opora/Opora/icons");
      g_once_init_leave (&icons_added, 1);
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = opora_application_new_settings ();

  g_signal_connect (self, "action-added::new-person", G_CALLBACK (action_added_cb), NULL);
  g_signal_connect (self, "action-removed::new-person", G_CALLBACK (action_removed_cb), NULL);
  g_signal_connect (self, "notify::application", G_CALLBACK (action_added_cb), NULL);
}

OporaWindow *
opora_window_new (GtkApplication *application,
                  OporaStore     *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);

  return g_object_new (OPORA_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

OporaStore *
opora_window_get_store (OporaWindow *self)
{
  g_return_val_if_fail (OPORA_IS_WINDOW (self), NULL);
  return self->store;
}

void
opora_window_add_page (OporaWindow *self,
                       const char  *name,
                       const char  *title,
                       const char  *icon_name,
                       GtkWidget   *page)
{
  GtkWidget *row, *box, *label;

  g_return_if_fail (OPORA_IS_WINDOW (self));
  g_return_if_fail (is_section (name));
  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (!g_hash_table_contains (self->rows, name));

  for (guint i = 0; i < G_N_ELEMENTS (known_sections); i++)
    if (g_str_equal (name, known_sections[i].name))
      {
        if (title == NULL)
          title = _(known_sections[i].title);
        if (icon_name == NULL)
          icon_name = known_sections[i].icon_name;
      }
  g_return_if_fail (title != NULL);

  gtk_stack_add_titled (self->stack, page, name, title);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  if (icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "opora-section", g_strdup (name), g_free);
  gtk_list_box_append (self->sidebar_list, row);
  g_hash_table_insert (self->rows, g_strdup (name), row);

  update_view (self);
}

GtkWidget *
opora_window_get_page (OporaWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (OPORA_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!is_section (name))
    return NULL;
  return build_page (self, gtk_stack_get_child_by_name (self->stack, name));
}

void
opora_window_add_lazy_page (OporaWindow      *self,
                            const char       *name,
                            const char       *title,
                            const char       *icon_name,
                            OporaPageFactory  factory)
{
  GtkWidget *holder;

  g_return_if_fail (OPORA_IS_WINDOW (self));
  g_return_if_fail (factory != NULL);

  holder = adw_bin_new ();
  g_object_set_data (G_OBJECT (holder), PAGE_FACTORY_KEY, factory);
  g_signal_connect_object (holder, "map", G_CALLBACK (holder_map_cb), self, 0);
  opora_window_add_page (self, name, title, icon_name, holder);
}

typedef struct
{
  char *section;
  char *page_action;
} SectionAction;

static void
section_action_free (gpointer data,
                     GClosure *closure)
{
  SectionAction *action = data;

  g_free (action->section);
  g_free (action->page_action);
  g_free (action);
}

static void
section_action_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             SectionAction *target)
{
  OporaWindow *self = g_object_get_data (G_OBJECT (action), "opora-window");
  GtkWidget *page = opora_window_get_page (self, target->section);

  if (page == NULL)
    return;
  opora_window_show_page (self, target->section);
  gtk_widget_activate_action (page, target->page_action, NULL);
}

void
opora_window_add_section_action (OporaWindow *self,
                                 const char  *window_action,
                                 const char  *section,
                                 const char  *page_action)
{
  g_autoptr(GSimpleAction) action = NULL;
  SectionAction *target;

  g_return_if_fail (OPORA_IS_WINDOW (self));
  g_return_if_fail (window_action != NULL && section != NULL && page_action != NULL);

  target = g_new0 (SectionAction, 1);
  target->section = g_strdup (section);
  target->page_action = g_strdup (page_action);
  action = g_simple_action_new (window_action, NULL);
  /* The window owns the action: a weak back pointer is enough. */
  g_object_set_data (G_OBJECT (action), "opora-window", self);
  g_signal_connect_data (action, "activate", G_CALLBACK (section_action_activated_cb), target,
                         section_action_free, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

gboolean
opora_window_show_page (OporaWindow *self,
                        const char  *name)
{
  g_return_val_if_fail (OPORA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!g_hash_table_contains (self->rows, name))
    return FALSE;
  self->section_chosen = TRUE;
  show_section (self, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

const char *
opora_window_get_visible_page (OporaWindow *self)
{
  const char *name;

  g_return_val_if_fail (OPORA_IS_WINDOW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->stack);
  return is_section (name) ? name : NULL;
}

void
opora_window_add_toast (OporaWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (OPORA_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
