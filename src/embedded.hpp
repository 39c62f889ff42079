// Files from templates/, compiled into the binary (see cmake/embed_templates.cmake).
#pragma once
#include <string_view>

namespace handoff {
// The text of templates/<name>, or an empty view when there is no such template.
std::string_view embedded_template(std::string_view name);
}  // namespace handoff
