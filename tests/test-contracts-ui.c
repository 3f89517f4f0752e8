/* The Social contracts page, the contract editor, the person page and the enrollment
 * editor on a real database: fill, save, see the row; a refused field says why under it;
 * delete and Undo. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "opora-contract-editor-rows.h"
#include "opora-contract-editor.h"
#include "opora-contracts-page.h"
#include "opora-enrollment-editor.h"
#include "opora-i18n.h"
#include "opora-person-page.h"
#include "opora-store-contracts.h"
#include "opora-store-enrollments.h"
#include "opora-store-persons.h"
#include "opora-store-staff.h"
#include "opora-test-util.h"

typedef struct
{
  char       *dir;
  OporaStore *store;
  GtkWidget  *window;
  GtkWidget  *page;
  gint64      person_id;
  gint64      other_id;
  gint64      staff_id;
} Fixture;

static gint64
save_person (OporaStore *store,
             const char *surname,
             const char *name,
             const char *district)
{
  g_autoptr(OporaPerson) person = opora_person_new ();
  g_autoptr(GError) error = NULL;

  opora_person_set_surname (person, surname);
  opora_person_set_name (person, name);
  opora_person_set_sex (person, OPORA_SEX_FEMALE);
  opora_person_set_district (person, district);
  opora_store_save_person (store, person, &error);
  g_assert_no_error (error);
  return opora_person_get_id (person);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(OporaStaff) staff = opora_staff_new ();
  g_autoptr(GError) error = NULL;

  fixture->store = opora_test_open_store (&fixture->dir);
  fixture->person_id = save_person (fixture->store, "Иванова", "Мария", "Северный");
  fixture->other_id = save_person (fixture->store, "Петрова", "Анна", "Южный");
  opora_staff_set_full_name (staff, "Кузнецова Анна Павловна");
  opora_staff_set_position (staff, OPORA_POSITION_FAMILY_SPECIALIST);
  opora_store_save_staff (fixture->store, staff, &error);
  g_assert_no_error (error);
  fixture->staff_id = opora_staff_get_id (staff);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Editors and person windows opened by a test go with it. */
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  g_clear_object (&fixture->store);
  opora_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, for five seconds at most. */
static gboolean
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (5, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  return done (data);
}

static gboolean
always_false (gpointer data)
{
  return FALSE;
}

/* Lets idles and the first frames run. */
static void
settle (void)
{
  gboolean timed_out = FALSE;

  g_timeout_add (100, timed_out_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  (void) always_false;
}

static void
show_page (Fixture *fixture)
{
  fixture->window = gtk_window_new ();
  fixture->page = opora_contracts_page_new (fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_present (GTK_WINDOW (fixture->window));
  settle ();
}

static gpointer
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (child == NULL)
    g_error ("%s has no template child “%s”", g_type_name (type), name);
  return child;
}

#define EDITOR_CHILD(editor, name) child_of (editor, OPORA_TYPE_CONTRACT_EDITOR, name)
#define PAGE_CHILD(page, name) child_of (page, OPORA_TYPE_CONTRACTS_PAGE, name)

/* The refusal shown right under @row, or NULL when none shows. */
static const char *
error_under (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row);
  GtkWidget *label;

  if (next == NULL || !gtk_widget_get_visible (next) || !ADW_IS_PREFERENCES_ROW (next))
    return NULL;
  label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next));
  if (!GTK_IS_LABEL (label) || !gtk_widget_has_css_class (label, "error"))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (label));
}

static GListModel *
page_list (Fixture *fixture)
{
  GtkSingleSelection *selection = PAGE_CHILD (fixture->page, "selection");

  return gtk_single_selection_get_model (selection);
}

static gboolean
list_has_one (gpointer data)
{
  return g_list_model_get_n_items (page_list (data)) == 1;
}

static gboolean
list_is_empty (gpointer data)
{
  return g_list_model_get_n_items (page_list (data)) == 0;
}

static void
set_text (gpointer    editor,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (EDITOR_CHILD (editor, name)), text);
}

