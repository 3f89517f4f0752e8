/* The application shell on a real database: the welcome of an empty registry, sections
 * added by one call, preferences that save the institution, and a refused database file. */
#include <glib/gstdio.h>
#include <locale.h>

#include "opora-application.h"
#include "opora-i18n.h"
#include "opora-preferences-window.h"
#include "opora-store-institution.h"
#include "opora-store-staff.h"
#include "opora-test-util.h"
#include "opora-window.h"

#define TIMEOUT_US (5 * G_USEC_PER_SEC)

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until @condition holds; FALSE on timeout. */
static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* GTK, then libadwaita's styles and types, as AdwApplication would set them up. */
static gboolean
init_adw (void)
{
  if (!opora_test_init_gtk ())
    return FALSE;
  adw_init ();
  return TRUE;
}

static gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
stack_child_name (OporaWindow *window)
{
  return gtk_stack_get_visible_child_name (template_child (window, OPORA_TYPE_WINDOW, "stack"));
}

static guint
n_sidebar_rows (OporaWindow *window)
{
  GtkWidget *list = template_child (window, OPORA_TYPE_WINDOW, "sidebar_list");
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;
  return n;
}

/* The text of the title label in sidebar row @index. */
static const char *
sidebar_row_title (OporaWindow *window,
                   int          index)
{
  GtkListBox *list = template_child (window, OPORA_TYPE_WINDOW, "sidebar_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *box;

  g_assert_nonnull (row);
  box = gtk_list_box_row_get_child (row);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return gtk_label_get_label (GTK_LABEL (child));
  g_assert_not_reached ();
}

static gboolean
page_is_visible (gpointer data)
{
  OporaWindow *window = data;
  return g_strcmp0 (opora_window_get_visible_page (window), "persons") == 0;
}

static void
add_staff_member (OporaStore *store)
{
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  g_autoptr(GError) error = NULL;

  opora_staff_set_full_name (staff, "Петрова Анна Сергеевна");
  opora_staff_set_position (staff, OPORA_POSITION_FAMILY_SPECIALIST);
  g_assert_true (opora_store_save_staff (store, staff, &error));
  g_assert_no_error (error);
}

static void
new_person_activated_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         guint         *count)
{
  (*count)++;
}

static void
test_empty_registry_welcome (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GSimpleAction) new_person = NULL;
  OporaWindow *window;
  GtkWidget *new_person_button, *load_demo_button;
  guint activated = 0;

  if (!init_adw ())
    return;

  store = opora_test_open_store (&dir);
  window = opora_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_cmpstr (stack_child_name (window), ==, "empty");
  g_assert_null (opora_window_get_visible_page (window));
  {
    GtkStack *stack = template_child (window, OPORA_TYPE_WINDOW, "stack");
    GtkWidget *welcome = gtk_stack_get_visible_child (stack);

    g_assert_true (ADW_IS_STATUS_PAGE (welcome));
    g_assert_true (gtk_widget_get_mapped (welcome));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (welcome)), ==,
                     "Записей пока нет");
  }

  /* No section installed win.new-person yet, and there is no application with
   * app.load-demo: neither button may be offered. */
  new_person_button = template_child (window, OPORA_TYPE_WINDOW, "new_person_button");
  load_demo_button = template_child (window, OPORA_TYPE_WINDOW, "load_demo_button");
  g_assert_false (gtk_widget_get_visible (new_person_button));
  g_assert_false (gtk_widget_get_visible (load_demo_button));

  /* Once a page installs the action, the button appears and activates it. */
  new_person = g_simple_action_new ("new-person", NULL);
  g_signal_connect (new_person, "activate", G_CALLBACK (new_person_activated_cb), &activated);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (new_person));
  g_assert_true (gtk_widget_get_visible (new_person_button));
  g_signal_emit_by_name (new_person_button, "clicked");
  g_assert_cmpuint (activated, ==, 1);

  g_action_map_remove_action (G_ACTION_MAP (window), "new-person");
  g_assert_false (gtk_widget_get_visible (new_person_button));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static void
