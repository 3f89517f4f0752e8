/* A family (семья, домохозяйство): the household a person belongs to, with the number of
 * minor children and its kind — large (многодетная), single-parent (неполная), with a
 * disabled child (с ребёнком-инвалидом), a person living alone (одиноко проживающий).
 * The kinds may combine. Members are persons whose family-id names the family. */
#pragma once

#include <glib-object.h>

#include "opora-people-enums.h"

G_BEGIN_DECLS

#define OPORA_FAMILY_MAX_MINOR_CHILDREN 20

#define OPORA_TYPE_FAMILY (opora_family_get_type ())
G_DECLARE_FINAL_TYPE (OporaFamily, opora_family, OPORA, FAMILY, GObject)

OporaFamily     *opora_family_new                    (void);
OporaFamily     *opora_family_copy                   (OporaFamily     *self);

gint64           opora_family_get_id                 (OporaFamily     *self);
void             opora_family_set_id                 (OporaFamily     *self,
                                                      gint64           id);
/* Text is trimmed; blank text reads back as NULL. */
const char      *opora_family_get_name               (OporaFamily     *self);
void             opora_family_set_name               (OporaFamily     *self,
                                                      const char      *name);
/* Any number is kept so that validation can refuse it with a message. */
int              opora_family_get_minor_children     (OporaFamily     *self);
void             opora_family_set_minor_children     (OporaFamily     *self,
                                                      int              minor_children);
gboolean         opora_family_get_is_large           (OporaFamily     *self);
void             opora_family_set_is_large           (OporaFamily     *self,
                                                      gboolean         is_large);
gboolean         opora_family_get_is_single_parent   (OporaFamily     *self);
void             opora_family_set_is_single_parent   (OporaFamily     *self,
                                                      gboolean         is_single_parent);
gboolean         opora_family_get_has_disabled_child (OporaFamily     *self);
void             opora_family_set_has_disabled_child (OporaFamily     *self,
                                                      gboolean         has_disabled_child);
gboolean         opora_family_get_is_living_alone    (OporaFamily     *self);
void             opora_family_set_is_living_alone    (OporaFamily     *self,
                                                      gboolean         is_living_alone);
OporaSettlement  opora_family_get_settlement         (OporaFamily     *self);
void             opora_family_set_settlement         (OporaFamily     *self,
                                                      OporaSettlement  settlement);
const char      *opora_family_get_address            (OporaFamily     *self);
void             opora_family_set_address            (OporaFamily     *self,
                                                      const char      *address);
const char      *opora_family_get_notes              (OporaFamily     *self);
void             opora_family_set_notes              (OporaFamily     *self,
                                                      const char      *notes);
/* How many persons belong to it: filled by the store when it reads the family. */
guint            opora_family_get_member_count       (OporaFamily     *self);
void             opora_family_set_member_count       (OporaFamily     *self,
                                                      guint            member_count);

/* The kinds as short translated text ("large, single-parent"); "" for none.
 * Also the read-only property "kind-text". */
char            *opora_family_dup_kind_text          (OporaFamily     *self);

/* The name is required; minor children 0–20. On refusal sets @error and @field to the
 * property at fault ("name", "minor-children"). */
gboolean         opora_family_validate               (OporaFamily     *self,
                                                      const char     **field,
                                                      GError         **error);

G_END_DECLS
