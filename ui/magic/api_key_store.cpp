#include "ui/magic/api_key_store.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

namespace i4::ui {
namespace {

constexpr const char* kEntry = "magic-prompt-api-key";
// A keychain that does not answer within this long counts as absent (a locked wallet's prompt
// is answered long before; a missing D-Bus fails at once).
constexpr int kKeychainWaitMs = 20000;

// Runs a QtKeychain job to its end on the calling thread.
bool runJob(QKeychain::Job& job) {
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kKeychainWaitMs, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
}

}  // namespace

ApiKeyStore::ApiKeyStore(QString service, QString fallbackFile, bool useKeychain)
    : m_service(std::move(service)),
      m_fallbackFile(std::move(fallbackFile)),
      m_useKeychain(useKeychain) {}

QString ApiKeyStore::defaultFallbackFile() {
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/magic-prompt-api-key");
}

bool ApiKeyStore::keychainWrite(const QString& key, QString* error) {
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(QString::fromLatin1(kEntry));
    job.setTextData(key);
    if (runJob(job)) return true;
    if (error) *error = job.errorString();
    return false;
}

bool ApiKeyStore::keychainRead(QString* key) const {
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(QString::fromLatin1(kEntry));
    if (!runJob(job)) return false;
    *key = job.textData();
    return true;
}

void ApiKeyStore::keychainDelete() {
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(QString::fromLatin1(kEntry));
    runJob(job);
}

bool ApiKeyStore::fileWrite(const QString& key, QString* error) {
    QDir().mkpath(QFileInfo(m_fallbackFile).absolutePath());
    QFile file(m_fallbackFile);
    // Created user-only; an existing file is narrowed to user-only before the key goes in.
    const auto userOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate, userOnly) ||
        !file.setPermissions(userOnly) || file.write(key.toUtf8()) < 0 || !file.flush()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

bool ApiKeyStore::save(const QString& key, QString* error) {
    if (key.isEmpty()) {
        if (m_useKeychain) keychainDelete();
        QFile::remove(m_fallbackFile);
        m_location.clear();
        return true;
    }
    QString keychainError;
    if (m_useKeychain && keychainWrite(key, &keychainError)) {
        QFile::remove(m_fallbackFile);  // no second copy lying around
        m_location = QStringLiteral("keychain");
        return true;
    }
    if (!fileWrite(key, error)) return false;
    m_location = QStringLiteral("file");
    return true;
}

QString ApiKeyStore::load() const {
    QString key;
    if (m_useKeychain && keychainRead(&key) && !key.isEmpty()) {
        m_location = QStringLiteral("keychain");
        return key;
    }
    QFile file(m_fallbackFile);
    if (file.open(QIODevice::ReadOnly)) {
        m_location = QStringLiteral("file");
        return QString::fromUtf8(file.readAll()).trimmed();
    }
    m_location.clear();
    return {};
}

}  // namespace i4::ui
