#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>
#include <string.h>

#include "opora-date.h"
#include "opora-error.h"
#include "opora-organisation.h"

/* The nick of each value is the text stored in the database (the schema's CHECK lists the
 * same words); NONE is never stored. */
G_DEFINE_ENUM_TYPE (OporaOrganisationKind, opora_organisation_kind,
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_EMPLOYMENT_CENTRE,
                                         "employment_centre"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_EDUCATION, "education"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_BAILIFFS, "bailiffs"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_COLLEGE, "college"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_BUSINESS_FUND, "business_fund"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_YOUTH_CENTRE, "youth_centre"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_NGO, "ngo"),
                    G_DEFINE_ENUM_VALUE (OPORA_ORGANISATION_KIND_OTHER, "other"))

/* With a context: "Other" is «Другое» here but takes another ending elsewhere. */
static const char * const kind_names[] = {
  NC_("organisation kind", "Not chosen"),
  NC_("organisation kind", "Employment centre"),
  NC_("organisation kind", "Education department"),
  NC_("organisation kind", "Bailiffs service"),
  NC_("organisation kind", "College"),
  NC_("organisation kind", "Business support fund"),
  NC_("organisation kind", "Youth centre"),
  NC_("organisation kind", "NGO"),
  NC_("organisation kind", "Other"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == OPORA_ORGANISATION_KIND_LAST + 1);

/* The organisation's own fields that have rules, in the order a form shows them. */
static const char * const own_fields[] = { "name", "kind" };

struct _OporaOrganisation
{
  GObject                parent_instance;

  gint64                 id;
  char                  *name;
  OporaOrganisationKind  kind;
  char                  *profile;
  char                  *contacts;
  char                  *address;
  char                  *hours;
  char                  *conditions;
  GListStore            *agreements;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_PROFILE,
  PROP_CONTACTS,
  PROP_ADDRESS,
  PROP_HOURS,
  PROP_CONDITIONS,
  /* Read-only, for lists bound with <lookup>. */
  PROP_AGREEMENTS,
  PROP_KIND_DISPLAY,
  PROP_AGREEMENT_SUMMARY,
  PROP_HAS_AGREEMENT_IN_FORCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaOrganisation, opora_organisation, G_TYPE_OBJECT)

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
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
notify_agreements (OporaOrganisation *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGREEMENT_SUMMARY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_AGREEMENT_IN_FORCE]);
}

/* A list shows the summary of today: it follows edits of any agreement, not only
 * additions and removals. */
static void
agreement_notify_cb (OporaAgreement    *agreement,
                     GParamSpec        *pspec,
                     OporaOrganisation *self)
{
  notify_agreements (self);
}

static void
opora_organisation_dispose (GObject *object)
{
  OporaOrganisation *self = (OporaOrganisation *)object;

  if (self->agreements != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->agreements));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(OporaAgreement) agreement =
            g_list_model_get_item (G_LIST_MODEL (self->agreements), i);
          g_signal_handlers_disconnect_by_data (agreement, self);
        }
      g_clear_object (&self->agreements);
    }

  G_OBJECT_CLASS (opora_organisation_parent_class)->dispose (object);
}

static void
opora_organisation_finalize (GObject *object)
{
  OporaOrganisation *self = (OporaOrganisation *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->contacts, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->hours, g_free);
  g_clear_pointer (&self->conditions, g_free);

  G_OBJECT_CLASS (opora_organisation_parent_class)->finalize (object);
}

