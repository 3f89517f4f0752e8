/* The demo centre's people and programmes (see opora-demo-private.h). */
#define G_LOG_DOMAIN "opora-demo"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "opora-demo-private.h"
#include "opora-snils.h"
#include "opora-store-records.h"

/* SNILS numbers above the last one issued without a check number. */
#define SNILS_FIRST  1002000
#define SNILS_COUNT  (G_GUINT64_CONSTANT (999999999) - SNILS_FIRST + 1)

static void
parse_iso (const char *iso,
           GDate      *date)
{
  int year = 0, month = 0, day = 0;

  sscanf (iso, "%d-%d-%d", &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static guint64
gcd (guint64 a,
     guint64 b)
{
  while (b != 0)
    {
      guint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

void
demo_init (Demo       *d,
           const char *first_day,
           const char *last_day,
           const char *reference)
{
  GDate date;

  parse_iso (first_day, &date);
  d->first_day = g_date_get_julian (&date);
  parse_iso (last_day, &date);
  d->last_day = g_date_get_julian (&date);
  parse_iso (reference, &d->reference);

  d->female_surnames = g_new0 (char *, opora_demo_surnames_len + 1);
  d->family_names = g_new0 (char *, opora_demo_surnames_len + 1);
  for (guint i = 0; i < opora_demo_surnames_len; i++)
    {
      d->female_surnames[i] = opora_demo_female_surname (opora_demo_surnames[i]);
      d->family_names[i] = opora_demo_family_name (opora_demo_surnames[i]);
    }
  d->districts = g_new0 (char *, 9);
  for (guint i = 0; i < 8; i++)
    d->districts[i] = g_strdup_printf ("Участок № %u", i + 1);

  /* step·id + offset modulo the count of numbers is one-to-one when step is coprime
   * with it: every person gets a SNILS of their own without a set to look it up in. */
  do
    d->snils_step = (guint64) g_rand_int_range (d->rand, 1000, G_MAXINT32);
  while (gcd (d->snils_step, SNILS_COUNT) != 1);
  d->snils_offset = (guint64) g_rand_int_range (d->rand, 0, G_MAXINT32) % SNILS_COUNT;
}

void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->female_surnames, g_strfreev);
  g_clear_pointer (&d->family_names, g_strfreev);
  g_clear_pointer (&d->districts, g_strfreev);
}

gboolean
demo_chance (Demo   *d,
             double  probability)
{
  return g_rand_double (d->rand) < probability;
}

int
demo_int (Demo *d,
          int   low,
          int   high)
{
  return high <= low ? low : g_rand_int_range (d->rand, low, high + 1);
}

double
demo_uniform (Demo   *d,
              double  low,
              double  high)
{
  return g_rand_double_range (d->rand, low, high);
}

const char *
demo_pick_from (Demo               *d,
                const char * const *list,
                guint               n)
{
  return list[g_rand_int_range (d->rand, 0, (gint32) n)];
}

double
demo_money (double roubles)
{
  return round (roubles * 100.0) / 100.0;
}

void
demo_iso (const GDate *date,
          char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

void
demo_stamp (Demo        *d,
            const GDate *date,
            char         out[21])
{
  /* 9:00–17:59 in Yugorsk is 4:00–12:59 UTC. */
  g_snprintf (out, 21, "%04u-%02u-%02uT%02d:%02d:%02dZ", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date),
              demo_int (d, 4, 12), demo_int (d, 0, 59), demo_int (d, 0, 59));
}

void
demo_audit (OporaBulkInsert *insert,
            guint            first,
            const char      *created,
            const char      *updated,
            gint64           author)
{
  opora_bulk_insert_text (insert, first, created);
  opora_bulk_insert_text (insert, first + 1, updated);
  if (author > 0)
    {
      opora_bulk_insert_int (insert, first + 2, author);
      opora_bulk_insert_int (insert, first + 3, author);
    }
}

void
demo_snils (Demo   *d,
            gint64  person_id,
            char    out[12])
{
  guint64 number = SNILS_FIRST + ((guint64) person_id * d->snils_step + d->snils_offset)
                                 % SNILS_COUNT;
  char nine[10];

  g_snprintf (nine, sizeof nine, "%09" G_GUINT64_FORMAT, number);
  g_snprintf (out, 12, "%s%02d", nine, opora_snils_checksum (nine));
}

void
demo_phone (Demo *d,
            char  out[24])
{
  static const int operators[] = { 12, 22, 32, 50, 58, 82, 88, 95, 96, 99 };

  g_snprintf (out, 24, "+7 9%02d %03d-%02d-%02d",
              operators[demo_int (d, 0, G_N_ELEMENTS (operators) - 1)],
              demo_int (d, 100, 999), demo_int (d, 0, 99), demo_int (d, 0, 99));
}

const char *
demo_technology (Demo       *d,
                 DemoFamily *family)
{
  double x = g_rand_double (d->rand);

  if (x < 0.38)
    return "lift";
  if (x < 0.63)
    return "peer";
  if (x < 0.78)
    return "agent";
  if (x < 0.90)
    return "mediation";
  /* Mentoring is for families with minor children. */
  return family->n_children > 0 ? "mentoring" : "lift";
}

gint64
demo_staff_for (Demo       *d,
                const char *technology)
{
  if (g_str_equal (technology, "peer") || g_str_equal (technology, "lift"))
    return d->psychologists[demo_int (d, 0, 1)];
  if (g_str_equal (technology, "agent"))
    return d->district_specialists[demo_int (d, 0, 1)];
  return d->family_specialists[demo_int (d, 0, 3)];
}

static void
plan_person (Demo                    *d,
             DemoPerson              *p,
             gboolean                 female,
             guint                    surname,
             const OporaDemoMaleName *father,
             const GDate             *concluded,
             int                      age)
{
  p->id = ++d->next_person;
  p->female = female;
  p->surname = female ? d->female_surnames[surname] : opora_demo_surnames[surname];
  if (female)
    p->name = demo_pick_from (d, opora_demo_female_names, opora_demo_female_names_len);
  else
    p->name = opora_demo_male_names[demo_int (d, 0, opora_demo_male_names_len - 1)].name;
  p->patronymic = father == NULL ? NULL
                  : female ? father->patronymic_female : father->patronymic_male;
  p->birth = *concluded;
  g_date_subtract_days (&p->birth, age * 365 + age / 4 + demo_int (d, 1, 364));
  p->adult = age >= 18;
}

static const OporaDemoMaleName *
random_father (Demo *d)
{
  return &opora_demo_male_names[demo_int (d, 0, opora_demo_male_names_len - 1)];
}

static const OporaDemoMaleName *
male_name (const char *name)
{
  for (guint i = 0; i < opora_demo_male_names_len; i++)
    if (g_str_equal (opora_demo_male_names[i].name, name))
      return &opora_demo_male_names[i];
  return NULL;
}

void
demo_plan_family (Demo         *d,
                  DemoContract *c)
{
  DemoFamily *f = &c->family;
  guint surname = (guint) demo_int (d, 0, opora_demo_surnames_len - 1);
  gboolean female = demo_chance (d, 0.72);
  gboolean spouse;
  const OporaDemoMaleName *father = NULL;
  int age;

  f->id = ++d->next_family;
  f->curator = d->family_specialists[demo_int (d, 0, 3)];
  f->rural = demo_chance (d, 0.2);
  if (f->rural)
    {
      guint s = (guint) demo_int (d, 0, opora_demo_settlements_len - 1);

      f->district = d->districts[6 + s % 2];
      g_snprintf (f->address, sizeof f->address, "6282%02u, Советский район, %s, %s, д. %d",
                  40 + s, opora_demo_settlements[s],
                  demo_pick_from (d, opora_demo_village_streets, opora_demo_village_streets_len),
                  demo_int (d, 1, 60));
    }
  else
    {
      guint s = (guint) demo_int (d, 0, opora_demo_streets_len - 1);
      int house = demo_int (d, 1, 80);

      f->district = d->districts[s % 6];
      if (demo_chance (d, 0.85))
        g_snprintf (f->address, sizeof f->address, "62826%d, г. Югорск, %s, д. %d, кв. %d",
                    demo_int (d, 0, 3), opora_demo_streets[s], house, demo_int (d, 1, 120));
      else
        g_snprintf (f->address, sizeof f->address, "62826%d, г. Югорск, %s, д. %d",
                    demo_int (d, 0, 3), opora_demo_streets[s], house);
    }
  g_strlcpy (f->name, d->family_names[surname], sizeof f->name);

  f->living_alone = demo_chance (d, 0.14);
  spouse = !f->living_alone && demo_chance (d, 0.55);
  if (f->living_alone)
    f->n_children = 0;
  else if (spouse)
    {
      double x = g_rand_double (d->rand);
      f->n_children = x < 0.06 ? 0 : x < 0.34 ? 1 : x < 0.66 ? 2 : x < 0.86 ? 3 : x < 0.96 ? 4 : 5;
    }
  else
    {
      double x = g_rand_double (d->rand);
      f->n_children = x < 0.45 ? 1 : x < 0.76 ? 2 : x < 0.93 ? 3 : 4;
    }
  f->single_parent = !spouse && f->n_children > 0;
  f->disabled_child = f->n_children > 0 && demo_chance (d, 0.06);

  /* The applicant, old enough to be the parent of the eldest child. */
  age = f->n_children > 0 ? demo_int (d, 22, 49) : demo_int (d, 20, 62);
  plan_person (d, &f->members[0], female, surname,
               demo_chance (d, 0.97) ? random_father (d) : NULL, &c->concluded, age);
  f->members[0].relation = "applicant";
  f->n_members = 1;
  if (!female)
    father = male_name (f->members[0].name);

  if (spouse)
    {
      DemoPerson *p = &f->members[f->n_members++];

      plan_person (d, p, !female, surname, random_father (d), &c->concluded,
                   CLAMP (age + demo_int (d, -6, 6), 19, 65));
      p->relation = "spouse";
      if (female)
        father = male_name (p->name);
    }
  if (father == NULL)
    father = random_father (d); /* the children's father lives elsewhere */

  for (guint i = 0; i < f->n_children; i++)
    {
      DemoPerson *p = &f->members[f->n_members++];
      int child_age = demo_int (d, 0, MIN (17, age - 18));

      plan_person (d, p, demo_chance (d, 0.5), surname, father, &c->concluded, child_age);
      p->relation = "child";
      if (child_age < 7)
        f->young_child = TRUE;
    }
}

void
demo_plan_outcome (Demo         *d,
                   DemoContract *c,
                   gboolean      ended)
{
  double x;

  c->has_outcome = ended && demo_chance (d, 0.93);
  if (!c->has_outcome)
    return;

  c->recorded = c->ended_on;
  g_date_add_days (&c->recorded, demo_int (d, 1, 25));
  if (g_date_compare (&c->recorded, &d->reference) >= 0)
    {
      c->recorded = d->reference;
      g_date_subtract_days (&c->recorded, 1);
    }

  x = g_rand_double (d->rand);
  if (c->terminated)
    {
      c->programme_completed = FALSE;
      c->situation = x < 0.15 ? "better" : x < 0.75 ? "unchanged" : "worse";
    }
  else
    {
      c->programme_completed = demo_chance (d, 0.86);
      if (c->programme_completed)
        c->situation = x < 0.8 ? "better" : x < 0.97 ? "unchanged" : "worse";
      else
        c->situation = x < 0.35 ? "better" : x < 0.85 ? "unchanged" : "worse";
    }
  c->cause_eliminated = g_str_equal (c->situation, "better") && demo_chance (d, 0.8);
  c->status_raised = c->programme_completed && g_str_equal (c->situation, "better") &&
                     demo_chance (d, 0.9);
  if (g_str_equal (c->situation, "better"))
    c->income_end = demo_money (c->minimum * demo_uniform (d, 1.02, 1.6));
  else if (g_str_equal (c->situation, "unchanged"))
    c->income_end = demo_money (c->minimum * demo_uniform (d, 0.6, 0.99));
  else
    c->income_end = demo_money (c->minimum * demo_uniform (d, 0.4, 0.8));
}

#define SETUP_STAMP "2020-12-01T05:00:00Z"

static gboolean
collect_seed_cb (const char  *table,
                 GVariant    *record,
                 gpointer     user_data,
                 GError     **error)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_iter_init (&iter, record);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      if (g_str_equal (key, "created_at") || g_str_equal (key, "updated_at"))
        g_variant_builder_add (&builder, "{sv}", key, g_variant_new_string (SETUP_STAMP));
      else
        g_variant_builder_add (&builder, "{sv}", key, value);
      g_variant_unref (value);
    }
  g_ptr_array_add (user_data, g_variant_ref_sink (g_variant_builder_end (&builder)));
  return TRUE;
}

