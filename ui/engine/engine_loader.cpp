#include "ui/engine/engine_loader.h"

#include "core/errors.h"
#include "ui/engine/bundle_engine.h"

namespace i4::ui {

// Note [engine availability]: ModelBundle::load is declared in core/pipeline/pipeline.h but its
// definition lands separately. ui/CMakeLists.txt defines I4_UI_HAVE_MODEL_BUNDLE once a file in
// core/pipeline defines it, so the app and the UI tests link in every state of the tree.

bool engineAvailable() {
#ifdef I4_UI_HAVE_MODEL_BUNDLE
    return true;
#else
    return false;
#endif
}

std::unique_ptr<Engine> loadModelEngine(const QString& folder,
                                        const pipeline::LoadOptions& options) {
#ifdef I4_UI_HAVE_MODEL_BUNDLE
    auto bundle = pipeline::ModelBundle::load(folder.toStdString(), options);
    return std::make_unique<BundleEngine>(std::move(bundle));
#else
    (void)folder;
    (void)options;
    throw ModelError(
        "this build of i4studio has no inference engine (core/pipeline does not "
        "define ModelBundle::load yet)");
#endif
}

}  // namespace i4::ui
