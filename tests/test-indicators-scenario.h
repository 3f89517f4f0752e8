/* Building indicator scenarios in a fresh database for tests/test-indicators*.c: persons,
 * contracts and enrollments through their stores, the peer workflow's records through
 * opora_store_insert_record(). Every helper asserts that it succeeded. */
#pragma once

#include "opora-contract.h"
#include "opora-store.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  OporaStore *store;
  gint64      staff_id;   /* a psychologist, facilitator of every group */
  gint64      survey_id;  /* the seed survey, code 'peer_consent' */
  gint64      q1_id;
  gint64      q2_id;
  gint64      next_id;    /* keys of records inserted whole */
  guint       n_contracts;
} Scenario;

void     scenario_set_up          (Scenario      *s,
                                   gconstpointer  data);
void     scenario_tear_down       (Scenario      *s,
                                   gconstpointer  data);

/* Many records in one transaction (a scenario of hundreds of rows). */
void     scenario_begin           (Scenario      *s);
void     scenario_commit          (Scenario      *s);

gint64   scenario_person          (Scenario      *s,
                                   const char    *surname,
                                   const char    *name);
/* A contract of @person_id concluded on @concluded_on (its term starts then), saved. */
gint64   scenario_contract        (Scenario      *s,
                                   gint64         person_id,
                                   const char    *concluded_on,
                                   const char    *term_end);
/* The same, not saved yet, so that measures, an analysis or an outcome can be added;
 * scenario_save_contract() saves it and gives its id. */
OporaContract *scenario_new_contract (Scenario   *s,
                                      gint64      person_id,
                                      const char *concluded_on,
                                      const char *term_end);
gint64   scenario_save_contract   (Scenario      *s,
                                   OporaContract *contract);
/* @type and @status as stored ("employment", "done"); @done_on may be NULL. */
void     scenario_add_measure     (OporaContract *contract,
                                   const char    *type,
                                   const char    *status,
                                   const char    *done_on,
                                   gboolean       informed_online);
void     scenario_set_analysis    (OporaContract *contract,
                                   gboolean       done,
                                   const char    *analysed_on,
                                   gboolean       low_income);
void     scenario_set_outcome     (OporaContract *contract,
                                   const char    *recorded_on,
                                   gboolean       programme_completed,
                                   gboolean       status_raised);

/* @technology as stored ("lift"); @until_on may be NULL; @satisfied: -1 unknown, 0, 1. */
gint64   scenario_enroll          (Scenario      *s,
                                   gint64         person_id,
                                   const char    *technology,
                                   const char    *from_on,
                                   const char    *until_on,
                                   int            satisfied);

/* A response to the seed survey; @q1, @q2: "yes", "no" or NULL for no answer. */
gint64   scenario_response        (Scenario      *s,
                                   gint64         person_id,
                                   const char    *responded_on,
                                   const char    *q1,
                                   const char    *q2);
gint64   scenario_survey_template (Scenario      *s,
                                   const char    *title);
gint64   scenario_response_to     (Scenario      *s,
                                   gint64         template_id,
                                   gint64         person_id,
                                   const char    *responded_on);
void     scenario_wish            (Scenario      *s,
                                   gint64         person_id,
                                   const char    *marked_on);

/* @kind: "peer_meeting", "psych_training", "agent_training"; @meeting_on may be NULL. */
gint64   scenario_group           (Scenario      *s,
                                   const char    *kind,
                                   const char    *formed_on,
                                   const char    *meeting_on,
                                   gboolean       held);
/* @attended is stored only for a held group (NULL until then). */
void     scenario_member          (Scenario      *s,
                                   gint64         group_id,
                                   gint64         person_id,
                                   const char    *role,
                                   gboolean       attended);
void     scenario_call            (Scenario      *s,
                                   gint64         group_id,
                                   gint64         person_id,
                                   const char    *called_on,
                                   const char    *situation,
                                   gboolean       satisfied);

gint64   scenario_organisation    (Scenario      *s,
                                   const char    *name);
void     scenario_agreement       (Scenario      *s,
                                   gint64         organisation_id,
                                   const char    *signed_on,
                                   const char    *valid_until);

/* The figures of @id over [@from, @to] are @num of @den (for a count, @num with @den
 * records that might be counted), and the drill-down lists the same @den records, the
 * @num counted ones last. */
#define assert_figures(s, id, from, to, num, den) \
  scenario_check_figures ((s), (id), (from), (to), (num), (den), __LINE__)
void     scenario_check_figures   (Scenario      *s,
                                   const char    *id,
                                   const char    *from,
                                   const char    *to,
                                   guint          num,
                                   guint          den,
                                   int            line);
/* @record_id is in the drill-down of @id, counted or not as said. */
void     assert_in                (Scenario      *s,
                                   const char    *id,
                                   const char    *from,
                                   const char    *to,
                                   gint64         record_id,
                                   gboolean       expect_counted);
void     assert_not_in            (Scenario      *s,
                                   const char    *id,
                                   const char    *from,
                                   const char    *to,
                                   gint64         record_id);

void     test_indicators_add_lift_tests   (void);
void     test_indicators_add_target_tests (void);

G_END_DECLS
