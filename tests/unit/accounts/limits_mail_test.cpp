#include "fixture.hpp"

#include "accounts/rate_limiter.hpp"

using namespace storyloom;
using namespace storyloom::accounts;

TEST(RateLimiter, AllowsTheBurstThenRefillsAtTheRate) {
  core::ManualClock clock;
  RateLimiter limiter(clock);
  const BucketRule rule{60, 3};  // one a second, bursts of three
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(limiter.take("auth|ip|1", rule)) << i;
  auto wait = limiter.take("auth|ip|1", rule);
  ASSERT_TRUE(wait);
  EXPECT_EQ(*wait, 1);
  EXPECT_FALSE(limiter.take("auth|ip|2", rule));  // keys are independent
  clock.advance(std::chrono::milliseconds(1000));
  EXPECT_FALSE(limiter.take("auth|ip|1", rule));
  EXPECT_TRUE(limiter.take("auth|ip|1", rule));
  EXPECT_FALSE(limiter.take("auth|ip|1", BucketRule{0, 0}));  // a disabled rule never limits
}

TEST(RateLimiter, ReportsTheWaitInWholeSeconds) {
  core::ManualClock clock;
  RateLimiter limiter(clock);
  const BucketRule slow{2, 1};  // one every 30 s
  EXPECT_FALSE(limiter.take("k", slow));
  EXPECT_EQ(limiter.take("k", slow).value(), 30);
  clock.advance(std::chrono::seconds(20));
  EXPECT_EQ(limiter.take("k", slow).value(), 10);
}

TEST(OutboxMailer, WritesAnRfc5322MessageAtomically) {
  accounts::testing::TempDir dir;
  core::ManualClock clock;
  OutboxMailer mailer(dir.path / "outbox", clock);
  MailMessage m{"Storyloom <no-reply@example.com>", "zoe@example.com", "Ihr Buch für Zoë ist fertig",
                "Hallo Zoë,\nequals = sign and a long line " + std::string(100, 'x') + "\nBye \n", {}};
  ASSERT_TRUE(mailer.send(m));
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.path / "outbox")) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].extension(), ".eml");
  const std::string text = accounts::testing::read_file(files[0]);
  EXPECT_TRUE(text.starts_with("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n")) << text.substr(0, 60);
  EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(text.find("Content-Transfer-Encoding: quoted-printable\r\n\r\nHallo Zo=C3=AB,\r\n"), std::string::npos);
  EXPECT_NE(text.find("equals =3D sign"), std::string::npos);
  EXPECT_NE(text.find("Bye=20\r\n"), std::string::npos);  // trailing space protected
  for (std::size_t start = 0, end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
    EXPECT_LE(end - start, 76u);
  for (unsigned char c : text) EXPECT_LT(c, 0x80);  // 7-bit clean
  m.subject = "Hi\r\nBcc: everyone@example.com";
  EXPECT_EQ(mailer.send(m).error().code, "mail_invalid");
}

TEST(OutboxMailer, WritesTextAndHtmlAsMultipartAlternative) {
  MailMessage m{"Storyloom <no-reply@example.com>", "zoe@example.com", "Your book", "Hello Zoë,\nhere it is.\n",
                {{"X-Storyloom-Kind", "book_delivered"}}, "<p>Hello Zo&euml;, <a href=\"https://x/?a=1\">here</a>.</p>"};
  const std::string text = OutboxMailer::render(m, 1'700'000'000, "ml_1").value();
  const std::string boundary = "=_storyloom_ml_1";
  EXPECT_NE(text.find("Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary +
                      "\r\nContent-Type: text/plain; charset=utf-8\r\n"),
            std::string::npos);
  const auto html_at = text.find("--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\n");
  ASSERT_NE(html_at, std::string::npos);
  EXPECT_LT(text.find("Hello Zo=C3=AB"), html_at);                 // the plain part comes first
  EXPECT_NE(text.find("href=3D\"https://x/?a=3D1\"", html_at), std::string::npos);
  EXPECT_TRUE(text.ends_with("--" + boundary + "--\r\n"));
  int boundaries = 0;  // declared once, opens two parts, closes once: no part contains it
  for (auto at = text.find(boundary); at != std::string::npos; at = text.find(boundary, at + 1)) ++boundaries;
  EXPECT_EQ(boundaries, 4);
  EXPECT_NE(text.find("X-Storyloom-Kind: book_delivered\r\n"), std::string::npos);
  for (unsigned char c : text) EXPECT_LT(c, 0x80);
}
