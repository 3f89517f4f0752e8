/* The paced list model in front of a column view: a long list shows its first rows in one
 * frame and all of them in a later one; a short list and small changes pass at once. */
#include <gtk/gtk.h>

#include "opora-paced-model.h"
#include "opora-test-util.h"

#define LIMIT 10
#define TIMEOUT_US (5 * G_USEC_PER_SEC)

static GListStore *
new_strings (guint n)
{
  GListStore *store = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("row %u", i);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (text);
      g_list_store_append (store, item);
    }
  return store;
}

static gboolean
iterate_until_n (GListModel *model,
                 guint       n)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  while (g_list_model_get_n_items (model) != n)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
count_frames_cb (GdkFrameClock *clock,
                 guint         *n_frames)
{
  (*n_frames)++;
}

static void
test_long_list_in_two_frames (void)
{
  g_autoptr(GListStore) rows = NULL;
  g_autoptr(OporaPacedModel) paced = NULL;
  g_autoptr(GListStore) replacement = NULL;
  GtkWidget *window, *view;
  guint n_frames = 0;

  if (!opora_test_init_gtk ())
    return;

  rows = new_strings (500);
  window = gtk_window_new ();
  /* Taller than LIMIT rows: the first rows are as many as fit, at most the limit. */
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 600);
  view = gtk_list_view_new (NULL, gtk_signal_list_item_factory_new ());
  gtk_window_set_child (GTK_WINDOW (window), view);

  /* Made before the view is on screen, it holds the rest back until it has painted. */
  paced = opora_paced_model_new (G_LIST_MODEL (rows), view, LIMIT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, LIMIT);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (paced), LIMIT));
  {
    g_autoptr(GtkStringObject) first = g_list_model_get_item (G_LIST_MODEL (paced), 0);
    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "row 0");
  }
  gtk_list_view_set_model (GTK_LIST_VIEW (view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (paced)))));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (count_frames_cb), &n_frames);
  g_assert_true (iterate_until_n (G_LIST_MODEL (paced), 500));
  /* Not before a frame with the first rows was painted. */
  g_assert_cmpuint (n_frames, >=, 1);

  /* A small change to a list shown whole passes at once. */
  {
    g_autoptr(GtkStringObject) item = gtk_string_object_new ("new row");
    g_list_store_insert (rows, 3, item);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, 501);
    g_list_store_remove (rows, 3);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, 500);
  }

  /* A reload (all gone, then a long list) is paced again. */
  replacement = new_strings (300);
  g_list_store_remove_all (rows);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, 0);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < 300; i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (replacement), i));
    g_list_store_splice (rows, 0, 0, items->pdata, items->len);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, LIMIT);
  g_assert_true (iterate_until_n (G_LIST_MODEL (paced), 300));

  /* A short list arrives whole. */
  g_list_store_remove_all (rows);
  {
    g_autoptr(GtkStringObject) a = gtk_string_object_new ("a");
    g_list_store_append (rows, a);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (paced)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paced-model/long-list-in-two-frames", test_long_list_in_two_frames);

  return g_test_run ();
}
