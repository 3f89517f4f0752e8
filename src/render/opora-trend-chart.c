#define G_LOG_DOMAIN "opora-trend-chart"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "opora-chart-private.h"
#include "opora-date.h"
#include "opora-indicator-catalogue.h"
#include "opora-trend-chart.h"

#define PAD                8.0
/* The value axis wants about this much height per step. */
#define AXIS_MIN_SPACING   28.0
/* Narrower slots than this leave the values off the points: they would collide. */
#define VALUE_LABEL_MIN    40.0
#define POINT_RADIUS       4.0

void
opora_trend_chart_layout (double                 width,
                          double                 height,
                          guint                  n,
                          OporaTrendChartLayout *layout)
{
  double title_h, periods_h, axis_w, top;

  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  width = MAX (width, 1);
  height = MAX (height, 1);
  title_h = MIN (28, height * 0.12);
  periods_h = MIN (34, height * 0.15);
  axis_w = MIN (48, width * 0.12);
  top = PAD + title_h + PAD;

  layout->title = (OporaChartRect) { PAD, PAD, MAX (width - 2 * PAD, 1), title_h };
  layout->plot = (OporaChartRect) { PAD + axis_w, top,
                                    MAX (width - 2 * PAD - axis_w - 4, 1),
                                    MAX (height - top - periods_h - PAD, 1) };
  layout->axis = (OporaChartRect) { PAD, top, axis_w - 6, layout->plot.height };
  layout->periods = (OporaChartRect) { layout->plot.x, layout->plot.y + layout->plot.height,
                                       layout->plot.width, periods_h };
  layout->slot_width = layout->plot.width / MAX (n, 1);
}

double
opora_trend_chart_point_x (const OporaTrendChartLayout *layout,
                           guint                        index)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->plot.x + (index + 0.5) * layout->slot_width;
}

int
opora_trend_chart_hit (double width,
                       double height,
                       guint  n,
                       double x,
                       double y)
{
  OporaTrendChartLayout layout;
  OporaChartRect column;
  int index;

  if (n == 0)
    return -1;
  opora_trend_chart_layout (width, height, n, &layout);
  /* A column runs from the plot's top down through its period's label. */
  column = (OporaChartRect) { layout.plot.x, layout.plot.y, layout.plot.width,
                              layout.plot.height + layout.periods.height };
  if (!opora_chart_rect_contains (&column, x, y))
    return -1;
  index = (int) floor ((x - layout.plot.x) / layout.slot_width);
  return CLAMP (index, 0, (int) n - 1);
}

char *
opora_trend_chart_format_period (const char *from,
                                 const char *to)
{
  /* TRANSLATORS: quarters of a year as a period's name, %d is the year */
  const char *quarters[] = { C_("quarter", "Q1 %d"), C_("quarter", "Q2 %d"),
                             C_("quarter", "Q3 %d"), C_("quarter", "Q4 %d") };
  GDate from_date, to_date;
  int year;

  if (from == NULL || to == NULL
      || !opora_date_parse (from, &from_date, NULL) || !opora_date_parse (to, &to_date, NULL))
    return g_strdup (from != NULL ? from : "");

  year = g_date_get_year (&from_date);
  for (int quarter = 1; quarter <= 4; quarter++)
    {
      GDate first, last;

      opora_date_quarter_bounds (year, quarter, &first, &last);
      if (g_date_compare (&first, &from_date) == 0 && g_date_compare (&last, &to_date) == 0)
        return g_strdup_printf (quarters[quarter - 1], year);
    }
  if (g_date_get_day_of_year (&from_date) == 1 && g_date_get_year (&to_date) == year
      && g_date_get_month (&to_date) == G_DATE_DECEMBER && g_date_get_day (&to_date) == 31)
    return g_strdup_printf ("%d", year);
  return opora_chart_format_period (from, to);
}

static double
value_y (const OporaTrendChartLayout *layout,
         double                       scale_max,
         double                       value)
{
  return layout->plot.y + layout->plot.height * (1 - CLAMP (value / scale_max, 0.0, 1.0));
}

