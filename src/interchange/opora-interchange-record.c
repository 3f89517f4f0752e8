/* One record of an interchange file: its JSON checked against the table's columns as
 * the schema describes them, SNILS and dates against the domain's rules, references
 * against the records already read; then it is inserted, and whatever rule the database
 * still finds broken is reported at the record's JSON path. */
#define G_LOG_DOMAIN "opora-interchange"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-interchange-record.h"
#include "opora-snils.h"
#include "opora-store-records.h"

typedef struct
{
  const char              *name;
  const OporaRecordColumn *columns;
  guint                    n_columns;
  GHashTable              *positions;   /* column name → its index + 1 */
  const char             **parent_keys; /* per column: the key of the table it refers to */
  OporaRecordValue        *values;      /* per column, for the record being read */
  char                    *snils;       /* the record's SNILS as 11 digits, while it is read */
  gboolean                 begun;
  gboolean                 finished;
} TableState;

typedef struct
{
  const char *table;       /* interned, like the three below */
  const char *column;
  const char *parent;
  const char *parent_key;
  gint64      index;
  gint64      value;
} PendingReference;

struct _OporaImportTables
{
  OporaStore *store;
  GHashTable *states;   /* table name → TableState */
  GArray     *pending;  /* PendingReference, in file order */
};

static void
table_state_free (gpointer data)
{
  TableState *t = data;

  g_hash_table_unref (t->positions);
  g_free (t->parent_keys);
  g_free (t->values);
  g_free (t->snils);
  g_free (t);
}

/* The audit times: "YYYY-MM-DDTHH:MM:SSZ" as Opora writes them, or any ISO 8601 time. */
static gboolean
is_timestamp (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (strlen (text) == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' && text[19] == 'Z')
    {
      char date[11];

      memcpy (date, text, 10);
      date[10] = '\0';
      if (opora_date_is_valid_iso (date) && g_ascii_isdigit (text[11]) &&
          g_ascii_isdigit (text[12]) && g_ascii_isdigit (text[14]) &&
          g_ascii_isdigit (text[15]) && g_ascii_isdigit (text[17]) &&
          g_ascii_isdigit (text[18]) && (text[11] - '0') * 10 + (text[12] - '0') < 24 &&
          text[14] < '6' && text[17] < '6')
        return TRUE;
    }
  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (text, utc);
  return time != NULL;
}

static char *
human_name (const char *identifier)
{
  char *s = g_strdup (identifier);

  g_strdelimit (s, "_", ' ');
  return s;
}

static char *
record_path (const char *table,
             gint64      index)
{
  if (index < 0)
    return g_strdup_printf ("$.%s", table);
  return g_strdup_printf ("$.%s[%" G_GINT64_FORMAT "]", table, index);
}

static gboolean
member_error (GError    **error,
              const char *table,
              gint64      index,
              const char *column,
              const char *format,
              ...) G_GNUC_PRINTF (5, 6);

static gboolean
member_error (GError    **error,
              const char *table,
              gint64      index,
              const char *column,
              const char *format,
              ...)
{
  g_autofree char *record = record_path (table, index);
  g_autofree char *path = column ? opora_import_member_path (record, column) : NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, OPORA_ERROR, OPORA_ERROR_IMPORT, "%s: %s", path ? path : record, message);
  return FALSE;
}

const char *
opora_import_describe_node (JsonNode *node)
{
  if (node == NULL)
    return _("nothing");
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return _("a whole number");
        case G_TYPE_DOUBLE:
          return _("a number");
        case G_TYPE_BOOLEAN:
          return _("true or false");
        default:
          return _("text");
        }
    }
}

char *
opora_import_member_path (const char *parent,
                          const char *key)
{
  gboolean plain = g_ascii_isalpha (key[0]) || key[0] == '_';
  GString *path;

  for (const char *p = key; plain && *p; p++)
    plain = g_ascii_isalnum (*p) || *p == '_';
  if (plain)
    return g_strdup_printf ("%s.%s", parent, key);

  path = g_string_new (parent);
  g_string_append (path, "[\"");
  for (const char *p = key; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (path, '\\');
      g_string_append_c (path, *p);
    }
  g_string_append (path, "\"]");
  return g_string_free (path, FALSE);
}

OporaImportTables *
opora_import_tables_new (OporaStore *store)
{
  OporaImportTables *tables = g_new0 (OporaImportTables, 1);

  tables->store = g_object_ref (store);
  tables->states = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, table_state_free);
  tables->pending = g_array_new (FALSE, FALSE, sizeof (PendingReference));
  return tables;
}

