#define G_LOG_DOMAIN "opora-bullet-chart"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "opora-bullet-chart.h"
#include "opora-chart-private.h"
#include "opora-indicator-catalogue.h"

/* Narrower than this, the title goes above the scale: beside it, it would leave the
 * scale too short to read. */
#define TITLE_LEFT_MIN_WIDTH 420.0
/* The scale's numbers want about this much room each. */
#define TICK_MIN_SPACING     44.0
#define HPAD                 8.0
#define LIST_HEADING_HEIGHT  36.0
#define HATCH_SPACING        3.5

static double
scale_x (const OporaBulletChartLayout *layout,
         double                        value)
{
  return layout->track.x + layout->track.width * CLAMP (value / layout->scale_max, 0.0, 1.0);
}

void
opora_bullet_chart_layout (double                       width,
                           double                       height,
                           const OporaIndicatorResult  *result,
                           OporaBulletChartLayout      *layout)
{
  double pad, hpad, cx, cy, cw, ch, track_h, value = 0, target, top;
  gboolean has_value;

  g_return_if_fail (result != NULL);
  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  width = MAX (width, 1);
  height = MAX (height, 1);
  pad = CLAMP (height * 0.06, 2, 8);
  hpad = MIN (HPAD, width * 0.02);

  if (width >= TITLE_LEFT_MIN_WIDTH)
    {
      double title_w = CLAMP (width * 0.32, 110, 300);

      cx = title_w;
      cy = pad;
      cw = width - title_w - hpad;
      ch = height - 2 * pad;
      /* The whole height, from the track's top down: a long title wraps rather than
       * lose its end, and a short one stands level with the bar. */
      layout->title = (OporaChartRect) { hpad, cy, title_w - 2 * hpad, ch };
    }
  else
    {
      double title_h = (height - 2 * pad) * 0.26;

      layout->title_above = TRUE;
      layout->title = (OporaChartRect) { hpad, pad, width - 2 * hpad, title_h };
      cx = hpad;
      cy = pad + title_h + pad / 2;
      cw = width - 2 * hpad;
      ch = height - cy - pad;
    }
  cw = MAX (cw, 1);
  ch = MAX (ch, 1);

  track_h = ch * 0.42;
  layout->mark = (OporaChartRect) { cx + cw - track_h, cy, track_h, track_h };
  layout->track = (OporaChartRect) { cx, cy, MAX (cw - track_h * 1.3, 1), track_h };
  layout->ticks = (OporaChartRect) { cx, cy + track_h, layout->track.width, ch * 0.22 };
  layout->label = (OporaChartRect) { cx, cy + track_h + ch * 0.22, cw, ch * 0.36 };

  has_value = opora_indicator_result_get_value (result, &value);
  layout->has_target = opora_indicator_result_has_target (result);
  target = opora_indicator_result_get_target (result);
  top = MAX (has_value ? value : 0, layout->has_target ? target : 0);
  opora_chart_choose_scale (opora_indicator_result_get_kind (result), top,
                            layout->track.width / TICK_MIN_SPACING,
                            &layout->scale_max, &layout->scale_step);

  layout->bar = (OporaChartRect) { layout->track.x, layout->track.y + track_h / 3,
                                   has_value ? scale_x (layout, value) - layout->track.x : 0,
                                   track_h / 3 };
  if (layout->has_target)
    {
      layout->target_x = scale_x (layout, target);
      layout->target_top = layout->track.y + track_h * 0.15;
      layout->target_bottom = layout->track.y + track_h * 0.85;
      /* At least 2 units wide, so the pixel column under target_x is wholly covered. */
      layout->target_width = MAX (2.0, track_h * 0.09);
    }
}

static void
fill_span (cairo_t                      *cr,
           const OporaBulletChartLayout *layout,
           double                        from,
           double                        to,
           const OporaChartColor        *color,
           double                        alpha)
{
  double x0 = scale_x (layout, from), x1 = scale_x (layout, to);

  if (x1 <= x0)
    return;
  opora_chart_set_color (cr, color, alpha);
  cairo_rectangle (cr, x0, layout->track.y, x1 - x0, layout->track.height);
  cairo_fill (cr);
}

