#include "ui/editing/image_input_panel.h"

#include <QBuffer>
#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include "core/errors.h"
#include "core/image/sha256.h"
#include "core/pipeline/image_input.h"
#include "ui/editing/mask_canvas.h"

namespace i4::ui {
namespace {

std::string sha256Of(const QByteArray& bytes) {
    return image::sha256Hex(std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
}

QString number(double value, int decimals) { return QLocale().toString(value, 'f', decimals); }

}  // namespace

ImageInputPanel::ImageInputPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("imageInputPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto* fileRow = new QHBoxLayout;
    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("inputFile"));
    m_fileLabel->setWordWrap(true);
    fileRow->addWidget(m_fileLabel, 1);
    auto* choose = new QPushButton(tr("Choose…"), this);
    choose->setObjectName(QStringLiteral("chooseInput"));
    fileRow->addWidget(choose);
    m_clear = new QPushButton(tr("Clear"), this);
    m_clear->setObjectName(QStringLiteral("clearInput"));
    m_clear->setToolTip(tr("Stop working from this image: text to image again"));
    fileRow->addWidget(m_clear);
    layout->addLayout(fileRow);

    m_canvas = new MaskCanvas(this);
    m_canvas->setObjectName(QStringLiteral("maskCanvas"));
    m_canvas->setToolTip(tr("Paint where the picture is repainted (white in the mask). No mask: "
                            "the whole picture is redrawn at the strength below."));
    layout->addWidget(m_canvas, 1);

    m_editor = new QWidget(this);
    auto* editor = new QVBoxLayout(m_editor);
    editor->setContentsMargins(0, 0, 0, 0);
    auto* tools = new QHBoxLayout;
    auto* group = new QButtonGroup(this);
    const auto tool = [&](const QString& name, const QString& text, const QString& tip,
                          MaskCanvas::Tool which) {
        auto* button = new QToolButton(m_editor);
        button->setObjectName(name);
        button->setText(text);
        button->setToolTip(tip);
        button->setCheckable(true);
        group->addButton(button);
        tools->addWidget(button);
        connect(button, &QToolButton::toggled, this, [this, which](bool on) {
            if (on) m_canvas->setTool(which);
        });
        return button;
    };
    m_brush = tool(QStringLiteral("maskBrush"), tr("Brush"), tr("Paint the area to repaint"),
                   MaskCanvas::Tool::Brush);
    m_eraser = tool(QStringLiteral("maskEraser"), tr("Eraser"), tr("Keep this area after all"),
                    MaskCanvas::Tool::Eraser);
    m_rectangle = tool(QStringLiteral("maskRectangle"), tr("Rectangle"),
                       tr("Drag a box to repaint"), MaskCanvas::Tool::Rectangle);
    m_brush->setChecked(true);
    m_brushSize = new QSpinBox(m_editor);
    m_brushSize->setObjectName(QStringLiteral("brushSize"));
    m_brushSize->setRange(1, 512);
    m_brushSize->setValue(m_canvas->brushSize());
    m_brushSize->setSuffix(tr(" px"));
    m_brushSize->setToolTip(tr("Brush size, in pixels of the input image"));
    tools->addWidget(m_brushSize);
    tools->addStretch(1);
    auto* undo = new QToolButton(m_editor);
    undo->setObjectName(QStringLiteral("undoMask"));
    undo->setText(tr("Undo"));
    undo->setToolTip(tr("Take back the last change to the mask"));
    tools->addWidget(undo);
    auto* clearMask = new QToolButton(m_editor);
    clearMask->setObjectName(QStringLiteral("clearMask"));
    clearMask->setText(tr("Clear mask"));
    tools->addWidget(clearMask);
    auto* invert = new QToolButton(m_editor);
    invert->setObjectName(QStringLiteral("invertMask"));
    invert->setText(tr("Invert"));
    tools->addWidget(invert);
    editor->addLayout(tools);

