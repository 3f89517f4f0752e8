#define G_LOG_DOMAIN "opora-column-sort"

#include "opora-column-sort.h"

typedef struct
{
  OporaColumnSortFunc func;
  gpointer            user_data;
} Watch;

/* The sort key of the probe the view's sorter consulted first, during one probe. */
static const char *probed_key;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      sort_key)
{
  if (probed_key == NULL)
    probed_key = sort_key;
  return GTK_ORDERING_LARGER;
}

void
opora_column_sort_add (GtkColumnViewColumn *column,
                       const char          *sort_key)
{
  g_autoptr(GtkSorter) probe = NULL;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (sort_key != NULL);

  probe = GTK_SORTER (gtk_custom_sorter_new (probe_compare,
                                             (gpointer) g_intern_string (sort_key), NULL));
  gtk_column_view_column_set_sorter (column, probe);
}

gboolean
opora_column_sort_get (GtkColumnView  *view,
                       const char    **sort_key,
                       gboolean       *descending)
{
  g_autoptr(GObject) first = NULL;
  g_autoptr(GObject) second = NULL;
  GtkSorter *sorter;
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), FALSE);

  sorter = gtk_column_view_get_sorter (view);
  /* Two distinct objects: a sorter answers "equal" for an item compared with itself. */
  first = g_object_new (G_TYPE_OBJECT, NULL);
  second = g_object_new (G_TYPE_OBJECT, NULL);
  probed_key = NULL;
  order = sorter ? gtk_sorter_compare (sorter, first, second) : GTK_ORDERING_EQUAL;

  if (sort_key)
    *sort_key = probed_key;
  if (descending)
    *descending = order == GTK_ORDERING_SMALLER;
  probed_key = NULL;
  return order != GTK_ORDERING_EQUAL;
}

static void
view_sorter_changed_cb (GtkSorter       *sorter,
                        GtkSorterChange  change,
                        GtkColumnView   *view)
{
  Watch *watch = g_object_get_data (G_OBJECT (view), "opora-column-sort-watch");
  const char *key = NULL;
  gboolean descending = FALSE;

  opora_column_sort_get (view, &key, &descending);
  watch->func (view, key, descending, watch->user_data);
}

void
opora_column_sort_watch (GtkColumnView       *view,
                         OporaColumnSortFunc  func,
                         gpointer             user_data)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (func != NULL);

  watch = g_new0 (Watch, 1);
  watch->func = func;
  watch->user_data = user_data;
  g_object_set_data_full (G_OBJECT (view), "opora-column-sort-watch", watch, g_free);
  g_signal_connect_object (gtk_column_view_get_sorter (view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), view, 0);
}
