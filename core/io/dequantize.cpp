#include "core/io/dequantize.h"

#include <ATen/ATen.h>

#include <array>
#include <cmath>
#include <limits>

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
    const auto& table = e4m3Table();
    at::Tensor lut =
        at::from_blob(const_cast<float*>(table.data()), {256}, at::kFloat).to(codes.device());
    at::Tensor values = lut.index_select(0, codes.reshape({-1}).to(at::kLong)).view(codes.sizes());
    return values * scale.to(at::kFloat).view({-1, 1});
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
    at::Tensor bytes = weight.packed.reshape({-1}).to(at::kLong);
    at::Tensor codes =
        at::stack({bytes.div(16, "floor"), bytes.remainder(16)}, 1).reshape({-1}).narrow(0, 0, n);
    at::Tensor values = weight.quantMap.to(at::kFloat).index_select(0, codes);
    at::Tensor block = at::arange(n, bytes.options()).div(weight.blocksize, "floor");
    return (values * weight.absmax.to(at::kFloat).index_select(0, block)).view(weight.shape);
}

}  // namespace i4::io
