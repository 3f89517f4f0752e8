#define G_LOG_DOMAIN "opora-indicator"

#include <glib/gi18n.h>

#include "opora-indicator.h"
#include "opora-indicator-catalogue.h"

/* Shares and targets are doubles; 19.0 / 20.0 and the literal 0.95 are the same double,
 * but a target typed as 0.7 and 7 / 10 computed another way need not be. A share within
 * this of its target counts as on it: far below any difference a count can make. */
#define TARGET_TOLERANCE 1e-9

struct _OporaIndicatorResult
{
  gatomicrefcount         ref_count;
  char                   *id;
  OporaIndicatorKind      kind;
  OporaIndicatorDirection direction;
  char                   *from;
  char                   *to;
  guint                   numerator;
  guint                   denominator;
  double                  target;
};

G_DEFINE_ENUM_TYPE (OporaIndicatorKind, opora_indicator_kind,
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_KIND_SHARE, "share"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_KIND_COUNT, "count"))

G_DEFINE_ENUM_TYPE (OporaIndicatorUnit, opora_indicator_unit,
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_UNIT_PERSONS, "persons"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_UNIT_GROUPS, "groups"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_UNIT_ORGANISATIONS, "organisations"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_UNIT_CONTRACTS, "contracts"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_UNIT_CASES, "cases"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_UNIT_FAMILIES, "families"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_UNIT_MENTORSHIPS, "mentorships"))

G_DEFINE_ENUM_TYPE (OporaIndicatorDirection, opora_indicator_direction,
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_AT_LEAST, "at-least"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_AT_MOST, "at-most"))

G_DEFINE_ENUM_TYPE (OporaIndicatorStatus, opora_indicator_status,
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_STATUS_NO_DATA, "no-data"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_STATUS_NO_TARGET, "no-target"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_STATUS_NOT_MET, "not-met"),
                    G_DEFINE_ENUM_VALUE (OPORA_INDICATOR_STATUS_MET, "met"))

G_DEFINE_BOXED_TYPE (OporaIndicatorResult, opora_indicator_result,
                     opora_indicator_result_ref, opora_indicator_result_unref)

static gboolean
value_meets (double                  value,
             double                  target,
             OporaIndicatorDirection direction)
{
  if (direction == OPORA_INDICATOR_AT_MOST)
    return value <= target + TARGET_TOLERANCE;
  return value >= target - TARGET_TOLERANCE;
}

/* Russian writes 59,9 where English writes 59.9: the interface language decides, not
 * LC_NUMERIC, so a Russian interface on a C locale still shows a comma. */
static char *
format_tenths (guint64 tenths)
{
  if (tenths % 10 == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT, tenths / 10);
  return g_strdup_printf ("%" G_GUINT64_FORMAT "%s%" G_GUINT64_FORMAT, tenths / 10,
                          C_("decimal separator", "."), tenths % 10);
}

static char *
format_percent_tenths (guint64 tenths)
{
  g_autofree char *number = format_tenths (tenths);

  return g_strdup_printf ("%s %%", number);
}

