#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-group.h"

/* The rules of a group activity, from the seeds: the size and length of trainings, what a
 * held meeting needs, and when attendance can be recorded. */

/* The rule-bearing fields, in the order a form shows them. */
static const char * const checked_fields[] = {
  "kind", "formed-on", "meeting-on", "start-time", "duration", "members", "held", "attendance",
};

gboolean
opora_group_parse_time (const char  *text,
                        char       **out_time,
                        GError     **error)
{
  g_autofree char *s = g_strstrip (g_strdup (text ? text : ""));
  const char *p = s;
  guint hours = 0, minutes = 0, digits = 0;

  *out_time = NULL;
  if (*s == '\0')
    return TRUE;

  for (; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    hours = hours * 10 + (guint) (*p - '0');
  if (digits == 0 || (*p != ':' && *p != '.'))
    goto refused;
  p++;
  for (digits = 0; g_ascii_isdigit (*p) && digits < 2; p++, digits++)
    minutes = minutes * 10 + (guint) (*p - '0');
  if (digits != 2 || *p != '\0' || hours > 23 || minutes > 59)
    goto refused;

  *out_time = g_strdup_printf ("%02u:%02u", hours, minutes);
  return TRUE;

refused:
  g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
               _("“%s” is not a time: enter hours and minutes as HH:MM, such as 18:30"), s);
  return FALSE;
}


static gboolean
check_date (const char  *iso,
            gboolean     required,
            const char  *required_message,
            GError     **error)
{
  if (iso == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED, required_message);
      return FALSE;
    }
  if (!opora_date_is_valid_iso (iso))
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                   _("“%s” is not a date: enter it as DD.MM.YYYY"), iso);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_duration (OporaGroup  *self,
                GError     **error)
{
  guint minutes = opora_group_get_duration (self);
  guint min = 0, max = 0;

  opora_group_kind_duration_limits (opora_group_get_kind (self), &min, &max);
  if (minutes == 0 || max == 0 || (minutes >= min && minutes <= max))
    return TRUE;

  if (opora_group_get_kind (self) == OPORA_GROUP_KIND_AGENT_TRAINING)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                 _("A social agents’ communication training lasts from %u to %u minutes"),
                 min, max);
  else
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                 _("A psychological training lasts from %u to %u minutes"), min, max);
  return FALSE;
}

static gboolean
check_members (OporaGroup        *self,
               OporaGroupMember **at_fault,
               GError           **error)
{
  OporaGroupKind kind = opora_group_get_kind (self);
  GListModel *members = opora_group_get_members (self);
  guint n = g_list_model_get_n_items (members);
  guint max = opora_group_kind_max_members (kind);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (members, i);
      gint64 id = opora_group_member_get_person_id (member);

      if (id <= 0)
        {
          *at_fault = member;
          g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                               _("Choose the person for each member of the group"));
          return FALSE;
        }
      /* Groups are a dozen people at most: a plain search is enough. */
      if (opora_group_find_member (self, id) != member)
        {
          *at_fault = member;
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_DUPLICATE,
                       _("%s is in the group twice: a person takes part once"),
                       opora_group_member_get_person_name (member)
                       ? opora_group_member_get_person_name (member) : _("A person"));
          return FALSE;
        }
      if (kind != OPORA_GROUP_KIND_PEER_MEETING
          && opora_group_member_get_role (member) == OPORA_MEMBER_ROLE_PEER)
        {
          *at_fault = member;
          g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                               _("Only a peer meeting has peers who share their experience: "
                                 "everyone in a training is a participant"));
          return FALSE;
        }
    }

  if (max == 0 || n <= max)
    return TRUE;
  if (kind == OPORA_GROUP_KIND_AGENT_TRAINING)
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                 _("A social agents’ communication training is for no more than %u people; "
                   "this group has %u"), max, n);
  else
    g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                 _("A psychological training is for no more than %u people; this group has %u"),
                 max, n);
  return FALSE;
}

