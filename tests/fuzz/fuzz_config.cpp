// libFuzzer harness "config": apply_config on top of the built-in config, the engine with the
// result, and dump_config's output read back.
// The checks live in fuzz_checks.hpp, shared with the regression replay in the unit tests.
#define HANDOFF_FUZZ_HARNESS "config"
#include "fuzz_main.hpp"
