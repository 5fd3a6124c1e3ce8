#pragma once

#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

#include "core/io/dequantize.h"

namespace i4::io {
class Checkpoint;
}

namespace i4::model {

enum class WeightFormat { Dense, Fp8Rowwise, Nf4 };

// Where a layer keeps its weight between calls (Note [Memory modes] in core/pipeline/pipeline.h).
enum class WeightPlacement {
    Resident,        // dense, in the compute dtype, on the compute device
    StoredOnDevice,  // as stored (fp8 / nf4 / dense) on the compute device, dequantised per call
    StoredOnHost,    // as stored in CPU memory (the mapped file), uploaded and dequantised per call
    Fp8Matmul,       // e4m3 codes + per-row scales on the device, fp8 tensor-core matmuls
                     // (Note [fp8 matmuls]); only where runtime::fp8MatmulSupported()
};

// The weight (and optional bias) of one Linear layer, kept in the form the file stores it: dense
// (bf16/f16/f32), fp8 e4m3fn codes with per-row scales, or bitsandbytes NF4. Model code only calls
// `forward`; whether the weight is dequantised once (`prepare`) or on every call, or a later GPU
// path runs fp8 matmuls, is decided here without touching model code.
class Linear {
public:
    Linear() = default;

    // Loads `<prefix>.weight` (+ `.weight_scale` for F8_E4M3, + the bitsandbytes tensors for NF4)
    // and `<prefix>.bias` when present (`requireBias` makes a missing bias an error).
    static Linear load(const io::Checkpoint& checkpoint, const std::string& prefix,
                       bool requireBias = false);
    // A dense layer from tensors already in memory: weight [out, in], bias [out] or undefined.
    static Linear fromDense(const std::string& name, const at::Tensor& weight,
                            const at::Tensor& bias);
    // Stacks the rows of several layers (split to_q/to_k/to_v -> fused qkv). Storage is kept
    // when every part has the same format and the rows align with the quantisation blocks.
    static Linear concatRows(const std::vector<Linear>& parts);

    WeightFormat format() const { return m_format; }
    int64_t outFeatures() const { return m_out; }
    int64_t inFeatures() const { return m_in; }
    bool hasBias() const { return m_bias.defined(); }
    const at::Tensor& bias() const { return m_bias; }
    // The dense [out, in] weight (after `prepare`, or as stored when the file is dense);
    // undefined for fp8/NF4 storage. A handle onto the layer's own tensor (training tools set
    // requires_grad on it and update it in place).
    const at::Tensor& denseWeight() const { return m_dense; }
    const std::string& name() const { return m_name; }

    // The weight as a dense [out, in] tensor of `dtype` on the storage device.
    at::Tensor dequantize(at::ScalarType dtype) const;
    // The same on `device`: the stored form is moved there first and decoded there, so a GPU
    // receives fp8 / nf4 bytes, not the 2-4x larger dense weight.
    at::Tensor dequantizeOn(at::Device device, at::ScalarType dtype) const;
    // Makes the dense weight resident in `dtype` on `device` (and the bias in the same dtype).
    void prepare(at::ScalarType dtype, at::Device device);
    // Puts the weight where `placement` says, for computing in `dtype` on `device`; the bias is
    // always resident there.
    void place(WeightPlacement placement, at::ScalarType dtype, at::Device device);
    // Bytes the weight takes where it is kept now.
    int64_t storedBytes() const;
    // y = x W^T + b, in the dtype of `x` (the weight is converted if needed).
    at::Tensor forward(const at::Tensor& x) const;
    at::Tensor operator()(const at::Tensor& x) const { return forward(x); }

    // Adds the low-rank update up @ down (down [r, in], up [out, r], float32, LoRA scale folded
    // in) to the layer. With `allowMerge`, a dense resident weight takes the sum (in float32,
    // rounded back); fp8 / nf4 / stored / fp8-matmul layers keep the pair in `dtype` on `device`
    // and add (x down^T) up^T in `forward` (Note [LoRA application] in core/model/lora.cpp).
    // Returns true when merged.
    bool addLowRank(const at::Tensor& down, const at::Tensor& up, bool allowMerge,
                    at::ScalarType dtype, at::Device device);
    // Adapters applied on the fly.
    int lowRankCount() const { return static_cast<int>(m_lowRank.size()); }

private:
    at::Tensor denseForward(const at::Tensor& x) const;  // forward without fp8 or adapters

    std::string m_name;
    WeightFormat m_format = WeightFormat::Dense;
    int64_t m_out = 0;
    int64_t m_in = 0;
    at::Tensor m_dense;  // [out, in]: the stored dense weight, or the prepared one
    at::Tensor m_codes;  // fp8: uint8 [out, in]
    at::Tensor m_scale;  // fp8: float32 [out]
    io::Nf4Weight m_nf4;
    at::Tensor m_bias;         // [out] or undefined
    bool m_fp8Matmul = false;  // forward runs runtime::fp8Linear on m_codes / m_scale
    bool m_resident = false;   // m_dense is the prepared compute-dtype weight (`prepare`)
    struct LowRank {
        at::Tensor down;  // [r, in]
        at::Tensor up;    // [out, r]
    };
    std::vector<LowRank> m_lowRank;  // LoRA adapters applied on the fly
};

}  // namespace i4::model
