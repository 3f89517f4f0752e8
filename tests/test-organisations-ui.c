/* The partner organisations page and editor on a real database, in Russian: create through
 * the editor, refusals shown under their fields, search and filters in SQL, edit with
 * agreements in place, delete and Undo. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-i18n.h"
#include "opora-organisation-editor.h"
#include "opora-organisations-page.h"
#include "opora-store-organisations.h"
#include "opora-row-recycler.h"
#include "opora-test-util.h"

#define TIMEOUT_US (5 * G_USEC_PER_SEC)

/* Field titles, looked up through the translation as the user reads them. */
#define NAME     C_("organisation", "Name")
#define KIND     C_("organisation", "Kind")
#define CONTACTS C_("organisation", "Contacts")
#define NUMBER   C_("agreement", "Number")

typedef struct
{
  char       *dir;
  OporaStore *store;
  GtkWindow  *window;
  GtkWidget  *page;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until @condition holds; FALSE on timeout. */
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

/* The first widget under @root, @root included, that @match accepts (depth first). */
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

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;
  return ADW_IS_BUTTON_CONTENT (widget)
         && g_strcmp0 (adw_button_content_get_label (ADW_BUTTON_CONTENT (widget)), label) == 0;
}

static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
button_with_tooltip (GtkWidget  *root,
                     const char *tooltip)
{
  GtkWidget *found = find (root, is_button_with_tooltip, tooltip);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_inscription_with_text (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget)
         && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = find (root, is_row_titled, title);

  g_assert_nonnull (found);
  return found;
}

/* Buttons are looked up by their translated, underlined label, as shown. */
static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *found = find (root, is_button_labelled, label);

  g_assert_nonnull (found);
  while (!GTK_IS_BUTTON (found))
    found = gtk_widget_get_parent (found);
  g_signal_emit_by_name (found, "clicked");
}

static gpointer
find_type (GtkWidget *root,
           GType      type)
{
  GtkWidget *found = find (root, is_of_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static const char *
text_of (GtkWidget  *root,
         const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (root, title)));
}

static void
set_text (GtkWidget  *root,
          const char *title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (root, title)), text);
}

/* The message shown right under the field titled @title, or NULL when none shows. */
static const char *
error_under (GtkWidget  *root,
             const char *title)
{
  GtkWidget *field = row (root, title);
  GtkWidget *next = gtk_widget_get_next_sibling (field);

  g_assert_true (ADW_IS_PREFERENCES_ROW (next));
  if (!gtk_widget_get_visible (next))
    {
      g_assert_false (gtk_widget_has_css_class (field, "error"));
      return NULL;
    }
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  return gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))));
}

