// A LibTorch without CUDA has no kernels to launch: every launcher declines, and
// core/runtime/fused_ops.cpp runs the reference path (Note [One home for GPU code]).
#include "core/runtime/cuda/fused_kernels.h"

namespace i4::runtime::cuda {

bool rmsNormModulate(const void*, const float*, const void*, void*, int64_t, int64_t, int64_t,
                     float, void*) {
    return false;
}

bool gatedResidualRmsNorm(const void*, const void*, const float*, const void*, void*, int64_t,
                          int64_t, int64_t, float, void*) {
    return false;
}

bool qkNormRope(const void*, const float*, const float*, const void*, const void*, void*, void*,
                int64_t, int64_t, int64_t, float, void*) {
    return false;
}

bool quantizeRowsFp8(const void*, uint8_t*, float*, int64_t, int64_t, float, void*) {
    return false;
}

bool swiglu(const void*, const void*, void*, int64_t, void*) { return false; }

}  // namespace i4::runtime::cuda
