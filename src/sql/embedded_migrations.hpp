// The migrations/*.sql files compiled into the binary, so `storyloom serve` needs no source tree.
#pragma once

#include <vector>

#include "sql/migrations.hpp"

namespace storyloom::sql {

const std::vector<Migration>& embedded_migrations();

}  // namespace storyloom::sql
