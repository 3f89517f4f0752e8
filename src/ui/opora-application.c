#define G_LOG_DOMAIN "opora-application"

#include <glib/gi18n.h>

#include "opora-application.h"
#include "opora-author-group.h"
#include "opora-bench.h"
#include "opora-error.h"
#include "opora-preferences-window.h"
#include "opora-ui-config.h"
#include "opora-sections.h"
#include "opora-window.h"

#if OPORA_HAVE_DEMO
# include "opora-demo.h"
#endif

/* The demo centre: enough people for every list and chart to show something, and always
 * the same ones, so a demonstration can be repeated. */
#define DEMO_SIZE 2000
#define DEMO_SEED 1

struct _OporaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (OporaApplication, opora_application, ADW_TYPE_APPLICATION)

static void open_database (OporaApplication *self,
                           const char       *path);

static OporaWindow *
find_window_for_path (OporaApplication *self,
                      const char       *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (OPORA_IS_WINDOW (l->data)
        && g_strcmp0 (opora_store_get_path (opora_window_get_store (l->data)), path) == 0)
      return l->data;
  return NULL;
}

static OporaWindow *
get_active_opora_window (OporaApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* The active window may be a dialog (preferences, about): fall back to any main window. */
  if (OPORA_IS_WINDOW (window))
    return OPORA_WINDOW (window);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (OPORA_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
chooser_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     OporaApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        open_database (self, path);
    }
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
choose_database (OporaApplication *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Opora databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Open a Database"), NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* No window may be left while the chooser is up: keep the application running. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        OporaApplication *self)
{
  if (g_strcmp0 (response, "open") == 0)
    choose_database (self);
  /* Otherwise the dialog closes, and with no other window the application ends. */
}

/* The file is left exactly as it was: the store refuses before it writes anything. */
static void
show_open_error (OporaApplication *self,
                 const GError     *error)
{
  OporaWindow *parent = get_active_opora_window (self);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (parent), _("Cannot Open the Database"),
                                   error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", parent ? _("_Close") : _("_Quit"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (open_error_response_cb), self);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_database (OporaApplication *self,
               const char       *path)
{
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  OporaWindow *window;

  /* One window per database: a second launch on the same file brings it forward. */
  if ((window = find_window_for_path (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  store = opora_store_open (path, OPORA_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      g_debug ("Cannot open %s: %s", path, error->message);
      show_open_error (self, error);
      return;
    }

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "last-database", path);
      /* "Who I am" is the author of every change made from this desk. */
      g_settings_bind (self->settings, "author-staff-id", store, "author",
                       G_SETTINGS_BIND_DEFAULT);
    }

  window = opora_window_new (GTK_APPLICATION (self), store);
  opora_sections_add_all (window);
  opora_bench_watch_window (window); /* only with OPORA_BENCH set */
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  OporaApplication *self = user_data;

  GList *windows;

  /* Closing each window lets it save its size, as a click on its close button would.
   * A copy: closing one window may take its dialogs with it. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  OporaApplication *self = user_data;
  OporaWindow *window = get_active_opora_window (self);
  g_autofree char *debug_info = NULL;

  if (window != NULL)
    {
      OporaStore *store = opora_window_get_store (window);

      debug_info = g_strdup_printf ("Opora %s\nDatabase: %s\nSchema version: %d\n"
                                    "GTK %u.%u.%u, libadwaita %u.%u.%u, GLib %u.%u.%u\n",
                                    OPORA_VERSION, opora_store_get_path (store),
                                    opora_store_get_schema_version (store),
                                    gtk_get_major_version (), gtk_get_minor_version (),
                                    gtk_get_micro_version (), adw_get_major_version (),
                                    adw_get_minor_version (), adw_get_micro_version (),
                                    glib_major_version, glib_minor_version,
                                    glib_micro_version);
    }

  adw_show_about_window (GTK_WINDOW (window),
                         "application-name", _("Opora"),
                         "application-icon", OPORA_APP_ID,
                         "version", OPORA_VERSION,
                         "comments", _("Registries, workflows and effectiveness charts for "
                                       "the social support department of a social service "
                                       "centre"),
                         "developer-name", _("The Opora developers"),
                         "copyright", "© 2026 The Opora developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line, for the About window */
                         "translator-credits", _("translator-credits"),
                         "debug-info", debug_info,
                         NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  OporaApplication *self = user_data;
  OporaWindow *window = get_active_opora_window (self);
  OporaPreferencesWindow *preferences;

  if (window == NULL)
    return;

  preferences = opora_preferences_window_new (GTK_WINDOW (window),
                                              opora_window_get_store (window));
  opora_preferences_window_add_group (preferences,
                                      opora_author_group_new (opora_window_get_store (window)));
  gtk_window_present (GTK_WINDOW (preferences));
}

#if OPORA_HAVE_DEMO
static void
load_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  OporaApplication *self = user_data;
  OporaWindow *window = get_active_opora_window (self);
  g_autoptr(GError) error = NULL;
  OporaStore *store;

  if (window == NULL)
    return;
  store = opora_window_get_store (window);

  /* Made-up people must never mix with a centre's real ones. */
  if (!opora_store_is_empty (store))
    {
      opora_window_add_toast (window,
                              adw_toast_new (_("The demo centre can only be loaded into an "
                                               "empty database")));
      return;
    }

  if (!opora_demo_generate (store, DEMO_SIZE, DEMO_SEED, &error))
    {
      opora_window_add_toast (window, adw_toast_new (error->message));
      return;
    }
  opora_window_add_toast (window, adw_toast_new (_("Demo centre loaded")));
}
#endif

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
#if OPORA_HAVE_DEMO
  { "load-demo", load_demo_action },
#endif
};

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database at PATH (by default the one in your data folder)"), N_("PATH") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

static int
opora_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "opora", OPORA_VERSION);
      return 0;
    }
  return -1;
}

static int
opora_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  OporaApplication *self = OPORA_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *arg = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &arg) && arg != NULL && *arg != '\0')
    {
      /* Relative to where the command was typed, which may not be this process's folder. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, arg);
      path = g_file_get_path (file);
    }
  else
    path = opora_store_default_path ();

  open_database (self, path);
  return 0;
}

static void
opora_application_activate (GApplication *application)
{
  OporaApplication *self = OPORA_APPLICATION (application);
  OporaWindow *window = get_active_opora_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
  else
    {
      g_autofree char *path = opora_store_default_path ();
      open_database (self, path);
    }
}

static void
opora_application_startup (GApplication *application)
{
  OporaApplication *self = OPORA_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (opora_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);

  gtk_window_set_default_icon_name (OPORA_APP_ID);
  self->settings = opora_application_new_settings ();
}

static void
opora_application_finalize (GObject *object)
{
  OporaApplication *self = (OporaApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (opora_application_parent_class)->finalize (object);
}

static void
opora_application_class_init (OporaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = opora_application_finalize;

  app_class->startup = opora_application_startup;
  app_class->activate = opora_application_activate;
  app_class->command_line = opora_application_command_line;
  app_class->handle_local_options = opora_application_handle_local_options;
}

static void
opora_application_init (OporaApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Registries of a social support department"));
}

OporaApplication *
opora_application_new (void)
{
  return g_object_new (OPORA_TYPE_APPLICATION,
                       "application-id", OPORA_APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/ru/opora/Opora",
                       NULL);
}

GSettings *
opora_application_new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, OPORA_APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The GSettings schema %s is not installed; settings are not remembered",
               OPORA_APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
