/* The reporting period picker (отчётный период): a quarter, a year, a stage of the
 * technology's implementation (этап реализации, as its seed sets them) or any two dates
 * typed as ДД.ММ.ГГГГ. Dates that are not dates, or a period that ends before it begins,
 * are refused with a message next to the fields; the period in force stays as it was. */
#pragma once

#include <gtk/gtk.h>

#include "opora-contract-enums.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_PERIOD_QUARTER,
  OPORA_PERIOD_YEAR,
  OPORA_PERIOD_STAGE,
  OPORA_PERIOD_DATES,
} OporaPeriodKind;

/* A stage of a technology: ISO first and last days, and its name in English source text
 * (read it translated with opora_technology_stage_get_name). */
typedef struct
{
  const char *from;
  const char *to;
  const char *name;
} OporaTechnologyStage;

/* The stages of @technology in order, then the whole implementation; none (NULL) for a
 * technology whose seed sets no stages. */
const OporaTechnologyStage *opora_technology_get_stages     (OporaTechnology            technology,
                                                             guint                     *n_stages);
/* "Practical stage: March 2021 – December 2023", translated. */
const char                 *opora_technology_stage_get_name (const OporaTechnologyStage *stage);

/* The first and last days (ISO) of the @n quarters that end with the quarter holding
 * @to, oldest first; @froms and @tos get @n new strings each (free with g_free). */
void                        opora_period_last_quarters      (const char                 *to,
                                                             guint                       n,
                                                             char                      **froms,
                                                             char                      **tos);

#define OPORA_TYPE_PERIOD_PICKER (opora_period_picker_get_type ())
G_DECLARE_FINAL_TYPE (OporaPeriodPicker, opora_period_picker, OPORA, PERIOD_PICKER, GtkWidget)

/* Starts on the current year. */
GtkWidget       *opora_period_picker_new            (void);

/* Offers @technology's stages; a stage chosen for another technology becomes that
 * technology's stage of the same place, or the year when it has none. */
void             opora_period_picker_set_technology (OporaPeriodPicker *self,
                                                     OporaTechnology    technology);
OporaTechnology  opora_period_picker_get_technology (OporaPeriodPicker *self);

/* The period in force, as ISO dates: the "from" and "to" properties. Both notify, then
 * "changed" is emitted once, whenever the period changes. */
const char      *opora_period_picker_get_from       (OporaPeriodPicker *self);
const char      *opora_period_picker_get_to         (OporaPeriodPicker *self);
OporaPeriodKind  opora_period_picker_get_kind       (OporaPeriodPicker *self);

void             opora_period_picker_set_quarter    (OporaPeriodPicker *self,
                                                     int                year,
                                                     int                quarter);
void             opora_period_picker_set_year       (OporaPeriodPicker *self,
                                                     int                year);
/* FALSE when the technology has no stage @index. */
gboolean         opora_period_picker_set_stage      (OporaPeriodPicker *self,
                                                     guint              index);
/* Types the two dates (ДД.ММ.ГГГГ) and applies them, as Enter in the fields does: FALSE
 * and the message next to the fields when they are refused. */
gboolean         opora_period_picker_set_dates      (OporaPeriodPicker *self,
                                                     const char        *from,
                                                     const char        *to);
/* The refusal shown next to the date fields, or NULL. */
const char      *opora_period_picker_get_error      (OporaPeriodPicker *self);

G_END_DECLS