static void
draw_bands (cairo_t                      *cr,
            const OporaBulletChartLayout *layout,
            const OporaIndicatorResult   *result,
            const OporaChartStyle        *style,
            double                        alpha)
{
  double t = opora_indicator_result_get_target (result), max = layout->scale_max;

  if (!layout->has_target)
    fill_span (cr, layout, 0, max, &style->band_good, alpha);
  else if (opora_indicator_result_get_direction (result) == OPORA_INDICATOR_AT_MOST)
    {
      fill_span (cr, layout, 0, t, &style->band_good, alpha);
      fill_span (cr, layout, t, MIN (1.5 * t, max), &style->band_fair, alpha);
      fill_span (cr, layout, MIN (1.5 * t, max), max, &style->band_poor, alpha);
    }
  else
    {
      fill_span (cr, layout, 0, t / 2, &style->band_poor, alpha);
      fill_span (cr, layout, t / 2, t, &style->band_fair, alpha);
      fill_span (cr, layout, t, max, &style->band_good, alpha);
    }
}

/* Solid when the target is met (or there is none to miss); hollow and hatched when not,
 * so a grey print or a colour-blind reader still tells them apart. */
static void
draw_bar (cairo_t                      *cr,
          const OporaBulletChartLayout *layout,
          OporaIndicatorStatus          status,
          const OporaChartStyle        *style)
{
  const OporaChartRect *bar = &layout->bar;

  if (status == OPORA_INDICATOR_STATUS_NO_DATA || bar->width <= 0)
    return;

  opora_chart_set_color (cr, &style->accent, 1.0);
  if (status != OPORA_INDICATOR_STATUS_NOT_MET)
    {
      cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
      cairo_fill (cr);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1.3);
  for (double x = bar->x - bar->height; x < bar->x + bar->width; x += HATCH_SPACING)
    {
      cairo_move_to (cr, x, bar->y + bar->height);
      cairo_line_to (cr, x + bar->height, bar->y);
    }
  cairo_stroke (cr);
  cairo_set_line_width (cr, 2.0); /* half of it is clipped: a 1-unit edge inside the bar */
  cairo_rectangle (cr, bar->x, bar->y, bar->width, bar->height);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
format_tick (OporaIndicatorKind kind,
             double             value)
{
  if (kind == OPORA_INDICATOR_KIND_SHARE)
    return g_strdup_printf ("%d %%", (int) lround (value * 100));
  return g_strdup_printf ("%ld", lround (value));
}

static void
draw_ticks (cairo_t                      *cr,
            const OporaBulletChartLayout *layout,
            const OporaIndicatorResult   *result,
            const OporaChartStyle        *style,
            double                        size)
{
  OporaIndicatorKind kind = opora_indicator_result_get_kind (result);
  const OporaChartRect *ticks = &layout->ticks;
  int n_steps = (int) lround (layout->scale_max / layout->scale_step);
  double tick_len = MIN (3.0, ticks->height * 0.2);
  /* Rows squeezed onto one page leave the numbers too small to read in the middle:
   * the ends still give the scale. */
  gboolean ends_only = ticks->height - tick_len < 8.5;

  for (int i = 0; i <= n_steps; i++)
    {
      double value = i * layout->scale_step, x = scale_x (layout, value);
      g_autofree char *text = format_tick (kind, value);
      double half = layout->scale_step / layout->scale_max * ticks->width / 2;
      OporaChartRect box = { x - half, ticks->y + tick_len, 2 * half,
                             ticks->height - tick_len };
      PangoAlignment align = PANGO_ALIGN_CENTER;

      /* The end numbers keep inside the track rather than hang over its ends. */
      if (i == 0)
        {
          box.x = x;
          align = PANGO_ALIGN_LEFT;
        }
      else if (i == n_steps)
        {
          box.x = x - box.width;
          align = PANGO_ALIGN_RIGHT;
        }

      opora_chart_set_color (cr, &style->foreground, 0.55);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, x, ticks->y);
      cairo_line_to (cr, x, ticks->y + tick_len);
      cairo_stroke (cr);
      if (!ends_only || i == 0 || i == n_steps)
        opora_chart_draw_text (cr, style, &box, text, size, PANGO_WEIGHT_NORMAL, align, 1, 0,
                               &style->foreground, 0.7);
    }
}

