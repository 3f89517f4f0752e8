/* Errors Opora reports: each code names the rule that was broken. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OPORA_ERROR (opora_error_quark ())

typedef enum
{
  OPORA_ERROR_INVALID_DATE,        /* not a calendar date, or not ДД.ММ.ГГГГ / ГГГГ-ММ-ДД */
  OPORA_ERROR_INVALID_SNILS,       /* SNILS of the wrong shape or with a wrong check number */
  OPORA_ERROR_DUPLICATE_SNILS,     /* another person already has this SNILS */
  OPORA_ERROR_REQUIRED,            /* a required field is empty */
  OPORA_ERROR_INVALID_VALUE,       /* a value outside the field's allowed set or range */
  OPORA_ERROR_DATE_ORDER,          /* an end date before its start date */
  OPORA_ERROR_DUPLICATE,           /* a unique value (contract number, …) already taken */
  OPORA_ERROR_NOT_FOUND,           /* the record referred to does not exist */
  OPORA_ERROR_IN_USE,              /* the record is referred to by others */
  OPORA_ERROR_NOT_OPORA_DATABASE,  /* the file is not an Opora database */
  OPORA_ERROR_NEWER_SCHEMA,        /* written by a newer Opora */
  OPORA_ERROR_LOCKED,              /* another program holds the file */
  OPORA_ERROR_READ_ONLY,           /* the file or its folder cannot be written */
  OPORA_ERROR_IO,                  /* the file cannot be opened or read */
  OPORA_ERROR_CORRUPT,             /* the database failed its integrity check */
  OPORA_ERROR_IMPORT,              /* an interchange file is malformed */
  OPORA_ERROR_FAILED,              /* anything else the database reported */
} OporaErrorCode;

GQuark opora_error_quark (void);

G_END_DECLS
