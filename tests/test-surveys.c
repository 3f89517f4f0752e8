/* Surveys: the built-in seed survey word for word, templates saved with their questions,
 * the rule that an answered question is retired rather than rewritten, responses and
 * their refusals, quick-entry parsing and the respondent lookup, and the round trip
 * through the interchange format. */
#include <glib.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-interchange.h"
#include "opora-snils.h"
#include "opora-store-institution.h"
#include "opora-store-persons.h"
#include "opora-store-private.h"
#include "opora-store-surveys.h"
#include "opora-test-util.h"

#define SEED_INTRODUCTION                                                              \
  "БУ «Югорский комплексный центр социального обслуживания населения» проводит "        \
  "анкетирование граждан, заключивших социальный контракт, с целью изучения "            \
  "востребованности в проведении мероприятий по выходу из трудной жизненной ситуации."
#define SEED_INSTRUCTIONS                                                              \
  "Просим Вас ответить на поставленные вопросы. Подчеркните вариант ответа, "            \
  "соответствующий Вашему мнению. При необходимости дополните свои ответы."
#define SEED_Q1                                                                        \
  "Готовы ли Вы участвовать в психологических занятиях по поиску внутренних ресурсов "   \
  "для повышения своего материального благосостояния (своей семьи)?"
#define SEED_Q2                                                                        \
  "Готовы ли Вы воспользоваться положительным опытом разрешения подобной трудной "       \
  "жизненной ситуации других семей, проживающих в городе Югорске?"

