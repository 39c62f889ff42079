#include "cli/commands.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ostream>

#include <fmt/format.h>

#include "embedded.hpp"
#include "handoff/rule.hpp"

namespace handoff::cli {

int list_rules(std::ostream& out) {
  for (const RuleDef& r : all_rules()) {
    std::string_view cat = r.category ? category_key(*r.category) : std::string_view("record");
    out << fmt::format("{}  {:<8} {:<21} {}\n", r.code, severity_name(r.severity), cat, r.summary);
  }
  return 0;
}

int explain_rule(const std::string& code, std::ostream& out, std::ostream& err) {
  const RuleDef* r = find_rule(code);
  if (!r) {
    err << "handoff-lint: no rule " << code << " (run `handoff-lint rules` for the list)\n";
    return 2;
  }
  std::string_view cat = r->category ? category_key(*r->category) : std::string_view("record");
  out << fmt::format("{} {}\n\n", r->code, r->name);
  out << fmt::format("Category: {}\nSeverity: {} (default)\n", cat, severity_name(r->severity));
  if (r->points > 0) out << fmt::format("Points:   {}\n", r->points);
  out << fmt::format("\n{}\n\n{}\n", r->summary, r->rationale);
  if (r->category) out << fmt::format("\nThe field answers: {}\n", category_question(*r->category));
  if (!r->failing_example.empty())
    out << "\nFails on:\n\n" << r->failing_example << (r->failing_example.ends_with('\n') ? "" : "\n");
  if (!r->passing_example.empty())
    out << "\nPasses on:\n\n" << r->passing_example << (r->passing_example.ends_with('\n') ? "" : "\n");
  return 0;
}

int print_config(const Config& cfg, std::ostream& out) {
  out << "# effective configuration (from " << cfg.origin << ")\n" << dump_config(cfg);
  return 0;
}

int init_record(const std::string& format, const std::string& path, std::ostream& out,
                std::ostream& err) {
  std::string_view name = format == "md" || format == "markdown" ? "record-template.md"
                          : format == "yaml" || format == "yml"  ? "record-template.yaml"
                                                                 : "";
  if (name.empty()) {
    err << "handoff-lint: init --format must be yaml or md\n";
    return 2;
  }
  std::string_view text = embedded_template(name);
  if (path.empty() || path == "-") {
    out << text;
    return 0;
  }
  // O_EXCL: never overwrite an existing file, even one created since we looked.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    err << "handoff-lint: " << path << ": "
        << (errno == EEXIST ? "already exists; init never overwrites a file" : std::strerror(errno))
        << "\n";
    return 2;
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = (::close(fd) == 0) && ok;
  if (!ok) {
    err << "handoff-lint: " << path << ": write failed\n";
    return 2;
  }
  out << "wrote " << path << "\n";
  return 0;
}

std::optional<Config> load_config_file(const std::string& path, std::ostream& err) {
  if (path.empty()) return default_config();
  auto src = read_source(path, default_config().limits);
  if (auto* e = std::get_if<LoadError>(&src)) {
    err << "handoff-lint: " << path << ": " << e->message << "\n";
    return std::nullopt;
  }
  auto cfg = apply_config(default_config(), std::get<Source>(src).text, path);
  if (auto* e = std::get_if<ConfigError>(&cfg)) {
    err << "handoff-lint: " << e->file << ":" << e->pos.line << ":" << e->pos.column << ": "
        << e->message << "\n";
    return std::nullopt;
  }
  return std::get<Config>(std::move(cfg));
}

}  // namespace handoff::cli
