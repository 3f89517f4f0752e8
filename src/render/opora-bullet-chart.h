/* Bullet chart (Stephen Few's bullet graph) of one indicator: the actual share as a dark
 * bar over qualitative bands, the target as a marker across it, the counts as text.
 *
 * The bands, for an "at least" target T on a scale 0…max:
 *   poor [0, T/2)   fair [T/2, T)   good [T, max]
 * (mirrored for "at most": good [0, T], fair up to 1.5 T, poor beyond); one quiet band
 * without a target. Met and not met differ without colour: a met bar is solid, a bar short
 * of its target is hollow and hatched; a ✓ or ✗ stands at the end of the scale and the
 * words "Target met" / "Target not met" end the counts line. */
#pragma once

#include <cairo.h>

#include "opora-chart-style.h"
#include "opora-indicator.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean       title_above; /* narrow charts put the title above, wide ones on the left */
  OporaChartRect title;
  OporaChartRect track;       /* the scale: 0 at track.x, scale_max at its right edge */
  OporaChartRect bar;         /* the actual value; width 0 without data */
  OporaChartRect ticks;       /* the scale's numbers, under the track */
  OporaChartRect label;       /* the counts line */
  OporaChartRect mark;        /* the ✓ / ✗ right of the track */
  double         scale_max;   /* a share (1.0 = 100 %) or a count */
  double         scale_step;  /* between two numbers of the scale */
  gboolean       has_target;
  double         target_x;    /* the marker's centre line, when there is a target */
  double         target_top;
  double         target_bottom;
  double         target_width;
} OporaBulletChartLayout;

/* The geometry a chart of @width × @height has for @result: the drawing, hit-testing and
 * tests all use these numbers. */
void   opora_bullet_chart_layout        (double                       width,
                                         double                       height,
                                         const OporaIndicatorResult  *result,
                                         OporaBulletChartLayout      *layout);
/* Draws with @style, or the print style when NULL. Leaves @cr's state as it was. */
void   opora_bullet_chart_draw          (cairo_t                     *cr,
                                         double                       width,
                                         double                       height,
                                         const OporaIndicatorResult  *result,
                                         const OporaChartStyle       *style);

/* A page of charts, one row per result under a heading: the technology's name when all
 * results are of one technology ("Indicators" otherwise) and the period when they share
 * one. Rows take the height left, at most OPORA_BULLET_CHART_ROW_MAX each. */
#define OPORA_BULLET_CHART_ROW_NATURAL 84.0
#define OPORA_BULLET_CHART_ROW_MAX     120.0

/* The height that gives @n rows their natural height: what a widget should ask for. */
double opora_bullet_chart_list_natural_height (guint                       n);
/* Where the heading and row @index lie; FALSE when @index is out of range. */
void   opora_bullet_chart_list_heading  (double                       width,
                                         double                       height,
                                         guint                        n,
                                         OporaChartRect              *heading);
gboolean
       opora_bullet_chart_list_row      (double                       width,
                                         double                       height,
                                         guint                        n,
                                         guint                        index,
                                         OporaChartRect              *row);
void   opora_bullet_chart_draw_list     (cairo_t                     *cr,
                                         double                       width,
                                         double                       height,
                                         const OporaIndicatorResult * const *results,
                                         guint                        n,
                                         const OporaChartStyle       *style);
/* The index of the row under (@x, @y), or -1 over the heading, a gap or outside. */
int    opora_bullet_chart_list_hit      (double                       width,
                                         double                       height,
                                         guint                        n,
                                         double                       x,
                                         double                       y);

G_END_DECLS
