#define G_LOG_DOMAIN "opora-store"

#include <glib/gi18n.h>

#include "opora-schema.h"
#include "opora-error.h"
#include "opora-schema-peer.h"

/*
 * Each step takes a database at version N-1 to N. Steps are never edited once released:
 * a change is a new step. Dates are ISO 8601 text (YYYY-MM-DD), times ISO 8601 UTC;
 * money is REAL in roubles. Every record carries who created and last changed it.
 */

#define AUDIT_COLUMNS                                                    \
  "  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  created_by  INTEGER REFERENCES staff (id) ON DELETE SET NULL,\n"    \
  "  updated_by  INTEGER REFERENCES staff (id) ON DELETE SET NULL\n"

static const char migration_1[] =
  /* The institution's own details: one row, printed on forms. */
  "CREATE TABLE institution (\n"
  "  id          INTEGER PRIMARY KEY CHECK (id = 1),\n"
  "  full_name   TEXT NOT NULL DEFAULT '',\n"
  "  short_name  TEXT NOT NULL DEFAULT '',\n"
  "  address     TEXT NOT NULL DEFAULT '',\n"
  "  phone       TEXT NOT NULL DEFAULT '',\n"
  "  city        TEXT NOT NULL DEFAULT '',\n"
  AUDIT_COLUMNS
  ");\n"
  "INSERT INTO institution (id) VALUES (1);\n"

  "CREATE TABLE staff (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  full_name   TEXT NOT NULL CHECK (full_name <> ''),\n"
  "  position    TEXT NOT NULL CHECK (position IN ('family_specialist', 'district_specialist',\n"
  "                'psychologist', 'legal_adviser', 'head_of_department', 'director',\n"
  "                'deputy_director')),\n"
  "  district    TEXT,\n"
  "  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
  AUDIT_COLUMNS
  ");\n"

  /* A household. The kind flags may combine: a large single-parent family is both. */
  "CREATE TABLE family (\n"
  "  id                  INTEGER PRIMARY KEY,\n"
  "  name                TEXT NOT NULL CHECK (name <> ''),\n"
  "  minor_children      INTEGER NOT NULL DEFAULT 0 CHECK (minor_children >= 0),\n"
  "  is_large            INTEGER NOT NULL DEFAULT 0 CHECK (is_large IN (0, 1)),\n"
  "  is_single_parent    INTEGER NOT NULL DEFAULT 0 CHECK (is_single_parent IN (0, 1)),\n"
  "  has_disabled_child  INTEGER NOT NULL DEFAULT 0 CHECK (has_disabled_child IN (0, 1)),\n"
  "  is_living_alone     INTEGER NOT NULL DEFAULT 0 CHECK (is_living_alone IN (0, 1)),\n"
  "  settlement          TEXT NOT NULL DEFAULT 'urban' CHECK (settlement IN ('urban', 'rural')),\n"
  "  address             TEXT,\n"
  "  notes               TEXT,\n"
  AUDIT_COLUMNS
  ");\n"

  "CREATE TABLE person (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  surname     TEXT NOT NULL CHECK (surname <> ''),\n"
  "  name        TEXT NOT NULL CHECK (name <> ''),\n"
  "  patronymic  TEXT,\n"
  "  birth_date  TEXT CHECK (birth_date IS NULL OR date(birth_date) = birth_date),\n"
  "  sex         TEXT NOT NULL CHECK (sex IN ('male', 'female')),\n"
  "  snils       TEXT UNIQUE CHECK (snils IS NULL OR (length(snils) = 11\n"
  "                AND snils NOT GLOB '*[^0-9]*')),\n"
  "  phone       TEXT,\n"
  "  address     TEXT,\n"
  "  district    TEXT,\n"
  "  notes       TEXT,\n"
  "  family_id   INTEGER REFERENCES family (id) ON DELETE SET NULL,\n"
  "  relation    TEXT CHECK (relation IS NULL OR relation IN ('applicant', 'spouse', 'child',\n"
  "                'parent', 'sibling', 'grandparent', 'grandchild', 'other')),\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX person_name_idx ON person (surname, name, patronymic, id);\n"
  "CREATE INDEX person_family_idx ON person (family_id);\n"
  "CREATE INDEX person_district_idx ON person (district, surname, name, id);\n"
  "CREATE INDEX person_birth_idx ON person (birth_date, id);\n"

  /* Case-insensitive search for Cyrillic: unicode61 folds case; kept in step by triggers. */
  "CREATE VIRTUAL TABLE person_search USING fts5 (\n"
  "  surname, name, patronymic, snils, phone,\n"
  "  content = 'person', content_rowid = 'id',\n"
  "  tokenize = \"unicode61 remove_diacritics 0\", prefix = '2 3'\n"
  ");\n"
  "CREATE TRIGGER person_search_ai AFTER INSERT ON person BEGIN\n"
  "  INSERT INTO person_search (rowid, surname, name, patronymic, snils, phone)\n"
  "  VALUES (new.id, new.surname, new.name, new.patronymic, new.snils, new.phone);\n"
  "END;\n"
  "CREATE TRIGGER person_search_ad AFTER DELETE ON person BEGIN\n"
  "  INSERT INTO person_search (person_search, rowid, surname, name, patronymic, snils, phone)\n"
  "  VALUES ('delete', old.id, old.surname, old.name, old.patronymic, old.snils, old.phone);\n"
  "END;\n"
  "CREATE TRIGGER person_search_au AFTER UPDATE OF surname, name, patronymic, snils, phone\n"
  "  ON person BEGIN\n"
  "  INSERT INTO person_search (person_search, rowid, surname, name, patronymic, snils, phone)\n"
  "  VALUES ('delete', old.id, old.surname, old.name, old.patronymic, old.snils, old.phone);\n"
  "  INSERT INTO person_search (rowid, surname, name, patronymic, snils, phone)\n"
  "  VALUES (new.id, new.surname, new.name, new.patronymic, new.snils, new.phone);\n"
  "END;\n"

  "CREATE TABLE contract (\n"
  "  id                   INTEGER PRIMARY KEY,\n"
  "  number               TEXT NOT NULL UNIQUE CHECK (number <> ''),\n"
  "  person_id            INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,\n"
  "  family_id            INTEGER REFERENCES family (id) ON DELETE SET NULL,\n"
  "  concluded_on         TEXT NOT NULL CHECK (date(concluded_on) = concluded_on),\n"
  "  term_start           TEXT NOT NULL CHECK (date(term_start) = term_start),\n"
  "  term_end             TEXT NOT NULL CHECK (date(term_end) = term_end),\n"
  "  status               TEXT NOT NULL DEFAULT 'active'\n"
  "                         CHECK (status IN ('active', 'completed', 'terminated')),\n"
  "  termination_reason   TEXT,\n"
  "  curator_id           INTEGER REFERENCES staff (id) ON DELETE SET NULL,\n"
  "  income_start         REAL CHECK (income_start IS NULL OR income_start >= 0),\n"
  "  income_end           REAL CHECK (income_end IS NULL OR income_end >= 0),\n"
  "  subsistence_minimum  REAL CHECK (subsistence_minimum IS NULL OR subsistence_minimum >= 0),\n"
  "  hardship_causes      TEXT,\n"
  AUDIT_COLUMNS ",\n"
  "  CHECK (term_end >= term_start),\n"
  "  CHECK (status <> 'terminated' OR coalesce(termination_reason, '') <> '')\n"
  ");\n"
  "CREATE INDEX contract_person_idx ON contract (person_id);\n"
  "CREATE INDEX contract_family_idx ON contract (family_id);\n"
  "CREATE INDEX contract_concluded_idx ON contract (concluded_on, id);\n"
  "CREATE INDEX contract_term_end_idx ON contract (term_end, id);\n"
  "CREATE INDEX contract_status_idx ON contract (status, concluded_on, id);\n"
  "CREATE INDEX contract_curator_idx ON contract (curator_id);\n"

  /* The programme of social adaptation: its measures. */
  "CREATE TABLE measure (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  contract_id      INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,\n"
  "  type             TEXT NOT NULL CHECK (type IN ('employment', 'training',\n"
  "                     'entrepreneurship', 'subsidiary_farm', 'financial_literacy',\n"
  "                     'alimony', 'kindergarten', 'other')),\n"
  "  need             TEXT,\n"
  "  planned_on       TEXT CHECK (planned_on IS NULL OR date(planned_on) = planned_on),\n"
  "  status           TEXT NOT NULL DEFAULT 'planned'\n"
  "                     CHECK (status IN ('planned', 'in_progress', 'done', 'not_done')),\n"
  "  done_on          TEXT CHECK (done_on IS NULL OR date(done_on) = done_on),\n"
  "  note             TEXT,\n"
  "  informed_online  INTEGER CHECK (informed_online IS NULL OR informed_online IN (0, 1)),\n"
  "  certificate      TEXT,\n"
  AUDIT_COLUMNS ",\n"
  "  CHECK (status <> 'done' OR done_on IS NOT NULL)\n"
  ");\n"
  "CREATE INDEX measure_contract_idx ON measure (contract_id, type, status, done_on);\n"

  "CREATE TABLE programme_analysis (\n"
  "  contract_id  INTEGER PRIMARY KEY REFERENCES contract (id) ON DELETE CASCADE,\n"
  "  done         INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),\n"
  "  analysed_on  TEXT CHECK (analysed_on IS NULL OR date(analysed_on) = analysed_on),\n"
  "  low_income   INTEGER NOT NULL DEFAULT 0 CHECK (low_income IN (0, 1)),\n"
  "  needs        TEXT,\n"
  "  proposals    TEXT,\n"
  AUDIT_COLUMNS ",\n"
  "  CHECK (done = 0 OR analysed_on IS NOT NULL)\n"
  ");\n"

  /* Фактическое изменение ситуации, entered when the contract ends. */
  "CREATE TABLE outcome (\n"
  "  contract_id          INTEGER PRIMARY KEY REFERENCES contract (id) ON DELETE CASCADE,\n"
  "  programme_completed  INTEGER NOT NULL CHECK (programme_completed IN (0, 1)),\n"
  "  situation            TEXT NOT NULL CHECK (situation IN ('better', 'unchanged', 'worse')),\n"
  "  cause_eliminated     INTEGER NOT NULL CHECK (cause_eliminated IN (0, 1)),\n"
  "  status_raised        INTEGER NOT NULL CHECK (status_raised IN (0, 1)),\n"
  "  recorded_on          TEXT NOT NULL CHECK (date(recorded_on) = recorded_on),\n"
  AUDIT_COLUMNS
  ");\n"

  /* Мониторинг условий жизни: one act a month for 12 months after the contract ends. */
  "CREATE TABLE monitoring_act (\n"
  "  id                  INTEGER PRIMARY KEY,\n"
  "  contract_id         INTEGER NOT NULL REFERENCES contract (id) ON DELETE CASCADE,\n"
  "  month_no            INTEGER NOT NULL CHECK (month_no BETWEEN 1 AND 12),\n"
  "  act_on              TEXT NOT NULL CHECK (date(act_on) = act_on),\n"
  "  income_per_capita   REAL CHECK (income_per_capita IS NULL OR income_per_capita >= 0),\n"
  "  employment          TEXT,\n"
  "  living_conditions   TEXT,\n"
  AUDIT_COLUMNS ",\n"
  "  UNIQUE (contract_id, month_no)\n"
  ");\n"

  "CREATE TABLE enrollment (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  technology  TEXT NOT NULL CHECK (technology IN ('peer', 'agent', 'lift', 'mediation',\n"
  "                'mentoring')),\n"
  "  from_on     TEXT NOT NULL CHECK (date(from_on) = from_on),\n"
  "  until_on    TEXT CHECK (until_on IS NULL OR date(until_on) = until_on),\n"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,\n"
  "  satisfied   INTEGER CHECK (satisfied IS NULL OR satisfied IN (0, 1)),\n"
  AUDIT_COLUMNS ",\n"
  "  CHECK (until_on IS NULL OR until_on >= from_on)\n"
  ");\n"
  "CREATE INDEX enrollment_person_idx ON enrollment (person_id);\n"
  "CREATE INDEX enrollment_technology_idx ON enrollment (technology, from_on, until_on);\n"

  "CREATE TABLE organisation (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  name        TEXT NOT NULL CHECK (name <> ''),\n"
  "  kind        TEXT NOT NULL CHECK (kind IN ('employment_centre', 'education', 'bailiffs',\n"
  "                'college', 'business_fund', 'youth_centre', 'ngo', 'other')),\n"
  "  profile     TEXT,\n"
  "  contacts    TEXT,\n"
  "  address     TEXT,\n"
  "  hours       TEXT,\n"
  "  conditions  TEXT,\n"
  AUDIT_COLUMNS
  ");\n"

  "CREATE TABLE agreement (\n"
  "  id               INTEGER PRIMARY KEY,\n"
  "  organisation_id  INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,\n"
  "  number           TEXT NOT NULL CHECK (number <> ''),\n"
  "  signed_on        TEXT NOT NULL CHECK (date(signed_on) = signed_on),\n"
  "  valid_until      TEXT CHECK (valid_until IS NULL OR date(valid_until) = valid_until),\n"
  AUDIT_COLUMNS ",\n"
  "  CHECK (valid_until IS NULL OR valid_until >= signed_on)\n"
  ");\n"
  "CREATE INDEX agreement_organisation_idx ON agreement (organisation_id, signed_on);\n";

