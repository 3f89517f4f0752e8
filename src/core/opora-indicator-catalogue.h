/* The catalogue of indicators (показатели эффективности) of the five technologies, as the
 * SPEC's table and the seeds set them: what each counts and its default target. Targets
 * are data — the head of department may change them; these are only the defaults. */
#pragma once

#include "opora-contract-enums.h"
#include "opora-indicator.h"

G_BEGIN_DECLS

typedef struct
{
  const char              *id;             /* "peer.surveyed": stable, stored with targets */
  OporaTechnology          technology;
  OporaIndicatorKind       kind;
  OporaIndicatorDirection  direction;
  OporaIndicatorUnit       unit;           /* what the denominator (or the count) counts */
  double                   default_target; /* OPORA_INDICATOR_NO_TARGET when none */
  /* English source strings (msgctxt "indicator"); read them translated through the
   * functions below. The denominator is NULL for a COUNT. */
  const char              *title;
  const char              *numerator;
  const char              *denominator;
} OporaIndicatorDef;

/* NULL for an unknown id. */
const OporaIndicatorDef *opora_indicator_catalogue_get       (const char              *id);
/* The indicators of one technology in the SPEC's order: *n_defs consecutive entries of a
 * static table (none, NULL, for OPORA_TECHNOLOGY_NONE). */
const OporaIndicatorDef *opora_indicator_catalogue_list      (OporaTechnology          technology,
                                                              guint                   *n_defs);
/* Every indicator, technology by technology. */
const OporaIndicatorDef *opora_indicator_catalogue_all       (guint                   *n_defs);

const char              *opora_indicator_def_get_title       (const OporaIndicatorDef *def);
const char              *opora_indicator_def_get_numerator   (const OporaIndicatorDef *def);
/* NULL for a COUNT. */
const char              *opora_indicator_def_get_denominator (const OporaIndicatorDef *def);

/* A result of @def with its default target: @num of @den (for a COUNT, @num alone). */
OporaIndicatorResult    *opora_indicator_def_new_result      (const OporaIndicatorDef *def,
                                                              const char              *from,
                                                              const char              *to,
                                                              guint                    num,
                                                              guint                    den);

G_END_DECLS
