/* The peer-to-peer technology («Равный – равному», seed 000): the register of peers ready to
 * share their positive experience (реестр), the persons who wish to use others' experience
 * (those who answered Q2 = yes, or marked by hand), and the follow-up call (опрос по
 * телефону) made to each attendee not earlier than one calendar month after the meeting. */
#pragma once

#include <glib-object.h>

/* OporaSituation: the same better / unchanged / worse as a contract's outcome. */
#include "opora-contract-enums.h"

G_BEGIN_DECLS

/* Where a wish comes from: a hand mark, a survey answer Q2 = yes, or both. */
typedef enum
{
  OPORA_WISH_SOURCE_HAND,
  OPORA_WISH_SOURCE_SURVEY,
  OPORA_WISH_SOURCE_BOTH,
} OporaWishSource;

#define OPORA_TYPE_WISH_SOURCE (opora_wish_source_get_type ())

GType           opora_wish_source_get_type      (void) G_GNUC_CONST;

const char     *opora_wish_source_display_name  (OporaWishSource  source);

/* The first day a follow-up call may be made after a meeting on @meeting_on (ISO): one
 * calendar month later, 31.01 → 28.02 (29.02 in a leap year). NULL for a NULL or
 * invalid date. */
char           *opora_followup_call_due_on      (const char      *meeting_on);
/* The last meeting day whose call is due on or before @iso_date: a meeting on or before
 * it has its call due by @iso_date, a later one does not. NULL for an invalid date. */
char           *opora_followup_call_last_meeting_due_by (const char *iso_date);

/* A person in the register of peers: the day they consented, what their experience is. */
#define OPORA_TYPE_PEER_REGISTER_ENTRY (opora_peer_register_entry_get_type ())
G_DECLARE_FINAL_TYPE (OporaPeerRegisterEntry, opora_peer_register_entry,
                      OPORA, PEER_REGISTER_ENTRY, GObject)

OporaPeerRegisterEntry *opora_peer_register_entry_new             (void);
OporaPeerRegisterEntry *opora_peer_register_entry_copy            (OporaPeerRegisterEntry *self);
/* 0 until the store saves it. */
gint64          opora_peer_register_entry_get_id                (OporaPeerRegisterEntry *self);
void            opora_peer_register_entry_set_id                (OporaPeerRegisterEntry *self,
                                                                 gint64                  id);
gint64          opora_peer_register_entry_get_person_id         (OporaPeerRegisterEntry *self);
void            opora_peer_register_entry_set_person_id         (OporaPeerRegisterEntry *self,
                                                                 gint64                  id);
/* For showing; the store fills them. */
const char     *opora_peer_register_entry_get_person_name       (OporaPeerRegisterEntry *self);
void            opora_peer_register_entry_set_person_name       (OporaPeerRegisterEntry *self,
                                                                 const char             *name);
const char     *opora_peer_register_entry_get_phone             (OporaPeerRegisterEntry *self);
void            opora_peer_register_entry_set_phone             (OporaPeerRegisterEntry *self,
                                                                 const char             *phone);
/* ISO date; empty text is NULL, as for every text field. */
const char     *opora_peer_register_entry_get_consent_on        (OporaPeerRegisterEntry *self);
void            opora_peer_register_entry_set_consent_on        (OporaPeerRegisterEntry *self,
                                                                 const char             *date);
const char     *opora_peer_register_entry_get_experience        (OporaPeerRegisterEntry *self);
void            opora_peer_register_entry_set_experience        (OporaPeerRegisterEntry *self,
                                                                 const char             *text);
/* The person and the consent date are required. On refusal sets @error
 * (OPORA_ERROR_REQUIRED, _INVALID_DATE) and @field ("person", "consent-on"). */
gboolean        opora_peer_register_entry_validate              (OporaPeerRegisterEntry *self,
                                                                 const char            **field,
                                                                 GError                **error);

/* A person who wishes to use others' experience. As a hand mark it has an id, a date and a
 * note; as a row of the list of those who wish it also says whether a survey answer
 * Q2 = yes says so, and since when. */
#define OPORA_TYPE_PEER_WISH (opora_peer_wish_get_type ())
G_DECLARE_FINAL_TYPE (OporaPeerWish, opora_peer_wish, OPORA, PEER_WISH, GObject)

OporaPeerWish  *opora_peer_wish_new                (void);
/* The hand mark's id: 0 when there is none (yet). */
gint64          opora_peer_wish_get_id             (OporaPeerWish  *self);
void            opora_peer_wish_set_id             (OporaPeerWish  *self,
                                                    gint64          id);
gint64          opora_peer_wish_get_person_id      (OporaPeerWish  *self);
void            opora_peer_wish_set_person_id      (OporaPeerWish  *self,
                                                    gint64          person_id);
