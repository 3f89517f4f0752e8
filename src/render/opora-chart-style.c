#define G_LOG_DOMAIN "opora-chart-style"

#include <math.h>

#include "opora-chart-private.h"
#include "opora-date.h"

/* Pango's default resolution turns points into pixels at 96 dpi. */
#define PIXELS_PER_POINT (96.0 / 72.0)
/* A line of text takes this many times its font size. */
#define LINE_SPACING 1.25

const OporaChartStyle *
opora_chart_style_get_default (void)
{
  static OporaChartStyle style = {
    .foreground = { 0.10, 0.10, 0.10, 1.0 },
    .background = { 1.00, 1.00, 1.00, 1.0 },
    .accent     = { 0.17, 0.24, 0.31, 1.0 },
    .band_poor  = { 0.74, 0.74, 0.74, 1.0 },
    .band_fair  = { 0.84, 0.84, 0.84, 1.0 },
    .band_good  = { 0.93, 0.93, 0.93, 1.0 },
    .met        = { 0.13, 0.49, 0.20, 1.0 },
    .not_met    = { 0.75, 0.16, 0.16, 1.0 },
    .font       = NULL,
  };

  if (g_once_init_enter (&style.font))
    {
      PangoFontDescription *font = pango_font_description_from_string ("Sans");

      /* Absolute: 11 units are 11 pt on paper and 11 px on an image, whatever the
       * resolution of the surface's Pango context. */
      pango_font_description_set_absolute_size (font, 11 * PANGO_SCALE);
      g_once_init_leave (&style.font, font);
    }
  return &style;
}

gboolean
opora_chart_rect_contains (const OporaChartRect *rect,
                           double                x,
                           double                y)
{
  g_return_val_if_fail (rect != NULL, FALSE);

  return x >= rect->x && x < rect->x + rect->width
         && y >= rect->y && y < rect->y + rect->height;
}

void
opora_chart_set_color (cairo_t               *cr,
                       const OporaChartColor *color,
                       double                 alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

double
opora_chart_font_size (const OporaChartStyle *style)
{
  double size;

  if (style->font == NULL || pango_font_description_get_size (style->font) <= 0)
    return 11;
  size = (double) pango_font_description_get_size (style->font) / PANGO_SCALE;
  return pango_font_description_get_size_is_absolute (style->font)
         ? size : size * PIXELS_PER_POINT;
}

PangoLayout *
opora_chart_layout_new (cairo_t               *cr,
                        const OporaChartStyle *style,
                        const char            *text,
                        double                 size,
                        PangoWeight            weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font;

  font = style->font != NULL ? pango_font_description_copy (style->font)
                             : pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

double
opora_chart_draw_text (cairo_t               *cr,
                       const OporaChartStyle *style,
                       const OporaChartRect  *rect,
                       const char            *text,
                       double                 size,
                       PangoWeight            weight,
                       PangoAlignment         align,
                       int                    max_lines,
                       double                 valign,
                       const OporaChartColor *color,
                       double                 alpha)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  int lines_fit;

  if (text == NULL || *text == '\0' || rect->width <= 1 || rect->height <= 1)
    return 0;

  lines_fit = (int) floor (rect->height / (size * LINE_SPACING));
  if (lines_fit < 1)
    {
      size = rect->height / LINE_SPACING;
      lines_fit = 1;
    }
  max_lines = CLAMP (max_lines, 1, lines_fit);

  layout = opora_chart_layout_new (cr, style, text, size, weight);
  pango_layout_set_width (layout, (int) (rect->width * PANGO_SCALE));
  pango_layout_set_alignment (layout, align);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (max_lines > 1)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -max_lines);
    }
  pango_layout_get_extents (layout, NULL, &logical);

  cairo_save (cr);
  opora_chart_set_color (cr, color, alpha);
  cairo_move_to (cr, rect->x,
                 rect->y + (rect->height - (double) logical.height / PANGO_SCALE) * valign);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  return (double) logical.width / PANGO_SCALE;
}

char *
opora_chart_format_period (const char *from,
                           const char *to)
{
  g_autofree char *from_text = opora_date_iso_to_display (from);
  g_autofree char *to_text = opora_date_iso_to_display (to);

  if (from_text == NULL || to_text == NULL)
    return NULL;
  return g_strdup_printf ("%s – %s", from_text, to_text);
}

void
opora_chart_choose_scale (OporaIndicatorKind  kind,
                          double              top,
                          double              room,
                          double             *scale_max,
                          double             *scale_step)
{
  static const double share_steps[] = { 0.2, 0.5, 1.0 };
  static const double count_multiples[] = { 1, 2, 5 };
  double max_steps = MAX (1, floor (room));
  double step = 1;

  if (kind == OPORA_INDICATOR_KIND_SHARE)
    {
      top = MAX (top, 1.0);
      for (guint i = 0; i < G_N_ELEMENTS (share_steps); i++)
        if (ceil (top / (step = share_steps[i]) - 1e-9) <= max_steps)
          break;
    }
  else
    {
      /* Room above the highest value, so a bar at the top still shows where it ends. */
      top = MAX (top * 1.2, 5.0);
      for (double magnitude = 1; ceil (top / step - 1e-9) > max_steps; magnitude *= 10)
        for (guint i = 0; i < G_N_ELEMENTS (count_multiples); i++)
          if (ceil (top / (step = count_multiples[i] * magnitude) - 1e-9) <= max_steps)
            break;
    }
  *scale_step = step;
  *scale_max = ceil (top / step - 1e-9) * step;
}
