/* The people pages and editors on a real database: a refused field shows its message under
 * it and nothing is saved; a saved record appears in the list; search, filters, delete and
 * Undo act on the list the user sees. */
#include <adwaita.h>

#include "opora-families-page.h"
#include "opora-family-editor.h"
#include "opora-person-editor.h"
#include "opora-persons-page.h"
#include "opora-sections.h"
#include "opora-staff-editor.h"
#include "opora-staff-page.h"
#include "opora-store-families.h"
#include "opora-store-persons.h"
#include "opora-store-staff.h"
#include "opora-row-recycler.h"
#include "opora-test-util.h"
#include "opora-window.h"

#define TIMEOUT_MS 5000

typedef struct
{
  char       *dir;
  OporaStore *store;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main context until @condition holds; fails the test after a timeout. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (gpointer    widget,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (widget, type, name)), text);
}

static void
click (gpointer    widget,
       GType       type,
       const char *name)
{
  g_signal_emit_by_name (child (widget, type, name), "clicked");
}

static gboolean
has_inscription (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_inscription (c, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
shown_cb (gpointer data)
{
  Shown *shown = data;

  return has_inscription (shown->root, shown->text);
}

static void
wait_shown (GtkWidget  *root,
            const char *text)
{
  Shown shown = { root, text };
  g_autofree char *what = g_strdup_printf ("a row showing “%s”", text);

  wait_until (shown_cb, &shown, what);
}

typedef struct
{
  GListModel *model;
  guint       n;
} Count;

static gboolean
count_cb (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->model) == count->n;
}

/* The model behind the page's column view (which shows it through a row recycler): what
 * the user sees, row for row. */
static GListModel *
page_rows (GtkWidget *page)
{
  GtkColumnView *view = child (page, G_OBJECT_TYPE (page), "column_view");

  return G_LIST_MODEL (opora_row_recycler_get_model (
                         OPORA_ROW_RECYCLER (gtk_column_view_get_model (view))));
}

static void
wait_rows (GtkWidget *page,
           guint      n)
{
  Count count = { page_rows (page), n };
  g_autofree char *what = g_strdup_printf ("%u rows", n);

  wait_until (count_cb, &count, what);
}

static gboolean
pointer_cleared_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Clicks Save and waits for the editor to close. */
static void
save_and_wait_closed (GtkWindow *editor,
                      GType      type)
{
  gpointer weak = editor;

  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  click (editor, type, "save_button");
  wait_until (pointer_cleared_cb, &weak, "the editor to close");
}

/* The message under a field, after asserting it shows and the input is marked. */
static const char *
field_error (GtkWindow  *editor,
             GType       type,
             const char *input,
             const char *prefix)
{
  g_autofree char *row_name = g_strdup_printf ("%s_error_row", prefix);
  g_autofree char *label_name = g_strdup_printf ("%s_error", prefix);

  g_assert_true (gtk_widget_get_visible (child (editor, type, row_name)));
  g_assert_true (gtk_widget_has_css_class (child (editor, type, input), "error"));
  return gtk_label_get_label (child (editor, type, label_name));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *(*new_page) (OporaStore *) = data;

  f->store = opora_test_open_store (&f->dir);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1000, 640);
  f->page = new_page (f->store);
  gtk_window_set_child (f->window, f->page);
  gtk_window_present (f->window);
  iterate (50);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  iterate (20);
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
count_persons (OporaStore *store)
{
  g_autoptr(GListModel) all = opora_store_list_persons (store, NULL);

  return g_list_model_get_n_items (all);
}

static void
test_persons (Fixture       *f,
              gconstpointer  data)
{
  const GType E = OPORA_TYPE_PERSON_EDITOR;
  OporaPersonsPage *page = OPORA_PERSONS_PAGE (f->page);
  GtkWindow *editor;
  GtkStack *stack = child (page, OPORA_TYPE_PERSONS_PAGE, "stack");
  AdwStatusPage *status = child (page, OPORA_TYPE_PERSONS_PAGE, "empty_status");
  GtkDropDown *districts = child (page, OPORA_TYPE_PERSONS_PAGE, "district_dropdown");
  GtkSingleSelection *selection = child (page, OPORA_TYPE_PERSONS_PAGE, "selection");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* A person without a surname is refused, under the surname, and nothing is saved. */
  editor = opora_persons_page_open_editor (page, 0);
  g_assert_nonnull (editor);
  set_text (editor, E, "name_row", "Иван");
  set_text (editor, E, "birth_date_row", "17.05.1980");
  click (editor, E, "save_button");
  g_assert_cmpstr (field_error (editor, E, "surname_row", "surname"), ==, "Enter the surname");
  g_assert_cmpint (count_persons (f->store), ==, 0);

  /* A date that is not in the calendar: its own message, under the date. */
  set_text (editor, E, "surname_row", "Иванов");
  adw_combo_row_set_selected (child (editor, E, "sex_row"), OPORA_SEX_MALE);
  set_text (editor, E, "birth_date_row", "31.02.1980");
  click (editor, E, "save_button");
  g_assert_false (gtk_widget_get_visible (child (editor, E, "surname_error_row")));
  g_assert_nonnull (strstr (field_error (editor, E, "birth_date_row", "birth_date"),
                            "31.02.1980"));
  g_assert_cmpint (count_persons (f->store), ==, 0);
  /* What was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (child (editor, E, "name_row")), ==, "Иван");

  set_text (editor, E, "birth_date_row", "17.05.1980");
  set_text (editor, E, "snils_row", "112-233-445 95");
  set_text (editor, E, "phone_row", "8 912 345 67 89");
  set_text (editor, E, "district_row", "Северный");
  save_and_wait_closed (editor, E);
  wait_rows (f->page, 1);
  wait_shown (f->page, "Иванов Иван");
  wait_shown (f->page, "17.05.1980");
  wait_shown (f->page, "+7 912 345-67-89");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  /* The new district is offered by the filter. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (districts)), ==, 2);

  /* Another person with the same SNILS: refused under the SNILS. */
  editor = opora_persons_page_open_editor (page, 0);
  set_text (editor, E, "surname_row", "Петров");
  set_text (editor, E, "name_row", "Пётр");
  adw_combo_row_set_selected (child (editor, E, "sex_row"), OPORA_SEX_MALE);
  set_text (editor, E, "snils_row", "11223344595");
  click (editor, E, "save_button");
  g_assert_cmpstr (field_error (editor, E, "snils_row", "snils"), ==,
                   "Another person already has SNILS 112-233-445 95");
  g_assert_cmpint (count_persons (f->store), ==, 1);
  set_text (editor, E, "snils_row", "");
  save_and_wait_closed (editor, E);
  wait_rows (f->page, 2);

  /* Search as you type, in any case; the filter by district; the empty state. */
  gtk_editable_set_text (child (page, OPORA_TYPE_PERSONS_PAGE, "search_entry"), "ИВАН");
  wait_rows (f->page, 1);
  wait_shown (f->page, "Иванов Иван");
  gtk_editable_set_text (child (page, OPORA_TYPE_PERSONS_PAGE, "search_entry"), "Смирнов");
  wait_rows (f->page, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "Смирнов"));
  gtk_editable_set_text (child (page, OPORA_TYPE_PERSONS_PAGE, "search_entry"), "");
  wait_rows (f->page, 2);
  gtk_drop_down_set_selected (districts, 1);
  wait_rows (f->page, 1);
  gtk_drop_down_set_selected (districts, 0);
  wait_rows (f->page, 2);

  /* An edit of a row: the editor opens on the saved person. */
  editor = opora_persons_page_open_editor (page, 1);
  g_assert_cmpstr (gtk_editable_get_text (child (editor, E, "snils_row")), ==, "112-233-445 95");
  set_text (editor, E, "patronymic_row", "Петрович");
  save_and_wait_closed (editor, E);
  wait_shown (f->page, "Иванов Иван Петрович");

  /* An edit that moves no row changes that row alone: the selection stays on it. */
  gtk_single_selection_set_selected (selection, 0);
  editor = opora_persons_page_open_editor (page, 1);
  set_text (editor, E, "phone_row", "8 912 000 00 00");
  save_and_wait_closed (editor, E);
  wait_shown (f->page, "+7 912 000-00-00");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* Delete the selected row, then Undo. */
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (f->page, "persons.delete", NULL));
  wait_rows (f->page, 1);
  g_assert_cmpint (count_persons (f->store), ==, 1);
  g_assert_true (gtk_widget_activate_action (f->page, "persons.undo-delete", NULL));
  wait_rows (f->page, 2);
  wait_shown (f->page, "Иванов Иван Петрович");
}

