/* The «Равный – равному» (peer to peer) section: the register of peers, those who wish to
 * use others' experience (survey answers and marks by hand), the groups of peer meetings,
 * and the follow-up calls due — each a lazy list searched and sorted in SQL, with its
 * editor, delete and Undo. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_PEER_PAGE (opora_peer_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaPeerPage, opora_peer_page, OPORA, PEER_PAGE, GtkWidget)

/* The tabs, in the order shown. */
typedef enum
{
  OPORA_PEER_TAB_REGISTER,
  OPORA_PEER_TAB_WISHES,
  OPORA_PEER_TAB_GROUPS,
  OPORA_PEER_TAB_CALLS,
} OporaPeerTab;

GtkWidget    *opora_peer_page_new         (OporaStore    *store);
OporaStore   *opora_peer_page_get_store   (OporaPeerPage *self);
void          opora_peer_page_show_tab    (OporaPeerPage *self,
                                           OporaPeerTab   tab);
OporaPeerTab  opora_peer_page_get_tab     (OporaPeerPage *self);
/* The list the tab shows (its items: OporaPeerRegisterEntry, OporaPeerWish, OporaGroup,
 * OporaFollowupCall). */
GListModel   *opora_peer_page_get_list    (OporaPeerPage *self,
                                           OporaPeerTab   tab);
/* The day the calls tab counts from; NULL (the default) for today. For tests and for a
 * look at a day to come. */
void          opora_peer_page_set_today   (OporaPeerPage *self,
                                           const char    *today_iso);
/* Opens the editor of the tab's item at @position, or of a new one when @position is
 * GTK_INVALID_LIST_POSITION (the calls tab needs a row); NULL when nothing opens. */
GtkWindow    *opora_peer_page_open_editor (OporaPeerPage *self,
                                           OporaPeerTab   tab,
                                           guint          position);

G_END_DECLS
