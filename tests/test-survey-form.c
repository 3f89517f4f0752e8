/* Printed survey forms: the form drawn from plain data and read back from its PDF as a user's
 * tools read it, and the store's reads that make the data — the template with the
 * institution's details filled in, and the persons to print for. */
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "opora-error.h"
#include "opora-i18n.h"
#include "opora-store-records.h"
#include "opora-store-survey-forms.h"
#include "opora-survey-form.h"
#include "opora-test-util.h"

/* The form of seed 000's appendix, word for word. */
#define SEED_INSTITUTION "БУ «Югорский комплексный центр социального обслуживания населения»"
#define SEED_GREETING "Уважаемый респондент!"
#define SEED_INTRODUCTION                                                              \
  SEED_INSTITUTION " проводит анкетирование граждан, заключивших социальный контракт, " \
  "с целью изучения востребованности в проведении мероприятий по выходу из трудной "    \
  "жизненной ситуации."
#define SEED_INSTRUCTIONS                                                              \
  "Просим Вас ответить на поставленные вопросы. Подчеркните вариант ответа, "           \
  "соответствующий Вашему мнению. При необходимости дополните свои ответы."
#define SEED_Q1                                                                        \
  "Готовы ли Вы участвовать в психологических занятиях по поиску внутренних ресурсов " \
  "для повышения своего материального благосостояния (своей семьи)?"
#define SEED_Q2                                                                        \
  "Готовы ли Вы воспользоваться положительным опытом разрешения подобной трудной "     \
  "жизненной ситуации других семей, проживающих в городе Югорске?"
#define SEED_CLOSING "Благодарим за сотрудничество!"

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    g_test_skip ("pdftotext and pdfinfo (poppler-utils) are not installed");
  return pdftotext != NULL && pdfinfo != NULL;
}

static char *
run (const char * const *argv)
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

/* The text of page @page (from 1; 0 for all) as pdftotext reads it, every run of white
 * space made one space. */
