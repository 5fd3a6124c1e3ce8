#pragma once

#include <QString>

namespace i4::ui {

// Note [API key storage]: the magic prompt endpoint's API key lives in the desktop's keychain
// (Secret Service / KWallet through QtKeychain) when one answers. Where none does (a bare X
// session, a server), it goes into a file of its own that only the user may read (0600, in the
// app's configuration folder), never into the settings file, and never into a log or a message.
// The settings dialog says which of the two holds it.
class ApiKeyStore {
public:
    // `service`: the keychain entry's service name. `fallbackFile`: the user-only file.
    // `useKeychain` false: the file only (tests; machines where the keychain must not be asked).
    ApiKeyStore(QString service, QString fallbackFile, bool useKeychain = true);

    // Stores `key` (an empty key removes it). Returns false with `error` set when neither place
    // could take it.
    bool save(const QString& key, QString* error = nullptr);
    // The stored key, "" when there is none.
    QString load() const;
    // Where the key was stored or found last: "keychain", "file" or "" (nowhere yet).
    QString location() const { return m_location; }
    QString fallbackFile() const { return m_fallbackFile; }

    static QString defaultFallbackFile();

private:
    bool keychainWrite(const QString& key, QString* error);
    bool keychainRead(QString* key) const;
    void keychainDelete();
    bool fileWrite(const QString& key, QString* error);

    QString m_service;
    QString m_fallbackFile;
    bool m_useKeychain;
    mutable QString m_location;
};

}  // namespace i4::ui
