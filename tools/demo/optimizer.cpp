#include "tools/demo/optimizer.h"

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>  // at::NoGradGuard: ATen.h no longer brings it in LibTorch 2.x

#include <algorithm>
#include <cmath>

namespace i4::demo {

void makeTrainable(const NamedTensors& parameters) {
    for (const auto& [name, tensor] : parameters) {
        at::Tensor handle = tensor;  // shares the module's TensorImpl
        handle.set_data(tensor.detach().to(at::kFloat).clone());
        handle.requires_grad_(true);
    }
}

Adam::Adam(const NamedTensors& parameters, double beta1, double beta2, double eps)
    : m_parameters(parameters), m_beta1(beta1), m_beta2(beta2), m_eps(eps) {
    for (const auto& [name, p] : m_parameters) {
        m_first.push_back(at::zeros_like(p).detach());
        m_second.push_back(at::zeros_like(p).detach());
        m_average.push_back(p.detach().clone());
    }
}

double Adam::step(double lr, double maxNorm) {
    at::NoGradGuard noGrad;
    double norm2 = 0;
    for (const auto& [name, p] : m_parameters) {
        if (p.grad().defined()) norm2 += p.grad().pow(2).sum().item<double>();
    }
    const double norm = std::sqrt(norm2);
    const double clip = norm > maxNorm ? maxNorm / (norm + 1e-12) : 1.0;
    ++m_steps;
    const double c1 = 1 - std::pow(m_beta1, double(m_steps));
    const double c2 = 1 - std::pow(m_beta2, double(m_steps));
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        at::Tensor p = m_parameters[i].second;
        if (!p.grad().defined()) continue;
        const at::Tensor g = p.grad() * clip;
        m_first[i].mul_(m_beta1).add_(g, 1 - m_beta1);
        m_second[i].mul_(m_beta2).addcmul_(g, g, 1 - m_beta2);
        const at::Tensor denom = (m_second[i] / c2).sqrt_().add_(m_eps);
        p.addcdiv_(m_first[i], denom, -lr / c1);
        p.mutable_grad() = at::Tensor();
    }
    return norm;
}

void Adam::updateAverage(double maxDecay) {
    at::NoGradGuard noGrad;
    const double decay = std::min(maxDecay, (1.0 + double(m_steps)) / (10.0 + double(m_steps)));
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        m_average[i].mul_(decay).add_(m_parameters[i].second.detach(), 1 - decay);
    }
}

NamedTensors Adam::averaged() const {
    NamedTensors out;
    for (size_t i = 0; i < m_parameters.size(); ++i) {
        out.emplace_back(m_parameters[i].first, m_average[i].clone());
    }
    return out;
}

}  // namespace i4::demo
