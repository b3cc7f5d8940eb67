#include "commerce/payment_providers.hpp"

namespace storyloom::commerce {

void PaymentProviders::add(std::unique_ptr<PaymentProvider> provider) {
  const std::string name(provider->name());
  if (default_.empty()) default_ = name;
  providers_[name] = std::move(provider);
}

PaymentProvider* PaymentProviders::find(std::string_view name) const {
  auto it = providers_.find(name);
  return it == providers_.end() ? nullptr : it->second.get();
}

core::Result<PaymentProvider*> PaymentProviders::for_checkout(std::string_view requested) const {
  const std::string_view name = requested.empty() ? std::string_view(default_) : requested;
  if (PaymentProvider* p = find(name)) return p;
  return core::fail(core::ErrorKind::invalid_argument, "payments_provider_unknown",
                    "This payment method is not available in this shop.", {{"provider", name}});
}

}  // namespace storyloom::commerce
