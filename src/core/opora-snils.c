#define G_LOG_DOMAIN "opora-snils"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-error.h"
#include "opora-snils.h"

#define SNILS_DIGITS 11

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Copies the digits of @text into @digits (SNILS_DIGITS + 1 bytes), allowing one separator
 * only where the written form has one: after the 3rd, 6th and 9th digit. */
static gboolean
collect_digits (const char *text,
                char       *digits)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n == SNILS_DIGITS)
            return FALSE;
          digits[n++] = *p;
        }
      else if (*p == ' ' || *p == '-')
        {
          gboolean at_group_end = n == 3 || n == 6 || n == 9;

          if (!at_group_end || !g_ascii_isdigit (p[-1]) || !g_ascii_isdigit (p[1]))
            return FALSE;
        }
      else
        return FALSE;
    }

  digits[n] = '\0';
  return n == SNILS_DIGITS;
}

int
opora_snils_checksum (const char *nine_digits)
{
  int sum = 0;

  g_return_val_if_fail (nine_digits != NULL, -1);
  g_return_val_if_fail (strlen (nine_digits) >= 9 && all_digits (nine_digits, 9), -1);

  for (int i = 0; i < 9; i++)
    sum += (nine_digits[i] - '0') * (9 - i);

  if (sum < 100)
    return sum;
  if (sum == 100 || sum == 101)
    return 0;

  sum %= 101;
  return sum == 100 ? 0 : sum;
}

gboolean
opora_snils_normalize (const char  *text,
                       char       **out_digits,
                       GError     **error)
{
  g_autofree char *s = NULL;
  char digits[SNILS_DIGITS + 1];
  guint number;
  int expected;
  int given;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  s = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (!collect_digits (s, digits))
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_SNILS,
                           _("SNILS must have 11 digits: XXX-XXX-XXX YY"));
      return FALSE;
    }

  number = 0;
  for (int i = 0; i < 9; i++)
    number = number * 10 + (guint) (digits[i] - '0');
  if (number > OPORA_SNILS_MAX_UNCHECKED)
    {
      expected = opora_snils_checksum (digits);
      given = (digits[9] - '0') * 10 + (digits[10] - '0');
      if (given != expected)
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_SNILS,
                       _("SNILS check number is wrong: expected %02d"), expected);
          return FALSE;
        }
    }

  if (out_digits != NULL)
    *out_digits = g_strdup (digits);
  return TRUE;
}

char *
opora_snils_format (const char *digits)
{
  g_return_val_if_fail (digits != NULL, NULL);
  g_return_val_if_fail (strlen (digits) == SNILS_DIGITS
                        && all_digits (digits, SNILS_DIGITS), NULL);

  return g_strdup_printf ("%.3s-%.3s-%.3s %.2s", digits, digits + 3, digits + 6, digits + 9);
}
