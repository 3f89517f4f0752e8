/* The row recycler between a page's selection and its view: its rows keep their places, a
 * new list is told as the same rows holding new records, rows past a new list's first
 * screenful may stay stale for a moment but never past the model's next change or
 * STALE_MS, and the selection is the page's. */
#include <gtk/gtk.h>

#include "opora-row-recycler.h"
#include "opora-test-util.h"

#define TIMEOUT_US (5 * G_USEC_PER_SEC)

static void
record_selection_cb (GtkSelectionModel *model,
                     guint              position,
                     guint              n_items,
                     OporaTestChange   *change)
{
  change->n_changes++;
  change->position = position;
  change->added = n_items;
}

static GPtrArray *
new_strings (const char *prefix,
             guint       n)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s %u", prefix, i);

      g_ptr_array_add (items, gtk_string_object_new (text));
    }
  return items;
}

/* The store's way of replacing its list: all gone, then all new. */
static void
replace (GListStore *store,
         const char *prefix,
         guint       n)
{
  g_autoptr(GPtrArray) items = new_strings (prefix, n);

  g_list_store_remove_all (store);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
}

static const char *
text_at (GListModel *recycler,
         guint       position)
{
  g_autoptr(OporaRow) row = g_list_model_get_item (recycler, position);
  GObject *record;

  g_assert_nonnull (row);
  record = opora_row_get_record (row);
  return record ? gtk_string_object_get_string (GTK_STRING_OBJECT (record)) : NULL;
}

typedef struct
{
  GListStore         *store;
  GtkSingleSelection *selection;
  GtkWidget          *view;
  OporaRowRecycler   *recycler;
  GListModel         *list;
  GPtrArray          *held;  /* rows held as a view holds those it shows */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) items = new_strings ("old", 300);

  f->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_list_store_splice (f->store, 0, 0, items->pdata, items->len);
  f->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (f->store)));
  gtk_single_selection_set_autoselect (f->selection, FALSE);
  gtk_single_selection_set_selected (f->selection, GTK_INVALID_LIST_POSITION);
  /* Not shown: no height, so a screenful is taken as 48 rows. */
  f->view = g_object_ref_sink (gtk_label_new (NULL));
  f->recycler = opora_row_recycler_new (GTK_SELECTION_MODEL (f->selection), f->view);
  f->list = G_LIST_MODEL (f->recycler);
  f->held = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (f->held, g_list_model_get_item (f->list, i));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->held);
  g_object_unref (f->recycler);
  g_object_unref (f->view);
  g_object_unref (f->selection);
  g_object_unref (f->store);
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
test_rows_keep_places (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GObject) again = g_list_model_get_item (f->list, 5);
  g_autoptr(GtkStringObject) inserted = gtk_string_object_new ("inserted");

  g_assert_cmpuint (g_list_model_get_n_items (f->list), ==, 300);
  g_assert_true (g_list_model_get_item_type (f->list) == OPORA_TYPE_ROW);
  g_assert_true (again == g_ptr_array_index (f->held, 5));
  g_assert_cmpstr (text_at (f->list, 5), ==, "old 5");
  g_assert_true (opora_row_record_of (again) == opora_row_get_record (OPORA_ROW (again)));

  /* A row inserted: the rows after it move with what they show. */
  g_list_store_insert (f->store, 3, inserted);
  g_assert_cmpuint (g_list_model_get_n_items (f->list), ==, 301);
  g_assert_cmpstr (text_at (f->list, 3), ==, "inserted");
  g_assert_true (g_list_model_get_item (f->list, 6) == g_ptr_array_index (f->held, 5));
  g_object_unref (g_ptr_array_index (f->held, 5)); /* the extra reference just taken */
  g_assert_cmpstr (text_at (f->list, 6), ==, "old 5");

  /* A row removed: its OporaRow leaves the list, the next ones move up. */
  g_list_store_remove (f->store, 3);
  g_assert_cmpstr (text_at (f->list, 3), ==, "old 3");
  g_assert_cmpstr (text_at (f->list, 5), ==, "old 5");
}

static void
test_new_list_in_the_same_rows (Fixture       *f,
                                gconstpointer  data)
{
  OporaTestChange change = { 0 };

  g_signal_connect (f->list, "items-changed", G_CALLBACK (opora_test_record_change_cb), &change);
  /* A page of a search's first rows, then its rest once counted. */
  replace (f->store, "new", 64);
  g_assert_cmpuint (change.n_changes, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 64);
  g_assert_cmpuint (change.added, ==, 64);
  /* The rows the view held are the same, now showing the new list. */
  for (guint i = 0; i < 64; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (f->list, i);
      g_autofree char *expected = g_strdup_printf ("new %u", i);

      g_assert_true (row == g_ptr_array_index (f->held, i));
      g_assert_cmpstr (text_at (f->list, i), ==, expected);
    }
  /* Past them the old rows wait, unseen, for the rest. */
  g_assert_cmpuint (g_list_model_get_n_items (f->list), ==, 300);
  g_assert_cmpstr (text_at (f->list, 100), ==, "old 100");
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (f->recycler), 100));

  /* The rest arrives: the waiting rows take it. */
  {
    g_autoptr(GPtrArray) rest = new_strings ("rest", 1000);

    g_list_store_splice (f->store, 64, 0, rest->pdata, rest->len);
  }
  g_assert_cmpuint (g_list_model_get_n_items (f->list), ==, 1064);
  g_assert_true (g_list_model_get_item (f->list, 100) == g_ptr_array_index (f->held, 100));
  g_object_unref (g_ptr_array_index (f->held, 100));
  g_assert_cmpstr (text_at (f->list, 100), ==, "rest 36");
  g_assert_cmpstr (text_at (f->list, 1063), ==, "rest 999");
  g_signal_handlers_disconnect_by_func (f->list, opora_test_record_change_cb, &change);
}

