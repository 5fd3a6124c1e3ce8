#include "ui/settings/model_folder_check.h"

#include <QCoreApplication>
#include <QDir>

#include "core/io/model_summary.h"

namespace i4::ui {

ModelFolderCheck checkModelFolder(const QString& folder) {
    ModelFolderCheck check;
    if (folder.isEmpty() || !QDir(folder).exists()) {
        check.report =
            QCoreApplication::translate("i4::ui::ModelFolderCheck", "The folder %1 does not exist.")
                .arg(folder);
        return check;
    }
    try {
        const io::ModelSummary summary = io::summarizeModelFolder(folder.toStdString());
        check.ok = true;
        check.report = QString::fromStdString(io::formatSummary(summary));
    } catch (const std::exception& error) {
        check.report = QCoreApplication::translate("i4::ui::ModelFolderCheck",
                                                   "This is not a usable Ideogram 4 model "
                                                   "folder: %1")
                           .arg(QString::fromStdString(error.what()));
    }
    return check;
}

}  // namespace i4::ui
