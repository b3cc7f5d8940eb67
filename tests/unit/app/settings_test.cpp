#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/config.hpp"
#include "app/settings.hpp"
#include "app/validators.hpp"

using namespace storyloom::app;

namespace {

EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars](std::string_view name) -> std::optional<std::string> {
    const auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

SettingsInput input(std::map<std::string, std::string> vars = {}) { return SettingsInput{.env = env_of(std::move(vars))}; }

std::filesystem::path write_temp(std::string_view name, std::string_view text) {
  const auto path = std::filesystem::temp_directory_path() / (std::string(name) + std::to_string(::getpid()));
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST(Settings, DefaultsGiveTheEmbeddedConfiguration) {
  auto s = load_settings(settings_registry(), input());
  ASSERT_TRUE(s.has_value()) << s.error().message;
  const Config c = make_config(*s);
  EXPECT_EQ(c.server.host, "127.0.0.1");
  EXPECT_EQ(c.server.port, 8080);
  EXPECT_EQ(c.server.max_body_bytes, 16u << 20);
  EXPECT_EQ(c.data_dir, "./storyloom-data");
  EXPECT_EQ(c.database_url, "sqlite://./storyloom-data/storyloom.db");
  EXPECT_EQ(c.blob_url, "file://./storyloom-data/blobs");
  EXPECT_EQ(c.workers, 2);
  EXPECT_GE(c.server.threads, 1u);
  EXPECT_EQ(s->get("http.port").source, SettingSource::default_value);
}

TEST(Settings, EnvironmentNamesFollowTheSettingNames) {
  EXPECT_EQ(env_name_for("http.max_body_bytes"), "STORYLOOM_HTTP_MAX_BODY_BYTES");
  EXPECT_EQ(env_name_for("workers"), "STORYLOOM_WORKERS");
  EXPECT_EQ(env_name_for("data.dir"), "STORYLOOM_DATA_DIR");
  ASSERT_NE(settings_registry().find_by_env("STORYLOOM_HTTP_PORT"), nullptr);
}

TEST(Settings, PrecedenceIsDefaultFileEnvironmentFlags) {
  const auto file = write_temp("storyloom-test.conf", "# comment\nhttp.port = 9000\n[data]\ndir = \"/srv/story\"\nshop.name = File Shop\n");
  auto in = input({{"STORYLOOM_HTTP_PORT", "9100"}, {"STORYLOOM_WORKERS", "5"}});
  in.file = file;
  auto s = load_settings(settings_registry(), in);
  ASSERT_TRUE(s.has_value()) << s.error().message;
  EXPECT_EQ(s->integer("http.port"), 9100);
  EXPECT_EQ(s->get("http.port").origin, "STORYLOOM_HTTP_PORT");
  EXPECT_EQ(s->text("data.dir"), "/srv/story");
  EXPECT_EQ(s->get("data.dir").source, SettingSource::file);
  EXPECT_EQ(s->text("shop.name"), "File Shop");
  EXPECT_EQ(s->text("database.url"), "sqlite:///srv/story/storyloom.db");  // defaults follow data.dir

  in.overrides["http.port"] = "0";
  in.override_flags["http.port"] = "--port";
  auto flagged = load_settings(settings_registry(), in);
  ASSERT_TRUE(flagged.has_value());
  EXPECT_EQ(flagged->integer("http.port"), 0);
  EXPECT_EQ(flagged->get("http.port").source, SettingSource::command_line);
  std::filesystem::remove(file);
}

TEST(Settings, BadValuesNameTheSettingAndTheSource) {
  auto s = load_settings(settings_registry(), input({{"STORYLOOM_HTTP_PORT", "80a"}}));
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, "invalid_setting");
  EXPECT_NE(s.error().message.find("http.port"), std::string::npos);
  EXPECT_NE(s.error().message.find("STORYLOOM_HTTP_PORT"), std::string::npos);
  EXPECT_EQ(s.error().details["setting"], "http.port");

  const std::pair<std::string, std::string> bad[] = {
      {"STORYLOOM_HTTP_PORT", "70000"},         {"STORYLOOM_HTTP_MAX_BODY_BYTES", "lots"},
      {"STORYLOOM_LOG_LEVEL", "verbose"},       {"STORYLOOM_HTTP_CORS_ORIGINS", "shop.example"},
      {"STORYLOOM_HTTP_PUBLIC_BASE_URL", "ftp://x"}, {"STORYLOOM_WORKERS", "-1"},
      {"STORYLOOM_DATA_DIR", ""},               {"STORYLOOM_BLOB_SIGNING_SECRET", "short"},
  };
  for (const auto& [var, value] : bad) {
    auto r = load_settings(settings_registry(), input({{var, value}}));
    EXPECT_FALSE(r.has_value()) << var << "=" << value;
  }
}

TEST(Settings, SecretsAreNotEchoedInErrors) {
  auto s = load_settings(settings_registry(), input({{"STORYLOOM_BLOB_SIGNING_SECRET", "tooshort-but-private"}}));
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().message.find("tooshort-but-private"), std::string::npos);
}

TEST(Settings, UnknownNamesInTheFileAreErrors) {
  const auto file = write_temp("storyloom-typo.conf", "http.prot = 9000\n");
  auto in = input();
  in.file = file;
  auto s = load_settings(settings_registry(), in);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, "unknown_setting");
  EXPECT_NE(s.error().message.find("http.prot"), std::string::npos);
  std::filesystem::remove(file);
}

TEST(ConfigText, ParsesSectionsQuotesAndComments) {
  auto v = parse_config_text("a.b = 1\n; comment\n[http]\nport= \"8081\"\n\n[shop]\nname = My Shop  \n");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ((*v)["a.b"].first, "1");
  EXPECT_EQ((*v)["http.port"].first, "8081");
  EXPECT_EQ((*v)["shop.name"].first, "My Shop");
  EXPECT_EQ((*v)["shop.name"].second, 7);
  EXPECT_FALSE(parse_config_text("just words\n").has_value());
  EXPECT_FALSE(parse_config_text("[open\n").has_value());
}

TEST(Validators, ParseSizesAndBooleans) {
  EXPECT_EQ(parse_byte_size("16MiB"), 16u << 20);
  EXPECT_EQ(parse_byte_size("512k"), 512u << 10);
  EXPECT_EQ(parse_byte_size("1024"), 1024u);
  EXPECT_FALSE(parse_byte_size("12 parsecs").has_value());
  EXPECT_FALSE(parse_byte_size("-1").has_value());
  EXPECT_EQ(parse_boolean("yes"), true);
  EXPECT_EQ(parse_boolean("Off"), false);
  EXPECT_FALSE(parse_boolean("maybe").has_value());
  EXPECT_FALSE(origin_list()("https://a.example, http://localhost:5173").has_value());
  EXPECT_TRUE(origin_list()("https://a.example/path").has_value());
}

TEST(Registry, RefusesDuplicateNames) {
  SettingsRegistry r;
  r.add({"x.y", "1", "test"});
  EXPECT_THROW(r.add({"x.y", "2", "again"}), std::logic_error);
  EXPECT_EQ(r.find("x.y")->env, "STORYLOOM_X_Y");
}