static char *
pdf_text (const char *path,
          guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-",
                        NULL };
  g_autofree char *out = run (page == 0 ? all : one);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static guint
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (argv);
  const char *line = strstr (out, "\nPages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static OporaSurveyFormData *
seed_data (void)
{
  OporaSurveyFormData *data = opora_survey_form_data_new ();

  data->title = g_strdup ("Анкета");
  data->institution = g_strdup (SEED_INSTITUTION "\nг. Югорск, ул. Толстого, д. 8");
  data->greeting = g_strdup (SEED_GREETING);
  data->introduction = g_strdup (SEED_INTRODUCTION);
  data->instructions = g_strdup (SEED_INSTRUCTIONS);
  data->closing = g_strdup (SEED_CLOSING);
  opora_survey_form_data_add_question (data, OPORA_SURVEY_FORM_YES_NO, SEED_Q1, NULL);
  opora_survey_form_data_add_question (data, OPORA_SURVEY_FORM_YES_NO, SEED_Q2, NULL);
  return data;
}

/* The seed's text in the seed's order, each answer «Да» / «Нет» under its question. */
static void
assert_seed_text (const char *text)
{
  g_autofree char *ordered = g_strjoin (" ", SEED_GREETING, SEED_INTRODUCTION,
                                        SEED_INSTRUCTIONS, NULL);
  g_autofree char *q1 = g_strdup_printf ("1. %s Да Нет", SEED_Q1);
  g_autofree char *q2 = g_strdup_printf ("2. %s Да Нет", SEED_Q2);

  assert_contains (text, ordered);
  assert_contains (text, q1);
  assert_contains (text, q2);
  assert_contains (text, SEED_CLOSING);
  g_assert_true (strstr (text, q1) < strstr (text, q2));
  g_assert_true (strstr (text, q2) < strstr (text, SEED_CLOSING));
}

static void
test_blank_form (void)
{
  g_autoptr(OporaSurveyFormData) data = seed_data ();
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "анкета.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) name_line = g_regex_new ("Фамилия, имя, отчество ?_{20,}", 0, 0, NULL);
  g_autoptr(GRegex) date_line = g_regex_new ("Дата заполнения ?_{10,}", 0, 0, NULL);
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;
  g_assert_true (opora_survey_form_write_pdf (path, data, NULL, 0, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pdf_pages (path), ==, 1);
  text = pdf_text (path, 0);
  assert_seed_text (text);
  assert_contains (text, SEED_INSTITUTION);
  g_assert_true (g_regex_match (name_line, text, 0, NULL));
  g_assert_true (g_regex_match (date_line, text, 0, NULL));
  opora_test_rm_rf (dir);
}

static void
test_batch_one_page_each (void)
{
  g_autoptr(OporaSurveyFormData) data = seed_data ();
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "forms.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const OporaSurveyFormPerson persons[] = {
    { "Иванова Мария Петровна", "12.03.2024" },
    { "Петров Пётр Сергеевич", NULL },
    { "Сидоров Ян", "" },
  };

  if (!have_poppler ())
    return;
  g_assert_true (opora_survey_form_write_pdf (path, data, persons, G_N_ELEMENTS (persons),
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, G_N_ELEMENTS (persons));

  for (guint i = 0; i < G_N_ELEMENTS (persons); i++)
    {
      g_autofree char *text = pdf_text (path, i + 1);
      g_autofree char *name = g_strdup_printf ("Фамилия, имя, отчество %s",
                                               persons[i].full_name);

      assert_seed_text (text);
      assert_contains (text, name);
      /* Only this page's person. */
      for (guint j = 0; j < G_N_ELEMENTS (persons); j++)
        if (j != i)
          g_assert_null (strstr (text, persons[j].full_name));
      if (persons[i].date != NULL && persons[i].date[0] != '\0')
        assert_contains (text, "Дата заполнения 12.03.2024");
      else
        assert_contains (text, "Дата заполнения__________");
    }
  opora_test_rm_rf (dir);
}

/* A long template: every question kind, a paragraph longer than a page. Each copy takes the
 * same pages, starts on a new one, and loses no word at a page break. */
static void
test_long_form_paginates (void)
{
  g_autoptr(OporaSurveyFormData) data = seed_data ();
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(OporaSurveyForm) form = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  const char *options[] = { "Трудоустройство", "Профобучение", "Самозанятость", NULL };
  const OporaSurveyFormPerson persons[] = { { "Первова Анна", NULL }, { "Вторых Олег", NULL } };
  guint n_pages;

  if (!have_poppler ())
    return;
  for (guint i = 1; i <= 400; i++)
    g_string_append_printf (paragraph, "слово%u ", i);
  g_free (data->instructions);
  data->instructions = g_strdup (paragraph->str);
  for (guint i = 0; i < 12; i++)
    {
      opora_survey_form_data_add_question (data, OPORA_SURVEY_FORM_SINGLE, "Что нужнее?",
                                           options);
      opora_survey_form_data_add_question (data, OPORA_SURVEY_FORM_MULTIPLE, "Что ещё?",
                                           options);
      opora_survey_form_data_add_question (data, OPORA_SURVEY_FORM_TEXT, "Пожелания", NULL);
    }

  form = opora_survey_form_new (data);
  n_pages = opora_survey_form_get_n_pages (form);
  g_assert_cmpuint (n_pages, >=, 3);

  g_assert_true (opora_survey_form_write_pdf (path, data, persons, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path), ==, 2 * n_pages);

  for (guint copy = 0; copy < 2; copy++)
    for (guint page = 0; page < n_pages; page++)
      {
        g_autofree char *text = pdf_text (path, copy * n_pages + page + 1);
        g_autofree char *footer = g_strdup_printf ("%s — Страница %u из %u",
                                                   persons[copy].full_name, page + 1, n_pages);

        assert_contains (text, footer);
        if (page == 0)
          assert_contains (text, SEED_GREETING);
        else
          g_assert_null (strstr (text, SEED_GREETING));
        if (copy == 0)
          g_string_append_printf (all, "%s ", text);
      }
  /* Every word of the long paragraph once, in order, and every question's number. */
  for (guint i = 1; i <= 400; i++)
    {
      g_autofree char *word = g_strdup_printf ("слово%u ", i);
      const char *found = strstr (all->str, word);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, word));
    }
  for (guint i = 1; i <= 38; i++)
    {
      g_autofree char *number = g_strdup_printf (" %u. ", i);

      assert_contains (all->str, number);
    }
  assert_contains (all->str, "(можно подчеркнуть несколько вариантов)");
  assert_contains (all->str, SEED_CLOSING);

  /* The name line follows the long paragraph, wherever that ends. */
  assert_contains (all->str, "Фамилия, имя, отчество Первова Анна");
  opora_test_rm_rf (dir);
}