/* Version 2: surveys, group activities, the peer workflow, indicator targets. */
static const char migration_2[] =
  /* The locative form of the city for printed text: «в городе Югорске». */
  "ALTER TABLE institution ADD COLUMN city_locative TEXT NOT NULL DEFAULT '';\n"

  /* A survey template is data. {institution} and {city_locative} in its texts are filled
   * from the institution's details when it is shown or printed. */
  "CREATE TABLE survey_template (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  code          TEXT UNIQUE,\n"               /* 'peer_consent' for the seed survey */
  "  title         TEXT NOT NULL CHECK (title <> ''),\n"
  "  greeting      TEXT NOT NULL DEFAULT '',\n"
  "  introduction  TEXT NOT NULL DEFAULT '',\n"
  "  instructions  TEXT NOT NULL DEFAULT '',\n"
  "  closing       TEXT NOT NULL DEFAULT '',\n"
  AUDIT_COLUMNS
  ");\n"
  /* A question that has answers is never rewritten: an edit retires it and adds a new one,
   * so old responses stay readable. */
  "CREATE TABLE survey_question (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  template_id  INTEGER NOT NULL REFERENCES survey_template (id) ON DELETE CASCADE,\n"
  "  position     INTEGER NOT NULL CHECK (position >= 1),\n"
  "  code         TEXT,\n"                       /* 'q1', 'q2' for the seed survey */
  "  kind         TEXT NOT NULL CHECK (kind IN ('yes_no', 'single', 'multiple', 'text')),\n"
  "  text         TEXT NOT NULL CHECK (text <> ''),\n"
  "  options      TEXT,\n"                       /* one option a line, for single/multiple */
  "  retired      INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX survey_question_template_idx ON survey_question (template_id, retired, position);\n"
  "CREATE TABLE survey_response (\n"
  "  id            INTEGER PRIMARY KEY,\n"
  "  template_id   INTEGER NOT NULL REFERENCES survey_template (id) ON DELETE RESTRICT,\n"
  "  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  responded_on  TEXT NOT NULL CHECK (date(responded_on) = responded_on),\n"
  "  note          TEXT,\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX survey_response_person_idx ON survey_response (person_id, template_id, responded_on);\n"
  "CREATE INDEX survey_response_template_idx ON survey_response (template_id, responded_on);\n"
  /* yes_no: 'yes' / 'no'; single: the option; multiple: options one a line; text: text. */
  "CREATE TABLE survey_answer (\n"
  "  response_id  INTEGER NOT NULL REFERENCES survey_response (id) ON DELETE CASCADE,\n"
  "  question_id  INTEGER NOT NULL REFERENCES survey_question (id) ON DELETE RESTRICT,\n"
  "  value        TEXT NOT NULL,\n"
  "  PRIMARY KEY (response_id, question_id)\n"
  ");\n"
  "CREATE INDEX survey_answer_question_idx ON survey_answer (question_id, value, response_id);\n"

  /* Peer to peer: persons ready to share their positive experience. */
  "CREATE TABLE peer_register (\n"
  "  id          INTEGER PRIMARY KEY,\n"
  "  person_id   INTEGER NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,\n"
  "  consent_on  TEXT NOT NULL CHECK (date(consent_on) = consent_on),\n"
  "  experience  TEXT,\n"
  AUDIT_COLUMNS
  ");\n"
  /* Persons marked by hand as wishing to use others' experience (Q2 = yes counts too). */
  "CREATE TABLE peer_wish (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  marked_on  TEXT NOT NULL CHECK (date(marked_on) = marked_on),\n"
  "  note       TEXT,\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX peer_wish_person_idx ON peer_wish (person_id, marked_on);\n"
  "CREATE INDEX peer_wish_marked_idx ON peer_wish (marked_on, person_id);\n"

  /* A group formed for one purpose, its meeting and who attended. */
  "CREATE TABLE group_activity (\n"
  "  id              INTEGER PRIMARY KEY,\n"
  "  kind            TEXT NOT NULL CHECK (kind IN ('peer_meeting', 'agent_training',\n"
  "                    'psych_training')),\n"
  "  title           TEXT,\n"
  "  formed_on       TEXT NOT NULL CHECK (date(formed_on) = formed_on),\n"
  "  meeting_on      TEXT CHECK (meeting_on IS NULL OR date(meeting_on) = meeting_on),\n"
  "  start_time      TEXT CHECK (start_time IS NULL OR time(start_time) = start_time\n"
  "                    OR time(start_time) = start_time || ':00'),\n"
  "  duration_min    INTEGER CHECK (duration_min IS NULL OR duration_min > 0),\n"
  "  place           TEXT,\n"
  "  facilitator_id  INTEGER REFERENCES staff (id) ON DELETE SET NULL,\n"
  "  held            INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),\n"
  "  analysis        TEXT,\n"
  AUDIT_COLUMNS ",\n"
  "  CHECK (held = 0 OR meeting_on IS NOT NULL)\n"
  ");\n"
  "CREATE INDEX group_activity_kind_idx ON group_activity (kind, formed_on);\n"
  "CREATE INDEX group_activity_meeting_idx ON group_activity (kind, held, meeting_on);\n"
  /* role: 'peer' shares, 'participant' receives; attended is NULL until the meeting is held. */
  "CREATE TABLE group_member (\n"
  "  group_id   INTEGER NOT NULL REFERENCES group_activity (id) ON DELETE CASCADE,\n"
  "  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  role       TEXT NOT NULL CHECK (role IN ('peer', 'participant')),\n"
  "  attended   INTEGER CHECK (attended IS NULL OR attended IN (0, 1)),\n"
  "  PRIMARY KEY (group_id, person_id)\n"
  ");\n"
  "CREATE INDEX group_member_person_idx ON group_member (person_id, group_id);\n"

  /* The follow-up call after a peer meeting, not earlier than one calendar month after it. */
  "CREATE TABLE followup_call (\n"
  "  id         INTEGER PRIMARY KEY,\n"
  "  group_id   INTEGER NOT NULL REFERENCES group_activity (id) ON DELETE CASCADE,\n"
  "  person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  called_on  TEXT NOT NULL CHECK (date(called_on) = called_on),\n"
  "  situation  TEXT NOT NULL CHECK (situation IN ('better', 'unchanged', 'worse')),\n"
  "  satisfied  INTEGER NOT NULL CHECK (satisfied IN (0, 1)),\n"
  "  note       TEXT,\n"
  AUDIT_COLUMNS ",\n"
  "  UNIQUE (group_id, person_id),\n"
  "  FOREIGN KEY (group_id, person_id) REFERENCES group_member (group_id, person_id)\n"
  "    ON DELETE CASCADE\n"
  ");\n"

  /* Targets set by the head of department; a missing row means the catalogue's default,
   * a row with a NULL target means "no target". */
  "CREATE TABLE indicator_target (\n"
  "  indicator_id  TEXT PRIMARY KEY,\n"
  "  target        REAL CHECK (target IS NULL OR target >= 0),\n"
  AUDIT_COLUMNS
  ");\n"

  /* The seed survey (seed 000, Приложение), word for word; the seed prints no heading, the
   * title names it in lists. Indicators find it and its questions by code. */
  "INSERT INTO survey_template (id, code, title, greeting, introduction, instructions,\n"
  "                             closing) VALUES (1, 'peer_consent',\n"
  "  'Анкета о согласии на обмен опытом',\n"
  "  'Уважаемый респондент!',\n"
  "  '{institution} проводит анкетирование граждан, заключивших социальный контракт, "
  "с целью изучения востребованности в проведении мероприятий по выходу из трудной "
  "жизненной ситуации.',\n"
  "  'Просим Вас ответить на поставленные вопросы. Подчеркните вариант ответа, "
  "соответствующий Вашему мнению. При необходимости дополните свои ответы.',\n"
  "  'Благодарим за сотрудничество!');\n"
  "INSERT INTO survey_question (id, template_id, position, code, kind, text) VALUES\n"
  "  (1, 1, 1, 'q1', 'yes_no', 'Готовы ли Вы участвовать в психологических занятиях по "
  "поиску внутренних ресурсов для повышения своего материального благосостояния "
  "(своей семьи)?'),\n"
  "  (2, 1, 2, 'q2', 'yes_no', 'Готовы ли Вы воспользоваться положительным опытом "
  "разрешения подобной трудной жизненной ситуации других семей, проживающих в городе "
  "{city_locative}?');\n";

