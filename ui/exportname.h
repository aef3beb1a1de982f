#pragma once

#include <QDateTime>
#include <QString>

namespace Pop3Connector {

// The file name an exported message is offered under: its subject and date, as a person would
// name it ("Invoice March 2026-11-30 0912.eml"). The subject is somebody else's bytes: path
// separators, control characters and what other file systems refuse become spaces, a leading
// dot goes (no hidden files), and the name is capped so that it fits every file system.
QString exportFileName(const QString &subject, const QDateTime &date);

// Where an export is offered first: the user's Documents folder, or home without one.
QString exportFolder();

} // namespace Pop3Connector
