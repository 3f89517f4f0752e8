#define G_LOG_DOMAIN "opora-error"

#include "opora-error.h"

G_DEFINE_QUARK (opora-error-quark, opora_error)
