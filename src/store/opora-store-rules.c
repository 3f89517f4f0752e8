/* The schema's rules in words: SQLite says "CHECK constraint failed: status IN (…)";
 * a person needs "status: must be one of: active, completed, terminated". The rules are
 * read from the failed expression itself, so a CHECK added by a later migration is
 * explained too, if only as "breaks the rule …". */
#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-error.h"
#include "opora-store-private.h"
#include "opora-store-records-private.h"

typedef struct
{
  char *column;
  char *rule;
  int   code;
} Explanation;

/* Collapses the CREATE TABLE layout (newlines, indents) and parentheses around it all. */
static char *
normalize_expression (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  char *s = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  g_strstrip (s);
  for (;;)
    {
      gsize len = strlen (s);
      int depth = 0;
      gboolean wraps = len >= 2 && s[0] == '(' && s[len - 1] == ')';

      for (gsize i = 0; wraps && i < len - 1; i++)
        {
          if (s[i] == '(')
            depth++;
          else if (s[i] == ')')
            depth--;
          if (depth == 0)
            wraps = FALSE; /* "(a) OR (b)": the first parenthesis closes early */
        }
      if (!wraps)
        return s;
      memmove (s, s + 1, len - 2);
      s[len - 2] = '\0';
      g_strstrip (s);
    }
}

static char *
human_name (const char *identifier)
{
  char *s = g_strdup (identifier);

  g_strdelimit (s, "_", ' ');
  return s;
}

/* 'a', 'b' → a, b */
static char *
list_of_values (const char *sql_list)
{
  g_auto(GStrv) items = g_strsplit (sql_list, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (items[i][0] == '\'')
        {
          gsize len = strlen (items[i]);
          memmove (items[i], items[i] + 1, len);
          if (len >= 2 && items[i][len - 2] == '\'')
            items[i][len - 2] = '\0';
        }
    }
  return g_strjoinv (", ", items);
}

static gboolean
match (const char  *pattern,
       const char  *text,
       char       **groups)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  g_assert (regex != NULL);
  for (int i = 0; i < 5; i++)
    g_clear_pointer (&groups[i], g_free);
  if (!g_regex_match (regex, text, 0, &info))
    return FALSE;
  for (int i = 1; i < g_match_info_get_match_count (info) && i < 5; i++)
    groups[i] = g_match_info_fetch (info, i);
  return TRUE;
}

static void
explain_check (OporaTableMeta *meta,
               const char     *failed,
               Explanation    *out)
{
  g_autofree char *expr = normalize_expression (failed);
  char *g[5] = { NULL };
  g_autofree char *stripped = NULL;

  out->code = OPORA_ERROR_INVALID_VALUE;

  /* "x IS NULL OR <rule about x>": the rule is what matters once x is given. */
  if (match ("^(\\w+) IS NULL OR (.+)$", expr, g) && strstr (g[2], g[1]) != NULL)
    stripped = normalize_expression (g[2]);
  for (int i = 0; i < 5; i++)
    g_clear_pointer (&g[i], g_free);
  if (stripped != NULL)
    {
      g_free (expr);
      expr = g_steal_pointer (&stripped);
    }

  if (match ("^(\\w+) IN \\((.*)\\)$", expr, g))
    {
      g_autofree char *values = list_of_values (g[2]);
      out->column = g_strdup (g[1]);
      out->rule = g_strdup_printf (_("must be one of: %s"), values);
    }
  else if (match ("^(\\w+) <> ''$", expr, g))
    {
      out->column = g_strdup (g[1]);
      out->rule = g_strdup (_("must not be empty"));
      out->code = OPORA_ERROR_REQUIRED;
    }
  else if (match ("^date\\((\\w+)\\) = (\\w+)$", expr, g) && g_str_equal (g[1], g[2]))
    {
      out->column = g_strdup (g[1]);
      out->rule = g_strdup (_("must be a calendar date written as YYYY-MM-DD"));
      out->code = OPORA_ERROR_INVALID_DATE;
    }
  else if (match ("^(\\w+) >= 0$", expr, g))
    {
      out->column = g_strdup (g[1]);
      out->rule = g_strdup (_("must not be negative"));
    }
  else if (match ("^(\\w+) BETWEEN (-?[0-9.]+) AND (-?[0-9.]+)$", expr, g))
    {
      out->column = g_strdup (g[1]);
      out->rule = g_strdup_printf (_("must be from %s to %s"), g[2], g[3]);
    }
  else if (match ("^(\\w+) >= ([a-z_]\\w*)$", expr, g))
    {
      g_autofree char *other = human_name (g[2]);
      out->column = g_strdup (g[1]);
      out->rule = g_strdup_printf (_("must not be before %s"), other);
      out->code = OPORA_ERROR_DATE_ORDER;
    }
  else if (match ("^(\\w+) = ('?\\w+'?)$", expr, g))
    {
      g_autofree char *value = list_of_values (g[2]);
      out->column = g_strdup (g[1]);
      out->rule = g_strdup_printf (_("must be %s"), value);
    }
  else if (match ("^(\\w+) <> '([^']*)' OR coalesce\\((\\w+), ''\\) <> ''$", expr, g) ||
           match ("^(\\w+) <> '([^']*)' OR (\\w+) IS NOT NULL$", expr, g))
    {
      g_autofree char *other = human_name (g[1]);
      out->column = g_strdup (g[3]);
      out->rule = g_strdup_printf (_("is required when %s is “%s”"), other, g[2]);
      out->code = OPORA_ERROR_REQUIRED;
    }
  else if (match ("^(\\w+) = 0 OR (\\w+) IS NOT NULL$", expr, g))
    {
      g_autofree char *other = human_name (g[1]);
      out->column = g_strdup (g[2]);
      out->rule = g_strdup_printf (_("is required when %s is 1"), other);
      out->code = OPORA_ERROR_REQUIRED;
    }
  else if (match ("^length\\((\\w+)\\) = ([0-9]+) AND (\\w+) NOT GLOB '\\*\\[\\^0-9\\]\\*'$",
                  expr, g))
    {
      out->column = g_strdup (g[1]);
      out->rule = g_strdup_printf (_("must be %s digits"), g[2]);
    }
  else
    {
      /* Unknown shape: name the rule as written, and its column if it has only one. */
      const char *only = NULL;
      guint n = 0;

      for (guint i = 0; i < meta->n_columns; i++)
        {
          g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", meta->columns[i].name);
          if (g_regex_match_simple (pattern, expr, 0, 0))
            {
              only = meta->columns[i].name;
              n++;
            }
        }
      out->column = n == 1 ? g_strdup (only) : NULL;
      out->rule = g_strdup_printf (_("breaks the rule “%s”"), expr);
    }
  for (int i = 0; i < 5; i++)
    g_free (g[i]);
}

