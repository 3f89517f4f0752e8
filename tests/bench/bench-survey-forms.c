/* Measures printed survey forms on a large database (made by `opora-cli demo`): counting and
 * listing the contract holders of a year not yet surveyed, as the print dialog does, laying
 * the seed form out, and writing N prefilled forms (1,000 unless told) to one PDF. Prints
 * figures; never fails on time.
 *
 *   build/tests/bench/bench-survey-forms DB [N]
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "opora-store-survey-forms.h"
#include "opora-store.h"
#include "opora-survey-form.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OporaStore) store = NULL;
  g_autoptr(OporaSurveyFormData) data = NULL;
  g_autoptr(OporaSurveyForm) form = NULL;
  g_autoptr(GPtrArray) recipients = NULL;
  g_autoptr(GArray) persons = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  guint64 wanted = 1000;
  GStatBuf st;
  gint64 template_id, start;
  guint count = 0;
  int year = 2023;
  double t;

  if (argc < 2 || argc > 3
      || (argc == 3 && !g_ascii_string_to_unsigned (argv[2], 10, 1, 1000000, &wanted, NULL)))
    {
      g_printerr ("usage: bench-survey-forms DB [N]\n");
      return 2;
    }

  store = opora_store_open (argv[1], OPORA_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("bench-survey-forms: %s\n", error->message);
      return 1;
    }
  template_id = opora_store_find_survey_form_template (store, "peer_consent", &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  data = opora_store_load_survey_form (store, template_id, &error);
  g_assert_no_error (error);
  printf ("load the seed template:                        %8.2f ms\n", ms_since (start));

  /* The dialog's count as the year changes, then the list it prints: the busiest year
   * of the demo first, earlier years when it holds too few. */
  for (; year >= 2019; year--)
    {
      g_autofree char *from = g_strdup_printf ("%d-01-01", year);
      g_autofree char *to = g_strdup_printf ("%d-12-31", year);

      start = g_get_monotonic_time ();
      opora_store_count_unsurveyed_contract_holders (store, template_id, from, to, &count,
                                                     &error);
      g_assert_no_error (error);
      printf ("count unsurveyed contract holders of %d:       %8.2f ms (%u persons)\n", year,
              ms_since (start), count);

      start = g_get_monotonic_time ();
      recipients = opora_store_list_unsurveyed_contract_holders (store, template_id, from, to,
                                                                 &error);
      g_assert_no_error (error);
      printf ("list them by name:                             %8.2f ms\n", ms_since (start));
      if (recipients->len >= wanted)
        break;
      g_clear_pointer (&recipients, g_ptr_array_unref);
    }
  if (recipients == NULL)
    {
      g_printerr ("bench-survey-forms: no year holds %" G_GUINT64_FORMAT " unsurveyed contract "
                  "holders; make a larger demo database\n", wanted);
      return 1;
    }
  g_ptr_array_set_size (recipients, (guint) wanted);
  persons = opora_survey_recipients_to_persons (recipients, "01.02.2024");

  start = g_get_monotonic_time ();
  form = opora_survey_form_new (data);
  printf ("lay the form out:                              %8.2f ms (%u page)\n", ms_since (start),
          opora_survey_form_get_n_pages (form));

  dir = g_dir_make_tmp ("bench-survey-forms-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "forms.pdf", NULL);
  start = g_get_monotonic_time ();
  if (!opora_survey_form_write_pdf (path, data, (const OporaSurveyFormPerson *) persons->data,
                                    persons->len, &error))
    {
      g_printerr ("bench-survey-forms: %s\n", error->message);
      return 1;
    }
  t = ms_since (start);
  g_stat (path, &st);
  printf ("write %u prefilled forms to one PDF:         %8.2f ms (%.2f ms a form, %.1f MB)\n",
          persons->len, t, t / persons->len, st.st_size / 1e6);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