static void
click (gpointer    widget,
       GType       type,
       const char *name)
{
  g_signal_emit_by_name (child_of (widget, type, name), "clicked");
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_new_contract (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *editor;
  GtkWidget *measure, *type_row, *need_row;
  GtkListBox *measures;
  g_autoptr(OporaContract) row = NULL;
  g_autoptr(OporaContract) saved = NULL;
  g_autoptr(OporaMeasure) saved_measure = NULL;

  show_page (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PAGE_CHILD (fixture->page, "stack")), ==,
                   "empty");

  g_assert_true (gtk_widget_activate_action (fixture->page, "contracts.new", NULL));
  editor = opora_contracts_page_open_editor (OPORA_CONTRACTS_PAGE (fixture->page), 0);
  g_assert_true (OPORA_IS_CONTRACT_EDITOR (editor));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);

  set_text (editor, "number_row", "15/2023");
  /* The applicant is found by name, as a specialist types it. */
  gtk_menu_button_popup (EDITOR_CHILD (editor, "applicant_button"));
  set_text (editor, "applicant_search", "иванова");
  settle ();
  g_signal_emit_by_name (EDITOR_CHILD (editor, "applicant_search"), "activate");
  g_assert_cmpint (opora_contract_get_person_id (opora_contract_editor_get_contract (
                     OPORA_CONTRACT_EDITOR (editor))), ==, fixture->person_id);
  set_text (editor, "concluded_row", "10.02.2023");
  set_text (editor, "term_start_row", "10.02.2023");
  set_text (editor, "term_end_row", "09.02.2024");
  set_text (editor, "income_start_row", "9 500,50");
  adw_combo_row_set_selected (EDITOR_CHILD (editor, "curator_row"), 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-measure", NULL));
  measures = EDITOR_CHILD (editor, "measures_list");
  measure = opora_widget_find_named (GTK_WIDGET (measures), "measure");
  g_assert_nonnull (measure);
  type_row = opora_widget_find_named (measure, "type");
  need_row = opora_widget_find_named (measure, "need");
  adw_combo_row_set_selected (ADW_COMBO_ROW (type_row), OPORA_MEASURE_TYPE_EMPLOYMENT);
  gtk_editable_set_text (GTK_EDITABLE (need_row), "Работа продавцом");

  click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
  g_assert_true (wait_for (window_gone, &editor));
  g_assert_true (wait_for (list_has_one, fixture));

  row = g_list_model_get_item (page_list (fixture), 0);
  g_assert_cmpstr (opora_contract_get_number (row), ==, "15/2023");
  g_assert_cmpstr (opora_contract_get_person_name (row), ==, "Иванова Мария");
  g_assert_cmpstr (opora_contract_get_curator_name (row), ==, "Кузнецова Анна Павловна");
  g_assert_cmpstr (opora_contract_get_district (row), ==, "Северный");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PAGE_CHILD (fixture->page, "stack")), ==,
                   "list");

  saved = opora_store_load_contract (fixture->store, opora_contract_get_id (row), NULL);
  g_assert_cmpfloat (opora_contract_get_income_start (saved), ==, 9500.5);
  g_assert_cmpstr (opora_contract_get_term_end (saved), ==, "2024-02-09");
  g_assert_null (opora_contract_get_outcome (saved));
  g_assert_cmpuint (g_list_model_get_n_items (opora_contract_get_measures (saved)), ==, 1);
  saved_measure = g_list_model_get_item (opora_contract_get_measures (saved), 0);
  g_assert_cmpint (opora_measure_get_measure_type (saved_measure), ==,
                   OPORA_MEASURE_TYPE_EMPLOYMENT);
  g_assert_cmpstr (opora_measure_get_need (saved_measure), ==, "Работа продавцом");

  /* The filters see it: the district is offered, another status hides it. */
  {
    GtkStringList *districts = PAGE_CHILD (fixture->page, "districts");
    GtkDropDown *status = PAGE_CHILD (fixture->page, "status_dropdown");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (districts)), ==, 2);
    gtk_drop_down_set_selected (status, 1 + OPORA_CONTRACT_STATUS_COMPLETED);
    g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (PAGE_CHILD (fixture->page, "stack")), ==,
                     "empty");
    gtk_drop_down_set_selected (status, 1 + OPORA_CONTRACT_STATUS_ACTIVE);
    g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (PAGE_CHILD (fixture->page, "search_entry")), "петрова");
    g_assert_true (wait_for (list_is_empty, fixture));
  }
}

