/* The print dialog of survey forms on a real database, in Russian: the count of forms for
 * each choice, a person found by search, a refused date, and the pages Print… sends (through
 * GtkPrintOperation) and Save as PDF… writes, read back with pdftotext and pdfinfo. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "opora-i18n.h"
#include "opora-print-survey-dialog.h"
#include "opora-store-records.h"
#include "opora-test-util.h"

#define TIMEOUT_US (10 * G_USEC_PER_SEC)

typedef struct
{
  char                   *dir;
  OporaStore             *store;
  GtkWindow              *window;
  OporaPrintSurveyDialog *dialog;
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
insert (OporaStore *store,
        const char *table,
        GVariant   *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = g_variant_ref_sink (record);

  opora_store_insert_record (store, table, owned, &error);
  g_assert_no_error (error);
}

static void
add_holder (OporaStore *store,
            gint64      id,
            const char *surname,
            const char *name,
            const char *patronymic,
            const char *concluded_on)
{
  g_autofree char *number = g_strdup_printf ("СК-%" G_GINT64_FORMAT, id);

  insert (store, "person", g_variant_new_parsed (
    "{'id': <%x>, 'surname': <%s>, 'name': <%s>, 'patronymic': <%s>, 'sex': <'female'>,"
    " 'birth_date': <'1985-04-12'>}", id, surname, name, patronymic));
  insert (store, "contract", g_variant_new_parsed (
    "{'id': <%x>, 'number': <%s>, 'person_id': <%x>, 'concluded_on': <%s>,"
    " 'term_start': <%s>, 'term_end': <'2025-12-31'>}",
    id, number, id, concluded_on, concluded_on));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = opora_test_open_store (&f->dir);
  g_assert_true (opora_store_clear_seed_records (f->store, "institution", &error));
  g_assert_no_error (error);
  insert (f->store, "institution", g_variant_new_parsed (
    "{'id': <int64 1>,"
    " 'full_name': <'БУ «Югорский комплексный центр социального обслуживания населения»'>,"
    " 'address': <'г. Югорск, ул. Толстого, д. 8'>, 'city': <'Югорск'>,"
    " 'city_locative': <'Югорске'>}"));
  add_holder (f->store, 1, "Яковлева", "Анна", "Ивановна", "2023-02-01");
  add_holder (f->store, 2, "Борисова", "Вера", "Павловна", "2023-11-30");
  add_holder (f->store, 3, "Ведерникова", "Ольга", "Юрьевна", "2023-05-05");
  add_holder (f->store, 4, "Антонова", "Нина", "Олеговна", "2022-05-05");
  insert (f->store, "survey_response", g_variant_new_parsed (
    "{'id': <int64 1>, 'template_id': <int64 1>, 'person_id': <int64 3>,"
    " 'responded_on': <'2024-01-15'>}"));

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_object (&f->dialog);
  gtk_window_destroy (f->window);
  g_clear_object (&f->store);
  opora_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
open_dialog (Fixture *f,
             gint64   person_id)
{
  f->dialog = g_object_ref_sink (opora_print_survey_dialog_new (f->store, person_id));
  gtk_window_set_transient_for (GTK_WINDOW (f->dialog), f->window);
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->dialog),
                                                   OPORA_TYPE_PRINT_SURVEY_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

/* Whether @action can be used, as its button shows it. */
static gboolean
action_enabled (Fixture    *f,
                const char *action)
{
  const char *button = g_str_equal (action, "survey-print.print") ? "print_button"
                                                                   : "save_button";

  g_assert_cmpstr (gtk_actionable_get_action_name (child (f, button)), ==, action);
  return gtk_widget_get_sensitive (child (f, button));
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-",
                         NULL };
  g_autofree char *out = run_tool (argv);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static guint
pdf_pages (const char *path,
           gboolean    expect_a4)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run_tool (argv);
  const char *line = strstr (out, "\nPages:");

  g_assert_nonnull (line);
  if (expect_a4)
    g_assert_nonnull (strstr (out, "(A4)"));
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static gboolean
have_poppler (void)
{
  g_autofree char *a = g_find_program_in_path ("pdftotext");
  g_autofree char *b = g_find_program_in_path ("pdfinfo");

  if (a == NULL || b == NULL)
    g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
  return a != NULL && b != NULL;
}

