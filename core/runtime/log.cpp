#include "core/runtime/log.h"

#include <iostream>
#include <mutex>

namespace i4::runtime {
namespace {

std::mutex& sinkMutex() {
    static std::mutex mutex;
    return mutex;
}

std::function<void(const std::string&)>& sink() {
    static std::function<void(const std::string&)> instance;
    return instance;
}

}  // namespace

void logLine(const std::string& line) {
    std::lock_guard<std::mutex> lock(sinkMutex());
    if (sink()) {
        sink()(line);
    } else {
        std::cerr << "i4: " << line << '\n';
    }
}

void setLogSink(std::function<void(const std::string&)> newSink) {
    std::lock_guard<std::mutex> lock(sinkMutex());
    sink() = std::move(newSink);
}

}  // namespace i4::runtime