static void
draw_axis (cairo_t                     *cr,
           const OporaTrendChartLayout *layout,
           OporaIndicatorKind           kind,
           double                       scale_max,
           double                       scale_step,
           const OporaChartStyle       *style,
           double                       size)
{
  int n_steps = (int) lround (scale_max / scale_step);

  cairo_set_line_width (cr, 1.0);
  for (int i = 0; i <= n_steps; i++)
    {
      double value = i * scale_step;
      double y = round (value_y (layout, scale_max, value)) + 0.5;
      g_autofree char *text = kind == OPORA_INDICATOR_KIND_SHARE
                              ? g_strdup_printf ("%d %%", (int) lround (value * 100))
                              : g_strdup_printf ("%ld", lround (value));
      OporaChartRect box = { layout->axis.x, y - size, layout->axis.width, 2 * size };

      opora_chart_set_color (cr, &style->foreground, i == 0 ? 0.6 : 0.12);
      cairo_move_to (cr, layout->plot.x, y);
      cairo_line_to (cr, layout->plot.x + layout->plot.width, y);
      cairo_stroke (cr);
      opora_chart_draw_text (cr, style, &box, text, size, PANGO_WEIGHT_NORMAL,
                             PANGO_ALIGN_RIGHT, 1, 0.5, &style->foreground, 0.7);
    }
}

/* One horizontal piece per period, joined where the target stays the same: a single
 * line while the head of department has not changed it. */
static void
draw_targets (cairo_t                            *cr,
              const OporaTrendChartLayout        *layout,
              const OporaIndicatorResult * const *points,
              guint                               n,
              double                              scale_max,
              const OporaChartStyle              *style)
{
  static const double dash[] = { 6, 4 };
  gboolean open = FALSE;

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_line_width (cr, 1.5);
  opora_chart_set_color (cr, &style->foreground, 0.9);
  for (guint i = 0; i < n; i++)
    {
      double x0 = layout->plot.x + i * layout->slot_width;
      double y;

      if (!opora_indicator_result_has_target (points[i]))
        {
          open = FALSE;
          continue;
        }
      y = value_y (layout, scale_max, opora_indicator_result_get_target (points[i]));
      if (open)
        cairo_line_to (cr, x0, y);
      else
        cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x0 + layout->slot_width, y);
      open = TRUE;
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_values (cairo_t                            *cr,
             const OporaTrendChartLayout        *layout,
             const OporaIndicatorResult * const *points,
             guint                               n,
             double                              scale_max,
             const OporaChartStyle              *style,
             double                              size)
{
  gboolean open = FALSE;
  double value;

  /* The line breaks at a period without data rather than pretend it was 0. */
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  opora_chart_set_color (cr, &style->accent, 1.0);
  for (guint i = 0; i < n; i++)
    {
      if (!opora_indicator_result_get_value (points[i], &value))
        {
          open = FALSE;
          continue;
        }
      if (open)
        cairo_line_to (cr, opora_trend_chart_point_x (layout, i),
                       value_y (layout, scale_max, value));
      else
        cairo_move_to (cr, opora_trend_chart_point_x (layout, i),
                       value_y (layout, scale_max, value));
      open = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double x = opora_trend_chart_point_x (layout, i), y;
      OporaChartRect box;

      if (!opora_indicator_result_get_value (points[i], &value))
        {
          box = (OporaChartRect) { x - layout->slot_width / 2,
                                   layout->plot.y + layout->plot.height - 2.4 * size,
                                   layout->slot_width, 2 * size };
          opora_chart_draw_text (cr, style, &box, C_("indicator value", "no data"), size,
                                 PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 1, 0.5,
                                 &style->foreground, 0.6);
          continue;
        }

      y = value_y (layout, scale_max, value);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, POINT_RADIUS, 0, 2 * G_PI);
      if (opora_indicator_result_get_status (points[i]) == OPORA_INDICATOR_STATUS_NOT_MET)
        opora_chart_set_color (cr, &style->background, style->background.alpha > 0 ? 1 : 0);
      else
        opora_chart_set_color (cr, &style->accent, 1.0);
      cairo_fill_preserve (cr);
      opora_chart_set_color (cr, &style->accent, 1.0);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);

      if (layout->slot_width >= VALUE_LABEL_MIN)
        {
          g_autofree char *text = opora_indicator_result_format_value (points[i]);

          box = (OporaChartRect) { x - layout->slot_width / 2, y - POINT_RADIUS - 2.2 * size,
                                   layout->slot_width, 2 * size };
          opora_chart_draw_text (cr, style, &box, text, size, PANGO_WEIGHT_BOLD,
                                 PANGO_ALIGN_CENTER, 1, 1.0, &style->foreground, 1.0);
        }
    }
}