    auto* form = new QFormLayout;
    m_softness = new QSlider(Qt::Horizontal, m_editor);
    m_softness->setObjectName(QStringLiteral("brushSoftness"));
    m_softness->setRange(0, 100);
    m_softness->setValue(static_cast<int>(m_canvas->softness() * 100));
    m_softness->setToolTip(tr("How soft the brush's edge is: 0 paints a hard edge"));
    form->addRow(tr("Soft edge"), m_softness);
    m_feather = new QSpinBox(m_editor);
    m_feather->setObjectName(QStringLiteral("maskFeather"));
    m_feather->setRange(0, pipeline::kMaxMaskFeather);
    m_feather->setSuffix(tr(" px"));
    m_feather->setToolTip(tr("Blend the repainted area this many pixels into the kept picture "
                             "(the mask's and the extension's edges)"));
    form->addRow(tr("Feather"), m_feather);
    m_strength = new QDoubleSpinBox(m_editor);
    m_strength->setObjectName(QStringLiteral("inputStrength"));
    m_strength->setRange(0.01, 1.0);
    m_strength->setSingleStep(0.05);
    m_strength->setDecimals(2);
    m_strength->setValue(kDefaultStrength);
    m_strength->setToolTip(tr("How much is redrawn: the last share of the steps runs from the "
                              "picture with noise added. 1 = from noise (the picture only guides "
                              "the kept area)."));
    form->addRow(tr("Strength"), m_strength);
    m_fit = new QComboBox(m_editor);
    m_fit->setObjectName(QStringLiteral("inputFit"));
    m_fit->addItem(tr("Crop to fill"), static_cast<int>(pipeline::InputFit::Crop));
    m_fit->addItem(tr("Stretch"), static_cast<int>(pipeline::InputFit::Stretch));
    form->addRow(tr("Fit"), m_fit);
    auto* extendRow = new QHBoxLayout;
    const QString sides[4] = {tr("Left"), tr("Top"), tr("Right"), tr("Bottom")};
    const char* names[4] = {"extendLeft", "extendTop", "extendRight", "extendBottom"};
    for (int i = 0; i < 4; ++i) {
        m_extend[i] = new QSpinBox(m_editor);
        m_extend[i]->setObjectName(QString::fromLatin1(names[i]));
        m_extend[i]->setRange(0, pipeline::kMaxCanvasExtension);
        m_extend[i]->setSingleStep(16);
        m_extend[i]->setToolTip(
            tr("Outpainting: pixels added on this side (%1); the new area is painted").arg(sides[i]));
        m_extend[i]->setPrefix(sides[i].left(1) + QStringLiteral(" "));
        extendRow->addWidget(m_extend[i]);
        connect(m_extend[i], qOverload<int>(&QSpinBox::valueChanged), this, [this] {
            m_canvas->setExtension(extension());
            autoStrength();
            updateState();
        });
    }
    form->addRow(tr("Extend"), extendRow);
    editor->addLayout(form);
    auto* fitRow = new QHBoxLayout;
    m_fitLabel = new QLabel(m_editor);
    m_fitLabel->setObjectName(QStringLiteral("inputFitText"));
    m_fitLabel->setWordWrap(true);
    fitRow->addWidget(m_fitLabel, 1);
    auto* useSize = new QPushButton(tr("Use its size"), m_editor);
    useSize->setObjectName(QStringLiteral("useInputSize"));
    useSize->setToolTip(tr("Set the output size to the input's (with the extension), rounded "
                           "to multiples of 16"));
    fitRow->addWidget(useSize);
    editor->addLayout(fitRow);
    layout->addWidget(m_editor);

    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Input image"), QString(),
            tr("Images (*.png *.jpg *.jpeg *.webp *.bmp);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !setInputImage(path, &error)) m_fileLabel->setText(error);
    });
    connect(m_clear, &QPushButton::clicked, this, &ImageInputPanel::clearInput);
    connect(clearMask, &QToolButton::clicked, m_canvas, &MaskCanvas::clearMask);
    connect(undo, &QToolButton::clicked, m_canvas, &MaskCanvas::undo);
    connect(m_canvas, &MaskCanvas::maskChanged, undo,
            [this, undo] { undo->setEnabled(m_canvas->canUndo()); });
    connect(invert, &QToolButton::clicked, m_canvas, &MaskCanvas::invertMask);
    connect(m_brushSize, qOverload<int>(&QSpinBox::valueChanged), m_canvas,
            &MaskCanvas::setBrushSize);
    connect(m_softness, &QSlider::valueChanged, this,
            [this](int v) { m_canvas->setSoftness(v / 100.0); });
    connect(m_canvas, &MaskCanvas::maskChanged, this, [this] {
        autoStrength();
        updateState();
    });
    connect(m_strength, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this] {
        if (!m_settingStrength) m_strengthChosen = true;
        updateState();
    });
    connect(m_fit, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &ImageInputPanel::updateState);
    connect(m_feather, qOverload<int>(&QSpinBox::valueChanged), this,
            &ImageInputPanel::updateState);
    connect(useSize, &QPushButton::clicked, this, [this] {
        if (m_canvas->image().isNull()) return;
        const QMargins e = extension();
        const int w = m_canvas->image().width() + e.left() + e.right();
        const int h = m_canvas->image().height() + e.top() + e.bottom();
        emit sizeSuggested(QSize(qMax(16, (w + 8) / 16 * 16), qMax(16, (h + 8) / 16 * 16)));
    });
    updateState();
}

