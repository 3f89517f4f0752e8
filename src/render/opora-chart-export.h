/* Charts written to files: any drawing to a one-page PDF or a PNG, and the report of a list
 * of indicator results — title, period, bullet charts by technology — to A4 PDF pages or
 * one PNG. The same render calls as on screen: what the director sees is what is printed. */
#pragma once

#include <cairo.h>

#include "opora-chart-style.h"
#include "opora-indicator.h"

G_BEGIN_DECLS

/* A4 in PostScript points. */
#define OPORA_A4_WIDTH_PT  595.2756
#define OPORA_A4_HEIGHT_PT 841.8898

typedef void (*OporaChartDrawFunc) (cairo_t  *cr,
                                    double    width,
                                    double    height,
                                    gpointer  user_data);

/* One page of @width_pt × @height_pt points drawn by @draw. On failure sets
 * OPORA_ERROR_READ_ONLY or OPORA_ERROR_IO and may leave a partial file. */
gboolean opora_chart_export_pdf_func     (const char                         *path,
                                          const char                         *title,
                                          double                              width_pt,
                                          double                              height_pt,
                                          OporaChartDrawFunc                  draw,
                                          gpointer                            user_data,
                                          GError                            **error);
/* A @width × @height pixel PNG drawn by @draw on white. */
gboolean opora_chart_export_png_func     (const char                         *path,
                                          int                                 width,
                                          int                                 height,
                                          OporaChartDrawFunc                  draw,
                                          gpointer                            user_data,
                                          GError                            **error);

/* A report page of @results: @title (NULL: "Effectiveness of technologies"), the period
 * line, then the bullet charts, a heading per technology. @style NULL: the print style. */
void     opora_chart_export_draw_report  (cairo_t                            *cr,
                                          double                              width,
                                          double                              height,
                                          const char                         *title,
                                          const OporaIndicatorResult * const *results,
                                          guint                               n,
                                          const OporaChartStyle              *style);
/* The report on as many A4 pages as it needs, numbered, each technology's charts kept
 * together where a page can hold them. */
gboolean opora_chart_export_results_pdf  (const char                         *path,
                                          const char                         *title,
                                          const OporaIndicatorResult * const *results,
                                          guint                               n,
                                          const OporaChartStyle              *style,
                                          GError                            **error);
/* The report on one @width × @height PNG; the rows shrink to fit. */
gboolean opora_chart_export_results_png  (const char                         *path,
                                          int                                 width,
                                          int                                 height,
                                          const char                         *title,
                                          const OporaIndicatorResult * const *results,
                                          guint                               n,
                                          const OporaChartStyle              *style,
                                          GError                            **error);

G_END_DECLS
