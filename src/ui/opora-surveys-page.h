/* The section of surveys (анкетирование): the survey templates with the number of responses
 * each has, the built-in seed survey marked, searched and sorted by the store. New and Edit
 * (row activation) open the template editor; Delete removes a template without responses,
 * with Undo; «Enter Paper Forms» opens the quick-entry grid for the chosen template. */
#pragma once

#include <gtk/gtk.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_SURVEYS_PAGE (opora_surveys_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaSurveysPage, opora_surveys_page, OPORA, SURVEYS_PAGE, GtkWidget)

GtkWidget  *opora_surveys_page_new         (OporaStore       *store);

/* Opens the template editor, transient for the page's window, on template @id, or on a
 * new template when @id is 0. Returns the editor (owned by GTK), or NULL with a toast when
 * the template cannot be read. */
GtkWindow  *opora_surveys_page_open_editor (OporaSurveysPage *self,
                                            gint64            id);
/* Opens the quick-entry grid for template @id (0: the selected one, else the built-in). */
GtkWindow  *opora_surveys_page_open_grid   (OporaSurveysPage *self,
                                            gint64            id);

G_END_DECLS
