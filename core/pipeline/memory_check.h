#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace i4::pipeline {

// Bytes the kernel says can be had without swapping (/proc/meminfo MemAvailable); 0 if unknown.
uint64_t availableMemoryBytes();

// Memory the weights of a model folder take once loaded at `bytesPerParameter` (4 for float32,
// 2 for bf16), from the safetensors headers alone (nothing is read).
uint64_t estimateLoadBytes(const std::filesystem::path& folder, int bytesPerParameter);

// Refuses, before anything is allocated, a load that cannot fit: a real Ideogram 4 folder in
// float32 needs ~100 GB, and running out of memory half-way would take the whole app down.
// Throws ModelError with both figures and what to do instead; `available` 0 = unknown = allowed.
void checkMemoryFits(uint64_t needed, uint64_t available, const std::string& dtypeName);

}  // namespace i4::pipeline
