#define G_LOG_DOMAIN "opora-store"

#include <string.h>

#include "opora-store-private.h"
#include "opora-store-search.h"

#define FOLD_FUNCTION "opora_fold"

static char *
fold_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (normal ? normal : valid, -1);
  GString *out = g_string_sized_new (strlen (folded));

  /* «ё» is written as «е» as often as not: either finds both. */
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == 0x0451 ? 0x0435 : c);
    }
  return g_string_free (out, FALSE);
}

static void
fold_function (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, fold_text (text), -1, g_free);
}

void
opora_fold_register (sqlite3 *db)
{
  int rc = sqlite3_create_function_v2 (db, FOLD_FUNCTION, 1,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       NULL, fold_function, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    g_critical ("Cannot register %s: %s", FOLD_FUNCTION, sqlite3_errstr (rc));
  opora_person_match_register (db);
}

static char **
split_words (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_auto(GStrv) parts = g_strsplit_set (valid, " \t\r\n", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

char *
opora_search_like_words (const char *column_sql,
                         const char *text,
                         GPtrArray  *params)
{
  g_auto(GStrv) words = split_words (text);
  GString *sql;

  g_return_val_if_fail (column_sql != NULL && params != NULL, NULL);

  if (words[0] == NULL)
    return NULL;

  sql = g_string_new ("(");
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = fold_text (words[i]);
      GString *pattern = g_string_new ("%");

      for (const char *p = folded; *p; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');
      g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_take_string (
                                 g_string_free (pattern, FALSE))));
      g_string_append_printf (sql, "%s" FOLD_FUNCTION " (%s) LIKE ? ESCAPE '\\'",
                              i > 0 ? " AND " : "", column_sql);
    }
  g_string_append_c (sql, ')');
  return g_string_free (sql, FALSE);
}

/* What a phone or SNILS is typed with besides its digits. */
static gboolean
is_number_text (const char *word,
                gboolean   *has_digit)
{
  *has_digit = FALSE;
  for (const char *p = word; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        *has_digit = TRUE;
      else if (strchr (" -()+.", *p) == NULL)
        return FALSE;
    }
  return *has_digit;
}

static gboolean
has_word_char (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* A phrase for the index: inside double quotes only '"' needs escaping (doubled). */
static void
append_phrase (GString    *expr,
               const char *text)
{
  g_string_append_c (expr, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (expr, '"');
      g_string_append_c (expr, *p);
    }
  g_string_append (expr, "\"*");
}

/* The index tells «е» from «ё» (the schema keeps diacritics so that «й» stays apart from
 * «и»), but people write «Семенов» for «Семёнов» and the other way round: a word is looked
 * up with either letter at each place, for the first few places. */
#define MAX_YO_PLACES 3

static void
append_name_word (GString    *expr,
                  const char *columns,
                  const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize places[MAX_YO_PLACES];
  guint n_places = 0;

  /* «е» is D0 B5 and «ё» is D1 91 in UTF-8: the same length, so swapped in place. */
  for (gsize i = 0; lower[i] != '\0' && lower[i + 1] != '\0' && n_places < MAX_YO_PLACES; i++)
    if (((guchar) lower[i] == 0xD0 && (guchar) lower[i + 1] == 0xB5) ||
        ((guchar) lower[i] == 0xD1 && (guchar) lower[i + 1] == 0x91))
      places[n_places++] = i++;

  g_string_append_printf (expr, "{%s} : (", columns);
  for (guint variant = 0; variant < (1u << n_places); variant++)
    {
      for (guint k = 0; k < n_places; k++)
        {
          gboolean yo = (variant >> k) & 1;

          lower[places[k]] = (char) (yo ? 0xD1 : 0xD0);
          lower[places[k] + 1] = (char) (yo ? 0x91 : 0xB5);
        }
      if (variant > 0)
        g_string_append (expr, " OR ");
      append_phrase (expr, lower);
    }
  g_string_append_c (expr, ')');
}

/* Digits typed as one number: the SNILS they begin, or a phone. Phones of Russia are kept
 * as "+79123456789" (one token "79123456789"), so "8 912…" and "912…" are looked up as
 * "7912…"; other phones are kept as typed, so the groups of digits are tried as a phrase. */
static void
append_number (GString    *expr,
               const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) groups = g_string_new (NULL);
  gboolean in_group = FALSE;
  guint n_groups = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (!in_group && groups->len > 0)
            g_string_append_c (groups, ' ');
          n_groups += in_group ? 0 : 1;
          in_group = TRUE;
          g_string_append_c (digits, *p);
          g_string_append_c (groups, *p);
        }
      else
        in_group = FALSE;
    }

  g_string_append (expr, "(snils : ");
  append_phrase (expr, digits->str);
  g_string_append (expr, " OR phone : ");
  append_phrase (expr, digits->str);
  if (digits->str[0] == '8' && digits->len > 1)
    {
      digits->str[0] = '7';
      g_string_append (expr, " OR phone : ");
      append_phrase (expr, digits->str);
    }
  else if (digits->str[0] != '7')
    {
      g_string_prepend_c (digits, '7');
      g_string_append (expr, " OR phone : ");
      append_phrase (expr, digits->str);
    }
  if (n_groups > 1)
    {
      g_string_append (expr, " OR phone : ");
      append_phrase (expr, groups->str);
    }
  g_string_append_c (expr, ')');
}

/* @text, valid, without the spaces around it; NULL when it is too short to search by. */
static char *
search_text (const char *text)
{
  char *valid;

  if (text == NULL)
    return NULL;
  valid = g_strstrip (g_utf8_make_valid (text, -1));
  /* One letter matches a fifth of a city: searching starts at the second character, so
   * a keystroke on a million rows never has to sort a few hundred thousand of them. */
  if (g_utf8_strlen (valid, -1) < OPORA_SEARCH_MIN_CHARS)
    g_clear_pointer (&valid, g_free);
  return valid;
}

/* The words of @valid joined by AND: each as the beginning of a word of @columns, or, with
 * @numbers, a number as a SNILS or phone. NULL when there is nothing to search by, or a
 * word is a number and @numbers is not given. */
static char *
words_match (const char *valid,
             const char *columns,
             gboolean    numbers)
{
  g_auto(GStrv) words = split_words (valid);
  GString *expr = g_string_new (NULL);
  gboolean has_digit;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean number;

      if (!has_word_char (words[i]))
        continue;
      number = is_number_text (words[i], &has_digit);
      if (number && !numbers)
        {
          g_string_truncate (expr, 0);
          break;
        }
      if (expr->len > 0)
        g_string_append (expr, " AND ");
      if (number)
        append_number (expr, words[i]);
      else
        append_name_word (expr, columns, words[i]);
    }
  if (expr->len == 0)
    {
      g_string_free (expr, TRUE);
      return NULL;
    }
  return g_string_free (expr, FALSE);
}

char *
opora_search_person_match (const char *text)
{
  g_autofree char *valid = search_text (text);
  gboolean has_digit;

  if (valid == NULL)
    return NULL;

  /* "112-233-445 95" or "+7 (912) 345-67-89" is one number, spaces and all. */
  if (is_number_text (valid, &has_digit))
    {
      GString *expr = g_string_new (NULL);

      append_number (expr, valid);
      return g_string_free (expr, FALSE);
    }
  return words_match (valid, "surname name patronymic", TRUE);
}

gboolean
opora_search_is_by_names (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

char *
opora_search_family_match (const char *text)
{
  g_autofree char *valid = search_text (text);

  /* A family's name holds words, not numbers: digits find it by its members only. */
  return valid != NULL ? words_match (valid, "name", FALSE) : NULL;
}
