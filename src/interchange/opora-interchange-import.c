/* Import of the interchange format. A file may hold millions of records, so it is read
 * as a stream: a small scanner walks the outer object and its arrays and cuts out one
 * value at a time, which json-glib parses; each record is checked and inserted before
 * the next is read. Everything happens in one transaction: the first problem rolls all
 * of it back, and the message names the place in the file by its JSON path. */
#define G_LOG_DOMAIN "opora-interchange"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "opora-error.h"
#include "opora-interchange.h"
#include "opora-interchange-private.h"
#include "opora-interchange-record.h"
#include "opora-store-bulk.h"
#include "opora-store-records.h"

#define READ_BUFFER_SIZE (1024 * 1024)
/* How much of a file that does not start with '{' is shown to json-glib for its verdict. */
#define SNIFF_SIZE (1024 * 1024)

typedef struct
{
  GInputStream *in;
  GCancellable *cancellable;
  char         *buf;
  gsize         len;
  gsize         pos;
  gboolean      eof;
  GError       *read_error;
  guint64       line;    /* of the next character, from 1 */
  guint64       column;  /* in characters, from 1 */
} Scanner;

typedef struct
{
  OporaStore          *store;
  Scanner              scanner;
  JsonParser          *parser;
  GString             *slice;
  OporaImportTables   *tables;
  gboolean             have_format;
  gboolean             have_version;
  gboolean             have_schema;
  guint64              n_records;
} Import;

static gboolean
scanner_fill (Scanner *s)
{
  gssize n;

  if (s->eof || s->read_error != NULL)
    return FALSE;
  n = g_input_stream_read (s->in, s->buf, READ_BUFFER_SIZE, s->cancellable, &s->read_error);
  if (n <= 0)
    {
      s->eof = TRUE;
      return FALSE;
    }
  s->len = (gsize) n;
  s->pos = 0;
  return TRUE;
}

static inline int
scanner_peek (Scanner *s)
{
  if (s->pos >= s->len && !scanner_fill (s))
    return -1;
  return (guchar) s->buf[s->pos];
}

/* Only after a peek that gave a character. */
static inline void
scanner_advance (Scanner *s)
{
  guchar c = (guchar) s->buf[s->pos++];

  if (c == '\n')
    {
      s->line++;
      s->column = 1;
    }
  else if ((c & 0xC0) != 0x80)
    s->column++;
}

static int
scanner_skip_space (Scanner *s)
{
  int c;

  while ((c = scanner_peek (s)) == ' ' || c == '\n' || c == '\r' || c == '\t')
    scanner_advance (s);
  return c;
}

static gboolean
syntax_error (GError  **error,
              guint64   line,
              guint64   column,
              const char *what)
{
  g_set_error (error, OPORA_ERROR, OPORA_ERROR_IMPORT,
               _("Not valid JSON at line %llu, column %llu: %s"), (unsigned long long) line,
               (unsigned long long) column, what);
  return FALSE;
}

static gboolean
scanner_error (Import      *imp,
               const char  *what,
               GError     **error)
{
  Scanner *s = &imp->scanner;

  if (s->read_error != NULL)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_IO, _("Cannot read the file: %s"),
                   s->read_error->message);
      return FALSE;
    }
  if (scanner_peek (s) < 0)
    return syntax_error (error, s->line, s->column, _("the file ends too early"));
  return syntax_error (error, s->line, s->column, what);
}

/* Copies one JSON value into imp->slice without judging it: strings are skipped as
 * wholes so that brackets inside them do not count; json-glib judges the rest. */
