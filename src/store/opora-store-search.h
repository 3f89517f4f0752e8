/* Search as the people lists do it (src/store/ only). Persons and families are found
 * through the full-text indexes person_search and family_search, which fold case for
 * every script; names in smaller tables (staff, groups, surveys) are few enough to fold
 * per row with a function of ours, because SQLite's LIKE and lower() fold ASCII only and
 * «ИВАН» would not find «Иван». */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "opora-store.h"

G_BEGIN_DECLS

/* Registers opora_fold(text) on @db — case-folded, «ё» read as «е» — and
 * opora_person_match(); the store does it on each connection it opens. */
void   opora_fold_register           (sqlite3     *db);

/* Registers opora_person_match(query, surname, name, patronymic, snils, phone): whether
 * the row matches @query, written by opora_search_person_match(), as person_search would
 * decide (see opora-store-search-match.c). */
void   opora_person_match_register   (sqlite3     *db);

/* "(opora_fold(@column_sql) LIKE ? ESCAPE '\\' AND …)", one LIKE per word of @text so that
 * every word must occur in the column, any case; the patterns are appended to @params
 * (GVariant strings). NULL when @text has no words. */
char  *opora_search_like_words       (const char  *column_sql,
                                      const char  *text,
                                      GPtrArray   *params);

/* Shorter text searches no person. */
#define OPORA_SEARCH_MIN_CHARS 2

/* The full-text query for person_search that @text asks for, or NULL when it holds
 * nothing to search by (or fewer than OPORA_SEARCH_MIN_CHARS characters). Words find a surname, name or patronymic by their beginning
 * («иван» finds «Иванов», «семен» finds «Семёнов»); digits typed as a SNILS or a phone number, with or without
 * dashes, spaces and brackets, find the SNILS or phone they begin. */
char  *opora_search_person_match     (const char  *text);

/* The full-text query for family_search (the families' names) that @text asks for, as
 * opora_search_person_match() does for persons; NULL when @text has a number or nothing to
 * search by. */
char  *opora_search_family_match     (const char  *text);

/* Whether @text searches by names alone (it has no digit): such a search often matches a
 * good part of a city, so a list walks for its first rows before counting it. */
gboolean opora_search_is_by_names    (const char  *text);

G_END_DECLS
