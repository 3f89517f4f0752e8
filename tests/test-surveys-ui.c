/* The surveys page, the template editor, the response editor and the quick-entry grid on a
 * real database, in Russian: templates made and refused, an answered question reworded,
 * a response entered and refused, delete and Undo, and a stack of forms typed line by
 * line with the keyboard alone (text typed into the cells, Enter to move on). */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-i18n.h"
#include "opora-person-page.h"
#include "opora-person-surveys.h"
#include "opora-snils.h"
#include "opora-store-persons.h"
#include "opora-store-private.h"
#include "opora-store-surveys.h"
#include "opora-survey-grid.h"
#include "opora-survey-response-editor.h"
#include "opora-survey-template-editor.h"
#include "opora-surveys-page.h"
#include "opora-test-util.h"

#define TIMEOUT_US (5 * G_USEC_PER_SEC)

typedef struct
{
  char       *dir;
  OporaStore *store;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_US;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
row_titled (GtkWidget  *root,
            const char *title)
{
  GtkWidget *row = find (root, is_row_titled, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  return row;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_visible_error_label (GtkWidget     *widget,
                        gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error")
         && gtk_widget_is_visible (widget)
         && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  spin ();
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

static char *
query_text (OporaStore *store,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (opora_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static GListModel *
page_list (Fixture *fixture)
{
  GtkWidget *view = find (fixture->page, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (view));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
}

typedef struct
{
  Fixture *fixture;
  guint    n;
} Count;

static gboolean
has_n_rows (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (page_list (count->fixture)) == count->n;
}

static void
wait_for_rows (Fixture *fixture,
               guint    n)
{
  Count count = { fixture, n };

  if (!wait_for (has_n_rows, &count))
    g_error ("Expected %u surveys, the page shows %u", n,
             g_list_model_get_n_items (page_list (fixture)));
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
  opora_person_set_sex (person, OPORA_SEX_MALE);
  opora_person_set_birth_date (person, "1979-11-02");
  opora_person_set_snils (person, snils);
  g_assert_true (opora_store_save_person (store, person, &error));
  g_assert_no_error (error);
  return opora_person_get_id (person);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = opora_test_open_store (&fixture->dir);
  fixture->page = opora_surveys_page_new (fixture->store);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 640);
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Every window a test opened, the grid's «discard?» dialogs included. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  spin ();
  g_clear_object (&fixture->store);
  opora_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
test_page_and_template_editor (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(OporaSurveyTemplate) builtin = NULL;
  g_autoptr(OporaSurveyTemplate) created = NULL;
  GtkWidget *editor, *question, *add;
  GtkWindow *window;
  guint n_templates;

  wait_for_rows (fixture, 1);
  builtin = g_list_model_get_item (page_list (fixture), 0);
  g_assert_true (opora_survey_template_is_builtin (builtin));

  window = opora_surveys_page_open_editor (OPORA_SURVEYS_PAGE (fixture->page), 0);
  editor = GTK_WIDGET (window);
  spin ();

  /* Saved with no title and an empty question: both refused in place, nothing written. */
  g_assert_false (opora_survey_template_editor_save (OPORA_SURVEY_TEMPLATE_EDITOR (editor)));
  g_assert_nonnull (find (editor, is_visible_error_label, _("A survey needs a title")));
  g_assert_nonnull (find (editor, is_visible_error_label, "1"));
  g_assert_true (gtk_widget_has_css_class (row_titled (editor, C_("survey", "Title")), "error"));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_template"), ==, 1);

  /* Filled in: a title, the first question, and a second one, a choice. */
  gtk_editable_set_text (GTK_EDITABLE (row_titled (editor, C_("survey", "Title"))),
                         "Анкета о занятости");
  question = row_titled (editor, C_("survey", "Question"));
  gtk_editable_set_text (GTK_EDITABLE (question), "Работаете ли Вы сейчас?");
  add = find (editor, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_BUTTON_CONTENT));
  g_assert_nonnull (add);
  click (gtk_widget_get_parent (add));
  {
    OporaSurveyTemplate *survey =
      opora_survey_template_editor_get_template (OPORA_SURVEY_TEMPLATE_EDITOR (editor));
    OporaSurveyQuestion *second = opora_survey_template_get_question (survey, 1);
    g_autofree char *title = g_strdup_printf (_("%u. %s"), 2, _("New question"));
    GtkWidget *second_row = row_titled (editor, title);
    GtkWidget *second_question = find (second_row, is_row_titled, C_("survey", "Question"));
    GtkWidget *kind = find (second_row, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW));

    gtk_editable_set_text (GTK_EDITABLE (second_question), "Где Вы ищете работу?");
    adw_combo_row_set_selected (ADW_COMBO_ROW (kind), OPORA_SURVEY_QUESTION_SINGLE);
    spin ();
    g_assert_cmpint (opora_survey_question_get_kind (second), ==, OPORA_SURVEY_QUESTION_SINGLE);

    /* A choice without options is refused under them. */
    g_assert_false (opora_survey_template_editor_save (OPORA_SURVEY_TEMPLATE_EDITOR (editor)));
    g_assert_nonnull (find (second_row, is_visible_error_label, "2"));
    g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_template"), ==, 1);

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
                                find (second_row, is_of_type,
                                      GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)))),
                              "Центр занятости\nОбъявления\nЗнакомые", -1);
  }
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  click (find (editor, is_button_labelled, _("_Save")));
  g_assert_null (editor);

  wait_for_rows (fixture, 2);
  n_templates = (guint) query_int (fixture->store, "SELECT count(*) FROM survey_template");
  g_assert_cmpuint (n_templates, ==, 2);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_question q"
                                              " JOIN survey_template t ON t.id = q.template_id"
                                              " WHERE t.title = 'Анкета о занятости'"
                                              " AND q.kind = 'single'"
                                              " AND q.options LIKE 'Центр занятости%'"), ==, 1);

  /* Delete the new survey (selected second), then Undo. */
  gtk_single_selection_set_selected (
    GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (
      find (fixture->page, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW))))), 1);
  created = g_list_model_get_item (page_list (fixture), 1);
  g_assert_false (opora_survey_template_is_builtin (created));
  gtk_widget_activate_action (fixture->page, "surveys.delete", NULL);
  wait_for_rows (fixture, 1);
  {
    AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (
      find (fixture->page, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_TOAST_OVERLAY)));
    GtkWidget *undo = find (GTK_WIDGET (overlay), is_button_labelled, _("_Undo"));

    g_assert_nonnull (undo);
    click (undo);
  }
  wait_for_rows (fixture, 2);

  /* The built-in survey cannot be deleted. */
  gtk_single_selection_set_selected (
    GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (
      find (fixture->page, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW))))), 0);
  spin ();
  gtk_widget_activate_action (fixture->page, "surveys.delete", NULL);
  spin ();
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_template"), ==, 2);
}

