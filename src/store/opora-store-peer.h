/* The peer-to-peer workflow («Равный – равному») in the database: the register of peers,
 * the list of those who wish to use others' experience (survey answers Q2 = yes together
 * with the marks by hand), and the follow-up calls with their work queue. Lists are lazy
 * and searched, filtered and sorted in SQL. Removing a peer, a hand mark or a call goes
 * through opora_store_delete_record ("peer_register" | "peer_wish" | "followup_call", id),
 * which Undo reverses. */
#pragma once

#include <gio/gio.h>

#include "opora-peer.h"
#include "opora-store.h"

G_BEGIN_DECLS

/* The register of peers */

typedef enum
{
  OPORA_PEER_SORT_NAME,
  OPORA_PEER_SORT_CONSENT,
} OporaPeerSort;

/* A zeroed struct (or NULL) means the whole register by name. */
typedef struct
{
  const char    *search;  /* beginnings of the name's words, or words of the experience */
  OporaPeerSort  sort;
  gboolean       descending;
} OporaPeerQuery;

/* Inserts @entry when its id is 0 (and sets the new id), else updates it; one transaction.
 * opora_peer_register_entry_validate() first; a person already in the register is
 * OPORA_ERROR_DUPLICATE, one who does not exist OPORA_ERROR_NOT_FOUND. */
gboolean                opora_store_save_peer            (OporaStore              *self,
                                                          OporaPeerRegisterEntry  *entry,
                                                          GError                 **error);
/* With the person's name and phone; NULL with OPORA_ERROR_NOT_FOUND when absent. */
OporaPeerRegisterEntry *opora_store_load_peer            (OporaStore              *self,
                                                          gint64                   id,
                                                          GError                 **error);
/* A lazy list of OporaPeerRegisterEntry; reloads when the register or persons change. */
GListModel             *opora_store_list_peers           (OporaStore              *self,
                                                          const OporaPeerQuery    *query);
void                    opora_peer_list_set_query        (GListModel              *list,
                                                          const OporaPeerQuery    *query);

/* Those who wish to use others' experience */

typedef enum
{
  OPORA_WISH_FILTER_ANY,
  OPORA_WISH_FILTER_HAND,    /* marked by hand (a survey may say so too) */
  OPORA_WISH_FILTER_SURVEY,  /* answered Q2 = yes (a hand mark may say so too) */
} OporaWishFilter;

typedef enum
{
  OPORA_WISH_SORT_NAME,
  OPORA_WISH_SORT_SINCE,
} OporaWishSort;

typedef struct
{
  const char      *search;  /* beginnings of the name's words */
  OporaWishFilter  filter;
  OporaWishSort    sort;
  gboolean         descending;
} OporaWishQuery;

/* A lazy list of OporaPeerWish, one per person who answered Q2 = yes in the seed survey
 * («peer_consent») or is marked by hand: the first such response's date, the hand mark
 * (the earliest, if more than one) with its id, date and note. Reloads when surveys,
 * marks or persons change. */
GListModel             *opora_store_list_peer_wishes     (OporaStore              *self,
                                                          const OporaWishQuery    *query);
void                    opora_peer_wish_list_set_query   (GListModel              *list,
                                                          const OporaWishQuery    *query);
/* Marks a person by hand (id 0: a new mark, and sets its id) or changes a mark's date and
 * note. A person who is already marked by hand is OPORA_ERROR_DUPLICATE. */
gboolean                opora_store_save_peer_wish       (OporaStore              *self,
                                                          OporaPeerWish           *wish,
                                                          GError                 **error);

/* Follow-up calls */

typedef enum
{
  OPORA_CALLS_DUE,      /* not recorded, due on or before the day: the work queue */
  OPORA_CALLS_UPCOMING, /* not recorded, due after the day */
  OPORA_CALLS_RECORDED,
} OporaCallState;

typedef enum
{
  OPORA_CALL_SORT_MEETING, /* the meeting date: the longest waiting first */
  OPORA_CALL_SORT_NAME,
  OPORA_CALL_SORT_CALLED,  /* the call's date; for calls not made, as MEETING */
} OporaCallSort;

typedef struct
{
  const char     *search;  /* beginnings of the name's words, or phone digits */
  OporaCallState  state;
  const char     *today;   /* ISO; NULL for the real today */
  OporaCallSort   sort;
  gboolean        descending;
} OporaCallQuery;

/* The sort a column asks for by its key ("meeting", "name", "called"). */
OporaCallSort           opora_call_sort_from_key         (const char              *sort_key);

/* A lazy list of OporaFollowupCall, one per attendee (a participant who attended) of a
 * held peer meeting, in @query's state: a call not yet recorded has id 0, the meeting date
 * and the person's name and phone. Reloads when groups, members, calls or persons
 * change. */
GListModel             *opora_store_list_followup_calls  (OporaStore              *self,
                                                          const OporaCallQuery    *query);
void                    opora_followup_call_list_set_query (GListModel            *list,
                                                            const OporaCallQuery  *query);
/* The work queue: the calls due on or before @today_iso (NULL: today) and not recorded,
 * the longest waiting first. */
GListModel             *opora_store_list_calls_due       (OporaStore              *self,
                                                          const char              *today_iso);
/* How many calls that queue holds. */
guint                   opora_store_count_calls_due      (OporaStore              *self,
                                                          const char              *today_iso);

/* The call to @person_id after the meeting of @group_id: the recorded one, or a new one
 * (id 0) with the meeting date, name and phone filled in. The person must be an attendee of
 * the held peer meeting: OPORA_ERROR_NOT_FOUND or _INVALID_VALUE otherwise. */
OporaFollowupCall      *opora_store_get_followup_call    (OporaStore              *self,
                                                          gint64                   group_id,
                                                          gint64                   person_id,
                                                          GError                 **error);
/* Records @call (id 0) or changes it, in one transaction. The meeting must be a held peer
 * meeting and the person one of its attendees (OPORA_ERROR_INVALID_VALUE); the meeting
 * date is read from the database into @call, then opora_followup_call_validate() (a call
 * earlier than one calendar month after the meeting is OPORA_ERROR_DATE_ORDER); a second
 * call to the same person after the same meeting is OPORA_ERROR_DUPLICATE. */
gboolean                opora_store_save_followup_call   (OporaStore              *self,
                                                          OporaFollowupCall       *call,
                                                          GError                 **error);

G_END_DECLS