static void
draw_mark (cairo_t                      *cr,
           const OporaBulletChartLayout *layout,
           OporaIndicatorStatus          status,
           const OporaChartStyle        *style,
           double                        size)
{
  const char *glyph;
  const OporaChartColor *color;

  switch (status)
    {
    case OPORA_INDICATOR_STATUS_MET:
      glyph = "✓";
      color = &style->met;
      break;
    case OPORA_INDICATOR_STATUS_NOT_MET:
      glyph = "✗";
      color = &style->not_met;
      break;
    case OPORA_INDICATOR_STATUS_NO_DATA:
      glyph = "–";
      color = &style->foreground;
      break;
    case OPORA_INDICATOR_STATUS_NO_TARGET:
    default:
      return;
    }
  opora_chart_draw_text (cr, style, &layout->mark, glyph, MIN (size * 1.6, layout->mark.height),
                         PANGO_WEIGHT_BOLD, PANGO_ALIGN_CENTER, 1, 0.5, color, 1.0);
}

static void
draw_label (cairo_t                      *cr,
            const OporaBulletChartLayout *layout,
            const OporaIndicatorResult   *result,
            OporaIndicatorStatus          status,
            const OporaChartStyle        *style,
            double                        size)
{
  g_autofree char *label = opora_indicator_result_format_label (result);
  OporaChartRect box = layout->label;

  /* The words carry met / not met for those who do not see the colour or the glyph. */
  if (status == OPORA_INDICATOR_STATUS_MET || status == OPORA_INDICATOR_STATUS_NOT_MET)
    {
      const OporaChartColor *color = status == OPORA_INDICATOR_STATUS_MET ? &style->met
                                                                           : &style->not_met;
      double used = opora_chart_draw_text (cr, style, &box,
                                           opora_indicator_status_display_name (status),
                                           size, PANGO_WEIGHT_BOLD, PANGO_ALIGN_RIGHT, 1, 0.5,
                                           color, 1.0);
      box.width -= used + size;
    }
  opora_chart_draw_text (cr, style, &box, label, size, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_LEFT,
                         1, 0.5, &style->foreground, 1.0);
}

static const char *
result_title (const OporaIndicatorResult *result)
{
  const char *id = opora_indicator_result_get_id (result);
  const OporaIndicatorDef *def = opora_indicator_catalogue_get (id);

  return def != NULL ? opora_indicator_def_get_title (def) : id;
}

void
opora_bullet_chart_draw (cairo_t                    *cr,
                         double                      width,
                         double                      height,
                         const OporaIndicatorResult *result,
                         const OporaChartStyle      *style)
{
  OporaBulletChartLayout layout;
  OporaIndicatorStatus status;
  double size;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (result != NULL);

  if (style == NULL)
    style = opora_chart_style_get_default ();
  opora_bullet_chart_layout (width, height, result, &layout);
  status = opora_indicator_result_get_status (result);
  size = opora_chart_font_size (style);

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      opora_chart_set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  opora_chart_draw_text (cr, style, &layout.title, result_title (result), size * 0.95,
                         PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, layout.title_above ? 2 : 4,
                         layout.title_above ? 1.0 : 0.0, &style->foreground, 1.0);

  /* Without data the bands fade and the track says so: an empty bar is not 0 %. */
  draw_bands (cr, &layout, result, style, status == OPORA_INDICATOR_STATUS_NO_DATA ? 0.45 : 1.0);
  if (status == OPORA_INDICATOR_STATUS_NO_DATA)
    opora_chart_draw_text (cr, style, &layout.track, C_("indicator value", "no data"),
                           size * 0.85, PANGO_WEIGHT_NORMAL, PANGO_ALIGN_CENTER, 1, 0.5,
                           &style->foreground, 0.7);
  draw_bar (cr, &layout, status, style);

  if (layout.has_target)
    {
      opora_chart_set_color (cr, &style->foreground, 1.0);
      cairo_rectangle (cr, layout.target_x - layout.target_width / 2, layout.target_top,
                       layout.target_width, layout.target_bottom - layout.target_top);
      cairo_fill (cr);
    }

  draw_ticks (cr, &layout, result, style, size * 0.75);
  draw_mark (cr, &layout, status, style, size);
  draw_label (cr, &layout, result, status, style, size * 0.95);
  cairo_restore (cr);
}

static void
list_geometry (double  height,
               guint   n,
               double *heading_h,
               double *row_h)
{
  *heading_h = MIN (LIST_HEADING_HEIGHT, height * 0.2);
  *row_h = n > 0 ? CLAMP ((height - *heading_h) / n, 0, OPORA_BULLET_CHART_ROW_MAX) : 0;
}

double
opora_bullet_chart_list_natural_height (guint n)
{
  return LIST_HEADING_HEIGHT + n * OPORA_BULLET_CHART_ROW_NATURAL;
}

