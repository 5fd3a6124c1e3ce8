#include "ui/engine/bundle_engine.h"

namespace i4::ui {

BundleEngine::BundleEngine(std::shared_ptr<pipeline::ModelBundle> bundle)
    : m_bundle(std::move(bundle)) {}

pipeline::GenerationResult BundleEngine::generate(const pipeline::GenerationRequest& request,
                                                  const pipeline::GenerationCallbacks& callbacks) {
    return m_bundle->generate(request, callbacks);
}

QString BundleEngine::modelId() const {
    const QString folderName = QString::fromStdString(m_bundle->folder().filename().string());
    return QStringLiteral("%1 (%2)").arg(folderName,
                                         QString::fromStdString(m_bundle->fingerprint()).left(12));
}

}  // namespace i4::ui