/* What the migrations put in a new database (the built-in survey…) carries the time the
 * file was made. Written again at the centre's own set-up time, so that the same seed
 * gives the same registry whenever it is made. */
static gboolean
restamp_seed_records (Demo    *d,
                      GError **error)
{
  const char * const *tables = opora_store_record_tables ();
  guint n = g_strv_length ((char **) tables);
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func (
    (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < n; i++)
    {
      GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

      g_ptr_array_add (seeds, records);
      if (!opora_store_foreach_record (d->store, tables[i], collect_seed_cb, records, error))
        return FALSE;
    }
  /* Children first, so that no cascade takes a row that is still to be read back. */
  for (guint i = n; i-- > 0;)
    if (((GPtrArray *) g_ptr_array_index (seeds, i))->len > 0 &&
        !opora_store_clear_seed_records (d->store, tables[i], error))
      return FALSE;
  for (guint i = 0; i < n; i++)
    {
      GPtrArray *records = g_ptr_array_index (seeds, i);

      for (guint j = 0; j < records->len; j++)
        if (!opora_store_insert_record (d->store, tables[i], g_ptr_array_index (records, j),
                                        error))
          return FALSE;
    }
  return TRUE;
}

gboolean
demo_write_institution (Demo    *d,
                        GError **error)
{
  g_autoptr(GVariant) record = g_variant_ref_sink (g_variant_new_parsed (
    "{'id': <int64 1>,"
    " 'full_name': <'БУ «Югорский комплексный центр социального обслуживания населения»'>,"
    " 'short_name': <'БУ «Югорский КЦСОН»'>,"
    " 'address': <'628263, Ханты-Мансийский автономный округ – Югра, г. Югорск, "
    "ул. Толстого, д. 8'>,"
    " 'phone': <'8(34675) 7-24-16'>, 'city': <'Югорск'>, 'city_locative': <'Югорске'>,"
    " 'created_at': <'" SETUP_STAMP "'>, 'updated_at': <'" SETUP_STAMP "'>}"));

  return restamp_seed_records (d, error) &&
         opora_store_clear_seed_records (d->store, "institution", error) &&
         opora_store_insert_record (d->store, "institution", record, error);
}

gboolean
demo_write_staff (Demo    *d,
                  GError **error)
{
  static const char * const columns[] = {
    "id", "full_name", "position", "district", "active", AUDIT, NULL
  };
  static const char * const positions[] = {
    "director", "deputy_director", "head_of_department", "family_specialist",
    "family_specialist", "family_specialist", "family_specialist", "district_specialist",
    "district_specialist", "psychologist", "psychologist", "legal_adviser",
  };
  g_autoptr(OporaBulkInsert) in = opora_bulk_insert_new (d->store, "staff", columns, error);
  guint n_family = 0, n_district = 0, n_psychologist = 0;
  GDate hired;

  if (in == NULL)
    return FALSE;
  g_date_clear (&hired, 1);
  g_date_set_dmy (&hired, 1, G_DATE_DECEMBER, 2020);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      gint64 id = i + 1;
      DemoPerson p = { 0 };
      g_autofree char *full_name = NULL;
      char stamp[21];

      plan_person (d, &p, demo_chance (d, 0.8),
                   (guint) demo_int (d, 0, opora_demo_surnames_len - 1), random_father (d),
                   &hired, demo_int (d, 26, 58));
      d->next_person = 0; /* staff are not persons: keep person ids from 1 */
      full_name = g_strdup_printf ("%s %s %s", p.surname, p.name, p.patronymic);
      demo_stamp (d, &hired, stamp);

      opora_bulk_insert_int (in, 0, id);
      opora_bulk_insert_text (in, 1, full_name);
      opora_bulk_insert_text (in, 2, positions[i]);
      opora_bulk_insert_int (in, 4, 1);
      if (g_str_equal (positions[i], "family_specialist"))
        d->family_specialists[n_family++] = id;
      else if (g_str_equal (positions[i], "psychologist"))
        d->psychologists[n_psychologist++] = id;
      else if (g_str_equal (positions[i], "legal_adviser"))
        d->legal_adviser = id;
      else if (g_str_equal (positions[i], "district_specialist"))
        {
          /* One for the town's districts, one for the villages'. */
          opora_bulk_insert_text (in, 3, d->districts[n_district == 0 ? 0 : 6]);
          d->district_specialists[n_district++] = id;
        }
      /* The head of department entered her colleagues; the director came first. */
      demo_audit (in, 5, stamp, stamp, i < 2 ? 0 : 3);
      if (!opora_bulk_insert_run (in, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
demo_write_organisations (Demo    *d,
                          GError **error)
{
  static const char * const org_columns[] = {
    "id", "name", "kind", "profile", "contacts", "address", "hours", "conditions", AUDIT, NULL
  };
  static const char * const agreement_columns[] = {
    "id", "organisation_id", "number", "signed_on", "valid_until", AUDIT, NULL
  };
  g_autoptr(OporaBulkInsert) org = NULL;
  g_autoptr(OporaBulkInsert) agreement = NULL;
  gint64 next_agreement = 0;
  GDate first, last;

  org = opora_bulk_insert_new (d->store, "organisation", org_columns, error);
  if (org == NULL)
    return FALSE;
  agreement = opora_bulk_insert_new (d->store, "agreement", agreement_columns, error);
  if (agreement == NULL)
    return FALSE;
  parse_iso ("2020-01-15", &first);
  parse_iso ("2024-09-30", &last);

  for (guint i = 0; i < opora_demo_organisations_len; i++)
    {
      const OporaDemoOrganisation *o = &opora_demo_organisations[i];
      int n_agreements = demo_int (d, 1, 2);
      char stamp[21];

      demo_stamp (d, &first, stamp);
      opora_bulk_insert_int (org, 0, i + 1);
      opora_bulk_insert_text (org, 1, o->name);
      opora_bulk_insert_text (org, 2, o->kind);
      opora_bulk_insert_text (org, 3, o->profile);
      opora_bulk_insert_text (org, 4, o->contacts);
      opora_bulk_insert_text (org, 5, o->address);
      opora_bulk_insert_text (org, 6, o->hours);
      opora_bulk_insert_text (org, 7, o->conditions);
      demo_audit (org, 8, stamp, stamp, d->family_specialists[0]);
      if (!opora_bulk_insert_run (org, error))
        return FALSE;

      /* Some run out before the reference day, some have no end: as in life. */
      for (int k = 0; k < n_agreements; k++)
        {
          GDate signed_on, valid_until;
          char signed_iso[11], valid_iso[11], number[32];

          g_date_clear (&signed_on, 1);
          g_date_set_julian (&signed_on, g_date_get_julian (&first) +
                             (guint32) demo_int (d, 0, (int) g_date_days_between (&first, &last)));
          demo_iso (&signed_on, signed_iso);
          demo_stamp (d, &signed_on, stamp);
          g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT "-С/%u", ++next_agreement,
                      (guint) g_date_get_year (&signed_on));
          opora_bulk_insert_int (agreement, 0, next_agreement);
          opora_bulk_insert_int (agreement, 1, i + 1);
          opora_bulk_insert_text (agreement, 2, number);
          opora_bulk_insert_text (agreement, 3, signed_iso);
          if (demo_chance (d, 0.85))
            {
              valid_until = signed_on;
              g_date_add_years (&valid_until, demo_int (d, 1, 3));
              g_date_subtract_days (&valid_until, 1);
              demo_iso (&valid_until, valid_iso);
              opora_bulk_insert_text (agreement, 4, valid_iso);
            }
          demo_audit (agreement, 5, stamp, stamp, d->family_specialists[0]);
          if (!opora_bulk_insert_run (agreement, error))
            return FALSE;
        }
    }
  return TRUE;
}
