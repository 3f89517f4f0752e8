/* Persons (граждане): saving and loading one, deleting one with undo, the lazy list with
 * search, district filter and sorting done by the database, a family's members, and the
 * districts (участки) in use. */
#pragma once

#include <gio/gio.h>

#include "opora-person.h"
#include "opora-store-records.h"
#include "opora-store.h"

G_BEGIN_DECLS

typedef enum
{
  OPORA_PERSON_SORT_NAME,       /* surname, name, patronymic */
  OPORA_PERSON_SORT_BIRTH_DATE, /* persons without a birth date come first, or last
                                 * when descending */
  OPORA_PERSON_SORT_DISTRICT,   /* then by name */
} OporaPersonSort;

/* What a person list shows. A zeroed struct (or NULL) means everyone by name. */
typedef struct
{
  const char      *search;     /* words beginning a surname, name or patronymic, any case,
                                * or the digits of a SNILS or phone; NULL or "" for all */
  const char      *district;   /* only persons of this district; NULL or "" for all */
  OporaPersonSort  sort;
  gboolean         descending;
} OporaPersonQuery;

/* The sort a column of the persons page asks for by its key ("name", "birth_date",
 * "district"); NAME for NULL or an unknown key. */
OporaPersonSort  opora_person_sort_from_key       (const char              *sort_key);

/* Inserts @person when its id is 0 (and sets the new id), else updates it; one
 * transaction. The rules of opora_person_validate() are checked first. A SNILS that
 * another person has gives OPORA_ERROR_DUPLICATE_SNILS, a family that does not exist
 * OPORA_ERROR_NOT_FOUND. On any refusal nothing is written. The relation is only kept
 * along with a family. */
gboolean         opora_store_save_person          (OporaStore              *self,
                                                   OporaPerson             *person,
                                                   GError                 **error);

/* The person with the name of their family; NULL with OPORA_ERROR_NOT_FOUND if absent. */
OporaPerson     *opora_store_load_person          (OporaStore              *self,
                                                   gint64                   id,
                                                   GError                 **error);

/* Deletes the person, with what goes with them (enrollments), and hands back what Undo
 * needs (opora_store_undo_deletion()). A person with social contracts is not deleted:
 * OPORA_ERROR_IN_USE. */
OporaDeletion   *opora_store_delete_person        (OporaStore              *self,
                                                   gint64                   id,
                                                   GError                 **error);

/* A lazy list of OporaPerson (with "family-name") matching @query; it reloads itself when
 * persons or families change. */
GListModel      *opora_store_list_persons         (OporaStore              *self,
                                                   const OporaPersonQuery  *query);
/* Changes what a list from opora_store_list_persons() shows, in place. */
void             opora_person_list_set_query      (GListModel              *list,
                                                   const OporaPersonQuery  *query);

/* The members of a family (OporaPerson), applicant first, then by relation and name;
 * reloads itself when persons change. */
GListModel      *opora_store_list_family_members  (OporaStore              *self,
                                                   gint64                   family_id);

/* Every district named on a person or a staff member, sorted, NULL-terminated. */
char           **opora_store_list_districts       (OporaStore              *self);

G_END_DECLS