/* The title, and on its right the key to the dashed line: "- - target ≥ 60 %". */
static void
draw_title (cairo_t                            *cr,
            const OporaTrendChartLayout        *layout,
            const OporaIndicatorResult * const *points,
            guint                               n,
            const OporaChartStyle              *style,
            double                              size)
{
  static const double dash[] = { 6, 4 };
  const OporaIndicatorDef *def;
  g_autofree char *target = NULL;
  g_autofree char *key = NULL;
  OporaChartRect box = layout->title;
  double used;

  if (n == 0)
    return;
  target = opora_indicator_result_format_target (points[n - 1]);
  if (target != NULL)
    {
      /* TRANSLATORS: the key to the dashed target line of a trend chart */
      key = g_strdup_printf (C_("trend chart", "target %s"), target);
      used = opora_chart_draw_text (cr, style, &box, key, size * 0.85, PANGO_WEIGHT_NORMAL,
                                    PANGO_ALIGN_RIGHT, 1, 0.5, &style->foreground, 0.8);
      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_set_line_width (cr, 1.5);
      opora_chart_set_color (cr, &style->foreground, 0.9);
      cairo_move_to (cr, box.x + box.width - used - 6 - 22, box.y + box.height / 2);
      cairo_line_to (cr, box.x + box.width - used - 6, box.y + box.height / 2);
      cairo_stroke (cr);
      cairo_restore (cr);
      box.width -= used + 40;
    }
  def = opora_indicator_catalogue_get (opora_indicator_result_get_id (points[0]));
  opora_chart_draw_text (cr, style, &box,
                         def != NULL ? opora_indicator_def_get_title (def)
                                     : opora_indicator_result_get_id (points[0]),
                         size, PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, 0.5,
                         &style->foreground, 1.0);
}

void
opora_trend_chart_draw (cairo_t                            *cr,
                        double                              width,
                        double                              height,
                        const OporaIndicatorResult * const *points,
                        guint                               n,
                        const OporaChartStyle              *style)
{
  OporaTrendChartLayout layout;
  OporaIndicatorKind kind = OPORA_INDICATOR_KIND_SHARE;
  double top = 0, scale_max, scale_step, size;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n == 0);

  if (style == NULL)
    style = opora_chart_style_get_default ();
  size = opora_chart_font_size (style);
  opora_trend_chart_layout (width, height, n, &layout);

  for (guint i = 0; i < n; i++)
    {
      double value;

      kind = opora_indicator_result_get_kind (points[i]);
      if (opora_indicator_result_get_value (points[i], &value))
        top = MAX (top, value);
      if (opora_indicator_result_has_target (points[i]))
        top = MAX (top, opora_indicator_result_get_target (points[i]));
    }
  opora_chart_choose_scale (kind, top, layout.plot.height / AXIS_MIN_SPACING,
                            &scale_max, &scale_step);

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      opora_chart_set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  draw_title (cr, &layout, points, n, style, size);
  draw_axis (cr, &layout, kind, scale_max, scale_step, style, size * 0.75);
  if (n == 0)
    opora_chart_draw_text (cr, style, &layout.plot, C_("indicator value", "no data"), size,
                           PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 1, 0.5,
                           &style->foreground, 0.6);
  draw_targets (cr, &layout, points, n, scale_max, style);
  draw_values (cr, &layout, points, n, scale_max, style, size * 0.8);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = opora_trend_chart_format_period (
        opora_indicator_result_get_from (points[i]), opora_indicator_result_get_to (points[i]));
      OporaChartRect box = { layout.plot.x + i * layout.slot_width, layout.periods.y + 4,
                             layout.slot_width, layout.periods.height - 4 };

      opora_chart_draw_text (cr, style, &box, text, size * 0.8, PANGO_WEIGHT_NORMAL,
                             PANGO_ALIGN_CENTER, 2, 0, &style->foreground, 0.8);
    }
  cairo_restore (cr);
}
