#include "core/pipeline/memory_check.h"

#include <cstdio>
#include <fstream>

#include "core/errors.h"
#include "core/io/model_folder.h"
#include "core/io/model_summary.h"

namespace i4::pipeline {

uint64_t availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    uint64_t kb = 0;
    std::string unit;
    while (meminfo >> key >> kb >> unit) {
        if (key == "MemAvailable:") return kb * 1024;
    }
    return 0;
}

uint64_t estimateLoadBytes(const std::filesystem::path& folder, int bytesPerParameter) {
    uint64_t parameters = 0;
    for (const auto& component : io::modelComponents()) {
        if (component == "tokenizer") continue;
        parameters += static_cast<uint64_t>(
            io::summarizeComponent(folder / component, component).parameterCount);
    }
    return parameters * static_cast<uint64_t>(bytesPerParameter);
}

void checkMemoryFits(uint64_t needed, uint64_t available, const std::string& dtypeName) {
    // 10% headroom for activations and the rest of the program.
    if (available == 0 || static_cast<double>(needed) <= 0.9 * static_cast<double>(available))
        return;
    char message[256];
    std::snprintf(message, sizeof message,
                  "the model needs about %.1f GB of memory on the CPU in %s but only %.1f GB is "
                  "available; use a GPU (--device cuda) or bf16 (--dtype bf16)",
                  needed / 1e9, dtypeName.c_str(), available / 1e9);
    throw ModelError(message);
}

}  // namespace i4::pipeline