test_pages_in_sidebar (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = NULL;
  OporaWindow *window;
  GtkWidget *persons, *custom;
  GtkListBox *list;
  AdwWindowTitle *content_title;

  if (!init_adw ())
    return;

  store = opora_test_open_store (&dir);
  window = opora_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  list = template_child (window, OPORA_TYPE_WINDOW, "sidebar_list");
  content_title = template_child (window, OPORA_TYPE_WINDOW, "content_title");

  /* A section not built is not shown. */
  g_assert_cmpuint (n_sidebar_rows (window), ==, 0);
  g_assert_null (opora_window_get_page (window, "persons"));
  g_assert_false (opora_window_show_page (window, "persons"));

  persons = gtk_label_new ("persons page");
  opora_window_add_page (window, "persons", NULL, NULL, persons);
  g_assert_cmpuint (n_sidebar_rows (window), ==, 1);
  /* The window knows the registry's sections: the title comes translated from ru.po. */
  g_assert_cmpstr (sidebar_row_title (window, 0), ==, "Граждане");
  g_assert_true (opora_window_get_page (window, "persons") == persons);

  custom = gtk_label_new ("queue page");
  opora_window_add_page (window, "queue", "Work queue", "view-list-symbolic", custom);
  g_assert_cmpuint (n_sidebar_rows (window), ==, 2);
  g_assert_cmpstr (sidebar_row_title (window, 1), ==, "Work queue");

  /* The registry is still empty: its welcome stays until the user picks a section. */
  g_assert_cmpstr (stack_child_name (window), ==, "empty");
  g_assert_null (gtk_list_box_get_selected_row (list));

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (opora_window_get_visible_page (window), ==, "queue");
  g_assert_cmpstr (adw_window_title_get_title (content_title), ==, "Work queue");
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 1));

  g_assert_true (opora_window_show_page (window, "persons"));
  g_assert_true (gtk_widget_get_mapped (persons));
  g_assert_cmpstr (adw_window_title_get_title (content_title), ==, "Граждане");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static void
test_first_record_leaves_welcome (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = NULL;
  OporaWindow *window;

  if (!init_adw ())
    return;

  store = opora_test_open_store (&dir);
  window = opora_window_new (NULL, store);
  opora_window_add_page (window, "persons", NULL, NULL, gtk_label_new ("persons page"));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (stack_child_name (window), ==, "empty");

  /* The store's "changed" after the commit takes the window to its first section. */
  add_staff_member (store);
  g_assert_true (wait_for (page_is_visible, window));
  g_assert_cmpstr (stack_child_name (window), ==, "persons");

  gtk_window_destroy (GTK_WINDOW (window));

  /* A registry with records opens on its first section straight away. */
  window = opora_window_new (NULL, store);
  opora_window_add_page (window, "persons", NULL, NULL, gtk_label_new ("persons page"));
  g_assert_cmpstr (opora_window_get_visible_page (window), ==, "persons");
  gtk_window_destroy (GTK_WINDOW (window));

  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static gboolean
institution_shown (gpointer data)
{
  GtkLabel *label = data;
  return gtk_widget_get_visible (GTK_WIDGET (label))
         && g_strcmp0 (gtk_label_get_label (label), "БУ «Югорский КЦСОН»") == 0;
}

static void
test_preferences_save_institution (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(OporaInstitution) saved = NULL;
  g_autoptr(GError) error = NULL;
  OporaWindow *window;
  OporaPreferencesWindow *preferences;
  GtkEditable *full_name, *short_name, *city;

  if (!init_adw ())
    return;

  store = opora_test_open_store (&dir);
  window = opora_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));

  /* An institution without a name is not mentioned. */
  g_assert_false (gtk_widget_get_visible (template_child (window, OPORA_TYPE_WINDOW,
                                                          "institution_label")));

  preferences = opora_preferences_window_new (GTK_WINDOW (window), store);
  gtk_window_present (GTK_WINDOW (preferences));
  full_name = template_child (preferences, OPORA_TYPE_PREFERENCES_WINDOW, "full_name_row");
  short_name = template_child (preferences, OPORA_TYPE_PREFERENCES_WINDOW, "short_name_row");
  city = template_child (preferences, OPORA_TYPE_PREFERENCES_WINDOW, "city_row");

  gtk_editable_set_text (full_name,
                         "БУ «Югорский комплексный центр социального обслуживания населения»");
  gtk_editable_set_text (short_name, "БУ «Югорский КЦСОН»");
  g_signal_emit_by_name (full_name, "apply");

  saved = opora_store_load_institution (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_institution_get_full_name (saved), ==,
                   "БУ «Югорский комплексный центр социального обслуживания населения»");
  g_assert_cmpstr (opora_institution_get_short_name (saved), ==, "БУ «Югорский КЦСОН»");
  g_assert_cmpstr (opora_institution_get_city (saved), ==, "");

  /* The main window names the institution under its title. */
  g_assert_true (wait_for (institution_shown,
                           template_child (window, OPORA_TYPE_WINDOW, "institution_label")));

  /* Text typed without pressing Enter is saved when the window closes. */
  gtk_editable_set_text (city, "Югорск");
  gtk_window_close (GTK_WINDOW (preferences));
  g_clear_object (&saved);
  saved = opora_store_load_institution (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_institution_get_city (saved), ==, "Югорск");

  /* A new preferences window shows what was saved. */
  preferences = opora_preferences_window_new (GTK_WINDOW (window), store);
  city = template_child (preferences, OPORA_TYPE_PREFERENCES_WINDOW, "city_row");
  g_assert_cmpstr (gtk_editable_get_text (city), ==, "Югорск");
  gtk_window_destroy (GTK_WINDOW (preferences));

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

