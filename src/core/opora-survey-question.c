#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-error.h"
#include "opora-survey.h"
#include "opora-survey-private.h"

/* The nick of each value is the text stored in the database (the schema's CHECK lists the
 * same words). */
G_DEFINE_ENUM_TYPE (OporaSurveyQuestionKind, opora_survey_question_kind,
                    G_DEFINE_ENUM_VALUE (OPORA_SURVEY_QUESTION_YES_NO, "yes_no"),
                    G_DEFINE_ENUM_VALUE (OPORA_SURVEY_QUESTION_SINGLE, "single"),
                    G_DEFINE_ENUM_VALUE (OPORA_SURVEY_QUESTION_MULTIPLE, "multiple"),
                    G_DEFINE_ENUM_VALUE (OPORA_SURVEY_QUESTION_TEXT, "text"))

static const char * const kind_names[] = {
  N_("Yes or no"),
  N_("One choice"),
  N_("Several choices"),
  N_("Free text"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == OPORA_SURVEY_QUESTION_KIND_LAST + 1);

struct _OporaSurveyQuestion
{
  GObject                  parent_instance;

  gint64                   id;
  guint                    position;
  char                    *code;
  OporaSurveyQuestionKind  kind;
  char                    *text;
  char                    *options;
  gboolean                 retired;
  guint                    n_answers;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_KIND,
  PROP_TEXT,
  PROP_OPTIONS,
  PROP_RETIRED,
  PROP_N_ANSWERS,
  /* Read-only, for rows bound with <lookup>. */
  PROP_KIND_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaSurveyQuestion, opora_survey_question, G_TYPE_OBJECT)

const char *
opora_survey_question_kind_to_string (OporaSurveyQuestionKind kind)
{
  GEnumClass *klass = g_type_class_ref (OPORA_TYPE_SURVEY_QUESTION_KIND);
  GEnumValue *value = g_enum_get_value (klass, kind);

  g_type_class_unref (klass);
  return value ? value->value_nick : NULL;
}

gboolean
opora_survey_question_kind_from_string (const char              *text,
                                        OporaSurveyQuestionKind *kind)
{
  GEnumClass *klass;
  GEnumValue *value;

  if (text == NULL)
    return FALSE;
  klass = g_type_class_ref (OPORA_TYPE_SURVEY_QUESTION_KIND);
  value = g_enum_get_value_by_nick (klass, text);
  g_type_class_unref (klass);
  if (value == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = value->value;
  return TRUE;
}

const char *
opora_survey_question_kind_display_name (OporaSurveyQuestionKind kind)
{
  g_return_val_if_fail (kind <= OPORA_SURVEY_QUESTION_KIND_LAST, NULL);
  return _(kind_names[kind]);
}

char *
opora_survey_clean_text (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_utf8_make_valid (text, -1));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

gboolean
opora_survey_replace_text (char       **slot,
                           const char  *value)
{
  g_autofree char *clean = opora_survey_clean_text (value);

  if (g_strcmp0 (*slot, clean) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_steal_pointer (&clean);
  return TRUE;
}

/* Options one a line, each trimmed, blank lines dropped. */
static char *
clean_options (const char *options)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (options == NULL)
    return NULL;
  lines = g_strsplit_set (options, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = opora_survey_clean_text (lines[i]);

      if (line == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static void
opora_survey_question_finalize (GObject *object)
{
  OporaSurveyQuestion *self = (OporaSurveyQuestion *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->options, g_free);

  G_OBJECT_CLASS (opora_survey_question_parent_class)->finalize (object);
}

static void
opora_survey_question_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  OporaSurveyQuestion *self = OPORA_SURVEY_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_OPTIONS:
      g_value_set_string (value, self->options);
      break;
    case PROP_RETIRED:
      g_value_set_boolean (value, self->retired);
      break;
    case PROP_N_ANSWERS:
      g_value_set_uint (value, self->n_answers);
      break;
    case PROP_KIND_DISPLAY:
      g_value_set_string (value, opora_survey_question_kind_display_name (self->kind));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_question_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  OporaSurveyQuestion *self = OPORA_SURVEY_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_survey_question_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_POSITION:
      opora_survey_question_set_position (self, g_value_get_uint (value));
      break;
    case PROP_KIND:
      opora_survey_question_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TEXT:
      opora_survey_question_set_text (self, g_value_get_string (value));
      break;
    case PROP_OPTIONS:
      opora_survey_question_set_options (self, g_value_get_string (value));
      break;
    case PROP_RETIRED:
      opora_survey_question_set_retired (self, g_value_get_boolean (value));
      break;
    case PROP_N_ANSWERS:
      opora_survey_question_set_n_answers (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_survey_question_class_init (OporaSurveyQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_survey_question_finalize;
  object_class->get_property = opora_survey_question_get_property;
  object_class->set_property = opora_survey_question_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OPORA_TYPE_SURVEY_QUESTION_KIND,
                       OPORA_SURVEY_QUESTION_YES_NO, rw);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_OPTIONS] =
    g_param_spec_string ("options", NULL, NULL, NULL, rw);
  properties[PROP_RETIRED] =
    g_param_spec_boolean ("retired", NULL, NULL, FALSE, rw);
  properties[PROP_N_ANSWERS] =
    g_param_spec_uint ("n-answers", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_KIND_DISPLAY] =
    g_param_spec_string ("kind-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_survey_question_init (OporaSurveyQuestion *self)
{
}

OporaSurveyQuestion *
opora_survey_question_new (OporaSurveyQuestionKind  kind,
                           const char              *text)
{
  OporaSurveyQuestion *self = g_object_new (OPORA_TYPE_SURVEY_QUESTION, NULL);

  self->kind = kind;
  self->text = opora_survey_clean_text (text);
  return self;
}

OporaSurveyQuestion *
opora_survey_question_copy (OporaSurveyQuestion *self)
{
  OporaSurveyQuestion *copy;

  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), NULL);

  copy = opora_survey_question_new (self->kind, self->text);
  copy->id = self->id;
  copy->position = self->position;
  copy->code = g_strdup (self->code);
  copy->options = g_strdup (self->options);
  copy->retired = self->retired;
  copy->n_answers = self->n_answers;
  return copy;
}

gint64
opora_survey_question_get_id (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), 0);
  return self->id;
}

void
opora_survey_question_set_id (OporaSurveyQuestion *self,
                              gint64               id)
{
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

guint
opora_survey_question_get_position (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), 0);
  return self->position;
}

void
opora_survey_question_set_position (OporaSurveyQuestion *self,
                                    guint                position)
{
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));

  if (self->position == position)
    return;
  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
