// libFuzzer harness "yaml_fast": the YAML fast path must agree with yaml-cpp, event for event
// and mark for mark, on every input it accepts (fuzz_checks.hpp, check_yaml_fast).
#define HANDOFF_FUZZ_HARNESS "yaml_fast"
#include "fuzz_main.hpp"
