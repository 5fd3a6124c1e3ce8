#include "core/io/tensor_view.h"

#include <ATen/ATen.h>

#include "core/io/dtype.h"

namespace i4::io {
namespace {

at::ScalarType scalarTypeOf(DType dtype) {
    switch (dtype) {
        case DType::F64:
            return at::kDouble;
        case DType::F32:
            return at::kFloat;
        case DType::F16:
            return at::kHalf;
        case DType::BF16:
            return at::kBFloat16;
        case DType::F8_E4M3:
            return at::kByte;
        case DType::I64:
            return at::kLong;
        case DType::I32:
            return at::kInt;
        case DType::I16:
            return at::kShort;
        case DType::I8:
            return at::kChar;
        case DType::U8:
            return at::kByte;
        case DType::BOOL:
            return at::kBool;
    }
    return at::kByte;
}

}  // namespace

at::Tensor tensorView(const std::shared_ptr<const SafetensorsFile>& file, const TensorInfo& info) {
    const auto options = at::TensorOptions().dtype(scalarTypeOf(info.dtype)).device(at::kCPU);
    std::vector<int64_t> shape(info.shape.begin(), info.shape.end());
    auto* bytes = const_cast<uint8_t*>(file->data(info));
    const std::size_t elementSize = dtypeSize(info.dtype);
    if (info.numel() == 0) return at::empty(shape, options);
    if (reinterpret_cast<std::uintptr_t>(bytes) % elementSize != 0) {
        at::Tensor copy = at::empty(shape, options);
        std::memcpy(copy.data_ptr(), bytes, info.byteSize());
        return copy;
    }
    auto keepAlive = file;
    return at::from_blob(
        bytes, shape, [keepAlive](void*) mutable { keepAlive.reset(); }, options);
}

}  // namespace i4::io
