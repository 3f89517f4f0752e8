/* Rows of the contract editor that edit one measure of the programme, or one monitoring
 * act, in place: an expander per item, its fields inside, a remove button beside. */
#pragma once

#include <adwaita.h>

#include "opora-contract-form.h"
#include "opora-measure.h"
#include "opora-monitoring-act.h"

G_BEGIN_DECLS

typedef void (*OporaRowRemoveFunc) (GtkWidget *row,
                                    gpointer   user_data);

/* Fields are named for tests and for opora_form_errors_show(): "type", "need",
 * "planned-on", "status", "done-on", "note", "informed-online", "certificate". */
GtkWidget          *opora_measure_row_new          (OporaMeasure        *measure,
                                                    OporaFormErrors     *errors,
                                                    GtkListBox          *list,
                                                    OporaRowRemoveFunc   remove,
                                                    gpointer             user_data);
OporaMeasure       *opora_measure_row_get_measure  (GtkWidget           *row);
/* Writes what the row shows into its measure. A date that cannot be read is shown under
 * its field and gives FALSE. */
gboolean            opora_measure_row_collect      (GtkWidget           *row,
                                                    OporaFormErrors     *errors);

/* Fields: "month-no", "act-on", "income-per-capita", "employment", "living-conditions". */
GtkWidget          *opora_act_row_new              (OporaMonitoringAct  *act,
                                                    OporaFormErrors     *errors,
                                                    GtkListBox          *list,
                                                    OporaRowRemoveFunc   remove,
                                                    gpointer             user_data);
OporaMonitoringAct *opora_act_row_get_act          (GtkWidget           *row);
gboolean            opora_act_row_collect          (GtkWidget           *row,
                                                    OporaFormErrors     *errors);

/* The descendant of @root named @name (gtk_widget_set_name), or NULL. */
GtkWidget          *opora_widget_find_named        (GtkWidget           *root,
                                                    const char          *name);

G_END_DECLS