static gboolean
editor_is_open (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (OPORA_IS_ORGANISATION_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          if (data != NULL)
            *(GtkWidget **) data = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
editor_is_closed (gpointer data)
{
  return !editor_is_open (NULL);
}

static GtkWidget *
wait_for_editor (void)
{
  GtkWidget *editor = NULL;

  g_assert_true (wait_for (editor_is_open, &editor));
  return editor;
}

static GListModel *
page_list (Fixture *fixture)
{
  GtkColumnView *view = find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);

  /* The view shows the page's selection through a row recycler. */
  return G_LIST_MODEL (opora_row_recycler_get_model (
                         OPORA_ROW_RECYCLER (gtk_column_view_get_model (view))));
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
    g_error ("Expected %u rows, the page shows %u", n,
             g_list_model_get_n_items (page_list (fixture)));
}

static OporaOrganisation *
item_at (Fixture *fixture,
         guint    position)
{
  return g_list_model_get_item (page_list (fixture), position);
}

static gint64
seed (Fixture               *fixture,
      const char            *name,
      OporaOrganisationKind  kind,
      const char            *number,
      const char            *signed_on,
      const char            *valid_until)
{
  g_autoptr(OporaOrganisation) organisation = opora_organisation_new ();
  g_autoptr(GError) error = NULL;

  opora_organisation_set_name (organisation, name);
  opora_organisation_set_kind (organisation, kind);
  if (number != NULL)
    {
      g_autoptr(OporaAgreement) agreement = opora_agreement_new ();

      opora_agreement_set_number (agreement, number);
      opora_agreement_set_signed_on (agreement, signed_on);
      opora_agreement_set_valid_until (agreement, valid_until);
      opora_organisation_add_agreement (organisation, agreement);
    }
  g_assert_true (opora_store_save_organisation (fixture->store, organisation, &error));
  g_assert_no_error (error);
  return opora_organisation_get_id (organisation);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = opora_test_open_store (&fixture->dir);
  fixture->page = opora_organisations_page_new (fixture->store);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 700);
  gtk_window_set_child (fixture->window, fixture->page);
  gtk_window_present (fixture->window);
  spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *editor = NULL;

  while (editor_is_open (&editor))
    gtk_window_destroy (GTK_WINDOW (editor));
  gtk_window_destroy (fixture->window);
  spin ();
  g_clear_object (&fixture->store);
  opora_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static void
test_create_and_refusals (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *editor, *agreement_row;
  g_autoptr(OporaOrganisation) item = NULL;
  g_autoptr(GListModel) agreements = NULL;
  g_autoptr(OporaAgreement) agreement = NULL;
  GtkTextView *profile;

  if (fixture->page == NULL)
    return;

  gtk_widget_activate_action (fixture->page, "organisations.new", NULL);
  editor = wait_for_editor ();

  /* Nothing typed: the name is refused under its field; the editor stays open. */
  click (editor, _("_Save"));
  g_assert_cmpstr (error_under (editor, NAME), ==,
                   "Название организации обязательно");
  g_assert_cmpstr (error_under (editor, KIND), ==, "Выберите вид организации");
  g_assert_true (editor_is_open (NULL));

  set_text (editor, NAME, "Центр занятости населения");
  set_text (editor, CONTACTS, "+7 (3452) 11-22-33");
  profile = find_type (row (editor, _("Help it gives")), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (profile), "Вакансии,\nпрофобучение", -1);
  /* Typing clears the message. */
  g_assert_null (error_under (editor, NAME));

  click (editor, _("_Save"));
  g_assert_cmpstr (error_under (editor, KIND), ==, "Выберите вид организации");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (editor, KIND)),
                              OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE);

  /* An agreement that ends before it is signed, then a date that is no date. */
  click (editor, _("_Add Agreement"));
  agreement_row = row (editor, _("New agreement"));
  set_text (agreement_row, NUMBER, "12");
  set_text (agreement_row, _("Signed On (DD.MM.YYYY)"), "01.02.2023");
  set_text (agreement_row, _("Valid Until (DD.MM.YYYY, empty if open-ended)"), "31.01.2023");
  click (editor, _("_Save"));
  g_assert_null (error_under (editor, KIND));
  g_assert_cmpstr (error_under (agreement_row, _("Valid Until (DD.MM.YYYY, empty if open-ended)")),
                   ==, "Соглашение не может закончиться (31.01.2023) раньше, чем подписано "
                       "(01.02.2023)");
  g_assert_true (editor_is_open (NULL));
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);

  set_text (agreement_row, _("Signed On (DD.MM.YYYY)"), "31.02.2023");
  click (editor, _("_Save"));
  g_assert_nonnull (error_under (agreement_row, _("Signed On (DD.MM.YYYY)")));
  g_assert_cmpuint (g_list_model_get_n_items (page_list (fixture)), ==, 0);
  /* What was typed is still there. */
  g_assert_cmpstr (text_of (editor, NAME), ==,
                   "Центр занятости населения");
  g_assert_cmpstr (text_of (agreement_row, NUMBER), ==,
                   "12");

  set_text (agreement_row, _("Signed On (DD.MM.YYYY)"), "01.02.2023");
  set_text (agreement_row, _("Valid Until (DD.MM.YYYY, empty if open-ended)"), "31.12.2024");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (agreement_row)), ==,
                   "№ 12 от 01.02.2023, до 31.12.2024");
  click (editor, _("_Save"));
  g_assert_true (wait_for (editor_is_closed, NULL));

  wait_for_rows (fixture, 1);
  item = item_at (fixture, 0);
  g_assert_cmpstr (opora_organisation_get_name (item), ==, "Центр занятости населения");
  g_assert_cmpstr (opora_organisation_get_profile (item), ==, "Вакансии,\nпрофобучение");
  g_assert_cmpstr (opora_organisation_get_contacts (item), ==, "+7 (3452) 11-22-33");
  agreements = g_object_ref (opora_organisation_get_agreements (item));
  g_assert_cmpuint (g_list_model_get_n_items (agreements), ==, 1);
  agreement = g_list_model_get_item (agreements, 0);
  g_assert_cmpstr (opora_agreement_get_signed_on (agreement), ==, "2023-02-01");
  g_assert_cmpstr (opora_agreement_get_valid_until (agreement), ==, "2024-12-31");

  /* The row shows its cells, in Russian. */
  spin ();
  g_assert_nonnull (find (fixture->page, is_inscription_with_text, "Центр занятости населения"));
  g_assert_nonnull (find (fixture->page, is_inscription_with_text, "Центр занятости"));
}

