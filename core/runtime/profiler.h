#pragma once

// GPU time by kernel class, for benchmarks (issue 24's breakdown): LibTorch's Kineto profiler
// records the region's kernels, and their durations are summed by what they do.

#include <map>
#include <string>

namespace i4::runtime {

class KernelProfile {
public:
    // LibTorch 2.x with CUDA: the Kineto profiler is there (it records nothing without CUPTI).
    static bool available();

    void start();
    // Stops recording; returns GPU milliseconds per class ("matmul", "attention", "fused",
    // "elementwise", "copy", "other") and writes a Chrome trace to `tracePath` unless empty.
    std::map<std::string, double> stop(const std::string& tracePath = "");

    // The class of one kernel, from its name.
    static std::string classify(const std::string& kernelName);
};

}  // namespace i4::runtime
