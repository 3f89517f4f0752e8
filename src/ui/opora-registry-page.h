/* What the registry pages share: toasts shown in the main window or, on their own, over
 * the page; editors presented over the page's window; deletes that an Undo puts back. */
#pragma once

#include <adwaita.h>

#include "opora-store-records.h"
#include "opora-store.h"

G_BEGIN_DECLS

/* Shows @toast in the page's OporaWindow, or over @fallback when the page is elsewhere (a
 * test, a dialog). Takes ownership of @toast. */
void                 opora_registry_page_show_toast   (GtkWidget         *page,
                                                       AdwToastOverlay   *fallback,
                                                       AdwToast          *toast);
/* A toast with @error's message. */
void                 opora_registry_page_show_error   (GtkWidget         *page,
                                                       AdwToastOverlay   *fallback,
                                                       const GError      *error);

/* Shows @list in @view through @selection, a screenful of rows first and the others a
 * frame later (OporaPacedModel): a list of a million opens as fast as one of fifty. The
 * view shows the selection through an OporaRowRecycler: its items are OporaRows (read a
 * cell's record with opora_row_record_of()), and a search reuses the rows' widgets. */
void                 opora_registry_page_set_list       (GtkSingleSelection *selection,
                                                         GListModel         *list,
                                                         GtkColumnView      *view);

/* Presents @editor over the window that holds @page (modal dialogs need a parent). */
void                 opora_registry_page_present_editor (GtkWidget   *page,
                                                         GtkWindow   *editor);

/* The deletes of one page that can still be undone, newest last. */
typedef struct _OporaUndoList OporaUndoList;

OporaUndoList       *opora_undo_list_new              (GtkWidget         *page,
                                                       AdwToastOverlay   *fallback,
                                                       OporaStore        *store,
                                                       const char        *undo_action);
void                 opora_undo_list_free             (OporaUndoList     *self);
/* Keeps @deletion (taken) and shows a toast @title with an Undo button for it. */
void                 opora_undo_list_push             (OporaUndoList     *self,
                                                       OporaDeletion     *deletion,
                                                       const char        *title);
/* Deletes the record @id of @table with what depends on it (opora_store_delete_record)
 * and keeps it with a toast @title; a refusal shows as an error toast. */
gboolean             opora_undo_list_delete_record    (OporaUndoList     *self,
                                                       const char        *table,
                                                       gint64             id,
                                                       const char        *title);
gboolean             opora_undo_list_can_undo         (OporaUndoList     *self);
/* Undoes the newest delete; a failure shows a toast. */
void                 opora_undo_list_undo_last        (OporaUndoList     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaUndoList, opora_undo_list_free)

G_END_DECLS
