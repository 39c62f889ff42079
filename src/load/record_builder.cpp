#include "load/record_builder.hpp"

#include <cctype>

namespace handoff {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string join_items(const std::vector<TextItem>& items) {
  std::string out;
  for (const auto& it : items) {
    if (!out.empty()) out += '\n';
    out += it.text;
  }
  return out;
}

bool set_text_field(Field& f, FieldValue&& v) {
  if (f.present) return false;
  f.present = true;
  f.pos = v.pos;
  f.is_list = v.is_list;
  f.text = join_items(v.items);
  f.items = std::move(v.items);
  return true;
}

bool set_header(HeaderValue& h, FieldValue&& v) {
  if (h.present) return false;
  h.present = true;
  h.pos = v.pos;
  h.text = trim_copy(join_items(v.items));
  return true;
}

}  // namespace

std::string trim_copy(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

Contact parse_contact(const TextItem& item) {
  Contact c;
  c.pos = item.pos;
  std::string_view t = item.text;
  // "Name (Role)"
  if (auto open = t.find('('); open != std::string_view::npos && t.ends_with(")")) {
    c.name = trim_copy(t.substr(0, open));
    c.role = trim_copy(t.substr(open + 1, t.size() - open - 2));
    return c;
  }
  for (std::string_view sep : {",", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ":"}) {
    if (auto at = t.find(sep); at != std::string_view::npos) {
      c.name = trim_copy(t.substr(0, at));
      c.role = trim_copy(t.substr(at + sep.size()));
      return c;
    }
  }
  c.name = trim_copy(t);
  return c;
}

bool set_field(Record& r, FieldKey key, FieldValue v) {
  if (auto cat = category_of(key)) return set_text_field(r.field(*cat), std::move(v));
  switch (key) {
    case FieldKey::account: return set_header(r.header.account, std::move(v));
    case FieldKey::ae: return set_header(r.header.ae, std::move(v));
    case FieldKey::csm: return set_header(r.header.csm, std::move(v));
    case FieldKey::close_date: return set_header(r.header.close_date, std::move(v));
    case FieldKey::acv:
      if (!set_header(r.header.acv, std::move(v))) return false;
      r.header.acv_amount = parse_money(r.header.acv.text);
      return true;
    case FieldKey::products: {
      if (r.header.products_present) return false;
      r.header.products_present = true;
      r.header.products_pos = v.pos;
      // A single line "Core platform + CRM module" or "A, B" is a list written inline.
      for (auto& item : v.items) {
        std::string_view t = item.text;
        bool split = !v.is_list && (t.find(',') != std::string_view::npos ||
                                    t.find(" + ") != std::string_view::npos);
        if (!split) {
          if (auto s = trim_copy(t); !s.empty()) r.header.products.push_back({s, item.pos});
          continue;
        }
        std::size_t start = 0;
        while (start <= t.size()) {
          std::size_t end = t.find_first_of(",+", start);
          if (end == std::string_view::npos) end = t.size();
          if (auto s = trim_copy(t.substr(start, end - start)); !s.empty())
            r.header.products.push_back({s, item.pos});
          start = end + 1;
        }
      }
      return true;
    }
    case FieldKey::key_contacts:
      if (r.key_contacts_present) return false;
      r.key_contacts_present = true;
      r.key_contacts_pos = v.pos;
      for (const auto& item : v.items)
        if (!trim_copy(item.text).empty()) r.key_contacts.push_back(parse_contact(item));
      return true;
    case FieldKey::competitive_context: return set_text_field(r.competitive_context, std::move(v));
    case FieldKey::relationship_history:
      return set_text_field(r.relationship_history, std::move(v));
    case FieldKey::handoff_call: return set_text_field(r.handoff_call, std::move(v));
    default: return false;
  }
}

}  // namespace handoff