bool ImageInputPanel::setInputImage(const QString& path, QString* error) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QByteArray format = reader.format();  // empty once read
    const QImage image = reader.read();
    if (image.isNull()) {
        if (error) *error = tr("%1 cannot be read as an image: %2").arg(path, reader.errorString());
        return false;
    }
    QString png = QFileInfo(path).absoluteFilePath();
    // core reads PNG; anything else (or a PNG with an orientation to apply) becomes one, named
    // by the original file's sha256.
    if (format != "png" || reader.transformation() != QImageIOHandler::TransformationNone) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            if (error) *error = tr("%1 cannot be read: %2").arg(path, in.errorString());
            return false;
        }
        const QString folder = m_storage.isEmpty() ? QDir::tempPath() : m_storage;
        QDir().mkpath(folder);
        png = QDir(folder).filePath(QStringLiteral("input-%1.png")
                                        .arg(QString::fromStdString(sha256Of(in.readAll()))));
        if (!QFileInfo::exists(png) && !image.save(png, "PNG")) {
            if (error) *error = tr("%1 could not be written").arg(png);
            return false;
        }
    }
    m_path = png;
    m_canvas->setImage(image);
    m_fileLabel->setText(tr("%1 (%2×%3)")
                             .arg(QFileInfo(path).fileName())
                             .arg(image.width())
                             .arg(image.height()));
    m_fileLabel->setToolTip(png);
    autoStrength();
    updateState();
    emit inputChanged();
    return true;
}

void ImageInputPanel::clearInput() {
    m_path.clear();
    m_canvas->setImage(QImage());
    for (QSpinBox* spin : m_extend) spin->setValue(0);
    m_strengthChosen = false;
    autoStrength();
    updateState();
    emit inputChanged();
}

void ImageInputPanel::setTargetSize(QSize size) {
    m_target = size;
    updateState();
}

QMargins ImageInputPanel::extension() const {
    return {m_extend[0]->value(), m_extend[1]->value(), m_extend[2]->value(),
            m_extend[3]->value()};
}

void ImageInputPanel::setExtension(const QMargins& e) {
    const int values[4] = {e.left(), e.top(), e.right(), e.bottom()};
    for (int i = 0; i < 4; ++i) m_extend[i]->setValue(values[i]);
}

void ImageInputPanel::setStrength(double strength) {
    m_strengthChosen = true;
    m_strength->setValue(strength);
}

double ImageInputPanel::strength() const { return m_strength->value(); }

void ImageInputPanel::setFit(pipeline::InputFit fit) {
    m_fit->setCurrentIndex(m_fit->findData(static_cast<int>(fit)));
}

void ImageInputPanel::setFeather(int pixels) { m_feather->setValue(pixels); }

void ImageInputPanel::autoStrength() {
    if (m_strengthChosen) return;
    const QMargins e = extension();
    const bool repaints = m_canvas->hasMask() || !e.isNull();
    m_settingStrength = true;
    m_strength->setValue(repaints ? pipeline::kInpaintStrength : kDefaultStrength);
    m_settingStrength = false;
}

QString ImageInputPanel::fitText() const {
    if (m_canvas->image().isNull()) return {};
    const QMargins e = extension();
    const pipeline::CanvasFit f = pipeline::planCanvasFit(
        m_canvas->image().width(), m_canvas->image().height(),
        {e.left(), e.top(), e.right(), e.bottom()},
        static_cast<pipeline::InputFit>(m_fit->currentData().toInt()), m_target.width(),
        m_target.height());
    const QString canvas = tr("%1×%2").arg(f.canvasWidth).arg(f.canvasHeight);
    const QString target = tr("%1×%2").arg(f.width).arg(f.height);
    if (f.canvasWidth == f.width && f.canvasHeight == f.height)
        return tr("Used as it is (%1).").arg(target);
    if (f.fit == pipeline::InputFit::Stretch) {
        return tr("%1 stretched to %2 (scaled by %3 × %4).")
            .arg(canvas, target, number(f.scaleX, 2), number(f.scaleY, 2));
    }
    const int cutW = f.cropLeft + f.cropRight, cutH = f.cropTop + f.cropBottom;
    if (cutW + cutH == 0)
        return tr("%1 scaled by %2 to %3.").arg(canvas, number(f.scaleX, 2), target);
    return tr("%1 scaled by %2 and cropped to %3 (%4 px cut).")
        .arg(canvas, number(f.scaleX, 2), target)
        .arg(cutW + cutH);
}