static void
test_refused_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  OporaContractEditor *editor;
  GtkWidget *measure, *status_row, *done_row;

  show_page (fixture);
  editor = OPORA_CONTRACT_EDITOR (opora_contracts_page_open_editor (
                                    OPORA_CONTRACTS_PAGE (fixture->page), 0));

  /* No applicant: said under the applicant, nothing saved, everything typed kept. */
  set_text (editor, "number_row", "16/2023");
  set_text (editor, "concluded_row", "01.03.2023");
  set_text (editor, "term_start_row", "01.03.2023");
  set_text (editor, "term_end_row", "28.02.2024");
  click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
  g_assert_cmpstr (error_under (EDITOR_CHILD (editor, "applicant_row")), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Choose the applicant"));
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (editor, "applicant_row"), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (editor, "number_row"))),
                   ==, "16/2023");
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);

  /* A date that is no date is refused where it was typed. */
  opora_contract_editor_set_applicant (editor, fixture->other_id);
  set_text (editor, "concluded_row", "31.02.2023");
  click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
  g_assert_null (error_under (EDITOR_CHILD (editor, "applicant_row")));
  g_assert_false (gtk_widget_has_css_class (EDITOR_CHILD (editor, "applicant_row"), "error"));
  g_assert_nonnull (error_under (EDITOR_CHILD (editor, "concluded_row")));

  /* The term cannot end before it starts. */
  set_text (editor, "concluded_row", "01.03.2023");
  set_text (editor, "term_end_row", "01.01.2023");
  click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
  g_assert_null (error_under (EDITOR_CHILD (editor, "concluded_row")));
  g_assert_nonnull (error_under (EDITOR_CHILD (editor, "term_end_row")));

  /* A done measure without its date: said inside that measure's row. */
  set_text (editor, "term_end_row", "28.02.2024");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-measure", NULL);
  measure = opora_widget_find_named (EDITOR_CHILD (editor, "measures_list"), "measure");
  adw_combo_row_set_selected (ADW_COMBO_ROW (opora_widget_find_named (measure, "type")),
                              OPORA_MEASURE_TYPE_KINDERGARTEN);
  status_row = opora_widget_find_named (measure, "status");
  done_row = opora_widget_find_named (measure, "done-on");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), OPORA_MEASURE_STATUS_DONE);
  click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
  g_assert_cmpstr (error_under (done_row), ==,
                   g_dgettext (GETTEXT_PACKAGE, "A done measure needs the date it was done"));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (measure)));

  /* Terminated early without a reason: the reason row shows, and says so. */
  gtk_editable_set_text (GTK_EDITABLE (done_row), "01.09.2023");
  adw_combo_row_set_selected (EDITOR_CHILD (editor, "status_row"),
                              OPORA_CONTRACT_STATUS_TERMINATED);
  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (editor, "reason_row")));
  click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
  g_assert_null (error_under (done_row));
  g_assert_nonnull (error_under (EDITOR_CHILD (editor, "reason_row")));
  settle ();
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);

  /* A number another contract has. */
  {
    g_autoptr(OporaContract) other = opora_contract_new ();
    g_autoptr(GError) error = NULL;
    const char *message;

    opora_contract_set_number (other, "16/2023");
    opora_contract_set_person_id (other, fixture->person_id);
    opora_contract_set_concluded_on (other, "2023-01-10");
    opora_contract_set_term_start (other, "2023-01-10");
    opora_contract_set_term_end (other, "2023-12-31");
    opora_store_save_contract (fixture->store, other, &error);
    g_assert_no_error (error);

    set_text (editor, "reason_row", "Переезд в другой город");
    click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
    message = error_under (EDITOR_CHILD (editor, "number_row"));
    g_assert_nonnull (message);
    g_assert_nonnull (strstr (message, "16/2023"));
    g_assert_true (wait_for (list_has_one, fixture));
  }

  /* Fixed, it saves. */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_text (editor, "number_row", "17/2023");
  click (editor, OPORA_TYPE_CONTRACT_EDITOR, "save_button");
  g_assert_true (wait_for (window_gone, &editor));
}

static gboolean
list_has_two (gpointer data)
{
  return g_list_model_get_n_items (page_list (data)) == 2;
}

