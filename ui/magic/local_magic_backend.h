#pragma once

#include <QString>
#include <memory>

#include "core/magic/local_backend.h"

namespace i4::ui {

// The local magic prompt (core/magic/local_backend.h) as the window uses it: the language model
// loads on the run's own thread the first time it is needed, not when the button is pressed, and
// stays loaded for the next run while the model folder, LM head and device stay the same
// (Note [local magic prompt cache]).
class LocalMagicBackend : public magic::MagicPromptBackend {
public:
    // `device`: "cpu", "cuda" or "auto" (a usable GPU, else the CPU; asked on the run's thread).
    LocalMagicBackend(QString modelFolder, QString lmHead, QString device);

    std::string expand(const magic::MagicPromptRequest& request,
                       const std::function<void(std::string_view)>& onText,
                       const std::function<bool()>& cancelled) override;
    std::string name() const override;

    // Drops the loaded language model (its memory comes back).
    static void releaseCache();

private:
    QString m_modelFolder;
    QString m_lmHead;
    QString m_device;
};

}  // namespace i4::ui