static void
test_reword_answered_question (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 survey_id = opora_store_get_builtin_survey_id (fixture->store);
  gint64 person = add_person (fixture->store, "Белов", "Сергей", "Олегович", NULL);
  gint64 old_q2 = opora_store_get_builtin_question_id (fixture->store, "q2");
  g_autoptr(OporaSurveyTemplate) seed = opora_store_load_survey_template (fixture->store,
                                                                           survey_id, NULL);
  g_autoptr(OporaSurveyResponse) response = opora_survey_response_new ();
  g_autoptr(OporaSurveyResponse) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *second_title = NULL;
  GtkWidget *editor, *second, *q2_entry;

  opora_survey_response_set_template_id (response, survey_id);
  opora_survey_response_set_person_id (response, person);
  opora_survey_response_set_responded_on (response, "2023-02-15");
  opora_survey_response_set_answer (response, opora_survey_template_get_question (seed, 0), "yes");
  opora_survey_response_set_answer (response, opora_survey_template_get_question (seed, 1), "yes");
  g_assert_true (opora_store_save_survey_response (fixture->store, response, &error));
  g_assert_no_error (error);
  old_text = g_strdup (opora_survey_question_get_text (
                         opora_survey_template_get_question (seed, 1)));

  editor = GTK_WIDGET (opora_surveys_page_open_editor (OPORA_SURVEYS_PAGE (fixture->page),
                                                       survey_id));
  spin ();
  /* The second question's row says it has an answer. */
  second_title = g_strdup_printf (_("%u. %s"), 2, old_text);
  second = row_titled (editor, second_title);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (second)), "1"));
  q2_entry = find (second, is_row_titled, C_("survey", "Question"));
  gtk_editable_set_text (GTK_EDITABLE (q2_entry),
                         "Готовы ли Вы воспользоваться опытом других семей города "
                         "{city_locative}?");
  g_assert_true (opora_survey_template_editor_save (OPORA_SURVEY_TEMPLATE_EDITOR (editor)));

  g_assert_cmpint (opora_store_get_builtin_survey_id (fixture->store), ==, survey_id);
  g_assert_cmpint (opora_store_get_builtin_question_id (fixture->store, "q2"), !=, old_q2);
  g_assert_cmpint (query_int (fixture->store, "SELECT retired FROM survey_question WHERE id = 2"),
                   ==, 1);
  old = opora_store_load_survey_response (fixture->store, opora_survey_response_get_id (response),
                                          &error);
  g_assert_no_error (error);
  {
    g_autoptr(OporaSurveyAnswer) answer =
      g_list_model_get_item (opora_survey_response_get_answers (old), 1);

    g_assert_cmpstr (opora_survey_question_get_text (opora_survey_answer_get_question (answer)),
                     ==, old_text);
  }
}

