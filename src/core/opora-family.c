#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-error.h"
#include "opora-family.h"

struct _OporaFamily
{
  GObject          parent_instance;

  gint64           id;
  char            *name;
  int              minor_children;
  gboolean         is_large;
  gboolean         is_single_parent;
  gboolean         has_disabled_child;
  gboolean         is_living_alone;
  OporaSettlement  settlement;
  char            *address;
  char            *notes;
  guint            member_count;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_MINOR_CHILDREN,
  PROP_IS_LARGE,
  PROP_IS_SINGLE_PARENT,
  PROP_HAS_DISABLED_CHILD,
  PROP_IS_LIVING_ALONE,
  PROP_SETTLEMENT,
  PROP_ADDRESS,
  PROP_NOTES,
  PROP_MEMBER_COUNT,
  /* Read-only, for lists bound with <lookup>. */
  PROP_KIND_TEXT,
  PROP_SETTLEMENT_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (OporaFamily, opora_family, G_TYPE_OBJECT)

/* Typed text: stray spaces are not part of it, and blank is nothing. */
static gboolean
replace_text (char       **slot,
              const char  *value)
{
  g_autofree char *trimmed = value ? g_strstrip (g_strdup (value)) : NULL;

  if (trimmed != NULL && *trimmed == '\0')
    g_clear_pointer (&trimmed, g_free);
  if (g_strcmp0 (*slot, trimmed) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_steal_pointer (&trimmed);
  return TRUE;
}

/* A kind flag changes the kind text as well. */
static void
set_flag (OporaFamily *self,
          gboolean    *slot,
          gboolean     value,
          guint        prop_id)
{
  value = !!value;
  if (*slot == value)
    return;
  *slot = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_TEXT]);
}

static void
opora_family_finalize (GObject *object)
{
  OporaFamily *self = (OporaFamily *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (opora_family_parent_class)->finalize (object);
}

static void
opora_family_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  OporaFamily *self = OPORA_FAMILY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_MINOR_CHILDREN:
      g_value_set_int (value, self->minor_children);
      break;
    case PROP_IS_LARGE:
      g_value_set_boolean (value, self->is_large);
      break;
    case PROP_IS_SINGLE_PARENT:
      g_value_set_boolean (value, self->is_single_parent);
      break;
    case PROP_HAS_DISABLED_CHILD:
      g_value_set_boolean (value, self->has_disabled_child);
      break;
    case PROP_IS_LIVING_ALONE:
      g_value_set_boolean (value, self->is_living_alone);
      break;
    case PROP_SETTLEMENT:
      g_value_set_enum (value, self->settlement);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_MEMBER_COUNT:
      g_value_set_uint (value, self->member_count);
      break;
    case PROP_KIND_TEXT:
      g_value_take_string (value, opora_family_dup_kind_text (self));
      break;
    case PROP_SETTLEMENT_DISPLAY:
      g_value_set_string (value, opora_settlement_display_name (self->settlement));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_family_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  OporaFamily *self = OPORA_FAMILY (object);

  switch (prop_id)
    {
    case PROP_ID:
      opora_family_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      opora_family_set_name (self, g_value_get_string (value));
      break;
    case PROP_MINOR_CHILDREN:
      opora_family_set_minor_children (self, g_value_get_int (value));
      break;
    case PROP_IS_LARGE:
      opora_family_set_is_large (self, g_value_get_boolean (value));
      break;
    case PROP_IS_SINGLE_PARENT:
      opora_family_set_is_single_parent (self, g_value_get_boolean (value));
      break;
    case PROP_HAS_DISABLED_CHILD:
      opora_family_set_has_disabled_child (self, g_value_get_boolean (value));
      break;
    case PROP_IS_LIVING_ALONE:
      opora_family_set_is_living_alone (self, g_value_get_boolean (value));
      break;
    case PROP_SETTLEMENT:
      opora_family_set_settlement (self, g_value_get_enum (value));
      break;
    case PROP_ADDRESS:
      opora_family_set_address (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      opora_family_set_notes (self, g_value_get_string (value));
      break;
    case PROP_MEMBER_COUNT:
      opora_family_set_member_count (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_family_class_init (OporaFamilyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_family_finalize;
  object_class->get_property = opora_family_get_property;
  object_class->set_property = opora_family_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_MINOR_CHILDREN] =
    g_param_spec_int ("minor-children", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_IS_LARGE] = g_param_spec_boolean ("is-large", NULL, NULL, FALSE, rw);
  properties[PROP_IS_SINGLE_PARENT] =
    g_param_spec_boolean ("is-single-parent", NULL, NULL, FALSE, rw);
  properties[PROP_HAS_DISABLED_CHILD] =
    g_param_spec_boolean ("has-disabled-child", NULL, NULL, FALSE, rw);
  properties[PROP_IS_LIVING_ALONE] =
    g_param_spec_boolean ("is-living-alone", NULL, NULL, FALSE, rw);
  properties[PROP_SETTLEMENT] =
    g_param_spec_enum ("settlement", NULL, NULL, OPORA_TYPE_SETTLEMENT,
                       OPORA_SETTLEMENT_URBAN, rw);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_MEMBER_COUNT] =
    g_param_spec_uint ("member-count", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_KIND_TEXT] = g_param_spec_string ("kind-text", NULL, NULL, NULL, ro);
  properties[PROP_SETTLEMENT_DISPLAY] =
    g_param_spec_string ("settlement-display", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_family_init (OporaFamily *self)
{
  self->settlement = OPORA_SETTLEMENT_URBAN;
}

OporaFamily *
opora_family_new (void)
{
  return g_object_new (OPORA_TYPE_FAMILY, NULL);
}

OporaFamily *
opora_family_copy (OporaFamily *self)
{
  OporaFamily *copy;

  g_return_val_if_fail (OPORA_IS_FAMILY (self), NULL);

  copy = opora_family_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->minor_children = self->minor_children;
  copy->is_large = self->is_large;
  copy->is_single_parent = self->is_single_parent;
  copy->has_disabled_child = self->has_disabled_child;
  copy->is_living_alone = self->is_living_alone;
  copy->settlement = self->settlement;
  copy->address = g_strdup (self->address);
  copy->notes = g_strdup (self->notes);
  copy->member_count = self->member_count;
  return copy;
}

gint64
opora_family_get_id (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), 0);
  return self->id;
}

void
opora_family_set_id (OporaFamily *self,
                     gint64       id)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
opora_family_get_name (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), NULL);
  return self->name;
}