static gboolean
one_member_cb (gpointer data)
{
  g_autoptr(OporaFamily) family = g_list_model_get_item (data, 0);

  return family != NULL && opora_family_get_member_count (family) == 1;
}

static void
test_families (Fixture       *f,
               gconstpointer  data)
{
  const GType E = OPORA_TYPE_FAMILY_EDITOR;
  OporaFamiliesPage *page = OPORA_FAMILIES_PAGE (f->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaPerson) mother = opora_person_new ();
  g_autoptr(OporaPerson) son = opora_person_new ();
  g_autoptr(OporaPerson) reloaded = NULL;
  GtkSingleSelection *selection = child (page, OPORA_TYPE_FAMILIES_PAGE, "selection");
  GtkMenuButton *add_member;
  GtkListView *persons_view;
  GListModel *members;
  GtkWindow *editor;

  opora_person_set_surname (mother, "Орлова");
  opora_person_set_name (mother, "Нина");
  opora_person_set_sex (mother, OPORA_SEX_FEMALE);
  g_assert_true (opora_store_save_person (f->store, mother, &error));
  opora_person_set_surname (son, "Орлов");
  opora_person_set_name (son, "Илья");
  opora_person_set_sex (son, OPORA_SEX_MALE);
  g_assert_true (opora_store_save_person (f->store, son, &error));

  editor = opora_families_page_open_editor (page, 0);
  click (editor, E, "save_button");
  g_assert_cmpstr (field_error (editor, E, "name_row", "name"), ==, "Enter the family’s name");
  g_assert_cmpuint (g_list_model_get_n_items (page_rows (f->page)), ==, 0);

  set_text (editor, E, "name_row", "Орловы");
  gtk_spin_button_set_value (child (editor, E, "minor_children_spin"), 1);
  gtk_switch_set_active (child (editor, E, "single_parent_switch"), TRUE);
  members = opora_family_editor_get_members (OPORA_FAMILY_EDITOR (editor));
  opora_family_editor_add_member (OPORA_FAMILY_EDITOR (editor), mother);

  /* The son is added as a user would: Add Member, search, pick. */
  add_member = child (editor, E, "add_member_button");
  gtk_menu_button_popup (add_member);
  iterate (50);
  set_text (editor, E, "person_search", "илья");
  persons_view = child (editor, E, "person_list_view");
  {
    Count count = { gtk_list_view_get_model (persons_view) ? G_LIST_MODEL (
                      gtk_list_view_get_model (persons_view)) : NULL, 1 };
    wait_until (count_cb, &count, "one person found");
  }
  g_signal_emit_by_name (persons_view, "activate", 0);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  {
    g_autoptr(OporaPerson) first = g_list_model_get_item (members, 0);
    g_autoptr(OporaPerson) second = g_list_model_get_item (members, 1);

    g_assert_cmpint (opora_person_get_relation (first), ==, OPORA_RELATION_APPLICANT);
    g_assert_cmpint (opora_person_get_id (second), ==, opora_person_get_id (son));
    opora_person_set_relation (second, OPORA_RELATION_CHILD);
  }
  save_and_wait_closed (editor, E);
  wait_rows (f->page, 1);
  wait_shown (f->page, "Орловы");
  wait_shown (f->page, "single-parent");
  wait_shown (f->page, "2");

  reloaded = opora_store_load_person (f->store, opora_person_get_id (son), &error);
  g_assert_cmpstr (opora_person_get_family_name (reloaded), ==, "Орловы");
  g_assert_cmpint (opora_person_get_relation (reloaded), ==, OPORA_RELATION_CHILD);

  /* The editor of a saved family shows its members; removing one and saving moves them out. */
  editor = opora_families_page_open_editor (page, 1);
  members = opora_family_editor_get_members (OPORA_FAMILY_EDITOR (editor));
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  g_list_store_remove (G_LIST_STORE (members), 1);
  save_and_wait_closed (editor, E);
  wait_until (one_member_cb, page_rows (f->page), "the family to count one member");
  g_clear_object (&reloaded);
  reloaded = opora_store_load_person (f->store, opora_person_get_id (son), &error);
  g_assert_cmpint (opora_person_get_family_id (reloaded), ==, 0);

  /* Search, delete, Undo. */
  gtk_editable_set_text (child (page, OPORA_TYPE_FAMILIES_PAGE, "search_entry"), "ОРЛОВ");
  wait_rows (f->page, 1);
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (f->page, "families.delete", NULL));
  wait_rows (f->page, 0);
  g_assert_true (gtk_widget_activate_action (f->page, "families.undo-delete", NULL));
  wait_rows (f->page, 1);
  g_clear_object (&reloaded);
  reloaded = opora_store_load_person (f->store, opora_person_get_id (mother), &error);
  g_assert_cmpstr (opora_person_get_family_name (reloaded), ==, "Орловы");
}

