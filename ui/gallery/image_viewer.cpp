#include "ui/gallery/image_viewer.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

#include "ui/gallery/zoom_image_view.h"

namespace i4::ui {

ImageViewer::ImageViewer(QWidget* parent) : QDialog(parent) {
    setWindowFlag(Qt::Window);
    setObjectName(QStringLiteral("imageViewer"));
    m_view = new ZoomImageView(this);
    m_info = new QLabel(this);
    auto* fit = new QPushButton(tr("Fit"), this);
    auto* actual = new QPushButton(tr("100 %"), this);
    auto* zoomIn = new QPushButton(tr("Zoom in"), this);
    auto* zoomOut = new QPushButton(tr("Zoom out"), this);
    auto* copy = new QPushButton(tr("Copy image"), this);
    auto* close = new QPushButton(tr("Close"), this);
    auto* previous = new QPushButton(tr("Previous"), this);
    auto* next = new QPushButton(tr("Next"), this);
    previous->setToolTip(tr("The image before this one in the gallery (Left)"));
    next->setToolTip(tr("The image after this one in the gallery (Right)"));
    connect(previous, &QPushButton::clicked, this, [this] { emit stepRequested(-1); });
    connect(next, &QPushButton::clicked, this, [this] { emit stepRequested(+1); });
    fit->setToolTip(tr("Fit the window (0); double-click the image for 100 %"));
    actual->setToolTip(tr("One image pixel per screen pixel (1)"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(previous);
    buttons->addWidget(next);
    for (QPushButton* button : {fit, actual, zoomIn, zoomOut}) buttons->addWidget(button);
    buttons->addWidget(m_info, 1);
    buttons->addWidget(copy);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(fit, &QPushButton::clicked, m_view, &ZoomImageView::fit);
    connect(actual, &QPushButton::clicked, m_view, &ZoomImageView::actualSize);
    connect(zoomIn, &QPushButton::clicked, this, [this] { m_view->zoomBy(1.25); });
    connect(zoomOut, &QPushButton::clicked, this, [this] { m_view->zoomBy(0.8); });
    connect(copy, &QPushButton::clicked, this, &ImageViewer::copyImage);
    connect(close, &QPushButton::clicked, this, &QDialog::close);
    new QShortcut(QKeySequence::Copy, this, this, &ImageViewer::copyImage);
    resize(900, 760);
}

bool ImageViewer::showImage(const QString& path, const QString& title) {
    const QImage image(path);
    if (image.isNull()) return false;
    m_path = path;
    m_view->setImage(image);
    m_view->fit();
    m_info->setText(tr("%1 × %2 pixels").arg(image.width()).arg(image.height()));
    setWindowTitle(title.isEmpty() ? tr("Image") : title);
    show();
    raise();
    activateWindow();
    m_view->setFocus();
    return true;
}

void ImageViewer::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) {
        emit stepRequested(event->key() == Qt::Key_Left ? -1 : +1);
        return;
    }
    QDialog::keyPressEvent(event);
}

void ImageViewer::copyImage() {
    if (!m_view->image().isNull()) QApplication::clipboard()->setImage(m_view->image());
}

}  // namespace i4::ui
