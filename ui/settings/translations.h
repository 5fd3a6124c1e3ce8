#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace i4::ui {

// Languages the app ships, as codes ("en", "de", "ja").
QStringList availableLanguages();
// Installs the app's and Qt's own translators for `language`, or for the system locale when it
// is empty. Returns the language chosen.
QString installTranslators(QCoreApplication* app, const QString& language);

}  // namespace i4::ui
