/* Indicators (показатели эффективности) computed in the database for a reporting period,
 * and the records behind each of them (the drill-down).
 *
 * Every figure is one SQL query over the registry, to the letter of SPEC.md "Indicators
 * (KPIs)"; the readings of its words are written next to the queries
 * (opora-store-indicators-peer.c, opora-store-indicators-lift.c).
 *
 * Indicators whose records the schema does not hold yet compute as "no data" (a share
 * 0 of 0; opora_store_indicator_is_available() is FALSE for them): agent.registered,
 * agent.helped, agent.trained, agent.silver, agent.agreements, agent.assigned (the
 * registers of active citizens and agents, help records, the «Волонтёры серебряного
 * возраста» course, which organisations help), mediation.* (mediation cases) and
 * mentoring.* (mentorships). */
#pragma once

#include <gio/gio.h>

#include "opora-contract-enums.h"
#include "opora-drilldown-item.h"
#include "opora-indicator.h"
#include "opora-store.h"

G_BEGIN_DECLS

/* One indicator of the catalogue over [@from, @to] (ISO dates, both days included), with
 * the target in force (opora_store_get_target()). Refusals: OPORA_ERROR_NOT_FOUND for an
 * unknown id, OPORA_ERROR_INVALID_DATE for a date not 'YYYY-MM-DD',
 * OPORA_ERROR_DATE_ORDER when @from is after @to. */
OporaIndicatorResult *opora_store_compute_indicator   (OporaStore       *self,
                                                       const char       *id,
                                                       const char       *from,
                                                       const char       *to,
                                                       GError          **error);

/* Every indicator of @technology — of all five for OPORA_TECHNOLOGY_NONE — in the
 * catalogue's order, all read from one consistent view of the database: a GPtrArray of
 * OporaIndicatorResult that frees them. Refusals as above. */
GPtrArray            *opora_store_compute_indicators  (OporaStore       *self,
                                                       OporaTechnology   technology,
                                                       const char       *from,
                                                       const char       *to,
                                                       GError          **error);

/* The records behind the indicator's denominator (for a count indicator: every record
 * that could be counted), a GListModel of OporaDrilldownItem with "counted" TRUE for
 * those in the numerator: those not counted first, then by name (groups by the day they
 * were formed). It is lazy, like the registry's lists, and follows the database: an edit
 * that changes the figures changes the list. Empty for an indicator without data yet.
 * Refusals as for opora_store_compute_indicator(). */
GListModel           *opora_store_indicator_drilldown (OporaStore       *self,
                                                       const char       *id,
                                                       const char       *from,
                                                       const char       *to,
                                                       GError          **error);

/* FALSE for an indicator of the catalogue whose records the schema does not hold yet
 * (see above) or for an unknown id. */
gboolean              opora_store_indicator_is_available (const char    *id);

G_END_DECLS
