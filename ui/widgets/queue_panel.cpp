#include "ui/widgets/queue_panel.h"

#include <QHBoxLayout>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/generation/generation_controller.h"
#include "ui/generation/job_queue_model.h"

namespace i4::ui {

QueuePanel::QueuePanel(GenerationController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_view = new QListView(this);
    m_view->setModel(controller->queue());
    m_view->setMinimumHeight(40);  // two rows: the window must fit a 700-pixel screen
    layout->addWidget(m_view, 1);

    auto* buttons = new QHBoxLayout;
    auto* up = new QPushButton(tr("Move up"), this);
    auto* down = new QPushButton(tr("Move down"), this);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    auto* cancelAll = new QPushButton(tr("Cancel all"), this);
    for (QPushButton* b : {up, down, cancel, cancelAll}) buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(cancel, &QPushButton::clicked, this, [this] {
        if (const quint64 id = selectedJob()) m_controller->cancel(id);
    });
    connect(cancelAll, &QPushButton::clicked, m_controller, &GenerationController::cancelAll);
}

quint64 QueuePanel::selectedJob() const {
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(JobQueueModel::JobIdRole).toULongLong() : 0;
}

void QueuePanel::moveSelected(int delta) {
    const int row = m_view->currentIndex().row();
    if (row < 0) return;
    JobQueueModel* queue = m_controller->queue();
    if (queue->moveJob(row, row + delta)) m_view->setCurrentIndex(queue->index(row + delta));
}

}  // namespace i4::ui