static void
test_stale_rows_go (Fixture       *f,
                    gconstpointer  data)
{
  /* A screenful and no more to come: the old rows past it go a little later. */
  replace (f->store, "new", 50);
  g_assert_cmpuint (g_list_model_get_n_items (f->list), ==, 300);
  g_assert_true (iterate_until_n (f->list, 50));
  g_assert_cmpstr (text_at (f->list, 49), ==, "new 49");

  /* Fewer than a screenful: no old row may show under them, at once. */
  replace (f->store, "few", 5);
  g_assert_cmpuint (g_list_model_get_n_items (f->list), ==, 5);
  g_assert_cmpstr (text_at (f->list, 4), ==, "few 4");

  /* Nothing at all: the list is empty once the main loop turns. */
  g_list_store_remove_all (f->store);
  g_assert_true (iterate_until_n (f->list, 0));
}

static void
test_typing_on (Fixture       *f,
                gconstpointer  data)
{
  /* A new list while old rows still wait below the one before. */
  replace (f->store, "first", 64);
  replace (f->store, "second", 64);
  g_assert_cmpuint (g_list_model_get_n_items (f->list), ==, 300);
  g_assert_cmpstr (text_at (f->list, 63), ==, "second 63");
  g_assert_true (iterate_until_n (f->list, 64));
  for (guint i = 0; i < 64; i++)
    g_assert_true (g_list_model_get_item (f->list, i) == g_ptr_array_index (f->held, i));
  for (guint i = 0; i < 64; i++)
    g_object_unref (g_ptr_array_index (f->held, i));
}

static void
test_selection_is_the_pages (Fixture       *f,
                             gconstpointer  data)
{
  GtkSelectionModel *recycler = GTK_SELECTION_MODEL (f->recycler);
  OporaTestChange change = { 0 };

  g_signal_connect (recycler, "selection-changed", G_CALLBACK (record_selection_cb), &change);
  g_assert_true (gtk_selection_model_select_item (recycler, 7, TRUE));
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 7);
  g_assert_true (gtk_selection_model_is_selected (recycler, 7));
  g_assert_cmpuint (change.n_changes, >, 0);
  g_assert_cmpuint (change.position, <=, 7);
  g_assert_cmpuint (change.position + change.added, >, 7);

  gtk_single_selection_set_selected (f->selection, 9);
  g_assert_true (gtk_selection_model_is_selected (recycler, 9));
  g_assert_false (gtk_selection_model_is_selected (recycler, 7));
  g_signal_handlers_disconnect_by_func (recycler, record_selection_cb, &change);
}

/* Scrolled while old rows wait below the new ones: they could come into sight, so they
 * go at once. */
static void
test_scroll_brings_up_to_date (void)
{
  g_autoptr(GPtrArray) items = new_strings ("old", 300);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(GtkAdjustment) adjustment = g_object_ref_sink (
    gtk_adjustment_new (0, 0, 10000, 10, 100, 100));
  g_autoptr(OporaRowRecycler) recycler = NULL;
  /* A scrollable that only holds the adjustment, as a page's column view does. */
  GtkWidget *view = g_object_ref_sink (gtk_viewport_new (NULL, adjustment));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  recycler = opora_row_recycler_new (GTK_SELECTION_MODEL (selection), view);
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (recycler), i));

  replace (store, "new", 50);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (recycler)), ==, 300);
  gtk_adjustment_set_value (adjustment, 200);
  /* At once: well before STALE_MS. */
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (recycler)), ==, 50);
  g_assert_cmpstr (text_at (G_LIST_MODEL (recycler), 49), ==, "new 49");
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!opora_test_init_gtk ())
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/row-recycler/rows-keep-places", test_rows_keep_places);
  ADD ("/row-recycler/new-list-in-the-same-rows", test_new_list_in_the_same_rows);
  ADD ("/row-recycler/stale-rows-go", test_stale_rows_go);
  ADD ("/row-recycler/typing-on", test_typing_on);
  ADD ("/row-recycler/selection-is-the-pages", test_selection_is_the_pages);
  g_test_add_func ("/row-recycler/scroll-brings-up-to-date", test_scroll_brings_up_to_date);
  return g_test_run ();
}