opora_survey_question_get_code (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), NULL);
  return self->code;
}

void
opora_survey_question_set_code (OporaSurveyQuestion *self,
                                const char          *code)
{
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));
  opora_survey_replace_text (&self->code, code);
}

OporaSurveyQuestionKind
opora_survey_question_get_kind (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), OPORA_SURVEY_QUESTION_YES_NO);
  return self->kind;
}

void
opora_survey_question_set_kind (OporaSurveyQuestion     *self,
                                OporaSurveyQuestionKind  kind)
{
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));
  g_return_if_fail (kind <= OPORA_SURVEY_QUESTION_KIND_LAST);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_DISPLAY]);
}

const char *
opora_survey_question_get_text (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), NULL);
  return self->text;
}

void
opora_survey_question_set_text (OporaSurveyQuestion *self,
                                const char          *text)
{
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));

  if (opora_survey_replace_text (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
opora_survey_question_get_options (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), NULL);
  return self->options;
}

void
opora_survey_question_set_options (OporaSurveyQuestion *self,
                                   const char          *options)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));

  clean = clean_options (options);
  if (g_strcmp0 (clean, self->options) == 0)
    return;
  g_free (self->options);
  self->options = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPTIONS]);
}

char **
opora_survey_question_dup_options (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), NULL);

  if (self->options == NULL)
    return g_new0 (char *, 1);
  return g_strsplit (self->options, "\n", -1);
}

