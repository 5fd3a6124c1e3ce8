#include <QApplication>

#include "ui/main_window.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("i4studio"));
    QApplication::setOrganizationName(QStringLiteral("i4studio"));
    i4::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
