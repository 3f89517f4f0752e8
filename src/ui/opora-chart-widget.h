/* The chart widget: indicator results drawn by src/render/ on the widget's own cairo_t,
 * in the theme's colours — a list of bullet charts (one per indicator) or the trend of one
 * indicator (one point per period).
 *
 * Each chart (a bullet chart, a trend point) is an item: a click on it, or Enter while it
 * has the keyboard focus, emits "activated" with its index; the arrow keys move the focus
 * ring from item to item and make the item the cursor. Each item is a focusable,
 * accessible button of its own named by the indicator (or the period) and described by the
 * chart's label ("63 % — 19 of 30, target ≥ 60 %"), so a screen reader reads every chart. */
#pragma once

#include <gtk/gtk.h>

#include "opora-indicator.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_CHART_WIDGET_BULLETS, /* one bullet chart per result, under a heading */
  OPORA_CHART_WIDGET_TREND,   /* one indicator's results in time order, with its target */
} OporaChartWidgetKind;

#define OPORA_TYPE_CHART_WIDGET_KIND (opora_chart_widget_kind_get_type ())
GType opora_chart_widget_kind_get_type (void) G_GNUC_CONST;

#define OPORA_TYPE_CHART_WIDGET (opora_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (OporaChartWidget, opora_chart_widget, OPORA, CHART_WIDGET, GtkWidget)

GtkWidget            *opora_chart_widget_new             (OporaChartWidgetKind          kind);
OporaChartWidgetKind  opora_chart_widget_get_kind        (OporaChartWidget             *self);

/* Shows @results (a reference is taken on each); the cursor stays on the same index when
 * there still is one. @n 0 shows an empty chart. */
void                  opora_chart_widget_set_results     (OporaChartWidget             *self,
                                                          OporaIndicatorResult * const *results,
                                                          guint                         n);
guint                 opora_chart_widget_get_n_results   (OporaChartWidget             *self);
/* Borrowed; NULL when @index is out of range. */
OporaIndicatorResult *opora_chart_widget_get_result      (OporaChartWidget             *self,
                                                          guint                         index);

/* The item the arrows last moved to or that was last clicked, -1 for none: the "cursor"
 * property. Setting it moves the focus ring there when the widget has the focus. */
int                   opora_chart_widget_get_cursor      (OporaChartWidget             *self);
void                  opora_chart_widget_set_cursor      (OporaChartWidget             *self,
                                                          int                           index);

/* Where item @index lies in the widget's coordinates; FALSE when out of range. */
gboolean              opora_chart_widget_get_item_area   (OporaChartWidget             *self,
                                                          guint                         index,
                                                          graphene_rect_t              *area);
/* What a click at (@x, @y) does: makes the item there the cursor and emits "activated";
 * FALSE over no item (the heading, a gap). */
gboolean              opora_chart_widget_activate_at     (OporaChartWidget             *self,
                                                          double                        x,
                                                          double                        y);
/* The accessible description of item @index, as a screen reader reads it. */
char                 *opora_chart_widget_describe_item   (OporaChartWidget             *self,
                                                          guint                         index);
/* The accessible object of item @index (a button), for tests and assistive tools. */
GtkWidget            *opora_chart_widget_get_item_widget (OporaChartWidget             *self,
                                                          guint                         index);

G_END_DECLS