static char *
export (Fixture    *f,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (opora_print_survey_dialog_export (f->dialog, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

/* Blank by default: one page, the seed's text; the print job is A4. */
static void
test_blank (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  open_dialog (f, 0);
  g_assert_cmpuint (opora_print_survey_dialog_get_n_forms (f->dialog), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (child (f, "summary_label")), ==, "Один пустой бланк");
  g_assert_false (gtk_widget_get_visible (child (f, "search_group")));

  path = export (f, "blank.pdf");
  g_assert_cmpuint (pdf_pages (path, TRUE), ==, 1);
  text = pdf_text (path, 1);
  assert_contains (text, "Уважаемый респондент!");
  assert_contains (text, "БУ «Югорский комплексный центр социального обслуживания "
                         "населения» проводит анкетирование граждан");
  assert_contains (text, "проживающих в городе Югорске? Да Нет");
  assert_contains (text, "Фамилия, имя, отчество____");
  assert_contains (text, "Благодарим за сотрудничество!");
}

static gboolean
print_enabled (gpointer data)
{
  return action_enabled (data, "survey-print.print");
}

/* The year's list: counted as the year changes; each form on its page with its name. */
static void
test_year_list (Fixture       *f,
                gconstpointer  data)
{
  const char *expected[] = { "Борисова Вера Павловна", "Яковлева Анна Ивановна" };
  g_autofree char *path = NULL;

  if (!have_poppler ())
    return;
  open_dialog (f, 0);
  /* The latest contracts' year is offered first. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (f, "year_spin")), ==, 2023);
  gtk_check_button_set_active (child (f, "year_check"), TRUE);
  g_assert_cmpuint (opora_print_survey_dialog_get_n_forms (f->dialog), ==, 2);
  assert_contains (gtk_label_get_label (child (f, "summary_label")), "2 анкеты");

  gtk_spin_button_set_value (child (f, "year_spin"), 2021);
  g_assert_cmpuint (opora_print_survey_dialog_get_n_forms (f->dialog), ==, 0);
  assert_contains (gtk_label_get_label (child (f, "summary_label")), "печатать нечего");
  g_assert_false (action_enabled (f, "survey-print.print"));
  g_assert_false (action_enabled (f, "survey-print.save-pdf"));

  gtk_spin_button_set_value (child (f, "year_spin"), 2022);
  g_assert_cmpuint (opora_print_survey_dialog_get_n_forms (f->dialog), ==, 1);

  /* While the year changes the count waits, and nothing can be printed half counted. */
  gtk_spin_button_set_value (child (f, "year_spin"), 2023);
  assert_contains (gtk_label_get_label (child (f, "summary_label")), "Подсчёт");
  g_assert_false (action_enabled (f, "survey-print.print"));
  g_assert_true (wait_for (print_enabled, f));
  assert_contains (gtk_label_get_label (child (f, "summary_label")), "2 анкеты");

  path = export (f, "year.pdf");
  g_assert_cmpuint (pdf_pages (path, TRUE), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = pdf_text (path, i + 1);
      g_autofree char *line = g_strdup_printf ("Фамилия, имя, отчество %s", expected[i]);

      assert_contains (text, line);
      assert_contains (text, "Уважаемый респондент!");
    }
}

static gboolean
has_matches (gpointer data)
{
  return gtk_widget_get_first_child (GTK_WIDGET (data)) != NULL;
}

/* Opened for a person: that person's form. From the surveys page: found by search. A date
 * that is no date is refused under its field and nothing can be printed. */
static void
test_person_and_date (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row;

  if (!have_poppler ())
    return;
  open_dialog (f, 4);
  g_assert_true (gtk_check_button_get_active (child (f, "person_check")));
  g_assert_false (gtk_widget_get_visible (child (f, "search_group")));
  g_assert_cmpuint (opora_print_survey_dialog_get_n_forms (f->dialog), ==, 1);
  assert_contains (gtk_label_get_label (child (f, "summary_label")),
                   "Антонова Нина Олеговна");

  gtk_editable_set_text (child (f, "date_row"), "31.02.2024");
  g_assert_true (gtk_widget_get_visible (child (f, "date_error")));
  g_assert_true (gtk_widget_has_css_class (child (f, "date_row"), "error"));
  g_assert_false (action_enabled (f, "survey-print.print"));
  gtk_editable_set_text (child (f, "date_row"), "5.3.2024");
  g_assert_false (gtk_widget_get_visible (child (f, "date_error")));
  g_assert_true (action_enabled (f, "survey-print.print"));

  path = export (f, "person.pdf");
  g_assert_cmpuint (pdf_pages (path, TRUE), ==, 1);
  text = pdf_text (path, 1);
  assert_contains (text, "Фамилия, имя, отчество Антонова Нина Олеговна");
  assert_contains (text, "Дата заполнения 05.03.2024");

  /* Without a person: nobody until one is found and chosen. */
  gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_object (&f->dialog);
  open_dialog (f, 0);
  gtk_check_button_set_active (child (f, "person_check"), TRUE);
  g_assert_true (gtk_widget_get_visible (child (f, "search_group")));
  g_assert_cmpuint (opora_print_survey_dialog_get_n_forms (f->dialog), ==, 0);
  g_assert_false (action_enabled (f, "survey-print.print"));

  gtk_editable_set_text (child (f, "search_entry"), "ведерн");
  g_assert_true (wait_for (has_matches, child (f, "match_list")));
  row = gtk_widget_get_first_child (child (f, "match_list"));
  g_assert_null (gtk_widget_get_next_sibling (row));
  g_signal_emit_by_name (child (f, "match_list"), "row-activated", row);
  g_assert_cmpuint (opora_print_survey_dialog_get_n_forms (f->dialog), ==, 1);
  assert_contains (gtk_label_get_label (child (f, "summary_label")),
                   "Ведерникова Ольга Юрьевна");

  g_free (path);
  path = export (f, "found.pdf");
  g_free (text);
  text = pdf_text (path, 1);
  assert_contains (text, "Фамилия, имя, отчество Ведерникова Ольга Юрьевна");
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint *n = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_print_survey_dialog_save_finish (OPORA_PRINT_SURVEY_DIALOG (source),
                                                        result, n, &error));
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(guint *) data != 0;
}

/* Save as PDF… writes in a thread what Print… sends: the same text page by page. */
static void
test_save_matches_print (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *printed = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  guint n = 0;

  if (!have_poppler ())
    return;
  open_dialog (f, 0);
  gtk_check_button_set_active (child (f, "year_check"), TRUE);
  printed = export (f, "printed.pdf");
  saved = g_build_filename (f->dir, "saved.pdf", NULL);
  file = g_file_new_for_path (saved);
  opora_print_survey_dialog_save_async (f->dialog, file, NULL, saved_cb, &n);
  g_assert_true (wait_for (is_set, &n));
  g_assert_cmpuint (n, ==, 2);

  g_assert_cmpuint (pdf_pages (saved, TRUE), ==, pdf_pages (printed, TRUE));
  for (guint page = 1; page <= 2; page++)
    {
      g_autofree char *a = pdf_text (printed, page);
      g_autofree char *b = pdf_text (saved, page);

      g_assert_cmpstr (a, ==, b);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "ru", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  opora_i18n_init ();

  g_test_init (&argc, &argv, NULL);
  if (opora_test_init_gtk ())
    adw_init ();

#define ADD(path, func) \
  g_test_add ("/print-survey-ui/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  if (gtk_is_initialized ())
    {
      ADD ("blank", test_blank);
      ADD ("year-list", test_year_list);
      ADD ("person-and-date", test_person_and_date);
      ADD ("save-matches-print", test_save_matches_print);
    }
#undef ADD

  return g_test_run ();
}