void
opora_family_set_name (OporaFamily *self,
                       const char  *name)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));

  if (replace_text (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

int
opora_family_get_minor_children (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), 0);
  return self->minor_children;
}

void
opora_family_set_minor_children (OporaFamily *self,
                                 int          minor_children)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));

  if (self->minor_children == minor_children)
    return;
  self->minor_children = minor_children;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINOR_CHILDREN]);
}

gboolean
opora_family_get_is_large (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), FALSE);
  return self->is_large;
}

void
opora_family_set_is_large (OporaFamily *self,
                           gboolean     is_large)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));
  set_flag (self, &self->is_large, is_large, PROP_IS_LARGE);
}

gboolean
opora_family_get_is_single_parent (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), FALSE);
  return self->is_single_parent;
}

void
opora_family_set_is_single_parent (OporaFamily *self,
                                   gboolean     is_single_parent)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));
  set_flag (self, &self->is_single_parent, is_single_parent, PROP_IS_SINGLE_PARENT);
}

gboolean
opora_family_get_has_disabled_child (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), FALSE);
  return self->has_disabled_child;
}

void
opora_family_set_has_disabled_child (OporaFamily *self,
                                     gboolean     has_disabled_child)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));
  set_flag (self, &self->has_disabled_child, has_disabled_child, PROP_HAS_DISABLED_CHILD);
}

gboolean
opora_family_get_is_living_alone (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), FALSE);
  return self->is_living_alone;
}

void
opora_family_set_is_living_alone (OporaFamily *self,
                                  gboolean     is_living_alone)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));
  set_flag (self, &self->is_living_alone, is_living_alone, PROP_IS_LIVING_ALONE);
}

OporaSettlement
opora_family_get_settlement (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), OPORA_SETTLEMENT_URBAN);
  return self->settlement;
}

void
opora_family_set_settlement (OporaFamily     *self,
                             OporaSettlement  settlement)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));

  if (self->settlement == settlement)
    return;
  self->settlement = settlement;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLEMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLEMENT_DISPLAY]);
}

const char *
opora_family_get_address (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), NULL);
  return self->address;
}

void
opora_family_set_address (OporaFamily *self,
                          const char  *address)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));

  if (replace_text (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

const char *
opora_family_get_notes (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), NULL);
  return self->notes;
}

void
opora_family_set_notes (OporaFamily *self,
                        const char  *notes)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));

  if (replace_text (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

guint
opora_family_get_member_count (OporaFamily *self)
{
  g_return_val_if_fail (OPORA_IS_FAMILY (self), 0);
  return self->member_count;
}

void
opora_family_set_member_count (OporaFamily *self,
                               guint        member_count)
{
  g_return_if_fail (OPORA_IS_FAMILY (self));

  if (self->member_count == member_count)
    return;
  self->member_count = member_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER_COUNT]);
}

char *
opora_family_dup_kind_text (OporaFamily *self)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  g_return_val_if_fail (OPORA_IS_FAMILY (self), NULL);

  if (self->is_large)
    g_ptr_array_add (kinds, (gpointer) C_("family kind", "large"));
  if (self->is_single_parent)
    g_ptr_array_add (kinds, (gpointer) C_("family kind", "single-parent"));
  if (self->has_disabled_child)
    g_ptr_array_add (kinds, (gpointer) C_("family kind", "with a disabled child"));
  if (self->is_living_alone)
    g_ptr_array_add (kinds, (gpointer) C_("family kind", "living alone"));
  g_ptr_array_add (kinds, NULL);

  /* The list separator is a translatable string: not every language uses a comma. */
  return g_strjoinv (C_("list separator", ", "), (char **) kinds->pdata);
}

gboolean
opora_family_validate (OporaFamily  *self,
                       const char  **field,
                       GError      **error)
{
  const char *unused;

  g_return_val_if_fail (OPORA_IS_FAMILY (self), FALSE);

  if (field == NULL)
    field = &unused;
  *field = NULL;

  if (self->name == NULL)
    {
      *field = "name";
      g_set_error_literal (error, OPORA_ERROR, OPORA_ERROR_REQUIRED,
                           _("Enter the family’s name"));
      return FALSE;
    }
  if (self->minor_children < 0 || self->minor_children > OPORA_FAMILY_MAX_MINOR_CHILDREN)
    {
      *field = "minor-children";
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_INVALID_VALUE,
                   _("The number of minor children must be from 0 to %d"),
                   OPORA_FAMILY_MAX_MINOR_CHILDREN);
      return FALSE;
    }
  return TRUE;
}
