#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-peer.h"

G_DEFINE_ENUM_TYPE (OporaWishSource, opora_wish_source,
                    G_DEFINE_ENUM_VALUE (OPORA_WISH_SOURCE_HAND, "hand"),
                    G_DEFINE_ENUM_VALUE (OPORA_WISH_SOURCE_SURVEY, "survey"),
                    G_DEFINE_ENUM_VALUE (OPORA_WISH_SOURCE_BOTH, "both"))

static const char * const source_names[] = {
  NC_("wish source", "Marked by hand"),
  NC_("wish source", "Survey: question 2"),
  NC_("wish source", "Survey and by hand"),
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

static gboolean
check_required_date (const char  *iso,
                     const char  *required_message,
                     GError     **error)
{
  if (iso == NULL)
    {
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

const char *
opora_wish_source_display_name (OporaWishSource source)
{
  g_return_val_if_fail (source <= OPORA_WISH_SOURCE_BOTH, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "wish source", source_names[source]);
}

char *
opora_followup_call_due_on (const char *meeting_on)
{
  GDate meeting, due;

  if (meeting_on == NULL || !opora_date_parse (meeting_on, &meeting, NULL))
    return NULL;
  opora_date_add_calendar_month (&meeting, &due);
  return opora_date_to_iso (&due);
}

char *
opora_followup_call_last_meeting_due_by (const char *iso_date)
{
  GDate day, last;

  if (iso_date == NULL || !opora_date_is_valid_iso (iso_date)
      || !opora_date_parse (iso_date, &day, NULL))
    return NULL;

  /* "One calendar month later" never decreases as the meeting moves later, so the
   * meetings due by a day are those up to one last day: on a month's last day, every
   * meeting of the month before (31.03 takes 28–31.01 … and all of February, 30.04 takes
   * 31.03); on any other day, the same day a month earlier, or that month's last day
   * when it is shorter (30.03 takes meetings up to 28.02). */
  if (g_date_is_last_of_month (&day))
    {
      last = day;
      g_date_set_day (&last, 1);
      g_date_subtract_days (&last, 1);
    }
  else
    opora_date_add_months (&day, -1, &last);
  return opora_date_to_iso (&last);
}

/* The register of peers */

struct _OporaPeerRegisterEntry
{
  GObject  parent_instance;

  gint64   id;
  gint64   person_id;
  char    *person_name;
  char    *phone;
  char    *consent_on;
  char    *experience;
};

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_ID,
  ENTRY_PROP_PERSON_ID,
  ENTRY_PROP_PERSON_NAME,
  ENTRY_PROP_PHONE,
  ENTRY_PROP_CONSENT_ON,
  ENTRY_PROP_EXPERIENCE,
  ENTRY_PROP_CONSENT_DISPLAY,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

G_DEFINE_FINAL_TYPE (OporaPeerRegisterEntry, opora_peer_register_entry, G_TYPE_OBJECT)

static void
opora_peer_register_entry_finalize (GObject *object)
{
  OporaPeerRegisterEntry *self = (OporaPeerRegisterEntry *)object;

  g_free (self->person_name);
  g_free (self->phone);
  g_free (self->consent_on);
  g_free (self->experience);

  G_OBJECT_CLASS (opora_peer_register_entry_parent_class)->finalize (object);
}

static void
opora_peer_register_entry_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  OporaPeerRegisterEntry *self = OPORA_PEER_REGISTER_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ENTRY_PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case ENTRY_PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case ENTRY_PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case ENTRY_PROP_CONSENT_ON:
      g_value_set_string (value, self->consent_on);
      break;
    case ENTRY_PROP_EXPERIENCE:
      g_value_set_string (value, self->experience);
      break;
    case ENTRY_PROP_CONSENT_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->consent_on));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_peer_register_entry_class_init (OporaPeerRegisterEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_peer_register_entry_finalize;
  object_class->get_property = opora_peer_register_entry_get_property;

  /* Read-only for bindings: lists show them, the setters change them. */
  entry_properties[ENTRY_PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  entry_properties[ENTRY_PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  entry_properties[ENTRY_PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_CONSENT_ON] =
    g_param_spec_string ("consent-on", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_EXPERIENCE] =
    g_param_spec_string ("experience", NULL, NULL, NULL, ro);
  entry_properties[ENTRY_PROP_CONSENT_DISPLAY] =
    g_param_spec_string ("consent-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
opora_peer_register_entry_init (OporaPeerRegisterEntry *self)
{
}

OporaPeerRegisterEntry *
opora_peer_register_entry_new (void)
{
  return g_object_new (OPORA_TYPE_PEER_REGISTER_ENTRY, NULL);
}

OporaPeerRegisterEntry *
opora_peer_register_entry_copy (OporaPeerRegisterEntry *self)
{
  OporaPeerRegisterEntry *copy;

  g_return_val_if_fail (OPORA_IS_PEER_REGISTER_ENTRY (self), NULL);

  copy = opora_peer_register_entry_new ();
  copy->id = self->id;
  copy->person_id = self->person_id;
  copy->person_name = g_strdup (self->person_name);
  copy->phone = g_strdup (self->phone);
  copy->consent_on = g_strdup (self->consent_on);
  copy->experience = g_strdup (self->experience);
  return copy;
}

#define DEFINE_ID(Type, prefix, field, props, PROP)                           \
  gint64                                                                      \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (self != NULL, 0);                                   \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type   *self,                                         \
                        gint64  value)                                        \
  {                                                                           \
    g_return_if_fail (self != NULL);                                          \
    if (self->field == value)                                                 \
      return;                                                                 \
    self->field = value;                                                      \
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP]);                  \
  }

#define DEFINE_TEXT(Type, prefix, field, props, PROP, ALSO)                   \
  const char *                                                                \
  prefix##_get_##field (Type *self)                                           \
  {                                                                           \
    g_return_val_if_fail (self != NULL, NULL);                                \
    return self->field;                                                       \
  }                                                                           \
  void                                                                        \
  prefix##_set_##field (Type       *self,                                     \
                        const char *value)                                    \
  {                                                                           \
    g_return_if_fail (self != NULL);                                          \
    if (!replace_text (&self->field, value))                                  \
      return;                                                                 \
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP]);                  \
    if (ALSO != 0)                                                            \
      g_object_notify_by_pspec (G_OBJECT (self), props[ALSO]);                \
  }

