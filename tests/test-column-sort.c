/* The column view reports which column the user sorted by, for SQL to sort. */
#include <gtk/gtk.h>

#include "opora-column-sort.h"

typedef struct
{
  char    *id;
  gboolean descending;
  int      calls;
} Seen;

static void
sort_changed_cb (GtkColumnView *view,
                 const char    *column_id,
                 gboolean       descending,
                 gpointer       user_data)
{
  Seen *seen = user_data;

  g_free (seen->id);
  seen->id = g_strdup (column_id);
  seen->descending = descending;
  seen->calls++;
}

static const char view_ui[] =
  "<interface>"
  "  <object class='GtkColumnView' id='view'>"
  "    <child><object class='GtkColumnViewColumn' id='name_column'/></child>"
  "    <child><object class='GtkColumnViewColumn' id='date_column'/></child>"
  "    <child><object class='GtkColumnViewColumn'/></child>"
  "  </object>"
  "</interface>";

static void
test_primary_column_and_direction (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_string (view_ui, -1);
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_builder_get_object (builder, "view"));
  GtkColumnViewColumn *name = GTK_COLUMN_VIEW_COLUMN (gtk_builder_get_object (builder, "name_column"));
  GtkColumnViewColumn *date = GTK_COLUMN_VIEW_COLUMN (gtk_builder_get_object (builder, "date_column"));
  Seen seen = { 0 };
  const char *id = NULL;
  gboolean descending = TRUE;

  g_object_ref_sink (view);
  opora_column_sort_add (name, "surname");
  opora_column_sort_add (date, "birth_date");
  opora_column_sort_watch (view, sort_changed_cb, &seen);

  g_assert_false (opora_column_sort_get (view, &id, &descending));
  g_assert_null (id);

  gtk_column_view_sort_by_column (view, date, GTK_SORT_DESCENDING);
  g_assert_cmpint (seen.calls, >, 0);
  g_assert_cmpstr (seen.id, ==, "birth_date");
  g_assert_true (seen.descending);

  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
  g_assert_cmpstr (seen.id, ==, "surname");
  g_assert_false (seen.descending);

  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_null (seen.id);

  g_free (seen.id);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/column-sort/primary-and-direction", test_primary_column_and_direction);
  return g_test_run ();
}
