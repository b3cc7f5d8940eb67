// Settings of the accounts module: password hashing cost, sessions, credits, children, rate
// limits, mail and an optional external identity provider. See docs/accounts.md.
#include "app/settings_registry.hpp"
#include "app/validators.hpp"

namespace storyloom::app {
namespace {

const RegisterSettings kAccounts{{
    {"accounts.argon2_opslimit", "2", "argon2id passes per password hash (libsodium opslimit)", integer_between(1, 20)},
    {"accounts.argon2_memlimit", "64MiB", "argon2id memory per password hash", byte_size(8 * 1024)},
    {"accounts.session_idle_seconds", "1209600", "A session unused this long ends (default 14 days)",
     integer_between(60, 31'536'000)},
    {"accounts.session_absolute_seconds", "7776000", "A session ends this long after sign-in (default 90 days)",
     integer_between(60, 31'536'000)},
    {"accounts.reset_token_seconds", "3600", "How long password-reset and guest-claim links work",
     integer_between(60, 604'800)},
    {"accounts.trial_credits", "3", "Credits granted once at sign-up (usage-based shops)", integer_between(0, 1000)},
    {"accounts.guest_free_previews", "1",
     "Free book previews a guest gets (as credits) where the shop sells credits", integer_between(0, 100)},
    {"accounts.children_limit", "10", "Children profiles per account", integer_between(1, 100)},
    {"accounts.trust_proxy", "false", "Take the client IP and scheme from X-Forwarded-For/-Proto (only behind a proxy that sets them)",
     boolean_value()},
    {"accounts.cookie_secure", "auto", "Secure flag on the session cookie: auto (when https), true, false",
     one_of({"auto", "true", "false"})},
    {"accounts.catalog_dir", "catalog/accounts", "Common-password list and mail texts", non_empty()},
    {"ratelimit.auth_per_minute", "20", "Sign-in/sign-up/reset/guest requests per client IP per minute (0: off)",
     integer_between(0, 100'000)},
    {"ratelimit.auth_burst", "10", "Burst size for the auth group", integer_between(1, 100'000)},
    {"ratelimit.api_per_minute", "300", "Authenticated API requests per user and per IP per minute (0: off)",
     integer_between(0, 1'000'000)},
    {"ratelimit.api_burst", "100", "Burst size for the api group", integer_between(1, 1'000'000)},
    {"mail.from", "Storyloom <no-reply@localhost>", "Sender of the shop's mails", non_empty()},
    {"mail.outbox_dir", "${data.dir}/outbox", "Where mails are written as .eml files (the embedded mail driver)",
     non_empty()},
    {"mail.smtp_url", "", "smtp://user:pass@host:port to send by SMTP (not available yet: start-up refuses it)", {},
     /*secret=*/true},
    {"auth.jwt_issuer", "", "External identity provider's issuer (iss); empty: external sign-in off", {}},
    {"auth.jwt_audience", "", "Audience (aud) the provider puts in tokens for this API", {}},
    {"auth.jwks", "", "The provider's JWKS: a file path or an https:// URL", {}},
    {"auth.jwt_leeway_seconds", "60", "Clock skew allowed on exp and nbf", integer_between(0, 600)},
}};

}  // namespace
}  // namespace storyloom::app
