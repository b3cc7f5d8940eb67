// The one table from core::ErrorKind to HTTP status (ARCHITECTURE.md, "Errors").
#pragma once

#include "core/error.hpp"

namespace storyloom::http {

int status_for(core::ErrorKind kind);

}  // namespace storyloom::http
