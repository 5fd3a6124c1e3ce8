#pragma once

#include <QLabel>

namespace i4::ui {

// "N / 2048 tokens" under the caption; the warning colour once the prompt is longer than the
// model reads (the engine then rejects it).
class TokenCountLabel : public QLabel {
    Q_OBJECT

public:
    explicit TokenCountLabel(QWidget* parent = nullptr);

    // -1: unknown (no model loaded).
    void setCount(int tokens);
    int countShown() const { return m_count; }
    bool isOverLimit() const;

private:
    int m_count = -1;
};

}  // namespace i4::ui
