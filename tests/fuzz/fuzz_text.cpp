// libFuzzer harness "text": the text loader, the rule engine and the reporters.
// The checks live in fuzz_checks.hpp, shared with the regression replay in the unit tests.
#define HANDOFF_FUZZ_HARNESS "text"
#include "fuzz_main.hpp"
