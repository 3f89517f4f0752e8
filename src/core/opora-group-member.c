#define G_LOG_DOMAIN "opora-core"

#include "opora-group.h"

/* One member of a group activity: who, in which role, and whether they came. */

/* Empty text is no text: an entry left blank stores NULL. */
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

struct _OporaGroupMember
{
  GObject          parent_instance;

  gint64           person_id;
  char            *person_name;
  char            *phone;
  char            *detail;
  OporaMemberRole  role;
  OporaAttendance  attendance;
};

enum {
  MEMBER_PROP_0,
  MEMBER_PROP_PERSON_ID,
  MEMBER_PROP_PERSON_NAME,
  MEMBER_PROP_PHONE,
  MEMBER_PROP_DETAIL,
  MEMBER_PROP_ROLE,
  MEMBER_PROP_ATTENDANCE,
  /* TRUE when present; setting it records attendance (a check box binds to it). */
  MEMBER_PROP_ATTENDED,
  MEMBER_PROP_ROLE_DISPLAY,
  N_MEMBER_PROPS
};

static GParamSpec *member_properties[N_MEMBER_PROPS];

G_DEFINE_FINAL_TYPE (OporaGroupMember, opora_group_member, G_TYPE_OBJECT)

static void
opora_group_member_finalize (GObject *object)
{
  OporaGroupMember *self = (OporaGroupMember *)object;

  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (opora_group_member_parent_class)->finalize (object);
}

static void
opora_group_member_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OporaGroupMember *self = OPORA_GROUP_MEMBER (object);

  switch (prop_id)
    {
    case MEMBER_PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case MEMBER_PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case MEMBER_PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case MEMBER_PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case MEMBER_PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case MEMBER_PROP_ATTENDANCE:
      g_value_set_enum (value, self->attendance);
      break;
    case MEMBER_PROP_ATTENDED:
      g_value_set_boolean (value, self->attendance == OPORA_ATTENDANCE_PRESENT);
      break;
    case MEMBER_PROP_ROLE_DISPLAY:
      g_value_set_string (value, opora_member_role_display_name (self->role));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_group_member_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OporaGroupMember *self = OPORA_GROUP_MEMBER (object);

  switch (prop_id)
    {
    case MEMBER_PROP_PERSON_ID:
      opora_group_member_set_person_id (self, g_value_get_int64 (value));
      break;
    case MEMBER_PROP_PERSON_NAME:
      opora_group_member_set_person_name (self, g_value_get_string (value));
      break;
    case MEMBER_PROP_PHONE:
      opora_group_member_set_phone (self, g_value_get_string (value));
      break;
    case MEMBER_PROP_DETAIL:
      opora_group_member_set_detail (self, g_value_get_string (value));
      break;
    case MEMBER_PROP_ROLE:
      opora_group_member_set_role (self, g_value_get_enum (value));
      break;
    case MEMBER_PROP_ATTENDANCE:
      opora_group_member_set_attendance (self, g_value_get_enum (value));
      break;
    case MEMBER_PROP_ATTENDED:
      opora_group_member_set_attendance (self, g_value_get_boolean (value)
                                               ? OPORA_ATTENDANCE_PRESENT
                                               : OPORA_ATTENDANCE_ABSENT);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_group_member_class_init (OporaGroupMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_group_member_finalize;
  object_class->get_property = opora_group_member_get_property;
  object_class->set_property = opora_group_member_set_property;

  member_properties[MEMBER_PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  member_properties[MEMBER_PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, rw);
  member_properties[MEMBER_PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  member_properties[MEMBER_PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, rw);
  member_properties[MEMBER_PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, OPORA_TYPE_MEMBER_ROLE,
                       OPORA_MEMBER_ROLE_PARTICIPANT, rw);
  member_properties[MEMBER_PROP_ATTENDANCE] =
    g_param_spec_enum ("attendance", NULL, NULL, OPORA_TYPE_ATTENDANCE,
                       OPORA_ATTENDANCE_UNKNOWN, rw);
  member_properties[MEMBER_PROP_ATTENDED] =
    g_param_spec_boolean ("attended", NULL, NULL, FALSE, rw);
  member_properties[MEMBER_PROP_ROLE_DISPLAY] =
    g_param_spec_string ("role-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_MEMBER_PROPS, member_properties);
}

static void
opora_group_member_init (OporaGroupMember *self)
{
}

OporaGroupMember *
opora_group_member_new (gint64          person_id,
                        OporaMemberRole role)
{
  return g_object_new (OPORA_TYPE_GROUP_MEMBER, "person-id", person_id, "role", role, NULL);
}

OporaGroupMember *
opora_group_member_copy (OporaGroupMember *self)
{
  OporaGroupMember *copy;

  g_return_val_if_fail (OPORA_IS_GROUP_MEMBER (self), NULL);

  copy = opora_group_member_new (self->person_id, self->role);
  copy->person_name = g_strdup (self->person_name);
  copy->phone = g_strdup (self->phone);
  copy->detail = g_strdup (self->detail);
  copy->attendance = self->attendance;
  return copy;
}

gint64
opora_group_member_get_person_id (OporaGroupMember *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP_MEMBER (self), 0);
  return self->person_id;
}

void
opora_group_member_set_person_id (OporaGroupMember *self,
                                  gint64            person_id)
{
  g_return_if_fail (OPORA_IS_GROUP_MEMBER (self));

  if (self->person_id == person_id)
    return;
  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), member_properties[MEMBER_PROP_PERSON_ID]);
}

#define DEFINE_MEMBER_TEXT(field, PROP)                                               \
  const char *                                                                        \
  opora_group_member_get_##field (OporaGroupMember *self)                             \
  {                                                                                   \
    g_return_val_if_fail (OPORA_IS_GROUP_MEMBER (self), NULL);                        \
    return self->field;                                                               \
  }                                                                                   \
  void                                                                                \
  opora_group_member_set_##field (OporaGroupMember *self,                             \
                                  const char       *field)                            \
  {                                                                                   \
    g_return_if_fail (OPORA_IS_GROUP_MEMBER (self));                                  \
    if (replace_text (&self->field, field))                                           \
      g_object_notify_by_pspec (G_OBJECT (self), member_properties[PROP]);            \
  }

DEFINE_MEMBER_TEXT (person_name, MEMBER_PROP_PERSON_NAME)
DEFINE_MEMBER_TEXT (phone, MEMBER_PROP_PHONE)
DEFINE_MEMBER_TEXT (detail, MEMBER_PROP_DETAIL)

OporaMemberRole
opora_group_member_get_role (OporaGroupMember *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP_MEMBER (self), OPORA_MEMBER_ROLE_PARTICIPANT);
  return self->role;
}

