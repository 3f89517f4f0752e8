/* opora-cli: commands shared helpers. Each command lives in its own file. */
#pragma once

#include <glib.h>

#include "opora-store.h"

G_BEGIN_DECLS

/* Exit codes a script can rely on. */
typedef enum
{
  OPORA_CLI_OK           = 0,
  OPORA_CLI_FAILED       = 1, /* the command ran and found problems (check) or failed */
  OPORA_CLI_USAGE        = 2, /* wrong arguments */
  OPORA_CLI_CANNOT_OPEN  = 3, /* the database cannot be opened */
  OPORA_CLI_BAD_INPUT    = 4, /* an input file is malformed; nothing was changed */
} OporaCliExit;

typedef struct
{
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} OporaCliCommand;

/* Parses @entries plus the common --db option; prints usage errors to stderr. @summary
 * is shown by --help. */
gboolean    opora_cli_parse        (const char    *command,
                                    const char    *parameter_string,
                                    const char    *summary,
                                    GOptionEntry  *entries,
                                    int           *argc,
                                    char        ***argv,
                                    char         **out_db);
/* Opens the database for a command, printing the reason to stderr when it cannot. */
OporaStore *opora_cli_open_store   (const char          *db_path,
                                    OporaStoreOpenFlags  flags);
/* Prints "opora-cli: COMMAND: message" to stderr. */
void        opora_cli_error        (const char *command,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (2, 3);

/* Removes a database file that a failed command created, with its WAL companions. */
void        opora_cli_remove_database (const char *db_path);

int opora_cli_init_run   (int argc, char **argv);
int opora_cli_check_run  (int argc, char **argv);
int opora_cli_demo_run   (int argc, char **argv);
int opora_cli_import_run (int argc, char **argv);
int opora_cli_export_run (int argc, char **argv);
int opora_cli_print_survey_run (int argc, char **argv);
int opora_cli_report_run (int argc, char **argv);

G_END_DECLS
