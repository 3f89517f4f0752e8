#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-person.h"
#include "opora-snils.h"

struct _OporaPerson
{
  GObject        parent_instance;

  gint64         id;
  char          *surname;
  char          *name;
  char          *patronymic;
  char          *birth_date;
  OporaSex       sex;
  char          *snils;
  char          *phone;
  char          *address;
  char          *district;
  char          *notes;
  gint64         family_id;
  OporaRelation  relation;
  char          *family_name;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_SURNAME,
  PROP_NAME,
  PROP_PATRONYMIC,
  PROP_BIRTH_DATE,
  PROP_SEX,
  PROP_SNILS,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_DISTRICT,
  PROP_NOTES,
  PROP_FAMILY_ID,
  PROP_RELATION,
  PROP_FAMILY_NAME,
  /* Read-only, for lists bound with <lookup>. */
  PROP_FULL_NAME,
  PROP_BIRTH_DATE_DISPLAY,
  PROP_SNILS_DISPLAY,
  PROP_PHONE_DISPLAY,
  PROP_SEX_DISPLAY,
  PROP_RELATION_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaPerson, opora_person, G_TYPE_OBJECT)

/* Typed text: stray spaces are not part of it, and blank is nothing. */
static char *
dup_trimmed (const char *value)
{
  char *trimmed = value ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && *trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);
  return trimmed;
}

/* Takes @value; TRUE when it differs from what was there. */
static gboolean
take_text (char **slot,
           char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    {
      g_free (value);
      return FALSE;
    }
  g_free (*slot);
  *slot = value;
  return TRUE;
}

static gboolean
replace_text (char       **slot,
              const char  *value)
{
  return take_text (slot, dup_trimmed (value));
}

static void
notify (OporaPerson *self,
        guint        prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
opora_person_finalize (GObject *object)
{
  OporaPerson *self = (OporaPerson *)object;

  g_clear_pointer (&self->surname, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->patronymic, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->snils, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->family_name, g_free);

  G_OBJECT_CLASS (opora_person_parent_class)->finalize (object);
}

static void
opora_person_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OporaPerson *self = OPORA_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_SURNAME:
      g_value_set_string (value, self->surname);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PATRONYMIC:
      g_value_set_string (value, self->patronymic);
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_SEX:
      g_value_set_enum (value, self->sex);
      break;
    case PROP_SNILS:
      g_value_set_string (value, self->snils);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_FAMILY_ID:
      g_value_set_int64 (value, self->family_id);
      break;
    case PROP_RELATION:
      g_value_set_enum (value, self->relation);
      break;
    case PROP_FAMILY_NAME:
      g_value_set_string (value, self->family_name);
      break;
    case PROP_FULL_NAME:
      g_value_take_string (value, opora_person_dup_full_name (self));
      break;
    case PROP_BIRTH_DATE_DISPLAY:
      g_value_take_string (value, opora_date_iso_to_display (self->birth_date));
      break;
    case PROP_SNILS_DISPLAY:
      if (self->snils != NULL && strlen (self->snils) == 11)
        g_value_take_string (value, opora_snils_format (self->snils));
      else
        g_value_set_string (value, self->snils);
      break;
    case PROP_PHONE_DISPLAY:
      g_value_take_string (value, opora_person_format_phone (self->phone));
      break;
    case PROP_SEX_DISPLAY:
      g_value_set_string (value, self->sex == OPORA_SEX_NONE
                                 ? NULL : opora_sex_display_name (self->sex));
      break;
    case PROP_RELATION_DISPLAY:
      g_value_set_string (value, self->relation == OPORA_RELATION_NONE
                                 ? NULL : opora_relation_display_name (self->relation));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_person_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OporaPerson *self = OPORA_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_person_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_SURNAME:
      opora_person_set_surname (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      opora_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_PATRONYMIC:
      opora_person_set_patronymic (self, g_value_get_string (value));
      break;
    case PROP_BIRTH_DATE:
      opora_person_set_birth_date (self, g_value_get_string (value));
      break;
    case PROP_SEX:
      opora_person_set_sex (self, g_value_get_enum (value));
      break;
    case PROP_SNILS:
      opora_person_set_snils (self, g_value_get_string (value));
      break;
    case PROP_PHONE:
      opora_person_set_phone (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      opora_person_set_address (self, g_value_get_string (value));
      break;
    case PROP_DISTRICT:
      opora_person_set_district (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      opora_person_set_notes (self, g_value_get_string (value));
      break;
    case PROP_FAMILY_ID:
      opora_person_set_family_id (self, g_value_get_int64 (value));
      break;
    case PROP_RELATION:
      opora_person_set_relation (self, g_value_get_enum (value));
      break;
    case PROP_FAMILY_NAME:
      opora_person_set_family_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_person_class_init (OporaPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_person_finalize;
  object_class->get_property = opora_person_get_property;
  object_class->set_property = opora_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_SURNAME] = g_param_spec_string ("surname", NULL, NULL, NULL, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_PATRONYMIC] = g_param_spec_string ("patronymic", NULL, NULL, NULL, rw);
  properties[PROP_BIRTH_DATE] = g_param_spec_string ("birth-date", NULL, NULL, NULL, rw);
  properties[PROP_SEX] =
    g_param_spec_enum ("sex", NULL, NULL, OPORA_TYPE_SEX, OPORA_SEX_NONE, rw);
  properties[PROP_SNILS] = g_param_spec_string ("snils", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, rw);
  properties[PROP_DISTRICT] = g_param_spec_string ("district", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_FAMILY_ID] =
    g_param_spec_int64 ("family-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_RELATION] =
    g_param_spec_enum ("relation", NULL, NULL, OPORA_TYPE_RELATION, OPORA_RELATION_NONE, rw);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, rw);
  properties[PROP_FULL_NAME] = g_param_spec_string ("full-name", NULL, NULL, NULL, ro);
  properties[PROP_BIRTH_DATE_DISPLAY] =
    g_param_spec_string ("birth-date-display", NULL, NULL, NULL, ro);
  properties[PROP_SNILS_DISPLAY] = g_param_spec_string ("snils-display", NULL, NULL, NULL, ro);
  properties[PROP_PHONE_DISPLAY] = g_param_spec_string ("phone-display", NULL, NULL, NULL, ro);
  properties[PROP_SEX_DISPLAY] = g_param_spec_string ("sex-display", NULL, NULL, NULL, ro);
  properties[PROP_RELATION_DISPLAY] =
    g_param_spec_string ("relation-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_person_init (OporaPerson *self)
{
}

OporaPerson *
opora_person_new (void)
{
  return g_object_new (OPORA_TYPE_PERSON, NULL);
}

OporaPerson *
opora_person_copy (OporaPerson *self)
{
  OporaPerson *copy;

  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);

  copy = opora_person_new ();
  copy->id = self->id;
  copy->surname = g_strdup (self->surname);
  copy->name = g_strdup (self->name);
  copy->patronymic = g_strdup (self->patronymic);
  copy->birth_date = g_strdup (self->birth_date);
  copy->sex = self->sex;
  copy->snils = g_strdup (self->snils);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdup (self->address);
  copy->district = g_strdup (self->district);
  copy->notes = g_strdup (self->notes);
  copy->family_id = self->family_id;
  copy->relation = self->relation;
  copy->family_name = g_strdup (self->family_name);
  return copy;
}

gint64
opora_person_get_id (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), 0);
  return self->id;
}

void
opora_person_set_id (OporaPerson *self,
                     gint64       id)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (self->id == id)
    return;
  self->id = id;
  notify (self, PROP_ID);
}

const char *
opora_person_get_surname (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->surname;
}

void
opora_person_set_surname (OporaPerson *self,
                          const char  *surname)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (!replace_text (&self->surname, surname))
    return;
  notify (self, PROP_SURNAME);
  notify (self, PROP_FULL_NAME);
}