void
opora_group_member_set_role (OporaGroupMember *self,
                             OporaMemberRole   role)
{
  g_return_if_fail (OPORA_IS_GROUP_MEMBER (self));
  g_return_if_fail (role <= OPORA_MEMBER_ROLE_LAST);

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), member_properties[MEMBER_PROP_ROLE]);
  g_object_notify_by_pspec (G_OBJECT (self), member_properties[MEMBER_PROP_ROLE_DISPLAY]);
}

OporaAttendance
opora_group_member_get_attendance (OporaGroupMember *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP_MEMBER (self), OPORA_ATTENDANCE_UNKNOWN);
  return self->attendance;
}

void
opora_group_member_set_attendance (OporaGroupMember *self,
                                   OporaAttendance   attendance)
{
  g_return_if_fail (OPORA_IS_GROUP_MEMBER (self));
  g_return_if_fail (attendance <= OPORA_ATTENDANCE_PRESENT);

  if (self->attendance == attendance)
    return;
  self->attendance = attendance;
  g_object_notify_by_pspec (G_OBJECT (self), member_properties[MEMBER_PROP_ATTENDANCE]);
  g_object_notify_by_pspec (G_OBJECT (self), member_properties[MEMBER_PROP_ATTENDED]);
}

gboolean
opora_group_member_is_attendee (OporaGroupMember *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP_MEMBER (self), FALSE);
  return self->role == OPORA_MEMBER_ROLE_PARTICIPANT
         && self->attendance == OPORA_ATTENDANCE_PRESENT;
}
