#define G_LOG_DOMAIN "opora-chart-widget"

#include <glib/gi18n.h>

#include "opora-bullet-chart.h"
#include "opora-chart-widget.h"
#include "opora-indicator-catalogue.h"
#include "opora-trend-chart.h"

/* An item is a child widget that draws nothing: it is there so that each chart takes the
 * keyboard focus and has an accessible object of its own (GTK 4.8 gives accessibility
 * only to widgets). The chart widget draws everything, the items included, and the
 * pointer passes through them to it. */
#define OPORA_TYPE_CHART_ITEM (opora_chart_item_get_type ())
G_DECLARE_FINAL_TYPE (OporaChartItem, opora_chart_item, OPORA, CHART_ITEM, GtkWidget)

struct _OporaChartItem
{
  GtkWidget parent_instance;
  guint     index;
};

G_DEFINE_FINAL_TYPE (OporaChartItem, opora_chart_item, GTK_TYPE_WIDGET)

static void
opora_chart_item_class_init (OporaChartItemClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "chartitem");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
opora_chart_item_init (OporaChartItem *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

struct _OporaChartWidget
{
  GtkWidget             parent_instance;

  OporaChartWidgetKind  kind;
  GPtrArray            *results; /* OporaIndicatorResult, owned */
  GPtrArray            *items;   /* OporaChartItem, children */
  int                   cursor;
  int                   hover;

  /* The charts as last drawn, and the size they were drawn at: a frame that only moves the
   * highlight, or redraws the window, reuses them instead of shaping every label again. */
  GskRenderNode        *drawn;
  int                   drawn_width;
  int                   drawn_height;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_CURSOR,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (OporaChartWidget, opora_chart_widget, GTK_TYPE_WIDGET)

GType
opora_chart_widget_kind_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { OPORA_CHART_WIDGET_BULLETS, "OPORA_CHART_WIDGET_BULLETS", "bullets" },
    { OPORA_CHART_WIDGET_TREND, "OPORA_CHART_WIDGET_TREND", "trend" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("OporaChartWidgetKind", values));
  return type;
}

static const OporaIndicatorResult * const *
results_array (OporaChartWidget *self)
{
  return (const OporaIndicatorResult * const *) self->results->pdata;
}

static gboolean
item_rect (OporaChartWidget *self,
           double            width,
           double            height,
           guint             index,
           OporaChartRect   *rect)
{
  guint n = self->results->len;
  OporaTrendChartLayout layout;

  if (index >= n)
    return FALSE;
  if (self->kind == OPORA_CHART_WIDGET_BULLETS)
    return opora_bullet_chart_list_row (width, height, n, index, rect);

  /* A trend point's item is its column, from the plot's top through its period's name:
   * where opora_trend_chart_hit() finds it. */
  opora_trend_chart_layout (width, height, n, &layout);
  *rect = (OporaChartRect) { layout.plot.x + index * layout.slot_width, layout.plot.y,
                             layout.slot_width, layout.plot.height + layout.periods.height };
  return TRUE;
}

static int
hit (OporaChartWidget *self,
     double            x,
     double            y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->kind == OPORA_CHART_WIDGET_BULLETS)
    return opora_bullet_chart_list_hit (width, height, self->results->len, x, y);
  return opora_trend_chart_hit (width, height, self->results->len, x, y);
}

static char *
item_name (OporaChartWidget *self,
           guint             index)
{
  const OporaIndicatorResult *result = g_ptr_array_index (self->results, index);
  const OporaIndicatorDef *def;

  if (self->kind == OPORA_CHART_WIDGET_TREND)
    return opora_trend_chart_format_period (opora_indicator_result_get_from (result),
                                            opora_indicator_result_get_to (result));
  def = opora_indicator_catalogue_get (opora_indicator_result_get_id (result));
  return g_strdup (def != NULL ? opora_indicator_def_get_title (def)
                               : opora_indicator_result_get_id (result));
}

