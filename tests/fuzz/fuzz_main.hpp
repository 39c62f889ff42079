// The libFuzzer entry point shared by every harness: HANDOFF_FUZZ_HARNESS names the check in
// fuzz_checks.hpp; a broken property aborts, which libFuzzer reports as a crash with the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_checks.hpp"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto problem = handoff::fuzz::check_input(HANDOFF_FUZZ_HARNESS, bytes)) {
    std::fprintf(stderr, "fuzz: %s\n", problem->c_str());
    std::abort();
  }
  return 0;
}
