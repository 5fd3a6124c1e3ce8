#pragma once

#include <QWidget>

class QListView;

namespace i4::ui {

class GenerationController;

// The job queue as the user sees it: running job first, then waiting jobs, with buttons to
// reorder and cancel.
class QueuePanel : public QWidget {
    Q_OBJECT

public:
    explicit QueuePanel(GenerationController* controller, QWidget* parent = nullptr);

private:
    void moveSelected(int delta);
    quint64 selectedJob() const;

    GenerationController* m_controller;
    QListView* m_view = nullptr;
};

}  // namespace i4::ui
