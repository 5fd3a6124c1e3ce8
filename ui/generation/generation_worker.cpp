#include "ui/generation/generation_worker.h"

#include "core/errors.h"
#include "core/pipeline/devices.h"
#include "ui/engine/device_text.h"
#include "ui/engine/engine_loader.h"
#include "ui/generation/image_conversion.h"

namespace i4::ui {

namespace {

// Previews are a few hundred KiB each; more than ~20 per second only floods the UI queue.
constexpr qint64 kMinPreviewIntervalMs = 50;

}  // namespace

GenerationWorker::GenerationWorker(std::unique_ptr<Engine> engine, QObject* parent)
    : QObject(parent), m_engine(std::move(engine)), m_loader(&loadModelEngine) {
    m_hasEngine = m_engine != nullptr;
}

GenerationWorker::~GenerationWorker() = default;

std::shared_ptr<const Engine> GenerationWorker::engine() const {
    return std::atomic_load(&m_engine);
}

void GenerationWorker::requestCancel(quint64 jobId) {
    if (jobId != 0 && m_runningJob.load() == jobId) m_cancel.store(true);
}

pipeline::GenerationCallbacks GenerationWorker::makeCallbacks() {
    pipeline::GenerationCallbacks callbacks;
    callbacks.cancel = &m_cancel;
    callbacks.onStep = [this](const pipeline::StepInfo& info) {
        emit progress(info.step, info.total, info.etaSeconds,
                      info.step > 0 ? info.elapsedSeconds / info.step : 0.0);
    };
    callbacks.onPreview = [this](const pipeline::StepInfo& info, const pipeline::RgbImage& rgb) {
        const bool last = info.step >= info.total;
        if (!last && m_sincePreview.isValid() && m_sincePreview.elapsed() < kMinPreviewIntervalMs) {
            return;
        }
        m_sincePreview.restart();
        emit preview(toQImage(rgb));
    };
    return callbacks;
}

void GenerationWorker::run(const GenerationJob& job) {
    m_cancel.store(false);
    m_runningJob.store(job.id);
    m_sincePreview.invalidate();
    emit started(job.id);
    QElapsedTimer clock;
    clock.start();
    auto finish = [this] { m_runningJob.store(0); };
    try {
        if (!m_engine) throw ModelError(tr("No model is loaded.").toStdString());
        const pipeline::GenerationResult result = m_engine->generate(job.request, makeCallbacks());
        GenerationOutput output;
        output.jobId = job.id;
        output.request = result.request;
        output.modelId = m_engine->modelId();
        output.seconds = double(clock.elapsed()) / 1000.0;
        const int steps = result.request.steps.value_or(0);
        output.secondsPerStep = steps > 0 ? result.denoiseSeconds / steps : 0.0;
        output.peakGpuBytes = result.peakGpuBytes;
        for (const pipeline::RgbImage& rgb : result.images) output.images.push_back(toQImage(rgb));
        finish();
        emit finished(output);
    } catch (const CancelledError&) {
        finish();
        emit cancelled();
    } catch (const std::exception& error) {
        finish();
        emit failed(QString::fromStdString(error.what()));
    }
}

void GenerationWorker::loadModel(const QString& folder, const QString& device, const QString& dtype,
                                 const QString& memory, bool fastMode) {
    // Free the old weights first: two bundles rarely fit in memory together.
    m_hasEngine = false;
    std::atomic_store(&m_engine, std::shared_ptr<Engine>());
    try {
        const std::string requested = device.toStdString();
        pipeline::DeviceReport devices;
        if (requested != "cpu") {
            devices = pipeline::deviceReport();
            // Said here in the user's language; core's own message would be English.
            if (requested == "cuda" && !devices.gpuAvailable) {
                emit modelLoadFailed(noGpuSentence(devices));
                return;
            }
        }
        pipeline::LoadOptions options;
        options.device = pipeline::resolveDevice(requested);
        options.dtype = pipeline::resolveDtype(dtype.toStdString(), options.device);
        options.memory = memory.toStdString();
        // "auto" that finds no GPU (a CPU-only build sharing the settings of a CUDA one) loads
        // in the exact mode instead of failing; an explicit device keeps the request, and core
        // says why it cannot be had (InputError, shown as the load's failure).
        options.fp8Matmul = fastMode && !(requested == "auto" && options.device == "cpu");
        options.onProgress = [this](const pipeline::LoadProgress& p) { emit loadProgress(p); };
        std::shared_ptr<Engine> engine(m_loader(folder, options));
        ModelLoadInfo info;
        info.modelId = engine->modelId();
        info.report = engine->loadReport();
        if (info.report.device == "cuda") info.gpuTotalBytes = devices.gpuTotalBytes;
        std::atomic_store(&m_engine, std::move(engine));
        m_hasEngine = true;
        emit modelLoaded(info);
    } catch (const std::exception& error) {
        emit modelLoadFailed(QString::fromStdString(error.what()));
    }
}

}  // namespace i4::ui
