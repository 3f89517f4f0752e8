/* opora-cli init and check. */
#define G_LOG_DOMAIN "opora-cli"

#include <glib/gi18n.h>

#include "opora-cli.h"

int
opora_cli_init_run (int    argc,
                    char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(OporaStore) store = NULL;

  if (!opora_cli_parse ("init", "", _("Create a new, empty database at PATH."), NULL,
                        &argc, &argv, &db))
    return OPORA_CLI_USAGE;

  if (g_file_test (db, G_FILE_TEST_EXISTS))
    {
      opora_cli_error ("init", _("“%s” already exists; init never overwrites a file"), db);
      return OPORA_CLI_FAILED;
    }
  store = opora_cli_open_store (db, OPORA_STORE_OPEN_CREATE);
  if (store == NULL)
    return OPORA_CLI_CANNOT_OPEN;

  g_print (_("Created %s (schema %d)\n"), db, opora_store_get_schema_version (store));
  return OPORA_CLI_OK;
}

int
opora_cli_check_run (int    argc,
                     char **argv)
{
  g_autofree char *db = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (!opora_cli_parse ("check", "",
                        _("Check the database’s integrity, foreign keys and schema version."),
                        NULL, &argc, &argv, &db))
    return OPORA_CLI_USAGE;

  store = opora_cli_open_store (db, OPORA_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OPORA_CLI_CANNOT_OPEN;

  if (!opora_store_check (store, problems, &error))
    {
      opora_cli_error ("check", "%s", error->message);
      return OPORA_CLI_FAILED;
    }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", db, (const char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return OPORA_CLI_FAILED;

  g_print (_("%s: ok (schema %d)\n"), db, opora_store_get_schema_version (store));
  return OPORA_CLI_OK;
}
