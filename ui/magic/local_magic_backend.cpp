#include "ui/magic/local_magic_backend.h"

#include <QDir>
#include <mutex>

#include "core/pipeline/devices.h"

namespace i4::ui {
namespace {

// Note [local magic prompt cache]: one loaded LM for the whole app, keyed by what it was loaded
// from. Loading the 8B encoder's LM takes as long as loading a model, so it is kept between
// runs; a run with other settings replaces it. Runs are one at a time (MagicPromptRunner), the
// mutex only guards against a release from the GUI thread during one.
struct Cache {
    std::mutex mutex;
    std::string key;
    std::shared_ptr<magic::LocalBackend> backend;
};

Cache& cache() {
    static Cache instance;
    return instance;
}

}  // namespace

LocalMagicBackend::LocalMagicBackend(QString modelFolder, QString lmHead, QString device)
    : m_modelFolder(std::move(modelFolder)),
      m_lmHead(std::move(lmHead)),
      m_device(std::move(device)) {}

std::string LocalMagicBackend::name() const {
    return "local: " + QDir(m_modelFolder).dirName().toStdString();
}

void LocalMagicBackend::releaseCache() {
    std::lock_guard<std::mutex> lock(cache().mutex);
    cache().backend.reset();
    cache().key.clear();
}

std::string LocalMagicBackend::expand(const magic::MagicPromptRequest& request,
                                      const std::function<void(std::string_view)>& onText,
                                      const std::function<bool()>& cancelled) {
    magic::LocalBackendOptions options;
    options.modelDir = m_modelFolder.toStdString();
    options.lmHead = m_lmHead.toStdString();
    options.device = m_device.toStdString();
    if (options.device != "cpu" && options.device != "cuda") {
        options.device = pipeline::deviceReport().gpuAvailable ? "cuda" : "cpu";
    }
    const std::string key =
        options.modelDir.string() + '\n' + options.lmHead.string() + '\n' + options.device;
    std::shared_ptr<magic::LocalBackend> backend;
    {
        std::lock_guard<std::mutex> lock(cache().mutex);
        if (!cache().backend || cache().key != key) {
            cache().backend.reset();  // the old one's memory first
            cache().backend = magic::LocalBackend::load(options);
            cache().key = key;
        }
        backend = cache().backend;
    }
    return backend->expand(request, onText, cancelled);
}

}  // namespace i4::ui