static void
test_write_error (void)
{
  g_autoptr(OporaSurveyFormData) data = seed_data ();
  g_autofree char *dir = opora_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "forms.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (opora_survey_form_write_pdf (path, data, NULL, 0, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  opora_test_rm_rf (dir);
}

/* The dark pixels of a band of the page given in points. */
static guint
dark_pixels_in_row_band (cairo_surface_t *surface,
                         int              x0,
                         int              x1,
                         int              y0,
                         int              y1)
{
  unsigned char *pixels = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint dark = 0;

  /* Points in, pixels of the 2× surface read. */
  cairo_surface_flush (surface);
  for (int y = 2 * y0; y < 2 * y1; y++)
    for (int x = 2 * x0; x < 2 * x1; x++)
      {
        guint32 pixel = *(guint32 *) (pixels + y * stride + x * 4);

        if ((pixel & 0xff) < 128)
          dark++;
      }
  return dark;
}

static cairo_surface_t *
draw_page (OporaSurveyForm             *form,
           const OporaSurveyFormPerson *person)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2 * 595,
                                                         2 * 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2); /* 2 px a point: a 0.6 pt rule darkens a whole row */
  opora_survey_form_draw_page (form, cr, 0, person);
  cairo_destroy (cr);
  return surface;
}

/* The drawn page: a text question gets lines to write on, and a filled name is underlined
 * to the right margin like the blank it replaces. */
static void
test_lines_drawn (void)
{
  g_autoptr(OporaSurveyFormData) data = seed_data ();
  g_autoptr(OporaSurveyFormData) with_text = seed_data ();
  g_autoptr(OporaSurveyForm) form = NULL;
  g_autoptr(OporaSurveyForm) form_text = NULL;
  OporaSurveyFormPerson person = { "Иванова Мария Петровна", NULL };
  cairo_surface_t *blank, *filled, *text;

  opora_survey_form_data_add_question (with_text, OPORA_SURVEY_FORM_TEXT, "Пожелания", NULL);
  form = opora_survey_form_new (data);
  form_text = opora_survey_form_new (with_text);
  blank = draw_page (form, NULL);
  filled = draw_page (form, &person);
  text = draw_page (form_text, NULL);

  /* Near the right margin nothing but the name line's rule or underscores is drawn in
   * the band of the page where the name line is: both forms put ink there. */
  {
    int y = 200;

    while (y < 842 && dark_pixels_in_row_band (blank, 500, 550, y, y + 1) == 0)
      y++;
    g_assert_cmpint (y, <, 842);
    g_assert_cmpuint (dark_pixels_in_row_band (filled, 500, 550, y - 3, y + 4), >, 80);
  }
  /* Three lines to write on: the text question's page has more long dark rows. */
  {
    guint long_rows_blank = 0, long_rows_text = 0;

    /* A row of pixels dark most of the way from the text column to the margin. */
    for (int y = 0; y < 842; y++)
      {
        long_rows_blank += dark_pixels_in_row_band (blank, 120, 540, y, y + 1) > 600;
        long_rows_text += dark_pixels_in_row_band (text, 120, 540, y, y + 1) > 600;
      }
    g_assert_cmpuint (long_rows_text, >=, long_rows_blank + 3);
  }
  cairo_surface_destroy (blank);
  cairo_surface_destroy (filled);
  cairo_surface_destroy (text);
}

