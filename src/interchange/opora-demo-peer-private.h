/* The peer-to-peer part of the demo centre («Равный – равному», seed 000, and the social
 * lift's psychological trainings, seed 002). opora-demo-peer.c reads back the contracts,
 * outcomes and enrollments the demo has just written and answers the seed survey for them,
 * keeps the register of peers and the marks by hand; opora-demo-peer-groups.c forms the
 * groups, holds the meetings and makes the follow-up calls. */
#pragma once

#include "opora-demo-private.h"

G_BEGIN_DECLS

/* One contract holder as the peer workflow sees them. Days are Julian day numbers, 0 for
 * "none". */
typedef struct
{
  gint64   contract;
  gint64   person;
  gint64   curator;
  guint32  concluded;
  guint32  recorded;    /* the outcome, if any */
  guint32  lift_from;   /* the first enrollment in the social lift, if any */
  guint32  responded;   /* the response to the seed survey, if any */
  guint32  wished;      /* the first Q2 = yes or mark by hand, if any */
  guint32  consented;   /* in the register of peers since, if there */
  guint8   completed;   /* the contract's status is completed */
  guint8   improved;    /* completed in full with the situation better */
  guint8   repeat;      /* a later contract of a person met before: not surveyed again */
  guint8   q1;
  guint8   q2;
} DemoHolder;

typedef struct
{
  Demo            *d;
  GArray          *holders;    /* DemoHolder, in contract order */
  GArray          *by_person;  /* guint indices of holders, by person */
  guint32          stage_start;
  gint64           next_group;
  gint64           next_call;
  OporaBulkInsert *group;
  OporaBulkInsert *member;
  OporaBulkInsert *call;
} DemoPeer;

/* Julian day → 'YYYY-MM-DD'. */
void     demo_peer_iso          (guint32     day,
                                 char        out[11]);
/* @day, or the first working day after it: weekends and the New Year holidays are off. */
guint32  demo_peer_working_day  (guint32     day);
/* An audit stamp in office hours on @day. */
void     demo_peer_stamp        (DemoPeer   *p,
                                 guint32     day,
                                 char        out[21]);

/* Peer meetings with their members, attendance and follow-up calls, and psychological
 * trainings for the social lift. */
gboolean demo_peer_write_groups (DemoPeer   *p,
                                 GError    **error);

/* Everything above, after the contracts are written, in the demo's transaction. */
gboolean demo_write_peer        (Demo       *d,
                                 GError    **error);

G_END_DECLS
