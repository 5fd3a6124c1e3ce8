#include "ui/engine/device_text.h"

#include <QCoreApplication>
#include <QLocale>

namespace i4::ui {

QString gibText(quint64 bytes) {
    return QCoreApplication::translate("i4::ui::DeviceText", "%1 GiB")
        .arg(QLocale().toString(double(bytes) / double(1ull << 30), 'f', 1));
}

QString gpuDescription(const pipeline::DeviceReport& report) {
    return QCoreApplication::translate("i4::ui::DeviceText", "%1, %2 (%3 free)")
        .arg(QString::fromStdString(report.gpuName), gibText(report.gpuTotalBytes),
             gibText(report.gpuFreeBytes));
}

QString noGpuSentence(const pipeline::DeviceReport& report) {
    const QString torch = QString::fromStdString(report.torchVersion);
    if (!report.buildHasCuda) {
        return QCoreApplication::translate(
                   "i4::ui::DeviceText",
                   "This build of i4studio cannot use the GPU: its LibTorch (%1) was built "
                   "without CUDA. For a build that can, run scripts/run --gpu in the source "
                   "folder on a machine with an NVIDIA GPU (README, section “NVIDIA GPU”).")
            .arg(torch);
    }
    const QString reason =
        report.problem.empty()
            ? QCoreApplication::translate("i4::ui::DeviceText", "no usable NVIDIA GPU was found")
            : QString::fromStdString(report.problem);
    return QCoreApplication::translate(
               "i4::ui::DeviceText",
               "i4studio cannot use the GPU: this build has CUDA (LibTorch %1), but %2")
        .arg(torch, reason);
}

QString deviceName(const QString& device) {
    if (device == QLatin1String("cuda"))
        return QCoreApplication::translate("i4::ui::DeviceText", "NVIDIA GPU");
    if (device == QLatin1String("cpu"))
        return QCoreApplication::translate("i4::ui::DeviceText", "CPU");
    return device;
}

QString precisionName(const QString& dtype) {
    if (dtype == QLatin1String("bf16")) return QStringLiteral("bfloat16");
    if (dtype == QLatin1String("fp32")) return QStringLiteral("float32");
    return dtype;
}

QString memoryModeName(const QString& mode) {
    if (mode == QLatin1String("resident"))
        return QCoreApplication::translate("i4::ui::DeviceText", "everything on the GPU");
    if (mode == QLatin1String("offload-encoder"))
        return QCoreApplication::translate("i4::ui::DeviceText", "text encoder in CPU memory");
    if (mode == QLatin1String("low-vram"))
        return QCoreApplication::translate("i4::ui::DeviceText", "low VRAM");
    return mode;
}

QString numericsModeName(bool fp8Matmul) {
    return fp8Matmul ? QCoreApplication::translate("i4::ui::DeviceText", "fast (fp8)")
                     : QCoreApplication::translate("i4::ui::DeviceText", "exact");
}

QString fastModeToolTip() {
    const QString what = QCoreApplication::translate(
        "i4::ui::DeviceText",
        "The transformers' block matmuls (attention and feed-forward) run in fp8 on the GPU's "
        "tensor cores, each token's activations scaled to fp8 on the fly: faster per step, but "
        "not the reference numerics, so a picture differs from the exact mode's for the same "
        "seed. Off: the exact mode, with the reference's numerics.");
    // No GPU with fp8 tensor cores has run bench_fast_mode yet (issue 24): until it has, this
    // says where the cost is measured rather than guess it. Its figures (image PSNR, largest
    // pixel difference, z_final relative error against the exact mode) replace this paragraph.
    const QString cost = QCoreApplication::translate(
        "i4::ui::DeviceText",
        "Quality cost: not measured on a GPU yet. bench_fast_mode measures it against the exact "
        "mode on one request and seed (image PSNR, largest pixel difference, z_final relative "
        "error); see bench/README.md.");
    // Rich text, so that the tooltip wraps; a word joiner keeps Qt from breaking the file name
    // after its slash.
    const QString readme = QStringLiteral("bench/README.md");
    const QString unbroken = QStringLiteral("bench/") + QChar(0x2060) + QStringLiteral("README.md");
    return QStringLiteral("<p>%1</p><p>%2</p>")
        .arg(what.toHtmlEscaped(), cost.toHtmlEscaped().replace(readme, unbroken));
}

QString fastModeUnavailableReason(const pipeline::DeviceReport& report) {
    if (report.fp8MatmulAvailable) return QString();
    if (!report.buildHasCuda) {
        return QCoreApplication::translate("i4::ui::DeviceText",
                                           "Not available: this build cannot use a GPU.");
    }
    if (!report.gpuAvailable) {
        return QCoreApplication::translate("i4::ui::DeviceText",
                                           "Not available: no usable NVIDIA GPU was found.");
    }
    return QCoreApplication::translate(
               "i4::ui::DeviceText",
               "Not available on %1: the fast mode needs a GPU with fp8 tensor cores (compute "
               "capability 8.9 or newer: RTX 40xx, L4/L40, H100/H200 and later) and LibTorch "
               "2.4 or newer (this build has %2).")
        .arg(QString::fromStdString(report.gpuName), QString::fromStdString(report.torchVersion));
}

}  // namespace i4::ui
