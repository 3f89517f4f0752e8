/* Trend chart of one indicator: its value period by period (usually quarter by quarter,
 * «I кв. 2023») as a line with points, the target as a dashed line, a gap wherever a
 * period has no data. A point that meets its target is filled, one that misses it is
 * hollow, so the two differ without colour as in the bullet chart. */
#pragma once

#include <cairo.h>

#include "opora-chart-style.h"
#include "opora-indicator.h"

G_BEGIN_DECLS

typedef struct
{
  OporaChartRect title;
  OporaChartRect plot;       /* the value axis runs from plot bottom (0) to top (scale_max) */
  OporaChartRect axis;       /* the value labels, left of the plot */
  OporaChartRect periods;    /* the period labels, under the plot */
  double         slot_width; /* point i is centred in [plot.x + i·slot, plot.x + (i+1)·slot) */
} OporaTrendChartLayout;

void   opora_trend_chart_layout        (double                              width,
                                        double                              height,
                                        guint                               n,
                                        OporaTrendChartLayout              *layout);
/* The x of point @index's centre. */
double opora_trend_chart_point_x       (const OporaTrendChartLayout        *layout,
                                        guint                               index);
/* @points are one indicator's results in time order. Draws with @style, or the print
 * style when NULL. */
void   opora_trend_chart_draw          (cairo_t                            *cr,
                                        double                              width,
                                        double                              height,
                                        const OporaIndicatorResult * const *points,
                                        guint                               n,
                                        const OporaChartStyle              *style);
/* The index of the period whose column holds (@x, @y), or -1. */
int    opora_trend_chart_hit           (double                              width,
                                        double                              height,
                                        guint                               n,
                                        double                              x,
                                        double                              y);
/* The name of a period: «I кв. 2023» for a quarter, «2023» for a year, else
 * «01.01.2023 – 15.02.2023». */
char  *opora_trend_chart_format_period (const char                         *from,
                                        const char                         *to);

G_END_DECLS