static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  const GType E = OPORA_TYPE_STAFF_EDITOR;
  OporaStaffPage *page = OPORA_STAFF_PAGE (f->page);
  g_autoptr(OporaStaff) former = opora_staff_new ();
  g_autoptr(GError) error = NULL;
  GtkSingleSelection *selection = child (page, OPORA_TYPE_STAFF_PAGE, "selection");
  GtkWindow *editor;

  editor = opora_staff_page_open_editor (page, 0);
  set_text (editor, E, "full_name_row", "Смирнова Ольга Петровна");
  click (editor, E, "save_button");
  g_assert_cmpstr (field_error (editor, E, "position_row", "position"), ==,
                   "Choose the position");
  g_assert_cmpuint (g_list_model_get_n_items (page_rows (f->page)), ==, 0);
  adw_combo_row_set_selected (child (editor, E, "position_row"), OPORA_POSITION_PSYCHOLOGIST);
  set_text (editor, E, "district_row", "Южный");
  save_and_wait_closed (editor, E);
  wait_rows (f->page, 1);
  wait_shown (f->page, "Смирнова Ольга Петровна");
  wait_shown (f->page, "Psychologist");

  opora_staff_set_full_name (former, "Алексеев Борис");
  opora_staff_set_position (former, OPORA_POSITION_LEGAL_ADVISER);
  opora_staff_set_active (former, FALSE);
  g_assert_true (opora_store_save_staff (f->store, former, &error));
  wait_rows (f->page, 2);
  gtk_toggle_button_set_active (child (page, OPORA_TYPE_STAFF_PAGE, "active_button"), TRUE);
  wait_rows (f->page, 1);
  gtk_toggle_button_set_active (child (page, OPORA_TYPE_STAFF_PAGE, "active_button"), FALSE);
  wait_rows (f->page, 2);

  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (f->page, "staff.delete", NULL));
  wait_rows (f->page, 1);
  g_assert_true (gtk_widget_activate_action (f->page, "staff.undo-delete", NULL));
  wait_rows (f->page, 2);
  wait_shown (f->page, "Алексеев Борис");
}

