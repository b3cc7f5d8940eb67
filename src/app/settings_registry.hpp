// The registry of every setting the program knows. Modules add theirs from their own file in
// src/app/settings/ with a static RegisterSettings object (one entry per setting), e.g.
//   const RegisterSettings kPayments{{
//       {"payments.provider", "demo", "Payment provider used at checkout", one_of({"demo", "stripe"})},
//       {"stripe.secret_key", "", "Stripe API secret key", {}, /*secret=*/true},
//   }};
// src/app is linked as object files, so every registration is part of the binary and the tests.
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "app/setting.hpp"

namespace storyloom::app {

class SettingsRegistry {
 public:
  // Throws std::logic_error for a duplicate name or environment variable (a programming bug).
  void add(Setting setting);
  const Setting* find(std::string_view name) const;
  const Setting* find_by_env(std::string_view env) const;
  // In registration order within a file; sorted by name for display by callers that want it.
  const std::vector<Setting>& all() const { return settings_; }

 private:
  std::vector<Setting> settings_;
};

// The process-wide registry that RegisterSettings fills during static initialization.
SettingsRegistry& settings_registry();

struct RegisterSettings {
  RegisterSettings(std::initializer_list<Setting> settings);
};

}  // namespace storyloom::app