DEFINE_ID (OporaPeerRegisterEntry, opora_peer_register_entry, id,
           entry_properties, ENTRY_PROP_ID)
DEFINE_ID (OporaPeerRegisterEntry, opora_peer_register_entry, person_id,
           entry_properties, ENTRY_PROP_PERSON_ID)
DEFINE_TEXT (OporaPeerRegisterEntry, opora_peer_register_entry, person_name,
             entry_properties, ENTRY_PROP_PERSON_NAME, 0)
DEFINE_TEXT (OporaPeerRegisterEntry, opora_peer_register_entry, phone,
             entry_properties, ENTRY_PROP_PHONE, 0)
DEFINE_TEXT (OporaPeerRegisterEntry, opora_peer_register_entry, consent_on,
             entry_properties, ENTRY_PROP_CONSENT_ON, ENTRY_PROP_CONSENT_DISPLAY)
DEFINE_TEXT (OporaPeerRegisterEntry, opora_peer_register_entry, experience,
             entry_properties, ENTRY_PROP_EXPERIENCE, 0)

gboolean
opora_peer_register_entry_validate (OporaPeerRegisterEntry  *self,
                                    const char             **field,
                                    GError                 **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_PEER_REGISTER_ENTRY (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = "person";
  if (self->person_id <= 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the person who is ready to share their experience"));
      return FALSE;
    }
  *field = "consent-on";
  if (!check_required_date (self->consent_on, _("Enter the day the person consented"), error))
    return FALSE;
  *field = NULL;
  return TRUE;
}

/* Those who wish */

struct _OporaPeerWish
{
  GObject  parent_instance;

  gint64   id;
  gint64   person_id;
  char    *person_name;
  char    *phone;
  char    *marked_on;
  char    *note;
  char    *surveyed_on;
};

enum {
  WISH_PROP_0,
  WISH_PROP_ID,
  WISH_PROP_PERSON_ID,
  WISH_PROP_PERSON_NAME,
  WISH_PROP_PHONE,
  WISH_PROP_MARKED_ON,
  WISH_PROP_NOTE,
  WISH_PROP_SURVEYED_ON,
  WISH_PROP_SOURCE,
  WISH_PROP_SOURCE_DISPLAY,
  WISH_PROP_SINCE_DISPLAY,
  WISH_PROP_MARKED_BY_HAND,
  N_WISH_PROPS
};

static GParamSpec *wish_properties[N_WISH_PROPS];

G_DEFINE_FINAL_TYPE (OporaPeerWish, opora_peer_wish, G_TYPE_OBJECT)

static void
opora_peer_wish_finalize (GObject *object)
{
  OporaPeerWish *self = (OporaPeerWish *)object;

  g_free (self->person_name);
  g_free (self->phone);
  g_free (self->marked_on);
  g_free (self->note);
  g_free (self->surveyed_on);

  G_OBJECT_CLASS (opora_peer_wish_parent_class)->finalize (object);
}

static void
opora_peer_wish_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OporaPeerWish *self = OPORA_PEER_WISH (object);

  switch (prop_id)
    {
    case WISH_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case WISH_PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case WISH_PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case WISH_PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case WISH_PROP_MARKED_ON:
      g_value_set_string (value, self->marked_on);
      break;
    case WISH_PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case WISH_PROP_SURVEYED_ON:
      g_value_set_string (value, self->surveyed_on);
      break;
    case WISH_PROP_SOURCE:
      g_value_set_enum (value, opora_peer_wish_get_source (self));
      break;
    case WISH_PROP_SOURCE_DISPLAY:
      g_value_set_string (value,
                          opora_wish_source_display_name (opora_peer_wish_get_source (self)));
      break;
    case WISH_PROP_SINCE_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (opora_peer_wish_get_since (self)));
      break;
    case WISH_PROP_MARKED_BY_HAND:
      g_value_set_boolean (value, self->id != 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_peer_wish_class_init (OporaPeerWishClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_peer_wish_finalize;
  object_class->get_property = opora_peer_wish_get_property;

  wish_properties[WISH_PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  wish_properties[WISH_PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  wish_properties[WISH_PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL, NULL, ro);
  wish_properties[WISH_PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, ro);
  wish_properties[WISH_PROP_MARKED_ON] =
    g_param_spec_string ("marked-on", NULL, NULL, NULL, ro);
  wish_properties[WISH_PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, ro);
  wish_properties[WISH_PROP_SURVEYED_ON] =
    g_param_spec_string ("surveyed-on", NULL, NULL, NULL, ro);
  wish_properties[WISH_PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL, OPORA_TYPE_WISH_SOURCE,
                       OPORA_WISH_SOURCE_HAND, ro);
  wish_properties[WISH_PROP_SOURCE_DISPLAY] =
    g_param_spec_string ("source-display", NULL, NULL, NULL, ro);
  wish_properties[WISH_PROP_SINCE_DISPLAY] =
    g_param_spec_string ("since-display", NULL, NULL, NULL, ro);
  wish_properties[WISH_PROP_MARKED_BY_HAND] =
    g_param_spec_boolean ("marked-by-hand", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_WISH_PROPS, wish_properties);
}

static void
opora_peer_wish_init (OporaPeerWish *self)
{
}

OporaPeerWish *
opora_peer_wish_new (void)
{
  return g_object_new (OPORA_TYPE_PEER_WISH, NULL);
}

static void
notify_wish_source (OporaPeerWish *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), wish_properties[WISH_PROP_SOURCE]);
  g_object_notify_by_pspec (G_OBJECT (self), wish_properties[WISH_PROP_SOURCE_DISPLAY]);
  g_object_notify_by_pspec (G_OBJECT (self), wish_properties[WISH_PROP_SINCE_DISPLAY]);
}

gint64
opora_peer_wish_get_id (OporaPeerWish *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_WISH (self), 0);
  return self->id;
}

void
opora_peer_wish_set_id (OporaPeerWish *self,
                        gint64         id)
{
  g_return_if_fail (OPORA_IS_PEER_WISH (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), wish_properties[WISH_PROP_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), wish_properties[WISH_PROP_MARKED_BY_HAND]);
}

DEFINE_ID (OporaPeerWish, opora_peer_wish, person_id, wish_properties, WISH_PROP_PERSON_ID)
DEFINE_TEXT (OporaPeerWish, opora_peer_wish, person_name, wish_properties,
             WISH_PROP_PERSON_NAME, 0)
DEFINE_TEXT (OporaPeerWish, opora_peer_wish, phone, wish_properties, WISH_PROP_PHONE, 0)
DEFINE_TEXT (OporaPeerWish, opora_peer_wish, note, wish_properties, WISH_PROP_NOTE, 0)

const char *
opora_peer_wish_get_marked_on (OporaPeerWish *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_WISH (self), NULL);
  return self->marked_on;
}

