/* The analysis of a contract's programme of social adaptation (анализ программы): whether
 * it was done and when, whether low income was identified, the needs found and the
 * proposals to change the programme. At most one per contract. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define OPORA_TYPE_PROGRAMME_ANALYSIS (opora_programme_analysis_get_type ())
G_DECLARE_FINAL_TYPE (OporaProgrammeAnalysis, opora_programme_analysis,
                      OPORA, PROGRAMME_ANALYSIS, GObject)

OporaProgrammeAnalysis *opora_programme_analysis_new             (void);
OporaProgrammeAnalysis *opora_programme_analysis_copy            (OporaProgrammeAnalysis  *self);

gint64                  opora_programme_analysis_get_contract_id (OporaProgrammeAnalysis  *self);
void                    opora_programme_analysis_set_contract_id (OporaProgrammeAnalysis  *self,
                                                                  gint64                   id);
gboolean                opora_programme_analysis_get_done        (OporaProgrammeAnalysis  *self);
void                    opora_programme_analysis_set_done        (OporaProgrammeAnalysis  *self,
                                                                  gboolean                 done);
/* ISO 'YYYY-MM-DD' or NULL. */
const char             *opora_programme_analysis_get_analysed_on (OporaProgrammeAnalysis  *self);
void                    opora_programme_analysis_set_analysed_on (OporaProgrammeAnalysis  *self,
                                                                  const char              *iso);
gboolean                opora_programme_analysis_get_low_income  (OporaProgrammeAnalysis  *self);
void                    opora_programme_analysis_set_low_income  (OporaProgrammeAnalysis  *self,
                                                                  gboolean                 low);
const char             *opora_programme_analysis_get_needs       (OporaProgrammeAnalysis  *self);
void                    opora_programme_analysis_set_needs       (OporaProgrammeAnalysis  *self,
                                                                  const char              *needs);
const char             *opora_programme_analysis_get_proposals   (OporaProgrammeAnalysis  *self);
void                    opora_programme_analysis_set_proposals   (OporaProgrammeAnalysis  *self,
                                                                  const char              *text);

/* A done analysis needs its date. @field gets the property at fault ("analysed-on"). */
gboolean                opora_programme_analysis_validate        (OporaProgrammeAnalysis  *self,
                                                                  const char             **field,
                                                                  GError                 **error);

G_END_DECLS