static void
cut_value (Import *imp)
{
  Scanner *s = &imp->scanner;
  gboolean in_string = FALSE, escaped = FALSE;
  int depth = 0;
  int c = scanner_peek (s);

  g_string_truncate (imp->slice, 0);
  if (c != '{' && c != '[' && c != '"')
    {
      while ((c = scanner_peek (s)) >= 0 && !strchr (",]} \t\r\n", c))
        {
          g_string_append_c (imp->slice, (char) c);
          scanner_advance (s);
        }
      return;
    }
  /* The hot loop of an import: a buffer at a time, no call per character. */
  while (scanner_peek (s) >= 0)
    {
      const char *start = s->buf + s->pos;
      const char *end = s->buf + s->len;
      const char *p;
      gboolean done = FALSE;

      for (p = start; p < end && !done; p++)
        {
          guchar ch = (guchar) *p;

          if (ch == '\n')
            {
              s->line++;
              s->column = 1;
            }
          else if ((ch & 0xC0) != 0x80)
            s->column++;

          if (in_string)
            {
              if (escaped)
                escaped = FALSE;
              else if (ch == '\\')
                escaped = TRUE;
              else if (ch == '"')
                {
                  in_string = FALSE;
                  done = depth == 0;
                }
            }
          else if (ch == '"')
            in_string = TRUE;
          else if (ch == '{' || ch == '[')
            depth++;
          else if (ch == '}' || ch == ']')
            done = --depth == 0;
        }
      g_string_append_len (imp->slice, start, p - start);
      s->pos = (gsize) (p - s->buf);
      if (done)
        return;
    }
}

/* Parses the slice that began at @line, @column; json-glib's position is made a position
 * in the whole file. */
static JsonNode *
parse_slice (Import      *imp,
             guint64      line,
             guint64      column,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (imp->parser, imp->slice->str, (gssize) imp->slice->len,
                                   &local_error))
    {
      const char *message = local_error->message;
      unsigned int rel_line = 0, rel_column = 0;
      int consumed = 0;

      if (imp->scanner.read_error != NULL)
        {
          scanner_error (imp, NULL, error);
          return NULL;
        }
      /* "<data>:LINE:COLUMN: Parse error: …", the last part translated by json-glib. */
      if (sscanf (message, "<data>:%u:%u: %n", &rel_line, &rel_column, &consumed) == 2 &&
          consumed > 0)
        {
          const char *rest = message + consumed;
          const char *colon = strstr (rest, ": ");

          syntax_error (error, line + rel_line - 1,
                        rel_line <= 1 ? column + (rel_column ? rel_column - 1 : 0) : rel_column,
                        colon ? colon + 2 : rest);
        }
      else
        syntax_error (error, line, column, message);
      return NULL;
    }
  root = json_parser_steal_root (imp->parser);
  if (root == NULL)
    syntax_error (error, line, column, _("a value is missing"));
  return root;
}

static JsonNode *
read_value (Import  *imp,
            GError **error)
{
  guint64 line = imp->scanner.line, column = imp->scanner.column;

  if (scanner_peek (&imp->scanner) < 0)
    {
      scanner_error (imp, NULL, error);
      return NULL;
    }
  cut_value (imp);
  return parse_slice (imp, line, column, error);
}

static gboolean
import_error (GError    **error,
              const char *path,
              const char *format,
              ...) G_GNUC_PRINTF (3, 4);

static gboolean
import_error (GError    **error,
              const char *path,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, OPORA_ERROR, OPORA_ERROR_IMPORT, "%s: %s", path, message);
  return FALSE;
}

static gboolean
read_header_int (const char  *key,
                 JsonNode    *node,
                 gint64      *out,
                 GError     **error)
{
  g_autofree char *path = g_strdup_printf ("$.%s", key);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return import_error (error, path, _("must be a whole number, not %s"),
                         opora_import_describe_node (node));
  *out = json_node_get_int (node);
  if (*out < 1)
    return import_error (error, path, _("must be 1 or more"));
  return TRUE;
}

static gboolean
read_header (Import      *imp,
             const char  *key,
             JsonNode    *node,
             GError     **error)
{
  gint64 number = 0;

  if (g_str_equal (key, "format"))
    {
      const char *format = JSON_NODE_HOLDS_VALUE (node) &&
                           json_node_get_value_type (node) == G_TYPE_STRING
                           ? json_node_get_string (node) : NULL;

      if (g_strcmp0 (format, OPORA_INTERCHANGE_FORMAT) != 0)
        return import_error (error, "$.format",
                             _("this is not an Opora interchange file: “format” must be "
                               "\"%s\""), OPORA_INTERCHANGE_FORMAT);
      imp->have_format = TRUE;
    }
  else if (g_str_equal (key, "version"))
    {
      if (!read_header_int (key, node, &number, error))
        return FALSE;
      if (number > OPORA_INTERCHANGE_VERSION)
        return import_error (error, "$.version",
                             _("the file is in version %lld of the format, and this Opora "
                               "reads up to version %d: update Opora to import it"),
                             (long long) number, OPORA_INTERCHANGE_VERSION);
      imp->have_version = TRUE;
    }
  else if (g_str_equal (key, "schema"))
    {
      int latest = opora_store_get_latest_schema_version ();

      if (!read_header_int (key, node, &number, error))
        return FALSE;
      if (number > latest)
        return import_error (error, "$.schema",
                             _("the file was written by an Opora with database schema %lld, "
                               "and this one knows up to %d: update Opora to import it"),
                             (long long) number, latest);
      imp->have_schema = TRUE;
    }
  else if (g_str_equal (key, "exported_at"))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return import_error (error, "$.exported_at", _("must be text, not %s"),
                             opora_import_describe_node (node));
    }
  return TRUE;
}

