/* The drill-down of one indicator (расшифровка показателя): the figure for its period,
 * what its numerator and denominator count, and the people (or groups, organisations,
 * contracts) behind the denominator, each marked counted or not — in words and a sign,
 * not by colour alone. A row that is a person, or leads to one, opens the person's page.
 * The list follows the database: fixing missing data elsewhere updates it. */
#pragma once

#include <adwaita.h>

#include "opora-indicator.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_INDICATOR_DRILLDOWN (opora_indicator_drilldown_get_type ())
G_DECLARE_FINAL_TYPE (OporaIndicatorDrilldown, opora_indicator_drilldown,
                      OPORA, INDICATOR_DRILLDOWN, AdwWindow)

/* The drill-down of the indicator @id over [@from, @to] (ISO dates). */
GtkWidget  *opora_indicator_drilldown_new          (OporaStore              *store,
                                                    const char              *id,
                                                    const char              *from,
                                                    const char              *to);
/* Shows the drill-down of @result's indicator and period, modal over @from's window. */
GtkWindow  *opora_indicator_drilldown_present      (GtkWidget               *from,
                                                    OporaStore              *store,
                                                    const OporaIndicatorResult *result);

/* The result shown in the summary (recomputed as the database changes), or NULL when it
 * could not be computed. */
OporaIndicatorResult *
            opora_indicator_drilldown_get_result   (OporaIndicatorDrilldown *self);
/* The rows: OporaDrilldownItem, not counted first. */
GListModel *opora_indicator_drilldown_get_model    (OporaIndicatorDrilldown *self);
/* What activating row @position does: opens the page of the person it leads to and
 * returns its window, or NULL for a row without a person (a group, an organisation). */
GtkWindow  *opora_indicator_drilldown_open_row     (OporaIndicatorDrilldown *self,
                                                    guint                    position);

G_END_DECLS
