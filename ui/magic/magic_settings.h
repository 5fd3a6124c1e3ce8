#pragma once

#include <QSettings>
#include <QString>
#include <memory>

#include "ui/magic/api_key_store.h"

namespace i4::magic {
class MagicPromptBackend;
}

namespace i4::ui {

// The magic prompt's settings (Settings › Magic prompt). The API key is not among them: it goes
// through ApiKeyStore (Note [API key storage]).
struct MagicPromptConfig {
    QString backend = QStringLiteral("endpoint");               // "endpoint" or "local"
    QString url = QStringLiteral("http://localhost:11434/v1");  // Ollama's default
    QString model;
    bool stream = true;
    int timeoutSeconds = 120;  // longest silence of a streamed answer, whole answer otherwise
    double temperature = 0.7;
    // Local: where the LM head is, when it is not beside the text encoder (a file, or a folder
    // such as a Qwen3-VL-8B-Instruct download); "" looks beside the encoder only.
    QString lmHead;
};

class AppSettings;

class MagicSettings {
public:
    // Keys in the app's settings. The API key goes to the keychain (the user-only file as
    // fallback) for the app's own settings; for settings in an INI file of their own (tests) it
    // goes only to "<that file>.key", so that a test never touches the desktop's keychain.
    explicit MagicSettings(AppSettings* app);
    // For tests: an INI file of their own, the key in "<iniPath>.key" (no keychain).
    explicit MagicSettings(const QString& iniPath);
    ~MagicSettings();

    MagicPromptConfig config() const;
    void setConfig(const MagicPromptConfig& config);

    // The API key: stored through ApiKeyStore; where it went is remembered in the settings, so
    // that showing the settings never has to ask the keychain.
    bool saveApiKey(const QString& key, QString* error = nullptr);
    QString loadApiKey();
    // "keychain", "file" or "" (no key stored).
    QString apiKeyLocation() const;
    QString apiKeyFile() const { return m_keys.fallbackFile(); }

    // What the local back end runs: the active model folder and the device the model loads on
    // ("" and "auto" without the app's settings).
    QString modelFolder() const;
    QString device() const;

    static const QStringList& backendChoices();  // "endpoint", "local"

private:
    AppSettings* m_app = nullptr;
    std::unique_ptr<QSettings> m_owned;
    QSettings* m_settings;
    ApiKeyStore m_keys;
};

// The back end the settings choose, or nullptr with `whyNot` saying in plain words what is
// missing (no endpoint model, the local back end not in this build, ...). Reads the API key.
std::unique_ptr<magic::MagicPromptBackend> createMagicBackend(MagicSettings& settings,
                                                              QString* whyNot);

}  // namespace i4::ui