void
opora_bullet_chart_list_heading (double          width,
                                 double          height,
                                 guint           n,
                                 OporaChartRect *heading)
{
  double heading_h, row_h;

  g_return_if_fail (heading != NULL);

  list_geometry (height, n, &heading_h, &row_h);
  *heading = (OporaChartRect) { 0, 0, width, heading_h };
}

gboolean
opora_bullet_chart_list_row (double          width,
                             double          height,
                             guint           n,
                             guint           index,
                             OporaChartRect *row)
{
  double heading_h, row_h;

  g_return_val_if_fail (row != NULL, FALSE);

  if (index >= n)
    return FALSE;
  list_geometry (height, n, &heading_h, &row_h);
  *row = (OporaChartRect) { 0, heading_h + index * row_h, width, row_h };
  return TRUE;
}

int
opora_bullet_chart_list_hit (double width,
                             double height,
                             guint  n,
                             double x,
                             double y)
{
  for (guint i = 0; i < n; i++)
    {
      OporaChartRect row;

      opora_bullet_chart_list_row (width, height, n, i, &row);
      if (opora_chart_rect_contains (&row, x, y))
        return (int) i;
    }
  return -1;
}

/* The technology's name when every result belongs to the same one. */
static const char *
list_heading_text (const OporaIndicatorResult * const *results,
                   guint                               n)
{
  OporaTechnology technology = OPORA_TECHNOLOGY_NONE;

  for (guint i = 0; i < n; i++)
    {
      const OporaIndicatorDef *def = opora_indicator_catalogue_get (
        opora_indicator_result_get_id (results[i]));

      if (def == NULL || (i > 0 && def->technology != technology))
        return C_("chart heading", "Indicators");
      technology = def->technology;
    }
  if (technology == OPORA_TECHNOLOGY_NONE)
    return C_("chart heading", "Indicators");
  return opora_technology_display_name (technology);
}

/* The period when every result shares it. */
static char *
list_period_text (const OporaIndicatorResult * const *results,
                  guint                               n)
{
  const char *from, *to;

  if (n == 0)
    return NULL;
  from = opora_indicator_result_get_from (results[0]);
  to = opora_indicator_result_get_to (results[0]);
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (from, opora_indicator_result_get_from (results[i])) != 0
        || g_strcmp0 (to, opora_indicator_result_get_to (results[i])) != 0)
      return NULL;
  return opora_chart_format_period (from, to);
}

void
opora_bullet_chart_draw_list (cairo_t                            *cr,
                              double                              width,
                              double                              height,
                              const OporaIndicatorResult * const *results,
                              guint                               n,
                              const OporaChartStyle              *style)
{
  g_autofree char *period = NULL;
  OporaChartRect heading, text_box;
  double size, used;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (results != NULL || n == 0);

  if (style == NULL)
    style = opora_chart_style_get_default ();
  size = opora_chart_font_size (style);

  cairo_save (cr);
  if (style->background.alpha > 0)
    {
      opora_chart_set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  opora_bullet_chart_list_heading (width, height, n, &heading);
  text_box = (OporaChartRect) { 8, heading.y, heading.width - 16, heading.height - 4 };
  period = list_period_text (results, n);
  used = opora_chart_draw_text (cr, style, &text_box, period, size * 0.9, PANGO_WEIGHT_NORMAL,
                                PANGO_ALIGN_RIGHT, 1, 0.5, &style->foreground, 0.7);
  text_box.width -= used > 0 ? used + size : 0;
  opora_chart_draw_text (cr, style, &text_box, list_heading_text (results, n), size * 1.3,
                         PANGO_WEIGHT_BOLD, PANGO_ALIGN_LEFT, 1, 0.5, &style->foreground, 1.0);
  opora_chart_set_color (cr, &style->foreground, 0.6);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 8, heading.y + heading.height - 0.5);
  cairo_line_to (cr, width - 8, heading.y + heading.height - 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      OporaChartRect row;
      OporaChartStyle row_style = *style;

      opora_bullet_chart_list_row (width, height, n, i, &row);
      if (i > 0)
        {
          opora_chart_set_color (cr, &style->foreground, 0.15);
          cairo_move_to (cr, 8, row.y + 0.5);
          cairo_line_to (cr, width - 8, row.y + 0.5);
          cairo_stroke (cr);
        }
      row_style.background.alpha = 0; /* painted once, above */
      cairo_save (cr);
      cairo_translate (cr, row.x, row.y);
      opora_bullet_chart_draw (cr, row.width, row.height, results[i], &row_style);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}
