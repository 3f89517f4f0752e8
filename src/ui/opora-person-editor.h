/* The editor of a person (гражданин): name, birth date, sex, SNILS, contacts, district, the
 * family and the relation to it. Save goes through one store call; a refused field shows
 * its message under it and the editor stays open with everything typed. */
#pragma once

#include <adwaita.h>

#include "opora-person.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PERSON_EDITOR (opora_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (OporaPersonEditor, opora_person_editor, OPORA, PERSON_EDITOR, AdwWindow)

/* Edits a copy of @person (as opora_store_load_person() gives it), or a new person when
 * it is NULL. */
GtkWidget   *opora_person_editor_new        (OporaStore        *store,
                                             OporaPerson       *person);
/* Creates the editor, makes it transient for @parent's window and shows it. */
void         opora_person_editor_present    (GtkWidget         *parent,
                                             OporaStore        *store,
                                             OporaPerson       *person);
/* The person as last saved (or as given, before any save). */
OporaPerson *opora_person_editor_get_person (OporaPersonEditor *self);

/* Reads the fields and saves; TRUE when saved (the editor then emits "saved" and closes).
 * The Save button and Ctrl+S call it. */
gboolean     opora_person_editor_save       (OporaPersonEditor *self);

/* signal: "saved" (OporaPerson *person) — after a successful save, with the id set */

G_END_DECLS