/* "UNIQUE constraint failed: person.snils" or "NOT NULL constraint failed: t.c" → c */
static char *
column_after_dot (const char *message)
{
  const char *colon = strrchr (message, ':');
  const char *dot;

  if (colon == NULL || strchr (colon, ',') != NULL)
    return NULL; /* several columns together: no one of them is at fault alone */
  dot = strrchr (colon, '.');
  return dot ? g_strstrip (g_strdup (dot + 1)) : NULL;
}

gboolean
opora_store_explain_constraint (OporaStore      *self,
                                OporaTableMeta  *meta,
                                char           **out_column,
                                GError         **error)
{
  sqlite3 *db = opora_store_get_db (self);
  const char *message = sqlite3_errmsg (db);
  g_autofree char *noun = human_name (meta->name);
  Explanation e = { NULL, NULL, OPORA_ERROR_INVALID_VALUE };

  switch (sqlite3_extended_errcode (db))
    {
    case SQLITE_CONSTRAINT_CHECK:
      {
        const char *expr = strstr (message, "failed: ");
        explain_check (meta, expr ? expr + strlen ("failed: ") : message, &e);
      }
      break;
    case SQLITE_CONSTRAINT_NOTNULL:
      e.column = column_after_dot (message);
      e.rule = g_strdup (_("is required"));
      e.code = OPORA_ERROR_REQUIRED;
      break;
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
      e.column = column_after_dot (message);
      e.code = OPORA_ERROR_DUPLICATE;
      if (e.column != NULL && g_strcmp0 (e.column, meta->key) == 0)
        e.rule = g_strdup_printf (_("another %s has the same key"), noun);
      else if (e.column != NULL)
        e.rule = g_strdup_printf (_("must be unique, and another %s already has this value"),
                                  noun);
      else
        e.rule = g_strdup_printf (_("another %s already has these values (%s)"), noun,
                                  message);
      break;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      e.rule = g_strdup (_("refers to a record that does not exist"));
      e.code = OPORA_ERROR_NOT_FOUND;
      break;
    default:
      return opora_store_set_error (self, error);
    }

  if (e.column != NULL && out_column != NULL)
    {
      *out_column = g_steal_pointer (&e.column);
      g_set_error_literal (error, OPORA_ERROR, e.code, e.rule);
    }
  else if (e.column != NULL)
    g_set_error (error, OPORA_ERROR, e.code, "%s: %s", e.column, e.rule);
  else
    g_set_error_literal (error, OPORA_ERROR, e.code, e.rule);
  g_free (e.column);
  g_free (e.rule);
  return FALSE;
}
