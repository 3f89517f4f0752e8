/* A group activity (групповое мероприятие): a group of persons formed by a staff member for
 * one purpose — a peer exchange meeting («Равный – равному»), a social agents'
 * communication training, a psychological training (social lift) — with its meeting (date,
 * start time, duration, place, facilitator), its members, each taking part as a peer who
 * shares or a participant who receives, and, once held, their attendance and an analysis.
 * The seeds' rules for each kind are checked here, each refused with a message naming it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a group is for. NONE: not chosen yet (refused on save, never stored). */
typedef enum
{
  OPORA_GROUP_KIND_NONE,
  OPORA_GROUP_KIND_PEER_MEETING,   /* встреча по обмену опытом «Равный – равному» */
  OPORA_GROUP_KIND_AGENT_TRAINING, /* тренинг по коммуникации социальных агентов */
  OPORA_GROUP_KIND_PSYCH_TRAINING, /* психологический тренинг («Социальный лифт») */
} OporaGroupKind;

#define OPORA_GROUP_KIND_LAST OPORA_GROUP_KIND_PSYCH_TRAINING

/* How a member takes part: a participant receives help, a peer shares their experience
 * (only in a peer meeting). */
typedef enum
{
  OPORA_MEMBER_ROLE_PARTICIPANT,
  OPORA_MEMBER_ROLE_PEER,
} OporaMemberRole;

#define OPORA_MEMBER_ROLE_LAST OPORA_MEMBER_ROLE_PEER

/* UNKNOWN until the meeting is held and attendance is recorded. */
typedef enum
{
  OPORA_ATTENDANCE_UNKNOWN,
  OPORA_ATTENDANCE_ABSENT,
  OPORA_ATTENDANCE_PRESENT,
} OporaAttendance;

#define OPORA_TYPE_GROUP_KIND  (opora_group_kind_get_type ())
#define OPORA_TYPE_MEMBER_ROLE (opora_member_role_get_type ())
#define OPORA_TYPE_ATTENDANCE  (opora_attendance_get_type ())

GType            opora_group_kind_get_type          (void) G_GNUC_CONST;
GType            opora_member_role_get_type         (void) G_GNUC_CONST;
GType            opora_attendance_get_type          (void) G_GNUC_CONST;

/* The text stored in the database ("peer_meeting"); NULL for NONE. */
const char      *opora_group_kind_to_string         (OporaGroupKind   kind);
/* NONE for NULL or text that names no kind. */
OporaGroupKind   opora_group_kind_from_string       (const char      *text);
/* The translated name for people («Встреча „Равный – равному“»). */
const char      *opora_group_kind_display_name      (OporaGroupKind   kind);
/* The largest group the kind allows (5, 12), or 0 when the seeds set no limit. */
guint            opora_group_kind_max_members       (OporaGroupKind   kind);
/* The shortest and longest meeting the kind allows in minutes (60, 90), or 0 and 0. */
void             opora_group_kind_duration_limits   (OporaGroupKind   kind,
                                                     guint           *min_minutes,
                                                     guint           *max_minutes);

/* "peer" or "participant". */
const char      *opora_member_role_to_string        (OporaMemberRole  role);
/* PARTICIPANT for NULL or unknown text. */
OporaMemberRole  opora_member_role_from_string      (const char      *text);
const char      *opora_member_role_display_name     (OporaMemberRole  role);

/* "HH:MM" from "9:30", "09:30" or "9.30"; empty text gives TRUE and NULL. Anything else is
 * OPORA_ERROR_INVALID_VALUE. */
gboolean         opora_group_parse_time             (const char      *text,
                                                     char           **out_time,
                                                     GError         **error);

/* One member of a group: a person, the role, the attendance. "person-name", "phone" and
 * "detail" are for showing (the store fills them); "detail" says where a candidate for a
 * group comes from (the register of peers, a wish). */
#define OPORA_TYPE_GROUP_MEMBER (opora_group_member_get_type ())
G_DECLARE_FINAL_TYPE (OporaGroupMember, opora_group_member, OPORA, GROUP_MEMBER, GObject)

OporaGroupMember *opora_group_member_new            (gint64            person_id,
                                                     OporaMemberRole   role);
OporaGroupMember *opora_group_member_copy           (OporaGroupMember *self);
gint64           opora_group_member_get_person_id   (OporaGroupMember *self);
void             opora_group_member_set_person_id   (OporaGroupMember *self,
                                                     gint64            person_id);
const char      *opora_group_member_get_person_name (OporaGroupMember *self);
void             opora_group_member_set_person_name (OporaGroupMember *self,
                                                     const char       *person_name);
const char      *opora_group_member_get_phone       (OporaGroupMember *self);
void             opora_group_member_set_phone       (OporaGroupMember *self,
                                                     const char       *phone);
const char      *opora_group_member_get_detail      (OporaGroupMember *self);
void             opora_group_member_set_detail      (OporaGroupMember *self,
                                                     const char       *detail);
