#include "app/i4/progress_bar.h"

#include <unistd.h>

#include <string>

namespace i4::cli {

ProgressBar::ProgressBar(std::FILE* out) : m_out(out), m_tty(::isatty(::fileno(out)) != 0) {}

void ProgressBar::update(const pipeline::StepInfo& step) {
    const double rate = step.elapsedSeconds > 0 ? step.step / step.elapsedSeconds : 0.0;
    const int eta = static_cast<int>(step.etaSeconds + 0.5);
    if (!m_tty) {
        std::fprintf(m_out, "step %d/%d  t=%.4f  %.2f it/s  eta %d:%02d\n", step.step, step.total,
                     step.t, rate, eta / 60, eta % 60);
        std::fflush(m_out);
        return;
    }
    constexpr int kWidth = 30;
    const int filled = step.total > 0 ? kWidth * step.step / step.total : 0;
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    std::fprintf(m_out, "\r[%s] %d/%d  %.2f it/s  ETA %d:%02d ", bar.c_str(), step.step, step.total,
                 rate, eta / 60, eta % 60);
    std::fflush(m_out);
    m_drawn = true;
}

void ProgressBar::finish() {
    if (m_drawn) std::fputc('\n', m_out);
    m_drawn = false;
}

}  // namespace i4::cli
