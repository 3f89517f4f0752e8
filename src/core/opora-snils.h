/* SNILS (СНИЛС), the insurance number of an individual personal account:
 * nine digits and a two-digit check number, written "XXX-XXX-XXX YY". */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers up to and including 001-001-998 were issued without a check number. */
#define OPORA_SNILS_MAX_UNCHECKED 1001998

/* Accepts 11 digits, optionally with one space or dash after the 3rd, 6th and 9th digit
 * and spaces around; checks the check number and gives the 11 digits in @out_digits.
 * On failure sets OPORA_ERROR_INVALID_SNILS. */
gboolean  opora_snils_normalize  (const char  *text,
                                  char       **out_digits,
                                  GError     **error);
/* "11223344595" → "112-233-445 95". */
char     *opora_snils_format     (const char  *digits);
/* The check number (0–99) of the nine digits of a number. */
int       opora_snils_checksum   (const char  *nine_digits);

G_END_DECLS