static void
opora_organisation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OporaOrganisation *self = OPORA_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PROFILE:
      g_value_set_string (value, self->profile);
      break;
    case PROP_CONTACTS:
      g_value_set_string (value, self->contacts);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_HOURS:
      g_value_set_string (value, self->hours);
      break;
    case PROP_CONDITIONS:
      g_value_set_string (value, self->conditions);
      break;
    case PROP_AGREEMENTS:
      g_value_set_object (value, self->agreements);
      break;
    case PROP_KIND_DISPLAY:
      g_value_set_string (value, opora_organisation_kind_display_name (self->kind));
      break;
    case PROP_AGREEMENT_SUMMARY:
      {
        g_autofree char *today = opora_date_today_iso ();
        g_value_take_string (value, opora_organisation_describe_agreement (self, today));
      }
      break;
    case PROP_HAS_AGREEMENT_IN_FORCE:
      {
        g_autofree char *today = opora_date_today_iso ();
        g_value_set_boolean (value, opora_organisation_has_agreement_in_force (self, today));
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_organisation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  OporaOrganisation *self = OPORA_ORGANISATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_organisation_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      opora_organisation_set_name (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      opora_organisation_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PROFILE:
      opora_organisation_set_profile (self, g_value_get_string (value));
      break;
    case PROP_CONTACTS:
      opora_organisation_set_contacts (self, g_value_get_string (value));
      break;
    case PROP_ADDRESS:
      opora_organisation_set_address (self, g_value_get_string (value));
      break;
    case PROP_HOURS:
      opora_organisation_set_hours (self, g_value_get_string (value));
      break;
    case PROP_CONDITIONS:
      opora_organisation_set_conditions (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_organisation_class_init (OporaOrganisationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = opora_organisation_dispose;
  object_class->finalize = opora_organisation_finalize;
  object_class->get_property = opora_organisation_get_property;
  object_class->set_property = opora_organisation_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OPORA_TYPE_ORGANISATION_KIND,
                       OPORA_ORGANISATION_KIND_NONE, rw);
  properties[PROP_PROFILE] =
    g_param_spec_string ("profile", NULL, NULL, NULL, rw);
  properties[PROP_CONTACTS] =
    g_param_spec_string ("contacts", NULL, NULL, NULL, rw);
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL, NULL, rw);
  properties[PROP_HOURS] =
    g_param_spec_string ("hours", NULL, NULL, NULL, rw);
  properties[PROP_CONDITIONS] =
    g_param_spec_string ("conditions", NULL, NULL, NULL, rw);
  properties[PROP_AGREEMENTS] =
    g_param_spec_object ("agreements", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_KIND_DISPLAY] =
    g_param_spec_string ("kind-display", NULL, NULL, NULL, ro);
  properties[PROP_AGREEMENT_SUMMARY] =
    g_param_spec_string ("agreement-summary", NULL, NULL, NULL, ro);
  properties[PROP_HAS_AGREEMENT_IN_FORCE] =
    g_param_spec_boolean ("has-agreement-in-force", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_organisation_init (OporaOrganisation *self)
{
  self->agreements = g_list_store_new (OPORA_TYPE_AGREEMENT);
}

const char *
opora_organisation_kind_to_string (OporaOrganisationKind kind)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (kind == OPORA_ORGANISATION_KIND_NONE)
    return NULL;
  klass = g_type_class_ref (OPORA_TYPE_ORGANISATION_KIND);
  value = g_enum_get_value (klass, kind);
  g_return_val_if_fail (value != NULL, NULL);
  /* Nicks are static strings: they outlive the class reference. */
  return value->value_nick;
}

OporaOrganisationKind
opora_organisation_kind_from_string (const char *text)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (text == NULL || g_str_equal (text, "none"))
    return OPORA_ORGANISATION_KIND_NONE;
  klass = g_type_class_ref (OPORA_TYPE_ORGANISATION_KIND);
  value = g_enum_get_value_by_nick (klass, text);
  return value ? (OporaOrganisationKind) value->value : OPORA_ORGANISATION_KIND_NONE;
}

const char *
opora_organisation_kind_display_name (OporaOrganisationKind kind)
{
  g_return_val_if_fail (kind <= OPORA_ORGANISATION_KIND_LAST, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "organisation kind", kind_names[kind]);
}

OporaOrganisation *
opora_organisation_new (void)
{
  return g_object_new (OPORA_TYPE_ORGANISATION, NULL);
}

OporaOrganisation *
opora_organisation_copy (OporaOrganisation *self)
{
  OporaOrganisation *copy;
  guint n;

  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), NULL);

  copy = opora_organisation_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->kind = self->kind;
  copy->profile = g_strdup (self->profile);
  copy->contacts = g_strdup (self->contacts);
  copy->address = g_strdup (self->address);
  copy->hours = g_strdup (self->hours);
  copy->conditions = g_strdup (self->conditions);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agreements));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OporaAgreement) agreement =
        g_list_model_get_item (G_LIST_MODEL (self->agreements), i);
      g_autoptr(OporaAgreement) agreement_copy = opora_agreement_copy (agreement);

      opora_organisation_add_agreement (copy, agreement_copy);
    }
  return copy;
}

