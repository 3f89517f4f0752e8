/* The Indicators section (показатели эффективности): a technology's indicators for a
 * reporting period as bullet charts, the quarterly trend of the chosen one with its
 * target, and from any chart the people behind it. The charts are saved as PDF or PNG and
 * printed on A4 with the same drawing as on screen; the head of department changes the
 * targets here. The page follows the database: a change anywhere re-draws the charts.
 * Until a period is chosen it shows the current year, or when that has no data yet the
 * latest of the five years before it with the most indicators that have data. */
#pragma once

#include <gtk/gtk.h>

#include "opora-chart-widget.h"
#include "opora-contract-enums.h"
#include "opora-period-picker.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_INDICATORS_PAGE (opora_indicators_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaIndicatorsPage, opora_indicators_page, OPORA, INDICATORS_PAGE,
                      GtkWidget)

/* How many quarters the trend shows, ending with the quarter of the period's last day. */
#define OPORA_INDICATORS_TREND_QUARTERS 8

GtkWidget         *opora_indicators_page_new             (OporaStore          *store);
OporaStore        *opora_indicators_page_get_store       (OporaIndicatorsPage *self);

/* The technology shown (peer to peer at first), as its switcher button chooses it. */
void               opora_indicators_page_set_technology  (OporaIndicatorsPage *self,
                                                          OporaTechnology      technology);
OporaTechnology    opora_indicators_page_get_technology  (OporaIndicatorsPage *self);

OporaPeriodPicker *opora_indicators_page_get_period_picker (OporaIndicatorsPage *self);
/* The bullet charts (one per indicator, in the catalogue's order) and the trend of the
 * indicator under the bullet charts' cursor. */
OporaChartWidget  *opora_indicators_page_get_chart       (OporaIndicatorsPage *self);
OporaChartWidget  *opora_indicators_page_get_trend       (OporaIndicatorsPage *self);

/* Computes the charts now, if the period, the technology or the database changed since
 * they were computed (the page does it by itself when it is shown). */
void               opora_indicators_page_refresh         (OporaIndicatorsPage *self);

/* What a click on chart @index does: the drill-down window, or NULL out of range. */
GtkWindow         *opora_indicators_page_open_drilldown  (OporaIndicatorsPage *self,
                                                          guint                index);
/* The targets dialog of the technology shown. */
GtkWindow         *opora_indicators_page_open_targets    (OporaIndicatorsPage *self);

/* The charts shown, written to @path: A4 PDF pages, or one PNG image. */
gboolean           opora_indicators_page_export_pdf      (OporaIndicatorsPage *self,
                                                          const char          *path,
                                                          GError             **error);
gboolean           opora_indicators_page_export_png      (OporaIndicatorsPage *self,
                                                          const char          *path,
                                                          GError             **error);
/* Prints the charts on A4 through the system print dialog (@action
 * GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG), or with GTK_PRINT_OPERATION_ACTION_EXPORT
 * into the PDF @export_path without a dialog. */
GtkPrintOperationResult
                   opora_indicators_page_print           (OporaIndicatorsPage     *self,
                                                          GtkPrintOperationAction  action,
                                                          const char              *export_path,
                                                          GError                 **error);

G_END_DECLS