/* The records are read in the light of the header: it has to come first. */
static gboolean
check_header (Import  *imp,
              GError **error)
{
  if (!imp->have_format)
    return import_error (error, "$.format",
                         _("missing before the records: an Opora file begins with "
                           "\"format\": \"%s\""), OPORA_INTERCHANGE_FORMAT);
  if (!imp->have_version)
    return import_error (error, "$.version", _("missing before the records"));
  if (!imp->have_schema)
    return import_error (error, "$.schema", _("missing before the records"));
  return TRUE;
}

static gboolean
read_table (Import      *imp,
            const char  *table,
            GError     **error)
{
  Scanner *s = &imp->scanner;
  g_autofree char *path = g_strdup_printf ("$.%s", table);
  gint64 index = 0;
  int c;

  if (!check_header (imp, error) ||
      !opora_import_tables_begin (imp->tables, table, error))
    return FALSE;

  if (opora_interchange_table_is_single (table))
    {
      g_autoptr(JsonNode) node = read_value (imp, error);

      if (node == NULL)
        return FALSE;
      if (JSON_NODE_HOLDS_NULL (node))
        return opora_import_tables_end (imp->tables, table, error);
      if (!opora_store_clear_seed_records (imp->store, table, error) ||
          !opora_import_record (imp->tables, table, -1, node, error))
        return FALSE;
      imp->n_records++;
      return opora_import_tables_end (imp->tables, table, error);
    }

  if (scanner_peek (s) != '[')
    {
      g_autoptr(JsonNode) node = read_value (imp, error);

      if (node == NULL)
        return FALSE;
      return import_error (error, path, _("must be an array of records [ … ], not %s"),
                           opora_import_describe_node (node));
    }
  scanner_advance (s);
  if (!opora_store_clear_seed_records (imp->store, table, error))
    return FALSE;

  c = scanner_skip_space (s);
  if (c == ']')
    scanner_advance (s);
  else
    for (;;)
      {
        g_autoptr(JsonNode) node = read_value (imp, error);

        if (node == NULL || !opora_import_record (imp->tables, table, index, node, error))
          return FALSE;
        index++;
        if (++imp->n_records % 4096 == 0 &&
            g_cancellable_set_error_if_cancelled (s->cancellable, error))
          return FALSE;

        c = scanner_skip_space (s);
        if (c == ',')
          {
            scanner_advance (s);
            if (scanner_skip_space (s) == ']')
              return scanner_error (imp, _("a record is missing after ‘,’"), error);
            continue;
          }
        if (c == ']')
          {
            scanner_advance (s);
            break;
          }
        return scanner_error (imp, _("expected ‘,’ or ‘]’ after a record"), error);
      }
  return opora_import_tables_end (imp->tables, table, error);
}

static gboolean
read_member (Import  *imp,
             GError **error)
{
  Scanner *s = &imp->scanner;
  g_autoptr(JsonNode) key_node = NULL;
  g_autofree char *key = NULL;

  if (scanner_peek (s) != '"')
    return scanner_error (imp, _("expected a member name in double quotes"), error);
  key_node = read_value (imp, error);
  if (key_node == NULL)
    return FALSE;
  key = g_strdup (json_node_get_string (key_node));
  if (scanner_skip_space (s) != ':')
    return scanner_error (imp, _("expected ‘:’ after a member name"), error);
  scanner_advance (s);
  scanner_skip_space (s);

  if (opora_import_tables_knows (imp->tables, key))
    return read_table (imp, key, error);

  if (g_str_equal (key, "format") || g_str_equal (key, "version") ||
      g_str_equal (key, "schema") || g_str_equal (key, "exported_at"))
    {
      g_autoptr(JsonNode) node = read_value (imp, error);
      return node != NULL && read_header (imp, key, node, error);
    }

  {
    g_autofree char *path = opora_import_member_path ("$", key);

    /* A table of a newer Opora would be lost without a word if it were skipped. */
    return import_error (error, path, _("unknown table: this version of Opora has no such "
                                        "table and cannot keep its records"));
  }
}

