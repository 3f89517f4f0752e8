/* The closed sets of values of the people registry: a staff member's position (должность),
 * a person's sex, a family member's relation to the family (степень родства) and where a
 * family lives (город / село). Each has the text stored in the database
 * (to_string/from_string) and a translated name for people (display_name). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* NONE: not chosen yet (refused on save where the field is required). */
typedef enum
{
  OPORA_POSITION_NONE,
  OPORA_POSITION_FAMILY_SPECIALIST,   /* специалист по работе с семьей */
  OPORA_POSITION_DISTRICT_SPECIALIST, /* специалист участковой социальной службы */
  OPORA_POSITION_PSYCHOLOGIST,
  OPORA_POSITION_LEGAL_ADVISER,       /* юрисконсульт */
  OPORA_POSITION_HEAD_OF_DEPARTMENT,  /* заведующий отделением */
  OPORA_POSITION_DIRECTOR,
  OPORA_POSITION_DEPUTY_DIRECTOR,
} OporaPosition;

typedef enum
{
  OPORA_SEX_NONE,
  OPORA_SEX_MALE,
  OPORA_SEX_FEMALE,
} OporaSex;

/* NONE: the person belongs to no family, or the relation is not known. */
typedef enum
{
  OPORA_RELATION_NONE,
  OPORA_RELATION_APPLICANT,   /* заявитель */
  OPORA_RELATION_SPOUSE,
  OPORA_RELATION_CHILD,
  OPORA_RELATION_PARENT,
  OPORA_RELATION_SIBLING,
  OPORA_RELATION_GRANDPARENT,
  OPORA_RELATION_GRANDCHILD,
  OPORA_RELATION_OTHER,
} OporaRelation;

typedef enum
{
  OPORA_SETTLEMENT_URBAN,
  OPORA_SETTLEMENT_RURAL,
} OporaSettlement;

#define OPORA_TYPE_POSITION   (opora_position_get_type ())
#define OPORA_TYPE_SEX        (opora_sex_get_type ())
#define OPORA_TYPE_RELATION   (opora_relation_get_type ())
#define OPORA_TYPE_SETTLEMENT (opora_settlement_get_type ())

GType       opora_position_get_type        (void) G_GNUC_CONST;
GType       opora_sex_get_type             (void) G_GNUC_CONST;
GType       opora_relation_get_type        (void) G_GNUC_CONST;
GType       opora_settlement_get_type      (void) G_GNUC_CONST;

/* to_string gives the stored text ("family_specialist"), NULL for a NONE value.
 * from_string is FALSE for NULL or unknown text and leaves @out untouched.
 * display_name is translated; a NONE value reads "Not chosen" ("Not set" for relation). */
const char *opora_position_to_string       (OporaPosition    position);
gboolean    opora_position_from_string     (const char      *text,
                                            OporaPosition   *out);
const char *opora_position_display_name    (OporaPosition    position);

const char *opora_sex_to_string            (OporaSex         sex);
gboolean    opora_sex_from_string          (const char      *text,
                                            OporaSex        *out);
const char *opora_sex_display_name         (OporaSex         sex);

const char *opora_relation_to_string       (OporaRelation    relation);
gboolean    opora_relation_from_string     (const char      *text,
                                            OporaRelation   *out);
const char *opora_relation_display_name    (OporaRelation    relation);

const char *opora_settlement_to_string     (OporaSettlement  settlement);
gboolean    opora_settlement_from_string   (const char      *text,
                                            OporaSettlement *out);
const char *opora_settlement_display_name  (OporaSettlement  settlement);

G_END_DECLS