const char *
opora_person_get_name (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->name;
}

void
opora_person_set_name (OporaPerson *self,
                       const char  *name)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (!replace_text (&self->name, name))
    return;
  notify (self, PROP_NAME);
  notify (self, PROP_FULL_NAME);
}

const char *
opora_person_get_patronymic (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->patronymic;
}

void
opora_person_set_patronymic (OporaPerson *self,
                             const char  *patronymic)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (!replace_text (&self->patronymic, patronymic))
    return;
  notify (self, PROP_PATRONYMIC);
  notify (self, PROP_FULL_NAME);
}

const char *
opora_person_get_birth_date (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->birth_date;
}

void
opora_person_set_birth_date (OporaPerson *self,
                             const char  *birth_date)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (!replace_text (&self->birth_date, birth_date))
    return;
  notify (self, PROP_BIRTH_DATE);
  notify (self, PROP_BIRTH_DATE_DISPLAY);
}

OporaSex
opora_person_get_sex (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), OPORA_SEX_NONE);
  return self->sex;
}

void
opora_person_set_sex (OporaPerson *self,
                      OporaSex     sex)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (self->sex == sex)
    return;
  self->sex = sex;
  notify (self, PROP_SEX);
  notify (self, PROP_SEX_DISPLAY);
}

const char *
opora_person_get_snils (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->snils;
}

void
opora_person_set_snils (OporaPerson *self,
                        const char  *snils)
{
  g_autofree char *trimmed = dup_trimmed (snils);
  char *digits = NULL;

  g_return_if_fail (OPORA_IS_PERSON (self));

  /* A number that passes is kept as its digits; one that does not stays as typed, so
   * validation can name what is wrong with it and the editor can show it back. */
  if (trimmed != NULL && opora_snils_normalize (trimmed, &digits, NULL))
    g_clear_pointer (&trimmed, g_free);
  else
    digits = g_steal_pointer (&trimmed);
  if (!take_text (&self->snils, digits))
    return;
  notify (self, PROP_SNILS);
  notify (self, PROP_SNILS_DISPLAY);
}

const char *
opora_person_get_phone (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->phone;
}

void
opora_person_set_phone (OporaPerson *self,
                        const char  *phone)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (!take_text (&self->phone, opora_person_normalize_phone (phone)))
    return;
  notify (self, PROP_PHONE);
  notify (self, PROP_PHONE_DISPLAY);
}

