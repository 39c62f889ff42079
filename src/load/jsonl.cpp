// The JSON Lines loader: one JSON object per line with the canonical keys (as in YAML), each
// line a record named `file#LINE`. Positions are the line and column 1.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_set>

#include "handoff/load.hpp"
#include "load/blocks.hpp"
#include "load/csv.hpp"
#include "load/record_builder.hpp"
#include "text/items.hpp"

namespace handoff {
namespace {

// ordered_json keeps keys in line order, so warnings follow the text.
using Json = nlohmann::ordered_json;

Finding loader_warning(std::string rule, std::string message, Position pos) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::warning;
  f.message = std::move(message);
  f.pos = pos;
  return f;
}

std::string quote_text(std::string_view s) { return "\"" + text::excerpt(s, 40) + "\""; }

// 1-based column of the first bracket nested deeper than `cap` outside strings; 0 when none.
// nlohmann builds (and destroys) values recursively, so depth is refused before parsing.
std::size_t too_deep_at(std::string_view line, std::size_t cap) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > cap) return i + 1;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return 0;
}

std::string type_phrase(const Json& v) {
  switch (v.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "a list";
    case Json::value_t::string: return "text";
    case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case Json::value_t::null: return "null";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "the number " + v.dump();
    default: return "an unsupported value";
  }
}

// "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..." ->
// "syntax error ...": the line and column are ours to report.
std::string parse_error_text(const char* what) {
  std::string_view s = what;
  if (auto at = s.find("parse error"); at != std::string_view::npos) {
    if (auto colon = s.find(": ", at); colon != std::string_view::npos) s.remove_prefix(colon + 2);
  }
  return text::excerpt(s, 160);
}

class LineReader {
 public:
  LineReader(const LoadOptions& opt, Loaded& out, std::uint32_t line)
      : opt_(opt), out_(out), pos_{line, 1} {}

  void read(const Json& object) {
    if (!object.is_object()) {
      fail("expected a JSON object with keys such as \"account\" and \"buying_motivation\", got " +
           type_phrase(object));
      return;
    }
    for (const auto& [key, value] : object.items()) {
      if (!read_entry(key, value)) return;
    }
  }

 private:
  bool read_entry(const std::string& key, const Json& value) {
    auto field = field_key_from_name(key);
    if (!field) field = opt_.labels->match(key);
    if (!field) {
      warn("HL901", "unknown key " + quote_text(key) + " is ignored");
      return true;
    }
    const std::string name(field_key_name(*field));
    std::vector<Contact> contacts;
    auto converted = *field == FieldKey::key_contacts ? convert_contacts(name, value, contacts)
                                                      : convert(*field, name, value);
    if (!converted) return false;
    std::size_t bytes = 0;
    for (const auto& item : converted->items) bytes += item.text.size();
    for (const auto& c : contacts) bytes += c.name.size() + c.role.size();
    if (bytes > opt_.limits->max_field_bytes) {
      fail(name + " is longer than " + std::to_string(opt_.limits->max_field_bytes) +
           " bytes (limits.max_field_bytes)");
      return false;
    }
    if (!set_field(out_.record, *field, std::move(*converted))) {
      warn("HL902", quote_text(key) + " repeats " + name + ", already given on this line; the first value is kept");
      return true;
    }
    if (*field == FieldKey::key_contacts) out_.record.key_contacts = std::move(contacts);
    return true;
  }

  std::optional<FieldValue> convert(FieldKey field, const std::string& name, const Json& value) {
    FieldValue out;
    out.pos = pos_;
    if (value.is_null()) return out;  // present, empty
    switch (field) {
      case FieldKey::account:
      case FieldKey::acv:
      case FieldKey::close_date:
      case FieldKey::ae:
      case FieldKey::csm:
        if (value.is_string()) out.items.push_back({value.get<std::string>(), pos_});
        else if (value.is_number()) out.items.push_back({value.dump(), pos_});
        else return wrong_type(name, "text or a number", value);
        return out;
      case FieldKey::products:
        if (value.is_string()) {
          out.items.push_back({value.get<std::string>(), pos_});  // set_field splits "A, B"
          return out;
        }
        return string_list(name, value, "a product name or a list of them");
      case FieldKey::handoff_call:
        if (value.is_boolean()) {
          out.items.push_back({value.get<bool>() ? "yes" : "no", pos_});
          return out;
        }
        if (value.is_object()) return flattened(name, value);
        [[fallthrough]];
      default:
        if (value.is_string()) {
          ValueItems split = split_value_items(value.get_ref<const std::string&>(), pos_, false);
          out.items = std::move(split.items);
          out.is_list = split.is_list;
          return out;
        }
        return string_list(name, value, "text or a list of text");
    }
  }

  // A list whose items are all text (nulls skipped).
  std::optional<FieldValue> string_list(const std::string& name, const Json& value,
                                        const std::string& expected) {
    if (!value.is_array()) return wrong_type(name, expected, value);
    FieldValue out;
    out.pos = pos_;
    out.is_list = true;
    for (const Json& item : value) {
      if (item.is_null()) continue;
      if (!item.is_string()) return wrong_type(name, expected, item, " in the list");
      std::string text = trim_copy(item.get_ref<const std::string&>());
      if (!text.empty()) out.items.push_back({std::move(text), pos_});
    }
    return out;
  }

