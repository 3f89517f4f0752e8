/* What the two files of contract queries share. Never included outside src/store/. */
#pragma once

#include "opora-store-contracts.h"
#include "opora-store-private.h"

G_BEGIN_DECLS

/* One row of the registry: the contract and the names lists show beside it, selected by
 * its id (parameter 1). opora_contract_read_row() builds the contract from it. */
#define OPORA_CONTRACT_ROW_SQL                                                            \
  "SELECT c.id, c.number, c.person_id, c.family_id, c.concluded_on, c.term_start,"        \
  " c.term_end, c.status, c.termination_reason, c.curator_id, c.income_start,"           \
  " c.income_end, c.subsistence_minimum, c.hardship_causes,"                             \
  " p.surname || ' ' || p.name || coalesce(' ' || p.patronymic, ''), p.district,"         \
  " s.full_name"                                                                          \
  " FROM contract c JOIN person p ON p.id = c.person_id"                                  \
  " LEFT JOIN staff s ON s.id = c.curator_id"                                             \
  " WHERE c.id = ?"

GObject *opora_contract_read_row       (sqlite3_stmt *stmt);

/* Money: SQL NULL is OPORA_AMOUNT_NONE and back. */
double   opora_stmt_column_amount      (sqlite3_stmt *stmt,
                                        int           column);
void     opora_stmt_bind_amount        (sqlite3_stmt *stmt,
                                        int           index,
                                        double        amount);

G_END_DECLS