void ImageInputPanel::updateState() {
    const bool has = hasInput();
    m_editor->setEnabled(has);
    m_clear->setEnabled(has);
    if (!has) {
        m_fileLabel->setText(tr("No input image: text to image. Drop a picture on the window to "
                                "work from it."));
        m_fitLabel->clear();
        return;
    }
    QString mode;
    const bool mask = m_canvas->hasMask();
    const bool extend = !extension().isNull();
    if (mask && extend)
        mode = tr("Inpainting and outpainting: the mask and the new area are painted.");
    else if (mask)
        mode = tr("Inpainting: the mask is repainted, the rest kept.");
    else if (extend)
        mode = tr("Outpainting: the new area is painted, the picture kept.");
    else
        mode = tr("Image to image: the whole picture is redrawn.");
    m_fitLabel->setText(mode + QLatin1Char(' ') + fitText());
}

QString ImageInputPanel::writeMask(QString* error) const {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!m_canvas->mask().save(&buffer, "PNG")) {
        if (error) *error = tr("the mask could not be encoded");
        return {};
    }
    const QString folder = m_storage.isEmpty() ? QDir::tempPath() : m_storage;
    QDir().mkpath(folder);
    const QString file = QDir(folder).filePath(
        QStringLiteral("mask-%1.png").arg(QString::fromStdString(sha256Of(bytes))));
    if (QFileInfo::exists(file)) return file;  // named by its content: the same mask
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        if (error) *error = tr("the mask could not be written to %1: %2").arg(file, out.errorString());
        return {};
    }
    return file;
}

std::optional<pipeline::ImageInput> ImageInputPanel::imageInput(QString* error) const {
    if (!hasInput()) return std::nullopt;
    pipeline::ImageInput input;
    input.image = m_path.toStdString();
    try {
        input.imageSha256 = image::sha256File(input.image);
    } catch (const Error& e) {
        if (error) *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
    input.strength = m_strength->value();
    input.fit = static_cast<pipeline::InputFit>(m_fit->currentData().toInt());
    const QMargins e = extension();
    input.extend = {e.left(), e.top(), e.right(), e.bottom()};
    input.feather = m_feather->value();
    if (m_canvas->hasMask()) {
        const QString mask = writeMask(error);
        if (mask.isEmpty()) return std::nullopt;
        input.mask = mask.toStdString();
        input.maskSha256 = image::sha256File(input.mask);
    }
    return input;
}

void ImageInputPanel::setFromRequest(const pipeline::GenerationRequest& request) {
    if (!request.input) {
        clearInput();
        return;
    }
    const pipeline::ImageInput& in = *request.input;
    QString error;
    if (!setInputImage(QString::fromStdString(in.image), &error)) {
        clearInput();
        m_fileLabel->setText(error);
        return;
    }
    setFit(in.fit);
    setExtension({in.extend.left, in.extend.top, in.extend.right, in.extend.bottom});
    setFeather(in.feather);
    if (!in.mask.empty()) {
        const QImage mask(QString::fromStdString(in.mask));
        if (!mask.isNull()) m_canvas->setMask(mask);
    }
    setStrength(in.strength);
    updateState();
}

QString ImageInputPanel::imagePathOf(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile()) continue;
        const QString path = url.toLocalFile();
        if (!QImageReader::imageFormat(path).isEmpty()) return path;
    }
    return {};
}

ImageDropFilter::ImageDropFilter(ImageInputPanel* panel, QWidget* window, QObject* parent)
    : QObject(parent), m_panel(panel), m_window(window) {}

bool ImageDropFilter::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QObject::eventFilter(watched, event);
    // Only drops on this window or a widget in it (a floating dock included).
    bool ours = false;
    for (auto* w = qobject_cast<QWidget*>(watched); w && !ours; w = w->parentWidget())
        ours = w == m_window;
    if (!ours) return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (!ImageInputPanel::imagePathOf(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
    } else if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QString path = ImageInputPanel::imagePathOf(drop->mimeData());
        if (!path.isEmpty()) {
            QString error;
            const bool ok = m_panel->setInputImage(path, &error);
            drop->acceptProposedAction();
            emit dropped(path, ok, error);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace i4::ui
