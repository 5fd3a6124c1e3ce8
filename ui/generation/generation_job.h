#pragma once

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QVector>

#include "core/pipeline/generation_request.h"
#include "core/pipeline/pipeline.h"

namespace i4::ui {

// One queued unit of work: a request plus the id the queue and the worker agree on.
struct GenerationJob {
    quint64 id = 0;
    pipeline::GenerationRequest request;
};

// What the worker hands back for a finished job. The images are deep copies owned by Qt.
struct GenerationOutput {
    quint64 jobId = 0;
    pipeline::GenerationRequest request;  // as run: preset resolved, seed fixed
    QVector<QImage> images;
    QString modelId;
    double seconds = 0;
    double secondsPerStep = 0;  // denoising, both transformers
    quint64 peakGpuBytes = 0;   // the GPU allocator's peak during the job (0 on the CPU)
};

// What the worker hands back once a model is loaded.
struct ModelLoadInfo {
    QString modelId;
    pipeline::LoadReport report;  // device, precision, memory mode, per-component times
    quint64 gpuTotalBytes = 0;    // the GPU's memory, when it runs on one
};

}  // namespace i4::ui

Q_DECLARE_METATYPE(i4::ui::GenerationJob)
Q_DECLARE_METATYPE(i4::ui::GenerationOutput)
Q_DECLARE_METATYPE(i4::ui::ModelLoadInfo)
Q_DECLARE_METATYPE(i4::pipeline::LoadProgress)
