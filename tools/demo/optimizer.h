#pragma once

// Adam with global-norm gradient clipping and an exponential moving average of the weights:
// the little LibTorch 1.13 (ATen-only, no torch::optim) needs to train the demo model.

#include <ATen/core/Tensor.h>

#include <vector>

#include "tools/demo/demo_model.h"

namespace i4::demo {

// Gives each tensor storage of its own (a loaded weight may be a view of a read-only file
// mapping) and switches on its gradient.
void makeTrainable(const NamedTensors& parameters);

class Adam {
public:
    explicit Adam(const NamedTensors& parameters, double beta1 = 0.9, double beta2 = 0.99,
                  double eps = 1e-8);
    // One update with learning rate `lr` after clipping the gradients' global norm to
    // `maxNorm`; returns the norm before clipping. Clears the gradients.
    double step(double lr, double maxNorm);
    // EMA of the weights (decay ramps up from 0 so early weights fade quickly).
    void updateAverage(double maxDecay);
    // The averaged weights under the parameters' names (copies).
    NamedTensors averaged() const;
    long steps() const { return m_steps; }

private:
    NamedTensors m_parameters;
    std::vector<at::Tensor> m_first, m_second, m_average;
    double m_beta1, m_beta2, m_eps;
    long m_steps = 0;
};

}  // namespace i4::demo
