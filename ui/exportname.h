#pragma once

#include <QDateTime>
#include <QString>

namespace Pop3Connector {

// The file name an exported message is offered under: its subject and date, as a person would
// name it ("Invoice March 2026-11-30 0912.eml"). The subject is somebody else's bytes: path
// separators, control characters and what other file systems refuse become spaces, a leading
// dot goes (no hidden files), and the name is capped so that it fits every file system.
QString exportFileName(const QString &subject, const QDateTime &date);

// Where an export is offered first, one message or many: the folder this user chose for the last
// export (remembered per user) while it is there, else the Documents folder, or home without one.
QString exportFolder();
// Remembers `folder` as the one the next export starts in.
void rememberExportFolder(const QString &folder);

} // namespace Pop3Connector