gboolean
opora_survey_question_get_retired (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), FALSE);
  return self->retired;
}

void
opora_survey_question_set_retired (OporaSurveyQuestion *self,
                                   gboolean             retired)
{
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));

  retired = !!retired;
  if (self->retired == retired)
    return;
  self->retired = retired;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETIRED]);
}

guint
opora_survey_question_get_n_answers (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), 0);
  return self->n_answers;
}

void
opora_survey_question_set_n_answers (OporaSurveyQuestion *self,
                                     guint                n_answers)
{
  g_return_if_fail (OPORA_IS_SURVEY_QUESTION (self));

  if (self->n_answers == n_answers)
    return;
  self->n_answers = n_answers;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERS]);
}

static gboolean
is_choice (OporaSurveyQuestionKind kind)
{
  return kind == OPORA_SURVEY_QUESTION_SINGLE || kind == OPORA_SURVEY_QUESTION_MULTIPLE;
}

gboolean
opora_survey_question_same_content (OporaSurveyQuestion *a,
                                    OporaSurveyQuestion *b)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (a), FALSE);
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (b), FALSE);

  /* Options left over from a choice mean nothing to a yes/no or text question. */
  return a->kind == b->kind
         && g_strcmp0 (a->text, b->text) == 0
         && (!is_choice (a->kind) || g_strcmp0 (a->options, b->options) == 0);
}

gboolean
opora_survey_question_is_required (OporaSurveyQuestion *self)
{
  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), FALSE);
  return self->kind == OPORA_SURVEY_QUESTION_YES_NO || self->kind == OPORA_SURVEY_QUESTION_SINGLE;
}

gboolean
opora_survey_question_validate (OporaSurveyQuestion  *self,
                                const char          **field,
                                GError              **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->text == NULL)
    {
      *field = "text";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                   _("Question %u needs its text"), self->position);
      return FALSE;
    }
  if (is_choice (self->kind) && self->options == NULL)
    {
      *field = "options";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                   _("Question %u is a choice: give its options, one a line"), self->position);
      return FALSE;
    }
  return TRUE;
}

/* Case and «ё» aside, for matching typed text against «Да» or an option. */
static char *
fold (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c == 0x0451 ? 0x0435 : c);
    }
  return g_string_free (out, FALSE);
}

static const char *
parse_yes_no (const char *typed)
{
  static const char * const yes[] = { "д", "да", "1", "y", "yes", "+" };
  static const char * const no[] = { "н", "нет", "0", "n", "no", "-" };
  g_autofree char *folded = fold (typed);

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_str_equal (folded, yes[i]))
      return OPORA_SURVEY_ANSWER_YES;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_str_equal (folded, no[i]))
      return OPORA_SURVEY_ANSWER_NO;
  return NULL;
}

/* The option @word names: its number from 1, or its text. */
static const char *
find_option (char       **options,
             const char  *word)
{
  g_autofree char *folded = fold (word);
  char *end = NULL;
  guint64 number = g_ascii_strtoull (word, &end, 10);
  guint n = g_strv_length (options);

  if (end != word && *end == '\0')
    return number >= 1 && number <= n ? options[number - 1] : NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *option = fold (options[i]);

      if (g_str_equal (option, folded))
        return options[i];
    }
  return NULL;
}

