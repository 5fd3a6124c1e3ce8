#include "ui/widgets/lora_picker.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/io/lora_keys.h"
#include "core/io/safetensors_file.h"

namespace i4::ui {
namespace {

constexpr int kSliderSteps = 100;  // slider units per 1.0 of weight

QString targetsText(const LoraTargets& t) {
    if (!t.error.isEmpty()) return t.error;
    if (t.conditional && t.unconditional) return LoraPicker::tr("both transformers");
    if (t.unconditional) return LoraPicker::tr("unconditional transformer");
    return LoraPicker::tr("conditional transformer");
}

}  // namespace

LoraTargets readLoraTargets(const QString& file) {
    LoraTargets targets;
    if (!QFileInfo(file).isFile()) {
        targets.error = LoraPicker::tr("file missing");
        return targets;
    }
    try {
        const auto safetensors = io::SafetensorsFile::open(file.toStdString());
        for (const auto& tensor : safetensors->tensors()) {
            const auto key = io::parseLoraKey(tensor.name);
            if (!key) continue;
            if (key->component == "unconditional_transformer") {
                targets.unconditional = true;
            } else {
                targets.conditional = true;
            }
        }
    } catch (const std::exception& error) {
        targets.error = LoraPicker::tr("not a safetensors file: %1").arg(error.what());
        return targets;
    }
    if (!targets.conditional && !targets.unconditional) {
        targets.error = LoraPicker::tr("no LoRA tensor of an Ideogram 4 transformer");
    }
    return targets;
}

LoraPicker::LoraPicker(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QVBoxLayout;
    m_list->setSpacing(2);
    layout->addLayout(m_list);
    m_empty = new QLabel(tr("No LoRA: the model as published."), this);
    m_empty->setEnabled(false);
    m_list->addWidget(m_empty);
    auto* add = new QPushButton(tr("Add LoRA…"), this);
    add->setObjectName(QStringLiteral("addLora"));
    add->setToolTip(
        tr("LoRA adapters (.safetensors) from diffusers, ComfyUI, ai-toolkit, "
           "OneTrainer, kohya or musubi-tuner. Changing them reloads the model."));
    connect(add, &QPushButton::clicked, this, &LoraPicker::chooseFiles);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    // A reload takes seconds to minutes: wait until a slider drag has settled.
    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_settle, &QTimer::timeout, this, &LoraPicker::lorasChanged);
}

std::vector<pipeline::LoraChoice> LoraPicker::loras() const {
    std::vector<pipeline::LoraChoice> result;
    for (const Row& row : m_rows)
        result.push_back({row.file.toStdString(), row.weight, row.targetChoice});
    return result;
}

void LoraPicker::setLoras(const std::vector<pipeline::LoraChoice>& loras) {
    if (loras == this->loras()) return;
    while (!m_rows.empty()) {
        delete m_rows.back().widget;
        m_rows.pop_back();
    }
    for (const pipeline::LoraChoice& choice : loras) {
        const QString file = QString::fromStdString(choice.file);
        appendRow(file, choice.weight, choice.target, readLoraTargets(file));
    }
    m_empty->setVisible(m_rows.empty());
    m_settle->stop();
    emit lorasChanged();
}

bool LoraPicker::addFile(const QString& file, double weight, QString* error) {
    const LoraTargets targets = readLoraTargets(file);
    if (!targets.error.isEmpty()) {
        if (error) *error = QStringLiteral("%1: %2").arg(QFileInfo(file).fileName(), targets.error);
        return false;
    }
    appendRow(file, weight, std::string(), targets);
    changed();
    return true;
}

void LoraPicker::removeRow(int row) {
    if (row < 0 || row >= count()) return;
    delete m_rows[size_t(row)].widget;
    m_rows.erase(m_rows.begin() + row);
    changed();
}

void LoraPicker::setWeight(int row, double weight) {
    if (row < 0 || row >= count()) return;
    auto* spin = m_rows[size_t(row)].widget->findChild<QDoubleSpinBox*>();
    spin->setValue(weight);  // the spin box's valueChanged updates the row and the slider
}

void LoraPicker::setTarget(int row, const std::string& target) {
    if (row < 0 || row >= count()) return;
    auto* choice = m_rows[size_t(row)].widget->findChild<QComboBox*>();
    const int index = choice->findData(QString::fromStdString(target));
    if (index >= 0) choice->setCurrentIndex(index);  // currentIndexChanged updates the row
}

QString LoraPicker::targetText(int row) const {
    return row >= 0 && row < count() ? m_rows[size_t(row)].target->text() : QString();
}