const char     *opora_peer_wish_get_person_name    (OporaPeerWish  *self);
void            opora_peer_wish_set_person_name    (OporaPeerWish  *self,
                                                    const char     *name);
const char     *opora_peer_wish_get_phone          (OporaPeerWish  *self);
void            opora_peer_wish_set_phone          (OporaPeerWish  *self,
                                                    const char     *phone);
/* The day of the hand mark (ISO), NULL when only a survey says so. */
const char     *opora_peer_wish_get_marked_on      (OporaPeerWish  *self);
void            opora_peer_wish_set_marked_on      (OporaPeerWish  *self,
                                                    const char     *date);
const char     *opora_peer_wish_get_note           (OporaPeerWish  *self);
void            opora_peer_wish_set_note           (OporaPeerWish  *self,
                                                    const char     *note);
/* The day of the first survey response with Q2 = yes, NULL when none. */
const char     *opora_peer_wish_get_surveyed_on    (OporaPeerWish  *self);
void            opora_peer_wish_set_surveyed_on    (OporaPeerWish  *self,
                                                    const char     *date);
OporaWishSource opora_peer_wish_get_source         (OporaPeerWish  *self);
/* The earlier of the two dates. */
const char     *opora_peer_wish_get_since          (OporaPeerWish  *self);
/* A hand mark needs the person and its date: OPORA_ERROR_REQUIRED, _INVALID_DATE with
 * @field "person" or "marked-on". */
gboolean        opora_peer_wish_validate           (OporaPeerWish  *self,
                                                    const char    **field,
                                                    GError        **error);

/* The follow-up call to one attendee of a held peer meeting. "meeting-on" is the meeting's
 * date (the store fills it), from which the earliest day of the call follows. */
#define OPORA_TYPE_FOLLOWUP_CALL (opora_followup_call_get_type ())
G_DECLARE_FINAL_TYPE (OporaFollowupCall, opora_followup_call, OPORA, FOLLOWUP_CALL, GObject)

OporaFollowupCall *opora_followup_call_new         (gint64              group_id,
                                                    gint64              person_id);
OporaFollowupCall *opora_followup_call_copy        (OporaFollowupCall  *self);
/* 0 until the call is recorded. */
gint64          opora_followup_call_get_id         (OporaFollowupCall  *self);
void            opora_followup_call_set_id         (OporaFollowupCall  *self,
                                                    gint64              id);
gint64          opora_followup_call_get_group_id   (OporaFollowupCall  *self);
gint64          opora_followup_call_get_person_id  (OporaFollowupCall  *self);
const char     *opora_followup_call_get_person_name (OporaFollowupCall *self);
void            opora_followup_call_set_person_name (OporaFollowupCall *self,
                                                     const char        *name);
const char     *opora_followup_call_get_phone      (OporaFollowupCall  *self);
void            opora_followup_call_set_phone      (OporaFollowupCall  *self,
                                                    const char         *phone);
const char     *opora_followup_call_get_group_title (OporaFollowupCall *self);
void            opora_followup_call_set_group_title (OporaFollowupCall *self,
                                                     const char        *title);
const char     *opora_followup_call_get_meeting_on (OporaFollowupCall  *self);
void            opora_followup_call_set_meeting_on (OporaFollowupCall  *self,
                                                    const char         *date);
/* opora_followup_call_due_on() of the meeting date, or NULL. */
char           *opora_followup_call_dup_due_on     (OporaFollowupCall  *self);
const char     *opora_followup_call_get_called_on  (OporaFollowupCall  *self);
void            opora_followup_call_set_called_on  (OporaFollowupCall  *self,
                                                    const char         *date);
OporaSituation  opora_followup_call_get_situation  (OporaFollowupCall  *self);
void            opora_followup_call_set_situation  (OporaFollowupCall  *self,
                                                    OporaSituation      situation);
gboolean        opora_followup_call_get_satisfied  (OporaFollowupCall  *self);
void            opora_followup_call_set_satisfied  (OporaFollowupCall  *self,
                                                    gboolean            satisfied);
const char     *opora_followup_call_get_note       (OporaFollowupCall  *self);
void            opora_followup_call_set_note       (OporaFollowupCall  *self,
                                                    const char         *note);

/* Checks "called-on" (required, a date, not earlier than one calendar month after the
 * meeting: OPORA_ERROR_DATE_ORDER «… не ранее 28.02.2024») or "situation" (required). */
gboolean        opora_followup_call_validate_field (OporaFollowupCall  *self,
                                                    const char         *field,
                                                    GError            **error);
/* Both, in that order; @field gets the one refused and may be NULL. */
gboolean        opora_followup_call_validate       (OporaFollowupCall  *self,
                                                    const char        **field,
                                                    GError            **error);

G_END_DECLS
