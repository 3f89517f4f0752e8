/* opora_person_match(EXPR, surname, name, patronymic, snils, phone): whether one person's
 * row matches EXPR, a full-text query that opora_search_person_match() wrote for
 * person_search, decided on the row itself as the index would decide it.
 *
 * Why: the first rows of a broad search («ив»: 126,000 of 3.2 million persons) are found
 * by walking the list's order and testing each row. Asked of the index, the test first
 * reads every person the query matches (20–40 ms for «ив»); asked of the row, it costs a
 * microsecond and the walk stops after the first page. The count and the rest of the list
 * still come from the index; opora_list_model's completion replaces the first rows if the
 * two ever disagree.
 *
 * Only the queries opora_search_person_match() writes are understood:
 *   group (" AND " group)*
 *   group: "{surname name patronymic} : (" phrase (" OR " phrase)* ")"
 *        | "(" column " : " phrase (" OR " column " : " phrase)* ")"
 *   phrase: '"' text, '"' doubled '"*'
 * The tokens are the index's own: the function cuts the texts with the tokenizer of
 * person_search (FTS5's unicode61, remove_diacritics 0), asked of SQLite; a phrase matches
 * consecutive tokens of one column, its last token as a prefix. Any other query matches
 * nothing. */
#define G_LOG_DOMAIN "opora-store"

#include <string.h>

#include "opora-store-search.h"

enum
{
  COLUMN_SURNAME,
  COLUMN_NAME,
  COLUMN_PATRONYMIC,
  COLUMN_SNILS,
  COLUMN_PHONE,
  N_COLUMNS
};

static const char * const column_names[N_COLUMNS] = {
  "surname", "name", "patronymic", "snils", "phone"
};

typedef struct
{
  guint   columns;  /* a bit per column */
  char  **tokens;   /* as the index has them; the last one is a prefix */
  gsize   n_bytes;  /* of the first token */
} Phrase;

typedef struct
{
  GArray  *groups;  /* of GArray of Phrase: every group must have a phrase that matches */
  gboolean readable;
} Matcher;

/* The index's tokenizer, one per connection. */
typedef struct
{
  fts5_tokenizer  api;
  Fts5Tokenizer  *tokenizer;
} Tokenizer;

static int
add_token (void       *data,
           int         flags,
           const char *token,
           int         n_bytes,
           int         start,
           int         end)
{
  g_ptr_array_add (data, g_strndup (token, n_bytes));
  return SQLITE_OK;
}

/* @text's tokens, as the index has them, into @tokens (GPtrArray of strings). */
static void
tokenize (Tokenizer  *tokenizer,
          const char *text,
          GPtrArray  *tokens)
{
  tokenizer->api.xTokenize (tokenizer->tokenizer, tokens, FTS5_TOKENIZE_DOCUMENT, text,
                            (int) strlen (text), add_token);
}

static void
phrase_clear (gpointer data)
{
  g_strfreev (((Phrase *) data)->tokens);
}

static void
group_free (gpointer data)
{
  g_array_unref (*(GArray **) data);
}

static void
matcher_free (gpointer data)
{
  Matcher *matcher = data;

  g_array_unref (matcher->groups);
  g_free (matcher);
}

static gboolean
skip (const char **p,
      const char  *expected)
{
  gsize n = strlen (expected);

  if (strncmp (*p, expected, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

/* A column name at *@p, as a bit. */
static guint
parse_column (const char **p)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      gsize n = strlen (column_names[i]);

      if (strncmp (*p, column_names[i], n) == 0 && !g_ascii_isalnum ((*p)[n]))
        {
          *p += n;
          return 1u << i;
        }
    }
  return 0;
}

/* '"' text '"*' at *@p into @phrase's tokens. */
static gboolean
parse_phrase (Tokenizer   *tokenizer,
              const char **p,
              Phrase      *phrase)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *tokens;

  if (!skip (p, "\""))
    return FALSE;
  for (;;)
    {
      if (**p == '\0')
        return FALSE;
      if (**p == '"' && (*p)[1] == '"')
        {
          g_string_append_c (text, '"');
          *p += 2;
        }
      else if (**p == '"')
        break;
      else
        g_string_append_c (text, *(*p)++);
    }
  if (!skip (p, "\"*"))
    return FALSE;

  tokens = g_ptr_array_new ();
  tokenize (tokenizer, text->str, tokens);
  g_ptr_array_add (tokens, NULL);
  phrase->tokens = (char **) g_ptr_array_free (tokens, FALSE);
  phrase->n_bytes = phrase->tokens[0] ? strlen (phrase->tokens[0]) : 0;
  return TRUE;
}

