#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-group.h"

/* The nick of each value is the text stored in the database; NONE is never stored. */
G_DEFINE_ENUM_TYPE (OporaGroupKind, opora_group_kind,
                    G_DEFINE_ENUM_VALUE (OPORA_GROUP_KIND_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_GROUP_KIND_PEER_MEETING, "peer_meeting"),
                    G_DEFINE_ENUM_VALUE (OPORA_GROUP_KIND_AGENT_TRAINING, "agent_training"),
                    G_DEFINE_ENUM_VALUE (OPORA_GROUP_KIND_PSYCH_TRAINING, "psych_training"))

G_DEFINE_ENUM_TYPE (OporaMemberRole, opora_member_role,
                    G_DEFINE_ENUM_VALUE (OPORA_MEMBER_ROLE_PARTICIPANT, "participant"),
                    G_DEFINE_ENUM_VALUE (OPORA_MEMBER_ROLE_PEER, "peer"))

G_DEFINE_ENUM_TYPE (OporaAttendance, opora_attendance,
                    G_DEFINE_ENUM_VALUE (OPORA_ATTENDANCE_UNKNOWN, "unknown"),
                    G_DEFINE_ENUM_VALUE (OPORA_ATTENDANCE_ABSENT, "absent"),
                    G_DEFINE_ENUM_VALUE (OPORA_ATTENDANCE_PRESENT, "present"))

static const char * const kind_names[] = {
  NC_("group kind", "Not chosen"),
  NC_("group kind", "Peer exchange meeting"),
  NC_("group kind", "Social agents’ communication training"),
  NC_("group kind", "Psychological training"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == OPORA_GROUP_KIND_LAST + 1);

static const char * const role_names[] = {
  NC_("member role", "Participant"),
  NC_("member role", "Peer"),
};

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

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  /* Nicks are static strings: they outlive the class reference. */
  return v ? v->value_nick : NULL;
}

static int
enum_from_nick (GType       type,
                const char *text,
                int         fallback)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (text == NULL)
    return fallback;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, text);
  return v ? v->value : fallback;
}

const char *
opora_group_kind_to_string (OporaGroupKind kind)
{
  if (kind == OPORA_GROUP_KIND_NONE)
    return NULL;
  return enum_nick (OPORA_TYPE_GROUP_KIND, kind);
}

OporaGroupKind
opora_group_kind_from_string (const char *text)
{
  if (g_strcmp0 (text, "none") == 0)
    return OPORA_GROUP_KIND_NONE;
  return enum_from_nick (OPORA_TYPE_GROUP_KIND, text, OPORA_GROUP_KIND_NONE);
}

const char *
opora_group_kind_display_name (OporaGroupKind kind)
{
  g_return_val_if_fail (kind <= OPORA_GROUP_KIND_LAST, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "group kind", kind_names[kind]);
}

guint
opora_group_kind_max_members (OporaGroupKind kind)
{
  /* Seed 001: groups of no more than 5 agents; seed 002: no more than 12 people. */
  switch (kind)
    {
    case OPORA_GROUP_KIND_AGENT_TRAINING:
      return 5;
    case OPORA_GROUP_KIND_PSYCH_TRAINING:
      return 12;
    case OPORA_GROUP_KIND_NONE:
    case OPORA_GROUP_KIND_PEER_MEETING:
    default:
      return 0;
    }
}

void
opora_group_kind_duration_limits (OporaGroupKind  kind,
                                  guint          *min_minutes,
                                  guint          *max_minutes)
{
  /* Seeds 001 and 002: a group training lasts from 60 to 90 minutes. */
  gboolean training = kind == OPORA_GROUP_KIND_AGENT_TRAINING
                      || kind == OPORA_GROUP_KIND_PSYCH_TRAINING;

  if (min_minutes != NULL)
    *min_minutes = training ? 60 : 0;
  if (max_minutes != NULL)
    *max_minutes = training ? 90 : 0;
}

const char *
opora_member_role_to_string (OporaMemberRole role)
{
  return enum_nick (OPORA_TYPE_MEMBER_ROLE, role);
}

OporaMemberRole
opora_member_role_from_string (const char *text)
{
  return enum_from_nick (OPORA_TYPE_MEMBER_ROLE, text, OPORA_MEMBER_ROLE_PARTICIPANT);
}

const char *
opora_member_role_display_name (OporaMemberRole role)
{
  g_return_val_if_fail (role <= OPORA_MEMBER_ROLE_LAST, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "member role", role_names[role]);
}


/* The group */

struct _OporaGroup
{
  GObject         parent_instance;