const char *
opora_indicator_status_display_name (OporaIndicatorStatus status)
{
  switch (status)
    {
    case OPORA_INDICATOR_STATUS_NO_DATA:
      return C_("indicator status", "No data");
    case OPORA_INDICATOR_STATUS_NO_TARGET:
      return C_("indicator status", "No target");
    case OPORA_INDICATOR_STATUS_NOT_MET:
      return C_("indicator status", "Target not met");
    case OPORA_INDICATOR_STATUS_MET:
      return C_("indicator status", "Target met");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
opora_indicator_unit_format_count (OporaIndicatorUnit unit,
                                   guint              count)
{
  const char *format;

  switch (unit)
    {
    case OPORA_INDICATOR_UNIT_PERSONS:
      format = g_dngettext (GETTEXT_PACKAGE, "%u person", "%u persons", count);
      break;
    case OPORA_INDICATOR_UNIT_GROUPS:
      format = g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", count);
      break;
    case OPORA_INDICATOR_UNIT_ORGANISATIONS:
      format = g_dngettext (GETTEXT_PACKAGE, "%u organisation", "%u organisations", count);
      break;
    case OPORA_INDICATOR_UNIT_CONTRACTS:
      format = g_dngettext (GETTEXT_PACKAGE, "%u contract", "%u contracts", count);
      break;
    case OPORA_INDICATOR_UNIT_CASES:
      format = g_dngettext (GETTEXT_PACKAGE, "%u mediation case", "%u mediation cases", count);
      break;
    case OPORA_INDICATOR_UNIT_FAMILIES:
      format = g_dngettext (GETTEXT_PACKAGE, "%u family", "%u families", count);
      break;
    case OPORA_INDICATOR_UNIT_MENTORSHIPS:
      format = g_dngettext (GETTEXT_PACKAGE, "%u mentorship", "%u mentorships", count);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return g_strdup_printf (format, count);
}

OporaIndicatorResult *
opora_indicator_result_new (const char              *id,
                            OporaIndicatorKind       kind,
                            OporaIndicatorDirection  direction,
                            const char              *from,
                            const char              *to,
                            guint                    numerator,
                            guint                    denominator,
                            double                   target)
{
  OporaIndicatorResult *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (kind == OPORA_INDICATOR_KIND_SHARE || kind == OPORA_INDICATOR_KIND_COUNT,
                        NULL);

  self = g_new0 (OporaIndicatorResult, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id);
  self->kind = kind;
  self->direction = direction;
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->numerator = numerator;
  self->denominator = kind == OPORA_INDICATOR_KIND_COUNT ? 0 : denominator;
  self->target = OPORA_INDICATOR_HAS_TARGET (target) ? target : OPORA_INDICATOR_NO_TARGET;
  return self;
}

OporaIndicatorResult *
opora_indicator_result_ref (OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  g_atomic_ref_count_inc (&result->ref_count);
  return result;
}

void
opora_indicator_result_unref (OporaIndicatorResult *result)
{
  g_return_if_fail (result != NULL);

  if (!g_atomic_ref_count_dec (&result->ref_count))
    return;
  g_free (result->id);
  g_free (result->from);
  g_free (result->to);
  g_free (result);
}

const char *
opora_indicator_result_get_id (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->id;
}

OporaIndicatorKind
opora_indicator_result_get_kind (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, OPORA_INDICATOR_KIND_SHARE);
  return result->kind;
}

OporaIndicatorDirection
opora_indicator_result_get_direction (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, OPORA_INDICATOR_AT_LEAST);
  return result->direction;
}

const char *
opora_indicator_result_get_from (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->from;
}

const char *
opora_indicator_result_get_to (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);
  return result->to;
}

guint
opora_indicator_result_get_numerator (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->numerator;
}

guint
opora_indicator_result_get_denominator (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, 0);
  return result->denominator;
}

double
opora_indicator_result_get_target (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, OPORA_INDICATOR_NO_TARGET);
  return result->target;
}

gboolean
opora_indicator_result_has_target (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return OPORA_INDICATOR_HAS_TARGET (result->target);
}

gboolean
opora_indicator_result_has_data (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, FALSE);
  return result->kind == OPORA_INDICATOR_KIND_COUNT || result->denominator > 0;
}

gboolean
opora_indicator_result_get_value (const OporaIndicatorResult *result,
                                  double                     *value)
{
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!opora_indicator_result_has_data (result))
    return FALSE;
  if (result->kind == OPORA_INDICATOR_KIND_COUNT)
    *value = result->numerator;
  else
    *value = (double) result->numerator / (double) result->denominator;
  return TRUE;
}

OporaIndicatorStatus
opora_indicator_result_get_status (const OporaIndicatorResult *result)
{
  double value;

  g_return_val_if_fail (result != NULL, OPORA_INDICATOR_STATUS_NO_DATA);

  if (!opora_indicator_result_get_value (result, &value))
    return OPORA_INDICATOR_STATUS_NO_DATA;
  if (!OPORA_INDICATOR_HAS_TARGET (result->target))
    return OPORA_INDICATOR_STATUS_NO_TARGET;
  return value_meets (value, result->target, result->direction)
         ? OPORA_INDICATOR_STATUS_MET : OPORA_INDICATOR_STATUS_NOT_MET;
}

