// The YAML loader: one record per YAML document, built with yaml_tree and set_field().
#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "handoff/load.hpp"
#include "load/record_builder.hpp"
#include "load/sections.hpp"
#include "load/yaml_tree.hpp"

namespace handoff {
namespace {

using yaml::Node;

constexpr std::size_t kFieldKeyCount = static_cast<std::size_t>(FieldKey::handoff_call) + 1;
constexpr std::uint32_t kNoLine = std::numeric_limits<std::uint32_t>::max();

std::string quoted_key(std::string_view key) { return "\"" + std::string(key) + "\""; }

Finding loader_warning(std::string rule, std::string message, Position pos) {
  Finding f;
  f.rule = std::move(rule);
  f.severity = Severity::warning;
  f.message = std::move(message);
  f.pos = pos;
  return f;
}

// `# handoff-lint: disable=HL301,HL302 -- reason`, read with the same grammar as the
// Markdown loader's `<!-- ... -->` comments; nullopt for any other comment.
std::optional<Suppression> parse_suppression_comment(std::string_view comment, Position pos) {
  if (comment.find("handoff-lint") == std::string_view::npos) return std::nullopt;
  return parse_suppression("<!-- " + std::string(comment) + " -->", pos);
}

// "k: v; k2: v2" for a mapping of scalars, as a reader would say it; nullopt otherwise.
std::optional<std::string> flatten_mapping(const Node& map) {
  std::string out;
  for (std::size_t i = 0; i < map.entry_count(); ++i) {
    const Node& k = map.entry_key(i);
    const Node& v = map.entry_value(i);
    if (!k.is_scalar() || !(v.is_scalar() || v.is_null())) return std::nullopt;
    if (!out.empty()) out += "; ";
    out += trim_copy(k.value);
    if (v.is_scalar()) out += ": " + trim_copy(v.value);
  }
  return out;
}

// Builds one Loaded from one document's tree.
class RecordReader {
 public:
  RecordReader(const Source& src, const LoadOptions& opt, Loaded& out)
      : src_(src), opt_(opt), out_(out) {}

  void read(const yaml::Document& doc) {
    for (const auto& dup : doc.duplicates)
      warn("HL902",
           "duplicate key " + quoted_key(dup.key) + " (first at line " +
               std::to_string(dup.first.line) + "); the first value is kept",
           dup.second);
    const Node& root = doc.root;
    if (!root.is_mapping()) {
      fail(root.pos, "expected a mapping of keys such as account: and buying_motivation:, got " +
                         std::string(yaml::kind_phrase(root)));
      return;
    }
    for (std::size_t i = 0; i < root.entry_count(); ++i)
      read_entry(root.entry_key(i), root.entry_value(i));
  }

  // Where each top-level key sits, for scoping suppression comments.
  struct KeyLine {
    Position pos;
    std::optional<Category> category;
  };
  std::vector<KeyLine> key_lines;

 private:
  void read_entry(const Node& key, const Node& value) {
    if (!key.is_scalar()) {
      warn("HL901", "a key that is " + std::string(yaml::kind_phrase(key)) + " is ignored",
           key.pos);
      return;
    }
    auto field = field_key_from_name(key.value);
    if (!field) field = opt_.labels->match(key.value);
    key_lines.push_back({key.pos, field ? category_of(*field) : std::nullopt});
    if (!field) {
      warn("HL901", "unknown key " + quoted_key(key.value) + " is ignored", key.pos);
      return;
    }
    auto converted = convert(*field, key, value);
    if (!converted) return;
    std::size_t bytes = 0;
    for (const auto& item : converted->items) bytes += item.text.size();
    if (bytes > opt_.limits->max_field_bytes) {
      fail(converted->pos, std::string(field_key_name(*field)) + " is longer than " +
                               std::to_string(opt_.limits->max_field_bytes) +
                               " bytes (max_field_bytes)");
      return;
    }
    auto& first = first_key_[static_cast<std::size_t>(*field)];
    if (!set_field(out_.record, *field, std::move(*converted))) {
      warn("HL902",
           quoted_key(key.value) + " repeats " + std::string(field_key_name(*field)) +
               ", already given at line " + std::to_string(first.second.line) + " as " +
               quoted_key(first.first) + "; the first value is kept",
           key.pos);
      return;
    }
    first = {key.value, key.pos};
    // set_field() marks key_contacts present; the contacts are read here, in order.
    if (*field == FieldKey::key_contacts) fill_contacts(value);
  }

