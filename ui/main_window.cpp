#include "ui/main_window.h"

#include <QLabel>
#include <QStatusBar>

#include "core/version.h"

namespace i4::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("i4studio %1").arg(QString::fromUtf8(i4::kVersion)));
    auto* placeholder = new QLabel(tr("No model loaded."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    statusBar()->showMessage(tr("Ready"));
    resize(1280, 800);
}

}  // namespace i4::ui
