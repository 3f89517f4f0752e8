/* Helpers shared by the test programs: temporary folders and fresh databases. */
#pragma once

#include <gio/gio.h>

#include "opora-store.h"

G_BEGIN_DECLS

/* A new empty folder under the system temporary folder, removed at exit by the caller. */
char       *opora_test_make_tmpdir  (void);
/* Removes a folder and everything in it. */
void        opora_test_rm_rf        (const char *path);
/* A fresh Opora database in a new temporary folder; *out_dir gets the folder. */
OporaStore *opora_test_open_store   (char **out_dir);

/* The last items-changed a list emitted, and how many it has emitted: connect
 * opora_test_record_change_cb with an OporaTestChange as its data. */
typedef struct
{
  guint n_changes;
  guint position;
  guint removed;
  guint added;
} OporaTestChange;

void        opora_test_record_change_cb (GListModel      *list,
                                         guint            position,
                                         guint            removed,
                                         guint            added,
                                         OporaTestChange *change);

G_END_DECLS

G_BEGIN_DECLS
/* Initialises GTK for a UI test. Without a display the test is skipped — unless
 * OPORA_REQUIRE_DISPLAY is set (as tools/test and CI set it), where it fails instead. */
gboolean    opora_test_init_gtk     (void);
G_END_DECLS
