/* A popover to choose a person for the peer workflow: search as you type over the lazy
 * lists of the store, optionally switching between the register of peers, those who wish
 * to use others' experience, and everyone. Emits "chosen" with an OporaGroupMember that
 * carries the person, their name and phone, and the role the source offers. */
#pragma once

#include <gtk/gtk.h>

#include "opora-group.h"
#include "opora-store-groups.h"
#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PEER_CHOOSER (opora_peer_chooser_get_type ())
G_DECLARE_FINAL_TYPE (OporaPeerChooser, opora_peer_chooser, OPORA, PEER_CHOOSER, GtkPopover)

/* @with_sources: show the switch between peers, those who wish and everyone (starting on
 * @source); without it the chooser lists @source only. */
GtkWidget            *opora_peer_chooser_new        (OporaStore            *store,
                                                     gboolean               with_sources,
                                                     OporaCandidateSource   source);
OporaCandidateSource  opora_peer_chooser_get_source (OporaPeerChooser      *self);
void                  opora_peer_chooser_set_source (OporaPeerChooser      *self,
                                                     OporaCandidateSource   source);
/* The search entry, so a test can type into it. */
GtkEditable          *opora_peer_chooser_get_search (OporaPeerChooser      *self);
/* The list shown now (OporaGroupMember). */
GListModel           *opora_peer_chooser_get_list   (OporaPeerChooser      *self);
/* Chooses the candidate at @position, as a click on it would. */
void                  opora_peer_chooser_choose     (OporaPeerChooser      *self,
                                                     guint                  position);

/* signal: "chosen" (OporaGroupMember *candidate) */

G_END_DECLS
