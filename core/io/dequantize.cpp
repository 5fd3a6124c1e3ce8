#include "core/io/dequantize.h"

#include <ATen/ATen.h>

#include <array>
#include <cmath>
#include <limits>

#include "core/runtime/torch_compat.h"

namespace i4::io {
namespace {

std::array<float, 256> makeE4M3Table() {
    std::array<float, 256> table{};
    for (int code = 0; code < 256; ++code) {
        const int sign = code >> 7;
        const int exponent = (code >> 3) & 0xF;
        const int mantissa = code & 0x7;
        float value;
        if (exponent == 0xF && mantissa == 0x7) {
            value = std::numeric_limits<float>::quiet_NaN();
        } else if (exponent == 0) {
            value = std::ldexp(static_cast<float>(mantissa) / 8.0f, -6);
        } else {
            value = std::ldexp(1.0f + static_cast<float>(mantissa) / 8.0f, exponent - 7);
        }
        table[code] = sign ? -value : value;
    }
    return table;
}

const std::array<float, 256>& e4m3Table() {
    static const std::array<float, 256> table = makeE4M3Table();
    return table;
}

}  // namespace

float decodeE4M3(uint8_t code) { return e4m3Table()[code]; }

at::Tensor dequantizeFp8Rowwise(const at::Tensor& codes, const at::Tensor& scale) {
    return runtime::decodeE4m3(codes) * scale.to(codes.device(), at::kFloat).view({-1, 1});
}

at::Tensor denestAbsmax(const at::Tensor& codes, const at::Tensor& nestedAbsmax,
                        const at::Tensor& nestedQuantMap, int64_t nestedBlocksize, float offset) {
    const int64_t n = codes.numel();
    at::Tensor values =
        nestedQuantMap.to(at::kFloat).index_select(0, codes.reshape({-1}).to(at::kLong));
    at::Tensor block =
        at::arange(n, codes.options().dtype(at::kLong)).div(nestedBlocksize, "floor");
    return values * nestedAbsmax.to(at::kFloat).index_select(0, block) + offset;
}

// Note [NF4 layout]
// bitsandbytes quantises the row-major flattened weight in blocks of `blocksize` elements (blocks
// may cross rows; the last may be partial). Byte i holds element 2i in its high nibble and 2i+1
// in its low nibble; for odd n the last low nibble is padding. Dequantisation is in float32:
// w[i] = quant_map[nibble(i)] * absmax[i / blocksize].
at::Tensor dequantizeNf4(const Nf4Weight& weight) {
    int64_t n = 1;
    for (int64_t d : weight.shape) n *= d;
    const at::Tensor packed = weight.packed.reshape({-1});  // [(n+1)/2] uint8
    const at::Device device = packed.device();
    // Both nibbles of a byte at once: row b of `pairs` is (map[b / 16], map[b % 16]), so one
    // lookup per byte with 32-bit indices (a per-element int64 index would take 8 bytes per
    // weight, ~1 GB for one of the transformer's 12288 x 4608 matrices).
    const at::Tensor map = weight.quantMap.to(device, at::kFloat);  // [16]
    const at::Tensor pairs =
        at::stack({map.repeat_interleave(16), map.repeat({16})}, 1);  // [256, 2]
    at::Tensor values =
        pairs.index_select(0, packed.to(at::kInt)).reshape({-1}).narrow(0, 0, n);  // [n] f32
    const int64_t blocks = (n + weight.blocksize - 1) / weight.blocksize;
    const at::Tensor absmax = weight.absmax.to(device, at::kFloat).view({blocks, 1});
    if (blocks * weight.blocksize != n) {  // a partial last block: pad, scale, cut
        values = at::cat({values, at::zeros({blocks * weight.blocksize - n}, values.options())});
    }
    values = values.view({blocks, weight.blocksize}) * absmax;
    return values.reshape({-1}).narrow(0, 0, n).view(weight.shape);
}

}  // namespace i4::io
