#pragma once

#include <QMargins>
#include <QSize>
#include <QWidget>
#include <optional>

#include "core/pipeline/generation_request.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMimeData;
class QPushButton;
class QSlider;
class QSpinBox;
class QToolButton;

namespace i4::ui {

class MaskCanvas;

// Working from an image (issue 26): the input picture with its strength, how it is fitted to the
// output size, the inpainting mask (MaskCanvas: brush, eraser, rectangle, soft edge) and the
// outpainting extension. While it holds an image, every request the window queues carries it as
// GenerationRequest::input; without one, generation is text-to-image.
//
// The mask is written as a PNG (white = repaint) into the storage folder, named by its sha256,
// so that an image's metadata names a file that stays (remix reads it back). Inputs Qt reads but
// core does not (JPEG, WebP, ...) are converted to PNG there too.
class ImageInputPanel : public QWidget {
    Q_OBJECT

public:
    // A fresh image-to-image run keeps this much of the picture; with a mask or an extension the
    // repainted area starts from noise (until the user sets a strength).
    static constexpr double kDefaultStrength = 0.6;

    explicit ImageInputPanel(QWidget* parent = nullptr);

    void setStorageFolder(const QString& folder) { m_storage = folder; }
    // Any image Qt reads. False with `error` set when it cannot be read.
    bool setInputImage(const QString& path, QString* error = nullptr);
    void clearInput();
    bool hasInput() const { return !m_path.isEmpty(); }
    QString inputPath() const { return m_path; }

    // The output size (the generation panel's), for the fit shown under the picture.
    void setTargetSize(QSize size);
    QString fitText() const;

    void setStrength(double strength);  // counts as the user's choice
    double strength() const;
    void setFit(pipeline::InputFit fit);
    void setExtension(const QMargins& extension);
    QMargins extension() const;
    void setFeather(int pixels);

    // The request's input: nullopt without an image. Writes the mask file when a mask is drawn;
    // on failure returns nullopt with `error` set.
    std::optional<pipeline::ImageInput> imageInput(QString* error = nullptr) const;
    // Restores a request's input (remix); a request without one clears the panel.
    void setFromRequest(const pipeline::GenerationRequest& request);

    MaskCanvas* canvas() const { return m_canvas; }

    // Drops: the first local image file of `mime`, or "" (for the window's drop filter).
    static QString imagePathOf(const QMimeData* mime);

signals:
    void inputChanged();
    // "Use its size": the canvas's size rounded to multiples of 16.
    void sizeSuggested(QSize size);

private:
    void updateState();
    void autoStrength();
    QString writeMask(QString* error) const;

    QString m_storage;
    QString m_path;  // the PNG the request names
    QSize m_target{1024, 1024};
    bool m_strengthChosen = false;
    bool m_settingStrength = false;
    QLabel* m_fileLabel = nullptr;
    QLabel* m_fitLabel = nullptr;
    MaskCanvas* m_canvas = nullptr;
    QToolButton* m_brush = nullptr;
    QToolButton* m_eraser = nullptr;
    QToolButton* m_rectangle = nullptr;
    QSpinBox* m_brushSize = nullptr;
    QSlider* m_softness = nullptr;
    QDoubleSpinBox* m_strength = nullptr;
    QComboBox* m_fit = nullptr;
    QSpinBox* m_feather = nullptr;
    QSpinBox* m_extend[4] = {};  // left, top, right, bottom
    QPushButton* m_clear = nullptr;
    QWidget* m_editor = nullptr;  // everything below the file line, disabled without an image
};

// Installed on the application: image files dropped anywhere on `window` (text fields included:
// a picture is not text to insert) go to the panel; other drops pass.
class ImageDropFilter : public QObject {
    Q_OBJECT

public:
    ImageDropFilter(ImageInputPanel* panel, QWidget* window, QObject* parent = nullptr);

signals:
    void dropped(const QString& path, bool ok, const QString& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ImageInputPanel* m_panel;
    QWidget* m_window;
};

}  // namespace i4::ui