  // {"date": "2026-05-04", "attendees": "AE, CSM"} -> "date: 2026-05-04; attendees: AE, CSM".
  std::optional<FieldValue> flattened(const std::string& name, const Json& object) {
    std::string text;
    for (const auto& [k, v] : object.items()) {
      if (v.is_object() || v.is_array())
        return wrong_type(name, "text, true/false, or an object of plain values", v, " inside it");
      if (!text.empty()) text += "; ";
      text += k;
      if (!v.is_null()) text += ": " + (v.is_string() ? v.get<std::string>() : v.dump());
    }
    FieldValue out;
    out.pos = pos_;
    out.items.push_back({std::move(text), pos_});
    return out;
  }

  // A list of "Name, Role" strings or {name, role} objects; one such object; or "A; B" text.
  std::optional<FieldValue> convert_contacts(const std::string& name, const Json& value,
                                             std::vector<Contact>& contacts) {
    FieldValue out;
    out.pos = pos_;
    auto add_text = [&](const std::string& text) {
      for (const TextItem& item : split_value_lines(text, pos_, false, ';'))
        contacts.push_back(parse_contact(item));
    };
    auto add_object = [&](const Json& object) -> std::optional<FieldValue> {
      Contact c;
      c.pos = pos_;
      for (const auto& [k, v] : object.items()) {
        if (!v.is_string() && !v.is_null()) return wrong_type(name, "name and role as text", v, " in a contact");
        std::string text = v.is_string() ? trim_copy(v.get_ref<const std::string&>()) : "";
        if (k == "name") c.name = std::move(text);
        else if (k == "role" || k == "title") c.role = std::move(text);
        else warn("HL901", "key " + quote_text(k) + " in key_contacts is ignored (use name and role)");
      }
      if (!c.name.empty() || !c.role.empty()) contacts.push_back(std::move(c));
      return out;
    };
    if (value.is_null()) return out;
    if (value.is_string()) {
      add_text(value.get_ref<const std::string&>());
      return out;
    }
    if (value.is_object()) return add_object(value);
    if (!value.is_array()) return wrong_type(name, "a list of contacts", value);
    for (const Json& item : value) {
      if (item.is_string()) add_text(item.get_ref<const std::string&>());
      else if (item.is_object()) {
        if (!add_object(item)) return std::nullopt;
      } else if (!item.is_null()) {
        return wrong_type(name, "contacts as text or {\"name\", \"role\"} objects", item, " in the list");
      }
    }
    return out;
  }

  std::nullopt_t wrong_type(const std::string& name, const std::string& expected, const Json& got,
                            const std::string& where = "") {
    fail(name + ": expected " + expected + ", got " + type_phrase(got) + where);
    return std::nullopt;
  }

  void fail(std::string message) {
    if (!out_.error) out_.error = LoadError{std::move(message), pos_};
  }

  void warn(std::string rule, std::string message) {
    out_.warnings.push_back(loader_warning(std::move(rule), std::move(message), pos_));
  }

  const LoadOptions& opt_;
  Loaded& out_;
  Position pos_;
};

// Parses one line; top-level keys given twice keep their first value and are reported.
std::optional<Json> parse_line(std::string_view line, Loaded& out, Position pos) {
  std::unordered_set<std::string> seen;
  auto keep_first_key = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (event != Json::parse_event_t::key || depth != 1) return true;
    const std::string& key = parsed.get_ref<const std::string&>();
    if (seen.insert(key).second) return true;
    out.warnings.push_back(loader_warning(
        "HL902", "duplicate key " + quote_text(key) + " on this line; the first value is kept", pos));
    return false;
  };
  try {
    return Json::parse(line, keep_first_key, /*allow_exceptions=*/true);
  } catch (const Json::parse_error& e) {
    out.error = LoadError{"invalid JSON: " + parse_error_text(e.what()),
                          {pos.line, static_cast<std::uint32_t>(e.byte == 0 ? 1 : e.byte)}};
  } catch (const std::exception& e) {
    out.error = LoadError{std::string("invalid JSON: ") + text::excerpt(e.what(), 160), pos};
  }
  return std::nullopt;
}

}  // namespace

void load_jsonl(const Source& src, const LoadOptions& opt, const RecordSink& sink) {
  auto fail_whole = [&](LoadError error) {
    Loaded bad;
    bad.record.source = src.name;
    bad.record.format = "jsonl";
    bad.error = std::move(error);
    sink(std::move(bad));
  };
  BlockReader blocks(src, *opt.limits, opt.block_bytes);
  BlockLines lines(blocks);
  std::size_t records = 0;
  std::uint32_t line_no = 0;
  while (auto next = lines.next()) {
    const std::string_view line = *next;
    ++line_no;
    if (text::trim(line).empty()) continue;

    Loaded out;
    out.record.source = src.name + "#" + std::to_string(line_no);
    out.record.format = "jsonl";
    const Position pos{line_no, 1};
    if (++records > opt.limits->max_records_per_file) {
      out.error = LoadError{"more than " + std::to_string(opt.limits->max_records_per_file) +
                                " records in one file (limits.max_records_per_file); this line and the rest were not read",
                            pos};
      sink(std::move(out));
      return;
    }
    if (std::size_t col = too_deep_at(line, opt.limits->max_yaml_depth)) {
      out.error = LoadError{"nesting deeper than " + std::to_string(opt.limits->max_yaml_depth) +
                                " levels (limits.max_yaml_depth)",
                            {line_no, static_cast<std::uint32_t>(col)}};
    } else if (auto json = parse_line(line, out, pos)) {
      LineReader(opt, out, line_no).read(*json);
    }
    sink(std::move(out));
  }
  // An export on disk that changed since open_source checked it, or a failed read.
  if (blocks.error()) return fail_whole(*blocks.error());
  if (records == 0) fail_whole(LoadError{"no content: the file has no JSON lines", {}});
}

}  // namespace handoff
