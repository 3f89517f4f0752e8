/* A demo centre: a realistic synthetic registry for demonstrations, tests and
 * benchmarks, the same for the same seed on every computer and every day. */
#pragma once

#include "opora-store.h"

G_BEGIN_DECLS

/* The day the demo centre lives on: contract statuses, outcomes and due dates are set
 * relative to it, never to the clock. */
#define OPORA_DEMO_REFERENCE_DATE "2025-01-01"

/* Called now and then with the contracts written so far. */
typedef void (*OporaDemoProgressFunc) (guint64  done,
                                       guint64  total,
                                       gpointer user_data);

/* Fills an empty @store (refused otherwise) with the institution, a dozen staff, partner
 * organisations with agreements, and @size social contracts concluded 2021–2024 with
 * their applicants, families, programmes, analyses, outcomes, monitoring acts and
 * enrollments; and the peer to peer workflow: responses to the seed survey, the register
 * of peers, marks by hand, peer meetings with attendance and follow-up calls, and the
 * social lift's psychological trainings. All in one transaction. */
gboolean opora_demo_generate      (OporaStore             *store,
                                   guint64                 size,
                                   guint32                 seed,
                                   GError                **error);
gboolean opora_demo_generate_full (OporaStore             *store,
                                   guint64                 size,
                                   guint32                 seed,
                                   OporaDemoProgressFunc   progress,
                                   gpointer                user_data,
                                   GError                **error);

G_END_DECLS