const char *
opora_person_get_address (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->address;
}

void
opora_person_set_address (OporaPerson *self,
                          const char  *address)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (replace_text (&self->address, address))
    notify (self, PROP_ADDRESS);
}

const char *
opora_person_get_district (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->district;
}

void
opora_person_set_district (OporaPerson *self,
                           const char  *district)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (replace_text (&self->district, district))
    notify (self, PROP_DISTRICT);
}

const char *
opora_person_get_notes (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->notes;
}

void
opora_person_set_notes (OporaPerson *self,
                        const char  *notes)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (replace_text (&self->notes, notes))
    notify (self, PROP_NOTES);
}

gint64
opora_person_get_family_id (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), 0);
  return self->family_id;
}

void
opora_person_set_family_id (OporaPerson *self,
                            gint64       family_id)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (self->family_id == family_id)
    return;
  self->family_id = family_id;
  notify (self, PROP_FAMILY_ID);
}

OporaRelation
opora_person_get_relation (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), OPORA_RELATION_NONE);
  return self->relation;
}

void
opora_person_set_relation (OporaPerson   *self,
                           OporaRelation  relation)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (self->relation == relation)
    return;
  self->relation = relation;
  notify (self, PROP_RELATION);
  notify (self, PROP_RELATION_DISPLAY);
}

const char *
opora_person_get_family_name (OporaPerson *self)
{
  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);
  return self->family_name;
}

void
opora_person_set_family_name (OporaPerson *self,
                              const char  *family_name)
{
  g_return_if_fail (OPORA_IS_PERSON (self));

  if (replace_text (&self->family_name, family_name))
    notify (self, PROP_FAMILY_NAME);
}

char *
opora_person_dup_full_name (OporaPerson *self)
{
  GString *s = g_string_new (NULL);
  const char *parts[] = { self->surname, self->name, self->patronymic };

  g_return_val_if_fail (OPORA_IS_PERSON (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, parts[i]);
    }
  return g_string_free (s, FALSE);
}

gboolean
opora_person_validate (OporaPerson  *self,
                       const char  **field,
                       GError      **error)
{
  const char *unused;
  g_autofree char *today = NULL;

  g_return_val_if_fail (OPORA_IS_PERSON (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->surname == NULL)
    {
      *field = "surname";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED, _("Enter the surname"));
      return FALSE;
    }
  if (self->name == NULL)
    {
      *field = "name";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED, _("Enter the name"));
      return FALSE;
    }
  if (self->birth_date != NULL)
    {
      *field = "birth-date";
      if (!opora_date_is_valid_iso (self->birth_date))
        {
          /* The accepted years start in 1900: say so rather than "not a date". */
          if (strlen (self->birth_date) > 4 && self->birth_date[4] == '-' &&
              g_ascii_strtoll (self->birth_date, NULL, 10) < OPORA_DATE_MIN_YEAR)
            g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                         _("The birth date cannot be before %d"), OPORA_DATE_MIN_YEAR);
          else
            g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                                 _("The birth date is not a calendar date"));
          return FALSE;
        }
      today = opora_date_today_iso ();
      if (strcmp (self->birth_date, today) > 0)
        {
          g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_INVALID_DATE,
                               _("The birth date cannot be in the future"));
          return FALSE;
        }
      *field = NULL;
    }
  if (opora_sex_to_string (self->sex) == NULL)
    {
      *field = "sex";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED, _("Choose the sex"));
      return FALSE;
    }
  if (self->snils != NULL && !opora_snils_normalize (self->snils, NULL, error))
    {
      *field = "snils";
      return FALSE;
    }
  return TRUE;
}

char *
opora_person_normalize_phone (const char *text)
{
  g_autofree char *trimmed = dup_trimmed (text);
  GString *digits;
  gboolean only_phone_chars = TRUE;

  if (trimmed == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = trimmed; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (strchr (" -()+.", *p) == NULL || (*p == '+' && p != trimmed))
        only_phone_chars = FALSE;
    }

  /* 8 and +7 both prefix a Russian number; ten digits are one without its prefix. */
  if (only_phone_chars &&
      ((digits->len == 11 && (digits->str[0] == '7' || digits->str[0] == '8')) ||
       digits->len == 10))
    {
      char *phone = g_strconcat ("+7", digits->str + digits->len - 10, NULL);

      g_string_free (digits, TRUE);
      return phone;
    }
  g_string_free (digits, TRUE);
  return g_steal_pointer (&trimmed);
}

char *
opora_person_format_phone (const char *phone)
{
  if (phone == NULL)
    return NULL;
  if (strlen (phone) == 12 && g_str_has_prefix (phone, "+7"))
    {
      const char *d = phone + 2;
      gboolean digits = TRUE;

      for (int i = 0; i < 10; i++)
        digits = digits && g_ascii_isdigit (d[i]);
      if (digits)
        return g_strdup_printf ("+7 %.3s %.3s-%.2s-%.2s", d, d + 3, d + 6, d + 8);
    }
  return g_strdup (phone);
}