gint64
opora_organisation_get_id (OporaOrganisation *self)
{
  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), 0);
  return self->id;
}

void
opora_organisation_set_id (OporaOrganisation *self,
                           gint64             id)
{
  g_return_if_fail (OPORA_IS_ORGANISATION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define DEFINE_TEXT_PROPERTY(field, PROP)                                        \
  const char *                                                                   \
  opora_organisation_get_##field (OporaOrganisation *self)                       \
  {                                                                              \
    g_return_val_if_fail (OPORA_IS_ORGANISATION (self), NULL);                   \
    return self->field;                                                          \
  }                                                                              \
  void                                                                           \
  opora_organisation_set_##field (OporaOrganisation *self,                       \
                                  const char        *field)                      \
  {                                                                              \
    g_return_if_fail (OPORA_IS_ORGANISATION (self));                             \
    if (replace_text (&self->field, field))                                      \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);              \
  }

DEFINE_TEXT_PROPERTY (name, PROP_NAME)
DEFINE_TEXT_PROPERTY (profile, PROP_PROFILE)
DEFINE_TEXT_PROPERTY (contacts, PROP_CONTACTS)
DEFINE_TEXT_PROPERTY (address, PROP_ADDRESS)
DEFINE_TEXT_PROPERTY (hours, PROP_HOURS)
DEFINE_TEXT_PROPERTY (conditions, PROP_CONDITIONS)

OporaOrganisationKind
opora_organisation_get_kind (OporaOrganisation *self)
{
  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), OPORA_ORGANISATION_KIND_NONE);
  return self->kind;
}

void
opora_organisation_set_kind (OporaOrganisation     *self,
                             OporaOrganisationKind  kind)
{
  g_return_if_fail (OPORA_IS_ORGANISATION (self));
  g_return_if_fail (kind <= OPORA_ORGANISATION_KIND_LAST);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_DISPLAY]);
}

GListModel *
opora_organisation_get_agreements (OporaOrganisation *self)
{
  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), NULL);
  return G_LIST_MODEL (self->agreements);
}

void
opora_organisation_add_agreement (OporaOrganisation *self,
                                  OporaAgreement    *agreement)
{
  g_return_if_fail (OPORA_IS_ORGANISATION (self));
  g_return_if_fail (OPORA_IS_AGREEMENT (agreement));

  g_signal_connect_object (agreement, "notify", G_CALLBACK (agreement_notify_cb), self, 0);
  g_list_store_append (self->agreements, agreement);
  notify_agreements (self);
}

void
opora_organisation_remove_agreement (OporaOrganisation *self,
                                     OporaAgreement    *agreement)
{
  guint position;

  g_return_if_fail (OPORA_IS_ORGANISATION (self));
  g_return_if_fail (OPORA_IS_AGREEMENT (agreement));

  if (!g_list_store_find (self->agreements, agreement, &position))
    return;
  g_signal_handlers_disconnect_by_data (agreement, self);
  g_list_store_remove (self->agreements, position);
  notify_agreements (self);
}

void
opora_organisation_clear_agreements (OporaOrganisation *self)
{
  GListModel *model;

  g_return_if_fail (OPORA_IS_ORGANISATION (self));

  model = G_LIST_MODEL (self->agreements);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OporaAgreement) agreement = g_list_model_get_item (model, i);
      g_signal_handlers_disconnect_by_data (agreement, self);
    }
  g_list_store_remove_all (self->agreements);
  notify_agreements (self);
}