static gboolean
is_toggle_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_TOGGLE_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
test_response_editor (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 person = add_person (fixture->store, "Гришин", "Антон", "Павлович", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
  g_autofree char *future = g_date_time_format (later, "%d.%m.%Y");
  g_autofree char *today = opora_date_today_iso ();
  g_autofree char *q1 = NULL;
  g_autofree char *q2 = NULL;
  g_autofree char *q1_title = NULL;
  GtkWidget *editor, *q1_row, *q2_row, *date_row;

  editor = GTK_WIDGET (opora_survey_response_editor_present (fixture->page, fixture->store,
                                                             person, 0));
  g_assert_nonnull (editor);
  spin ();

  /* The form as the seed prints it. */
  g_assert_nonnull (find (editor, is_row_titled, "Гришин Антон Павлович"));
  q1_title = g_strdup_printf (_("%u. %s"), 1,
                              "Готовы ли Вы участвовать в психологических занятиях по "
                              "поиску внутренних ресурсов для повышения своего материального "
                              "благосостояния (своей семьи)?");
  q1_row = row_titled (editor, q1_title);
  q2_row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (q1_row));
  g_assert_true (ADW_IS_ACTION_ROW (q2_row));
  date_row = row_titled (editor, _("Date Filled In (DD.MM.YYYY)"));

  /* Q1 left unanswered: refused under it, nothing saved. */
  click (find (q2_row, is_toggle_labelled, C_("answer", "No")));
  g_assert_false (opora_survey_response_editor_save (OPORA_SURVEY_RESPONSE_EDITOR (editor)));
  g_assert_true (gtk_widget_has_css_class (q1_row, "error"));
  g_assert_nonnull (find (editor, is_visible_error_label, "1"));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_response"), ==, 0);

  /* A date in the future: refused under the date. */
  click (find (q1_row, is_toggle_labelled, C_("answer", "Yes")));
  gtk_editable_set_text (GTK_EDITABLE (date_row), future);
  g_assert_false (opora_survey_response_editor_save (OPORA_SURVEY_RESPONSE_EDITOR (editor)));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_response"), ==, 0);

  {
    g_autofree char *shown = opora_date_iso_to_display (today);
    gtk_editable_set_text (GTK_EDITABLE (date_row), shown);
  }
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  click (find (editor, is_button_labelled, _("_Save")));
  g_assert_null (editor);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_response"), ==, 1);
  q1 = query_text (fixture->store, "SELECT value FROM survey_answer a JOIN survey_question q"
                                   " ON q.id = a.question_id WHERE q.code = 'q1'");
  q2 = query_text (fixture->store, "SELECT value FROM survey_answer a JOIN survey_question q"
                                   " ON q.id = a.question_id WHERE q.code = 'q2'");
  g_assert_cmpstr (q1, ==, "yes");
  g_assert_cmpstr (q2, ==, "no");
}

/* Typing into the cell the grid has focused, then Enter: the keyboard and nothing else.
 * The focus is the entry's text widget; Enter is bound to its "activate" signal. */
static void
type_line (OporaSurveyGrid *grid,
           const char      *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (grid));

  g_assert_true (GTK_IS_TEXT (focus));
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (focus), text);
  g_signal_emit_by_name (focus, "activate");
  spin ();
}

static GtkWidget *
focused_entry (OporaSurveyGrid *grid)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (grid));

  return GTK_IS_ENTRY (focus) ? focus : gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY);
}