  gint64          id;
  OporaGroupKind  kind;
  char           *title;
  char           *formed_on;
  char           *meeting_on;
  char           *start_time;
  guint           duration;
  char           *place;
  gint64          facilitator_id;
  char           *facilitator_name;
  gboolean        held;
  char           *analysis;
  GListStore     *members;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_FORMED_ON,
  PROP_MEETING_ON,
  PROP_START_TIME,
  PROP_DURATION,
  PROP_PLACE,
  PROP_FACILITATOR_ID,
  PROP_FACILITATOR_NAME,
  PROP_HELD,
  PROP_ANALYSIS,
  /* Read-only, for lists bound with <lookup>. */
  PROP_MEMBERS,
  PROP_KIND_DISPLAY,
  PROP_TITLE_DISPLAY,
  PROP_MEETING_DISPLAY,
  PROP_MEMBERS_SUMMARY,
  PROP_STATE_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaGroup, opora_group, G_TYPE_OBJECT)

static void
notify_members (OporaGroup *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBERS_SUMMARY]);
}

static void
member_notify_cb (OporaGroupMember *member,
                  GParamSpec       *pspec,
                  OporaGroup       *self)
{
  notify_members (self);
}

static void
disconnect_members (OporaGroup *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);
      g_signal_handlers_disconnect_by_data (member, self);
    }
}

static void
opora_group_dispose (GObject *object)
{
  OporaGroup *self = (OporaGroup *)object;

  if (self->members != NULL)
    {
      disconnect_members (self);
      g_clear_object (&self->members);
    }

  G_OBJECT_CLASS (opora_group_parent_class)->dispose (object);
}

static void
opora_group_finalize (GObject *object)
{
  OporaGroup *self = (OporaGroup *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->formed_on, g_free);
  g_clear_pointer (&self->meeting_on, g_free);
  g_clear_pointer (&self->start_time, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->facilitator_name, g_free);
  g_clear_pointer (&self->analysis, g_free);

  G_OBJECT_CLASS (opora_group_parent_class)->finalize (object);
}

