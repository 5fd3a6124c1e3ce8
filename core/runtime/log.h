#pragma once

#include <functional>
#include <string>

namespace i4::runtime {

// One line for the user's log: which kernel runs, a fallback taken. Goes to stderr ("i4: ...")
// unless a sink is set (the app shows them in its log).
void logLine(const std::string& line);
void setLogSink(std::function<void(const std::string&)> sink);

}  // namespace i4::runtime
