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

}  // namespace i4::ui
