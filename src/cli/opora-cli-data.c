/* opora-cli demo, import and export: whole registries in and out. */
#define G_LOG_DOMAIN "opora-cli"

#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "opora-cli.h"
#include "opora-demo.h"
#include "opora-error.h"
#include "opora-interchange.h"

/* A database the command may create: remembers whether it did, so that a failure can
 * take the new file away again and leave the disk as it was. */
typedef struct
{
  char       *path;
  gboolean    created;
  OporaStore *store;
} Target;

static gboolean
target_open (Target     *target,
             const char *command)
{
  target->created = !g_file_test (target->path, G_FILE_TEST_EXISTS);
  target->store = opora_cli_open_store (target->path, OPORA_STORE_OPEN_CREATE);
  if (target->store == NULL && target->created)
    opora_cli_remove_database (target->path);
  return target->store != NULL;
}

static void
target_fail (Target *target)
{
  g_clear_object (&target->store);
  if (target->created)
    opora_cli_remove_database (target->path);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  g_printerr ("\r%s", "");
  g_printerr (_("Writing contracts: %llu of %llu (%d%%)"), (unsigned long long) done,
              (unsigned long long) total, total ? (int) (done * 100 / total) : 100);
  if (done == total)
    g_printerr ("\n");
}

int
opora_cli_demo_run (int    argc,
                    char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 size = 1000, seed = 1;
  Target target = { 0 };
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT64, &size, N_("Number of social contracts (1000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("Seed of the generator (1)"), "S" },
    { NULL }
  };
  int status;

  if (!opora_cli_parse ("demo", "",
                        _("Fill an empty database with a realistic synthetic centre: the same "
                          "seed gives the same data. The database is created if missing."),
                        entries, &argc, &argv, &target.path))
    return OPORA_CLI_USAGE;
  if (argc > 1)
    {
      opora_cli_error ("demo", _("unexpected argument “%s”"), argv[1]);
      g_free (target.path);
      return OPORA_CLI_USAGE;
    }
  if (size < 0 || seed < 0 || seed > G_MAXUINT32)
    {
      opora_cli_error ("demo", "%s", size < 0 ? _("--size must not be negative")
                                              : _("--seed must be from 0 to 4294967295"));
      g_free (target.path);
      return OPORA_CLI_USAGE;
    }

  if (!target_open (&target, "demo"))
    {
      g_free (target.path);
      return OPORA_CLI_CANNOT_OPEN;
    }
  if (opora_demo_generate_full (target.store, (guint64) size, (guint32) seed,
                                isatty (STDERR_FILENO) ? progress_cb : NULL, NULL, &error))
    {
      g_print (_("%s: a demo centre of %lld contracts (seed %lld)\n"), target.path,
               (long long) size, (long long) seed);
      g_clear_object (&target.store);
      status = OPORA_CLI_OK;
    }
  else
    {
      opora_cli_error ("demo", "%s", error->message);
      target_fail (&target);
      status = OPORA_CLI_FAILED;
    }
  g_free (target.path);
  return status;
}

int
opora_cli_import_run (int    argc,
                      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = NULL;
  Target target = { 0 };
  const char *file;
  int status;

  if (!opora_cli_parse ("import", _("FILE.json"),
                        _("Load an Opora interchange file (“-” for standard input) into an "
                          "empty database, all or nothing. The database is created if missing "
                          "and removed again if the import fails."),
                        NULL, &argc, &argv, &target.path))
    return OPORA_CLI_USAGE;
  if (argc != 2)
    {
      opora_cli_error ("import", "%s", argc < 2 ? _("the file to import is missing")
                                                : _("only one file can be imported at a time"));
      g_free (target.path);
      return OPORA_CLI_USAGE;
    }
  file = argv[1];

  /* The file first: a missing file must not leave an empty database behind. */
  if (g_str_equal (file, "-"))
    in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  else
    {
      g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);

      in = G_INPUT_STREAM (g_file_read (gfile, NULL, &error));
      if (in == NULL)
        {
          opora_cli_error ("import", _("cannot read “%s”: %s"), file, error->message);
          g_free (target.path);
          return OPORA_CLI_BAD_INPUT;
        }
    }

  if (!target_open (&target, "import"))
    {
      g_free (target.path);
      return OPORA_CLI_CANNOT_OPEN;
    }
  if (opora_interchange_import (target.store, in, NULL, &error))
    {
      g_print (_("%s: imported %s\n"), target.path, file);
      g_clear_object (&target.store);
      status = OPORA_CLI_OK;
    }
  else
    {
      opora_cli_error ("import", "%s", error->message);
      target_fail (&target);
      status = g_error_matches (error, OPORA_ERROR, OPORA_ERROR_IMPORT) ? OPORA_CLI_BAD_INPUT
                                                                      : OPORA_CLI_FAILED;
    }
  g_free (target.path);
  return status;
}

int
opora_cli_export_run (int    argc,
                      char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!opora_cli_parse ("export", _("FILE.json"),
                        _("Write every record of the database as an Opora interchange file, "
                          "or to standard output with “-”. An existing file is replaced only "
                          "when the export has succeeded."),
                        NULL, &argc, &argv, &db))
    return OPORA_CLI_USAGE;
  if (argc != 2)
    {
      opora_cli_error ("export", "%s", argc < 2 ? _("the file to write is missing")
                                                : _("only one file can be written at a time"));
      return OPORA_CLI_USAGE;
    }

  store = opora_cli_open_store (db, OPORA_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OPORA_CLI_CANNOT_OPEN;

  if (g_str_equal (argv[1], "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      ok = opora_interchange_export (store, out, NULL, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      ok = opora_interchange_export_file (store, file, NULL, &error);
    }
  if (!ok)
    {
      opora_cli_error ("export", "%s", error->message);
      return OPORA_CLI_FAILED;
    }
  return OPORA_CLI_OK;
}