static GArray *
parse_group (Tokenizer   *tokenizer,
             const char **p)
{
  g_autoptr(GArray) phrases = g_array_new (FALSE, TRUE, sizeof (Phrase));
  guint shared_columns = 0;

  g_array_set_clear_func (phrases, phrase_clear);
  if (skip (p, "{"))
    {
      /* {surname name patronymic} : ( … ) */
      do
        {
          guint column = parse_column (p);

          if (column == 0)
            return NULL;
          shared_columns |= column;
        }
      while (skip (p, " "));
      if (!skip (p, "} : ("))
        return NULL;
    }
  else if (!skip (p, "("))
    return NULL;

  do
    {
      Phrase phrase = { shared_columns, NULL };

      if (shared_columns == 0 && ((phrase.columns = parse_column (p)) == 0 || !skip (p, " : ")))
        return NULL;
      if (!parse_phrase (tokenizer, p, &phrase))
        return NULL;
      g_array_append_val (phrases, phrase);
    }
  while (skip (p, " OR "));
  if (!skip (p, ")"))
    return NULL;
  return g_steal_pointer (&phrases);
}

/* The query @expr, compiled; one that is not ours matches nothing (and says so once). */
static Matcher *
matcher_new (Tokenizer  *tokenizer,
             const char *expr)
{
  Matcher *matcher = g_new0 (Matcher, 1);
  const char *p = expr;

  matcher->groups = g_array_new (FALSE, TRUE, sizeof (GArray *));
  g_array_set_clear_func (matcher->groups, group_free);
  do
    {
      GArray *group = parse_group (tokenizer, &p);

      if (group == NULL)
        break;
      g_array_append_val (matcher->groups, group);
    }
  while (skip (&p, " AND "));
  matcher->readable = *p == '\0' && matcher->groups->len > 0;
  if (!matcher->readable)
    g_warning ("opora_person_match: cannot read the query “%s”", expr);
  return matcher;
}

/* Whether @phrase's tokens occur one after another in @tokens, the last as a prefix. */
static gboolean
phrase_matches (const Phrase *phrase,
                GPtrArray    *tokens)
{
  guint n = g_strv_length (phrase->tokens);

  if (n == 0 || tokens->len < n)
    return FALSE;
  for (guint start = 0; start + n <= tokens->len; start++)
    {
      guint i;

      for (i = 0; i + 1 < n; i++)
        if (strcmp (g_ptr_array_index (tokens, start + i), phrase->tokens[i]) != 0)
          break;
      if (i + 1 == n && g_str_has_prefix (g_ptr_array_index (tokens, start + i),
                                          phrase->tokens[i]))
        return TRUE;
    }
  return FALSE;
}

/* One pass of the tokenizer over a column, testing a group's phrases as the tokens come:
 * a one-token phrase needs no token kept; longer phrases are matched on the tokens kept. */
typedef struct
{
  GArray    *group;
  guint      column;
  gboolean   matches;
  GPtrArray *tokens;  /* every token, when a phrase of the group has more than one */
} Pass;

static int
test_token (void       *data,
            int         flags,
            const char *token,
            int         n_bytes,
            int         start,
            int         end)
{
  Pass *pass = data;

  for (guint i = 0; i < pass->group->len; i++)
    {
      const Phrase *phrase = &g_array_index (pass->group, Phrase, i);

      if ((phrase->columns & pass->column) != 0 && phrase->tokens[0] != NULL
          && phrase->tokens[1] == NULL && phrase->n_bytes <= (gsize) n_bytes
          && memcmp (token, phrase->tokens[0], phrase->n_bytes) == 0)
        {
          pass->matches = TRUE;
          return SQLITE_DONE;  /* enough: stops the tokenizer */
        }
    }
  if (pass->tokens != NULL)
    g_ptr_array_add (pass->tokens, g_strndup (token, n_bytes));
  return SQLITE_OK;
}