static gboolean
check_attendance (OporaGroup        *self,
                  OporaGroupMember **at_fault,
                  GError           **error)
{
  GListModel *members = opora_group_get_members (self);

  if (opora_group_get_held (self))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(OporaGroupMember) member = g_list_model_get_item (members, i);

      if (opora_group_member_get_attendance (member) != OPORA_ATTENDANCE_UNKNOWN)
        {
          *at_fault = member;
          g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                               _("Attendance is recorded once the meeting is held"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
opora_group_validate_field (OporaGroup        *self,
                            const char        *field,
                            OporaGroupMember **member,
                            GError           **error)
{
  OporaGroupMember *unused_member;
  const char *formed_on, *meeting_on;

  g_return_val_if_fail (OPORA_IS_GROUP (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (member == NULL)
    member = &unused_member;
  *member = NULL;
  formed_on = opora_group_get_formed_on (self);
  meeting_on = opora_group_get_meeting_on (self);

  if (g_str_equal (field, "kind"))
    {
      if (opora_group_get_kind (self) != OPORA_GROUP_KIND_NONE)
        return TRUE;
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose what the group is for"));
      return FALSE;
    }
  if (g_str_equal (field, "formed-on"))
    return check_date (formed_on, TRUE, _("Enter the day the group was formed"), error);
  if (g_str_equal (field, "meeting-on"))
    {
      if (!check_date (meeting_on, opora_group_get_held (self),
                       _("A held meeting needs its date"), error))
        return FALSE;
      if (meeting_on == NULL || formed_on == NULL || !opora_date_is_valid_iso (formed_on)
          || strcmp (meeting_on, formed_on) >= 0)
        return TRUE;
      {
        g_autofree char *meeting = opora_date_iso_to_display (meeting_on);
        g_autofree char *formed = opora_date_iso_to_display (formed_on);

        g_set_error (error, OPORA_ERROR, OPORA_ERROR_DATE_ORDER,
                     _("The meeting (%s) cannot be before the group was formed (%s)"),
                     meeting, formed);
        return FALSE;
      }
    }
  if (g_str_equal (field, "start-time"))
    {
      g_autofree char *normal = NULL;
      const char *time = opora_group_get_start_time (self);

      if (!opora_group_parse_time (time, &normal, error))
        return FALSE;
      if (g_strcmp0 (normal, time) == 0)
        return TRUE;
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                   _("“%s” is not a time: enter hours and minutes as HH:MM, such as 18:30"), time);
      return FALSE;
    }
  if (g_str_equal (field, "duration"))
    return check_duration (self, error);
  if (g_str_equal (field, "members"))
    return check_members (self, member, error);
  if (g_str_equal (field, "held"))
    {
      /* Seed 000: the psychologist holds the meeting "with both sides taking part". */
      if (!opora_group_get_held (self)
          || opora_group_get_kind (self) != OPORA_GROUP_KIND_PEER_MEETING
          || (opora_group_count_members (self, OPORA_MEMBER_ROLE_PEER) > 0
              && opora_group_count_members (self, OPORA_MEMBER_ROLE_PARTICIPANT) > 0))
        return TRUE;
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                           _("A peer meeting is held with both sides: add at least one peer "
                             "who shares and one participant who receives"));
      return FALSE;
    }
  if (g_str_equal (field, "attendance"))
    return check_attendance (self, member, error);

  g_return_val_if_reached (FALSE);
}

gboolean
opora_group_validate (OporaGroup        *self,
                      const char       **field,
                      OporaGroupMember **member,
                      GError           **error)
{
  const char *unused_field;

  g_return_val_if_fail (OPORA_IS_GROUP (self), FALSE);

  if (field == NULL)
    field = &unused_field;
  *field = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields); i++)
    if (!opora_group_validate_field (self, checked_fields[i], member, error))
      {
        *field = checked_fields[i];
        return FALSE;
      }
  return TRUE;
}
