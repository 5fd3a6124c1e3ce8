#include "ui/settings/app_settings.h"

#include <QDir>
#include <QStandardPaths>

namespace i4::ui {

namespace {

const QString kModelFolders = QStringLiteral("model/folders");
const QString kActiveModel = QStringLiteral("model/active");
const QString kDevice = QStringLiteral("engine/device");
const QString kPrecision = QStringLiteral("engine/precision");
const QString kMemoryMode = QStringLiteral("engine/memory");
const QString kFastMode = QStringLiteral("engine/fastMode");
const QString kGallery = QStringLiteral("gallery/folder");
const QString kLanguage = QStringLiteral("ui/language");
const QString kAllowAnySize = QStringLiteral("engine/allowAnySize");
const QString kPresetFile = QStringLiteral("sampler/presetFile");
const QString kFirstRunDone = QStringLiteral("ui/firstRunDone");
const QString kSessionFile = QStringLiteral("ui/sessionFile");
const QString kLastFileFolder = QStringLiteral("ui/lastFileFolder");

// A stored value outside `choices` (an older version's, a hand edit) reads as the default, the
// first choice, so the engine never sees it.
QString oneOf(const QSettings& settings, const QString& key, const QStringList& choices) {
    const QString value = settings.value(key, choices.front()).toString();
    return choices.contains(value) ? value : choices.front();
}

}  // namespace

AppSettings::AppSettings() = default;

AppSettings::AppSettings(const QString& iniPath) : m_settings(iniPath, QSettings::IniFormat) {}

QStringList AppSettings::modelFolders() const {
    return m_settings.value(kModelFolders).toStringList();
}

void AppSettings::setModelFolders(const QStringList& folders) {
    m_settings.setValue(kModelFolders, folders);
}

QString AppSettings::activeModelFolder() const {
    const QString active = m_settings.value(kActiveModel).toString();
    const QStringList folders = modelFolders();
    return folders.contains(active) ? active : folders.value(0);
}

void AppSettings::setActiveModelFolder(const QString& folder) {
    m_settings.setValue(kActiveModel, folder);
}

QString AppSettings::device() const { return oneOf(m_settings, kDevice, deviceChoices()); }

void AppSettings::setDevice(const QString& device) { m_settings.setValue(kDevice, device); }

void AppSettings::setSessionDevice(const QString& device) { m_sessionDevice = device; }

QString AppSettings::effectiveDevice() const {
    return m_sessionDevice.isEmpty() ? device() : m_sessionDevice;
}

QString AppSettings::memoryMode() const {
    return oneOf(m_settings, kMemoryMode, memoryModeChoices());
}

void AppSettings::setMemoryMode(const QString& mode) { m_settings.setValue(kMemoryMode, mode); }

QString AppSettings::precision() const { return oneOf(m_settings, kPrecision, precisionChoices()); }

void AppSettings::setPrecision(const QString& precision) {
    m_settings.setValue(kPrecision, precision);
}

bool AppSettings::fastMode() const { return m_settings.value(kFastMode, false).toBool(); }

void AppSettings::setFastMode(bool on) { m_settings.setValue(kFastMode, on); }

bool AppSettings::fastModeWanted() const {
    return fastMode() && effectiveDevice() != QLatin1String("cpu") &&
           precision() != QLatin1String("fp32");
}

QString AppSettings::galleryFolder() const {
    return m_settings.value(kGallery, defaultGalleryFolder()).toString();
}

void AppSettings::setGalleryFolder(const QString& folder) { m_settings.setValue(kGallery, folder); }

QString AppSettings::language() const { return m_settings.value(kLanguage).toString(); }

void AppSettings::setLanguage(const QString& language) { m_settings.setValue(kLanguage, language); }

bool AppSettings::allowAnySize() const { return m_settings.value(kAllowAnySize, false).toBool(); }

void AppSettings::setAllowAnySize(bool allow) { m_settings.setValue(kAllowAnySize, allow); }

QString AppSettings::presetFile() const {
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return m_settings.value(kPresetFile, QDir(dataFolder).filePath(QStringLiteral("presets.json")))
        .toString();
}

void AppSettings::setPresetFile(const QString& file) { m_settings.setValue(kPresetFile, file); }

bool AppSettings::firstRunDone() const { return m_settings.value(kFirstRunDone, false).toBool(); }

void AppSettings::setFirstRunDone(bool done) { m_settings.setValue(kFirstRunDone, done); }

QString AppSettings::sessionFile() const {
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return m_settings.value(kSessionFile, QDir(dataFolder).filePath(QStringLiteral("session.json")))
        .toString();
}

void AppSettings::setSessionFile(const QString& file) { m_settings.setValue(kSessionFile, file); }

QString AppSettings::lastFileFolder() const {
    return m_settings.value(kLastFileFolder, QDir::homePath()).toString();
}

void AppSettings::setLastFileFolder(const QString& folder) {
    m_settings.setValue(kLastFileFolder, folder);
}

const QStringList& AppSettings::deviceChoices() {
    static const QStringList choices{QStringLiteral("auto"), QStringLiteral("cuda"),
                                     QStringLiteral("cpu")};
    return choices;
}

const QStringList& AppSettings::memoryModeChoices() {
    static const QStringList choices{QStringLiteral("auto"), QStringLiteral("resident"),
                                     QStringLiteral("offload-encoder"), QStringLiteral("low-vram")};
    return choices;
}

const QStringList& AppSettings::precisionChoices() {
    static const QStringList choices{QStringLiteral("auto"), QStringLiteral("fp32"),
                                     QStringLiteral("bf16")};
    return choices;
}

QString AppSettings::defaultGalleryFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("gallery"));
}

}  // namespace i4::ui
