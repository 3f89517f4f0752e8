/* What the editors of social contracts and enrollments share: a refusal shown in red right
 * under the field it is about, dates typed as ДД.ММ.ГГГГ, amounts in roubles, and the
 * staff chooser's list. */
#pragma once

#include <adwaita.h>

#include "opora-store.h"

G_BEGIN_DECLS

/* Where each field of each object of a form is shown, so a refusal from the store
 * (object, field, message) lands under the right row. */
typedef struct _OporaFormErrors OporaFormErrors;

OporaFormErrors *opora_form_errors_new           (void);
void             opora_form_errors_free          (OporaFormErrors  *self);
/* @row is in a GtkListBox (an AdwPreferencesGroup, an AdwExpanderRow); a hidden row for the
 * message is put right after it. @object may be NULL for fields of the form itself. */
void             opora_form_errors_attach        (OporaFormErrors  *self,
                                                  gpointer          object,
                                                  const char       *field,
                                                  GtkWidget        *row);
/* Forgets the rows of @object (a measure row that was removed). */
void             opora_form_errors_detach        (OporaFormErrors  *self,
                                                  gpointer          object);
/* Shows @message under the field, marks the field with the "error" style class, opens
 * the expander rows around it and moves the focus there. FALSE when the field has no row
 * in the form (the caller then shows the message elsewhere). */
gboolean         opora_form_errors_show          (OporaFormErrors  *self,
                                                  gpointer          object,
                                                  const char       *field,
                                                  const char       *message);
/* The message shown for the field now, or NULL. */
const char      *opora_form_errors_get           (OporaFormErrors  *self,
                                                  gpointer          object,
                                                  const char       *field);
void             opora_form_errors_clear         (OporaFormErrors  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OporaFormErrors, opora_form_errors_free)

/* Empty text: *@iso = NULL and TRUE. A date (ДД.ММ.ГГГГ or ISO): *@iso the ISO text. */
gboolean         opora_form_read_date            (GtkEditable      *editable,
                                                  char            **iso,
                                                  GError          **error);
void             opora_form_set_date             (GtkEditable      *editable,
                                                  const char       *iso);
/* "12 500,50" or "12500.5"; empty text is OPORA_AMOUNT_NONE. */
gboolean         opora_form_read_amount          (GtkEditable      *editable,
                                                  double           *amount,
                                                  GError          **error);
void             opora_form_set_amount           (GtkEditable      *editable,
                                                  double            amount);
char            *opora_form_format_amount        (double            amount);

/* The staff a chooser offers: "Not assigned" (id 0) first, then the active staff by name,
 * and @current_id too when that staff member is no longer active. A GListModel of
 * OporaStaff, for an AdwComboRow with the "full-name" expression. */
GListModel      *opora_form_staff_model          (OporaStore       *store,
                                                  gint64            current_id);
guint            opora_form_staff_position       (GListModel       *model,
                                                  gint64            id);
gint64           opora_form_staff_id             (AdwComboRow      *row);
void             opora_form_setup_staff_row      (AdwComboRow      *row,
                                                  OporaStore       *store,
                                                  gint64            current_id);

/* A GtkStringList of the display names of an enum's values, first to last, for an
 * AdwComboRow whose selected position is the value. */
GListModel      *opora_form_enum_names           (int               first,
                                                  int               last,
                                                  const char     *(*name) (int value));

G_END_DECLS