static void
test_grid_keyboard (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *snils = NULL;
  g_autofree char *nine = g_strdup_printf ("%09u", 123456789u);
  g_autoptr(GError) error = NULL;
  gint64 ivan, igor, olga;
  OporaSurveyGrid *grid;
  gint64 survey = opora_store_get_builtin_survey_id (fixture->store);
  g_autofree char *today = NULL;

  snils = g_strdup_printf ("%s%02d", nine, opora_snils_checksum (nine));
  ivan = add_person (fixture->store, "Иванов", "Иван", "Иванович", NULL);
  igor = add_person (fixture->store, "Иванов", "Игорь", "Петрович", NULL);
  olga = add_person (fixture->store, "Соколова", "Ольга", "Николаевна", snils);

  grid = OPORA_SURVEY_GRID (opora_survey_grid_new (fixture->store, survey, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (grid));
  spin ();
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 0, 0));
  {
    g_autofree char *iso = opora_date_today_iso ();
    today = opora_date_iso_to_display (iso);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (opora_survey_grid_get_cell (grid, 0, 1))),
                   ==, today);

  /* Line 1: surname and initials, today's date as it comes, Д and Н. */
  type_line (grid, "Иванов И.И.");
  g_assert_nonnull (strstr (opora_survey_grid_get_message (grid, 0), "Иванов Иван Иванович"));
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 0, 1));
  type_line (grid, "01.03.2023");
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 0, 2));
  type_line (grid, "Д");
  type_line (grid, "н");
  g_assert_true (opora_survey_grid_line_is_saved (grid, 0));
  g_assert_cmpuint (opora_survey_grid_get_n_lines (grid), ==, 2);
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 1, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (opora_survey_grid_get_cell (grid, 1, 1))),
                   ==, "01.03.2023");

  /* Line 2: an ambiguous name is refused in place and kept; so is an impossible date and an
   * answer that is neither yes nor no. */
  type_line (grid, "Иванов И.");
  g_assert_false (opora_survey_grid_line_is_saved (grid, 1));
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 1, 0));
  g_assert_nonnull (strstr (opora_survey_grid_get_message (grid, 1), "2"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (opora_survey_grid_get_cell (grid, 1, 0))),
                   ==, "Иванов И.");
  g_assert_true (gtk_widget_has_css_class (opora_survey_grid_get_cell (grid, 1, 0), "error"));
  type_line (grid, "Иванов Игорь");
  g_assert_nonnull (strstr (opora_survey_grid_get_message (grid, 1), "Иванов Игорь Петрович"));
  type_line (grid, "30.02.2023");
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 1, 1));
  type_line (grid, "02.03.2023");
  type_line (grid, "может");
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 1, 2));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (opora_survey_grid_get_cell (grid, 1, 2))),
                   ==, "может");
  type_line (grid, "1");
  type_line (grid, "0");
  g_assert_true (opora_survey_grid_line_is_saved (grid, 1));

  /* Line 3: a SNILS as written on the form; the date of the line above. */
  {
    g_autofree char *typed = g_strdup_printf ("%.3s-%.3s-%.3s %.2s", snils, snils + 3,
                                              snils + 6, snils + 9);
    type_line (grid, typed);
  }
  g_assert_nonnull (strstr (opora_survey_grid_get_message (grid, 2), "Соколова"));
  type_line (grid, NULL);
  type_line (grid, "y");
  type_line (grid, "y");
  g_assert_true (opora_survey_grid_line_is_saved (grid, 2));

  /* Line 4: the first form keyed in again is refused, and says so in place. */
  type_line (grid, "иванов иван");
  type_line (grid, "01.03.2023");
  type_line (grid, "д");
  type_line (grid, "д");
  g_assert_false (opora_survey_grid_line_is_saved (grid, 3));
  g_assert_nonnull (strstr (opora_survey_grid_get_message (grid, 3), "Иванов Иван Иванович"));
  g_assert_true (focused_entry (grid) == opora_survey_grid_get_cell (grid, 3, 1));

  /* What the database holds: three responses, with the answers typed. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_response"), ==, 3);
  {
    struct { gint64 person; const char *date; const char *q1; const char *q2; } expected[] = {
      { ivan, "2023-03-01", "yes", "no" },
      { igor, "2023-03-02", "yes", "no" },
      { olga, "2023-03-02", "yes", "yes" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *sql = g_strdup_printf (
          "SELECT r.responded_on || ' ' || (SELECT group_concat (value, ' ') FROM"
          "  (SELECT a.value FROM survey_answer a JOIN survey_question q"
          "   ON q.id = a.question_id WHERE a.response_id = r.id ORDER BY q.position))"
          " FROM survey_response r WHERE r.person_id = %" G_GINT64_FORMAT,
          expected[i].person);
        g_autofree char *row = query_text (fixture->store, sql);
        g_autofree char *want = g_strdup_printf ("%s %s %s", expected[i].date, expected[i].q1,
                                                 expected[i].q2);

        g_assert_cmpstr (row, ==, want);
      }
  }

  /* A saved line changed and saved again updates its response, not a new one. */
  gtk_widget_grab_focus (opora_survey_grid_get_cell (grid, 0, 3));
  type_line (grid, "д");
  g_assert_true (opora_survey_grid_line_is_saved (grid, 0));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_response"), ==, 3);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_answer"
                                              " WHERE value = 'yes'"), ==, 5);
}