static void
update_item (OporaChartWidget *self,
             guint             index)
{
  GtkWidget *item = g_ptr_array_index (self->items, index);
  g_autofree char *name = item_name (self, index);
  g_autofree char *description = opora_chart_widget_describe_item (self, index);

  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
item_has_focus_changed_cb (OporaChartItem   *item,
                           GParamSpec       *pspec,
                           OporaChartWidget *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (item)) && (int) item->index != self->cursor)
    {
      self->cursor = item->index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* As many items as results, each knowing its index. */
static void
sync_items (OporaChartWidget *self)
{
  while (self->items->len > self->results->len)
    {
      GtkWidget *item = g_ptr_array_steal_index (self->items, self->items->len - 1);

      gtk_widget_unparent (item);
    }
  while (self->items->len < self->results->len)
    {
      OporaChartItem *item = g_object_new (OPORA_TYPE_CHART_ITEM, NULL);

      item->index = self->items->len;
      g_signal_connect_object (item, "notify::has-focus",
                               G_CALLBACK (item_has_focus_changed_cb), self, 0);
      gtk_widget_set_parent (GTK_WIDGET (item), GTK_WIDGET (self));
      g_ptr_array_add (self->items, item);
    }
  for (guint i = 0; i < self->items->len; i++)
    update_item (self, i);
}

static gboolean
focus_is_inside (OporaChartWidget *self)
{
  return gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;
}

static void
move_cursor (OporaChartWidget *self,
             int               index)
{
  int n = self->results->len;

  if (n == 0)
    return;
  opora_chart_widget_set_cursor (self, CLAMP (index, 0, n - 1));
}

/* Colours from the theme, so the charts follow light and dark styles: the text colour of
 * the widget, libadwaita's named colours for the accent and for met and not met. The
 * bands are the text colour, faint, so they lie quietly on any background. */
static OporaChartColor
chart_color (const GdkRGBA *rgba,
             double         alpha)
{
  return (OporaChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}

static void
theme_style (OporaChartWidget     *self,
             OporaChartStyle      *style,
             PangoFontDescription *font)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, color;

  *style = *opora_chart_style_get_default ();
  gtk_style_context_get_color (context, &fg);
  style->foreground = chart_color (&fg, 1.0);
  style->background.alpha = 0;
  style->band_poor = chart_color (&fg, 0.24);
  style->band_fair = chart_color (&fg, 0.14);
  style->band_good = chart_color (&fg, 0.06);
  if (gtk_style_context_lookup_color (context, "accent_bg_color", &color))
    style->accent = chart_color (&color, 1.0);
  if (gtk_style_context_lookup_color (context, "success_color", &color))
    style->met = chart_color (&color, 1.0);
  if (gtk_style_context_lookup_color (context, "error_color", &color))
    style->not_met = chart_color (&color, 1.0);
  style->font = font;
}

static void
rounded_rect (cairo_t              *cr,
              const OporaChartRect *r,
              double                radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The hovered and the current item lie on a faint rounded plate; the focus ring, as
 * libadwaita draws it, goes round the item with the keyboard focus. */
static void
draw_item_plate (OporaChartWidget      *self,
                 cairo_t               *cr,
                 double                 width,
                 double                 height,
                 int                    index,
                 const OporaChartColor *color,
                 double                 alpha,
                 gboolean               ring)
{
  OporaChartRect rect;

  if (index < 0 || !item_rect (self, width, height, index, &rect))
    return;
  rect.x += 3;
  rect.y += 2;
  rect.width -= 6;
  rect.height -= 4;
  if (rect.width <= 0 || rect.height <= 0)
    return;
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
  if (ring)
    {
      cairo_set_line_width (cr, 2);
      rect.x += 1;
      rect.y += 1;
      rect.width -= 2;
      rect.height -= 2;
      rounded_rect (cr, &rect, 6);
      cairo_stroke (cr);
    }
  else
    {
      rounded_rect (cr, &rect, 6);
      cairo_fill (cr);
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           OporaChartWidget         *self)
{
  int index = hit (self, x, y);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
  if (index != self->hover)
    {
      self->hover = index;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (GtkEventControllerMotion *controller,
          OporaChartWidget         *self)
{
  if (self->hover != -1)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
click_released_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   OporaChartWidget *self)
{
  if (n_press != 1)
    return;
  if (opora_chart_widget_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);
  int n = self->results->len;

  if (g_str_equal (action_name, "chart.first"))
    move_cursor (self, 0);
  else if (g_str_equal (action_name, "chart.last"))
    move_cursor (self, n - 1);
  else if (g_str_equal (action_name, "chart.next"))
    move_cursor (self, self->cursor < 0 ? 0 : self->cursor + 1);
  else
    move_cursor (self, self->cursor < 0 ? 0 : self->cursor - 1);
}

static void
activate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);

  if (self->cursor >= 0 && self->cursor < (int) self->results->len)
    g_signal_emit (self, signals[ACTIVATED], 0, (guint) self->cursor);
}

static void
opora_chart_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  PangoFontDescription *font;
  OporaChartStyle style;
  GtkWidget *focus;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  font = pango_font_description_copy (
    pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
  theme_style (self, &style, font);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_item_plate (self, cr, width, height, self->cursor, &style.accent, 0.10, FALSE);
  if (self->hover != self->cursor)
    draw_item_plate (self, cr, width, height, self->hover, &style.foreground, 0.05, FALSE);
  cairo_destroy (cr);

  if (self->drawn == NULL || self->drawn_width != (int) width || self->drawn_height != (int) height)
    {
      g_autoptr(GtkSnapshot) charts = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (charts, &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (self->kind == OPORA_CHART_WIDGET_BULLETS)
        opora_bullet_chart_draw_list (cr, width, height, results_array (self),
                                      self->results->len, &style);
      else
        opora_trend_chart_draw (cr, width, height, results_array (self), self->results->len,
                                &style);
      cairo_destroy (cr);
      g_clear_pointer (&self->drawn, gsk_render_node_unref);
      self->drawn = gtk_snapshot_free_to_node (g_steal_pointer (&charts));
      self->drawn_width = (int) width;
      self->drawn_height = (int) height;
    }
  if (self->drawn != NULL)
    gtk_snapshot_append_node (snapshot, self->drawn);

  focus = gtk_widget_get_focus_child (widget);
  if (focus != NULL && gtk_widget_has_visible_focus (focus))
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      draw_item_plate (self, cr, width, height, OPORA_CHART_ITEM (focus)->index, &style.accent,
                       0.5, TRUE);
      cairo_destroy (cr);
    }
  pango_font_description_free (font);
}

static void
scale_factor_changed_cb (OporaChartWidget *self)
{
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
}

/* Colours and fonts come from the theme: a change of style draws the charts again. */
static void
opora_chart_widget_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (opora_chart_widget_parent_class)->css_changed (widget, change);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
}

static void
opora_chart_widget_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);
  guint n = self->results->len;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = self->kind == OPORA_CHART_WIDGET_TREND ? 720 : 800;
    }
  else if (self->kind == OPORA_CHART_WIDGET_BULLETS)
    {
      /* The natural height as the minimum too: a scrolled page gives its children their
       * minimum, and tighter rows would shrink the text. */
      *minimum = *natural = (int) opora_bullet_chart_list_natural_height (n);
    }
  else
    {
      *minimum = 200;
      *natural = 280;
    }
}