OporaMemberRole  opora_group_member_get_role        (OporaGroupMember *self);
void             opora_group_member_set_role        (OporaGroupMember *self,
                                                     OporaMemberRole   role);
OporaAttendance  opora_group_member_get_attendance  (OporaGroupMember *self);
void             opora_group_member_set_attendance  (OporaGroupMember *self,
                                                     OporaAttendance   attendance);
/* An attendee: a participant (who receives help) present at the meeting. */
gboolean         opora_group_member_is_attendee     (OporaGroupMember *self);

#define OPORA_TYPE_GROUP (opora_group_get_type ())
G_DECLARE_FINAL_TYPE (OporaGroup, opora_group, OPORA, GROUP, GObject)

OporaGroup      *opora_group_new                    (OporaGroupKind    kind);
/* A deep copy: the members are copied too, so an editor can change them freely. */
OporaGroup      *opora_group_copy                   (OporaGroup       *self);

/* 0 until the store saves it. */
gint64           opora_group_get_id                 (OporaGroup       *self);
void             opora_group_set_id                 (OporaGroup       *self,
                                                     gint64            id);
OporaGroupKind   opora_group_get_kind               (OporaGroup       *self);
void             opora_group_set_kind               (OporaGroup       *self,
                                                     OporaGroupKind    kind);
/* Empty text is NULL for every text field; dates are ISO 'YYYY-MM-DD'. */
const char      *opora_group_get_title              (OporaGroup       *self);
void             opora_group_set_title              (OporaGroup       *self,
                                                     const char       *title);
/* The day the group was formed; a new group is formed today. */
const char      *opora_group_get_formed_on          (OporaGroup       *self);
void             opora_group_set_formed_on          (OporaGroup       *self,
                                                     const char       *formed_on);
const char      *opora_group_get_meeting_on         (OporaGroup       *self);
void             opora_group_set_meeting_on         (OporaGroup       *self,
                                                     const char       *meeting_on);
/* "HH:MM". */
const char      *opora_group_get_start_time         (OporaGroup       *self);
void             opora_group_set_start_time         (OporaGroup       *self,
                                                     const char       *start_time);
/* Minutes; 0 when not set. */
guint            opora_group_get_duration           (OporaGroup       *self);
void             opora_group_set_duration           (OporaGroup       *self,
                                                     guint             minutes);
const char      *opora_group_get_place              (OporaGroup       *self);
void             opora_group_set_place              (OporaGroup       *self,
                                                     const char       *place);
/* A staff member (a psychologist), 0 for none; the name is for showing. */
gint64           opora_group_get_facilitator_id     (OporaGroup       *self);
void             opora_group_set_facilitator_id     (OporaGroup       *self,
                                                     gint64            facilitator_id);
const char      *opora_group_get_facilitator_name   (OporaGroup       *self);
void             opora_group_set_facilitator_name   (OporaGroup       *self,
                                                     const char       *name);
gboolean         opora_group_get_held               (OporaGroup       *self);
void             opora_group_set_held               (OporaGroup       *self,
                                                     gboolean          held);
const char      *opora_group_get_analysis           (OporaGroup       *self);
void             opora_group_set_analysis           (OporaGroup       *self,
                                                     const char       *analysis);

/* The members, a list of OporaGroupMember owned by @self, in the order added. */
GListModel      *opora_group_get_members            (OporaGroup       *self);
void             opora_group_add_member             (OporaGroup       *self,
                                                     OporaGroupMember *member);
void             opora_group_remove_member          (OporaGroup       *self,
                                                     OporaGroupMember *member);
OporaGroupMember *opora_group_find_member           (OporaGroup       *self,
                                                     gint64            person_id);
guint            opora_group_count_members          (OporaGroup       *self,
                                                     OporaMemberRole   role);

/* "31.01.2024, 18:00" or "31.01.2024", NULL without a date. */
char            *opora_group_dup_meeting_display    (OporaGroup       *self);
/* "2 peers, 5 participants", or "7 participants" for a training (translated). */
char            *opora_group_dup_members_summary    (OporaGroup       *self);

/* Checks one rule-bearing field: "kind", "formed-on", "meeting-on", "start-time",
 * "duration", "members" (size, roles, duplicates), "held" (what a held meeting needs) or
 * "attendance". On refusal sets @error (OPORA_ERROR_REQUIRED, _INVALID_DATE,
 * _INVALID_VALUE, _DATE_ORDER, _DUPLICATE) and @member to the member at fault, if any. */
gboolean         opora_group_validate_field         (OporaGroup        *self,
                                                     const char        *field,
                                                     OporaGroupMember **member,
                                                     GError           **error);
/* Every field in that order; @field gets the first refused. @field, @member may be NULL. */
gboolean         opora_group_validate               (OporaGroup        *self,
                                                     const char       **field,
                                                     OporaGroupMember **member,
                                                     GError           **error);

G_END_DECLS