/* TRUE when @a ends later than @b; an open-ended agreement never ends. */
static gboolean
ends_later (OporaAgreement *a,
            OporaAgreement *b)
{
  const char *a_until = opora_agreement_get_valid_until (a);
  const char *b_until = opora_agreement_get_valid_until (b);

  if (a_until == NULL)
    return b_until != NULL;
  return b_until != NULL && strcmp (a_until, b_until) > 0;
}

OporaAgreement *
opora_organisation_get_agreement_in_force (OporaOrganisation *self,
                                           const char        *iso_date)
{
  GListModel *model;
  OporaAgreement *best = NULL;

  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), NULL);
  g_return_val_if_fail (iso_date != NULL, NULL);

  model = G_LIST_MODEL (self->agreements);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OporaAgreement) agreement = g_list_model_get_item (model, i);

      if (opora_agreement_is_in_force (agreement, iso_date)
          && (best == NULL || ends_later (agreement, best)))
        best = agreement; /* the list keeps it alive */
    }
  return best;
}

gboolean
opora_organisation_has_agreement_in_force (OporaOrganisation *self,
                                           const char        *iso_date)
{
  return opora_organisation_get_agreement_in_force (self, iso_date) != NULL;
}

char *
opora_organisation_describe_agreement (OporaOrganisation *self,
                                       const char        *iso_date)
{
  OporaAgreement *agreement;
  GListModel *model;
  g_autofree char *description = NULL;
  const char *signed_on;

  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), NULL);
  g_return_val_if_fail (iso_date != NULL, NULL);

  agreement = opora_organisation_get_agreement_in_force (self, iso_date);
  if (agreement != NULL)
    return opora_agreement_describe (agreement);

  /* None in force: the latest signed says most (expired, or about to start). */
  model = G_LIST_MODEL (self->agreements);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OporaAgreement) candidate = g_list_model_get_item (model, i);

      if (agreement == NULL
          || g_strcmp0 (opora_agreement_get_signed_on (candidate),
                        opora_agreement_get_signed_on (agreement)) > 0)
        agreement = candidate;
    }
  if (agreement == NULL)
    return NULL;

  description = opora_agreement_describe (agreement);
  signed_on = opora_agreement_get_signed_on (agreement);
  if (signed_on != NULL && strcmp (signed_on, iso_date) > 0)
    /* Translators: an agreement signed for a date still to come, e.g. "No. 3 of …". */
    return g_strdup_printf (_("%s (not yet in force)"), description);
  /* Translators: an agreement that has ended, e.g. "No. 3 of 01.01.2020, until …". */
  return g_strdup_printf (_("%s (expired)"), description);
}

gboolean
opora_organisation_validate_field (OporaOrganisation  *self,
                                   const char         *field,
                                   GError            **error)
{
  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_str_equal (field, "name") && is_blank (self->name))
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("The organisation’s name is required"));
      return FALSE;
    }
  if (g_str_equal (field, "kind") && self->kind == OPORA_ORGANISATION_KIND_NONE)
    {
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Choose the kind of organisation"));
      return FALSE;
    }
  return TRUE;
}

gboolean
opora_organisation_validate (OporaOrganisation  *self,
                             OporaAgreement    **agreement,
                             const char        **field,
                             GError            **error)
{
  GListModel *model;
  const char *unused_field;
  OporaAgreement *unused_agreement;

  g_return_val_if_fail (OPORA_IS_ORGANISATION (self), FALSE);

  if (field == NULL)
    field = &unused_field;
  if (agreement == NULL)
    agreement = &unused_agreement;
  *field = NULL;
  *agreement = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (own_fields); i++)
    if (!opora_organisation_validate_field (self, own_fields[i], error))
      {
        *field = own_fields[i];
        return FALSE;
      }

  model = G_LIST_MODEL (self->agreements);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(OporaAgreement) item = g_list_model_get_item (model, i);

      if (!opora_agreement_validate (item, field, error))
        {
          *agreement = item; /* the list keeps it alive */
          return FALSE;
        }
    }
  return TRUE;
}
