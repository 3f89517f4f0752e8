/* A list model that lets a view paint the first rows of a long list before it makes the
 * rest.
 *
 * GTK 4.8's list and column views make a widget for ~200 rows around the top of a list,
 * however few fit on screen: for a page of seven columns that is 1,600 widgets, most of a
 * first frame's time, again after every search. This model passes on its model's rows,
 * but when a list of more than a screenful arrives it shows the rows that fit in @widget
 * (at most @limit) at once and the others from two frames of @widget later, once the
 * short list has been painted: a screenful a frame while GTK makes their widgets, then all. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OPORA_TYPE_PACED_MODEL (opora_paced_model_get_type ())
G_DECLARE_FINAL_TYPE (OporaPacedModel, opora_paced_model, OPORA, PACED_MODEL, GObject)

/* More rows than a maximised window shows of a registry list: the first list, before the
 * view has a height. */
#define OPORA_PACED_ROWS 48
/* Past this many rows (what GTK 4.8 keeps widgets for, and some), the rest come at once. */
#define OPORA_PACED_STEPS_UNTIL 256

/* @widget: the view that shows the model (not referenced; its frames pace the rows). */
OporaPacedModel *opora_paced_model_new (GListModel *model,
                                        GtkWidget  *widget,
                                        guint       limit);

G_END_DECLS
