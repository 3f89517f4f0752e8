/* Drawing helpers the charts of src/render/ share; not for use outside it. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "opora-chart-style.h"
#include "opora-indicator.h"

G_BEGIN_DECLS

void   opora_chart_set_color   (cairo_t               *cr,
                                const OporaChartColor *color,
                                double                 alpha);
/* The style font's size in user units (points on a PDF, pixels on an image). */
double opora_chart_font_size   (const OporaChartStyle *style);
/* A layout of @text in the style's family at @size user units. */
PangoLayout *
       opora_chart_layout_new  (cairo_t               *cr,
                                const OporaChartStyle *style,
                                const char            *text,
                                double                 size,
                                PangoWeight            weight);
/* Draws @text inside @rect: at most @size, smaller when even one line would not fit,
 * wrapped to at most @max_lines lines and ellipsized after them; @valign 0 top, 0.5
 * middle, 1 bottom. Returns the width the text took. */
double opora_chart_draw_text   (cairo_t               *cr,
                                const OporaChartStyle *style,
                                const OporaChartRect  *rect,
                                const char            *text,
                                double                 size,
                                PangoWeight            weight,
                                PangoAlignment         align,
                                int                    max_lines,
                                double                 valign,
                                const OporaChartColor *color,
                                double                 alpha);
/* A scale from 0 to *@scale_max in steps of *@scale_step reaching at least @top, with at
 * most @room steps where it can: shares step by 20 %, 50 % or 100 % and never end below
 * 100 %; counts step by 1, 2, 5, 10, 20, 50… */
void   opora_chart_choose_scale  (OporaIndicatorKind     kind,
                                  double                 top,
                                  double                 room,
                                  double                *scale_max,
                                  double                *scale_step);
/* "01.01.2023 – 31.12.2023"; NULL when either date is missing or not ISO. */
char  *opora_chart_format_period (const char          *from,
                                  const char          *to);

G_END_DECLS