static void
opora_chart_widget_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);

  for (guint i = 0; i < self->items->len; i++)
    {
      OporaChartRect rect = { 0 };

      item_rect (self, width, height, i, &rect);
      gtk_widget_size_allocate (g_ptr_array_index (self->items, i),
                                &(GtkAllocation) { (int) rect.x, (int) rect.y,
                                                   MAX ((int) rect.width, 1),
                                                   MAX ((int) rect.height, 1) },
                                -1);
    }
}

/* Tab enters at the cursor and leaves from any item: the arrows move inside. */
static gboolean
opora_chart_widget_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);

  if (self->items->len == 0 || focus_is_inside (self))
    return FALSE;
  if (self->cursor < 0)
    {
      self->cursor = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
    }
  return gtk_widget_grab_focus (g_ptr_array_index (self->items, self->cursor));
}

static gboolean
opora_chart_widget_grab_focus (GtkWidget *widget)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (widget);

  if (self->items->len == 0)
    return FALSE;
  return gtk_widget_grab_focus (g_ptr_array_index (self->items, MAX (self->cursor, 0)));
}

static void
opora_chart_widget_dispose (GObject *object)
{
  OporaChartWidget *self = (OporaChartWidget *)object;

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        gtk_widget_unparent (g_ptr_array_index (self->items, i));
      g_clear_pointer (&self->items, g_ptr_array_unref);
    }
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);

  G_OBJECT_CLASS (opora_chart_widget_parent_class)->dispose (object);
}