  std::optional<FieldValue> convert(FieldKey field, const Node& key, const Node& value) {
    std::string name(field_key_name(field));
    FieldValue out;
    out.pos = value.is_null() ? key.pos : value.pos;
    if (value.is_null()) return out;
    auto owner = key.pos.column;
    switch (field) {
      case FieldKey::account:
      case FieldKey::acv:
      case FieldKey::close_date:
      case FieldKey::ae:
      case FieldKey::csm:
        if (!value.is_scalar()) return wrong_type(value, name, "a single value");
        out.items.push_back({trim_copy(value.value), first_text_pos(value, owner)});
        return out;
      case FieldKey::products:
        if (yaml::is_plain_number(value) || value.is_mapping())
          return wrong_type(value, name, "a product name or a list of them");
        return text_or_list(value, name, owner);
      case FieldKey::key_contacts:
        if (value.is_scalar() || value.is_sequence() || value.is_mapping())
          return out;  // fill_contacts
        return wrong_type(value, name, "a list of contacts");
      case FieldKey::handoff_call:
        if (auto yes = yaml::plain_bool(value)) {
          out.items.push_back({*yes ? "yes" : "no", value.pos});
          return out;
        }
        if (value.is_mapping()) {
          auto text = flatten_mapping(value);
          if (!text) return wrong_type(value, name, "text, yes/no, or a mapping of plain values");
          out.items.push_back({*text, value.pos});
          return out;
        }
        return text_or_list(value, name, owner);
      default:
        if (value.is_mapping())
          return wrong_type(
              value, name,
              "text or a list of items (write the text after the key, or \"- \" items)");
        return text_or_list(value, name, owner);
    }
  }

  // A scalar (a block scalar's paragraphs become items) or a list of scalars.
  std::optional<FieldValue> text_or_list(const Node& value, const std::string& name,
                                         std::uint32_t owner) {
    FieldValue out;
    out.pos = value.pos;
    if (value.is_scalar()) {
      out.items = yaml::block_paragraphs(src_.text, value, owner);
      return out;
    }
    out.is_list = true;
    for (const Node& item : value.children) {
      if (item.is_null()) continue;
      if (item.is_scalar()) {
        std::string text = trim_copy(item.value);
        if (!text.empty())
          out.items.push_back({std::move(text), first_text_pos(item, value.pos.column)});
        continue;
      }
      auto text = item.is_mapping() ? flatten_mapping(item) : std::nullopt;
      if (!text) return wrong_type(item, name, "list items that are text");
      out.items.push_back({*text, item.pos});
    }
    return out;
  }

  // Where a scalar's text starts: for a block scalar, its first text line.
  Position first_text_pos(const Node& scalar, std::uint32_t owner) const {
    if (!scalar.is_block()) return scalar.pos;
    auto paragraphs = yaml::block_paragraphs(src_.text, scalar, owner);
    return paragraphs.empty() ? scalar.pos : paragraphs.front().pos;
  }

  void fill_contacts(const Node& value) {
    auto& contacts = out_.record.key_contacts;
    auto add_text = [&](const std::string& text, Position pos) {
      std::size_t start = 0;
      while (start <= text.size()) {
        std::size_t end = text.find_first_of(";\n", start);
        if (end == std::string::npos) end = text.size();
        std::string part = trim_copy(std::string_view(text).substr(start, end - start));
        if (!part.empty()) contacts.push_back(parse_contact({part, pos}));
        start = end + 1;
      }
    };
    auto add_mapping = [&](const Node& map) {
      Contact contact;
      contact.pos = map.pos;
      for (std::size_t i = 0; i < map.entry_count(); ++i) {
        const Node& k = map.entry_key(i);
        const Node& v = map.entry_value(i);
        std::string text = v.is_scalar() ? trim_copy(v.value) : std::string();
        if (k.is_scalar() && k.value == "name")
          contact.name = text;
        else if (k.is_scalar() && (k.value == "role" || k.value == "title"))
          contact.role = text;
        else if (k.is_scalar() && map.entry_count() == 1 && v.is_scalar())  // "- Ana Ruiz: CFO"
          contact = Contact{trim_copy(k.value), text, k.pos};
        else
          warn("HL901",
               "key " + quoted_key(k.is_scalar() ? k.value : "?") +
                   " in key_contacts is ignored (use name: and role:)",
               k.pos);
      }
      if (!contact.name.empty() || !contact.role.empty()) contacts.push_back(contact);
    };
    if (value.is_scalar()) add_text(value.value, value.pos);
    if (value.is_mapping()) {
      bool one_contact = value.entry_count() > 0 && value.entry_key(0).is_scalar() &&
                         (value.entry_key(0).value == "name" || value.entry_key(0).value == "role");
      if (one_contact) {
        add_mapping(value);
      } else {
        for (std::size_t i = 0; i < value.entry_count(); ++i) {
          const Node& k = value.entry_key(i);
          const Node& v = value.entry_value(i);
          if (!k.is_scalar() || !(v.is_scalar() || v.is_null())) {
            fail(k.pos, "key_contacts: expected name: role pairs or a list of contacts");
            return;
          }
          contacts.push_back(
              Contact{trim_copy(k.value), v.is_scalar() ? trim_copy(v.value) : "", k.pos});
        }
      }
    }
    if (!value.is_sequence()) return;
    for (const Node& item : value.children) {
      if (item.is_scalar())
        add_text(item.value, item.pos);
      else if (item.is_mapping())
        add_mapping(item);
      else if (item.is_sequence())
        fail(item.pos, "key_contacts: a list inside the list of contacts");
    }
  }