gboolean
opora_survey_question_parse_answer (OporaSurveyQuestion  *self,
                                    const char           *typed,
                                    char                **value,
                                    GError              **error)
{
  g_autofree char *clean = NULL;
  g_auto(GStrv) options = NULL;
  const char *found;

  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  *value = NULL;
  clean = opora_survey_clean_text (typed);
  if (clean == NULL)
    return TRUE;

  switch (self->kind)
    {
    case OPORA_SURVEY_QUESTION_YES_NO:
      if ((found = parse_yes_no (clean)) == NULL)
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                       _("Question %u: type Д or Н (yes or no), 1 or 0"), self->position);
          return FALSE;
        }
      *value = g_strdup (found);
      return TRUE;

    case OPORA_SURVEY_QUESTION_SINGLE:
      options = opora_survey_question_dup_options (self);
      if ((found = find_option (options, clean)) == NULL)
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                       _("Question %u: type the number of one option, from 1 to %u"),
                       self->position, g_strv_length (options));
          return FALSE;
        }
      *value = g_strdup (found);
      return TRUE;

    case OPORA_SURVEY_QUESTION_MULTIPLE:
      {
        g_auto(GStrv) words = g_strsplit_set (clean, ",; ", -1);
        g_autoptr(GString) out = g_string_new (NULL);

        options = opora_survey_question_dup_options (self);
        /* Stored in the order of the options, each once, whatever order was typed. */
        for (guint i = 0; options[i] != NULL; i++)
          for (guint j = 0; words[j] != NULL; j++)
            if (*words[j] != '\0' && find_option (options, words[j]) == options[i])
              {
                if (out->len > 0)
                  g_string_append_c (out, '\n');
                g_string_append (out, options[i]);
                break;
              }
        for (guint j = 0; words[j] != NULL; j++)
          if (*words[j] != '\0' && find_option (options, words[j]) == NULL)
            {
              g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                           _("Question %u: type the numbers of the options, from 1 to %u, "
                             "split by commas"), self->position, g_strv_length (options));
              return FALSE;
            }
        *value = out->len > 0 ? g_strdup (out->str) : NULL;
        return TRUE;
      }

    case OPORA_SURVEY_QUESTION_TEXT:
    default:
      *value = g_steal_pointer (&clean);
      return TRUE;
    }
}

gboolean
opora_survey_question_accepts (OporaSurveyQuestion *self,
                               const char          *value)
{
  g_auto(GStrv) options = NULL;
  g_auto(GStrv) chosen = NULL;

  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), FALSE);

  if (value == NULL || *value == '\0')
    return FALSE;
  switch (self->kind)
    {
    case OPORA_SURVEY_QUESTION_YES_NO:
      return g_str_equal (value, OPORA_SURVEY_ANSWER_YES)
             || g_str_equal (value, OPORA_SURVEY_ANSWER_NO);
    case OPORA_SURVEY_QUESTION_SINGLE:
      options = opora_survey_question_dup_options (self);
      return g_strv_contains ((const char * const *) options, value);
    case OPORA_SURVEY_QUESTION_MULTIPLE:
      options = opora_survey_question_dup_options (self);
      chosen = g_strsplit (value, "\n", -1);
      for (guint i = 0; chosen[i] != NULL; i++)
        if (!g_strv_contains ((const char * const *) options, chosen[i]))
          return FALSE;
      return TRUE;
    case OPORA_SURVEY_QUESTION_TEXT:
    default:
      return TRUE;
    }
}

char *
opora_survey_question_format_answer (OporaSurveyQuestion *self,
                                     const char          *value)
{
  g_auto(GStrv) chosen = NULL;

  g_return_val_if_fail (OPORA_IS_SURVEY_QUESTION (self), NULL);

  if (value == NULL)
    return NULL;
  switch (self->kind)
    {
    case OPORA_SURVEY_QUESTION_YES_NO:
      if (g_str_equal (value, OPORA_SURVEY_ANSWER_YES))
        return g_strdup (C_("answer", "Yes"));
      if (g_str_equal (value, OPORA_SURVEY_ANSWER_NO))
        return g_strdup (C_("answer", "No"));
      return g_strdup (value);
    case OPORA_SURVEY_QUESTION_MULTIPLE:
      chosen = g_strsplit (value, "\n", -1);
      return g_strjoinv (", ", chosen);
    case OPORA_SURVEY_QUESTION_SINGLE:
    case OPORA_SURVEY_QUESTION_TEXT:
    default:
      return g_strdup (value);
    }
}
