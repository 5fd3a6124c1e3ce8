#include "ui/engine/bundle_engine.h"

namespace i4::ui {

BundleEngine::BundleEngine(std::shared_ptr<pipeline::ModelBundle> bundle)
    : m_bundle(std::move(bundle)) {}

pipeline::GenerationResult BundleEngine::generate(const pipeline::GenerationRequest& request,
                                                  const pipeline::GenerationCallbacks& callbacks) {
    return m_bundle->generate(request, callbacks);
}

// The bundle's tokenizer is immutable and documented as safe from several threads.
int BundleEngine::countTokens(const std::string& prompt) const {
    return m_bundle->countTokens(prompt);
}

QString BundleEngine::modelId() const {
    const QString folderName = QString::fromStdString(m_bundle->folder().filename().string());
    // The fingerprint is "<folder>:<config hash>"; the folder name is already shown.
    const QString fingerprint = QString::fromStdString(m_bundle->fingerprint());
    return QStringLiteral("%1 (%2)").arg(folderName,
                                         fingerprint.section(QLatin1Char(':'), -1).left(12));
}

pipeline::LoadReport BundleEngine::loadReport() const { return m_bundle->loadReport(); }

}  // namespace i4::ui
