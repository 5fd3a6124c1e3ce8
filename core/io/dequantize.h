#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace i4::io {

// float32 value of one e4m3fn code (bias 7, no infinities, 0x7F/0xFF are NaN).
float decodeE4M3(uint8_t code);

// uint8 e4m3fn codes [out, in] and per-row F32 scales [out] -> float32 [out, in]:
// w = e4m3(code) * scale[row], in float32 (golden README).
at::Tensor dequantizeFp8Rowwise(const at::Tensor& codes, const at::Tensor& scale);

// bitsandbytes NF4 storage of one weight (see Note [NF4 layout] in dequantize.cpp).
struct Nf4Weight {
    at::Tensor packed;    // uint8 [(n+1)/2]: element 2i in the high nibble, 2i+1 in the low one
    at::Tensor absmax;    // float32 [ceil(n/blocksize)] (already un-nested)
    at::Tensor quantMap;  // float32 [16]
    int64_t blocksize = 64;
    std::vector<int64_t> shape;  // the original [out, in]
};

// Un-nests double-quantised absmax: nestedQuantMap[code[j]] * nestedAbsmax[j / nestedBlocksize]
// + offset, in float32.
at::Tensor denestAbsmax(const at::Tensor& codes, const at::Tensor& nestedAbsmax,
                        const at::Tensor& nestedQuantMap, int64_t nestedBlocksize, float offset);

// NF4 -> float32 tensor of `weight.shape`.
at::Tensor dequantizeNf4(const Nf4Weight& weight);

}  // namespace i4::io