static OporaContract *
save_contract_with_measures (Fixture    *fixture,
                             const char *number)
{
  OporaContract *contract = opora_contract_new ();
  g_autoptr(OporaMeasure) measure = opora_measure_new ();
  g_autoptr(GError) error = NULL;

  opora_contract_set_number (contract, number);
  opora_contract_set_person_id (contract, fixture->person_id);
  opora_contract_set_concluded_on (contract, "2023-04-01");
  opora_contract_set_term_start (contract, "2023-04-01");
  opora_contract_set_term_end (contract, "2024-03-31");
  opora_measure_set_measure_type (measure, OPORA_MEASURE_TYPE_FINANCIAL_LITERACY);
  opora_measure_set_informed_online (measure, TRUE);
  opora_contract_add_measure (contract, measure);
  opora_store_save_contract (fixture->store, contract, &error);
  g_assert_no_error (error);
  return contract;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(OporaContract) first = NULL;
  g_autoptr(OporaContract) second = NULL;
  g_autoptr(OporaContract) back = NULL;
  GtkSingleSelection *selection;

  first = save_contract_with_measures (fixture, "1/2023");
  second = save_contract_with_measures (fixture, "2/2023");
  show_page (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 2);

  selection = PAGE_CHILD (fixture->page, "selection");
  /* Nothing selected: nothing to delete. */
  gtk_widget_activate_action (fixture->page, "contracts.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 2);
  /* The same day: the later saved comes first. */
  gtk_single_selection_set_selected (selection, 1);
  g_assert_true (gtk_widget_activate_action (fixture->page, "contracts.delete", NULL));
  g_assert_true (wait_for (list_has_one, fixture));
  g_assert_null (opora_store_load_contract (fixture->store, opora_contract_get_id (first), NULL));

  g_assert_true (gtk_widget_activate_action (fixture->page, "contracts.undo-delete", NULL));
  g_assert_true (wait_for (list_has_two, fixture));
  back = opora_store_load_contract (fixture->store, opora_contract_get_id (first), NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (opora_contract_get_number (back), ==, "1/2023");
  /* Its programme came back with it. */
  g_assert_cmpuint (g_list_model_get_n_items (opora_contract_get_measures (back)), ==, 1);
}

static gboolean
has_enrollment_row (gpointer data)
{
  GtkListBox *list = data;
  return gtk_list_box_get_row_at_index (list, 0) != NULL;
}

static OporaEnrollmentEditor *
find_enrollment_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (OPORA_IS_ENROLLMENT_EDITOR (window))
        return OPORA_ENROLLMENT_EDITOR (window);
    }
  return NULL;
}

static void
test_person_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(OporaContract) contract = NULL;
  OporaEnrollmentEditor *editor;
  GtkWidget *window;
  GtkWidget *page;
  GtkListBox *contracts, *enrollments;
  GtkWidget *until_row;
  g_autoptr(GListModel) saved = NULL;

  contract = save_contract_with_measures (fixture, "3/2023");
  window = gtk_window_new ();
  page = opora_person_page_new (fixture->store, fixture->person_id);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  g_assert_cmpstr (gtk_label_get_label (child_of (page, OPORA_TYPE_PERSON_PAGE, "name_label")),
                   ==, "Иванова Мария");
  contracts = child_of (page, OPORA_TYPE_PERSON_PAGE, "contracts_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (contracts, 0));
  g_assert_null (gtk_list_box_get_row_at_index (contracts, 1));
  enrollments = child_of (page, OPORA_TYPE_PERSON_PAGE, "enrollments_list");
  g_assert_null (gtk_list_box_get_row_at_index (enrollments, 0));

  /* Enroll in a technology: the until date before the from date is refused first. */
  g_assert_true (gtk_widget_activate_action (page, "person.add-enrollment", NULL));
  editor = find_enrollment_editor ();
  g_assert_nonnull (editor);
  adw_combo_row_set_selected (child_of (editor, OPORA_TYPE_ENROLLMENT_EDITOR, "technology_row"),
                              OPORA_TECHNOLOGY_LIFT);
  gtk_editable_set_text (child_of (editor, OPORA_TYPE_ENROLLMENT_EDITOR, "from_row"),
                         "01.05.2023");
  until_row = child_of (editor, OPORA_TYPE_ENROLLMENT_EDITOR, "until_row");
  gtk_editable_set_text (GTK_EDITABLE (until_row), "01.04.2023");
  click (editor, OPORA_TYPE_ENROLLMENT_EDITOR, "save_button");
  g_assert_nonnull (error_under (until_row));
  gtk_editable_set_text (GTK_EDITABLE (until_row), "");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  click (editor, OPORA_TYPE_ENROLLMENT_EDITOR, "save_button");
  g_assert_true (wait_for (window_gone, &editor));
  g_assert_true (wait_for (has_enrollment_row, enrollments));

  saved = opora_store_list_person_enrollments (fixture->store, fixture->person_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (saved), ==, 1);
  {
    g_autoptr(OporaEnrollment) enrollment = g_list_model_get_item (saved, 0);
    g_assert_cmpint (opora_enrollment_get_technology (enrollment), ==, OPORA_TECHNOLOGY_LIFT);
    g_assert_cmpstr (opora_enrollment_get_from_on (enrollment), ==, "2023-05-01");
  }

  /* A page of nobody says so. */
  {
    GtkWidget *missing = opora_person_page_new (fixture->store, 9999);

    g_object_ref_sink (missing);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (
                       child_of (missing, OPORA_TYPE_PERSON_PAGE, "stack")), ==, "missing");
    g_object_unref (missing);
  }
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
  g_test_add ("/contracts-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  if (gtk_is_initialized ())
    {
      ADD ("new-contract", test_new_contract);
      ADD ("refused-fields", test_refused_fields);
      ADD ("delete-and-undo", test_delete_and_undo);
      ADD ("person-page", test_person_page);
    }
#undef ADD

  return g_test_run ();
}