void LoraPicker::showLoadReport(const std::vector<pipeline::LoadReport::Lora>& report) {
    for (Row& row : m_rows) {
        QString tip = row.file;
        for (const pipeline::LoadReport::Lora& lora : report) {
            if (QString::fromStdString(lora.file) != row.file) continue;
            tip += QLatin1Char('\n') + tr("%1 layout; %2 adapter(s) merged, %3 applied on the fly")
                                           .arg(QString::fromStdString(lora.layout))
                                           .arg(lora.merged)
                                           .arg(lora.onTheFly);
            if (!lora.unknownKeys.empty()) {
                tip += QLatin1Char('\n') +
                       tr("%n key(s) not used, e.g. %1", nullptr, int(lora.unknownKeys.size()))
                           .arg(QString::fromStdString(lora.unknownKeys[0]));
            }
        }
        row.name->setToolTip(tip);
    }
}

void LoraPicker::flush() {
    if (!m_settle->isActive()) return;
    m_settle->stop();
    emit lorasChanged();
}

void LoraPicker::appendRow(const QString& file, double weight, const std::string& targetChoice,
                           const LoraTargets& targets) {
    Row row;
    row.file = file;
    row.weight = weight;
    row.targetChoice = targetChoice;
    row.widget = new QWidget(this);
    auto* line = new QHBoxLayout(row.widget);
    line->setContentsMargins(0, 0, 0, 0);
    auto* text = new QVBoxLayout;
    row.name = new QLabel(QFileInfo(file).completeBaseName(), row.widget);
    row.name->setToolTip(file);
    row.target = new QLabel(targetsText(targets), row.widget);
    row.target->setObjectName(QStringLiteral("loraTarget"));
    QFont small = row.target->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    row.target->setFont(small);
    row.target->setEnabled(targets.error.isEmpty());
    text->addWidget(row.name);
    text->addWidget(row.target);
    line->addLayout(text, 2);

    auto* slider = new QSlider(Qt::Horizontal, row.widget);
    slider->setRange(int(kMinWeight * kSliderSteps), int(kMaxWeight * kSliderSteps));
    slider->setToolTip(tr("LoRA weight"));
    auto* spin = new QDoubleSpinBox(row.widget);
    spin->setRange(2 * kMinWeight, 2 * kMaxWeight);  // typed values may go beyond the slider
    spin->setSingleStep(0.05);
    spin->setDecimals(2);
    spin->setValue(weight);
    spin->setAccessibleName(tr("LoRA weight"));
    slider->setValue(int(std::lround(weight * kSliderSteps)));
    line->addWidget(slider, 3);
    line->addWidget(spin);
    auto* choice = new QComboBox(row.widget);
    choice->setObjectName(QStringLiteral("loraTargetChoice"));
    choice->setToolTip(tr("Which transformer this LoRA goes on. Trainers write LoRAs for the "
                          "conditional one; \"As the file says\" follows its keys."));
    choice->addItem(tr("As the file says"), QString());
    choice->addItem(tr("Conditional"), QStringLiteral("transformer"));
    choice->addItem(tr("Unconditional"), QStringLiteral("unconditional_transformer"));
    choice->addItem(tr("Both"), QStringLiteral("both"));
    choice->setCurrentIndex(std::max(0, choice->findData(QString::fromStdString(targetChoice))));
    line->addWidget(choice);
    auto* remove = new QToolButton(row.widget);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this LoRA"));
    line->addWidget(remove);

    QWidget* key = row.widget;
    auto rowIndex = [this, key] {
        for (size_t i = 0; i < m_rows.size(); ++i) {
            if (m_rows[i].widget == key) return int(i);
        }
        return -1;
    };
    connect(slider, &QSlider::valueChanged, spin, [spin](int value) {
        const double weight = double(value) / kSliderSteps;
        // Leave a typed value beyond the slider's range alone when the slider only clamps it.
        if (std::lround(spin->value() * kSliderSteps) != value) spin->setValue(weight);
    });
    connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            [this, slider, rowIndex](double value) {
                const int i = rowIndex();
                if (i < 0) return;
                const QSignalBlocker block(slider);
                slider->setValue(int(std::lround(value * kSliderSteps)));
                if (m_rows[size_t(i)].weight == value) return;
                m_rows[size_t(i)].weight = value;
                changed();
            });
    connect(choice, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this, choice, rowIndex](int index) {
                const int i = rowIndex();
                if (i < 0) return;
                const std::string target = choice->itemData(index).toString().toStdString();
                if (m_rows[size_t(i)].targetChoice == target) return;
                m_rows[size_t(i)].targetChoice = target;
                changed();
            });
    connect(remove, &QToolButton::clicked, this, [this, rowIndex] { removeRow(rowIndex()); });

    m_list->addWidget(row.widget);
    m_rows.push_back(row);
    m_empty->hide();
}

void LoraPicker::changed() {
    m_empty->setVisible(m_rows.empty());
    m_settle->start();
}

void LoraPicker::chooseFiles() {
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Add LoRA files"), QDir::homePath(), tr("LoRA weights (*.safetensors)"));
    QStringList problems;
    for (const QString& file : files) {
        QString error;
        if (!addFile(file, 1.0, &error)) problems << error;
    }
    if (!problems.isEmpty()) {
        QMessageBox::warning(this, tr("Not added"), problems.join(QLatin1Char('\n')));
    }
}

}  // namespace i4::ui
