/* Indicators (показатели эффективности): the result of one indicator over one reporting
 * period — a share numerator / denominator against a target, or a plain count.
 *
 * OporaIndicatorResult is an immutable, reference-counted boxed value (like GDateTime), not
 * a GObject: the store computes it once, nothing about it ever changes, so it needs no
 * properties or signals; an atomic reference count lets a worker thread hand it to the
 * drawing code and the chart widget keep it without copies or locks. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What an indicator measures: a share numerator / denominator shown as a percentage, or a
 * plain count (lift.agreements: organisations with an agreement, target ≥ 4). */
typedef enum
{
  OPORA_INDICATOR_KIND_SHARE,
  OPORA_INDICATOR_KIND_COUNT,
} OporaIndicatorKind;

/* What a count or a denominator counts: says which records the drill-down lists and
 * names the unit of a COUNT ("5 organisations"). */
typedef enum
{
  OPORA_INDICATOR_UNIT_PERSONS,
  OPORA_INDICATOR_UNIT_GROUPS,
  OPORA_INDICATOR_UNIT_ORGANISATIONS,
  OPORA_INDICATOR_UNIT_CONTRACTS,
  OPORA_INDICATOR_UNIT_CASES,       /* mediation cases */
  OPORA_INDICATOR_UNIT_FAMILIES,
  OPORA_INDICATOR_UNIT_MENTORSHIPS,
} OporaIndicatorUnit;

/* Which side of the target is good. Every indicator of the SPEC is AT_LEAST. */
typedef enum
{
  OPORA_INDICATOR_AT_LEAST,
  OPORA_INDICATOR_AT_MOST,
} OporaIndicatorDirection;

typedef enum
{
  OPORA_INDICATOR_STATUS_NO_DATA,   /* a share whose denominator is 0 */
  OPORA_INDICATOR_STATUS_NO_TARGET, /* a value, but no target to judge it by */
  OPORA_INDICATOR_STATUS_NOT_MET,
  OPORA_INDICATOR_STATUS_MET,
} OporaIndicatorStatus;

/* A target is a share in [0, 1] (0.60 for 60 %) for a SHARE indicator, a number for a
 * COUNT one; any negative value means "no target". */
#define OPORA_INDICATOR_NO_TARGET      (-1.0)
#define OPORA_INDICATOR_HAS_TARGET(t)  ((t) >= 0.0)

#define OPORA_TYPE_INDICATOR_KIND      (opora_indicator_kind_get_type ())
#define OPORA_TYPE_INDICATOR_UNIT      (opora_indicator_unit_get_type ())
#define OPORA_TYPE_INDICATOR_DIRECTION (opora_indicator_direction_get_type ())
#define OPORA_TYPE_INDICATOR_STATUS    (opora_indicator_status_get_type ())
#define OPORA_TYPE_INDICATOR_RESULT    (opora_indicator_result_get_type ())

GType opora_indicator_kind_get_type      (void) G_GNUC_CONST;
GType opora_indicator_unit_get_type      (void) G_GNUC_CONST;
GType opora_indicator_direction_get_type (void) G_GNUC_CONST;
GType opora_indicator_status_get_type    (void) G_GNUC_CONST;
GType opora_indicator_result_get_type    (void) G_GNUC_CONST;

/* "Target met", "Target not met", "No data", "No target", translated. */
const char *opora_indicator_status_display_name (OporaIndicatorStatus status);
/* "5 organisations", "1 person", with the plural form of the interface language. */
char       *opora_indicator_unit_format_count   (OporaIndicatorUnit   unit,
                                                 guint                count);

typedef struct _OporaIndicatorResult OporaIndicatorResult;

/* @from and @to are ISO dates, both days included. For a COUNT, @numerator is the count
 * and @denominator is ignored (stored as 0). @target as described above. */
OporaIndicatorResult *opora_indicator_result_new             (const char              *id,
                                                              OporaIndicatorKind       kind,
                                                              OporaIndicatorDirection  direction,
                                                              const char              *from,
                                                              const char              *to,
                                                              guint                    numerator,
                                                              guint                    denominator,
                                                              double                   target);
OporaIndicatorResult *opora_indicator_result_ref             (OporaIndicatorResult       *result);
void                  opora_indicator_result_unref           (OporaIndicatorResult       *result);

const char           *opora_indicator_result_get_id          (const OporaIndicatorResult *result);
OporaIndicatorKind    opora_indicator_result_get_kind        (const OporaIndicatorResult *result);
OporaIndicatorDirection
                      opora_indicator_result_get_direction   (const OporaIndicatorResult *result);
const char           *opora_indicator_result_get_from        (const OporaIndicatorResult *result);
const char           *opora_indicator_result_get_to          (const OporaIndicatorResult *result);
guint                 opora_indicator_result_get_numerator   (const OporaIndicatorResult *result);
guint                 opora_indicator_result_get_denominator (const OporaIndicatorResult *result);
double                opora_indicator_result_get_target      (const OporaIndicatorResult *result);
gboolean              opora_indicator_result_has_target      (const OporaIndicatorResult *result);

/* FALSE for a share whose denominator is 0: there is no share, neither 0 % nor 100 %. */
gboolean              opora_indicator_result_has_data        (const OporaIndicatorResult *result);
/* The value the chart draws: the share (0.633 for 19 of 30) or the count. FALSE and
 * @value untouched when there is no data. */
gboolean              opora_indicator_result_get_value       (const OporaIndicatorResult *result,
                                                              double                     *value);
OporaIndicatorStatus  opora_indicator_result_get_status      (const OporaIndicatorResult *result);
/* The share as a whole percent rounded half up (19 of 30 → 63), or -1 without data. */
int                   opora_indicator_result_get_percent     (const OporaIndicatorResult *result);

/* The value as shown: "63 %", "5", or "no data"; with a decimal only where the whole
 * percent would cross the target (59.9 % of a 60 % target, see the .c). */
char                 *opora_indicator_result_format_value    (const OporaIndicatorResult *result);
/* "≥ 60 %", "≥ 4", or NULL without a target. */
char                 *opora_indicator_result_format_target   (const OporaIndicatorResult *result);
/* The whole line in the interface language: "63 % — 19 of 30, target ≥ 60 %",
 * "no data — 0 of 0, target ≥ 60 %", "5 organisations — target ≥ 4". */
char                 *opora_indicator_result_format_label    (const OporaIndicatorResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaIndicatorResult, opora_indicator_result_unref)

G_END_DECLS