void
opora_import_tables_free (OporaImportTables *tables)
{
  if (tables == NULL)
    return;
  g_object_unref (tables->store);
  g_hash_table_unref (tables->states);
  g_array_unref (tables->pending);
  g_free (tables);
}

gboolean
opora_import_tables_knows (OporaImportTables *tables,
                           const char        *name)
{
  return g_strv_contains (opora_store_record_tables (), name);
}

static const char *
key_of (OporaStore *store,
        const char *table)
{
  guint n = 0;
  const OporaRecordColumn *columns = opora_store_record_column_info (store, table, &n, NULL);

  for (guint i = 0; columns != NULL && i < n; i++)
    if (columns[i].is_key)
      return columns[i].name;
  return NULL;
}

static TableState *
get_state (OporaImportTables  *tables,
           const char         *table,
           GError            **error)
{
  TableState *t = g_hash_table_lookup (tables->states, table);
  const OporaRecordColumn *columns;
  guint n = 0;

  if (t != NULL)
    return t;
  columns = opora_store_record_column_info (tables->store, table, &n, error);
  if (columns == NULL)
    return NULL;

  t = g_new0 (TableState, 1);
  t->name = g_intern_string (table);
  t->columns = columns;
  t->n_columns = n;
  t->positions = g_hash_table_new (g_str_hash, g_str_equal);
  t->parent_keys = g_new0 (const char *, n);
  t->values = g_new0 (OporaRecordValue, n);
  for (guint i = 0; i < n; i++)
    {
      g_hash_table_insert (t->positions, (gpointer) columns[i].name, GUINT_TO_POINTER (i + 1));
      if (columns[i].references != NULL)
        t->parent_keys[i] = key_of (tables->store, columns[i].references);
    }
  g_hash_table_insert (tables->states, (gpointer) t->name, t);
  return t;
}

gboolean
opora_import_tables_begin (OporaImportTables  *tables,
                           const char         *table,
                           GError            **error)
{
  TableState *t = get_state (tables, table, error);

  if (t == NULL)
    return FALSE;
  if (t->begun)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_IMPORT,
                   _("$.%s: the table appears twice in the file"), table);
      return FALSE;
    }
  t->begun = TRUE;
  return TRUE;
}

gboolean
opora_import_tables_end (OporaImportTables  *tables,
                         const char         *table,
                         GError            **error)
{
  TableState *t = get_state (tables, table, error);

  if (t == NULL)
    return FALSE;
  t->finished = TRUE;
  return TRUE;
}

/* Reads one member into @v as the column's type; FALSE with @error. */
static gboolean
read_member (TableState               *t,
             gint64                    index,
             const OporaRecordColumn  *column,
             JsonNode                 *node,
             OporaRecordValue         *v,
             GError                  **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  const char *text;

  switch (column->type)
    {
    case OPORA_RECORD_INTEGER:
      if (type != G_TYPE_INT64)
        return member_error (error, t->name, index, column->name,
                             _("must be a whole number, not %s"),
                             opora_import_describe_node (node));
      v->kind = OPORA_VALUE_INTEGER;
      v->integer = json_node_get_int (node);
      return TRUE;

    case OPORA_RECORD_REAL:
      if (type == G_TYPE_INT64)
        {
          v->kind = OPORA_VALUE_REAL;
          v->real = (double) json_node_get_int (node);
          return TRUE;
        }
      if (type != G_TYPE_DOUBLE)
        return member_error (error, t->name, index, column->name, _("must be a number, not %s"),
                             opora_import_describe_node (node));
      if (!isfinite (json_node_get_double (node)))
        return member_error (error, t->name, index, column->name, _("the number is too large"));
      v->kind = OPORA_VALUE_REAL;
      v->real = json_node_get_double (node);
      return TRUE;

    case OPORA_RECORD_TEXT:
    default:
      if (type != G_TYPE_STRING)
        return member_error (error, t->name, index, column->name,
                             _("must be text in double quotes, not %s"),
                             opora_import_describe_node (node));
      text = json_node_get_string (node);
      if (column->is_date && !opora_date_is_valid_iso (text))
        return member_error (error, t->name, index, column->name,
                             _("“%s” is not a calendar date written as YYYY-MM-DD"), text);
      if (g_str_equal (column->name, "snils"))
        {
          g_autoptr(GError) snils_error = NULL;

          g_clear_pointer (&t->snils, g_free);
          if (!opora_snils_normalize (text, &t->snils, &snils_error))
            return member_error (error, t->name, index, column->name, "%s",
                                 snils_error->message);
          text = t->snils;
        }
      else if (g_str_has_suffix (column->name, "_at") && !is_timestamp (text))
        return member_error (error, t->name, index, column->name,
                             _("“%s” is not a date and time written as YYYY-MM-DDTHH:MM:SSZ"),
                             text);
      v->kind = OPORA_VALUE_TEXT;
      v->text = text;
      return TRUE;
    }
}

