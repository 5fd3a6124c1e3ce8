#pragma once

#include <QMainWindow>

namespace i4::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
};

}  // namespace i4::ui
