#include "ui/magic/magic_settings.h"

#include <QCoreApplication>

#include "core/magic/endpoint_backend.h"
#include "ui/magic/local_magic_backend.h"
#include "ui/settings/app_settings.h"

namespace i4::ui {
namespace {

const QString kBackend = QStringLiteral("magicPrompt/backend");
const QString kUrl = QStringLiteral("magicPrompt/url");
const QString kModel = QStringLiteral("magicPrompt/model");
const QString kStream = QStringLiteral("magicPrompt/stream");
const QString kTimeout = QStringLiteral("magicPrompt/timeoutSeconds");
const QString kTemperature = QStringLiteral("magicPrompt/temperature");
const QString kLmHead = QStringLiteral("magicPrompt/lmHead");
const QString kKeyLocation = QStringLiteral("magicPrompt/keyLocation");
const QString kKeychainService = QStringLiteral("i4studio");

}  // namespace

namespace {

ApiKeyStore keyStoreFor(QSettings* settings) {
    if (settings->format() == QSettings::IniFormat) {
        return ApiKeyStore(kKeychainService, settings->fileName() + QStringLiteral(".key"), false);
    }
    return ApiKeyStore(kKeychainService, ApiKeyStore::defaultFallbackFile());
}

// The settings' sampling on every request, whatever the caller put there.
class ConfiguredBackend : public magic::MagicPromptBackend {
public:
    ConfiguredBackend(std::unique_ptr<magic::MagicPromptBackend> inner, double temperature)
        : m_inner(std::move(inner)), m_temperature(temperature) {}
    std::string expand(const magic::MagicPromptRequest& request,
                       const std::function<void(std::string_view)>& onText,
                       const std::function<bool()>& cancelled) override {
        magic::MagicPromptRequest configured = request;
        configured.temperature = m_temperature;
        return m_inner->expand(configured, onText, cancelled);
    }
    std::string name() const override { return m_inner->name(); }

private:
    std::unique_ptr<magic::MagicPromptBackend> m_inner;
    double m_temperature;
};

}  // namespace

MagicSettings::MagicSettings(AppSettings* app)
    : m_app(app), m_settings(&app->store()), m_keys(keyStoreFor(m_settings)) {}

MagicSettings::MagicSettings(const QString& iniPath)
    : m_owned(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)),
      m_settings(m_owned.get()),
      m_keys(keyStoreFor(m_settings)) {}

MagicSettings::~MagicSettings() = default;

bool MagicSettings::saveApiKey(const QString& key, QString* error) {
    if (!m_keys.save(key, error)) return false;
    m_settings->setValue(kKeyLocation, m_keys.location());
    m_settings->sync();
    return true;
}

QString MagicSettings::loadApiKey() {
    if (apiKeyLocation().isEmpty()) return {};
    return m_keys.load();
}

QString MagicSettings::modelFolder() const {
    return m_app ? m_app->activeModelFolder() : QString();
}

QString MagicSettings::device() const {
    return m_app ? m_app->effectiveDevice() : QStringLiteral("auto");
}

QString MagicSettings::apiKeyLocation() const { return m_settings->value(kKeyLocation).toString(); }

const QStringList& MagicSettings::backendChoices() {
    static const QStringList kChoices{QStringLiteral("endpoint"), QStringLiteral("local")};
    return kChoices;
}

MagicPromptConfig MagicSettings::config() const {
    MagicPromptConfig c;
    const QString backend = m_settings->value(kBackend, c.backend).toString();
    if (backendChoices().contains(backend)) c.backend = backend;
    c.url = m_settings->value(kUrl, c.url).toString();
    c.model = m_settings->value(kModel, c.model).toString();
    c.stream = m_settings->value(kStream, c.stream).toBool();
    c.timeoutSeconds = std::clamp(m_settings->value(kTimeout, c.timeoutSeconds).toInt(), 5, 3600);
    c.temperature = std::clamp(m_settings->value(kTemperature, c.temperature).toDouble(), 0.0, 2.0);
    c.lmHead = m_settings->value(kLmHead).toString();
    return c;
}

void MagicSettings::setConfig(const MagicPromptConfig& c) {
    m_settings->setValue(kBackend, c.backend);
    m_settings->setValue(kUrl, c.url.trimmed());
    m_settings->setValue(kModel, c.model.trimmed());
    m_settings->setValue(kStream, c.stream);
    m_settings->setValue(kTimeout, c.timeoutSeconds);
    m_settings->setValue(kTemperature, c.temperature);
    m_settings->setValue(kLmHead, c.lmHead.trimmed());
    m_settings->sync();
}

std::unique_ptr<magic::MagicPromptBackend> createMagicBackend(MagicSettings& settings,
                                                              QString* whyNot) {
    const MagicPromptConfig c = settings.config();
    if (c.backend == QLatin1String("local")) {
        if (settings.modelFolder().isEmpty()) {
            if (whyNot) {
                *whyNot = QCoreApplication::translate(
                    "i4::ui::MagicSettings",
                    "The local magic prompt runs the active model's language model: choose a "
                    "model folder in Settings first.");
            }
            return nullptr;
        }
        return std::make_unique<ConfiguredBackend>(
            std::make_unique<LocalMagicBackend>(settings.modelFolder(), c.lmHead,
                                                settings.device()),
            c.temperature);
    }
    if (c.model.trimmed().isEmpty()) {
        if (whyNot) {
            *whyNot = QCoreApplication::translate(
                "i4::ui::MagicSettings",
                "No endpoint model is set. Enter the URL and model of an "
                "OpenAI-compatible chat server in Settings › Magic prompt.");
        }
        return nullptr;
    }
    magic::EndpointConfig endpoint;
    endpoint.url = c.url.toStdString();
    endpoint.model = c.model.trimmed().toStdString();
    endpoint.apiKey = settings.loadApiKey().toStdString();
    endpoint.stream = c.stream;
    endpoint.idleTimeoutSeconds = c.timeoutSeconds;
    endpoint.totalTimeoutSeconds =
        c.stream ? std::max(600, 5 * c.timeoutSeconds) : c.timeoutSeconds;
    try {
        return std::make_unique<ConfiguredBackend>(
            std::make_unique<magic::EndpointBackend>(endpoint), c.temperature);
    } catch (const std::exception& e) {
        if (whyNot) *whyNot = QString::fromStdString(e.what());
        return nullptr;
    }
}

}  // namespace i4::ui
