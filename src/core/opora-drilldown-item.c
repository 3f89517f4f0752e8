#define G_LOG_DOMAIN "opora-core"

#include "opora-drilldown-item.h"

struct _OporaDrilldownItem
{
  GObject             parent_instance;

  OporaDrilldownKind  kind;
  gint64              id;
  gint64              person_id;
  char               *title;
  char               *subtitle;
  gboolean            counted;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_COUNTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ENUM_TYPE (OporaDrilldownKind, opora_drilldown_kind,
                    G_DEFINE_ENUM_VALUE (OPORA_DRILLDOWN_PERSON, "person"),
                    G_DEFINE_ENUM_VALUE (OPORA_DRILLDOWN_GROUP, "group"),
                    G_DEFINE_ENUM_VALUE (OPORA_DRILLDOWN_ORGANISATION, "organisation"),
                    G_DEFINE_ENUM_VALUE (OPORA_DRILLDOWN_CONTRACT, "contract"))

G_DEFINE_FINAL_TYPE (OporaDrilldownItem, opora_drilldown_item, G_TYPE_OBJECT)

static void
opora_drilldown_item_finalize (GObject *object)
{
  OporaDrilldownItem *self = (OporaDrilldownItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (opora_drilldown_item_parent_class)->finalize (object);
}

static void
opora_drilldown_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  OporaDrilldownItem *self = OPORA_DRILLDOWN_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_COUNTED:
      g_value_set_boolean (value, self->counted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_drilldown_item_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  OporaDrilldownItem *self = OPORA_DRILLDOWN_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_SUBTITLE:
      self->subtitle = g_value_dup_string (value);
      break;
    case PROP_COUNTED:
      self->counted = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
opora_drilldown_item_class_init (OporaDrilldownItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = opora_drilldown_item_finalize;
  object_class->get_property = opora_drilldown_item_get_property;
  object_class->set_property = opora_drilldown_item_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OPORA_TYPE_DRILLDOWN_KIND, OPORA_DRILLDOWN_PERSON,
                       flags);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_COUNTED] = g_param_spec_boolean ("counted", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
opora_drilldown_item_init (OporaDrilldownItem *self)
{
}

OporaDrilldownItem *
opora_drilldown_item_new (OporaDrilldownKind  kind,
                          gint64              id,
                          gint64              person_id,
                          const char         *title,
                          const char         *subtitle,
                          gboolean            counted)
{
  return g_object_new (OPORA_TYPE_DRILLDOWN_ITEM,
                       "kind", kind,
                       "id", id,
                       "person-id", person_id,
                       "title", title,
                       "subtitle", subtitle,
                       "counted", counted,
                       NULL);
}

OporaDrilldownKind
opora_drilldown_item_get_kind (OporaDrilldownItem *self)
{
  g_return_val_if_fail (OPORA_IS_DRILLDOWN_ITEM (self), OPORA_DRILLDOWN_PERSON);
  return self->kind;
}

gint64
opora_drilldown_item_get_id (OporaDrilldownItem *self)
{
  g_return_val_if_fail (OPORA_IS_DRILLDOWN_ITEM (self), 0);
  return self->id;
}

gint64
opora_drilldown_item_get_person_id (OporaDrilldownItem *self)
{
  g_return_val_if_fail (OPORA_IS_DRILLDOWN_ITEM (self), 0);
  return self->person_id;
}

const char *
opora_drilldown_item_get_title (OporaDrilldownItem *self)
{
  g_return_val_if_fail (OPORA_IS_DRILLDOWN_ITEM (self), NULL);
  return self->title;
}

const char *
opora_drilldown_item_get_subtitle (OporaDrilldownItem *self)
{
  g_return_val_if_fail (OPORA_IS_DRILLDOWN_ITEM (self), NULL);
  return self->subtitle;
}

gboolean
opora_drilldown_item_get_counted (OporaDrilldownItem *self)
{
  g_return_val_if_fail (OPORA_IS_DRILLDOWN_ITEM (self), FALSE);
  return self->counted;
}
