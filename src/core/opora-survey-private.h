/* What the files of the survey model share. Never included outside src/core/. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Trimmed, valid UTF-8 text; NULL for NULL or blank text. */
char     *opora_survey_clean_text   (const char  *text);
/* Stores the cleaned @value in @slot; TRUE when that changed it. */
gboolean  opora_survey_replace_text (char       **slot,
                                     const char  *value);

G_END_DECLS
