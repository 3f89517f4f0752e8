/* What the survey files of src/store/ share. Never included outside src/store/. */
#pragma once

#include <sqlite3.h>

#include "opora-survey.h"

G_BEGIN_DECLS

/* The columns of a question packed into one text, so a row can carry all of a template's
 * or a response's questions without a query per row. Text goes as hex: it can hold no
 * separator. Takes the question's table alias and appends the SQL expression. */
#define OPORA_SURVEY_PACKED_QUESTION(q)                                             \
  q ".id || ' ' || " q ".position || ' ' || " q ".kind || ' ' || " q ".retired"     \
  " || ' ' || hex (coalesce (" q ".code, '')) || ' ' || hex (" q ".text)"             \
  " || ' ' || hex (coalesce (" q ".options, ''))"

/* Reads a question from OPORA_SURVEY_PACKED_QUESTION and *@rest (what follows it after a
 * space, or NULL) — NULL when the text is malformed. */
OporaSurveyQuestion *opora_survey_question_unpack (const char  *packed,
                                                   char       **rest);

/* Decodes hex text; NULL for "". */
char                *opora_survey_unhex           (const char  *hex);

G_END_DECLS