static void
test_window_size_is_remembered (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  OporaWindow *window;
  int width, height;

  if (!init_adw ())
    return;

  /* The tests run with the build tree's schema and in-memory settings. */
  settings = opora_application_new_settings ();
  g_assert_nonnull (settings);

  store = opora_test_open_store (&dir);
  window = opora_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = opora_window_new (NULL, store);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

typedef struct
{
  gboolean saw_dialog;
  gboolean saw_main_window;
  char    *heading;
  guint    source;
} Refusal;

static gboolean
inspect_windows_cb (gpointer data)
{
  GApplication *app = g_application_get_default ();
  Refusal *refusal = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      if (OPORA_IS_WINDOW (l->data))
        refusal->saw_main_window = TRUE;
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        {
          g_autoptr(GtkWindow) dialog = g_object_ref (l->data);

          refusal->saw_dialog = TRUE;
          refusal->heading = g_strdup (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
          /* The user answers "Quit": the application must end by itself. */
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
          gtk_window_destroy (dialog);
          refusal->source = 0;
          return G_SOURCE_REMOVE;
        }
    }
  return G_SOURCE_CONTINUE;
}

static void
test_foreign_file_is_refused (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *after = NULL;
  g_autoptr(OporaApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  const char *contents = "Это не база данных, а список покупок.\n";
  Refusal refusal = { 0 };
  char *argv[] = { "opora", "--database", NULL, NULL };
  int status;

  if (!init_adw ())
    return;

  dir = opora_test_make_tmpdir ();
  path = g_build_filename (dir, "shopping.db", NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  argv[2] = path;

  app = opora_application_new ();
  /* No session bus in a unit test: run as a lone instance. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  refusal.source = g_timeout_add (50, inspect_windows_cb, &refusal);
  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_clear_handle_id (&refusal.source, g_source_remove);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (refusal.saw_dialog);
  g_assert_false (refusal.saw_main_window);
  g_assert_cmpstr (refusal.heading, ==, "Не удаётся открыть базу данных");

  /* Not a byte of the file changed, and no journal was left beside it. */
  g_assert_true (g_file_get_contents (path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, contents);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  g_free (refusal.heading);
  opora_test_rm_rf (dir);
}

static guint n_queue_pages_built;

static GtkWidget *
build_queue_page (OporaStore *store)
{
  n_queue_pages_built++;
  return gtk_label_new ("queue page");
}

static gboolean
page_is_mapped (gpointer data)
{
  OporaWindow *window = data;
  GtkStack *stack = template_child (window, OPORA_TYPE_WINDOW, "stack");
  GtkWidget *holder = gtk_stack_get_child_by_name (stack, "queue");

  return holder != NULL && ADW_IS_BIN (holder) && adw_bin_get_child (ADW_BIN (holder)) != NULL
         && gtk_widget_get_mapped (adw_bin_get_child (ADW_BIN (holder)));
}

/* The window opens on the section it was closed on, and builds that one page only: a
 * lazy page is made when it is first shown on screen, not when it is added or passed. */
static void
test_reopens_last_section (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  OporaWindow *window;

  if (!init_adw ())
    return;

  store = opora_test_open_store (&dir);
  add_staff_member (store); /* not empty: no welcome */
  settings = opora_application_new_settings ();
  g_assert_nonnull (settings);
  g_settings_set_string (settings, "last-section", "queue");
  n_queue_pages_built = 0;

  window = opora_window_new (NULL, store);
  opora_window_add_page (window, "persons", NULL, NULL, gtk_label_new ("persons page"));
  opora_window_add_lazy_page (window, "queue", "Work queue", NULL, build_queue_page);
  g_assert_cmpstr (opora_window_get_visible_page (window), ==, "queue");
  g_assert_cmpuint (n_queue_pages_built, ==, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wait_for (page_is_mapped, window));
  g_assert_cmpuint (n_queue_pages_built, ==, 1);

  /* Closed on persons, it reopens on persons. */
  g_assert_true (opora_window_show_page (window, "persons"));
  gtk_window_close (GTK_WINDOW (window));
  {
    g_autofree char *last = g_settings_get_string (settings, "last-section");
    g_assert_cmpstr (last, ==, "persons");
  }

  /* A section that is no longer built into Opora is forgotten: the first one opens. */
  g_settings_set_string (settings, "last-section", "gone");
  window = opora_window_new (NULL, store);
  opora_window_add_page (window, "persons", NULL, NULL, gtk_label_new ("persons page"));
  g_assert_cmpstr (opora_window_get_visible_page (window), ==, "persons");
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "last-section");
  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Russian, from the build tree's translations (OPORA_LOCALEDIR), as a user sees it. */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  opora_i18n_init ();

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/window/empty-registry-welcome", test_empty_registry_welcome);
  g_test_add_func ("/window/pages-in-sidebar", test_pages_in_sidebar);
  g_test_add_func ("/window/first-record-leaves-welcome", test_first_record_leaves_welcome);
  g_test_add_func ("/window/preferences-save-institution", test_preferences_save_institution);
  g_test_add_func ("/window/size-is-remembered", test_window_size_is_remembered);
  g_test_add_func ("/window/reopens-last-section", test_reopens_last_section);
  g_test_add_func ("/application/foreign-file-is-refused", test_foreign_file_is_refused);
  return g_test_run ();
}
