#pragma once

#include <QString>
#include <QWidget>
#include <mutex>
#include <vector>

#include "core/pipeline/generation_request.h"
#include "core/pipeline/pipeline.h"

class QLabel;
class QTimer;
class QVBoxLayout;

namespace i4::ui {

// The LoRAs the next model load puts on the transformers (LoadOptions::loras). The picker writes
// it on the UI thread; the model loader reads it on the engine thread, hence the lock.
class LoraSelection {
public:
    std::vector<pipeline::LoraChoice> get() const {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_loras;
    }
    void set(std::vector<pipeline::LoraChoice> loras) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_loras = std::move(loras);
    }

private:
    mutable std::mutex m_mutex;
    std::vector<pipeline::LoraChoice> m_loras;
};

// Which transformers a LoRA file adapts, from its keys (docs/formats.md): "unconditional_
// transformer." keys go to the unconditional one, all others to the conditional one. Empty with
// `error` set for a file that cannot be read or holds no LoRA tensor of ours.
struct LoraTargets {
    bool conditional = false;
    bool unconditional = false;
    QString error;
};
LoraTargets readLoraTargets(const QString& file);

// A list of LoRA files, each with a weight (slider and spin box) and the transformers it
// adapts; "Add LoRA…" and a remove button per row. Changing the list reloads the model (as the
// other engine settings do), so edits are reported once they settle (lorasChanged()).
class LoraPicker : public QWidget {
    Q_OBJECT

public:
    static constexpr double kMinWeight = -2.0;
    static constexpr double kMaxWeight = 2.0;
    static constexpr int kSettleMs = 700;

    explicit LoraPicker(QWidget* parent = nullptr);

    std::vector<pipeline::LoraChoice> loras() const;
    // Replaces the list (a remix restoring an image's LoRAs). A file that is gone stays listed,
    // marked missing, so the load's message names it. Emits lorasChanged() at once if the list
    // differs.
    void setLoras(const std::vector<pipeline::LoraChoice>& loras);
    // Appends a file; false with `error` set (and nothing added) for one that is no LoRA.
    bool addFile(const QString& file, double weight = 1.0, QString* error = nullptr);
    void removeRow(int row);
    void setWeight(int row, double weight);
    // Which transformer the row's LoRA goes on (LoraChoice::target: "" = as its keys say).
    void setTarget(int row, const std::string& target);
    int count() const { return int(m_rows.size()); }
    // The row's "applies to" text, as shown.
    QString targetText(int row) const;
    // What the last load did with each LoRA (layout, merged / on-the-fly adapters, unknown keys),
    // put into the rows' tooltips.
    void showLoadReport(const std::vector<pipeline::LoadReport::Lora>& report);
    // Reports pending edits now instead of after kSettleMs.
    void flush();

signals:
    void lorasChanged();

private:
    struct Row {
        QWidget* widget = nullptr;
        QLabel* name = nullptr;
        QLabel* target = nullptr;
        QString file;
        double weight = 1.0;
        std::string targetChoice;  // LoraChoice::target
    };
    void appendRow(const QString& file, double weight, const std::string& targetChoice,
                   const LoraTargets& targets);
    void changed();
    void chooseFiles();

    std::vector<Row> m_rows;
    QVBoxLayout* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QTimer* m_settle = nullptr;
};

}  // namespace i4::ui
