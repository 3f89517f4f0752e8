/* Export of the interchange format. One record is one line, written as soon as it is
 * read: a registry of a million contracts never becomes one tree in memory. */
#define G_LOG_DOMAIN "opora-interchange"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "opora-error.h"
#include "opora-interchange.h"
#include "opora-interchange-private.h"
#include "opora-store-records.h"

#define OUTPUT_BUFFER_SIZE (256 * 1024)

typedef struct
{
  GOutputStream           *out;
  GCancellable            *cancellable;
  JsonGenerator           *generator;
  const OporaRecordColumn *columns;
  guint                    n_columns;
  guint64                  n_written;  /* records of the current table */
} ExportState;

static gboolean
write_text (ExportState  *state,
            const char   *text,
            GError      **error)
{
  return g_output_stream_write_all (state->out, text, strlen (text), NULL, state->cancellable,
                                    error);
}

/* Keys in schema order, every column present: NULL as JSON null, so a reader sees the
 * whole shape of a record without the schema at hand. */
static JsonNode *
record_to_node (ExportState             *state,
                const char              *table,
                const OporaRecordValue  *values,
                GError                 **error)
{
  g_autoptr(JsonObject) object = json_object_new ();

  for (guint i = 0; i < state->n_columns; i++)
    {
      const char *name = state->columns[i].name;
      const OporaRecordValue *v = &values[i];

      switch (v->kind)
        {
        case OPORA_VALUE_INTEGER:
          json_object_set_int_member (object, name, v->integer);
          break;
        case OPORA_VALUE_REAL:
          if (!isfinite (v->real))
            {
              g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                           _("%s.%s holds a number JSON cannot carry"), table, name);
              return NULL;
            }
          json_object_set_double_member (object, name, v->real);
          break;
        case OPORA_VALUE_TEXT:
          if (g_utf8_validate (v->text, -1, NULL))
            json_object_set_string_member (object, name, v->text);
          else
            {
              /* Written by another program: keep what can be read rather than fail. */
              g_autofree char *valid = g_utf8_make_valid (v->text, -1);
              json_object_set_string_member (object, name, valid);
            }
          break;
        case OPORA_VALUE_NULL:
        case OPORA_VALUE_DEFAULT:
        default:
          json_object_set_null_member (object, name);
        }
    }
  return json_node_init_object (json_node_alloc (), object);
}

static gboolean
write_record_cb (const char              *table,
                 const OporaRecordValue  *values,
                 guint                    n_values,
                 gpointer                 user_data,
                 GError                 **error)
{
  ExportState *state = user_data;
  g_autoptr(JsonNode) node = record_to_node (state, table, values, error);
  g_autofree char *json = NULL;
  gsize length = 0;

  if (node == NULL)
    return FALSE;
  json_generator_set_root (state->generator, node);
  json = json_generator_to_data (state->generator, &length);
  if (!write_text (state, state->n_written == 0 ? "\n    " : ",\n    ", error) ||
      !g_output_stream_write_all (state->out, json, length, NULL, state->cancellable, error))
    return FALSE;
  state->n_written++;
  return state->n_written % 4096 != 0 ||
         !g_cancellable_set_error_if_cancelled (state->cancellable, error);
}

static gboolean
write_institution_cb (const char              *table,
                      const OporaRecordValue  *values,
                      guint                    n_values,
                      gpointer                 user_data,
                      GError                 **error)
{
  ExportState *state = user_data;
  g_autoptr(JsonNode) node = record_to_node (state, table, values, error);
  g_autofree char *json = NULL;

  if (node == NULL)
    return FALSE;
  json_generator_set_root (state->generator, node);
  json = json_generator_to_data (state->generator, NULL);
  state->n_written++;
  return write_text (state, json, error);
}

static gboolean
export_tables (OporaStore   *store,
               ExportState  *state,
               GError      **error)
{
  const char * const *tables = opora_store_record_tables ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *header = NULL;

  header = g_strdup_printf ("{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"schema\": %d,\n"
                            "  \"exported_at\": \"%s\"",
                            OPORA_INTERCHANGE_FORMAT, OPORA_INTERCHANGE_VERSION,
                            opora_store_get_schema_version (store), stamp);
  if (!write_text (state, header, error))
    return FALSE;

  for (guint i = 0; tables[i] != NULL; i++)
    {
      const char *table = tables[i];
      g_autofree char *key = g_strdup_printf (",\n  \"%s\": ", table);
      gboolean single = opora_interchange_table_is_single (table);

      state->columns = opora_store_record_column_info (store, table, &state->n_columns, error);
      if (state->columns == NULL)
        return FALSE;
      state->n_written = 0;
      if (!write_text (state, key, error))
        return FALSE;

      if (single)
        {
          if (!opora_store_foreach_row (store, table, write_institution_cb, state, error))
            return FALSE;
          if (state->n_written == 0 && !write_text (state, "null", error))
            return FALSE;
          continue;
        }
      if (!write_text (state, "[", error) ||
          !opora_store_foreach_row (store, table, write_record_cb, state, error) ||
          !write_text (state, state->n_written > 0 ? "\n  ]" : "]", error))
        return FALSE;
    }
  return write_text (state, "\n}\n", error);
}

gboolean
opora_interchange_export (OporaStore     *store,
                          GOutputStream  *out,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  ExportState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (OPORA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  buffered = g_buffered_output_stream_new_sized (out, OUTPUT_BUFFER_SIZE);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);
  generator = json_generator_new ();
  state.out = buffered;
  state.cancellable = cancellable;
  state.generator = generator;

  if (!opora_store_snapshot_begin (store, error))
    return FALSE;
  ok = export_tables (store, &state, error);
  opora_store_snapshot_end (store);

  if (ok)
    ok = g_output_stream_flush (buffered, cancellable, error);
  return ok;
}

gboolean
opora_interchange_export_file (OporaStore     *store,
                               GFile          *file,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OPORA_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* replace() writes beside the file and renames on close: a failed export leaves an
   * earlier file of the same name as it was. */
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                        &local_error);
  if (out == NULL)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_IO, _("Cannot write “%s”: %s"),
                   g_file_peek_path (file), local_error->message);
      return FALSE;
    }
  if (!opora_interchange_export (store, G_OUTPUT_STREAM (out), cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_IO, _("Cannot write “%s”: %s"),
                   g_file_peek_path (file), local_error->message);
      return FALSE;
    }
  return TRUE;
}
