#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "opora-test-util.h"

char *
opora_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("opora-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
opora_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          opora_test_rm_rf (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

OporaStore *
opora_test_open_store (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "opora.db", NULL);
  OporaStore *store = opora_store_open (path, OPORA_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (out_dir)
    *out_dir = g_steal_pointer (&dir);
  return store;
}

gboolean
opora_test_init_gtk (void)
{
  if (gtk_init_check ())
    return TRUE;
  if (g_getenv ("OPORA_REQUIRE_DISPLAY") != NULL)
    g_error ("No display, but OPORA_REQUIRE_DISPLAY is set: run the tests under Xvfb");
  g_test_skip ("No display");
  return FALSE;
}

void
opora_test_record_change_cb (GListModel      *list,
                             guint            position,
                             guint            removed,
                             guint            added,
                             OporaTestChange *change)
{
  change->n_changes++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}
