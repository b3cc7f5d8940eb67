// Settings of the accounts module. The app's configuration registry fills this from
// STORYLOOM_ACCOUNTS_* / STORYLOOM_AUTH_* variables; the defaults here are the embedded ones.
#pragma once

#include <cstdint>
#include <string>

namespace storyloom::accounts {

struct PasswordPolicy {
  // argon2id cost (libsodium crypto_pwhash_str). Defaults are libsodium's "interactive" level:
  // about 60 ms and 64 MiB per hash on a 2020 laptop core.
  unsigned long long opslimit = 2;
  std::size_t memlimit_bytes = 64u * 1024 * 1024;
  std::size_t min_length = 8;    // in Unicode code points
  std::size_t max_length = 128;
};

struct SessionPolicy {
  std::int64_t idle_seconds = 14 * 24 * 3600;      // unused this long: gone
  std::int64_t absolute_seconds = 90 * 24 * 3600;  // from sign-in, whatever the use
  std::int64_t guest_absolute_seconds = 30 * 24 * 3600;
  std::int64_t refresh_every_seconds = 60;          // last_seen_at is written at most this often
};

// See signin_throttle.hpp for the rule these numbers feed.
struct SigninThrottleRule {
  int free_failures = 5;
  std::int64_t account_cap_seconds = 30;
  std::int64_t pair_cap_seconds = 900;
  std::int64_t forget_after_seconds = 3600;
};

struct AccountsConfig {
  PasswordPolicy password;
  SessionPolicy session;
  SigninThrottleRule signin;
  std::int64_t reset_token_seconds = 3600;   // password reset and guest claim links
  std::int64_t trial_credits = 3;            // granted once, at sign-up
  std::int64_t guest_free_previews = 1;      // credits a new guest starts with
  int children_limit = 10;                   // per account
  std::string public_base_url = "http://localhost:8080";  // links in mails
  std::string mail_from = "Storyloom <no-reply@localhost>";
};

}  // namespace storyloom::accounts
