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
    // "auto" (default: an NVIDIA GPU when the build can use one), "cuda" or "cpu", as stored.
    QString device() const;
    void setDevice(const QString& device);
    // A device for this session only (i4studio --device), never stored; "" for none.
    QString sessionDevice() const { return m_sessionDevice; }
    void setSessionDevice(const QString& device);
    // What a model loads on now: the session's device if set, else the stored one.
    QString effectiveDevice() const;
    // Note [Memory modes] in core/pipeline/pipeline.h: "auto" (default), "resident",
    // "offload-encoder" or "low-vram".
    QString memoryMode() const;
    void setMemoryMode(const QString& mode);
    QString precision() const;  // "auto" (default), "fp32" or "bf16"
    void setPrecision(const QString& precision);
    // The fast mode (fp8 matmuls, pipeline::LoadOptions::fp8Matmul); off by default. Asked for
    // only where the model runs on a GPU in bfloat16 (fastModeWanted).
    bool fastMode() const;
    void setFastMode(bool on);
    // What a load asks for: the fast mode when it is stored and the device and precision chosen
    // can have it; on the CPU or in float32 the stored choice waits, as the memory mode does.
    bool fastModeWanted() const;
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
    // Note [session autosave] in ui/settings/session.h: the file the session is kept in.
    QString sessionFile() const;
    void setSessionFile(const QString& file);
    // Where File › Open/Save caption and Save image as start (the home folder at first).
    QString lastFileFolder() const;
    void setLastFileFolder(const QString& folder);

    static QString defaultGalleryFolder();
    static const QStringList& deviceChoices();      // "auto", "cuda", "cpu"
    static const QStringList& memoryModeChoices();  // "auto", "resident", ...
    static const QStringList& precisionChoices();   // "auto", "fp32", "bf16"

    // The settings store itself, for areas that keep their own keys (ui/magic/magic_settings.h).
    QSettings& store() { return m_settings; }

private:
    QSettings m_settings;
    QString m_sessionDevice;
};

}  // namespace i4::ui
