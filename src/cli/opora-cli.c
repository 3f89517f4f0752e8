/* opora-cli COMMAND [OPTIONS]: what scripts and administrators need, without a window. */
#define G_LOG_DOMAIN "opora-cli"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "opora-cli.h"
#include "opora-i18n.h"

static const OporaCliCommand commands[] = {
  { "init",   N_("Create a new, empty database"),            opora_cli_init_run },
  { "check",  N_("Check integrity, foreign keys, schema"),   opora_cli_check_run },
  { "demo",   N_("Fill an empty database with a demo centre"), opora_cli_demo_run },
  { "import", N_("Load an Opora JSON file into an empty database"), opora_cli_import_run },
  { "export", N_("Write the whole registry as an Opora JSON file"), opora_cli_export_run },
  { "print-survey", N_("Write survey forms to an A4 PDF"), opora_cli_print_survey_run },
  { "report", N_("Print every indicator of a period as JSON or CSV"), opora_cli_report_run },
};

void
opora_cli_error (const char *command,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("opora-cli: %s: %s\n", command, message);
}

gboolean
opora_cli_parse (const char    *command,
                 const char    *parameter_string,
                 const char    *summary,
                 GOptionEntry  *entries,
                 int           *argc,
                 char        ***argv,
                 char         **out_db)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  GOptionEntry db_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, out_db, N_("The database file"), N_("PATH") },
    { NULL }
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      opora_cli_error (command, "%s", error->message);
      return FALSE;
    }
  if (*out_db == NULL)
    {
      opora_cli_error (command, "%s", _("--db PATH is required"));
      return FALSE;
    }
  return TRUE;
}

OporaStore *
opora_cli_open_store (const char          *db_path,
                      OporaStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  OporaStore *store = opora_store_open (db_path, flags, &error);

  if (store == NULL)
    g_printerr ("opora-cli: %s\n", error->message);
  return store;
}

void
opora_cli_remove_database (const char *db_path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      g_unlink (path);
    }
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage: opora-cli COMMAND --db PATH [OPTIONS]"));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “opora-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  opora_i18n_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return OPORA_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return OPORA_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("opora-cli %s\n", OPORA_VERSION);
      return OPORA_CLI_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr ("opora-cli: %s\n", _("unknown command"));
  print_usage (stderr);
  return OPORA_CLI_USAGE;
}
