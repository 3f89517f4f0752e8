/* SQL the peer workflow's store files share (src/store/ only). */
#pragma once

#include <sqlite3.h>

#include "opora-store.h"

G_BEGIN_DECLS

/* A person's full name as lists show it: "Surname Name Patronymic". */
#define OPORA_PERSON_FULL_NAME_SQL(p) \
  "(" p ".surname || ' ' || " p ".name || coalesce (' ' || " p ".patronymic, ''))"

/* The survey responses whose answer to Q2 of the seed survey («Готовы ли Вы
 * воспользоваться положительным опытом…») is yes: "FROM … WHERE" ready for "AND r.…". */
#define OPORA_Q2_YES_FROM_SQL                                                      \
  " FROM survey_response r"                                                        \
  " JOIN survey_template t ON t.id = r.template_id AND t.code = 'peer_consent'"    \
  " JOIN survey_answer a ON a.response_id = r.id"                                  \
  " JOIN survey_question q ON q.id = a.question_id AND q.code = 'q2'"              \
  "   AND a.value = 'yes'"                                                         \
  " WHERE 1"

/* The persons who wish to use others' experience: Q2 = yes, or a mark by hand. */
#define OPORA_WISHING_PERSONS_SQL                                                  \
  "SELECT w.person_id FROM peer_wish w"                                            \
  " UNION SELECT r.person_id" OPORA_Q2_YES_FROM_SQL

/* Runs one prepared write; FALSE with @error from the database when it refuses. */
gboolean opora_store_peer_step_done (OporaStore    *self,
                                     sqlite3_stmt  *stmt,
                                     GError       **error);

/* The full name of person @id, or NULL. */
char    *opora_store_peer_person_name (OporaStore *self,
                                       gint64      id);

G_END_DECLS
