#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-peer.h"

/* The follow-up call (опрос по телефону) after a peer meeting: seed 000 asks the specialist
 * to phone each person who took part "not less than 1 month after the meeting". */

struct _OporaFollowupCall
{
  GObject         parent_instance;

  gint64          id;
  gint64          group_id;
  gint64          person_id;
  char           *person_name;
  char           *phone;
  char           *group_title;
  char           *meeting_on;
  char           *called_on;
  OporaSituation  situation;
  gboolean        satisfied;
  char           *note;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_GROUP_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_PHONE,
  PROP_GROUP_TITLE,
  PROP_MEETING_ON,
  PROP_CALLED_ON,
  PROP_SITUATION,
  PROP_SATISFIED,
  PROP_NOTE,
  /* For lists bound with <lookup>. */
  PROP_MEETING_DISPLAY,
  PROP_DUE_DISPLAY,
  PROP_CALLED_DISPLAY,
  PROP_SITUATION_DISPLAY,
  PROP_SATISFIED_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaFollowupCall, opora_followup_call, G_TYPE_OBJECT)

static gboolean
replace_text (char       **slot,
              const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
opora_followup_call_finalize (GObject *object)
{
  OporaFollowupCall *self = (OporaFollowupCall *)object;

  g_free (self->person_name);
  g_free (self->phone);
  g_free (self->group_title);
  g_free (self->meeting_on);
  g_free (self->called_on);
  g_free (self->note);

  G_OBJECT_CLASS (opora_followup_call_parent_class)->finalize (object);
}

static void
opora_followup_call_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OporaFollowupCall *self = OPORA_FOLLOWUP_CALL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_GROUP_TITLE:
      g_value_set_string (value, self->group_title);
      break;
    case PROP_MEETING_ON:
      g_value_set_string (value, self->meeting_on);
      break;
    case PROP_CALLED_ON:
      g_value_set_string (value, self->called_on);
      break;
    case PROP_SITUATION:
      g_value_set_enum (value, self->situation);
      break;
    case PROP_SATISFIED:
      g_value_set_boolean (value, self->satisfied);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_MEETING_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->meeting_on));
      break;
    case PROP_DUE_DISPLAY:
      {
        g_autofree char *due = opora_followup_call_dup_due_on (self);
        g_value_take_string (value, opora_date_iso_to_display (due));
      }
      break;
    case PROP_CALLED_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->called_on));
      break;
    case PROP_SITUATION_DISPLAY:
      g_value_set_string (value, self->id == 0 ? NULL
                                               : opora_situation_display_name (self->situation));
      break;
    case PROP_SATISFIED_DISPLAY:
      g_value_set_string (value, self->id == 0 ? NULL
                                 : self->satisfied ? C_("satisfied", "Yes")
                                                   : C_("satisfied", "No"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_followup_call_class_init (OporaFollowupCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_followup_call_finalize;
  object_class->get_property = opora_followup_call_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, NULL, ro);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, ro);
  properties[PROP_GROUP_TITLE] = g_param_spec_string ("group-title", NULL, NULL, NULL, ro);
  properties[PROP_MEETING_ON] = g_param_spec_string ("meeting-on", NULL, NULL, NULL, ro);
  properties[PROP_CALLED_ON] = g_param_spec_string ("called-on", NULL, NULL, NULL, ro);
  properties[PROP_SITUATION] =
    g_param_spec_enum ("situation", NULL, NULL, OPORA_TYPE_SITUATION, OPORA_SITUATION_NONE, ro);
  properties[PROP_SATISFIED] = g_param_spec_boolean ("satisfied", NULL, NULL, FALSE, ro);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  properties[PROP_MEETING_DISPLAY] =
    g_param_spec_string ("meeting-display", NULL, NULL, NULL, ro);
  properties[PROP_DUE_DISPLAY] = g_param_spec_string ("due-display", NULL, NULL, NULL, ro);
  properties[PROP_CALLED_DISPLAY] = g_param_spec_string ("called-display", NULL, NULL, NULL, ro);
  properties[PROP_SITUATION_DISPLAY] =
    g_param_spec_string ("situation-display", NULL, NULL, NULL, ro);
  properties[PROP_SATISFIED_DISPLAY] =
    g_param_spec_string ("satisfied-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_followup_call_init (OporaFollowupCall *self)
{
}

OporaFollowupCall *
opora_followup_call_new (gint64 group_id,
                         gint64 person_id)
{
  OporaFollowupCall *self = g_object_new (OPORA_TYPE_FOLLOWUP_CALL, NULL);

  self->group_id = group_id;
  self->person_id = person_id;
  return self;
}

OporaFollowupCall *
opora_followup_call_copy (OporaFollowupCall *self)
{
  OporaFollowupCall *copy;

  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), NULL);

  copy = opora_followup_call_new (self->group_id, self->person_id);
  copy->id = self->id;
  copy->person_name = g_strdup (self->person_name);
  copy->phone = g_strdup (self->phone);
  copy->group_title = g_strdup (self->group_title);
  copy->meeting_on = g_strdup (self->meeting_on);
  copy->called_on = g_strdup (self->called_on);
  copy->situation = self->situation;
  copy->satisfied = self->satisfied;
  copy->note = g_strdup (self->note);
  return copy;
}

