/* Group activities (групповые мероприятия) of every technology: saving a group with its
 * members in one transaction, loading it, the lazy list with search, filters and sorting
 * done by the database, and the persons a group's editor offers as members. Deleting a
 * group goes through opora_store_delete_record ("group_activity", id): its members and
 * follow-up calls go with it, and Undo brings them back. */
#pragma once

#include <gio/gio.h>

#include "opora-group.h"
#include "opora-store.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_GROUP_SORT_MEETING, /* meeting date; groups without one come last, first backwards */
  OPORA_GROUP_SORT_FORMED,
  OPORA_GROUP_SORT_TITLE,   /* the title, any case; untitled groups first */
} OporaGroupSort;

typedef enum
{
  OPORA_GROUP_STATE_ANY,
  OPORA_GROUP_STATE_PLANNED,
  OPORA_GROUP_STATE_HELD,
} OporaGroupState;

/* What a group list shows. A zeroed struct (or NULL) means every group by meeting date. */
typedef struct
{
  const char      *search;  /* words of the title or place, or a member's name; NULL or "" */
  OporaGroupKind   kind;    /* NONE for every kind */
  OporaGroupState  state;
  OporaGroupSort   sort;
  gboolean         descending;
} OporaGroupQuery;

/* The sort a column of a groups list asks for by its key ("meeting", "formed", "title");
 * MEETING for NULL or an unknown key. */
OporaGroupSort  opora_group_sort_from_key          (const char            *sort_key);

/* Writes @group and makes its members in the database match its list, all in one
 * transaction. The rules of opora_group_validate() are checked first. A member whose
 * follow-up call is recorded stays an attendee of the held peer meeting: removing them,
 * marking them absent or the meeting not held, or moving the meeting so that the call
 * comes earlier than a month after it is refused (OPORA_ERROR_IN_USE, _DATE_ORDER). On any
 * refusal nothing is written and @group keeps its id. On success the new id is set and
 * "changed" is emitted for "group_activity" and "group_member". */
gboolean        opora_store_save_group             (OporaStore            *self,
                                                    OporaGroup            *group,
                                                    GError               **error);

/* The group with its facilitator's name and its members (peers first, then by name, each
 * with name and phone); NULL with OPORA_ERROR_NOT_FOUND when there is no such group. */
OporaGroup     *opora_store_load_group             (OporaStore            *self,
                                                    gint64                 id,
                                                    GError               **error);

/* A lazy list of OporaGroup (each with its members) matching @query; it reloads itself
 * when groups, members or persons change. */
GListModel     *opora_store_list_groups            (OporaStore            *self,
                                                    const OporaGroupQuery *query);
/* Changes what a list from opora_store_list_groups() shows, in place. */
void            opora_group_list_set_query         (GListModel            *list,
                                                    const OporaGroupQuery *query);

/* Where a group's editor finds members. */
typedef enum
{
  OPORA_CANDIDATES_PEERS,    /* the register of peers, offered as peers who share */
  OPORA_CANDIDATES_WISHING,  /* those who wish to use others' experience, as participants */
  OPORA_CANDIDATES_EVERYONE, /* any person, as a participant */
} OporaCandidateSource;

/* A lazy list of OporaGroupMember (person, name, phone, the role offered, and a detail
 * saying why they are offered: the peer's experience, since when a person wishes), by
 * name, of the persons whose surname, name or patronymic begins with the words of
 * @search (NULL or "" for all). */
GListModel     *opora_store_list_group_candidates  (OporaStore            *self,
                                                    OporaCandidateSource   source,
                                                    const char            *search);
/* Searches a list from opora_store_list_group_candidates() again. */
void            opora_group_candidates_set_search  (GListModel            *list,
                                                    const char            *search);

G_END_DECLS
