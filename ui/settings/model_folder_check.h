#pragma once

#include <QString>

namespace i4::ui {

struct ModelFolderCheck {
    bool ok = false;
    QString report;  // the summary when ok, else what is wrong, in plain words
};

// Reads only the headers of each component (no weights), so it is quick enough for a dialog.
ModelFolderCheck checkModelFolder(const QString& folder);

}  // namespace i4::ui