/* ---- The store's reads ---- */

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
set_institution (OporaStore *store,
                 const char *city_locative)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_store_clear_seed_records (store, "institution", &error));
  g_assert_no_error (error);
  insert (store, "institution", g_variant_new_parsed (
    "{'id': <int64 1>, 'full_name': <%s>, 'short_name': <'БУ «Югорский КЦСОН»'>,"
    " 'address': <'г. Югорск, ул. Толстого, д. 8'>, 'phone': <'8(34675) 7-24-16'>,"
    " 'city': <'Югорск'>, 'city_locative': <%s>}", SEED_INSTITUTION, city_locative));
}

static void
add_person (OporaStore *store,
            gint64      id,
            const char *surname,
            const char *name,
            const char *patronymic)
{
  if (patronymic != NULL)
    insert (store, "person", g_variant_new_parsed (
      "{'id': <%x>, 'surname': <%s>, 'name': <%s>, 'patronymic': <%s>, 'sex': <'female'>}",
      id, surname, name, patronymic));
  else
    insert (store, "person", g_variant_new_parsed (
      "{'id': <%x>, 'surname': <%s>, 'name': <%s>, 'sex': <'male'>}", id, surname, name));
}

static void
add_contract (OporaStore *store,
              gint64      id,
              gint64      person_id,
              const char *concluded_on)
{
  g_autofree char *number = g_strdup_printf ("СК-%" G_GINT64_FORMAT, id);

  insert (store, "contract", g_variant_new_parsed (
    "{'id': <%x>, 'number': <%s>, 'person_id': <%x>, 'concluded_on': <%s>,"
    " 'term_start': <%s>, 'term_end': <'2025-12-31'>}",
    id, number, person_id, concluded_on, concluded_on));
}

/* A template made by hand: every kind, a retired question, placeholders. */
static gint64
add_template (OporaStore *store)
{
  insert (store, "survey_template", g_variant_new_parsed (
    "{'id': <int64 50>, 'code': <'work_needs'>, 'title': <'Анкета о занятости'>,"
    " 'greeting': <'Здравствуйте!'>,"
    " 'introduction': <'{institution} изучает потребности жителей {city_locative}.'>,"
    " 'instructions': <'Отметьте ответ.'>, 'closing': <'Спасибо!'>}"));
  insert (store, "survey_question", g_variant_new_parsed (
    "{'id': <int64 501>, 'template_id': <int64 50>, 'position': <int64 2>, 'kind': <'single'>,"
    " 'text': <'Что Вам нужнее?'>, 'options': <'Работа\n\n  Учёба  \nДело в {city_locative}'>}"));
  insert (store, "survey_question", g_variant_new_parsed (
    "{'id': <int64 502>, 'template_id': <int64 50>, 'position': <int64 1>, 'kind': <'yes_no'>,"
    " 'text': <'Старый вопрос'>, 'retired': <int64 1>}"));
  insert (store, "survey_question", g_variant_new_parsed (
    "{'id': <int64 503>, 'template_id': <int64 50>, 'position': <int64 1>, 'kind': <'yes_no'>,"
    " 'text': <'Работаете ли Вы?'>}"));
  insert (store, "survey_question", g_variant_new_parsed (
    "{'id': <int64 504>, 'template_id': <int64 50>, 'position': <int64 3>, 'kind': <'text'>,"
    " 'text': <'Пожелания'>}"));
  insert (store, "survey_question", g_variant_new_parsed (
    "{'id': <int64 505>, 'template_id': <int64 50>, 'position': <int64 4>,"
    " 'kind': <'multiple'>, 'text': <'Что интересно?'>, 'options': <'Курсы\nЯрмарки'>}"));
  return 50;
}

