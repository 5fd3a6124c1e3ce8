#pragma once

#include <QSettings>
#include <QStringList>

namespace i4::ui {

// Typed access to the persistent settings: one accessor per key, defaults in one place.
class AppSettings {
public:
    AppSettings();
    // For tests: settings in an INI file of their own.
    explicit AppSettings(const QString& iniPath);

    QStringList modelFolders() const;
    void setModelFolders(const QStringList& folders);
    QString activeModelFolder() const;
    void setActiveModelFolder(const QString& folder);
    QString device() const;  // "cpu" or "cuda"
    void setDevice(const QString& device);
    QString precision() const;  // "fp32" or "bf16"
    void setPrecision(const QString& precision);
    QString galleryFolder() const;
    void setGalleryFolder(const QString& folder);
    // "" follows the system locale; otherwise "en", "de", "ja".
    QString language() const;
    void setLanguage(const QString& language);
    // Sizes outside the published 256..2048 / 6:1 limits, for small test models.
    bool allowAnySize() const;
    void setAllowAnySize(bool allow);
    // The user's sampler presets (core's preset-file format), listed after the built-in ones.
    QString presetFile() const;
    void setPresetFile(const QString& file);
    bool firstRunDone() const;
    void setFirstRunDone(bool done);

    static QString defaultGalleryFolder();

private:
    QSettings m_settings;
};

}  // namespace i4::ui