gint64
opora_followup_call_get_id (OporaFollowupCall *self)
{
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), 0);
  return self->id;
}

void
opora_followup_call_set_id (OporaFollowupCall *self,
                            gint64             id)
{
  g_return_if_fail (OPORA_IS_FOLLOWUP_CALL (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED_DISPLAY]);
}

gint64
opora_followup_call_get_group_id (OporaFollowupCall *self)
{
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), 0);
  return self->group_id;
}

gint64
opora_followup_call_get_person_id (OporaFollowupCall *self)
{
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), 0);
  return self->person_id;
}

#define DEFINE_TEXT(field, PROP, ALSO, ALSO2)                                 \
  const char *                                                                \
  opora_followup_call_get_##field (OporaFollowupCall *self)                   \
  {                                                                           \
    g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), NULL);               \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  opora_followup_call_set_##field (OporaFollowupCall *self,                   \
                                   const char        *value)                  \
  {                                                                           \
    g_return_if_fail (OPORA_IS_FOLLOWUP_CALL (self));                         \
    if (!replace_text (&self->field, value))                                  \
      return;                                                                 \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
    if (ALSO != PROP_0)                                                       \
      g_object_notify_by_pspec (G_OBJECT (self), properties[ALSO]);           \
    if (ALSO2 != PROP_0)                                                      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[ALSO2]);          \
  }

DEFINE_TEXT (person_name, PROP_PERSON_NAME, PROP_0, PROP_0)
DEFINE_TEXT (phone, PROP_PHONE, PROP_0, PROP_0)
DEFINE_TEXT (group_title, PROP_GROUP_TITLE, PROP_0, PROP_0)
DEFINE_TEXT (meeting_on, PROP_MEETING_ON, PROP_MEETING_DISPLAY, PROP_DUE_DISPLAY)
DEFINE_TEXT (called_on, PROP_CALLED_ON, PROP_CALLED_DISPLAY, PROP_0)
DEFINE_TEXT (note, PROP_NOTE, PROP_0, PROP_0)

char *
opora_followup_call_dup_due_on (OporaFollowupCall *self)
{
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), NULL);
  return opora_followup_call_due_on (self->meeting_on);
}

OporaSituation
opora_followup_call_get_situation (OporaFollowupCall *self)
{
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), OPORA_SITUATION_NONE);
  return self->situation;
}

void
opora_followup_call_set_situation (OporaFollowupCall *self,
                                   OporaSituation     situation)
{
  g_return_if_fail (OPORA_IS_FOLLOWUP_CALL (self));
  g_return_if_fail (situation <= OPORA_SITUATION_WORSE);

  if (self->situation == situation)
    return;
  self->situation = situation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION_DISPLAY]);
}

gboolean
opora_followup_call_get_satisfied (OporaFollowupCall *self)
{
  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), FALSE);
  return self->satisfied;
}

void
opora_followup_call_set_satisfied (OporaFollowupCall *self,
                                   gboolean           satisfied)
{
  g_return_if_fail (OPORA_IS_FOLLOWUP_CALL (self));

  satisfied = !!satisfied;
  if (self->satisfied == satisfied)
    return;
  self->satisfied = satisfied;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED_DISPLAY]);
}

gboolean
opora_followup_call_validate_field (OporaFollowupCall  *self,
                                    const char         *field,
                                    GError            **error)
{
  g_autofree char *due = NULL;

  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "situation"))
    {
      if (self->situation != OPORA_SITUATION_NONE)
        return TRUE;
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose how the person’s situation has changed"));
      return FALSE;
    }

  g_return_val_if_fail (g_str_equal (field, "called-on"), FALSE);

  if (self->called_on == NULL)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Enter the day of the call"));
      return FALSE;
    }
  if (!opora_date_is_valid_iso (self->called_on))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("“%s” is not a date: enter it as DD.MM.YYYY"), self->called_on);
      return FALSE;
    }
  due = opora_followup_call_dup_due_on (self);
  if (due != NULL && strcmp (self->called_on, due) < 0)
    {
      g_autofree char *due_display = opora_date_iso_to_display (due);

      g_set_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                   _("Call no earlier than a month after the meeting: not before %s"),
                   due_display);
      return FALSE;
    }
  return TRUE;
}

gboolean
opora_followup_call_validate (OporaFollowupCall  *self,
                              const char        **field,
                              GError            **error)
{
  static const char * const fields[] = { "called-on", "situation" };
  const char *unused;

  g_return_val_if_fail (OPORA_IS_FOLLOWUP_CALL (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!opora_followup_call_validate_field (self, fields[i], error))
      {
        *field = fields[i];
        return FALSE;
      }
  return TRUE;
}
