#pragma once

#include <string>
#include <vector>

namespace i4::test {

struct CliRun {
    int exitCode = -1;
    std::string out;  // stdout and stderr together
};

// Runs the built `i4` with `args` (no shell involved) and waits for it.
CliRun runCli(const std::vector<std::string>& args);

}  // namespace i4::test
