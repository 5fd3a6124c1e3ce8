#include "ui/generation/job_queue_model.h"

namespace i4::ui {

JobQueueModel::JobQueueModel(QObject* parent) : QAbstractListModel(parent) {}

int JobQueueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant JobQueueModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size()) return {};
    const Entry& entry = m_entries[index.row()];
    switch (role) {
        case Qt::DisplayRole:
            if (entry.running) {
                return entry.total > 0 ? tr("%1 — step %2 of %3")
                                             .arg(entry.title)
                                             .arg(entry.step)
                                             .arg(entry.total)
                                       : tr("%1 — starting").arg(entry.title);
            }
            return tr("%1 — waiting").arg(entry.title);
        case Qt::ToolTipRole:
            return entry.title;
        case JobIdRole:
            return entry.job.id;
        case RunningRole:
            return entry.running;
        case ProgressRole:
            return entry.total > 0 ? entry.step * 100 / entry.total : 0;
        default:
            return {};
    }
}

int JobQueueModel::firstPendingRow() const { return hasRunning() ? 1 : 0; }

bool JobQueueModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                             const QModelIndex& destinationParent, int destinationChild) {
    if (sourceParent.isValid() || destinationParent.isValid() || count != 1) return false;
    const int lowest = firstPendingRow();
    const int n = int(m_entries.size());
    if (sourceRow < lowest || sourceRow >= n || destinationChild < lowest || destinationChild > n) {
        return false;
    }
    // Qt's convention: destinationChild is the row *before which* the item is inserted, so
    // moving onto itself or just below itself is a no-op that beginMoveRows rejects.
    if (destinationChild == sourceRow || destinationChild == sourceRow + 1) return false;
    if (!beginMoveRows({}, sourceRow, sourceRow, {}, destinationChild)) return false;
    const int target = destinationChild > sourceRow ? destinationChild - 1 : destinationChild;
    m_entries.move(sourceRow, target);
    endMoveRows();
    return true;
}

quint64 JobQueueModel::enqueue(const pipeline::GenerationRequest& request, const QString& title) {
    Entry entry;
    entry.job.id = m_nextId++;
    entry.job.request = request;
    entry.title = title;
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.push_back(entry);
    endInsertRows();
    return entry.job.id;
}

bool JobQueueModel::moveJob(int from, int to) {
    if (from == to) return false;
    return moveRows({}, from, 1, {}, to > from ? to + 1 : to);
}

bool JobQueueModel::removePending(quint64 jobId) {
    const int row = rowOfJob(jobId);
    if (row < 0 || m_entries[row].running) return false;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    return true;
}

void JobQueueModel::clearPending() {
    const int first = firstPendingRow();
    const int last = int(m_entries.size()) - 1;
    if (last < first) return;
    beginRemoveRows({}, first, last);
    m_entries.resize(first);
    endRemoveRows();
}

std::optional<GenerationJob> JobQueueModel::startNext() {
    if (hasRunning() || m_entries.isEmpty()) return std::nullopt;
    m_entries[0].running = true;
    emit dataChanged(index(0), index(0));
    return m_entries[0].job;
}

void JobQueueModel::setProgress(quint64 jobId, int step, int total) {
    const int row = rowOfJob(jobId);
    if (row < 0) return;
    m_entries[row].step = step;
    m_entries[row].total = total;
    emit dataChanged(index(row), index(row));
}

void JobQueueModel::finishRunning() {
    if (!hasRunning()) return;
    beginRemoveRows({}, 0, 0);
    m_entries.removeFirst();
    endRemoveRows();
}

bool JobQueueModel::hasRunning() const { return !m_entries.isEmpty() && m_entries[0].running; }

quint64 JobQueueModel::runningJobId() const { return hasRunning() ? m_entries[0].job.id : 0; }

int JobQueueModel::pendingCount() const { return int(m_entries.size()) - firstPendingRow(); }

int JobQueueModel::rowOfJob(quint64 jobId) const {
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].job.id == jobId) return row;
    }
    return -1;
}

quint64 JobQueueModel::jobIdAt(int row) const {
    return row >= 0 && row < m_entries.size() ? m_entries[row].job.id : 0;
}

const pipeline::GenerationRequest* JobQueueModel::requestOf(quint64 jobId) const {
    const int row = rowOfJob(jobId);
    return row < 0 ? nullptr : &m_entries[row].job.request;
}

}  // namespace i4::ui