static void
test_store_template (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(OporaSurveyFormData) data = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GError) error = NULL;
  OporaSurveyFormQuestion *q;
  gint64 id;

  set_institution (store, "Югорске");
  id = add_template (store);

  data = opora_store_load_survey_form (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->title, ==, "Анкета о занятости");
  g_assert_cmpstr (data->greeting, ==, "Здравствуйте!");
  g_assert_cmpstr (data->introduction, ==,
                   SEED_INSTITUTION " изучает потребности жителей Югорске.");
  g_assert_cmpstr (data->instructions, ==, "Отметьте ответ.");
  g_assert_cmpstr (data->closing, ==, "Спасибо!");
  g_assert_cmpstr (data->institution, ==,
                   SEED_INSTITUTION "\nг. Югорск, ул. Толстого, д. 8, тел. 8(34675) 7-24-16");

  /* In position order, the retired question left out. */
  g_assert_cmpuint (data->questions->len, ==, 4);
  q = g_ptr_array_index (data->questions, 0);
  g_assert_cmpstr (q->text, ==, "Работаете ли Вы?");
  g_assert_cmpint (q->kind, ==, OPORA_SURVEY_FORM_YES_NO);
  g_assert_null (q->options);
  q = g_ptr_array_index (data->questions, 1);
  g_assert_cmpint (q->kind, ==, OPORA_SURVEY_FORM_SINGLE);
  g_assert_cmpuint (g_strv_length (q->options), ==, 3);
  g_assert_cmpstr (q->options[0], ==, "Работа");
  g_assert_cmpstr (q->options[1], ==, "Учёба");
  g_assert_cmpstr (q->options[2], ==, "Дело в Югорске");
  q = g_ptr_array_index (data->questions, 2);
  g_assert_cmpint (q->kind, ==, OPORA_SURVEY_FORM_TEXT);
  q = g_ptr_array_index (data->questions, 3);
  g_assert_cmpint (q->kind, ==, OPORA_SURVEY_FORM_MULTIPLE);
  g_assert_cmpstr (q->options[1], ==, "Ярмарки");

  /* Found by code and by id; the list holds it. */
  g_assert_cmpint (opora_store_find_survey_form_template (store, "work_needs", &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (opora_store_find_survey_form_template (store, "50", &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (opora_store_find_survey_form_template (store, "nothing", &error), ==, 0);
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (opora_store_load_survey_form (store, 4242, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  templates = opora_store_list_survey_form_templates (store, &error);
  g_assert_no_error (error);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < templates->len; i++)
      {
        OporaSurveyFormTemplate *t = g_ptr_array_index (templates, i);

        if (t->id == id)
          {
            g_assert_cmpstr (t->code, ==, "work_needs");
            g_assert_cmpstr (t->title, ==, "Анкета о занятости");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  opora_test_rm_rf (dir);
}

/* The built-in seed template, printed with the institution of Preferences: the seed's
 * text word for word. */
static void
test_store_seed_template_pdf (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(OporaSurveyFormData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  OporaSurveyFormQuestion *q;
  gint64 id;

  if (!have_poppler ())
    return;
  set_institution (store, "Югорске");
  id = opora_store_find_survey_form_template (store, "peer_consent", &error);
  g_assert_no_error (error);
  data = opora_store_load_survey_form (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (data->greeting, ==, SEED_GREETING);
  g_assert_cmpstr (data->introduction, ==, SEED_INTRODUCTION);
  g_assert_cmpstr (data->instructions, ==, SEED_INSTRUCTIONS);
  g_assert_cmpstr (data->closing, ==, SEED_CLOSING);
  g_assert_cmpuint (data->questions->len, ==, 2);
  q = g_ptr_array_index (data->questions, 0);
  g_assert_cmpstr (q->text, ==, SEED_Q1);
  g_assert_cmpint (q->kind, ==, OPORA_SURVEY_FORM_YES_NO);
  q = g_ptr_array_index (data->questions, 1);
  g_assert_cmpstr (q->text, ==, SEED_Q2);

  path = g_build_filename (dir, "seed.pdf", NULL);
  g_assert_true (opora_survey_form_write_pdf (path, data, NULL, 0, &error));
  g_assert_no_error (error);
  text = pdf_text (path, 0);
  assert_seed_text (text);
  opora_test_rm_rf (dir);
}

/* A detail missing from Preferences: the city stands in for its locative, and with no
 * details at all the paper gets lines to write them on. */
static void
test_store_missing_details (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *dir2 = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(OporaStore) bare = opora_test_open_store (&dir2);
  g_autoptr(OporaSurveyFormData) data = NULL;
  g_autoptr(OporaSurveyFormData) bare_data = NULL;
  g_autoptr(GError) error = NULL;
  OporaSurveyFormQuestion *q;
  gint64 id;

  set_institution (store, "");
  id = opora_store_find_survey_form_template (store, "peer_consent", &error);
  g_assert_no_error (error);
  data = opora_store_load_survey_form (store, id, &error);
  g_assert_no_error (error);
  q = g_ptr_array_index (data->questions, 1);
  g_assert_true (g_str_has_suffix (q->text, "проживающих в городе Югорск?"));

  bare_data = opora_store_load_survey_form (bare, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match_simple ("^_{8,} проводит", bare_data->introduction, 0, 0));
  q = g_ptr_array_index (bare_data->questions, 1);
  g_assert_true (g_regex_match_simple ("в городе _{8,}\\?$", q->text, 0, 0));
  g_assert_cmpstr (bare_data->institution, ==, "");
  opora_test_rm_rf (dir);
  opora_test_rm_rf (dir2);
}

static void
assert_recipients (GPtrArray           *recipients,
                   const gint64        *ids,
                   const char * const  *names,
                   guint                n)
{
  g_assert_nonnull (recipients);
  g_assert_cmpuint (recipients->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      OporaSurveyRecipient *r = g_ptr_array_index (recipients, i);

      g_assert_cmpint (r->person_id, ==, ids[i]);
      g_assert_cmpstr (r->full_name, ==, names[i]);
    }
}

static void
test_store_unsurveyed (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OporaStore) store = opora_test_open_store (&dir);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_template, template_id;
  guint count = 0;

  set_institution (store, "Югорске");
  g_assert_cmpint (opora_store_latest_contract_year (store), ==, 0);
  template_id = add_template (store);
  insert (store, "survey_template", g_variant_new_parsed (
    "{'id': <int64 60>, 'title': <'Другая анкета'>}"));
  other_template = 60;

  add_person (store, 1, "Яковлева", "Анна", "Ивановна");   /* 2023, not surveyed */
  add_person (store, 2, "Борисов", "Иван", NULL);          /* 2023 twice, not surveyed */
  add_person (store, 3, "Веселова", "Ольга", "Петровна");  /* 2023, surveyed */
  add_person (store, 4, "Антонов", "Павел", "Олегович");   /* 2022 only */
  add_person (store, 5, "Гусева", "Нина", "Юрьевна");      /* 2023, other survey only */
  add_person (store, 6, "Дронов", "Олег", "Ильич");        /* no contract */
  add_contract (store, 11, 1, "2023-01-01");
  add_contract (store, 12, 2, "2023-06-15");
  add_contract (store, 13, 2, "2023-12-31");
  add_contract (store, 14, 3, "2023-03-01");
  add_contract (store, 15, 4, "2022-12-31");
  add_contract (store, 16, 5, "2023-05-05");
  /* The year a print dialog offers first: the latest contract's. */
  g_assert_cmpint (opora_store_latest_contract_year (store), ==, 2023);
  insert (store, "survey_response", g_variant_new_parsed (
    "{'id': <int64 1>, 'template_id': <%x>, 'person_id': <int64 3>,"
    " 'responded_on': <'2024-02-01'>}", template_id));
  insert (store, "survey_response", g_variant_new_parsed (
    "{'id': <int64 2>, 'template_id': <%x>, 'person_id': <int64 5>,"
    " 'responded_on': <'2023-06-01'>}", other_template));

  {
    const gint64 ids[] = { 2, 5, 1 };
    const char * const names[] = { "Борисов Иван", "Гусева Нина Юрьевна",
                                   "Яковлева Анна Ивановна" };

    list = opora_store_list_unsurveyed_contract_holders (store, template_id, "2023-01-01",
                                                         "2023-12-31", &error);
    g_assert_no_error (error);
    assert_recipients (list, ids, names, G_N_ELEMENTS (ids));
    g_assert_true (opora_store_count_unsurveyed_contract_holders (store, template_id,
                                                                  "2023-01-01", "2023-12-31",
                                                                  &count, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count, ==, G_N_ELEMENTS (ids));
    g_clear_pointer (&list, g_ptr_array_unref);
  }
  {
    /* The edges of the period: the last day of 2022 alone. */
    const gint64 ids[] = { 4 };
    const char * const names[] = { "Антонов Павел Олегович" };

    list = opora_store_list_unsurveyed_contract_holders (store, template_id, "2022-12-31",
                                                         "2022-12-31", &error);
    g_assert_no_error (error);
    assert_recipients (list, ids, names, 1);
    g_clear_pointer (&list, g_ptr_array_unref);
  }
  {
    /* No bounds: every contract holder not surveyed; the other template's view differs. */
    const gint64 ids[] = { 4, 2, 5, 1 };
    const char * const names[] = { "Антонов Павел Олегович", "Борисов Иван",
                                   "Гусева Нина Юрьевна", "Яковлева Анна Ивановна" };
    const gint64 other_ids[] = { 4, 2, 3, 1 };
    const char * const other_names[] = { "Антонов Павел Олегович", "Борисов Иван",
                                         "Веселова Ольга Петровна", "Яковлева Анна Ивановна" };

    list = opora_store_list_unsurveyed_contract_holders (store, template_id, NULL, NULL,
                                                         &error);
    g_assert_no_error (error);
    assert_recipients (list, ids, names, G_N_ELEMENTS (ids));
    g_clear_pointer (&list, g_ptr_array_unref);
    list = opora_store_list_unsurveyed_contract_holders (store, other_template, NULL, NULL,
                                                         &error);
    g_assert_no_error (error);
    assert_recipients (list, other_ids, other_names, G_N_ELEMENTS (other_ids));
    g_clear_pointer (&list, g_ptr_array_unref);
  }
  {
    const gint64 ids[] = { 6, 3 };
    const char * const names[] = { "Дронов Олег Ильич", "Веселова Ольга Петровна" };
    const gint64 missing[] = { 6, 99 };
    g_autoptr(GArray) persons = NULL;

    list = opora_store_list_survey_recipients (store, ids, G_N_ELEMENTS (ids), &error);
    g_assert_no_error (error);
    assert_recipients (list, ids, names, G_N_ELEMENTS (ids));
    persons = opora_survey_recipients_to_persons (list, "01.02.2024");
    g_assert_cmpuint (persons->len, ==, 2);
    g_assert_cmpstr (g_array_index (persons, OporaSurveyFormPerson, 1).full_name, ==,
                     "Веселова Ольга Петровна");
    g_assert_cmpstr (g_array_index (persons, OporaSurveyFormPerson, 1).date, ==, "01.02.2024");
    g_clear_pointer (&list, g_ptr_array_unref);

    g_assert_null (opora_store_list_survey_recipients (store, missing, 2, &error));
    g_assert_error (error, OPORA_ERROR, OPORA_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "99"));
  }
  opora_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "ru", TRUE);
  setlocale (LC_ALL, "");
  opora_i18n_init ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey-form/render/blank", test_blank_form);
  g_test_add_func ("/survey-form/render/batch-one-page-each", test_batch_one_page_each);
  g_test_add_func ("/survey-form/render/long-form-paginates", test_long_form_paginates);
  g_test_add_func ("/survey-form/render/lines-drawn", test_lines_drawn);
  g_test_add_func ("/survey-form/render/write-error", test_write_error);
  g_test_add_func ("/survey-form/store/template", test_store_template);
  g_test_add_func ("/survey-form/store/seed-template-pdf", test_store_seed_template_pdf);
  g_test_add_func ("/survey-form/store/missing-details", test_store_missing_details);
  g_test_add_func ("/survey-form/store/unsurveyed", test_store_unsurveyed);

  return g_test_run ();
}
