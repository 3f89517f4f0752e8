/* Families (семьи): saving one alone or with its members in one transaction, loading,
 * deleting with undo, and the lazy list with search and sorting done by the database. */
#pragma once

#include <gio/gio.h>

#include "opora-family.h"
#include "opora-store-records.h"
#include "opora-store.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_FAMILY_SORT_NAME,
  OPORA_FAMILY_SORT_MINOR_CHILDREN, /* then by name */
} OporaFamilySort;

/* What a family list shows. A zeroed struct (or NULL) means every family by name. */
typedef struct
{
  const char      *search;     /* words in the family's name, any case, or beginning a
                                * member's surname, name or patronymic; NULL or "" for all */
  OporaFamilySort  sort;
  gboolean         descending;
} OporaFamilyQuery;

/* The sort a column of the families page asks for by its key ("name",
 * "minor_children"); NAME for NULL or an unknown key. */
OporaFamilySort  opora_family_sort_from_key          (const char              *sort_key);

/* Inserts @family when its id is 0 (and sets the new id), else updates it; one
 * transaction. The rules of opora_family_validate() are checked first; on any refusal
 * nothing is written. */
gboolean         opora_store_save_family             (OporaStore              *self,
                                                      OporaFamily             *family,
                                                      GError                 **error);

/* The same, and makes @members (OporaPerson, saved persons) the family's members with the
 * relation each one has; persons who were members and are not in @members leave the
 * family. All in one transaction: on any refusal nothing is written. Only the membership
 * of each person is written, never their other fields. */
gboolean         opora_store_save_family_members     (OporaStore              *self,
                                                      OporaFamily             *family,
                                                      GListModel              *members,
                                                      GError                 **error);

/* The family with its member count; NULL with OPORA_ERROR_NOT_FOUND if absent. */
OporaFamily     *opora_store_load_family             (OporaStore              *self,
                                                      gint64                   id,
                                                      GError                 **error);

/* Deletes the family; its members stay, without a family, and Undo
 * (opora_store_undo_deletion()) puts them back in it. */
OporaDeletion   *opora_store_delete_family           (OporaStore              *self,
                                                      gint64                   id,
                                                      GError                 **error);

/* A lazy list of OporaFamily (with "member-count") matching @query; it reloads itself
 * when families or persons change. */
GListModel      *opora_store_list_families           (OporaStore              *self,
                                                      const OporaFamilyQuery  *query);
/* Changes what a list from opora_store_list_families() shows, in place. */
void             opora_family_list_set_query         (GListModel              *list,
                                                      const OporaFamilyQuery  *query);

G_END_DECLS