static gboolean
check_reference (OporaImportTables  *tables,
                 TableState         *t,
                 gint64              index,
                 guint               i,
                 GError            **error)
{
  const OporaRecordColumn *column = &t->columns[i];
  gint64 value = t->values[i].integer;
  TableState *parent;
  PendingReference pending;

  if (t->parent_keys[i] == NULL ||
      opora_store_record_exists (tables->store, column->references, t->parent_keys[i], value))
    return TRUE;

  parent = g_hash_table_lookup (tables->states, column->references);
  if (parent != NULL && parent->finished)
    return member_error (error, t->name, index, column->name,
                         _("refers to %s %lld, which is not in the file"),
                         column->references, (long long) value);

  /* Further on in the file, maybe: settled after the last record. */
  pending.table = t->name;
  pending.column = column->name;
  pending.parent = column->references;
  pending.parent_key = t->parent_keys[i];
  pending.index = index;
  pending.value = value;
  g_array_append_val (tables->pending, pending);
  return TRUE;
}

static gboolean
insert_values (OporaImportTables  *tables,
               TableState         *t,
               gint64              index,
               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *column = NULL;

  if (opora_store_insert_values (tables->store, t->name, t->values, t->n_columns, &column,
                                 &local_error))
    return TRUE;

  if (g_error_matches (local_error, OPORA_ERROR, OPORA_ERROR_DUPLICATE) && column != NULL)
    {
      for (guint i = 0; i < t->n_columns; i++)
        if (g_str_equal (t->columns[i].name, column) && t->columns[i].is_key &&
            t->values[i].kind == OPORA_VALUE_INTEGER)
          {
            g_autofree char *noun = human_name (t->name);

            return member_error (error, t->name, index, column,
                                 _("another %s in the file has the same %s %lld"),
                                 noun, column, (long long) t->values[i].integer);
          }
    }
  return member_error (error, t->name, index, column, "%s", local_error->message);
}

gboolean
opora_import_record (OporaImportTables  *tables,
                     const char         *table,
                     gint64              index,
                     JsonNode           *node,
                     GError            **error)
{
  TableState *t = get_state (tables, table, error);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (t == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return member_error (error, table, index, NULL, _("a record must be an object { … }, not %s"),
                         opora_import_describe_node (node));

  for (guint i = 0; i < t->n_columns; i++)
    t->values[i].kind = OPORA_VALUE_DEFAULT;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &member))
    {
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (t->positions, name));
      const OporaRecordColumn *column;

      if (position == 0)
        {
          g_autofree char *noun = human_name (table);
          return member_error (error, table, index, name,
                               _("unknown column: a %s record has no such field"), noun);
        }
      column = &t->columns[position - 1];
      if (JSON_NODE_HOLDS_NULL (member))
        {
          if (column->not_null)
            return member_error (error, table, index, name, _("must not be null"));
          t->values[position - 1].kind = OPORA_VALUE_NULL;
          continue;
        }
      if (!read_member (t, index, column, member, &t->values[position - 1], error))
        return FALSE;
    }

  for (guint i = 0; i < t->n_columns; i++)
    if (t->columns[i].required && t->values[i].kind == OPORA_VALUE_DEFAULT)
      {
        g_autofree char *noun = human_name (table);
        return member_error (error, table, index, t->columns[i].name,
                             _("missing: every %s record must have it"), noun);
      }

  for (guint i = 0; i < t->n_columns; i++)
    if (t->columns[i].references != NULL && t->values[i].kind == OPORA_VALUE_INTEGER &&
        !check_reference (tables, t, index, i, error))
      return FALSE;

  /* The text values point into @node, which outlives the insert. */
  return insert_values (tables, t, index, error);
}

gboolean
opora_import_tables_finish (OporaImportTables  *tables,
                            GError            **error)
{
  for (guint i = 0; i < tables->pending->len; i++)
    {
      PendingReference *p = &g_array_index (tables->pending, PendingReference, i);

      if (!opora_store_record_exists (tables->store, p->parent, p->parent_key, p->value))
        return member_error (error, p->table, p->index, p->column,
                             _("refers to %s %lld, which is not in the file"),
                             p->parent, (long long) p->value);
    }
  return TRUE;
}