static gboolean
status_shows (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  const char *text = ((gpointer *) data)[1];
  AdwStatusPage *status = find_type (fixture->page, ADW_TYPE_STATUS_PAGE);

  return gtk_widget_get_mapped (GTK_WIDGET (status))
         && strstr (adw_status_page_get_description (status) ?: "", text) != NULL;
}

static void
test_search_filters_sort (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkEditable *search;
  GtkDropDown *kinds;
  GtkToggleButton *in_force;
  GtkColumnView *view;
  GListModel *columns;
  g_autofree char *today = opora_date_today_iso ();
  gpointer status_data[2] = { fixture, NULL };

  if (fixture->page == NULL)
    return;

  seed (fixture, "Центр занятости населения", OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE,
        "1", "2020-01-01", NULL);
  seed (fixture, "ЦЕНТР ДОСУГА «Юность»", OPORA_ORGANISATION_KIND_YOUTH_CENTRE,
        "2", "2020-01-01", "2020-12-31");
  seed (fixture, "Аграрный колледж", OPORA_ORGANISATION_KIND_COLLEGE, NULL, NULL, NULL);
  wait_for_rows (fixture, 3);

  search = GTK_EDITABLE (find_type (fixture->page, GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "центр");
  wait_for_rows (fixture, 2);
  gtk_editable_set_text (search, "ЦЕНТР досуга");
  wait_for_rows (fixture, 1);

  gtk_editable_set_text (search, "больница");
  wait_for_rows (fixture, 0);
  status_data[1] = "больница";
  g_assert_true (wait_for (status_shows, status_data));

  gtk_editable_set_text (search, "");
  wait_for_rows (fixture, 3);

  kinds = find_type (fixture->page, GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (kinds, OPORA_ORGANISATION_KIND_COLLEGE);
  wait_for_rows (fixture, 1);
  gtk_drop_down_set_selected (kinds, 0);
  wait_for_rows (fixture, 3);

  /* Only the open-ended agreement is in force today. */
  in_force = GTK_TOGGLE_BUTTON (find (fixture->page, is_button_labelled, _("Agreement in Force")));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (in_force));
  gtk_toggle_button_set_active (in_force, TRUE);
  wait_for_rows (fixture, 1);
  {
    g_autoptr(OporaOrganisation) item = item_at (fixture, 0);
    g_assert_true (opora_organisation_has_agreement_in_force (item, today));
  }
  gtk_toggle_button_set_active (in_force, FALSE);
  wait_for_rows (fixture, 3);

  /* A header click sorts in SQL: by kind, descending, the youth centre comes first. */
  view = find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), KIND) == 0)
        gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    }
  spin ();
  {
    g_autoptr(OporaOrganisation) first = item_at (fixture, 0);
    g_autoptr(OporaOrganisation) last = item_at (fixture, 2);

    g_assert_cmpint (opora_organisation_get_kind (first), ==,
                     OPORA_ORGANISATION_KIND_YOUTH_CENTRE);
    g_assert_cmpint (opora_organisation_get_kind (last), ==,
                     OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE);
  }
}

static void
test_edit_agreements_in_place (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *editor, *agreement_row, *added_row;
  GtkColumnView *view;
  g_autoptr(OporaOrganisation) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaAgreement) agreement = NULL;
  gint64 id;

  if (fixture->page == NULL)
    return;

  id = seed (fixture, "Колледж", OPORA_ORGANISATION_KIND_COLLEGE, "7", "2021-03-01", "2021-12-31");
  wait_for_rows (fixture, 1);

  /* Row activation (Enter, double click) opens the editor on the saved record. */
  view = find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  g_signal_emit_by_name (view, "activate", 0);
  editor = wait_for_editor ();
  g_assert_cmpstr (text_of (editor, NAME), ==, "Колледж");
  agreement_row = row (editor, "№ 7 от 01.03.2021, до 31.12.2021");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (agreement_row)), ==,
                   "Истекло");

  /* Remove the old agreement, add a new one, rename: one save. */
  set_text (editor, NAME, "Колледж сервиса");
  g_signal_emit_by_name (button_with_tooltip (agreement_row, _("Remove Agreement")), "clicked");
  click (editor, _("_Add Agreement"));
  added_row = row (editor, _("New agreement"));
  set_text (added_row, NUMBER, "8 & 9");
  set_text (added_row, _("Signed On (DD.MM.YYYY)"), "1.1.2024");
  click (editor, _("_Save"));
  g_assert_true (wait_for (editor_is_closed, NULL));

  saved = opora_store_load_organisation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_organisation_get_name (saved), ==, "Колледж сервиса");
  g_assert_cmpuint (g_list_model_get_n_items (opora_organisation_get_agreements (saved)), ==, 1);
  agreement = g_list_model_get_item (opora_organisation_get_agreements (saved), 0);
  g_assert_cmpstr (opora_agreement_get_number (agreement), ==, "8 & 9");
  g_assert_cmpstr (opora_agreement_get_signed_on (agreement), ==, "2024-01-01");
  g_assert_null (opora_agreement_get_valid_until (agreement));
  spin ();
  g_assert_nonnull (find (fixture->page, is_inscription_with_text, "Колледж сервиса"));
}