static gboolean
is_response_editor (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (OPORA_IS_SURVEY_RESPONSE_EDITOR (window))
        {
          *(GtkWidget **) data = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* The group's own list: the group keeps a hidden list box of its own for rows. */
static gboolean
is_visible_list_box (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_get_visible (widget);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child;
       child = gtk_widget_get_next_sibling (child))
    n += ADW_IS_ACTION_ROW (child) ? 1 : 0;
  return n;
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} ListCount;

static gboolean
list_has_n_rows (gpointer data)
{
  ListCount *count = data;

  return count_rows (count->list) == count->n;
}

/* From a person's page: fill in the built-in survey, see it listed, delete it, Undo. */
static void
test_person_page (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 person = add_person (fixture->store, "Фомина", "Ирина", "Львовна", NULL);
  GtkWidget *page = opora_person_page_new (fixture->store, person);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group, *list, *editor = NULL, *row;
  ListCount count;

  gtk_window_set_default_size (GTK_WINDOW (window), 860, 900);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  spin ();

  group = find (page, is_of_type, GSIZE_TO_POINTER (OPORA_TYPE_PERSON_SURVEYS));
  g_assert_nonnull (group);
  list = find (group, is_visible_list_box, NULL);
  g_assert_cmpuint (count_rows (list), ==, 0);

  g_assert_true (gtk_widget_activate_action (group, "person-surveys.fill", "x", (gint64) 0));
  g_assert_true (wait_for (is_response_editor, &editor));
  {
    g_autofree char *q1 = g_strdup_printf (_("%u. %s"), 1, "Готовы ли Вы участвовать в "
                                           "психологических занятиях по поиску внутренних "
                                           "ресурсов для повышения своего материального "
                                           "благосостояния (своей семьи)?");
    GtkWidget *q1_row = row_titled (editor, q1);
    GtkWidget *q2_row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (q1_row));

    click (find (q1_row, is_toggle_labelled, C_("answer", "No")));
    click (find (q2_row, is_toggle_labelled, C_("answer", "Yes")));
  }
  g_assert_true (opora_survey_response_editor_save (OPORA_SURVEY_RESPONSE_EDITOR (editor)));

  count = (ListCount) { list, 1 };
  g_assert_true (wait_for (list_has_n_rows, &count));
  row = find (list, is_of_type, GSIZE_TO_POINTER (ADW_TYPE_ACTION_ROW));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Анкета о согласии на обмен опытом");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2 — "));

  click (find (row, is_of_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON)));
  count.n = 0;
  g_assert_true (wait_for (list_has_n_rows, &count));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_answer"), ==, 0);
  click (find (page, is_button_labelled, _("_Undo")));
  count.n = 1;
  g_assert_true (wait_for (list_has_n_rows, &count));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM survey_answer"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* Russian, from the build tree's translations (OPORA_LOCALEDIR), as a user sees it. */
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  opora_i18n_init ();

  g_test_init (&argc, &argv, NULL);
  if (opora_test_init_gtk ())
    adw_init ();

#define ADD(path, func) \
  g_test_add ("/surveys-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  if (gtk_is_initialized ())
    {
      ADD ("page-and-template-editor", test_page_and_template_editor);
      ADD ("reword-answered-question", test_reword_answered_question);
      ADD ("response-editor", test_response_editor);
      ADD ("grid-keyboard", test_grid_keyboard);
      ADD ("person-page", test_person_page);
    }
#undef ADD

  return g_test_run ();
}
