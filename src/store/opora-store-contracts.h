/* Social contracts in the database: a contract is saved with its programme of measures,
 * its analysis, its outcome and its monitoring acts in one transaction; the registry is a
 * lazy list searched, filtered and sorted in SQL; monitoring acts that are due. */
#pragma once

#include <gio/gio.h>

#include "opora-contract.h"
#include "opora-store.h"

G_BEGIN_DECLS

/* What the Social contracts page asks for. Zero-initialised means everything, newest
 * concluded first. */
typedef struct
{
  const char *search;     /* a contract number's beginning, or the applicant's name or
                           * SNILS (words match the beginnings of words); NULL or "": all */
  const char *status;     /* "active", "completed", "terminated"; NULL: any */
  const char *district;   /* the applicant's district; NULL: any */
  int         year;       /* the year concluded; 0: any */
  const char *sort;       /* "number", "applicant", "concluded_on", "term_end", "status";
                           * NULL: concluded on, newest first (then @descending is unused) */
  gboolean    descending;
} OporaContractQuery;

/* Refusals name the rule (OPORA_ERROR_*) and, where there is one, the object at fault
 * (@object: the contract or one of its measures, analysis, outcome, acts; borrowed) and its
 * property (@field). Besides opora_contract_validate(): the number is unique
 * (OPORA_ERROR_DUPLICATE) and the applicant and curator exist (OPORA_ERROR_NOT_FOUND). */
gboolean       opora_store_check_contract          (OporaStore                *self,
                                                    OporaContract             *contract,
                                                    GObject                  **object,
                                                    const char               **field,
                                                    GError                   **error);

/* Inserts or updates the contract; inserts, updates and deletes its measures and acts to
 * match; writes or removes its analysis and outcome — all or nothing. On success the
 * contract and its new parts get their ids. On refusal nothing has changed. */
gboolean       opora_store_save_contract           (OporaStore                *self,
                                                    OporaContract             *contract,
                                                    GError                   **error);
gboolean       opora_store_save_contract_full      (OporaStore                *self,
                                                    OporaContract             *contract,
                                                    GObject                  **object,
                                                    const char               **field,
                                                    GError                   **error);

/* The contract with everything it owns; NULL with OPORA_ERROR_NOT_FOUND if absent. */
OporaContract *opora_store_load_contract           (OporaStore                *self,
                                                    gint64                     id,
                                                    GError                   **error);

/* TRUE when a contract other than @except_id has @number. */
gboolean       opora_store_contract_number_taken   (OporaStore                *self,
                                                    const char                *number,
                                                    gint64                     except_id);

/* The registry of contracts, a lazy GListModel of OporaContract (without their measures),
 * reloaded whenever contracts, persons or staff change. @query may be NULL. */
GListModel    *opora_store_list_contracts          (OporaStore                *self,
                                                    const OporaContractQuery  *query);
/* Runs another query on a list made by opora_store_list_contracts(). */
void           opora_contract_list_set_query       (GListModel                *list,
                                                    const OporaContractQuery  *query);

/* The contracts of one applicant, newest first, each with everything it owns. */
GListModel    *opora_store_list_person_contracts   (OporaStore                *self,
                                                    gint64                     person_id,
                                                    GError                   **error);

/* Districts of the applicants who have a contract, sorted; free with g_strfreev. */
char         **opora_store_list_contract_districts (OporaStore                *self);
/* The first and last year a contract was concluded; FALSE when there is none. */
gboolean       opora_store_get_contract_years      (OporaStore                *self,
                                                    int                       *first,
                                                    int                       *last);

/* Monitoring acts due on or before @today (ISO): act k of a contract whose term ended on
 * D is due on D + k months (k = 1…12) until it is written. A GListModel of
 * OporaMonitoringDue, earliest first. */
GListModel    *opora_store_list_due_monitoring     (OporaStore                *self,
                                                    const char                *today,
                                                    GError                   **error);

G_END_DECLS