static void
test_cancel_leaves_record (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *editor;
  g_autoptr(OporaOrganisation) saved = NULL;
  gint64 id;

  if (fixture->page == NULL)
    return;

  id = seed (fixture, "НКО «Милосердие»", OPORA_ORGANISATION_KIND_NGO, "3", "2022-01-01", NULL);
  wait_for_rows (fixture, 1);
  editor = GTK_WIDGET (opora_organisations_page_open_editor (
                         OPORA_ORGANISATIONS_PAGE (fixture->page), id));
  set_text (editor, NAME, "Изменено, но не сохранено");
  click (editor, _("_Cancel"));
  g_assert_true (wait_for (editor_is_closed, NULL));
  saved = opora_store_load_organisation (fixture->store, id, NULL);
  g_assert_cmpstr (opora_organisation_get_name (saved), ==, "НКО «Милосердие»");
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkColumnView *view;
  GtkSingleSelection *selection;
  GtkWidget *delete_button;
  g_autoptr(OporaOrganisation) back = NULL;
  g_autoptr(GError) error = NULL;
  gpointer status_data[2] = { fixture, "" };
  gint64 id;

  if (fixture->page == NULL)
    return;

  seed (fixture, "Служба судебных приставов", OPORA_ORGANISATION_KIND_BAILIFFS, NULL, NULL, NULL);
  id = seed (fixture, "Фонд поддержки", OPORA_ORGANISATION_KIND_BUSINESS_FUND,
             "5", "2022-01-01", NULL);
  wait_for_rows (fixture, 2);

  /* Nothing selected: nothing to delete. */
  delete_button = button_with_tooltip (fixture->page,
                                       _("Delete the Selected Organisation (Delete)"));
  g_assert_false (gtk_widget_is_sensitive (delete_button));

  view = find_type (fixture->page, GTK_TYPE_COLUMN_VIEW);
  /* By name: «Служба…» then «Фонд…». */
  selection = GTK_SINGLE_SELECTION (opora_row_recycler_get_model (
                                      OPORA_ROW_RECYCLER (gtk_column_view_get_model (view))));
  gtk_single_selection_set_selected (selection, 1);
  g_assert_true (gtk_widget_is_sensitive (delete_button));
  g_signal_emit_by_name (delete_button, "clicked");
  wait_for_rows (fixture, 1);
  g_assert_null (opora_store_load_organisation (fixture->store, id, NULL));

  /* The toast's Undo puts it back, agreement and all. */
  click (GTK_WIDGET (fixture->window), _("_Undo"));
  wait_for_rows (fixture, 2);
  back = opora_store_load_organisation (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (opora_organisation_get_name (back), ==, "Фонд поддержки");
  g_assert_cmpuint (g_list_model_get_n_items (opora_organisation_get_agreements (back)), ==, 1);

  /* Deleting the last ones leaves the empty state with its New button. */
  for (int i = 0; i < 2; i++)
    {
      gtk_single_selection_set_selected (selection, 0);
      gtk_widget_activate_action (fixture->page, "organisations.delete", NULL);
      wait_for_rows (fixture, 1 - i);
    }
  g_assert_true (wait_for (status_shows, status_data));
  g_assert_nonnull (find (fixture->page, is_button_labelled, _("_Add the First Organisation")));
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
  g_test_add ("/organisations-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  if (gtk_is_initialized ())
    {
      ADD ("create-and-refusals", test_create_and_refusals);
      ADD ("search-filters-sort", test_search_filters_sort);
      ADD ("edit-agreements-in-place", test_edit_agreements_in_place);
      ADD ("cancel-leaves-record", test_cancel_leaves_record);
      ADD ("delete-and-undo", test_delete_and_undo);
    }
#undef ADD

  return g_test_run ();
}
