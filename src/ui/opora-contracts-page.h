/* The section of social contracts (социальные контракты): the registry searched by number,
 * applicant or SNILS, filtered by status, district and year, sorted by the store, with
 * New (contracts.new, Ctrl+N, and win.new-contract in the main window), Edit (row
 * activation), the applicant's page (contracts.show-applicant) and Delete
 * (contracts.delete, Delete) with Undo (contracts.undo-delete, and the toast's button). */
#pragma once

#include <gtk/gtk.h>

#include "opora-store.h"

G_BEGIN_DECLS

#define OPORA_TYPE_CONTRACTS_PAGE (opora_contracts_page_get_type ())
G_DECLARE_FINAL_TYPE (OporaContractsPage, opora_contracts_page, OPORA, CONTRACTS_PAGE, GtkWidget)

GtkWidget  *opora_contracts_page_new         (OporaStore         *store);
OporaStore *opora_contracts_page_get_store   (OporaContractsPage *self);

/* Opens the contract editor, transient for the page's window, on the saved contract @id,
 * or on a new contract when @id is 0. Returns the editor (owned by GTK), or NULL with a
 * toast when the contract cannot be read. */
GtkWindow  *opora_contracts_page_open_editor (OporaContractsPage *self,
                                              gint64              id);

G_END_DECLS
