#pragma once

#include <QAbstractListModel>
#include <QVector>
#include <optional>

#include "ui/generation/generation_job.h"

namespace i4::ui {

// The jobs the user has asked for, in run order. The running job (if any) is row 0 and stays
// there; pending jobs below it can be reordered or cancelled.
class JobQueueModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        JobIdRole = Qt::UserRole,
        RunningRole,
        ProgressRole,  // 0..100, running job only
    };

    explicit JobQueueModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;

    quint64 enqueue(const pipeline::GenerationRequest& request, const QString& title);
    // Moves the pending job at `from` so that it ends up at row `to`; false if either row is
    // the running job or out of range.
    bool moveJob(int from, int to);
    bool removePending(quint64 jobId);
    void clearPending();

    // Marks the first pending job running and returns it; nothing if none is pending or one
    // is already running.
    std::optional<GenerationJob> startNext();
    void setProgress(quint64 jobId, int step, int total);
    void finishRunning();

    bool hasRunning() const;
    quint64 runningJobId() const;
    int pendingCount() const;
    int rowOfJob(quint64 jobId) const;
    quint64 jobIdAt(int row) const;
    const pipeline::GenerationRequest* requestOf(quint64 jobId) const;

private:
    struct Entry {
        GenerationJob job;
        QString title;
        bool running = false;
        int step = 0;
        int total = 0;
    };

    int firstPendingRow() const;

    QVector<Entry> m_entries;
    quint64 m_nextId = 1;
};

}  // namespace i4::ui
