/* What printed survey forms (анкеты) are made of: a template's texts with the institution's
 * details filled in and its current questions, as the plain data src/render/ draws, and the
 * persons to print a form for — one by one, or every contract holder of a period who has
 * not answered the survey yet. */
#pragma once

#include <gio/gio.h>

#include "opora-store.h"
#include "opora-survey-form-data.h"

G_BEGIN_DECLS

/* A survey template as a chooser lists it. */
typedef struct
{
  gint64  id;
  char   *code;   /* 'peer_consent' for the seed survey; NULL for a template made by hand */
  char   *title;
} OporaSurveyFormTemplate;

/* A person a form is printed for. */
typedef struct
{
  gint64  person_id;
  char   *full_name;  /* «Фамилия Имя Отчество» */
} OporaSurveyRecipient;

/* Every survey template (OporaSurveyFormTemplate), built-in ones first, then by title;
 * NULL with @error when the database cannot be read. */
GPtrArray           *opora_store_list_survey_form_templates      (OporaStore   *self,
                                                                  GError      **error);

/* The template named by @code_or_id: its code ('peer_consent') or its id in digits. 0 with
 * OPORA_ERROR_NOT_FOUND when there is none. */
gint64               opora_store_find_survey_form_template       (OporaStore   *self,
                                                                  const char   *code_or_id,
                                                                  GError      **error);

/* The form of template @template_id: its title, greeting, introduction, instructions and
 * closing, and its questions in use (retired ones left out) in order, with the
 * institution's details of Preferences filled in by opora_survey_fill_text() ({institution},
 * {city_locative}, {city}; a detail not set leaves a line to write on); the head holds the
 * institution's name, then its address and phone. NULL with OPORA_ERROR_NOT_FOUND when there
 * is no such template. */
OporaSurveyFormData *opora_store_load_survey_form                (OporaStore   *self,
                                                                  gint64        template_id,
                                                                  GError      **error);

/* Persons who concluded a social contract between @from and @to (ISO dates, both days
 * included; NULL for no bound) and have no response to template @template_id, by name:
 * a GPtrArray of OporaSurveyRecipient, or NULL with @error. */
GPtrArray           *opora_store_list_unsurveyed_contract_holders (OporaStore  *self,
                                                                   gint64       template_id,
                                                                   const char  *from,
                                                                   const char  *to,
                                                                   GError     **error);
/* How many persons the same list holds, counted by the database. */
gboolean             opora_store_count_unsurveyed_contract_holders (OporaStore  *self,
                                                                    gint64       template_id,
                                                                    const char  *from,
                                                                    const char  *to,
                                                                    guint       *out_count,
                                                                    GError     **error);

/* The persons @ids (OporaSurveyRecipient), in the order given; NULL with
 * OPORA_ERROR_NOT_FOUND naming the first id that is no person. */
GPtrArray           *opora_store_list_survey_recipients          (OporaStore    *self,
                                                                  const gint64  *ids,
                                                                  guint          n_ids,
                                                                  GError       **error);

/* The year of the latest social contract concluded (the index on concluded_on answers at
 * once), or 0 when there is none: the year a print dialog offers first. */
int                  opora_store_latest_contract_year            (OporaStore    *self);

/* @recipients as the persons of opora_survey_form_write_pdf(), every one with @date (NULL:
 * the date left blank). The array points into @recipients: keep it alive as long. */
GArray              *opora_survey_recipients_to_persons          (GPtrArray     *recipients,
                                                                  const char    *date);

void                 opora_survey_form_template_free             (OporaSurveyFormTemplate *t);
void                 opora_survey_recipient_free                 (OporaSurveyRecipient    *r);

G_END_DECLS
