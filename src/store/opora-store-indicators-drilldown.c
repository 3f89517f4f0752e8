/* The drill-down list of an indicator (opora_store_indicator_drilldown()).
 *
 * The rows behind an indicator are a computed set — a year of contract holders is a
 * quarter of a million persons, sorted by whether they are counted and by name — so the
 * list runs that query once and keeps only its keys (8 bytes a row), then reads the rows
 * the view shows by key. Paging with LIMIT/OFFSET, as the registry's lists do, would
 * compute and sort the whole set again for every page. */
#define G_LOG_DOMAIN "opora-store"

#include "opora-store-indicators-drilldown.h"
#include "opora-store-private.h"

#define MAX_CACHED 512

struct _OporaDrilldownList
{
  GObject            parent_instance;

  OporaStore        *store;
  char              *keys_sql;
  char              *row_sql;
  OporaDrilldownRowFunc read_row;
  char              *from;
  char              *to;
  GStrv              watched_tables;
  gulong             changed_id;

  GArray            *keys;   /* gint64: the record's id * 2 + counted, in list order */
  GHashTable        *cache;  /* position → OporaDrilldownItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OporaDrilldownList, opora_drilldown_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
load_keys (OporaDrilldownList *self)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = opora_store_prepare (self->store, self->keys_sql, &error);
  int rc;

  g_array_set_size (self->keys, 0);
  g_hash_table_remove_all (self->cache);
  if (stmt == NULL)
    {
      g_critical ("Cannot list an indicator's records: %s", error->message);
      return;
    }
  opora_stmt_bind_text (stmt, 1, self->from);
  opora_stmt_bind_text (stmt, 2, self->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (self->keys, key);
    }
  if (rc != SQLITE_DONE)
    {
      opora_store_set_error (self->store, &error);
      g_critical ("Cannot list an indicator's records: %s", error->message);
    }
  sqlite3_reset (stmt);
}

static GType
opora_drilldown_list_get_item_type (GListModel *model)
{
  return OPORA_TYPE_DRILLDOWN_ITEM;
}

static guint
opora_drilldown_list_get_n_items (GListModel *model)
{
  return OPORA_DRILLDOWN_LIST (model)->keys->len;
}

static gpointer
opora_drilldown_list_get_item (GListModel *model,
                               guint       position)
{
  OporaDrilldownList *self = OPORA_DRILLDOWN_LIST (model);
  g_autoptr(GError) error = NULL;
  OporaDrilldownItem *item;
  sqlite3_stmt *stmt;
  gint64 key;

  if (position >= self->keys->len)
    return NULL;
  item = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);

  key = g_array_index (self->keys, gint64, position);
  stmt = opora_store_prepare (self->store, self->row_sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot read an indicator's record: %s", error->message);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, key / 2);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    item = self->read_row (stmt, key % 2 != 0);
  sqlite3_reset (stmt);
  if (item == NULL)
    return NULL; /* deleted meanwhile; the list reloads at the commit */

  /* A view asks for the rows on screen again and again; a bounded cache is enough. */
  if (g_hash_table_size (self->cache) >= MAX_CACHED)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), g_object_ref (item));
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = opora_drilldown_list_get_item_type;
  iface->get_n_items = opora_drilldown_list_get_n_items;
  iface->get_item = opora_drilldown_list_get_item;
}

/* All rows gone, then all new, as OporaListModel tells it: told as one change, a GTK 4.8
 * GtkSingleSelection looks for its selected row among every row added, reading them all. */
static void
reload (OporaDrilldownList *self)
{
  guint old_n = self->keys->len;

  g_array_set_size (self->keys, 0);
  g_hash_table_remove_all (self->cache);
  if (old_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
  load_keys (self);
  if (self->keys->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->keys->len);
}

static void
store_changed_cb (OporaStore         *store,
                  const char         *table,
                  OporaDrilldownList *self)
{
  if (g_strv_contains ((const char * const *) self->watched_tables, table))
    reload (self);
}

static void
opora_drilldown_list_dispose (GObject *object)
{
  OporaDrilldownList *self = (OporaDrilldownList *)object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (opora_drilldown_list_parent_class)->dispose (object);
}

static void
opora_drilldown_list_finalize (GObject *object)
{
  OporaDrilldownList *self = (OporaDrilldownList *)object;

  g_clear_pointer (&self->keys_sql, g_free);
  g_clear_pointer (&self->row_sql, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->watched_tables, g_strfreev);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (opora_drilldown_list_parent_class)->finalize (object);
}

static void
opora_drilldown_list_class_init (OporaDrilldownListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = opora_drilldown_list_dispose;
  object_class->finalize = opora_drilldown_list_finalize;
}

static void
opora_drilldown_list_init (OporaDrilldownList *self)
{
  self->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

OporaDrilldownList *
opora_drilldown_list_new (OporaStore             *store,
                          const char             *keys_sql,
                          const char             *row_sql,
                          OporaDrilldownRowFunc   read_row,
                          const char             *from,
                          const char             *to,
                          const char * const     *watched_tables)
{
  OporaDrilldownList *self;

  g_return_val_if_fail (OPORA_IS_STORE (store), NULL);
  g_return_val_if_fail (keys_sql != NULL && row_sql != NULL && read_row != NULL, NULL);

  self = g_object_new (OPORA_TYPE_DRILLDOWN_LIST, NULL);
  self->store = g_object_ref (store);
  self->keys_sql = g_strdup (keys_sql);
  self->row_sql = g_strdup (row_sql);
  self->read_row = read_row;
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->watched_tables = g_strdupv ((char **) watched_tables);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  load_keys (self);
  return self;
}
