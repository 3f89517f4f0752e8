#define G_LOG_DOMAIN "opora-core"

#include <glib/gi18n.h>

#include "opora-people-enums.h"

/* The nick of each value is the text stored in the database; NONE values ("none") are
 * never stored. Display names carry a context: "Other" or "Not chosen" translate
 * differently for other things in Russian (другой, другая, другое). */

G_DEFINE_ENUM_TYPE (OporaPosition, opora_position,
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_FAMILY_SPECIALIST, "family_specialist"),
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_DISTRICT_SPECIALIST,
                                         "district_specialist"),
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_PSYCHOLOGIST, "psychologist"),
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_LEGAL_ADVISER, "legal_adviser"),
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_HEAD_OF_DEPARTMENT,
                                         "head_of_department"),
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_DIRECTOR, "director"),
                    G_DEFINE_ENUM_VALUE (OPORA_POSITION_DEPUTY_DIRECTOR, "deputy_director"))

G_DEFINE_ENUM_TYPE (OporaSex, opora_sex,
                    G_DEFINE_ENUM_VALUE (OPORA_SEX_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_SEX_MALE, "male"),
                    G_DEFINE_ENUM_VALUE (OPORA_SEX_FEMALE, "female"))

G_DEFINE_ENUM_TYPE (OporaRelation, opora_relation,
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_APPLICANT, "applicant"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_SPOUSE, "spouse"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_CHILD, "child"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_PARENT, "parent"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_SIBLING, "sibling"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_GRANDPARENT, "grandparent"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_GRANDCHILD, "grandchild"),
                    G_DEFINE_ENUM_VALUE (OPORA_RELATION_OTHER, "other"))

G_DEFINE_ENUM_TYPE (OporaSettlement, opora_settlement,
                    G_DEFINE_ENUM_VALUE (OPORA_SETTLEMENT_URBAN, "urban"),
                    G_DEFINE_ENUM_VALUE (OPORA_SETTLEMENT_RURAL, "rural"))

typedef struct
{
  const char *context;
  const char *msgid;
} Name;

static const Name position_names[] = {
  { "position", NC_("position", "Not chosen") },
  { "position", NC_("position", "Specialist for work with families") },
  { "position", NC_("position", "District specialist") },
  { "position", NC_("position", "Psychologist") },
  { "position", NC_("position", "Legal adviser") },
  { "position", NC_("position", "Head of department") },
  { "position", NC_("position", "Director") },
  { "position", NC_("position", "Deputy director") },
};

static const Name sex_names[] = {
  { "sex", NC_("sex", "Not chosen") },
  { "sex", NC_("sex", "Male") },
  { "sex", NC_("sex", "Female") },
};

static const Name relation_names[] = {
  { "relation", NC_("relation", "Not set") },
  { "relation", NC_("relation", "Applicant") },
  { "relation", NC_("relation", "Spouse") },
  { "relation", NC_("relation", "Child") },
  { "relation", NC_("relation", "Parent") },
  { "relation", NC_("relation", "Brother or sister") },
  { "relation", NC_("relation", "Grandparent") },
  { "relation", NC_("relation", "Grandchild") },
  { "relation", NC_("relation", "Other relative") },
};

static const Name settlement_names[] = {
  { "settlement", NC_("settlement", "Urban") },
  { "settlement", NC_("settlement", "Rural") },
};

static const char *
name_of (const Name *names,
         guint       n_names,
         int         value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;
  return g_dpgettext2 (GETTEXT_PACKAGE, names[value].context, names[value].msgid);
}

static const char *
nick_of (GType type,
         int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  if (v == NULL || g_str_equal (v->value_nick, "none"))
    return NULL;
  return v->value_nick; /* static: the class data lives as long as the type */
}

static gboolean
value_of (GType       type,
          const char *text,
          int        *out)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  if (text == NULL || g_str_equal (text, "none"))
    return FALSE;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, text);
  if (v == NULL)
    return FALSE;
  *out = v->value;
  return TRUE;
}

#define DEFINE_CONVERSIONS(Type, prefix, TYPE_MACRO, names)                     \
  const char *                                                                  \
  prefix##_to_string (Type value)                                               \
  {                                                                             \
    return nick_of (TYPE_MACRO, (int) value);                                   \
  }                                                                             \
  gboolean                                                                      \
  prefix##_from_string (const char *text,                                       \
                        Type       *out)                                        \
  {                                                                             \
    int value;                                                                  \
                                                                                \
    g_return_val_if_fail (out != NULL, FALSE);                                  \
    if (!value_of (TYPE_MACRO, text, &value))                                   \
      return FALSE;                                                             \
    *out = (Type) value;                                                        \
    return TRUE;                                                                \
  }                                                                             \
  const char *                                                                  \
  prefix##_display_name (Type value)                                            \
  {                                                                             \
    return name_of (names, G_N_ELEMENTS (names), (int) value);                  \
  }

DEFINE_CONVERSIONS (OporaPosition, opora_position, OPORA_TYPE_POSITION, position_names)
DEFINE_CONVERSIONS (OporaSex, opora_sex, OPORA_TYPE_SEX, sex_names)
DEFINE_CONVERSIONS (OporaRelation, opora_relation, OPORA_TYPE_RELATION, relation_names)
DEFINE_CONVERSIONS (OporaSettlement, opora_settlement, OPORA_TYPE_SETTLEMENT,
                    settlement_names)
