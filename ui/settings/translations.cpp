#include "ui/settings/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace i4::ui {

QStringList availableLanguages() {
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja")};
}

QString installTranslators(QCoreApplication* app, const QString& language) {
    QString chosen = language;
    if (chosen.isEmpty()) {
        chosen = QStringLiteral("en");
        for (const QString& name : QLocale::system().uiLanguages()) {
            const QString code = name.left(2).toLower();
            if (availableLanguages().contains(code)) {
                chosen = code;
                break;
            }
        }
    }
    // Numbers and dates follow a language chosen in the settings; with none chosen, the
    // system's own locale (with its regional formats) stays.
    if (!language.isEmpty()) QLocale::setDefault(QLocale(chosen));
    auto* own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/i4studio_%1.qm").arg(chosen))) {
        QCoreApplication::installTranslator(own);
    }
    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(chosen), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    return chosen;
}

}  // namespace i4::ui