  std::nullopt_t wrong_type(const Node& value, const std::string& name,
                            const std::string& expected) {
    std::string got(yaml::kind_phrase(value));
    if (yaml::is_plain_number(value)) got = "the number " + value.value;
    fail(value.pos, name + ": expected " + expected + ", got " + got);
    return std::nullopt;
  }

  void fail(Position pos, std::string message) {
    if (!out_.error) out_.error = LoadError{std::move(message), pos};
  }

  void warn(std::string rule, std::string message, Position pos) {
    out_.warnings.push_back(loader_warning(std::move(rule), std::move(message), pos));
  }

  const Source& src_;
  const LoadOptions& opt_;
  Loaded& out_;
  std::array<std::pair<std::string, Position>, kFieldKeyCount> first_key_{};
};

// Attaches the document's suppression comments to the record.
void collect_suppressions(const std::vector<yaml::Comment>& comments, std::size_t& next_comment,
                          std::uint32_t first_line, std::uint32_t end_line,
                          const std::vector<RecordReader::KeyLine>& keys, Record& record) {
  while (next_comment < comments.size() && comments[next_comment].pos.line < first_line)
    ++next_comment;
  std::size_t key = 0;
  for (; next_comment < comments.size() && comments[next_comment].pos.line < end_line;
       ++next_comment) {
    const yaml::Comment& c = comments[next_comment];
    auto suppression = parse_suppression_comment(c.text, c.pos);
    if (!suppression) continue;
    while (key + 1 < keys.size() && keys[key + 1].pos.line <= c.pos.line) ++key;
    if (!keys.empty() && keys[key].pos.line <= c.pos.line) {
      std::size_t owner = key;
      // An unindented comment line right above a key belongs to that key, as a reader sees it.
      if (c.own_line && c.pos.column <= keys[key].pos.column && key + 1 < keys.size() &&
          c.next_content_line == keys[key + 1].pos.line)
        owner = key + 1;
      suppression->scope = keys[owner].category;
    }
    record.suppressions.push_back(std::move(*suppression));
  }
}

class StreamLoader {
 public:
  StreamLoader(const Source& src, const LoadOptions& opt, const RecordSink& sink)
      : src_(src), opt_(opt), sink_(sink), reader_(src.text, *opt.limits) {}

  void run() {
    std::optional<yaml::Document> open;
    std::uint32_t open_first_line = 1;
    bool first_document = true;
    for (;;) {
      yaml::Document doc;
      bool got = reader_.next(doc);
      if (open) {
        build_and_emit(*open, open_first_line, got ? doc.start.line : kNoLine);
        open.reset();
      }
      if (!got) break;
      std::uint32_t first_line = first_document ? 1 : doc.start.line;
      first_document = false;
      if (doc.root.is_null()) continue;  // an empty document, e.g. a trailing "---"
      if (++count_ == 2) flush_held(true);
      if (count_ > opt_.limits->max_records_per_file) {
        emit_error(LoadError{"more than " + std::to_string(opt_.limits->max_records_per_file) +
                                 " records in one file (max_records_per_file)",
                             doc.start});
        return;
      }
      open = std::move(doc);
      open_first_line = first_line;
    }
    if (reader_.error()) {
      ++count_;
      emit_error(*reader_.error());
      return;
    }
    if (count_ == 0) {
      count_ = 1;
      emit_error(LoadError{"file has no content", {}});
      return;
    }
    flush_held(false);
  }

 private:
  void build_and_emit(const yaml::Document& doc, std::uint32_t first_line, std::uint32_t end_line) {
    Loaded loaded;
    loaded.record.format = "yaml";
    RecordReader reader(src_, opt_, loaded);
    reader.read(doc);
    collect_suppressions(reader_.comments(), next_comment_, first_line, end_line, reader.key_lines,
                         loaded.record);
    emit(std::move(loaded), count_);
  }

  void emit(Loaded&& loaded, std::size_t index) {
    if (index == 1 && !multi_) {
      held_ = std::move(loaded);  // named once we know whether a second record follows
      return;
    }
    loaded.record.source = src_.name + "#" + std::to_string(index);
    sink_(std::move(loaded));
  }

  void flush_held(bool multi) {
    multi_ = multi_ || multi;
    if (!held_) return;
    held_->record.source = multi_ ? src_.name + "#1" : src_.name;
    sink_(std::move(*held_));
    held_.reset();
  }

  void emit_error(LoadError error) {
    flush_held(count_ > 1 || reader_.more_documents_after_error());
    Loaded loaded;
    loaded.record.format = "yaml";
    loaded.error = std::move(error);
    emit(std::move(loaded), count_);
    flush_held(false);
  }

  const Source& src_;
  const LoadOptions& opt_;
  const RecordSink& sink_;
  yaml::DocumentReader reader_;
  std::size_t count_ = 0;  // non-empty documents seen
  bool multi_ = false;
  std::optional<Loaded> held_;
  std::size_t next_comment_ = 0;
};

}  // namespace

void load_yaml(const Source& src, const LoadOptions& opt, const RecordSink& sink) {
  StreamLoader(src, opt, sink).run();
}

}  // namespace handoff