static gboolean
not_an_object (Import  *imp,
               GError **error)
{
  Scanner *s = &imp->scanner;
  guint64 line = s->line, column = s->column;
  g_autoptr(JsonNode) node = NULL;
  int c;

  if (scanner_peek (s) == '[')
    return import_error (error, "$", _("the file holds an array, but an Opora file is one "
                                       "object { \"format\": \"opora\", … }"));
  g_string_truncate (imp->slice, 0);
  while (imp->slice->len < SNIFF_SIZE && (c = scanner_peek (s)) >= 0)
    {
      g_string_append_c (imp->slice, (char) c);
      scanner_advance (s);
    }
  node = parse_slice (imp, line, column, error);
  if (node == NULL)
    return FALSE;
  return import_error (error, "$", _("the file holds %s, but an Opora file is one object "
                                     "{ \"format\": \"opora\", … }"),
                       opora_import_describe_node (node));
}

static gboolean
read_file (Import  *imp,
           GError **error)
{
  Scanner *s = &imp->scanner;
  int c = scanner_skip_space (s);

  if (c < 0)
    {
      if (s->read_error != NULL)
        return scanner_error (imp, NULL, error);
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_IMPORT,
                   _("The file is empty: an Opora file is one JSON object"));
      return FALSE;
    }
  if (c != '{')
    return not_an_object (imp, error);
  scanner_advance (s);

  if (scanner_skip_space (s) == '}')
    scanner_advance (s);
  else
    for (;;)
      {
        if (!read_member (imp, error))
          return FALSE;
        c = scanner_skip_space (s);
        if (c == ',')
          {
            scanner_advance (s);
            scanner_skip_space (s);
            continue;
          }
        if (c == '}')
          {
            scanner_advance (s);
            break;
          }
        return scanner_error (imp, _("expected ‘,’ or ‘}’ after a member"), error);
      }

  if (scanner_skip_space (s) >= 0)
    return scanner_error (imp, _("there is more after the end of the object"), error);
  if (s->read_error != NULL)
    return scanner_error (imp, NULL, error);
  return check_header (imp, error) && opora_import_tables_finish (imp->tables, error);
}

gboolean
opora_interchange_import (OporaStore     *store,
                          GInputStream   *in,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *buf = NULL;
  Import imp = { 0 };
  gboolean ok;

  g_return_val_if_fail (OPORA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (in), FALSE);

  if (!opora_store_records_empty (store))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                   _("The database already holds records: a file is imported only into an "
                     "empty database. Create a new database for it."));
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  buf = g_malloc (READ_BUFFER_SIZE);
  imp.store = store;
  imp.parser = parser;
  imp.slice = g_string_sized_new (4096);
  imp.scanner.in = in;
  imp.scanner.cancellable = cancellable;
  imp.scanner.buf = buf;
  imp.scanner.line = 1;
  imp.scanner.column = 1;
  imp.tables = opora_import_tables_new (store);

  ok = opora_store_bulk_begin (store, OPORA_BULK_DEFAULT, error);
  if (ok)
    {
      /* Records may name others further on in the file: references are checked
       * by the import as it goes, and by the database once more at the commit. */
      opora_store_defer_references (store);
      ok = read_file (&imp, error);
      if (ok)
        ok = opora_store_bulk_commit (store, error);
      else
        opora_store_bulk_rollback (store);
    }

  opora_import_tables_free (imp.tables);
  g_string_free (imp.slice, TRUE);
  g_clear_error (&imp.scanner.read_error);
  return ok;
}

gboolean
opora_interchange_import_file (OporaStore     *store,
                               GFile          *file,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OPORA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_IO, _("Cannot read “%s”: %s"),
                   g_file_peek_path (file), local_error->message);
      return FALSE;
    }
  return opora_interchange_import (store, G_INPUT_STREAM (in), cancellable, error);
}