static void
opora_group_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OporaGroup *self = OPORA_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FORMED_ON:
      g_value_set_string (value, self->formed_on);
      break;
    case PROP_MEETING_ON:
      g_value_set_string (value, self->meeting_on);
      break;
    case PROP_START_TIME:
      g_value_set_string (value, self->start_time);
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_FACILITATOR_ID:
      g_value_set_int64 (value, self->facilitator_id);
      break;
    case PROP_FACILITATOR_NAME:
      g_value_set_string (value, self->facilitator_name);
      break;
    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;
    case PROP_ANALYSIS:
      g_value_set_string (value, self->analysis);
      break;
    case PROP_MEMBERS:
      g_value_set_object (value, self->members);
      break;
    case PROP_KIND_DISPLAY:
      g_value_set_string (value, opora_group_kind_display_name (self->kind));
      break;
    case PROP_TITLE_DISPLAY:
      g_value_set_string (value, self->title ? self->title
                                             : opora_group_kind_display_name (self->kind));
      break;
    case PROP_MEETING_DISPLAY:
      g_value_take_string (value, opora_group_dup_meeting_display (self));
      break;
    case PROP_MEMBERS_SUMMARY:
      g_value_take_string (value, opora_group_dup_members_summary (self));
      break;
    case PROP_STATE_DISPLAY:
      g_value_set_string (value, self->held ? C_("group state", "Held")
                                            : C_("group state", "Planned"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_group_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OporaGroup *self = OPORA_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_group_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_KIND:
      opora_group_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_TITLE:
      opora_group_set_title (self, g_value_get_string (value));
      break;
    case PROP_FORMED_ON:
      opora_group_set_formed_on (self, g_value_get_string (value));
      break;
    case PROP_MEETING_ON:
      opora_group_set_meeting_on (self, g_value_get_string (value));
      break;
    case PROP_START_TIME:
      opora_group_set_start_time (self, g_value_get_string (value));
      break;
    case PROP_DURATION:
      opora_group_set_duration (self, g_value_get_uint (value));
      break;
    case PROP_PLACE:
      opora_group_set_place (self, g_value_get_string (value));
      break;
    case PROP_FACILITATOR_ID:
      opora_group_set_facilitator_id (self, g_value_get_int64 (value));
      break;
    case PROP_FACILITATOR_NAME:
      opora_group_set_facilitator_name (self, g_value_get_string (value));
      break;
    case PROP_HELD:
      opora_group_set_held (self, g_value_get_boolean (value));
      break;
    case PROP_ANALYSIS:
      opora_group_set_analysis (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_group_class_init (OporaGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = opora_group_dispose;
  object_class->finalize = opora_group_finalize;
  object_class->get_property = opora_group_get_property;
  object_class->set_property = opora_group_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, OPORA_TYPE_GROUP_KIND,
                                             OPORA_GROUP_KIND_NONE, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_FORMED_ON] = g_param_spec_string ("formed-on", NULL, NULL, NULL, rw);
  properties[PROP_MEETING_ON] = g_param_spec_string ("meeting-on", NULL, NULL, NULL, rw);
  properties[PROP_START_TIME] = g_param_spec_string ("start-time", NULL, NULL, NULL, rw);
  properties[PROP_DURATION] = g_param_spec_uint ("duration", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, rw);
  properties[PROP_FACILITATOR_ID] =
    g_param_spec_int64 ("facilitator-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FACILITATOR_NAME] =
    g_param_spec_string ("facilitator-name", NULL, NULL, NULL, rw);
  properties[PROP_HELD] = g_param_spec_boolean ("held", NULL, NULL, FALSE, rw);
  properties[PROP_ANALYSIS] = g_param_spec_string ("analysis", NULL, NULL, NULL, rw);
  properties[PROP_MEMBERS] =
    g_param_spec_object ("members", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_KIND_DISPLAY] = g_param_spec_string ("kind-display", NULL, NULL, NULL, ro);
  properties[PROP_TITLE_DISPLAY] = g_param_spec_string ("title-display", NULL, NULL, NULL, ro);
  properties[PROP_MEETING_DISPLAY] =
    g_param_spec_string ("meeting-display", NULL, NULL, NULL, ro);
  properties[PROP_MEMBERS_SUMMARY] =
    g_param_spec_string ("members-summary", NULL, NULL, NULL, ro);
  properties[PROP_STATE_DISPLAY] = g_param_spec_string ("state-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_group_init (OporaGroup *self)
{
  self->members = g_list_store_new (OPORA_TYPE_GROUP_MEMBER);
}

OporaGroup *
opora_group_new (OporaGroupKind kind)
{
  OporaGroup *self = g_object_new (OPORA_TYPE_GROUP, "kind", kind, NULL);

  self->formed_on = opora_date_today_iso ();
  return self;
}

OporaGroup *
opora_group_copy (OporaGroup *self)
{
  OporaGroup *copy;
  guint n;

  g_return_val_if_fail (OPORA_IS_GROUP (self), NULL);

  copy = opora_group_new (self->kind);
  copy->id = self->id;
  copy->title = g_strdup (self->title);
  g_free (copy->formed_on);
  copy->formed_on = g_strdup (self->formed_on);
  copy->meeting_on = g_strdup (self->meeting_on);
  copy->start_time = g_strdup (self->start_time);
  copy->duration = self->duration;
  copy->place = g_strdup (self->place);
  copy->facilitator_id = self->facilitator_id;
  copy->facilitator_name = g_strdup (self->facilitator_name);
  copy->held = self->held;
  copy->analysis = g_strdup (self->analysis);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);
      g_autoptr(OporaGroupMember) member_copy = opora_group_member_copy (member);

      opora_group_add_member (copy, member_copy);
    }
  return copy;
}

gint64
opora_group_get_id (OporaGroup *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP (self), 0);
  return self->id;
}

void
opora_group_set_id (OporaGroup *self,
                    gint64      id)
{
  g_return_if_fail (OPORA_IS_GROUP (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

OporaGroupKind
opora_group_get_kind (OporaGroup *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP (self), OPORA_GROUP_KIND_NONE);
  return self->kind;
}

void
opora_group_set_kind (OporaGroup     *self,
                      OporaGroupKind  kind)
{
  g_return_if_fail (OPORA_IS_GROUP (self));
  g_return_if_fail (kind <= OPORA_GROUP_KIND_LAST);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_DISPLAY]);
  notify_members (self);
}

/* Each text setter notifies its own property and the displays made from it. */
#define DEFINE_TEXT_PROPERTY(field, PROP, ALSO)                                       \
  const char *                                                                        \
  opora_group_get_##field (OporaGroup *self)                                          \
  {                                                                                   \
    g_return_val_if_fail (OPORA_IS_GROUP (self), NULL);                               \
    return self->field;                                                               \
  }                                                                                   \
  void                                                                                \
  opora_group_set_##field (OporaGroup *self,                                          \
                           const char *field)                                         \
  {                                                                                   \
    g_return_if_fail (OPORA_IS_GROUP (self));                                         \
    if (!replace_text (&self->field, field))                                          \
      return;                                                                         \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                     \
    if (ALSO != PROP_0)                                                               \
      g_object_notify_by_pspec (G_OBJECT (self), properties[ALSO]);                   \
  }

DEFINE_TEXT_PROPERTY (title, PROP_TITLE, PROP_TITLE_DISPLAY)
DEFINE_TEXT_PROPERTY (formed_on, PROP_FORMED_ON, PROP_0)
DEFINE_TEXT_PROPERTY (meeting_on, PROP_MEETING_ON, PROP_MEETING_DISPLAY)
DEFINE_TEXT_PROPERTY (start_time, PROP_START_TIME, PROP_MEETING_DISPLAY)
DEFINE_TEXT_PROPERTY (place, PROP_PLACE, PROP_0)
DEFINE_TEXT_PROPERTY (facilitator_name, PROP_FACILITATOR_NAME, PROP_0)
DEFINE_TEXT_PROPERTY (analysis, PROP_ANALYSIS, PROP_0)

guint
opora_group_get_duration (OporaGroup *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP (self), 0);
  return self->duration;
}