static gboolean
person_editor_open_cb (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (OPORA_IS_PERSON_EDITOR (l->data) && gtk_widget_get_visible (l->data))
      return TRUE;
  return FALSE;
}

/* In the main window, win.new-person — the welcome's button — builds the persons page,
 * shows it and opens the person editor, though nothing built the page before. */
static void
test_window_action (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(GtkApplication) app = gtk_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  OporaWindow *window;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = opora_window_new (app, store);
  opora_sections_add_all (window);
  gtk_window_present (GTK_WINDOW (window));
  /* An empty registry greets the user: no section shown, none built. */
  g_assert_null (opora_window_get_visible_page (window));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "new-person"));

  g_action_group_activate_action (G_ACTION_GROUP (window), "new-person", NULL);
  wait_until (person_editor_open_cb, NULL, "the person editor");
  g_assert_cmpstr (opora_window_get_visible_page (window), ==, "persons");
  g_assert_true (OPORA_IS_PERSONS_PAGE (opora_window_get_page (window, "persons")));

  {
    GList *toplevels = gtk_window_list_toplevels ();

    for (GList *l = toplevels; l; l = l->next)
      gtk_window_destroy (l->data);
    g_list_free (toplevels);
  }
  iterate (20);
  g_clear_object (&store);
  opora_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The English source strings: the messages are compared as written in the code. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!opora_test_init_gtk ())
    return g_test_run ();
  adw_init ();

  g_test_add ("/people-ui/persons", Fixture, opora_persons_page_new, fixture_set_up,
              test_persons, fixture_tear_down);
  g_test_add ("/people-ui/families", Fixture, opora_families_page_new, fixture_set_up,
              test_families, fixture_tear_down);
  g_test_add ("/people-ui/staff", Fixture, opora_staff_page_new, fixture_set_up,
              test_staff, fixture_tear_down);
  g_test_add_func ("/people-ui/window-action", test_window_action);

  return g_test_run ();
}