/* Version 3: indexes for the indicators (src/store/opora-store-indicators*.c). Each
 * covers what one kind of query reads, so a year of a million contracts is counted from
 * the indexes without visiting the tables. */
static const char migration_3[] =
  /* Contract holders of a period: persons by the day their contract was concluded. */
  "CREATE INDEX contract_concluded_person_idx ON contract (concluded_on, person_id);\n"
  /* A person's contracts concluded by a day, or ended in a period. */
  "CREATE INDEX contract_person_dates_idx ON contract (person_id, concluded_on, term_end);\n"
  /* Seed-survey responses of a period with their persons. */
  "CREATE INDEX survey_response_period_idx ON survey_response\n"
  "  (template_id, responded_on, person_id);\n"
  /* Who attended a group as what, by group and by person. */
  "CREATE INDEX group_member_attended_idx ON group_member\n"
  "  (group_id, role, attended, person_id);\n"
  "CREATE INDEX group_member_person_attended_idx ON group_member\n"
  "  (person_id, role, attended, group_id);\n"
  /* Participants of a technology in a period, and whether they were satisfied. */
  "CREATE INDEX enrollment_participants_idx ON enrollment\n"
  "  (technology, from_on, until_on, person_id, satisfied);\n";

/* Version 4: the families page reads its list in name order; without an index each read
 * sorted a million families. */
