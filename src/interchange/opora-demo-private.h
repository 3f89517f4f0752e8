/* The parts of the demo generator: opora-demo.c writes contracts and what hangs on them,
 * opora-demo-parts.c plans families and programmes and writes the fixed records. */
#pragma once

#include "opora-demo.h"
#include "opora-demo-data.h"
#include "opora-store-bulk.h"

G_BEGIN_DECLS

#define AUDIT "created_at", "updated_at", "created_by", "updated_by"

/* Applicant, spouse, up to five children. */
#define DEMO_MAX_MEMBERS 7

typedef struct
{
  gint64      id;
  const char *surname;
  const char *name;
  const char *patronymic;
  const char *relation;
  GDate       birth;
  gboolean    female;
  gboolean    adult;
} DemoPerson;

typedef struct
{
  gint64      id;
  gint64      curator;
  char        name[64];
  char        address[192];
  const char *district;
  guint       n_children;
  guint       n_members;
  gboolean    rural;
  gboolean    living_alone;
  gboolean    single_parent;
  gboolean    disabled_child;
  gboolean    young_child;     /* a child under seven: a kindergarten place may be needed */
  DemoPerson  members[DEMO_MAX_MEMBERS]; /* [0] is the applicant */
} DemoFamily;

typedef struct
{
  gint64      id;
  char        number[40];
  GDate       concluded;
  GDate       term_start;
  GDate       term_end;
  GDate       ended_on;        /* term_end, or the day a terminated contract stopped */
  GDate       recorded;        /* the outcome's date */
  const char *status;
  const char *termination_reason;
  const char *situation;
  double      minimum;
  double      income_start;
  double      income_end;
  gboolean    terminated;
  gboolean    has_outcome;
  gboolean    programme_completed;
  gboolean    cause_eliminated;
  gboolean    status_raised;
  DemoFamily  family;
} DemoContract;

typedef struct
{
  OporaStore       *store;
  GRand            *rand;
  OporaBulkInsert  *family;
  OporaBulkInsert  *person;
  OporaBulkInsert  *contract;
  OporaBulkInsert  *measure;
  OporaBulkInsert  *analysis;
  OporaBulkInsert  *outcome;
  OporaBulkInsert  *act;
  OporaBulkInsert  *enrollment;
  GDate             reference;
  guint32           first_day;
  guint32           last_day;
  char            **female_surnames;
  char            **family_names;
  char            **districts;
  gint64            next_person;
  gint64            next_family;
  gint64            next_measure;
  gint64            next_act;
  gint64            next_enrollment;
  gint64            family_specialists[4];
  gint64            psychologists[2];
  gint64            district_specialists[2];
  gint64            legal_adviser;
  guint64           snils_step;
  guint64           snils_offset;
} Demo;

void        demo_init          (Demo          *d,
                                const char    *first_day,
                                const char    *last_day,
                                const char    *reference);
void        demo_clear         (Demo          *d);

gboolean    demo_chance        (Demo          *d,
                                double         probability);
int         demo_int           (Demo          *d,
                                int            low,
                                int            high);  /* both included */
double      demo_uniform       (Demo          *d,
                                double         low,
                                double         high);
const char *demo_pick_from     (Demo               *d,
                                const char * const *list,
                                guint               n);
double      demo_money         (double         roubles); /* rounded to kopecks */

void        demo_iso           (const GDate   *date,
                                char           out[11]);
/* A time of day in office hours on @date, as the audit columns keep it. */
void        demo_stamp         (Demo          *d,
                                const GDate   *date,
                                char           out[21]);
void        demo_audit         (OporaBulkInsert *insert,
                                guint            first,
                                const char      *created,
                                const char      *updated,
                                gint64           author);
/* A valid SNILS, different for every @person_id. */
void        demo_snils         (Demo          *d,
                                gint64         person_id,
                                char           out[12]);
void        demo_phone         (Demo          *d,
                                char           out[24]);

const char *demo_technology    (Demo          *d,
                                DemoFamily    *family);
gint64      demo_staff_for     (Demo          *d,
                                const char    *technology);

void        demo_plan_family   (Demo          *d,
                                DemoContract  *c);
void        demo_plan_outcome  (Demo          *d,
                                DemoContract  *c,
                                gboolean       ended);

gboolean    demo_write_institution   (Demo     *d,
                                      GError  **error);
gboolean    demo_write_staff         (Demo     *d,
                                      GError  **error);
gboolean    demo_write_organisations (Demo     *d,
                                      GError  **error);

G_END_DECLS