static gboolean
group_matches (Tokenizer      *tokenizer,
               GArray         *group,
               guint           column,
               sqlite3_value  *value)
{
  const char *text = (const char *) sqlite3_value_text (value);
  Pass pass = { group, column, FALSE, NULL };

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < group->len; i++)
    {
      const Phrase *phrase = &g_array_index (group, Phrase, i);

      if ((phrase->columns & column) != 0 && phrase->tokens[0] != NULL
          && phrase->tokens[1] != NULL && pass.tokens == NULL)
        pass.tokens = g_ptr_array_new_with_free_func (g_free);
    }
  tokenizer->api.xTokenize (tokenizer->tokenizer, &pass, FTS5_TOKENIZE_DOCUMENT, text,
                            sqlite3_value_bytes (value), test_token);
  for (guint i = 0; i < group->len && !pass.matches && pass.tokens != NULL; i++)
    {
      const Phrase *phrase = &g_array_index (group, Phrase, i);

      if ((phrase->columns & column) != 0)
        pass.matches = phrase_matches (phrase, pass.tokens);
    }
  g_clear_pointer (&pass.tokens, g_ptr_array_unref);
  return pass.matches;
}

static void
person_match_function (sqlite3_context  *context,
                       int               argc,
                       sqlite3_value   **argv)
{
  Tokenizer *tokenizer = sqlite3_user_data (context);
  const char *expr = (const char *) sqlite3_value_text (argv[0]);
  Matcher *matcher = sqlite3_get_auxdata (context, 0);
  gboolean compiled_here = FALSE;
  gboolean matches;

  if (expr == NULL)
    {
      sqlite3_result_int (context, 0);
      return;
    }
  if (matcher == NULL)
    {
      matcher = matcher_new (tokenizer, expr);
      compiled_here = TRUE;
    }
  matches = matcher->readable;

  /* Every group, in some column one of its phrases names. */
  for (guint g = 0; g < matcher->groups->len && matches; g++)
    {
      GArray *group = g_array_index (matcher->groups, GArray *, g);
      guint columns = 0;

      for (guint i = 0; i < group->len; i++)
        columns |= g_array_index (group, Phrase, i).columns;
      matches = FALSE;
      for (guint column = 0; column < N_COLUMNS && !matches; column++)
        if ((columns & (1u << column)) != 0)
          matches = group_matches (tokenizer, group, 1u << column, argv[1 + column]);
    }

  /* Kept for the statement's next row (SQLite frees it when it cannot keep it). */
  if (compiled_here)
    sqlite3_set_auxdata (context, 0, matcher, matcher_free);
  sqlite3_result_int (context, matches);
}

static void
tokenizer_free (void *data)
{
  Tokenizer *tokenizer = data;

  tokenizer->api.xDelete (tokenizer->tokenizer);
  g_free (tokenizer);
}

/* FTS5's API on @db, as SQLite documents getting it. */
static fts5_api *
fts5_api_of (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
  return api;
}

void
opora_person_match_register (sqlite3 *db)
{
  /* As person_search is made (opora-schema.c). */
  static const char *arguments[] = { "remove_diacritics", "0" };
  Tokenizer *tokenizer = g_new0 (Tokenizer, 1);
  fts5_api *fts5 = fts5_api_of (db);
  void *user_data = NULL;
  int rc;

  if (fts5 == NULL
      || fts5->xFindTokenizer (fts5, "unicode61", &user_data, &tokenizer->api) != SQLITE_OK
      || tokenizer->api.xCreate (user_data, arguments, G_N_ELEMENTS (arguments),
                                 &tokenizer->tokenizer) != SQLITE_OK)
    {
      g_critical ("Cannot register opora_person_match: no unicode61 tokenizer");
      g_free (tokenizer);
      return;
    }
  rc = sqlite3_create_function_v2 (db, "opora_person_match", 1 + N_COLUMNS,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   tokenizer, person_match_function, NULL, NULL,
                                   tokenizer_free);
  if (rc != SQLITE_OK)
    g_critical ("Cannot register opora_person_match: %s", sqlite3_errstr (rc));
}