int
opora_indicator_result_get_percent (const OporaIndicatorResult *result)
{
  guint64 n, d;

  g_return_val_if_fail (result != NULL, -1);

  if (result->kind != OPORA_INDICATOR_KIND_SHARE || result->denominator == 0)
    return -1;
  /* floor (100 n / d + 1/2) in integers: exact, where a double could land on x.4999… */
  n = result->numerator;
  d = result->denominator;
  return (int) ((200 * n + d) / (2 * d));
}

/* The share as shown. A whole percent is enough to read a chart, except where rounding
 * would cross the target: 59.96 % of a 60 % target rounds to "60 %" next to "target not
 * met", and a reader trusts the number. Then one decimal is shown, rounded half up
 * unless that still crosses the target, else rounded towards the truth (59.99 % → 59.9). */
static char *
format_share (const OporaIndicatorResult *self)
{
  guint64 n = self->numerator, d = self->denominator;
  guint64 tenths_half_up, tenths_floor, tenths_ceil;
  gboolean met;
  int percent = opora_indicator_result_get_percent (self);

  if (!OPORA_INDICATOR_HAS_TARGET (self->target))
    return format_percent_tenths ((guint64) percent * 10);

  met = opora_indicator_result_get_status (self) == OPORA_INDICATOR_STATUS_MET;
  if (value_meets (percent / 100.0, self->target, self->direction) == met)
    return format_percent_tenths ((guint64) percent * 10);

  tenths_half_up = (2000 * n + d) / (2 * d);
  if (value_meets (tenths_half_up / 1000.0, self->target, self->direction) == met)
    return format_percent_tenths (tenths_half_up);

  tenths_floor = 1000 * n / d;
  tenths_ceil = (1000 * n + d - 1) / d;
  if (value_meets (tenths_floor / 1000.0, self->target, self->direction) == met)
    return format_percent_tenths (tenths_floor);
  return format_percent_tenths (tenths_ceil);
}

char *
opora_indicator_result_format_value (const OporaIndicatorResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  if (!opora_indicator_result_has_data (result))
    return g_strdup (C_("indicator value", "no data"));
  if (result->kind == OPORA_INDICATOR_KIND_COUNT)
    return g_strdup_printf ("%u", result->numerator);
  return format_share (result);
}

char *
opora_indicator_result_format_target (const OporaIndicatorResult *result)
{
  g_autofree char *number = NULL;
  const char *sign;

  g_return_val_if_fail (result != NULL, NULL);

  if (!OPORA_INDICATOR_HAS_TARGET (result->target))
    return NULL;
  sign = result->direction == OPORA_INDICATOR_AT_MOST ? "≤" : "≥";
  if (result->kind == OPORA_INDICATOR_KIND_COUNT)
    number = format_tenths ((guint64) (result->target * 10 + 0.5));
  else
    number = format_percent_tenths ((guint64) (result->target * 1000 + 0.5));
  return g_strdup_printf ("%s %s", sign, number);
}

char *
opora_indicator_result_format_label (const OporaIndicatorResult *result)
{
  g_autofree char *value = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  target = opora_indicator_result_format_target (result);

  if (result->kind == OPORA_INDICATOR_KIND_COUNT)
    {
      const OporaIndicatorDef *def = opora_indicator_catalogue_get (result->id);

      /* The count names what it counts where the catalogue knows the indicator. */
      if (def != NULL)
        value = opora_indicator_unit_format_count (def->unit, result->numerator);
      else
        value = opora_indicator_result_format_value (result);
      if (target == NULL)
        return g_steal_pointer (&value);
      /* TRANSLATORS: a count against its target, e.g. "5 organisations — target ≥ 4" */
      return g_strdup_printf (C_("indicator label", "%s — target %s"), value, target);
    }

  value = opora_indicator_result_format_value (result);
  if (target == NULL)
    /* TRANSLATORS: a share without a target: "63 % — 19 of 30" */
    return g_strdup_printf (C_("indicator label", "%s — %u of %u"),
                            value, result->numerator, result->denominator);
  /* TRANSLATORS: a share and its target: "63 % — 19 of 30, target ≥ 60 %" */
  return g_strdup_printf (C_("indicator label", "%s — %u of %u, target %s"),
                          value, result->numerator, result->denominator, target);
}
