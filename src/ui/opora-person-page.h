/* Everything about one person in one place: who they are, their family and its members,
 * their social contracts with the measures of each programme, and the technologies they
 * take part in (enrollments, added and edited here). "Edit Person" opens the person
 * editor. The page follows the database: a change anywhere shows here at once. */
#pragma once

#include <gtk/gtk.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PERSON_PAGE (opora_person_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaPersonPage, opora_person_page, OPORA, PERSON_PAGE, GtkWidget)

GtkWidget *opora_person_page_new           (OporaStore      *store,
                                            gint64           person_id);
gint64     opora_person_page_get_person_id (OporaPersonPage *self);

/* Shows the page of @person_id in a window of its own, transient for @from's window. */
GtkWindow *opora_person_page_present       (GtkWidget       *from,
                                            OporaStore      *store,
                                            gint64           person_id);

G_END_DECLS