void
opora_peer_wish_set_marked_on (OporaPeerWish *self,
                               const char    *date)
{
  g_return_if_fail (OPORA_IS_PEER_WISH (self));

  if (!replace_text (&self->marked_on, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), wish_properties[WISH_PROP_MARKED_ON]);
  notify_wish_source (self);
}

const char *
opora_peer_wish_get_surveyed_on (OporaPeerWish *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_WISH (self), NULL);
  return self->surveyed_on;
}

void
opora_peer_wish_set_surveyed_on (OporaPeerWish *self,
                                 const char    *date)
{
  g_return_if_fail (OPORA_IS_PEER_WISH (self));

  if (!replace_text (&self->surveyed_on, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), wish_properties[WISH_PROP_SURVEYED_ON]);
  notify_wish_source (self);
}

OporaWishSource
opora_peer_wish_get_source (OporaPeerWish *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_WISH (self), OPORA_WISH_SOURCE_HAND);

  if (self->surveyed_on == NULL)
    return OPORA_WISH_SOURCE_HAND;
  return self->marked_on != NULL ? OPORA_WISH_SOURCE_BOTH : OPORA_WISH_SOURCE_SURVEY;
}

const char *
opora_peer_wish_get_since (OporaPeerWish *self)
{
  g_return_val_if_fail (OPORA_IS_PEER_WISH (self), NULL);

  if (self->marked_on == NULL)
    return self->surveyed_on;
  if (self->surveyed_on == NULL || strcmp (self->marked_on, self->surveyed_on) <= 0)
    return self->marked_on;
  return self->surveyed_on;
}

gboolean
opora_peer_wish_validate (OporaPeerWish  *self,
                          const char    **field,
                          GError        **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_PEER_WISH (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = "person";
  if (self->person_id <= 0)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the person who wishes to use others’ experience"));
      return FALSE;
    }
  *field = "marked-on";
  if (!check_required_date (self->marked_on, _("Enter the day of the mark"), error))
    return FALSE;
  *field = NULL;
  return TRUE;
}
