#include <glib/gi18n.h>
#include <string.h>

#include "opora-error.h"
#include "opora-snils.h"

/* The weighted sum the rule starts from, written out here so that each example below
 * provably sits where it claims (a sum of exactly 100, 101, …). */
static int
weighted_sum (const char *nine)
{
  return (nine[0] - '0') * 9 + (nine[1] - '0') * 8 + (nine[2] - '0') * 7
         + (nine[3] - '0') * 6 + (nine[4] - '0') * 5 + (nine[5] - '0') * 4
         + (nine[6] - '0') * 3 + (nine[7] - '0') * 2 + (nine[8] - '0') * 1;
}

static void
assert_accepted (const char *text,
                 const char *digits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (opora_snils_normalize (text, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, digits);
}

static void
assert_bad_shape (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *out = (char *) "untouched";

  g_assert_false (opora_snils_normalize (text, &out, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_SNILS);
  g_assert_cmpstr (error->message, ==, _("SNILS must have 11 digits: XXX-XXX-XXX YY"));
  g_assert_cmpstr (out, ==, "untouched");
}

static void
assert_bad_check (const char *text,
                  int         expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_strdup_printf (_("SNILS check number is wrong: expected %02d"),
                                              expected);
  char *out = (char *) "untouched";

  g_assert_false (opora_snils_normalize (text, &out, &error));
  g_assert_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_SNILS);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (out, ==, "untouched");
}

static void
test_checksum_below_100 (void)
{
  g_assert_cmpint (weighted_sum ("112233445"), ==, 95);
  g_assert_cmpint (opora_snils_checksum ("112233445"), ==, 95);

  g_assert_cmpint (weighted_sum ("311131565"), ==, 99);
  g_assert_cmpint (opora_snils_checksum ("311131565"), ==, 99);

  g_assert_cmpint (weighted_sum ("001001999"), ==, 65);
  g_assert_cmpint (opora_snils_checksum ("001001999"), ==, 65);

  g_assert_cmpint (opora_snils_checksum ("000000000"), ==, 0);
  g_assert_cmpint (opora_snils_checksum ("000000001"), ==, 1);
  g_assert_cmpint (opora_snils_checksum ("100000000"), ==, 9);
}

static void
test_checksum_100_and_101 (void)
{
  g_assert_cmpint (weighted_sum ("050234316"), ==, 100);
  g_assert_cmpint (opora_snils_checksum ("050234316"), ==, 0);

  g_assert_cmpint (weighted_sum ("016103396"), ==, 101);
  g_assert_cmpint (opora_snils_checksum ("016103396"), ==, 0);

  assert_accepted ("050-234-316 00", "05023431600");
  assert_accepted ("016-103-396 00", "01610339600");
  assert_bad_check ("050-234-316 01", 0);
  assert_bad_check ("016-103-396 01", 0);
  /* The sum itself is not the check number. */
  assert_bad_check ("050-234-316 10", 0);
}

static void
test_checksum_above_101 (void)
{
  /* 102 mod 101 = 1. */
  g_assert_cmpint (weighted_sum ("302410913"), ==, 102);
  g_assert_cmpint (opora_snils_checksum ("302410913"), ==, 1);
  /* 150 mod 101 = 49. */
  g_assert_cmpint (weighted_sum ("136571200"), ==, 150);
  g_assert_cmpint (opora_snils_checksum ("136571200"), ==, 49);
  /* 201 mod 101 = 100, which is written 00. */
  g_assert_cmpint (weighted_sum ("820981233"), ==, 201);
  g_assert_cmpint (opora_snils_checksum ("820981233"), ==, 0);
  /* 202 mod 101 = 0. */
  g_assert_cmpint (weighted_sum ("913702858"), ==, 202);
  g_assert_cmpint (opora_snils_checksum ("913702858"), ==, 0);
  /* The largest sum, 405: 405 mod 101 = 1. */
  g_assert_cmpint (weighted_sum ("999999999"), ==, 405);
  g_assert_cmpint (opora_snils_checksum ("999999999"), ==, 1);

  assert_accepted ("302-410-913 01", "30241091301");
  assert_accepted ("136-571-200 49", "13657120049");
  assert_accepted ("820-981-233 00", "82098123300");
}

static void
test_wrong_check (void)
{
  assert_bad_check ("112-233-445 96", 95);
  assert_bad_check ("112-233-445 00", 95);
  assert_bad_check ("11223344559", 95);
  assert_bad_check ("136-571-200 48", 49);
  assert_bad_check ("302-410-913 10", 1);
  /* Two digits swapped change the sum and so the check. */
  assert_bad_check ("121-233-445 95", opora_snils_checksum ("121233445"));
  g_assert_cmpint (opora_snils_checksum ("121233445"), !=, 95);
}

static void
test_accepted_shapes (void)
{
  assert_accepted ("112-233-445 95", "11223344595");
  assert_accepted ("11223344595", "11223344595");
  assert_accepted ("112 233 445 95", "11223344595");
  assert_accepted ("112-233-445-95", "11223344595");
  assert_accepted ("112233445 95", "11223344595");
  assert_accepted ("112-233-44595", "11223344595");
  assert_accepted ("112 233-445 95", "11223344595");
  assert_accepted ("  112-233-445 95  ", "11223344595");
  assert_accepted ("\t11223344595\n", "11223344595");
}

static void
test_bad_shapes (void)
{
  const char *bad[] = {
    "", "   ", "112-233-445 9", "112-233-445 955", "1122334459", "112233445955",
    "1122-33-445 95", "11-2233-445 95", "112-233-4459 5", "112--233-445 95",
    "112-233-445  95", "112 - 233-445 95", "-112-233-445 95", "112-233-445 95-",
    "112.233.445 95", "112_233_445_95", "112/233/445 95", "11a-233-445 95",
    "112-233-445 9б", "ААА-БББ-ВВВ ГГ", "snils", "112-233-445 95 1", "112-233-445 95x",
    "１１２-233-445 95",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_bad_shape (bad[i]);
  assert_bad_shape (NULL);
}

static void
test_unchecked_range (void)
{
  /* Up to and including 001-001-998 any check number is accepted… */
  assert_accepted ("001-001-998 00", "00100199800");
  assert_accepted ("001-001-998 42", "00100199842");
  assert_accepted ("001-001-998 99", "00100199899");
  assert_accepted ("000-000-001 77", "00000000177");
  assert_accepted ("000-000-000 13", "00000000013");
  assert_accepted ("001-000-999 64", "00100099964");

  /* …from 001-001-999 on the check counts. */
  assert_accepted ("001-001-999 65", "00100199965");
  assert_bad_check ("001-001-999 00", 65);
  assert_bad_check ("001-001-999 64", 65);
  assert_bad_check ("001-002-000 00", opora_snils_checksum ("001002000"));

  /* The range does not excuse a wrong shape. */
  assert_bad_shape ("001-001-998 0");
}

static void
test_out_is_optional (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (opora_snils_normalize ("112-233-445 95", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (opora_snils_normalize ("112-233-445 96", NULL, NULL));
}

static void
test_format (void)
{
  const char *numbers[] = { "11223344595", "00100199800", "82098123300", "05023431600" };
  g_autofree char *formatted = opora_snils_format ("11223344595");

  g_assert_cmpstr (formatted, ==, "112-233-445 95");

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = opora_snils_format (numbers[i]);
      g_autofree char *back = NULL;

      g_assert_cmpuint (strlen (text), ==, 14);
      g_assert_true (opora_snils_normalize (text, &back, NULL));
      g_assert_cmpstr (back, ==, numbers[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snils/checksum/below-100", test_checksum_below_100);
  g_test_add_func ("/snils/checksum/100-and-101", test_checksum_100_and_101);
  g_test_add_func ("/snils/checksum/above-101", test_checksum_above_101);
  g_test_add_func ("/snils/wrong-check", test_wrong_check);
  g_test_add_func ("/snils/accepted-shapes", test_accepted_shapes);
  g_test_add_func ("/snils/bad-shapes", test_bad_shapes);
  g_test_add_func ("/snils/unchecked-range", test_unchecked_range);
  g_test_add_func ("/snils/out-is-optional", test_out_is_optional);
  g_test_add_func ("/snils/format", test_format);

  return g_test_run ();
}