void
opora_group_set_duration (OporaGroup *self,
                          guint       minutes)
{
  g_return_if_fail (OPORA_IS_GROUP (self));

  if (self->duration == minutes)
    return;
  self->duration = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

gint64
opora_group_get_facilitator_id (OporaGroup *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP (self), 0);
  return self->facilitator_id;
}

void
opora_group_set_facilitator_id (OporaGroup *self,
                                gint64      facilitator_id)
{
  g_return_if_fail (OPORA_IS_GROUP (self));

  if (self->facilitator_id == facilitator_id)
    return;
  self->facilitator_id = facilitator_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACILITATOR_ID]);
}

gboolean
opora_group_get_held (OporaGroup *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP (self), FALSE);
  return self->held;
}

void
opora_group_set_held (OporaGroup *self,
                      gboolean    held)
{
  g_return_if_fail (OPORA_IS_GROUP (self));

  held = !!held;
  if (self->held == held)
    return;
  self->held = held;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_DISPLAY]);
}

GListModel *
opora_group_get_members (OporaGroup *self)
{
  g_return_val_if_fail (OPORA_IS_GROUP (self), NULL);
  return G_LIST_MODEL (self->members);
}

void
opora_group_add_member (OporaGroup       *self,
                        OporaGroupMember *member)
{
  g_return_if_fail (OPORA_IS_GROUP (self));
  g_return_if_fail (OPORA_IS_GROUP_MEMBER (member));

  g_signal_connect_object (member, "notify", G_CALLBACK (member_notify_cb), self, 0);
  g_list_store_append (self->members, member);
  notify_members (self);
}

void
opora_group_remove_member (OporaGroup       *self,
                           OporaGroupMember *member)
{
  guint position;

  g_return_if_fail (OPORA_IS_GROUP (self));
  g_return_if_fail (OPORA_IS_GROUP_MEMBER (member));

  if (!g_list_store_find (self->members, member, &position))
    return;
  g_signal_handlers_disconnect_by_data (member, self);
  g_list_store_remove (self->members, position);
  notify_members (self);
}

OporaGroupMember *
opora_group_find_member (OporaGroup *self,
                         gint64      person_id)
{
  GListModel *model;

  g_return_val_if_fail (OPORA_IS_GROUP (self), NULL);

  model = G_LIST_MODEL (self->members);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (model, i);

      if (opora_group_member_get_person_id (member) == person_id)
        return member; /* the list keeps it alive */
    }
  return NULL;
}

guint
opora_group_count_members (OporaGroup      *self,
                           OporaMemberRole  role)
{
  GListModel *model;
  guint n = 0;

  g_return_val_if_fail (OPORA_IS_GROUP (self), 0);

  model = G_LIST_MODEL (self->members);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (model, i);

      if (opora_group_member_get_role (member) == role)
        n++;
    }
  return n;
}

char *
opora_group_dup_meeting_display (OporaGroup *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (OPORA_IS_GROUP (self), NULL);

  date = opora_date_iso_to_display (self->meeting_on);
  if (date == NULL)
    return NULL;
  if (self->start_time == NULL)
    return g_steal_pointer (&date);
  /* Translators: a meeting's date and start time, "31.01.2024, 18:00". */
  return g_strdup_printf (_("%s, %s"), date, self->start_time);
}

char *
opora_group_dup_members_summary (OporaGroup *self)
{
  guint peers, participants;
  g_autofree char *of_participants = NULL;

  g_return_val_if_fail (OPORA_IS_GROUP (self), NULL);

  peers = opora_group_count_members (self, OPORA_MEMBER_ROLE_PEER);
  participants = opora_group_count_members (self, OPORA_MEMBER_ROLE_PARTICIPANT);
  of_participants = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant",
                                                  "%u participants", participants),
                                     participants);
  if (self->kind != OPORA_GROUP_KIND_PEER_MEETING && peers == 0)
    return g_steal_pointer (&of_participants);
  /* Translators: "2 peers, 5 participants". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u peer, %s", "%u peers, %s", peers),
                          peers, of_participants);
}
