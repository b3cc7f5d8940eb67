// The providers this shop has enabled (a provider is enabled when its secret is configured; the
// demo provider only when it is the configured one, since its checkout page pays for free).
// Filled at start-up by the composition root, then read-only.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "commerce/payment_provider.hpp"

namespace storyloom::commerce {

class PaymentProviders {
 public:
  void add(std::unique_ptr<PaymentProvider> provider);
  void set_default(std::string name) { default_ = std::move(name); }

  // nullptr when not enabled.
  PaymentProvider* find(std::string_view name) const;
  // The one checkout uses when the buyer names none. not_found when none is configured.
  core::Result<PaymentProvider*> for_checkout(std::string_view requested) const;
  const std::string& default_name() const { return default_; }

 private:
  std::map<std::string, std::unique_ptr<PaymentProvider>, std::less<>> providers_;
  std::string default_;
};

}  // namespace storyloom::commerce