static const char migration_4[] =
  "CREATE INDEX family_name_idx ON family (name, id);\n";

/* Version 5: the peer.* indicators counted ahead of time (opora-schema-peer.h), and
 * peer.groups_held read from an index alone. */
static const char migration_5[] =
  "CREATE INDEX group_activity_formed_idx ON group_activity\n"
  "  (kind, formed_on, held, meeting_on);\n"
  PEER_TABLES
  PEER_FILL
  PEER_KEEPERS;

/* Version 6: a family found by the beginning of any word of its name («иванов» finds
 * «Семья Ивановых»), from an index as persons are: a LIKE over a million names took
 * seconds a keystroke. */
static const char migration_6[] =
  "CREATE VIRTUAL TABLE family_search USING fts5 (\n"
  "  name, content = 'family', content_rowid = 'id',\n"
  "  tokenize = \"unicode61 remove_diacritics 0\", prefix = '2 3'\n"
  ");\n"
  "CREATE TRIGGER family_search_ai AFTER INSERT ON family BEGIN\n"
  "  INSERT INTO family_search (rowid, name) VALUES (new.id, new.name);\n"
  "END;\n"
  "CREATE TRIGGER family_search_ad AFTER DELETE ON family BEGIN\n"
  "  INSERT INTO family_search (family_search, rowid, name) VALUES ('delete', old.id, old.name);\n"
  "END;\n"
  "CREATE TRIGGER family_search_au AFTER UPDATE OF name ON family BEGIN\n"
  "  INSERT INTO family_search (family_search, rowid, name) VALUES ('delete', old.id, old.name);\n"
  "  INSERT INTO family_search (rowid, name) VALUES (new.id, new.name);\n"
  "END;\n"
  "INSERT INTO family_search (family_search) VALUES ('rebuild');\n";

