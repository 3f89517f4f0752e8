/* Colours and font the charts draw with. The chart widget fills one from the GTK theme;
 * the default is for paper: dark on white, greys for the qualitative bands. */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha; /* 0–1, as GdkRGBA and cairo have them */
} OporaChartColor;

typedef struct
{
  double x, y, width, height;
} OporaChartRect;

typedef struct
{
  OporaChartColor foreground;  /* text, axes, the target marker */
  OporaChartColor background;  /* painted under the chart; alpha 0 paints nothing */
  OporaChartColor accent;      /* the actual value: the bullet bar, the trend line */
  OporaChartColor band_poor;   /* qualitative bands, darkest to lightest as in Few's */
  OporaChartColor band_fair;   /* bullet graph: the eye finds "good" as the quiet one */
  OporaChartColor band_good;
  OporaChartColor met;         /* the ✓ and its words; never the only sign of it */
  OporaChartColor not_met;     /* the ✗ and its words */
  /* Family, weight and the largest size of the text (a text shrinks to fit its box).
   * Borrowed: it must outlive the drawing call. */
  const PangoFontDescription *font;
} OporaChartStyle;

/* The print style: black text on white, grey bands, a dark slate bar. Static. */
const OporaChartStyle *opora_chart_style_get_default (void);

/* TRUE when (@x, @y) lies inside @rect (left and top edges in, right and bottom out). */
gboolean               opora_chart_rect_contains     (const OporaChartRect *rect,
                                                      double                x,
                                                      double                y);

G_END_DECLS
