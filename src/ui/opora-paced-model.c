#define G_LOG_DOMAIN "opora-ui"

#include "opora-paced-model.h"

struct _OporaPacedModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *widget;   /* weak */
  guint       limit;
  guint       exposed;  /* rows passed on so far: all of the model's but while pacing */
  guint       tick_id;
  guint       ticks;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OporaPacedModel, opora_paced_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
opora_paced_model_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (OPORA_PACED_MODEL (model)->model);
}

static guint
opora_paced_model_get_n_items (GListModel *model)
{
  return OPORA_PACED_MODEL (model)->exposed;
}

static gpointer
opora_paced_model_get_item (GListModel *model,
                            guint       position)
{
  OporaPacedModel *self = OPORA_PACED_MODEL (model);

  if (position >= self->exposed)
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = opora_paced_model_get_item_type;
  iface->get_n_items = opora_paced_model_get_n_items;
  iface->get_item = opora_paced_model_get_item;
}

static void
reveal_all (OporaPacedModel *self)
{
  guint n = g_list_model_get_n_items (self->model);
  guint before = self->exposed;

  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
  if (n <= before)
    return;
  self->exposed = n;
  g_list_model_items_changed (G_LIST_MODEL (self), before, 0, n - before);
}

static guint first_rows (OporaPacedModel *self);

/* The first tick is the frame that lays out and paints the short list; the second comes
 * after it was painted. Then a screenful more each frame until GTK has all the row widgets
 * it keeps (about 200: making them at once held the window 120 ms), then the rest. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  OporaPacedModel *self = user_data;
  guint n = g_list_model_get_n_items (self->model);
  guint before = self->exposed;

  if (++self->ticks < 2)
    return G_SOURCE_CONTINUE;
  if (before + first_rows (self) < MIN (n, OPORA_PACED_STEPS_UNTIL))
    {
      self->exposed += first_rows (self);
      g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->exposed - before);
      return G_SOURCE_CONTINUE;
    }
  self->tick_id = 0;
  reveal_all (self);
  return G_SOURCE_REMOVE;
}

static void
pace (OporaPacedModel *self)
{
  self->ticks = 0;
  if (self->tick_id == 0 && self->widget != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick_cb, self, NULL);
}

/* Rows a view of @widget's height shows, with a margin: a row of a data table is at least
 * 18 px high. Before the view has a height, the limit it was given. */
static guint
first_rows (OporaPacedModel *self)
{
  int height = self->widget != NULL ? gtk_widget_get_height (self->widget) : 0;

  if (height <= 0)
    return self->limit;
  return CLAMP ((guint) height / 18 + 2, 8, self->limit);
}

static void
model_items_changed_cb (GListModel      *model,
                        guint            position,
                        guint            removed,
                        guint            added,
                        OporaPacedModel *self)
{
  guint n = g_list_model_get_n_items (model);
  guint before = self->exposed;

  if (self->tick_id == 0 && position + removed <= before
      && !(before == 0 && n > first_rows (self)))
    {
      /* Every row is shown and this is not a long list arriving: pass the change on. */
      self->exposed = n;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  if (self->tick_id != 0 && position >= before && before > 0)
    return; /* past the rows shown so far (a count's rest): they come with the others */

  /* A long list arrives, or changes while its first rows are shown alone. */
  self->exposed = MIN (n, first_rows (self));
  if (before != 0 || self->exposed != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->exposed);
  if (self->exposed < n)
    pace (self);
  else
    reveal_all (self);
}

static void
opora_paced_model_dispose (GObject *object)
{
  OporaPacedModel *self = (OporaPacedModel *)object;

  if (self->widget != NULL)
    {
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (self->widget, self->tick_id);
      g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
      self->widget = NULL;
    }
  self->tick_id = 0;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (opora_paced_model_parent_class)->dispose (object);
}

static void
opora_paced_model_class_init (OporaPacedModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = opora_paced_model_dispose;
}

static void
opora_paced_model_init (OporaPacedModel *self)
{
}

OporaPacedModel *
opora_paced_model_new (GListModel *model,
                       GtkWidget  *widget,
                       guint       limit)
{
  OporaPacedModel *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  self = g_object_new (OPORA_TYPE_PACED_MODEL, NULL);
  self->model = g_object_ref (model);
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);
  self->limit = limit;
  g_signal_connect (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);

  n = g_list_model_get_n_items (model);
  self->exposed = MIN (n, limit);
  if (self->exposed < n)
    pace (self);
  return self;
}