static void
opora_chart_widget_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CURSOR:
      g_value_set_int (value, self->cursor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_chart_widget_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OporaChartWidget *self = OPORA_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_CURSOR:
      opora_chart_widget_set_cursor (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_chart_widget_class_init (OporaChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { guint key; const char *action; } bindings[] = {
    { GDK_KEY_Down, "chart.next" }, { GDK_KEY_KP_Down, "chart.next" },
    { GDK_KEY_Right, "chart.next" }, { GDK_KEY_KP_Right, "chart.next" },
    { GDK_KEY_Up, "chart.previous" }, { GDK_KEY_KP_Up, "chart.previous" },
    { GDK_KEY_Left, "chart.previous" }, { GDK_KEY_KP_Left, "chart.previous" },
    { GDK_KEY_Home, "chart.first" }, { GDK_KEY_KP_Home, "chart.first" },
    { GDK_KEY_End, "chart.last" }, { GDK_KEY_KP_End, "chart.last" },
    { GDK_KEY_Return, "chart.activate" }, { GDK_KEY_KP_Enter, "chart.activate" },
    { GDK_KEY_ISO_Enter, "chart.activate" }, { GDK_KEY_space, "chart.activate" },
    { GDK_KEY_KP_Space, "chart.activate" },
  };

  object_class->dispose = opora_chart_widget_dispose;
  object_class->get_property = opora_chart_widget_get_property;
  object_class->set_property = opora_chart_widget_set_property;

  widget_class->snapshot = opora_chart_widget_snapshot;
  widget_class->css_changed = opora_chart_widget_css_changed;
  widget_class->measure = opora_chart_widget_measure;
  widget_class->size_allocate = opora_chart_widget_size_allocate;
  widget_class->focus = opora_chart_widget_focus;
  widget_class->grab_focus = opora_chart_widget_grab_focus;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OPORA_TYPE_CHART_WIDGET_KIND,
                       OPORA_CHART_WIDGET_BULLETS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CURSOR] =
    g_param_spec_int ("cursor", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OporaChartWidget::activated:
   * @index: the item clicked, or the cursor's when Enter was pressed
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "chart.next", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.previous", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.first", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.last", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, 0,
                                         bindings[i].action, NULL);
}

static void
opora_chart_widget_init (OporaChartWidget *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) opora_indicator_result_unref);
  /* The drawing kept is an image at the scale it was made for. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
  self->items = g_ptr_array_new ();
  self->cursor = -1;
  self->hover = -1;

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
opora_chart_widget_new (OporaChartWidgetKind kind)
{
  return g_object_new (OPORA_TYPE_CHART_WIDGET, "kind", kind, NULL);
}

OporaChartWidgetKind
opora_chart_widget_get_kind (OporaChartWidget *self)
{
  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), OPORA_CHART_WIDGET_BULLETS);
  return self->kind;
}

void
opora_chart_widget_set_results (OporaChartWidget             *self,
                                OporaIndicatorResult * const *results,
                                guint                         n)
{
  g_return_if_fail (OPORA_IS_CHART_WIDGET (self));
  g_return_if_fail (results != NULL || n == 0);

  g_ptr_array_set_size (self->results, 0);
  g_clear_pointer (&self->drawn, gsk_render_node_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->results, opora_indicator_result_ref (results[i]));
  sync_items (self);

  if (self->cursor >= (int) n)
    opora_chart_widget_set_cursor (self, n > 0 ? (int) n - 1 : -1);
  if (self->hover >= (int) n)
    self->hover = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
opora_chart_widget_get_n_results (OporaChartWidget *self)
{
  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), 0);
  return self->results->len;
}

OporaIndicatorResult *
opora_chart_widget_get_result (OporaChartWidget *self,
                               guint             index)
{
  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), NULL);

  if (index >= self->results->len)
    return NULL;
  return g_ptr_array_index (self->results, index);
}

int
opora_chart_widget_get_cursor (OporaChartWidget *self)
{
  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), -1);
  return self->cursor;
}

void
opora_chart_widget_set_cursor (OporaChartWidget *self,
                               int               index)
{
  g_return_if_fail (OPORA_IS_CHART_WIDGET (self));

  if (index < -1 || index >= (int) self->results->len)
    index = -1;
  if (index >= 0 && focus_is_inside (self))
    gtk_widget_grab_focus (g_ptr_array_index (self->items, index));
  if (index == self->cursor)
    return;
  self->cursor = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

gboolean
opora_chart_widget_get_item_area (OporaChartWidget *self,
                                  guint             index,
                                  graphene_rect_t  *area)
{
  OporaChartRect rect;

  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (!item_rect (self, gtk_widget_get_width (GTK_WIDGET (self)),
                  gtk_widget_get_height (GTK_WIDGET (self)), index, &rect))
    return FALSE;
  graphene_rect_init (area, rect.x, rect.y, rect.width, rect.height);
  return TRUE;
}

gboolean
opora_chart_widget_activate_at (OporaChartWidget *self,
                                double            x,
                                double            y)
{
  int index;

  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), FALSE);

  index = hit (self, x, y);
  if (index < 0)
    return FALSE;
  /* The clicked chart takes the focus, so the arrows go on from there. */
  gtk_widget_grab_focus (g_ptr_array_index (self->items, index));
  opora_chart_widget_set_cursor (self, index);
  g_signal_emit (self, signals[ACTIVATED], 0, (guint) index);
  return TRUE;
}

char *
opora_chart_widget_describe_item (OporaChartWidget *self,
                                  guint             index)
{
  const OporaIndicatorResult *result;
  OporaIndicatorStatus status;
  g_autofree char *label = NULL;

  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);

  result = g_ptr_array_index (self->results, index);
  label = opora_indicator_result_format_label (result);
  status = opora_indicator_result_get_status (result);
  if (status != OPORA_INDICATOR_STATUS_MET && status != OPORA_INDICATOR_STATUS_NOT_MET)
    return g_steal_pointer (&label);
  /* TRANSLATORS: a chart read aloud: its label, then "Target met" or "Target not met" */
  return g_strdup_printf (C_("chart description", "%s. %s"), label,
                          opora_indicator_status_display_name (status));
}

GtkWidget *
opora_chart_widget_get_item_widget (OporaChartWidget *self,
                                    guint             index)
{
  g_return_val_if_fail (OPORA_IS_CHART_WIDGET (self), NULL);

  if (index >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, index);
}