typedef struct
{
  char       *dir;
  OporaStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = opora_test_open_store (&f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
query_int (OporaStore *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Every survey row, to show that a refusal changed nothing. */
static char *
dump_surveys (OporaStore *store)
{
  static const char * const queries[] = {
    "SELECT id, code, title, greeting, introduction, instructions, closing, updated_at"
    " FROM survey_template ORDER BY id",
    "SELECT id, template_id, position, code, kind, text, options, retired FROM survey_question"
    " ORDER BY id",
    "SELECT id, template_id, person_id, responded_on, note FROM survey_response ORDER BY id",
    "SELECT response_id, question_id, value FROM survey_answer ORDER BY 1, 2",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), queries[i], -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

static char *
make_snils (guint n)
{
  g_autofree char *nine = g_strdup_printf ("%09u", 300000000u + n);

  return g_strdup_printf ("%s%02d", nine, opora_snils_checksum (nine));
}

static gint64
add_person (OporaStore *store,
            const char *surname,
            const char *name,
            const char *patronymic,
            const char *snils)
{
  g_autoptr(OporaPerson) person = opora_person_new ();
  g_autoptr(GError) error = NULL;

  opora_person_set_surname (person, surname);
  opora_person_set_name (person, name);
  opora_person_set_patronymic (person, patronymic);
  opora_person_set_sex (person, OPORA_SEX_FEMALE);
  opora_person_set_birth_date (person, "1985-04-12");
  opora_person_set_snils (person, snils);
  g_assert_true (opora_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return opora_person_get_id (person);
}

static OporaSurveyQuestion *
question_new (OporaSurveyQuestionKind  kind,
              const char              *text,
              const char              *options)
{
  OporaSurveyQuestion *question = opora_survey_question_new (kind, text);

  opora_survey_question_set_options (question, options);
  return question;
}

/* A template of three questions: yes/no, one choice of three, free text. */
static OporaSurveyTemplate *
save_health_survey (OporaStore *store)
{
  g_autoptr(OporaSurveyTemplate) survey = opora_survey_template_new ();
  g_autoptr(OporaSurveyQuestion) q1 = question_new (OPORA_SURVEY_QUESTION_YES_NO,
                                                    "Нужна ли вам помощь?", NULL);
  g_autoptr(OporaSurveyQuestion) q2 = question_new (OPORA_SURVEY_QUESTION_SINGLE,
                                                    "Как вы оцениваете здоровье?",
                                                    "Хорошее\n  Среднее  \n\nПлохое\n");
  g_autoptr(OporaSurveyQuestion) q3 = question_new (OPORA_SURVEY_QUESTION_TEXT,
                                                    "Что ещё вы хотите сказать?", NULL);
  g_autoptr(GError) error = NULL;

  opora_survey_template_set_title (survey, "  Анкета о ЗДОРОВЬЕ семьи ");
  opora_survey_template_set_greeting (survey, "Здравствуйте!");
  opora_survey_template_add_question (survey, q1);
  opora_survey_template_add_question (survey, q2);
  opora_survey_template_add_question (survey, q3);
  g_assert_true (opora_store_save_survey_template (store, survey, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&survey);
}

static OporaSurveyResponse *
response_new (gint64      template_id,
              gint64      person_id,
              const char *responded_on)
{
  OporaSurveyResponse *response = opora_survey_response_new ();

  opora_survey_response_set_template_id (response, template_id);
  opora_survey_response_set_person_id (response, person_id);
  opora_survey_response_set_responded_on (response, responded_on);
  return response;
}

static void
test_builtin_seed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(OporaSurveyTemplate) seed = NULL;
  g_autoptr(OporaInstitution) institution = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *introduction = NULL;
  g_autofree char *q2 = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *blank = NULL;
  OporaSurveyQuestion *question;
  gint64 id = opora_store_get_builtin_survey_id (f->store);

  g_assert_cmpint (id, >, 0);
  seed = opora_store_load_survey_template (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (opora_survey_template_is_builtin (seed));
  g_assert_cmpstr (opora_survey_template_get_code (seed), ==, "peer_consent");
  g_assert_cmpstr (opora_survey_template_get_greeting (seed), ==, "Уважаемый респондент!");
  g_assert_cmpstr (opora_survey_template_get_instructions (seed), ==, SEED_INSTRUCTIONS);
  g_assert_cmpstr (opora_survey_template_get_closing (seed), ==,
                   "Благодарим за сотрудничество!");
  g_assert_nonnull (opora_survey_template_get_title (seed));
  g_assert_cmpuint (opora_survey_template_get_n_questions (seed), ==, 2);

  question = opora_survey_template_get_question (seed, 0);
  g_assert_cmpstr (opora_survey_question_get_code (question), ==, "q1");
  g_assert_cmpint (opora_survey_question_get_kind (question), ==, OPORA_SURVEY_QUESTION_YES_NO);
  g_assert_cmpstr (opora_survey_question_get_text (question), ==, SEED_Q1);
  g_assert_cmpint (opora_store_get_builtin_question_id (f->store, "q1"), ==,
                   opora_survey_question_get_id (question));
  question = opora_survey_template_get_question (seed, 1);
  g_assert_cmpstr (opora_survey_question_get_code (question), ==, "q2");
  g_assert_cmpint (opora_survey_question_get_kind (question), ==, OPORA_SURVEY_QUESTION_YES_NO);
  g_assert_cmpint (opora_store_get_builtin_question_id (f->store, "q2"), ==,
                   opora_survey_question_get_id (question));
  g_assert_cmpint (opora_store_get_builtin_question_id (f->store, "q3"), ==, 0);

  /* Filled from the institution saved in Preferences. */
  institution = opora_institution_new ();
  opora_institution_set_full_name (institution, "БУ «Югорский комплексный центр социального "
                                                "обслуживания населения»");
  opora_institution_set_short_name (institution, "БУ «Югорский КЦСОН»");
  opora_institution_set_city (institution, "Югорск");
  opora_institution_set_city_locative (institution, "Югорске");
  g_assert_true (opora_store_save_institution (f->store, institution, &error));
  g_assert_no_error (error);
  g_clear_object (&institution);
  institution = opora_store_load_institution (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_institution_get_city_locative (institution), ==, "Югорске");

  introduction = opora_survey_fill_text (opora_survey_template_get_introduction (seed),
                                         institution);
  g_assert_cmpstr (introduction, ==, SEED_INTRODUCTION);
  q2 = opora_survey_fill_text (opora_survey_question_get_text (question), institution);
  g_assert_cmpstr (q2, ==, SEED_Q2);

  /* No locative: the city as it is; nothing at all: a line to fill in by hand. */
  opora_institution_set_city_locative (institution, "");
  fallback = opora_survey_fill_text ("в городе {city_locative}", institution);
  g_assert_cmpstr (fallback, ==, "в городе Югорск");
  opora_institution_set_full_name (institution, "");
  opora_institution_set_short_name (institution, "");
  blank = opora_survey_fill_text ("{institution} проводит", institution);
  g_assert_true (g_str_has_suffix (blank, "_ проводит"));
  g_assert_null (strchr (blank, '{'));
}

static void
test_template_crud (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(OporaSurveyTemplate) survey = save_health_survey (f->store);
  g_autoptr(OporaSurveyTemplate) loaded = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(OporaSurveyTemplate) first = NULL;
  g_autoptr(OporaSurveyTemplate) second = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) options = NULL;
  OporaSurveyTemplateQuery query = { 0 };
  OporaSurveyQuestion *question;
  gint64 id = opora_survey_template_get_id (survey);
  gint64 text_question;

  g_assert_cmpint (id, >, 0);
  loaded = opora_store_load_survey_template (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_survey_template_get_title (loaded), ==, "Анкета о ЗДОРОВЬЕ семьи");
  g_assert_null (opora_survey_template_get_code (loaded));
  g_assert_false (opora_survey_template_is_builtin (loaded));
  g_assert_null (opora_survey_template_get_closing (loaded));
  g_assert_cmpuint (opora_survey_template_get_n_questions (loaded), ==, 3);
  question = opora_survey_template_get_question (loaded, 1);
  g_assert_cmpuint (opora_survey_question_get_position (question), ==, 2);
  g_assert_cmpint (opora_survey_question_get_kind (question), ==, OPORA_SURVEY_QUESTION_SINGLE);
  options = opora_survey_question_dup_options (question);
  g_assert_cmpuint (g_strv_length (options), ==, 3);
  g_assert_cmpstr (options[1], ==, "Среднее");

  /* The list: the built-in survey first, then by title; searched in any case. */
  list = opora_store_list_survey_templates (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  g_assert_true (opora_survey_template_is_builtin (first));
  g_assert_cmpint (opora_survey_template_get_id (second), ==, id);
  g_assert_cmpuint (opora_survey_template_get_n_questions (second), ==, 3);
  query.search = "здоровье";
  opora_store_query_survey_templates (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  query.search = "нет такой";
  opora_store_query_survey_templates (list, &query);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  /* Reorder, rename, remove an unanswered question: it is gone from the database. */
  text_question = opora_survey_question_get_id (opora_survey_template_get_question (loaded, 2));
  opora_survey_template_move_question (loaded, opora_survey_template_get_question (loaded, 2), 0);
  opora_survey_template_remove_question (loaded, opora_survey_template_get_question (loaded, 2));
  opora_survey_template_set_title (loaded, "Анкета о здоровье");
  g_assert_true (opora_store_save_survey_template (f->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_object (&survey);
  survey = opora_store_load_survey_template (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_survey_template_get_title (survey), ==, "Анкета о здоровье");
  g_assert_cmpuint (opora_survey_template_get_n_questions (survey), ==, 2);
  question = opora_survey_template_get_question (survey, 0);
  g_assert_cmpint (opora_survey_question_get_id (question), ==, text_question);
  g_assert_cmpuint (opora_survey_question_get_position (question), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey_question"
                                        " WHERE template_id <> 1"), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey_question"
                                        " WHERE retired = 1"), ==, 0);
}

static void
test_template_refusals (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(OporaSurveyTemplate) survey = save_health_survey (f->store);
  g_autoptr(OporaSurveyQuestion) bare = opora_survey_question_new (OPORA_SURVEY_QUESTION_TEXT,
                                                                   "   ");
  g_autoptr(OporaSurveyTemplate) empty = opora_survey_template_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_surveys (f->store);
  g_autofree char *after = NULL;
  OporaSurveyQuestion *at_fault = NULL;
  OporaSurveyQuestion *choice;
  const char *field = NULL;

  /* A title is required. */
  opora_survey_template_set_title (survey, "   ");
  g_assert_false (opora_survey_template_validate (survey, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "title");
  g_assert_null (at_fault);
  g_clear_error (&error);
  g_assert_false (opora_store_save_survey_template (f->store, survey, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  opora_survey_template_set_title (survey, "Анкета");

  /* A choice needs its options. */
  choice = opora_survey_template_get_question (survey, 1);
  opora_survey_question_set_options (choice, "\n \n");
  g_assert_false (opora_survey_template_validate (survey, &at_fault, &field, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "options");
  g_assert_true (at_fault == choice);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_false (opora_store_save_survey_template (f->store, survey, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  opora_survey_question_set_options (choice, "Да\nНет");

  /* Each question needs its text. */
  opora_survey_template_add_question (survey, bare);
  g_assert_false (opora_survey_template_validate (survey, &at_fault, &field, &error));
  g_assert_cmpstr (field, ==, "text");
  g_assert_true (at_fault == bare);
  g_clear_error (&error);
  g_assert_false (opora_store_save_survey_template (f->store, survey, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);

  /* At least one question. */
  opora_survey_template_set_title (empty, "Пустая анкета");
  g_assert_false (opora_survey_template_validate (empty, NULL, &field, &error));
  g_assert_cmpstr (field, ==, "questions");
  g_clear_error (&error);
  g_assert_false (opora_store_save_survey_template (f->store, empty, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpint (opora_survey_template_get_id (empty), ==, 0);

  after = dump_surveys (f->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_retire_on_edit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(OporaSurveyTemplate) survey = save_health_survey (f->store);
  g_autoptr(OporaSurveyTemplate) reloaded = NULL;
  g_autoptr(OporaSurveyResponse) response = NULL;
  g_autoptr(OporaSurveyResponse) old = NULL;
  g_autoptr(GError) error = NULL;
  OporaSurveyQuestion *yes_no = opora_survey_template_get_question (survey, 0);
  OporaSurveyQuestion *choice = opora_survey_template_get_question (survey, 1);
  OporaSurveyQuestion *text = opora_survey_template_get_question (survey, 2);
  OporaSurveyQuestion *question;
  gint64 person = add_person (f->store, "Кузнецова", "Мария", "Петровна", NULL);
  gint64 yes_no_id = opora_survey_question_get_id (yes_no);
  gint64 choice_id = opora_survey_question_get_id (choice);
  gint64 text_id = opora_survey_question_get_id (text);
  gint64 response_id;

  response = response_new (opora_survey_template_get_id (survey), person, "2023-03-01");
  opora_survey_response_set_answer (response, yes_no, OPORA_SURVEY_ANSWER_YES);
  opora_survey_response_set_answer (response, choice, "Среднее");
  g_assert_true (opora_store_save_survey_response (f->store, response, &error));
  g_assert_no_error (error);
  response_id = opora_survey_response_get_id (response);

  /* The answered question is reworded, the unanswered one too. */
  opora_survey_question_set_text (yes_no, "Нужна ли вам помощь центра?");
  opora_survey_question_set_text (text, "Ваши пожелания");
  g_assert_true (opora_store_save_survey_template (f->store, survey, &error));
  g_assert_no_error (error);
  g_assert_cmpint (opora_survey_question_get_id (yes_no), !=, yes_no_id);
  g_assert_cmpint (opora_survey_question_get_id (text), ==, text_id);
  g_assert_cmpint (opora_survey_question_get_id (choice), ==, choice_id);
  g_assert_cmpint (query_int (f->store, "SELECT retired FROM survey_question WHERE text ="
                                        " 'Нужна ли вам помощь?'"), ==, 1);

  reloaded = opora_store_load_survey_template (f->store, opora_survey_template_get_id (survey),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (opora_survey_template_get_n_questions (reloaded), ==, 3);
  question = opora_survey_template_get_question (reloaded, 0);
  g_assert_cmpstr (opora_survey_question_get_text (question), ==, "Нужна ли вам помощь центра?");
  g_assert_cmpuint (opora_survey_question_get_n_answers (
                      opora_survey_template_get_question (reloaded, 1)), ==, 1);

  /* The old response still reads the question it answered. */
  old = opora_store_load_survey_response (f->store, response_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_survey_response_get_answer (old, yes_no_id), ==, "yes");
  {
    g_autoptr(OporaSurveyAnswer) answer =
      g_list_model_get_item (opora_survey_response_get_answers (old), 0);
    OporaSurveyQuestion *answered = opora_survey_answer_get_question (answer);

    g_assert_cmpstr (opora_survey_question_get_text (answered), ==, "Нужна ли вам помощь?");
    g_assert_true (opora_survey_question_get_retired (answered));
  }

  /* The old response can still be corrected: the new question added after it was entered
   * need not be answered. */
  opora_survey_response_set_note (old, "Исправлено");
  g_assert_true (opora_store_save_survey_response (f->store, old, &error));
  g_assert_no_error (error);

  /* Removing an answered question retires it; the response keeps its answer. */
  question = opora_survey_template_get_question (reloaded, 1);
  opora_survey_template_remove_question (reloaded, question);
  g_assert_true (opora_store_save_survey_template (f->store, reloaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT retired FROM survey_question WHERE id = 0 + "
                                        "(SELECT min(question_id) FROM survey_answer"
                                        "  WHERE value = 'Среднее')"), ==, 1);
  g_clear_object (&old);
  old = opora_store_load_survey_response (f->store, response_id, &error);
  g_assert_cmpstr (opora_survey_response_get_answer (old, choice_id), ==, "Среднее");
}

static void
test_builtin_edit_keeps_codes (Fixture       *f,
                               gconstpointer  data)
{
  gint64 id = opora_store_get_builtin_survey_id (f->store);
  g_autoptr(OporaSurveyTemplate) seed = opora_store_load_survey_template (f->store, id, NULL);
  g_autoptr(OporaSurveyResponse) response = response_new (id, 0, "2023-05-10");
  g_autoptr(GError) error = NULL;
  gint64 person = add_person (f->store, "Орлова", "Ольга", NULL, NULL);
  gint64 q2 = opora_store_get_builtin_question_id (f->store, "q2");
  OporaSurveyQuestion *question = opora_survey_template_get_question (seed, 1);

  opora_survey_response_set_person_id (response, person);
  opora_survey_response_set_answer (response, opora_survey_template_get_question (seed, 0), "no");
  opora_survey_response_set_answer (response, question, "yes");
  g_assert_true (opora_store_save_survey_response (f->store, response, &error));
  g_assert_no_error (error);

  opora_survey_template_set_title (seed, "Анкета «Равный – равному»");
  opora_survey_question_set_text (question, "Готовы ли Вы воспользоваться опытом других семей?");
  g_assert_true (opora_store_save_survey_template (f->store, seed, &error));
  g_assert_no_error (error);

  g_assert_cmpint (opora_store_get_builtin_survey_id (f->store), ==, id);
  g_assert_cmpint (opora_store_get_builtin_question_id (f->store, "q2"), !=, q2);
  g_assert_cmpint (opora_store_get_builtin_question_id (f->store, "q2"), ==,
                   opora_survey_question_get_id (question));
  g_assert_cmpstr (opora_survey_question_get_code (question), ==, "q2");
  /* Indicators join on the code: the old «yes» still counts as an answer to Q2. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM survey_answer a"
                                        " JOIN survey_question q ON q.id = a.question_id"
                                        " JOIN survey_template t ON t.id = q.template_id"
                                        " WHERE t.code = 'peer_consent' AND q.code = 'q2'"
                                        " AND a.value = 'yes'"), ==, 1);
}

static void
test_response_refusals (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(OporaSurveyTemplate) survey = save_health_survey (f->store);
  g_autoptr(OporaSurveyResponse) response = NULL;
  g_autoptr(GListModel) by_person = NULL;
  g_autoptr(GListModel) by_template = NULL;
  g_autoptr(OporaSurveyResponse) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow_time = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (tomorrow_time, "%Y-%m-%d");
  OporaSurveyQuestion *yes_no = opora_survey_template_get_question (survey, 0);
  OporaSurveyQuestion *choice = opora_survey_template_get_question (survey, 1);
  gint64 template_id = opora_survey_template_get_id (survey);
  gint64 person = add_person (f->store, "Смирнова", "Ольга", NULL, NULL);
  const char *field = NULL;
  gint64 question_id = 0;

  before = dump_surveys (f->store);
  response = response_new (template_id, 0, "2023-03-01");
  opora_survey_response_set_answer (response, yes_no, "no");
  opora_survey_response_set_answer (response, choice, "Плохое");

  /* No person. */
  g_assert_false (opora_store_save_survey_response (f->store, response, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (opora_survey_response_validate (response, NULL, &field, NULL, &error));
  g_assert_cmpstr (field, ==, "person");
  g_clear_error (&error);

  /* A person who does not exist. */
  opora_survey_response_set_person_id (response, 9999);
  g_assert_false (opora_store_save_survey_response (f->store, response, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  opora_survey_response_set_person_id (response, person);

  /* No date, a date that is not one, a date in the future. */
  opora_survey_response_set_responded_on (response, NULL);
  g_assert_false (opora_store_save_survey_response (f->store, response, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  opora_survey_response_set_responded_on (response, "2023-02-30");
  g_assert_false (opora_store_save_survey_response (f->store, response, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
  g_clear_error (&error);
  opora_survey_response_set_responded_on (response, tomorrow);
  g_assert_false (opora_survey_response_validate (response, NULL, &field, NULL, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
  g_assert_cmpstr (field, ==, "responded-on");
  g_clear_error (&error);
  g_assert_false (opora_store_save_survey_response (f->store, response, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE);
  g_clear_error (&error);
  opora_survey_response_set_responded_on (response, "2023-03-01");

  /* A yes/no question left unanswered; a value the question does not accept. */
  opora_survey_response_set_answer (response, yes_no, NULL);
  g_assert_false (opora_survey_response_validate (response,
                                                  opora_survey_template_get_questions (survey),
                                                  &field, &question_id, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_assert_cmpstr (field, ==, "answer");
  g_assert_cmpint (question_id, ==, opora_survey_question_get_id (yes_no));
  g_clear_error (&error);
  g_assert_false (opora_store_save_survey_response (f->store, response, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
  g_clear_error (&error);
  opora_survey_response_set_answer (response, yes_no, "maybe");
  g_assert_false (opora_store_save_survey_response (f->store, response, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  opora_survey_response_set_answer (response, yes_no, "no");

  after = dump_surveys (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (opora_survey_response_get_id (response), ==, 0);

  g_assert_true (opora_store_save_survey_response (f->store, response, &error));
  g_assert_no_error (error);
  g_assert_cmpint (opora_survey_response_get_id (response), >, 0);
  g_assert_cmpuint (opora_store_count_survey_responses (f->store, template_id), ==, 1);
  g_assert_cmpuint (opora_store_count_survey_responses (f->store, 0), ==, 1);

  /* The same form keyed in twice is refused; the first stays as it was. */
  {
    g_autoptr(OporaSurveyResponse) twice = opora_survey_response_copy (response);

    g_clear_pointer (&before, g_free);
    before = dump_surveys (f->store);
    opora_survey_response_set_id (twice, 0);
    g_assert_false (opora_store_save_survey_response (f->store, twice, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE);
    g_assert_nonnull (strstr (error->message, "Смирнова Ольга"));
    g_clear_error (&error);
    g_clear_pointer (&after, g_free);
    after = dump_surveys (f->store);
    g_assert_cmpstr (before, ==, after);
  }

  by_person = opora_store_list_person_survey_responses (f->store, person);
  by_template = opora_store_list_template_survey_responses (f->store, template_id);
  g_assert_cmpuint (g_list_model_get_n_items (by_person), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (by_template), ==, 1);
  listed = g_list_model_get_item (by_person, 0);
  g_assert_cmpstr (opora_survey_response_get_person_name (listed), ==, "Смирнова Ольга");
  g_assert_cmpstr (opora_survey_response_get_template_title (listed), ==,
                   "Анкета о ЗДОРОВЬЕ семьи");
  g_assert_cmpstr (opora_survey_response_get_answer (listed,
                                                     opora_survey_question_get_id (choice)),
                   ==, "Плохое");
  summary = opora_survey_response_dup_summary (listed);
  g_assert_nonnull (strstr (summary, "2 — Плохое"));
  g_assert_true (g_str_has_prefix (summary, "1 — "));
}

static void
test_parse_answers (void)
{
  g_autoptr(OporaSurveyQuestion) yes_no = question_new (OPORA_SURVEY_QUESTION_YES_NO, "Да?", NULL);
  g_autoptr(OporaSurveyQuestion) single = question_new (OPORA_SURVEY_QUESTION_SINGLE, "Что?",
                                                        "Хорошее\nСреднее\nПлохое");
  g_autoptr(OporaSurveyQuestion) multiple = question_new (OPORA_SURVEY_QUESTION_MULTIPLE, "Что?",
                                                          "Работа\nУчёба\nДети");
  static const struct { const char *typed; const char *value; } yes_no_cases[] = {
    { "Д", "yes" }, { "да", "yes" }, { "1", "yes" }, { "y", "yes" }, { " YES ", "yes" },
    { "Н", "no" }, { "нет", "no" }, { "0", "no" }, { "n", "no" }, { "-", "no" }, { "", NULL },
  };
  g_autoptr(GError) error = NULL;
  char *value = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (yes_no_cases); i++)
    {
      g_assert_true (opora_survey_question_parse_answer (yes_no, yes_no_cases[i].typed, &value,
                                                         &error));
      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, yes_no_cases[i].value);
      g_clear_pointer (&value, g_free);
    }
  g_assert_false (opora_survey_question_parse_answer (yes_no, "может быть", &value, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_assert_null (value);
  g_clear_error (&error);

  g_assert_true (opora_survey_question_parse_answer (single, "2", &value, &error));
  g_assert_cmpstr (value, ==, "Среднее");
  g_clear_pointer (&value, g_free);
  g_assert_true (opora_survey_question_parse_answer (single, "плохое", &value, &error));
  g_assert_cmpstr (value, ==, "Плохое");
  g_clear_pointer (&value, g_free);
  g_assert_false (opora_survey_question_parse_answer (single, "4", &value, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  /* In the options' order, each once; «е» finds «ё». */
  g_assert_true (opora_survey_question_parse_answer (multiple, "3, 1 учеба 3", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "Работа\nУчёба\nДети");
  g_assert_true (opora_survey_question_accepts (multiple, value));
  g_clear_pointer (&value, g_free);
  g_assert_false (opora_survey_question_parse_answer (multiple, "1, 5", &value, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (opora_survey_question_accepts (single, "Отличное"));
  g_assert_true (opora_survey_question_accepts (yes_no, "no"));
}

static void
test_resolve_respondent (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *snils = make_snils (17);
  g_autofree char *typed_snils = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ivan = add_person (f->store, "Иванов", "Иван", "Иванович", snils);
  gint64 igor = add_person (f->store, "Иванов", "Игорь", "Петрович", NULL);
  gint64 anna = add_person (f->store, "Семёнова", "Анна", "Сергеевна", NULL);
  static const struct { const char *typed; int which; } found[] = {
    { "Иванов И.И.", 0 }, { "иванов и. и.", 0 }, { "ИВАНОВ ИВАН", 0 }, { "Иванов И.П.", 1 },
    { "Иванов Игорь", 1 }, { "Семенова А.С.", 2 }, { "семёнова", 2 },
  };
  gint64 ids[] = { ivan, igor, anna };

  add_person (f->store, "Ивановская", "Инна", "Ивановна", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (found); i++)
    {
      g_autoptr(OporaPerson) person = opora_store_resolve_respondent (f->store, found[i].typed,
                                                                       &error);
      g_assert_no_error (error);
      g_assert_nonnull (person);
      g_assert_cmpint (opora_person_get_id (person), ==, ids[found[i].which]);
    }

  typed_snils = g_strdup_printf ("%.3s-%.3s-%.3s %.2s", snils, snils + 3, snils + 6, snils + 9);
  {
    g_autoptr(OporaPerson) person = opora_store_resolve_respondent (f->store, typed_snils,
                                                                     &error);
    g_assert_no_error (error);
    g_assert_cmpint (opora_person_get_id (person), ==, ivan);
  }

  /* Two Ивановы with И.: ambiguous; nobody; a SNILS nobody has; nothing typed. */
  g_assert_null (opora_store_resolve_respondent (f->store, "Иванов И.", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);
  g_assert_null (opora_store_resolve_respondent (f->store, "Петров П.П.", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (opora_store_resolve_respondent (f->store, "Ивано", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&snils, g_free);
  snils = make_snils (18);
  g_assert_null (opora_store_resolve_respondent (f->store, snils, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (opora_store_resolve_respondent (f->store, "112-233-445 00", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_SNILS);
  g_clear_error (&error);
  g_assert_null (opora_store_resolve_respondent (f->store, "  ", &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED);
}

static char *
export_without_time (OporaStore *store)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) stamp = g_regex_new ("\n  \"exported_at\": \"[^\"]*\",", 0, 0, NULL);
  g_autofree char *json = NULL;

  g_assert_true (opora_interchange_export (store, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  json = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  return g_regex_replace_literal (stamp, json, -1, 0, "", 0, NULL);
}

static void
test_interchange_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(OporaSurveyTemplate) survey = save_health_survey (f->store);
  g_autoptr(OporaSurveyTemplate) seed = NULL;
  g_autoptr(OporaStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autofree char *path = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gint64 seed_id = opora_store_get_builtin_survey_id (f->store);
  gint64 people[3];

  people[0] = add_person (f->store, "Лебедева", "Анна", NULL, NULL);
  people[1] = add_person (f->store, "Гусев", "Павел", NULL, NULL);
  people[2] = add_person (f->store, "Зайцева", "Вера", NULL, NULL);
  seed = opora_store_load_survey_template (f->store, seed_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(OporaSurveyResponse) consent = response_new (seed_id, people[i], "2023-04-03");
      g_autoptr(OporaSurveyResponse) health = NULL;

      opora_survey_response_set_answer (consent, opora_survey_template_get_question (seed, 0),
                                        i % 2 ? "yes" : "no");
      opora_survey_response_set_answer (consent, opora_survey_template_get_question (seed, 1),
                                        "yes");
      g_assert_true (opora_store_save_survey_response (f->store, consent, &error));
      g_assert_no_error (error);

      health = response_new (opora_survey_template_get_id (survey), people[i], "2023-05-01");
      opora_survey_response_set_answer (health, opora_survey_template_get_question (survey, 0),
                                        "yes");
      opora_survey_response_set_answer (health, opora_survey_template_get_question (survey, 1),
                                        "Хорошее");
      opora_survey_response_set_answer (health, opora_survey_template_get_question (survey, 2),
                                        "Спасибо «вам»,\n\"всем\"");
      g_assert_true (opora_store_save_survey_response (f->store, health, &error));
      g_assert_no_error (error);
    }
  /* An answered question reworded: its retired row travels too. */
  opora_survey_question_set_text (opora_survey_template_get_question (seed, 1), "Готовы?");
  g_assert_true (opora_store_save_survey_template (f->store, seed, &error));
  g_assert_no_error (error);

  first = export_without_time (f->store);
  copy = opora_store_open (path, OPORA_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  in = g_memory_input_stream_new_from_data (g_strdup (first), -1, g_free);
  g_assert_true (opora_interchange_import (copy, in, NULL, &error));
  g_assert_no_error (error);
  second = export_without_time (copy);
  g_assert_cmpstr (first, ==, second);

  /* The built-in survey was replaced by the file's, not added to. */
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM survey_template"), ==, 2);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM survey_question WHERE retired = 1"),
                   ==, 1);
  g_assert_cmpuint (opora_store_count_survey_responses (copy, seed_id), ==, 3);
  g_assert_cmpint (opora_store_get_builtin_question_id (copy, "q2"), ==,
                   opora_store_get_builtin_question_id (f->store, "q2"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/surveys/builtin-seed", Fixture, NULL,
              fixture_set_up, test_builtin_seed, fixture_tear_down);
  g_test_add ("/surveys/template-crud", Fixture, NULL,
              fixture_set_up, test_template_crud, fixture_tear_down);
  g_test_add ("/surveys/template-refusals", Fixture, NULL,
              fixture_set_up, test_template_refusals, fixture_tear_down);
  g_test_add ("/surveys/retire-on-edit", Fixture, NULL,
              fixture_set_up, test_retire_on_edit, fixture_tear_down);
  g_test_add ("/surveys/builtin-edit-keeps-codes", Fixture, NULL,
              fixture_set_up, test_builtin_edit_keeps_codes, fixture_tear_down);
  g_test_add ("/surveys/response-refusals", Fixture, NULL,
              fixture_set_up, test_response_refusals, fixture_tear_down);
  g_test_add_func ("/surveys/parse-answers", test_parse_answers);
  g_test_add ("/surveys/resolve-respondent", Fixture, NULL,
              fixture_set_up, test_resolve_respondent, fixture_tear_down);
  g_test_add ("/surveys/interchange-round-trip", Fixture, NULL,
              fixture_set_up, test_interchange_round_trip, fixture_tear_down);

  return g_test_run ();
}
