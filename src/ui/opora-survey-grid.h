/* Quick entry of a stack of paper survey forms, without the mouse: one line per form —
 * the person (surname and initials, or SNILS, found through the persons' search and shown
 * in place; an unknown or ambiguous one is refused there), the date (ДД.ММ.ГГГГ, the date of
 * the line above when left as it comes) and one cell per question («Д»/«Н», 1/0 or y/n for
 * yes or no; an option's number for a choice). Enter moves to the next cell and saves the
 * line when it is complete; a saved line is marked, a refused one says why under it and
 * keeps what was typed. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_SURVEY_GRID (opora_survey_grid_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveyGrid, opora_survey_grid, OPORA, SURVEY_GRID, AdwWindow)

/* A grid for the forms of template @template_id; NULL with OPORA_ERROR_NOT_FOUND when there
 * is no such template. The first line is ready, dated today, its person cell focused. */
GtkWidget   *opora_survey_grid_new             (OporaStore      *store,
                                                gint64           template_id,
                                                GError         **error);

/* The lines and cells, as a person reaches them with the keyboard (tests use them too):
 * column 0 is the person, 1 the date, 2 + i the answer to question i. */
guint        opora_survey_grid_get_n_lines     (OporaSurveyGrid *self);
GtkWidget   *opora_survey_grid_get_cell        (OporaSurveyGrid *self,
                                                guint            line,
                                                guint            column);
/* What is written under a line: the person found, why it was refused, or that it is saved. */
const char  *opora_survey_grid_get_message     (OporaSurveyGrid *self,
                                                guint            line);
gboolean     opora_survey_grid_line_is_saved   (OporaSurveyGrid *self,
                                                guint            line);
/* The id of the response a saved line wrote, else 0. */
gint64       opora_survey_grid_get_response_id (OporaSurveyGrid *self,
                                                guint            line);

G_END_DECLS
