#pragma once

#include <cstdio>

#include "core/pipeline/pipeline.h"

namespace i4::cli {

// Step progress on stderr: a redrawn bar with it/s and ETA on a terminal, one line per step
// otherwise (logs, CI).
class ProgressBar {
public:
    explicit ProgressBar(std::FILE* out);
    void update(const pipeline::StepInfo& step);
    void finish();

private:
    std::FILE* m_out;
    bool m_tty;
    bool m_drawn = false;
};

}  // namespace i4::cli
