/* The words a demo centre is made of: names with their gender forms, streets and
 * settlements of Yugorsk, partner organisations from the seeds, the texts of records. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  const char *patronymic_male;   /* of his son: Сергеевич */
  const char *patronymic_female; /* of his daughter: Сергеевна */
} OporaDemoMaleName;

typedef struct
{
  const char *name;
  const char *kind;
  const char *profile;
  const char *contacts;
  const char *address;
  const char *hours;
  const char *conditions;
} OporaDemoOrganisation;

typedef struct
{
  const char *type;
  const char *needs[6];  /* NULL-terminated */
} OporaDemoMeasureNeeds;

#define OPORA_DEMO_LIST(name) \
  extern const char * const name[]; \
  extern const guint name##_len

OPORA_DEMO_LIST (opora_demo_surnames);        /* male forms */
OPORA_DEMO_LIST (opora_demo_female_names);
OPORA_DEMO_LIST (opora_demo_streets);         /* in the town: districts 1–6 */
OPORA_DEMO_LIST (opora_demo_settlements);     /* rural: districts 7–8 */
OPORA_DEMO_LIST (opora_demo_village_streets);
OPORA_DEMO_LIST (opora_demo_hardship_causes);
OPORA_DEMO_LIST (opora_demo_termination_reasons);
OPORA_DEMO_LIST (opora_demo_employment_states);
OPORA_DEMO_LIST (opora_demo_living_conditions);
OPORA_DEMO_LIST (opora_demo_proposals);

extern const OporaDemoMaleName     opora_demo_male_names[];
extern const guint                 opora_demo_male_names_len;
extern const OporaDemoOrganisation opora_demo_organisations[];
extern const guint                 opora_demo_organisations_len;
extern const OporaDemoMeasureNeeds opora_demo_measure_needs[];
extern const guint                 opora_demo_measure_needs_len;

/* Иванов → Иванова, Вишневский → Вишневская, Шевченко → Шевченко. */
char *opora_demo_female_surname  (const char *male);
/* Иванов → Ивановы, Вишневский → Вишневские: how a family is called. */
char *opora_demo_family_name     (const char *male);

G_END_DECLS