/* migrations[N] takes version N-1 to N. */
static const char * const migrations[] = {
  NULL, /* version 0: an empty file */
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
};

static const char * const derived_tables[] = { "peer_event", "peer_tally", NULL };

int
opora_schema_latest_version (void)
{
  return G_N_ELEMENTS (migrations) - 1;
}

gboolean
opora_schema_migrate (sqlite3  *db,
                      int       from_version,
                      int       to_version,
                      GError  **error)
{
  g_assert (from_version <= to_version);
  g_assert (to_version <= opora_schema_latest_version ());

  for (int v = from_version + 1; v <= to_version; v++)
    {
      g_autofree char *sql = g_strdup_printf ("%s\nPRAGMA user_version = %d;\n",
                                              migrations[v], v);
      char *sqlite_msg = NULL;

      if (sqlite3_exec (db, sql, NULL, NULL, &sqlite_msg) != SQLITE_OK)
        {
          g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                       /* TRANSLATORS: %d is a schema version, %s SQLite's message */
                       _("Updating the database to version %d failed: %s"), v,
                       sqlite_msg ? sqlite_msg : sqlite3_errmsg (db));
          sqlite3_free (sqlite_msg);
          return FALSE;
        }
    }

  return TRUE;
}

const char * const *
opora_schema_derived_tables (void)
{
  return derived_tables;
}

gboolean
opora_schema_rebuild_derived (sqlite3  *db,
                              GError  **error)
{
  char *sqlite_msg = NULL;

  if (sqlite3_exec (db, PEER_FILL, NULL, NULL, &sqlite_msg) != SQLITE_OK)
    {
      g_set_error (error, OPORA_ERROR, OPORA_ERROR_FAILED,
                   /* TRANSLATORS: %s is SQLite's message */
                   _("Counting the indicators again failed: %s"),
                   sqlite_msg ? sqlite_msg : sqlite3_errmsg (db));
      sqlite3_free (sqlite_msg);
      return FALSE;
    }
  return TRUE;
}
